"""Hostile text in every widget of the app: shown literally, never parsed as markup, never sent raw.

Entity names, fact roles, notes, titles, file names and pasted text carry Rich/Textual markup
(`[bold]`, `[/]`, `[@click=app.quit]`, `[link=file:///etc/passwd]`, `$variable`) and terminal
controls (OSC 52/0, CSI 2J, C1 CSI, bidi overrides). What the compositor would write to the
terminal is read back and checked: markup literal, no control character, app still running.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from textual import events
from textual.widgets import DataTable, TextArea

from reader.document import Document, Entity, Fact, Mention
from reader.notes.store import NotesStore
from reader.sanitize import is_safe
from reader.ui.app import ReaderApp
from reader.ui.screens.dialogs import HelpScreen, NoteEditor
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen

from .test_ui_docs import story_doc

SIZE = (140, 44)
ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202eevil\u202c"
NAMES = {
    "e1": "[bold red]Elena[/] Brandt",
    "e2": "[@click=app.quit]Harbour[/] Authority",
    "e3": "[link=file:///etc/passwd]Port[/link] Avel",
    "e4": "$variable [/] Tide" + ESCAPES,  # an unsanitised hand-built name: controls must still not leak
}
ROLE = "[@click=app.quit]Mayor[/] $accent"
NOTE = "[@click=app.quit]my note[/] [/] $text"


def hostile_doc() -> Document:
    """The invented story with markup in every entity name and in an official's role."""
    doc = story_doc()
    entities = [Entity(e.id, e.label, NAMES[e.id], e.mentions) for e in doc.entities]
    facts = [Fact(f.kind, f.evidence, {**f.fields, "role": ROLE}) if f.kind == "official" else f for f in doc.facts]
    return doc.with_layers(entities=entities, facts=facts)


