"""The library: the articles in a folder with title, size and entity counts; enter opens one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.analysis_process import AnalysisCancelled, AnalysisFailed, AnalysisJob, AnalysisPool
from reader.document import Document
from reader.sanitize import sanitize
from reader.sources import SourceError, is_article, load_path

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

COUNT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("PERSON", "People"),
    ("ORG", "Orgs"),
    ("LOC", "Places"),
    ("MISC", "Other"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One article file in the library."""

    path: Path
    title: str
    size: int


def human_size(size: int) -> str:
    """A byte count as a short human string."""
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} B"


def scan(folder: Path) -> list[Entry]:
    """The article files of a folder, by name, with their titles (cheap: reads each file once)."""
    entries = []
    for path in sorted(p for p in folder.iterdir() if is_article(p)):
        try:
            src = load_path(path)
            title = src.title or path.name
        except SourceError as exc:
            title = sanitize(f"(unreadable: {exc})")
        entries.append(Entry(path, title, path.stat().st_size))
    return entries


class LibraryScreen(Screen[None]):
    """A table of articles; entity counts fill in as each article's analysis (in a process) finishes."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library-open", show=True),
        Binding("j", "cursor(1)", "Down", id="library-down", show=False),
        Binding("k", "cursor(-1)", "Up", id="library-up", show=False),
    ]

    class Counted(Message):
        """One article was analysed: its counts per label."""

        def __init__(self, key: str, doc: Document) -> None:
            super().__init__()
            self.key = key
            self.doc = doc

    def __init__(self, folder: Path, analyse: bool = True) -> None:
        super().__init__()
        self.folder = folder
        self.analyse = analyse
        self.entries: list[Entry] = []
        self._job: AnalysisJob | None = None
        self._stopped = False

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Heading, table, footer."""
        yield Static(Content(sanitize(f"Library: {self.folder}")), id="library-title")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """List the folder, then count entities in the background."""
        table = self.query_one(DataTable)
        table.add_column(Text("Title"), key="title", width=52)
        table.add_column(Text("File"), key="file", width=24)
        table.add_column(Text("Size", justify="right"), key="size")
        for label, words in COUNT_COLUMNS:
            table.add_column(Text(words, justify="right"), key=label)
        self.entries = scan(self.folder) if self.folder.is_dir() else []
        for entry in self.entries:
            key = str(entry.path)
            cached = self.reader_app.cached_analysis_for_path(entry.path)
            counts = self._counts(cached) if cached is not None else ["…"] * len(COUNT_COLUMNS)
            table.add_row(
                Text(entry.title),
                Text(sanitize(entry.path.name), style="dim"),
                Text(human_size(entry.size), justify="right"),
                *[Text(c, justify="right") for c in counts],
                key=key,
            )
        if not self.entries:
            self.notify(sanitize(f"No articles (.txt, .md) in {self.folder}"), severity="warning", markup=False)
        table.focus()
        if self.analyse and self.entries:
            self.count_worker([e.path for e in self.entries], self.reader_app.analysis)

    @staticmethod
    def _counts(doc: Document) -> list[str]:
        return [str(sum(1 for e in doc.entities if e.label == label)) for label, _ in COUNT_COLUMNS]

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def count_worker(self, paths: list[Path], pool: AnalysisPool) -> None:
        """Analyse each article in an analysis process, waiting off the event loop, and post its counts."""
        for path in paths:
            if self._stopped:
                return
            if self.reader_app.cached_analysis_for_path(path) is not None:
                continue
            try:
                src = load_path(path)
            except SourceError:
                continue
            job = self._job = pool.job(src.text, src.title, src.source)
            if self._stopped:  # the screen went away while the file was read
                return
            try:
                doc = job.run()
            except AnalysisCancelled:
                return
            except AnalysisFailed:
                continue  # this article's counts stay "…"; opening it reports the failure
            self.post_message(self.Counted(str(path), doc))

    def on_unmount(self) -> None:
        """Stop counting (the analysis process of the article being counted is killed)."""
        self._stopped = True
        job = self._job
        if job is not None:
            job.cancel()

    def on_library_screen_counted(self, message: Counted) -> None:
        """Fill one row's counts and remember the analysis for when it is opened."""
        self.reader_app.remember_analysis(message.doc, Path(message.key))
        table = self.query_one(DataTable)
        for (label, _), value in zip(COUNT_COLUMNS, self._counts(message.doc)):
            try:
                table.update_cell(message.key, label, Text(value, justify="right"))
            except Exception:  # the row went away (library reloaded)
                return

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or click on a row opens it."""
        event.stop()
        self.open_path(Path(str(event.row_key.value)))

    def action_open(self) -> None:
        """Open the highlighted article."""
        table = self.query_one(DataTable)
        if not self.entries:
            return
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        self.open_path(Path(str(row.value)))

    def action_cursor(self, step: int) -> None:
        """j/k move the row cursor."""
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def open_path(self, path: Path) -> None:
        """Load and open one article."""
        try:
            src = load_path(path)
        except SourceError as exc:
            self.notify(sanitize(str(exc)), severity="error", markup=False)
            return
        self.reader_app.open_source(src)
