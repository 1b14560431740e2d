"""Per-type entity scores of the shipped NER on a CoNLL file, through the path the app uses.

Usage: python benchmarks/ner_international.py [FILE ...] [--raw] [--errors]

For each file (default: tests/data/ner_international_dev.conll) prints precision / recall / F1 per
type and overall (exact span match, conlleval semantics). The predicted spans are those of
`reader.nlp.ner.step`: the CRF's tags (`NerTagger.tag_document`), then the title rules
(`step.tag_spans`: titles split out, particles joined, ...), then titles dropped from PERSON spans
(`step._trim`, as the entities layer does). `--raw` scores the CRF's tags alone (what
`reader eval-ner` scores). `--errors` lists the misses and false alarms, and refuses to do so for a
file whose name contains "test" (held-out files are scored, never inspected).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "data" / "ner_international_dev.conll"


def app_spans(tagger, sentences: Sequence[Sequence[str]]) -> list[set[tuple[int, int, str]]]:  # type: ignore[no-untyped-def]
    """Entity token spans per sentence as the pipeline step finds them (title rules, titles trimmed)."""
    from reader.nlp.ner.step import _trim, tag_spans

    titles = tagger.featurizer.gaz.cue("TITLE")
    out: list[set[tuple[int, int, str]]] = []
    for words, found in zip(sentences, tag_spans(tagger, sentences)):
        sent: set[tuple[int, int, str]] = set()
        for i, j, typ in found:
            r = _trim(words, i, j, typ, titles)
            if r is not None:
                sent.add((r[0], r[1], typ))
        out.append(sent)
    return out


def to_tags(n: int, found: set[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags of n tokens from entity spans."""
    tags = ["O"] * n
    for i, j, typ in sorted(found):
        tags[i] = "B-" + typ
        for k in range(i + 1, j):
            tags[k] = "I-" + typ
    return tags


def predict(path: str | Path, raw: bool = False):  # type: ignore[no-untyped-def]
    """(sentences, gold tags, predicted tags) for every sentence of a CoNLL file."""
    from reader.nlp.ner.conll import read_conll
    from reader.nlp.ner.tagger import load

    tagger = load()
    sents, gold, pred = [], [], []
    for doc in read_conll(path):
        words = [[t for t, _ in s] for s in doc]
        if raw:
            tags = tagger.tag_document(words)
        else:
            tags = [to_tags(len(w), f) for w, f in zip(words, app_spans(tagger, words))]
        sents += words
        gold += [[g for _, g in s] for s in doc]
        pred += tags
    return sents, gold, pred


def score_file(path: str | Path, raw: bool = False):  # type: ignore[no-untyped-def]
    """The `reader.nlp.ner.conll.Score` of the shipped NER on a CoNLL file."""
    from reader.nlp.ner.conll import score

    _, gold, pred = predict(path, raw)
    return score(gold, pred)


def errors(sents, gold, pred) -> list[str]:  # type: ignore[no-untyped-def]
    """One line per wrong span: '-' a gold span missed, '+' a predicted span that is not gold."""
    from reader.nlp.ner.conll import spans

    out = []
    for words, g, p in zip(sents, gold, pred):
        gs, ps = spans(g), spans(p)
        if gs == ps:
            continue
        line = " ".join(words)
        for i, j, t in sorted(gs - ps):
            out.append(f"- {t:4} {' '.join(words[i:j])!r:40} | {line}")
        for i, j, t in sorted(ps - gs):
            out.append(f"+ {t:4} {' '.join(words[i:j])!r:40} | {line}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the scores of each file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--raw", action="store_true", help="the CRF's tags only, without the title rules")
    ap.add_argument("--errors", action="store_true", help="list wrong spans (not for *test* files)")
    args = ap.parse_args(argv)
    from reader.nlp.ner.conll import ConllError, score

    for f in args.files:
        try:
            sents, gold, pred = predict(f, args.raw)
        except ConllError as exc:
            print(f"ner_international: {exc}", file=sys.stderr)
            return 2
        result = score(gold, pred)
        print(f"{Path(f).name} ({'CRF only' if args.raw else 'app path'})")
        print(f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for name, c in sorted(result.by_type.items()) + [("overall", result.overall)]:
            print(f"  {name:8} {c.precision * 100:6.2f} {c.recall * 100:6.2f} {c.f1 * 100:6.2f} "
                  f"{c.tp + c.fn:5d} {c.tp + c.fp:5d}")
        if args.errors:
            if "test" in Path(f).name:
                print("  (errors of held-out test files are not shown)")
            else:
                for line in errors(sents, gold, pred):
                    print("  " + line)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
