"""`reader export` and `reader notes`: export an article's notes, list highlights in a table."""

from __future__ import annotations

import argparse
import sys
from typing import Callable

from reader.document import Document
from reader.notes.export import ExportError, render, write_output
from reader.notes.store import ArticleInfo, Highlight, NotesError, NotesStore
from reader.sanitize import printable, sanitize
from reader.sources import SourceError, load_path

QUOTE_WIDTH = 80
NOTE_WIDTH = 60


from reader.errors import fail as _fail


def _warn(store: NotesStore) -> None:
    if store.warning:
        print(f"reader: warning: {printable(' '.join(store.warning.split()))}", file=sys.stderr)


def _guard(run: Callable[[], int]) -> int:
    """Run a command, turning the expected errors into one line on stderr and exit code 2."""
    try:
        return run()
    except (SourceError, NotesError, ExportError) as exc:
        return _fail(str(exc))


def export(args: argparse.Namespace) -> int:
    """`reader export PATH --format md|json [-o FILE] [--force]`."""

    def run() -> int:
        from reader.pipeline import analyze

        src = load_path(args.path)
        doc = analyze(src.text, src.title, src.source)
        store = NotesStore(read_only=True)
        try:
            _warn(store)
            highlights = store.highlights(doc)
        finally:
            store.close()
        write_output(render(doc, highlights, args.format), args.output, force=args.force)
        return 0

    return _guard(run)


def notes(args: argparse.Namespace) -> int:
    """`reader notes [PATH]`: a table of highlights, for one article or all of them."""

    def run() -> int:
        store = NotesStore(read_only=True)
        try:
            _warn(store)
            if args.path is not None:
                src = load_path(args.path)
                doc = Document(text=src.text, title=src.title, source=src.source)
                info = ArticleInfo(0, NotesStore.article_key(doc.text), doc.source, doc.title, "", "")
                rows = [(info, h) for h in store.highlights(doc)]
                locate: Callable[[ArticleInfo, Highlight], str] = lambda _info, h: line_col(doc.text, h)
            else:
                rows = store.all_highlights()
                locate = lambda _info, h: f"{h.start}\u2013{h.end}"  # noqa: E731
        finally:
            store.close()
        print_table(rows, locate)
        return 0

    return _guard(run)


def line_col(text: str, hl: Highlight) -> str:
    """Where a highlight starts, as line:column (1-based), or "not found" if it lost its anchor."""
    if not hl.anchored:
        return "not found"
    line = text.count("\n", 0, hl.start) + 1
    col = hl.start - (text.rfind("\n", 0, hl.start) + 1) + 1
    return f"{line}:{col}"


def clip(text: str, width: int) -> str:
    """Text on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(sanitize(text).split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "\u2026"


def print_table(rows: list[tuple[ArticleInfo, Highlight]], locate: Callable[[ArticleInfo, Highlight], str]) -> None:
    """Print highlights as a Rich table (every cell is plain text, never markup)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(Text("No highlights yet."))
        return
    table = Table(title=Text(f"{len(rows)} highlight{'s' if len(rows) != 1 else ''}"), show_lines=False)
    for header in ("Article", "Where", "Quote", "Note", "Updated"):
        table.add_column(Text(header))
    for info, hl in rows:
        title = info.title or info.path or info.key[:12]
        quote = Text(clip(hl.quote, QUOTE_WIDTH), style="" if hl.anchored else "dim")
        table.add_row(
            Text(clip(title, 40)),
            Text(locate(info, hl)),
            quote,
            Text(clip(hl.note, NOTE_WIDTH)),
            Text(hl.updated.replace("T", " ").removesuffix("+00:00")),
        )
    console.print(table)
