"""Tagging speed of the shipped entity tagger, including feature extraction.

Usage: python benchmarks/ner_speed.py [--corpus ../shared/corpora/conll2003/dev.txt] [--runs 5]
Prints the model load time and the median words/s over several runs (one core).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Load the model, tag a CoNLL file several times and print medians."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "conll2003" / "dev.txt"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    from reader.nlp.ner.conll import read_conll
    from reader.nlp.ner.tagger import MODEL_PATH, NerTagger

    t0 = time.perf_counter()
    tagger = NerTagger(args.model or MODEL_PATH)
    load = time.perf_counter() - t0
    docs = [[[t for t, _ in s] for s in d] for d in read_conll(args.corpus)]
    words = sum(len(s) for d in docs for s in d)
    rates, cold = [], []
    for _ in range(args.runs):
        tagger.featurizer._word.clear()  # measure with a cold per-word cache too
        t0 = time.perf_counter()
        for d in docs:
            tagger.tag_document(d)
        cold.append(words / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for d in docs:
            tagger.tag_document(d)
        rates.append(words / (time.perf_counter() - t0))
    print(f"model load: {load * 1000:.0f} ms")
    print(f"{words} words, {len(docs)} documents, {args.runs} runs")
    print(f"median words/s (cold word cache): {statistics.median(cold):,.0f}")
    print(f"median words/s (warm word cache): {statistics.median(rates):,.0f}")
    print(f"ratio to the 50,000 words/s target: {statistics.median(cold) / 50_000:.2f}")


if __name__ == "__main__":
    main()
