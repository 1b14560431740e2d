"""Modal dialogs: the note editor and the help screen (built from the active bindings)."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from reader.sanitize import sanitize


class NoteArea(TextArea):
    """A text area whose typed and pasted text never holds terminal controls (a paste can carry ESC)."""

    def edit(self, edit: Edit) -> EditResult:
        """Sanitise the inserted text, then edit as usual."""
        edit.text = sanitize(edit.text.replace("\r\n", "\n"))
        return super().edit(edit)


class NoteEditor(ModalScreen[str | None]):
    """Edit the note on a highlight: ctrl+s saves, escape cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]

    def __init__(self, quote: str, note: str = "") -> None:
        super().__init__()
        self._quote = sanitize(quote)
        self._note = sanitize(note)

    def compose(self) -> ComposeResult:
        """The quoted passage (plain text), a text area and the key hints."""
        with Vertical(id="note-dialog"):
            yield Static(Content("Note on: ") + Content.styled(self._quote, "italic"), id="note-quote")
            yield NoteArea(self._note, id="note-text", soft_wrap=True)
            yield Static(Content("ctrl+s save · escape cancel"), id="note-hint")

    def on_mount(self) -> None:
        """Start typing at once."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Close with the note text."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key binding that applies where help was asked for, with its id for the keymap."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
    ]

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        super().__init__()
        self._rows = list(rows)

    def compose(self) -> ComposeResult:
        """A table of key, what it does, and the binding id."""
        with Vertical(id="help-dialog"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            table: DataTable[Text] = DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(
                Content("Remap keys in config.toml:  [keymap]  next-mention = \"ctrl+n\"   · escape closes"),
                id="help-hint",
            )

    def on_mount(self) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        table.add_columns(Text("Key"), Text("Action"), Text("Binding id"))
        for key, description, binding_id in self._rows:
            table.add_row(Text(key, style="bold"), Text(description), Text(binding_id, style="dim"))
        table.focus()

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)
