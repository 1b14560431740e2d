"""The reader screen: title and legend, article view, sidebar, status line, find bar, footer."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from reader.analysis_process import AnalysisCancelled, AnalysisFailed, AnalysisJob
from reader.document import Document
from reader.sanitize import is_safe, sanitize
from reader.ui.screens.dialogs import NoteEditor
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.status import StatusBar, TitleBar

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

DISK_CHECK_SECONDS = 2.0


class ReaderScreen(Screen[None]):
    """One article: the text paints at once, the analysis arrives from an analysis process."""

    BINDINGS = [
        Binding("n", "navigate(1)", "Next", id="next-mention", tooltip="Next mention (or find match)"),
        Binding("N", "navigate(-1)", "Prev", id="prev-mention", show=False, tooltip="Previous mention (or find match)"),
        Binding("right_square_bracket", "entity(1)", "Entity", id="next-entity", tooltip="Next entity in reading order"),
        Binding("left_square_bracket", "entity(-1)", "Prev entity", id="prev-entity", show=False,
                tooltip="Previous entity in reading order"),
        Binding("tab", "toggle_focus", "Article/sidebar", id="toggle-focus", show=False,
                tooltip="Move focus between the article and the sidebar"),
        Binding("slash", "find", "Find", id="find", tooltip="Find text; then n/N walk the matches"),
        Binding("h", "highlight", "Highlight", id="highlight", tooltip="Highlight the current sentence"),
        Binding("a", "annotate", "Note", id="note", tooltip="Add or edit a note on the current sentence"),
        Binding("e", "export", "Export", id="export", tooltip="Export highlights and notes as Markdown"),
        Binding("s", "toggle_sidebar", "Sidebar", id="sidebar", tooltip="Show or hide the sidebar"),
        Binding("r", "reload", "Reload", id="reload", show=False,
                tooltip="Reload the file after it changed on disk"),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Clear the find, or back to the library"),
    ]

    class Analysed(Message):
        """The analysis worker finished."""

        def __init__(self, doc: Document) -> None:
            super().__init__()
            self.doc = doc

    def __init__(self, doc: Document, analyse: bool = True, path: Path | None = None) -> None:
        super().__init__()
        if not (is_safe(doc.text) and is_safe(doc.title)):  # loaders sanitise; this guards any other caller
            doc = dataclasses.replace(doc, text=sanitize(doc.text), title=sanitize(doc.title))
        self.doc = doc
        self.analyse_on_mount = analyse
        self.analysing = False
        self.highlights: list[Any] = []
        self.path = path
        self.changed_on_disk = False
        self._disk_state: tuple[int, int] | None = None
        self.analysis_job: AnalysisJob | None = None  # the running analysis, if any
        self._analysis_worker: Worker[None] | None = None

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Lay out the screen."""
        yield TitleBar(self.doc.title, id="title-bar")
        with Horizontal(id="body"):
            yield ArticleView(self.doc, id="article")
            yield Sidebar(id="sidebar")
        yield StatusBar(id="status-bar")
        find = FindBar()
        find.display = False
        yield find
        yield Footer()

    def on_mount(self) -> None:
        """Focus the article, fill the sidebar, then start the analysis and load notes."""
        self.query_one(ArticleView).focus()
        cached = self.reader_app.cached_analysis(self.doc.text)
        if cached is not None:
            self.doc = cached
            self.query_one(ArticleView).set_document(cached)
        elif self.analyse_on_mount:
            self.analysing = True
            self.call_after_refresh(self._start_analysis)
        self.query_one(Sidebar).show_document(self.doc, analysing=self.analysing)
        self.query_one(StatusBar).set_busy(self.analysing)
        self._update_status()
        self.call_after_refresh(self.load_highlights)
        if self.path is not None:
            self._disk_state = self._stat()
            self.set_interval(DISK_CHECK_SECONDS, self.check_disk)

    def _start_analysis(self) -> None:
        """Analyse the shown text in an analysis process (stopping any analysis still running)."""
        self._cancel_analysis()
        self.analysis_job = self.reader_app.analysis.job(self.doc.text, self.doc.title, self.doc.source)
        self._analysis_worker = self.analyse_worker(self.analysis_job)

    def _cancel_analysis(self) -> None:
        """Stop the running analysis, if any (its process is killed at once)."""
        if self.analysis_job is not None:
            self.analysis_job.cancel()
            self.analysis_job = None

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def analyse_worker(self, job: AnalysisJob) -> None:
        """Wait off the event loop for the analysis process; only the finished Document comes back."""
        doc = job.run()
        if not job.cancelled:
            self.post_message(self.Analysed(doc))

    def on_reader_screen_analysed(self, message: Analysed) -> None:
        """Show the analysis: entity colours, facts and entities in the sidebar."""
        if message.doc.text != self.doc.text:  # an analysis of the text before a reload
            return
        self.analysis_job = None
        self.analysing = False
        self.doc = message.doc
        self.reader_app.remember_analysis(message.doc)
        self.query_one(ArticleView).set_document(message.doc)
        self.query_one(Sidebar).show_document(message.doc)
        self.query_one(StatusBar).set_busy(False)
        self._refresh_notes()
        self._update_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An analysis failure is reported once, and the plain text stays readable."""
        if event.worker is not self._analysis_worker or event.state != WorkerState.ERROR:
            return  # only the latest analysis speaks
        error = event.worker.error
        if isinstance(error, AnalysisCancelled):  # stopped on purpose: a newer analysis (or none) follows
            return
        self.analysis_job = None
        self.analysing = False
        self.query_one(StatusBar).set_busy(False)
        detail = str(error) if isinstance(error, AnalysisFailed) else f"{type(error).__name__}: {error}"
        self.notify(sanitize(f"Analysis failed: {detail.rstrip('.')}. The text stays readable."), severity="error",
                    markup=False)
        self._update_status()

    def on_unmount(self) -> None:
        """Leaving the article (another article, back to the library, quitting) stops its analysis."""
        self._cancel_analysis()

    # ----- status -------------------------------------------------------------------------------
    def on_article_view_state_changed(self, message: ArticleView.StateChanged) -> None:
        """Re-read the status from the view."""
        self._update_status()

    def _update_status(self) -> None:
        view = self.query_one(ArticleView)
        text = view.status_text()
        if not text:
            if self.analysing:
                text = "Analysing… (the text is readable now; highlights arrive shortly)"
            elif self.doc.entities:
                text = "] next entity · n/N its mentions · / find · s sidebar · ? help"
            else:
                text = "No entities found · / find · h highlight · ? help"
        if self.changed_on_disk:
            text = f"Changed on disk - r reloads · {text}"
        self.query_one(StatusBar).set_status(text)

    # ----- navigation -------------------------------------------------------------------------
    def action_navigate(self, step: int) -> None:
        """n/N: next/previous find match while a find is active, else mention of the active entity."""
        self.query_one(ArticleView).navigate(step)

    def action_entity(self, step: int) -> None:
        """]/[: the next/previous entity in reading order becomes active."""
        self.query_one(ArticleView).next_entity(step)

    def action_toggle_focus(self) -> None:
        """Move focus between the article and the sidebar list."""
        view = self.query_one(ArticleView)
        sidebar = self.query_one(Sidebar)
        if view.has_focus and sidebar.display:
            sidebar.focus_list()
        else:
            view.focus()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        sidebar = self.query_one(Sidebar)
        sidebar.display = not sidebar.display
        if not sidebar.display:
            self.query_one(ArticleView).focus()

    def action_back(self) -> None:
        """Escape: clear an active find, else go back to the library if we came from it."""
        view = self.query_one(ArticleView)
        if view.find_query:
            view.clear_find()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    @on(Sidebar.Jump)
    def jump_from_sidebar(self, message: Sidebar.Jump) -> None:
        """A sidebar row was chosen: go to the fact's evidence, the entity, or the note."""
        view = self.query_one(ArticleView)
        if message.kind == "fact" and message.index < len(self.doc.facts):
            ev = self.doc.facts[message.index].evidence
            view.jump_to(ev.start, ev.end)
        elif message.kind == "entity" and message.index < len(self.doc.entities):
            ent = self.doc.entities[message.index]
            first = min(range(len(ent.mentions)), key=lambda i: ent.mentions[i].start, default=0)
            view.activate_entity(message.index, first, flash=True)
        elif message.kind == "note" and message.index < len(self.highlights):
            hl = self.highlights[message.index]
            if getattr(hl, "anchored", True):
                view.jump_to(hl.start, hl.end)
            else:
                self.notify("This passage is no longer in the text; the highlight and its note are kept",
                            severity="warning", markup=False)

    def jump_to_entity(self, index: int) -> None:
        """Make an entity active at its first mention (command palette)."""
        ent = self.doc.entities[index]
        first = min(range(len(ent.mentions)), key=lambda i: ent.mentions[i].start, default=0)
        self.query_one(ArticleView).activate_entity(index, first, flash=True)

    def jump_to_fact(self, index: int) -> None:
        """Go to a fact's evidence (command palette)."""
        ev = self.doc.facts[index].evidence
        self.query_one(ArticleView).jump_to(ev.start, ev.end)

    # ----- find ---------------------------------------------------------------------------------
    def action_find(self) -> None:
        """Open the find bar."""
        bar = self.query_one(FindBar)
        bar.display = True
        bar.value = self.query_one(ArticleView).find_query
        bar.focus()

    @on(Input.Submitted, "#find-bar")
    def run_find(self, event: Input.Submitted) -> None:
        """Enter in the find bar: find, close the bar, and let n/N walk the matches."""
        view = self.query_one(ArticleView)
        count = view.find(event.value)
        bar = self.query_one(FindBar)
        bar.display = False
        view.focus()
        if event.value and not count:
            self.notify(sanitize(f"Not found: {event.value}"), severity="warning", markup=False)

    @on(FindBar.Closed)
    def close_find(self) -> None:
        """Escape in the find bar: close it and clear the find."""
        self.query_one(FindBar).display = False
        view = self.query_one(ArticleView)
        view.clear_find()
        view.focus()

    # ----- notes --------------------------------------------------------------------------------
    def load_highlights(self) -> None:
        """Read this article's highlights from the notes store."""
        store = self.reader_app.notes_store()
        if store is None:
            self._refresh_notes()
            return
        try:
            self.highlights = list(store.highlights(self.doc))
        except Exception as exc:  # NotesError and sqlite errors: keep reading without notes
            self.notify(sanitize(f"Notes unavailable: {exc}"), severity="warning", markup=False)
            self.highlights = []
        self._refresh_notes()

    def _refresh_notes(self) -> None:
        spans = [(h.start, h.end, h.id) for h in self.highlights if getattr(h, "anchored", True)]
        self.query_one(ArticleView).set_highlights(spans)
        self.query_one(Sidebar).show_notes(self.highlights, self.doc.text)

    def _highlight_at_cursor(self) -> Any | None:
        span = self.query_one(ArticleView).cursor_span()
        if span is None:
            return None
        for hl in self.highlights:
            if hl.start < span[1] and hl.end > span[0]:
                return hl
        return None

    def action_highlight(self) -> None:
        """Highlight the cursor sentence (saved at once)."""
        view = self.query_one(ArticleView)
        span = view.cursor_span()
        if span is None:
            self.app.bell()
            return
        self.load_highlights()  # another instance may have highlighted it meanwhile
        if self._highlight_at_cursor() is not None:
            self.notify("Already highlighted (a edits its note)", markup=False)
            return
        store = self.reader_app.notes_store()
        if store is None:
            self.notify("Notes are unavailable: the highlight was not saved", severity="error", markup=False)
            return
        try:
            store.add_highlight(self.doc, span[0], span[1])
        except Exception as exc:
            self.notify(sanitize(f"Could not save the highlight: {exc}"), severity="error", markup=False)
            return
        self.load_highlights()
        self.notify("Highlighted", markup=False)

    def action_annotate(self) -> None:
        """Add or edit the note on the cursor sentence's highlight."""
        view = self.query_one(ArticleView)
        span = view.cursor_span()
        if span is None:
            self.app.bell()
            return
        self.load_highlights()
        existing = self._highlight_at_cursor()
        start, end = (existing.start, existing.end) if existing is not None else span
        quote = " ".join(self.doc.text[start:end].split())
        if len(quote) > 200:
            quote = quote[:199] + "…"

        def save(note: str | None) -> None:
            if note is None:
                return
            store = self.reader_app.notes_store()
            if store is None:
                self.notify("Notes are unavailable: the note was not saved", severity="error", markup=False)
                return
            try:
                if existing is not None:
                    store.update_note(existing.id, note)
                else:
                    store.add_highlight(self.doc, start, end, note)
            except Exception as exc:
                self.notify(sanitize(f"Could not save the note: {exc}"), severity="error", markup=False)
                return
            self.load_highlights()
            self.notify("Note saved", markup=False)

        self.app.push_screen(NoteEditor(quote, existing.note if existing is not None else ""), save)

    def action_export(self) -> None:
        """Export highlights, notes and facts as Markdown to the data dir; say where."""
        self.load_highlights()  # include highlights another instance saved meanwhile
        try:
            from reader.notes.export import default_export_path, to_markdown, write_output

            path = default_export_path(self.doc, "md")
            written = write_output(to_markdown(self.doc, self.highlights), str(path), False)
        except Exception as exc:
            self.notify(sanitize(f"Export failed: {exc}"), severity="error", markup=False)
            return
        self.notify(sanitize(f"Exported to {written or path}"), title="Export", markup=False, timeout=8)

    # ----- the file on disk -------------------------------------------------------------------
    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat() if self.path is not None else None
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns) if st is not None else None

    def check_disk(self) -> bool:
        """Notice (once per change) that the article's file changed on disk; True when it has."""
        if self.path is None:
            return False
        state = self._stat()
        if state == self._disk_state:
            return self.changed_on_disk
        self._disk_state = state
        self.changed_on_disk = True
        if state is None:
            message = f"{self.path.name} was moved or deleted; the text shown stays readable"
        else:
            message = f"{self.path.name} changed on disk - press r to reload"
        self.notify(sanitize(message), severity="warning", markup=False, timeout=10)
        self._update_status()
        return True

    def action_reload(self) -> None:
        """Read the file again, re-run the analysis and re-anchor the highlights to the new text."""
        if self.path is None:
            self.notify("This article was not read from a file", markup=False)
            return
        from reader.sources import SourceError, load_path

        state = self._stat()
        try:
            src = load_path(self.path)
        except SourceError as exc:
            self.notify(sanitize(f"Cannot reload: {exc}"), severity="error", markup=False)
            return
        self._disk_state = state
        self.changed_on_disk = False
        if src.text == self.doc.text:
            self._update_status()
            self.notify("No change: the file holds the text shown", markup=False)
            return
        self.show_text(Document(text=src.text, title=src.title, source=src.source))
        lost = sum(1 for h in self.highlights if not getattr(h, "anchored", True))
        message = "Reloaded from disk"
        if lost:
            message += f"; {lost} highlight{'s' if lost != 1 else ''} no longer found in the text (kept, see Notes)"
        self.notify(message, severity="warning" if lost else "information", markup=False)

    def show_text(self, doc: Document) -> None:
        """Show a new version of the article: its text at once, then its analysis and highlights."""
        cached = self.reader_app.cached_analysis(doc.text)
        self.doc = cached or doc
        self.analysing = cached is None and self.analyse_on_mount
        self._cancel_analysis()  # the analysis of the text before is of no use now
        self.query_one(TitleBar).set_title(self.doc.title)
        self.query_one(ArticleView).set_document(self.doc)
        self.query_one(Sidebar).show_document(self.doc, analysing=self.analysing)
        self.query_one(StatusBar).set_busy(self.analysing)
        if self.analysing:
            self._start_analysis()
        self.load_highlights()
        self._update_status()
