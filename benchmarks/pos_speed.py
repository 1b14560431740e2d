"""Speed of the POS step and the facts step alone (words/s), with NLTK's tagger for comparison.

Run: python benchmarks/pos_speed.py [ARTICLE ...]   (default: every article in articles/)
Prints medians over several runs; the whole pipeline targets 50,000 words/s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from reader.document import Document
from reader.nlp import facts, pos
from reader.nlp.segment import segment


def _median(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    """Benchmark POS tagging and fact extraction on the given (or bundled) articles."""
    root = Path(__file__).resolve().parents[1]
    paths = [Path(p) for p in argv] or sorted((root / "articles").glob("*.*"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths) * 10
    t = time.perf_counter()
    pos.load_model()
    print(f"model load: {time.perf_counter() - t:.3f}s")
    sentences, tokens = segment(text)
    doc = Document(text=text).with_layers(sentences=sentences, tokens=tokens)
    n = len(tokens)
    t_pos = _median(lambda: pos.run(doc))
    print(f"tokens: {n}  pos step: {t_pos:.3f}s = {n / t_pos:,.0f} words/s")
    tagged = pos.run(doc)
    t_facts = _median(lambda: facts.run(tagged))
    print(f"facts step (no entities): {t_facts:.3f}s = {n / t_facts:,.0f} words/s")
    try:
        from nltk.tag.perceptron import PerceptronTagger

        model = pos.load_model()
        nltk_tagger = PerceptronTagger(load=False)
        nltk_tagger.decode_json_params((model.weights, model.tagdict, list(model.classes)))
        words = [[text[t.start : t.end] for t in doc.sentence_tokens(s)] for s in doc.sentences]
        t_nltk = _median(lambda: [nltk_tagger.tag(w) for w in words], repeat=3)
        print(f"nltk PerceptronTagger.tag, same weights: {n / t_nltk:,.0f} words/s "
              f"(ours is {t_nltk / t_pos:.1f}x faster)")
    except ImportError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
