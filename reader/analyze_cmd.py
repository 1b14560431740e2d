"""`reader analyze`: run the pipeline over articles and print JSON Lines or a Rich summary."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

from reader.document import Document
from reader.sanitize import printable
from reader.sources import SourceError, load_path


def analyze_path(path: str) -> Document:
    """Load one article and run the full pipeline over it."""
    from reader.pipeline import analyze

    src = load_path(path)
    return analyze(src.text, title=src.title, source=path)


def _analyze_safe(path: str) -> tuple[str, Document | None, str]:
    try:
        return path, analyze_path(path), ""
    except SourceError as exc:
        return path, None, str(exc)


def _results(paths: list[str], jobs: int) -> Iterator[tuple[str, Document | None, str]]:
    """Analyse paths in order, in a process pool when jobs > 1 (stdin is always read here)."""
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for path in paths:
            yield _analyze_safe(path)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_analyze_safe, paths, chunksize=max(1, len(paths) // (jobs * 8)))


def run(args: argparse.Namespace) -> int:
    """Handle `reader analyze`: one JSON line (or a summary) per input, errors on stderr, exit 2 if any."""
    from rich.console import Console

    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    paths: list[str] = list(args.paths)
    failed = False
    progress = None
    if len(paths) > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(console=err, transient=True)
        task = progress.add_task("Analysing", total=len(paths))
        progress.start()
    try:
        for path, doc, error in _results(paths, max(1, int(args.jobs))):
            if progress is not None:
                progress.advance(task)
            if doc is None:
                failed = True
                err.print(f"reader: error: {printable(error)}", markup=False, highlight=False)
                continue
            if args.json:
                sys.stdout.write(doc.dumps() + "\n")
                sys.stdout.flush()
            else:
                from reader.summary import render_summary

                out.print(render_summary(doc))
    finally:
        if progress is not None:
            progress.stop()
    return 2 if failed else 0
