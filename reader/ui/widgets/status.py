"""The title bar with the label legend, and the status line under the article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import LoadingIndicator, Static

from reader.sanitize import sanitize
from reader.ui.theme import LABEL_VARIABLE


def legend() -> Content:
    """The label legend: each label named in words and shown in its colour."""
    parts = [Content.styled(f"■ {label}", f"${var}") for label, var in LABEL_VARIABLE.items()]
    parts.append(Content.styled("1,234 number/date", "italic $entity-number"))
    return Content(" ").join(parts)


class TitleBar(Horizontal):
    """The article title (plain text) and the legend."""

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._title = title

    def compose(self) -> ComposeResult:
        """Title on the left, legend on the right."""
        yield Static(Content(sanitize(self._title) or "(untitled)"), id="title")
        yield Static(legend(), id="legend")

    def set_title(self, title: str) -> None:
        """Show a new title (plain text, never markup)."""
        self._title = title
        self.query_one("#title", Static).update(Content(sanitize(title) or "(untitled)"))


class StatusBar(Horizontal):
    """Spinner while the analysis runs, then the active entity / find status."""

    def compose(self) -> ComposeResult:
        """A small loading indicator and a status line."""
        yield LoadingIndicator(id="spinner")
        yield Static(Content(""), id="status")

    def set_status(self, text: str) -> None:
        """Show a status line (plain text, never markup)."""
        self.query_one("#status", Static).update(Content(sanitize(text)))

    def set_busy(self, busy: bool) -> None:
        """Show or hide the analysis spinner."""
        self.query_one("#spinner").display = busy
