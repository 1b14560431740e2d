"""SVG snapshots (pytest-textual-snapshot) of the main screen, each sidebar tab, help and library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import TabbedContent

from reader.notes.store import NotesStore
from reader.ui.app import ReaderApp

from .test_ui_docs import STORY, story_doc

SIZE = (120, 40)


def reader_app(tmp_path: Path) -> ReaderApp:
    """The app on the hand-built story, with one highlight and note already stored."""
    doc = story_doc()
    db = tmp_path / "notes.db"
    with NotesStore(db) as store:
        start = STORY.index("Officials said")
        store.add_highlight(doc, start, STORY.index("hall.") + 5, "Check the [bold]count[/] with police")
    return ReaderApp(document=doc, analyse=False, store_path=db)


def show_tab(tab: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.screen.query_one(TabbedContent).active = tab
        await pilot.pause()

    return run_before


def test_main_screen_with_active_entity(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, press=["right_square_bracket", "n", "j"])


def test_sidebar_facts_tab(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, run_before=show_tab("tab-facts"))


def test_sidebar_entities_tab(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, run_before=show_tab("tab-entities"))


def test_sidebar_notes_tab(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, run_before=show_tab("tab-notes"))


def test_find_matches(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, press=["slash", *"port avel", "enter"])


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(reader_app(tmp_path), terminal_size=SIZE, press=["question_mark"])


def test_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    app = reader_app(tmp_path)
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, press=["right_square_bracket"])


def test_library(snap_compare: Any, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(STORY, encoding="utf-8")
    (folder / "markup.md").write_text("# [bold red]Not markup[/]\n\nShort text.\n", encoding="utf-8")
    app = ReaderApp(library=folder, analyse=False, store_path=tmp_path / "n.db")
    app.remember_analysis(story_doc(), folder / "harbour.txt")

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        title = pilot.app.screen.query_one("#library-title")
        title.update("Library: articles")  # the temp path differs per run

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
