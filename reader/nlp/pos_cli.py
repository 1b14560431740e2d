"""`reader train-pos`: train the POS tagger on CoNLL-2000 with NLTK and write it as JSON."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any, Iterator

from reader.errors import fail

PRUNE_BELOW = 0.5  # drop averaged weights smaller than this in magnitude (size / speed)
ITERATIONS = 5
SEED = 1


def read_conll(path: Path | str) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (word, tag) pairs from a CoNLL file (`word POS ...` per line)."""
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
            elif parts[0] != "-DOCSTART-" and len(parts) >= 2:
                sent.append((parts[0], parts[1]))
    if sent:
        yield sent


def prune(weights: dict[str, dict[str, float]], threshold: float) -> dict[str, dict[str, float]]:
    """Keep only weights with |w| >= threshold, dropping features left empty."""
    out: dict[str, dict[str, float]] = {}
    for feat, wts in weights.items():
        kept = {c: w for c, w in wts.items() if abs(w) >= threshold}
        if kept:
            out[feat] = kept
    return out


def train_model(corpus: Path | str, iterations: int = ITERATIONS, threshold: float = PRUNE_BELOW) -> dict[str, Any]:
    """Train NLTK's PerceptronTagger on a CoNLL file; return the JSON-ready model."""
    from nltk.tag.perceptron import PerceptronTagger

    random.seed(SEED)
    sentences = list(read_conll(corpus))
    if not sentences:
        raise ValueError(f"no tagged sentences in {corpus}")
    tagger = PerceptronTagger(load=False)
    tagger.train(sentences, nr_iter=iterations)
    weights, tagdict, classes = tagger.encode_json_obj()
    return {
        "weights": prune(weights, threshold),
        "tagdict": tagdict,
        "classes": sorted(classes),
        "meta": {
            "trained_on": Path(corpus).name,
            "sentences": len(sentences),
            "iterations": iterations,
            "prune_below": threshold,
            "features": "nltk.tag.perceptron.PerceptronTagger._get_features",
        },
    }


def accuracy(model: Any, corpus: Path | str) -> tuple[float, int]:
    """Token accuracy of a `PosModel` on a CoNLL file, and the number of tokens."""
    right = total = 0
    for sent in read_conll(corpus):
        words = [w for w, _ in sent]
        for (_, gold), guess in zip(sent, model.tag(words)):
            right += gold == guess
            total += 1
    return (right / total if total else 0.0), total


def train(args: Any) -> int:
    """CLI handler: train on --corpus, write -o, and report accuracy on test.txt beside it."""
    from reader.nlp.pos import PosModel

    corpus = Path(args.corpus)
    if not corpus.is_file():
        return fail(f"train-pos: corpus not found: {corpus}")
    t0 = time.perf_counter()
    try:
        data = train_model(corpus)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return fail(f"train-pos: cannot train on {corpus}: {exc}")
    out = Path(args.output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        return fail(f"train-pos: cannot write {out}: {exc.strerror or exc}")
    print(f"trained on {data['meta']['sentences']} sentences in {time.perf_counter() - t0:.0f}s -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)")
    test = corpus.with_name("test.txt")
    if test.is_file() and test != corpus:
        acc, n = accuracy(PosModel.from_json(data), test)
        print(f"accuracy on {test.name}: {acc:.4f} ({n} tokens)")
    return 0
