"""The reader App: screens, theme-aware entity colours, keymap, notes store and analysis cache."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from reader.document import Document
from reader.sanitize import sanitize
from reader.sources import Source
from reader.ui.config import Config
from reader.ui.palette import JumpCommands
from reader.ui.theme import THEME_CYCLE, palette

if TYPE_CHECKING:
    from reader.analysis_process import AnalysisPool


def source_path(source: Source | None) -> Path | None:
    """The file an article was read from (watched for changes), or None for stdin / no source."""
    if source is None or source.source in ("", "-"):
        return None
    return Path(source.source)


class ReaderApp(App[None]):
    """Read one article, or browse a folder's library of articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {JumpCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
        Binding("t", "cycle_theme", "Theme", id="theme", show=False, tooltip="Next colour theme"),
    ]

    def __init__(
        self,
        *,
        source: Source | None = None,
        document: Document | None = None,
        library: Path | None = None,
        analyse: bool = True,
        config: Config | None = None,
        store_path: Path | None = None,
        analysis: AnalysisPool | None = None,
    ) -> None:
        super().__init__()
        self.config = config or Config()
        if source is not None and document is None:
            document = Document(text=source.text, title=source.title, source=source.source)
        self.start_document = document
        self.start_path = source_path(source)
        self.library = library
        self.analyse = analyse
        self.store_path = store_path
        self._store: Any = None
        self._store_failed = False
        self._analyses: dict[str, Document] = {}
        self._path_analyses: dict[tuple[str, int, int], Document] = {}
        self._analysis = analysis
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme

    # ----- screens ------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The reader on one article, or the library."""
        if self.start_document is not None:
            from reader.ui.screens.reader import ReaderScreen

            return ReaderScreen(self.start_document, analyse=self.analyse, path=self.start_path)
        from reader.ui.screens.library import LibraryScreen

        return LibraryScreen(self.library or Path("articles"), analyse=self.analyse)

    def open_source(self, source: Source) -> None:
        """Open an article from the library on top of it (escape goes back)."""
        from reader.ui.screens.reader import ReaderScreen

        doc = Document(text=source.text, title=source.title, source=source.source)
        self.push_screen(ReaderScreen(doc, analyse=self.analyse, path=source_path(source)))

    # ----- theme --------------------------------------------------------------------------------
    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Entity colour variables ($entity-person, ...) for themes that do not define them."""
        return palette(dark=True)

    def get_css_variables(self) -> dict[str, str]:
        """Use the light palette on light themes unless the theme sets the colours itself."""
        variables = super().get_css_variables()
        theme = self.current_theme
        if not theme.dark:
            for name, value in palette(dark=False).items():
                if name not in theme.variables:
                    variables[name] = value
        return variables

    def action_cycle_theme(self) -> None:
        """Switch to the next theme of the cycle."""
        names = [n for n in THEME_CYCLE if n in self.available_themes]
        current = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(current + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    # ----- help ---------------------------------------------------------------------------------
    def help_rows(self) -> list[tuple[str, str, str]]:
        """(key, description, binding id) for every binding active on the current screen."""
        groups: dict[tuple[str, str], list[Any]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.description or not (binding.id or binding.action == "command_palette"):
                continue  # Textual's generic scroll/copy bindings are left out
            ident = (binding.id, "") if binding.id else (binding.action, key)
            groups.setdefault(ident, []).append(binding)
        rows = []
        for bindings in groups.values():
            first = bindings[0]
            display = ", ".join(dict.fromkeys(self.get_key_display(b) for b in bindings))
            rows.append((display, first.tooltip or first.description, first.id or ""))
        return rows

    def action_help(self) -> None:
        """Show every key that works here."""
        from reader.ui.screens.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_rows()))

    # ----- notes store --------------------------------------------------------------------------
    def notes_store(self) -> Any | None:
        """The notes store, opened on first use; None (after one message) when it cannot be."""
        if self._store is not None or self._store_failed:
            return self._store
        try:
            from reader.notes.store import NotesStore

            self._store = NotesStore(self.store_path)
        except Exception as exc:  # NotesError (read-only dir, ...) or a missing module
            self._store_failed = True
            self.notify(sanitize(f"Notes are unavailable: {exc}"), severity="warning", markup=False, timeout=8)
            return None
        warning = getattr(self._store, "warning", None)
        if warning:  # opened, but read-only or repaired: say so once, keep going
            self.notify(sanitize(str(warning)), severity="warning", markup=False, timeout=8)
        return self._store

    def on_unmount(self) -> None:
        """Stop the analysis processes and close the notes store."""
        if self._analysis is not None:
            self._analysis.close()
        if self._store is not None:
            try:
                self._store.close()
            except Exception:
                pass

    # ----- analysis ------------------------------------------------------------------------------
    @property
    def analysis(self) -> AnalysisPool:
        """The session's analysis processes (none starts until an article needs analysing)."""
        if self._analysis is None:
            from reader.analysis_process import AnalysisPool

            self._analysis = AnalysisPool()
        return self._analysis

    def cached_analysis(self, text: str) -> Document | None:
        """A finished analysis of exactly this text, if one was made in this session."""
        return self._analyses.get(text)

    def cached_analysis_for_path(self, path: Path) -> Document | None:
        """A finished analysis of a file as it is now (keyed by path, size and mtime)."""
        try:
            st = path.stat()
        except OSError:
            return None
        return self._path_analyses.get((str(path), st.st_size, st.st_mtime_ns))

    def remember_analysis(self, doc: Document, path: Path | None = None) -> None:
        """Keep an analysis for this session (library counts, reopening an article)."""
        self._analyses[doc.text] = doc
        if path is not None:
            try:
                st = path.stat()
            except OSError:
                return
            self._path_analyses[(str(path), st.st_size, st.st_mtime_ns)] = doc
