"""The find bar: a one-line input docked under the article."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from reader.sanitize import sanitize


class FindBar(Input):
    """Type a plain string, enter finds it; escape closes (and clears the find)."""

    BINDINGS = [Binding("escape", "close", "Close find", id="find-close", show=False)]

    class Closed(Message):
        """The find bar was closed with escape."""

    def __init__(self) -> None:
        super().__init__(placeholder="Find (plain text, case-insensitive) - enter to search, escape to close",
                         id="find-bar")

    def validate_value(self, value: str) -> str:
        """Typed or pasted text never holds terminal controls (same length, so the cursor stays put)."""
        return sanitize(value)

    def action_close(self) -> None:
        """Hide the bar and tell the screen."""
        self.post_message(self.Closed())
