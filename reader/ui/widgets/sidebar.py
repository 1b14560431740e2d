"""The sidebar: Facts, Entities and Notes tabs; a row jumps to its evidence or first mention."""

from __future__ import annotations

from typing import Any, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from reader.document import Document, fact_summary
from reader.sanitize import sanitize
from reader.ui.spans import salience
from reader.ui.theme import LABEL_VARIABLE, LABEL_WORDS

FACT_GROUPS: tuple[tuple[str, str], ...] = (
    ("official", "Officials"),
    ("vote", "Votes"),
    ("exchange", "Exchanges"),
    ("casualties", "Casualties"),
    ("date", "Dates"),
    ("quantity", "Numbers"),
)
ROW_MAX = 70
# Rows listed per group: a list of tens of thousands of rows (a 2 MB article's numbers) helps no
# reader, costs ~1 KB of memory per row and stalls the UI while it is built; the command
# palette still searches every fact and entity.
GROUP_ROWS_MAX = 1000


def clip(text: str, limit: int = ROW_MAX) -> str:
    """One line, at most `limit` characters, with any terminal control shown as U+FFFD."""
    text = " ".join(sanitize(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def heading(text: str) -> Option:
    """A disabled group heading row."""
    return Option(Content.styled(text, "bold"), disabled=True)


def more_row(hidden: int) -> Option:
    """A disabled row after a group cut at GROUP_ROWS_MAX: how many rows are not listed."""
    return Option(Content.styled(f"… and {hidden:,} more (ctrl+p searches them all)", "dim italic"), disabled=True)


def entity_prompt(name: str, label: str, count: int) -> Content:
    """An entity row: colour swatch, the name (plain text) and its mention count."""
    variable = LABEL_VARIABLE.get(label, "entity-misc")
    return Content.assemble(
        Content.styled("■ ", f"${variable}"),
        Content(clip(name, 50)),
        Content.styled(f"  {count}×", "dim"),
    )


class Sidebar(Vertical):
    """Tabs of facts, entities and notes built from a Document and the notes store."""

    BINDINGS = [
        Binding("left", "tab(-1)", "Previous tab", id="prev-tab", show=False),
        Binding("right", "tab(1)", "Next tab", id="next-tab", show=False),
    ]

    class Jump(Message):
        """A row was chosen: kind is "fact", "entity" or "note", index into that list."""

        def __init__(self, kind: str, index: int) -> None:
            super().__init__()
            self.kind = kind
            self.index = index

    def compose(self) -> ComposeResult:
        """Three tabs, each an OptionList."""
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Facts", id="tab-facts"):
                yield OptionList(id="facts-list")
            with TabPane("Entities", id="tab-entities"):
                yield OptionList(id="entities-list")
            with TabPane("Notes", id="tab-notes"):
                yield OptionList(id="notes-list")

    def on_mount(self) -> None:
        """Tabs themselves are not focus stops: tab goes article <-> list."""
        for tabs in self.query("Tabs"):
            tabs.can_focus = False

    def show_document(self, doc: Document, analysing: bool = False) -> None:
        """Fill the Facts and Entities tabs from a document."""
        facts = self.query_one("#facts-list", OptionList)
        facts.clear_options()
        rows: list[Any] = []
        for kind, title in FACT_GROUPS:
            group = [(i, f) for i, f in enumerate(doc.facts) if f.kind == kind]
            if not group:
                continue
            rows.append(heading(f"{title} ({len(group)})"))
            rows.extend(
                Option(Content(clip(fact_summary(f, doc))), id=f"fact-{i}") for i, f in group[:GROUP_ROWS_MAX]
            )
            if len(group) > GROUP_ROWS_MAX:
                rows.append(more_row(len(group) - GROUP_ROWS_MAX))
        if not rows:
            rows.append(heading("Analysing…" if analysing else "No facts found"))
        facts.add_options(rows)

        entities = self.query_one("#entities-list", OptionList)
        entities.clear_options()
        rows = []
        for label, words in LABEL_WORDS.items():
            group = sorted(
                ((i, e) for i, e in enumerate(doc.entities) if e.label == label),
                key=lambda pair: salience(pair[1]),
            )
            if not group:
                continue
            rows.append(heading(f"{words} - {label} ({len(group)})"))
            rows.extend(
                Option(entity_prompt(e.name, e.label, len(e.mentions)), id=f"entity-{i}")
                for i, e in group[:GROUP_ROWS_MAX]
            )
            if len(group) > GROUP_ROWS_MAX:
                rows.append(more_row(len(group) - GROUP_ROWS_MAX))
        if not rows:
            rows.append(heading("Analysing…" if analysing else "No entities found"))
        entities.add_options(rows)

    def show_notes(self, notes: Sequence[Any], text: str) -> None:
        """Fill the Notes tab from highlights (id, start, end, quote, note, anchored); unanchored ones are marked."""
        lst = self.query_one("#notes-list", OptionList)
        lst.clear_options()
        if not notes:
            lst.add_option(heading("No notes yet: h highlights, a adds a note"))
            return
        lst.add_option(heading(f"Highlights ({len(notes)})"))
        for i, hl in enumerate(notes):
            if getattr(hl, "anchored", True):
                prompt = Content.assemble(Content.styled("▍", "$warning"), Content(clip(text[hl.start : hl.end], 40)))
            else:  # the text changed and the passage is gone: keep the note, show the quote as saved
                prompt = Content.assemble(Content.styled("? not in this text: ", "$error"),
                                          Content.styled(clip(hl.quote, 30), "dim"))
            if getattr(hl, "note", ""):
                prompt = Content.assemble(prompt, Content("\n  "), Content.styled(clip(hl.note, 40), "italic"))
            lst.add_option(Option(prompt, id=f"note-{i}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or click on a row: ask the screen to jump."""
        event.stop()
        option_id = event.option.id or ""
        kind, _, index = option_id.rpartition("-")
        if kind and index.isdigit():
            self.post_message(self.Jump(kind, int(index)))

    def action_tab(self, step: int) -> None:
        """Switch to the previous/next tab and focus its list."""
        tabbed = self.query_one(TabbedContent)
        ids = ["tab-facts", "tab-entities", "tab-notes"]
        current = ids.index(tabbed.active) if tabbed.active in ids else 0
        tabbed.active = ids[(current + step) % len(ids)]
        self.focus_list()

    def focus_list(self) -> None:
        """Focus the list in the active tab."""
        tabbed = self.query_one(TabbedContent)
        pane = tabbed.get_pane(tabbed.active) if tabbed.active else None
        if pane is not None:
            pane.query_one(OptionList).focus()
