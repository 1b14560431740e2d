"""Tagging speed of the shipped entity tagger: the numpy path against the pycrfsuite path it replaced.

Usage: python benchmarks/ner_speed.py [--corpus ../shared/corpora/conll2003/dev.txt] [--runs 5] [--size 100000]
Prints the model load time; words/s of both paths on the CoNLL file (feature extraction and both
passes, with a cold and a warm per-word cache); and the NER pipeline step's time on a generated
article of --size characters with each path. Medians over --runs interleaved runs (one core), and
the ratio; the two paths must give the same tags.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


class PycrfsuitePath:
    """Tagging as it was before the numpy path: canonical feature strings and `pycrfsuite.Tagger.tag`."""

    def __init__(self, tagger) -> None:  # type: ignore[no-untyped-def]
        import pycrfsuite

        from reader.nlp.ner.features import Featurizer
        from reader.nlp.ner.tagger import MODEL_PATH, pass1_path

        self.featurizer = Featurizer(
            tagger.featurizer.gaz, doc_features=tagger.meta.get("doc_features", True),
            bigrams=tagger.meta.get("bigrams", False), vocab={a: a for a in tagger.vocab},
        )
        self.first, self.second = pycrfsuite.Tagger(), pycrfsuite.Tagger()
        self.first.open(str(pass1_path(MODEL_PATH)))
        self.second.open(str(MODEL_PATH))

    def clear_caches(self) -> None:
        """Forget the per-word feature cache."""
        self.featurizer._word.clear()

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags, one sentence at a time through pycrfsuite (the shipped stacked model)."""
        from reader.nlp.ner.features import LabelCues
        from reader.nlp.ner.tagger import repair

        fz = self.featurizer
        norms, caps, dfeats = fz.context(sentences)
        tag1, tag2 = self.first.tag, self.second.tag
        first = [list(tag1(fz.sentence(s, n, c, dfeats))) if s else [] for s, n, c in zip(sentences, norms, caps)]
        cues = LabelCues(sentences, first, norms)
        tags: list[list[str]] = []
        for s, n, c, t1 in zip(sentences, norms, caps, first):
            f = fz.sentence(s, n, c, dfeats)
            cues.extend(f, s, t1, n)
            tags.append(repair(s, list(tag2(f)), fz.common) if s else [])
        return tags


def _seconds(fn: Callable[[], object]) -> float:
    """Wall time of one call."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _row(label: str, old: list[float], new: list[float], unit: str) -> None:
    """Print the medians of both paths and how many times faster the new one is."""
    o, n = statistics.median(old), statistics.median(new)
    ratio = n / o if unit == "words/s" else o / n
    print(f"{label:<34} {o:>12,.1f} {n:>12,.1f}  {unit:<8} {ratio:5.2f}x faster")


def main() -> None:
    """Load the model, time both paths on a CoNLL file and on a generated article, print medians."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "conll2003" / "dev.txt"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    if not Path(args.corpus).is_file():
        sys.exit(f"ner_speed: no such corpus file: {args.corpus}")

    from corpus import generated

    from reader.document import Document
    from reader.nlp import segment
    from reader.nlp.ner import step
    from reader.nlp.ner.conll import read_conll
    from reader.nlp.ner.tagger import NerTagger, load

    t0 = time.perf_counter()
    NerTagger()
    print(f"model load: {(time.perf_counter() - t0) * 1000:.0f} ms")
    new = load()
    old = PycrfsuitePath(new)
    docs = [[[t for t, _ in s] for s in d] for d in read_conll(args.corpus)]
    words = sum(len(s) for d in docs for s in d)
    same = all(old.tag_document(d) == new.tag_document(d) for d in docs)
    rates: dict[str, list[float]] = {k: [] for k in ("old cold", "new cold", "old warm", "new warm")}
    for _ in range(args.runs):
        for name, path in (("old", old), ("new", new)):
            path.clear_caches()
            rates[name + " cold"].append(words / _seconds(lambda: [path.tag_document(d) for d in docs]))
            rates[name + " warm"].append(words / _seconds(lambda: [path.tag_document(d) for d in docs]))
    print(f"{Path(args.corpus).name}: {words} words, {len(docs)} documents, {args.runs} runs; same tags: {same}")
    print(f"{'':<34} {'pycrfsuite':>12} {'numpy':>12}")
    _row("words/s, cold word cache", rates["old cold"], rates["new cold"], "words/s")
    _row("words/s, warm word cache", rates["old warm"], rates["new warm"], "words/s")

    text = generated(args.size)
    doc = segment.run(Document(text=text))
    entities = step.run(doc).entities  # also warms the caches the step keeps
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.runs):
        new.tag_document = old.tag_document  # type: ignore[method-assign]  # the step with the old path
        times["old"].append(_seconds(lambda: step.run(doc)) * 1000)
        same = step.run(doc).entities == entities
        del new.tag_document
        times["new"].append(_seconds(lambda: step.run(doc)) * 1000)
    print(f"generated article: {len(text):,} characters, {len(doc.tokens):,} tokens; same entities: {same}")
    _row("NER step (reader.nlp.ner.step)", times["old"], times["new"], "ms")
    print(f"numpy path vs the 50,000 words/s target (cold): {statistics.median(rates['new cold']) / 50_000:.2f}")


if __name__ == "__main__":
    main()
