"""Command handlers: `reader train-ner` and `reader eval-ner`."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.nlp.ner.conll import ConllError, Score


from reader.errors import fail as _fail


def score_table(result: Score, title: str):  # type: ignore[no-untyped-def]
    """A Rich table of per-type and overall precision, recall and F1 (plain strings, no markup)."""
    from rich.table import Table

    table = Table(title=title)
    for col in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="left" if col == "type" else "right")
    rows = sorted(result.by_type.items()) + [("overall", result.overall)]
    for name, c in rows:
        table.add_row(
            name, f"{c.precision * 100:.2f}", f"{c.recall * 100:.2f}", f"{c.f1 * 100:.2f}",
            str(c.tp + c.fn), str(c.tp + c.fp),
        )
    return table


def train(args: argparse.Namespace) -> int:
    """Retrain the entity tagger from a CoNLL-2003 folder (train.txt, optional dev.txt)."""
    corpus = Path(args.corpus)
    if not (corpus / "train.txt").is_file():
        return _fail(f"no train.txt in {corpus}")
    output = Path(args.output)
    if output.is_dir():
        return _fail(f"output is a folder: {output}")
    if not output.parent.exists():
        return _fail(f"output folder does not exist: {output.parent}")
    if args.iterations is not None and args.iterations < 1:
        return _fail("--iterations must be at least 1")
    from rich.console import Console

    from reader.nlp.ner.train import train as run_training

    console = Console(stderr=True)
    try:
        result = run_training(corpus, output, iterations=args.iterations, log=lambda s: console.print(s, markup=False, highlight=False))
    except ConllError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror or exc}")
    if result is not None:
        Console().print(score_table(result, f"dev ({corpus / 'dev.txt'})"))
    return 0


def evaluate(args: argparse.Namespace) -> int:
    """Score the tagger on a CoNLL-format file and print P/R/F1 per type."""
    from reader.nlp.ner.conll import read_conll, score
    from reader.nlp.ner.tagger import MODEL_PATH, ModelError, NerTagger

    path = Path(args.corpus)
    if not path.is_file():
        return _fail(f"no such file: {path}")
    model = Path(args.model) if args.model else MODEL_PATH
    if not model.is_file():
        return _fail(f"no such model file: {model}")
    try:
        docs = read_conll(path)
        tagger = NerTagger(model)
    except (ConllError, ModelError) as exc:
        return _fail(str(exc))
    gold, pred = [], []
    for doc in docs:
        tags = tagger.tag_document([[t for t, _ in s] for s in doc])
        gold.extend([g for _, g in s] for s in doc)
        pred.extend(tags)
    from rich.console import Console

    Console().print(score_table(score(gold, pred), f"{path.name} ({model.name})"))
    return 0