def screen_text(app: ReaderApp) -> str:
    """Everything the compositor would draw for the current screen (toasts and modals included)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def shown(pilot: object, app: ReaderApp, needle: str) -> str:
    """The screen text once `needle` is drawn (toasts take a refresh or two), checked to be inert."""
    for _ in range(40):
        text = assert_inert(app)
        if needle in text:
            return text
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError(f"{needle!r} never drawn:\n{text}")


def assert_inert(app: ReaderApp) -> str:
    """The app is up and nothing it would draw holds a terminal control character."""
    assert app.is_running
    text = screen_text(app)
    bad = sorted({hex(ord(ch)) for ch in text if not is_safe(ch) and ch != "\n"})
    assert not bad, bad
    assert "\x1b" not in text and "\x07" not in text
    return text


async def test_hostile_names_roles_and_notes_are_literal_in_every_widget(tmp_path: Path) -> None:
    doc = hostile_doc()
    with NotesStore(tmp_path / "notes.db") as store:
        start = doc.text.index("Ms Brandt")
        store.add_highlight(doc, start, doc.text.index("vote.") + 5, NOTE + ESCAPES)
    app = ReaderApp(document=doc, analyse=False, store_path=tmp_path / "notes.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        text = assert_inert(app)
        # the facts tab row (wrapped over two lines by the sidebar's width)
        assert "[bold red]Elena[/] Brandt:" in text and "[@click=app.quit]Mayor[/] $accent" in text
        # entities tab: each name exactly as written
        await pilot.press("tab", "right")
        await pilot.pause()
        text = assert_inert(app)
        for name in list(NAMES.values())[:3]:
            assert name in text, name
        assert "$variable [/]" in text and "Tide\ufffd]52;c;" in text
        # notes tab: the note's markup is literal, its controls are replacement characters
        await pilot.press("right")
        await pilot.pause()
        text = assert_inert(app)
        assert "[@click=app.quit]my note[/] [/] $text" in text
        # clicking the literal [@click=...] text in a row runs nothing
        await pilot.click("#notes-list", offset=(6, 2))
        await pilot.pause()
        assert app.is_running
        await pilot.press("tab")
        # the status line names the active entity literally; clicking it runs nothing
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert_inert(app)
        app.screen.query_one("ArticleView").activate_entity(1)
        await pilot.pause()
        text = assert_inert(app)
        assert "[@click=app.quit]Harbour[/] Authority (ORG) - mention 1/2" in text
        await pilot.click("#status", offset=(1, 0))
        await pilot.pause()
        assert app.is_running
        # the command palette: entries and their match highlighting stay literal
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"harbour")
        await pilot.pause(0.5)
        text = assert_inert(app)
        assert "[@click=app.quit]Harbour[/] Authority" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tide")
        await pilot.pause(0.5)
        text = assert_inert(app)
        assert "$variable [/]" in text and "Tide\ufffd]52;c;" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "$variable [/] Tide" in assert_inert(app)
        # the note editor opens prefilled with the note: no control character reaches the screen
        app.screen.query_one("ArticleView").jump_to(start, start + 1)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text.startswith(NOTE)
        text = assert_inert(app)
        assert "[@click=app.quit]my note[/]" in text
        await pilot.press("escape")
        await pilot.pause()
        # help and the export notification
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_inert(app)
        await pilot.press("escape", "e")
        await pilot.pause()
        await shown(pilot, app, "Exported to")
        exported = [n.message for n in app._notifications if n.message.startswith("Exported to ")]
    markdown = Path(exported[-1].removeprefix("Exported to ")).read_text(encoding="utf-8")
    assert is_safe(markdown.replace("\n", "")) and "\x1b" not in markdown
    assert r"\[@click\=app.quit\]my note\[/\]" in markdown  # Markdown-escaped, controls replaced


async def test_hostile_title_and_text_sanitised_even_if_a_caller_did_not(tmp_path: Path) -> None:
    text = "Lead [bold]x[/] " + ESCAPES + " and more.\n\nSecond paragraph [/] $variable."
    doc = Document(text=text, title="[@click=app.quit]T[/]" + ESCAPES, sentences=())
    app = ReaderApp(document=doc, analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = assert_inert(app)
        assert "[@click=app.quit]T[/]" in shown and "Lead [bold]x[/]" in shown and "[/] $variable." in shown
        assert len(app.screen.doc.text) == len(text)  # one character for one: offsets still hold
        await pilot.click("#title", offset=(2, 0))
        await pilot.pause()
        assert app.is_running


async def test_pasted_controls_in_find_and_note_editor_are_neutralised(tmp_path: Path) -> None:
    app = ReaderApp(document=story_doc(), analyse=False, store_path=tmp_path / "notes.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        bar = app.screen.query_one("#find-bar")
        bar.post_message(events.Paste("Brandt" + ESCAPES))
        await pilot.pause()
        assert "\x1b" not in bar.value and len(bar.value) == len("Brandt" + ESCAPES)
        assert_inert(app)
        await pilot.press("enter")
        await pilot.pause()
        await shown(pilot, app, "Not found: Brandt\ufffd]52;c;")  # the notification, controls replaced
        await pilot.press("escape", "a")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste("[bold]pasted[/]" + ESCAPES + "\r\nline two"))
        await pilot.pause()
        assert_inert(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_inert(app)
    with NotesStore(tmp_path / "notes.db") as store:
        [hl] = store.highlights(story_doc())
    assert hl.note.startswith("[bold]pasted[/]") and hl.note.endswith("\nline two")
    assert is_safe(hl.note.replace("\n", ""))


async def test_library_with_hostile_titles_and_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "[@click=app.quit]x.txt").write_text("[@click=app.quit]Title[/] $variable\n\nBody. More.", encoding="utf-8")
    (folder / "b\x1b]0;PWNED\x07.txt").write_text("Plain title\n\nBody.", encoding="utf-8")
    (folder / "c\x1b[2J[link=file:etc]bin[@click=app.quit].txt").write_bytes(b"\x00\x01\x02")
    app = ReaderApp(library=folder, analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        text = assert_inert(app)
        assert "[@click=app.quit]x.txt" in text and "[@click=app.quit]Title[/] $variable" in text
        assert "PWNED" in text  # the name is shown, its escape is not
        # open the binary file: the error names it literally, without its controls
        table = app.screen.query_one(DataTable)
        row = next(i for i in range(table.row_count) if "bin" in str(table.get_row_at(i)[1]))
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        text = await shown(pilot, app, "binary")
        assert "[link=file:etc]bin[@click=app.quit].txt" in text
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "[@click=app.quit]Title[/] $variable" in assert_inert(app)


UI = Path(__file__).resolve().parents[1] / "reader" / "ui"


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def markup_problems(name: str, source: str) -> list[str]:
    """Calls in a UI module that would parse markup or ANSI from a string."""
    problems = []
    if re.search(r"from_markup|Text\.from_ansi|console\.print\(|markup=True", source):
        problems.append(f"{name}: parses markup or ANSI")
    for call in _calls(ast.parse(source)):
        func = _name(call)
        keywords = {k.arg: k.value for k in call.keywords}
        if func == "notify":
            markup = keywords.get("markup")
            if not (isinstance(markup, ast.Constant) and markup.value is False):
                problems.append(f"{name}:{call.lineno}: notify without markup=False")
        if func in ("Static", "Label", "Button", "Option", "update") and call.args:
            first = call.args[0]
            if isinstance(first, (ast.JoinedStr, ast.Attribute, ast.Constant)) or (
                isinstance(first, ast.Call) and _name(first) in ("str", "format", "sanitize")
            ):
                problems.append(f"{name}:{call.lineno}: {func}() given a plain str, which is parsed as markup")
    return problems


def test_ui_code_never_parses_markup() -> None:
    """A cheap static check of reader/ui: no markup parsing, every notify says markup=False."""
    problems = [p for path in sorted(UI.rglob("*.py")) for p in markup_problems(path.name, path.read_text("utf-8"))]
    assert problems == []


def test_static_check_flags_what_it_is_meant_to() -> None:
    bad = (
        'self.notify(f"x {name}")\n'
        'self.notify(msg, markup=False)\n'
        'Static(f"{title}")\n'
        'Static(Content(title))\n'
        'label.update(sanitize(name))\n'
        'Content.from_markup(text)\n'
    )
    assert [p.split(": ", 1)[1] for p in markup_problems("bad.py", bad)] == [
        "parses markup or ANSI",
        "notify without markup=False",
        "Static() given a plain str, which is parsed as markup",
        "update() given a plain str, which is parsed as markup",
    ]
