"""An article that changes on disk while it is open: noticed, `r` reloads, highlights are kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable

import reader.ui.screens.reader as reader_screen
from reader.notes.store import NotesStore
from reader.sources import load_path
from reader.ui.app import ReaderApp
from reader.ui.screens.dialogs import HelpScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView

SIZE = (120, 40)
FIRST = (
    "Harbour Report\n\n"
    "The council met on Monday. Mayor Elena Brandt opened the session. The budget passed easily.\n\n"
    "Residents of Port Avel gathered outside. Nobody was hurt.\n"
)
# the same article with a paragraph added at the top and one sentence removed
SECOND = (
    "Harbour Report\n\n"
    "Editor's note: this story was updated with new details about the vote.\n\n"
    "The council met on Monday. Mayor Elena Brandt opened the session.\n\n"
    "Residents of Port Avel gathered outside. Nobody was hurt.\n"
)


@pytest.fixture(autouse=True)
def fast_disk_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the file every 50 ms instead of every 2 s, so the tests stay fast."""
    monkeypatch.setattr(reader_screen, "DISK_CHECK_SECONDS", 0.05)


def rewrite(path: Path, text: str) -> None:
    """Write new content with a visibly newer modification time."""
    st = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def wait_until(pilot: object, condition: object, rounds: int = 100) -> None:
    for _ in range(rounds):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("condition never became true")


def status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#status").content)


def highlight_sentence(view: ArticleView, text: str, sentence: str) -> None:
    """Put the cursor on the sentence that starts with `sentence`."""
    view.set_cursor_at(text.index(sentence))
    span = view.cursor_span()
    assert span is not None and text[span[0] : span[1]].startswith(sentence), text[span[0] : span[1]]


async def test_change_is_noticed_and_r_reloads_keeping_highlights(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(FIRST, encoding="utf-8")
    store_path = tmp_path / "notes.db"
    app = ReaderApp(source=load_path(article), analyse=True, store_path=store_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_until(pilot, lambda: not screen.analysing)
        view = screen.query_one(ArticleView)
        for sentence in ("Mayor Elena Brandt opened", "The budget passed", "Residents of Port Avel"):
            highlight_sentence(view, FIRST, sentence)
            await pilot.press("h")
            await pilot.pause()
        assert len(screen.highlights) == 3
        await pilot.pause(0.2)
        assert not screen.changed_on_disk  # nothing changed yet: no notice

        rewrite(article, SECOND)
        await wait_until(pilot, lambda: screen.changed_on_disk)
        await pilot.pause()
        assert any("report.txt changed on disk - press r to reload" in m for m in messages(app))
        assert status(app).startswith("Changed on disk - r reloads")
        assert view.doc.text == FIRST  # nothing is replaced behind the reader's back

        await pilot.press("r")
        await wait_until(pilot, lambda: not screen.analysing)
        assert view.doc.text == SECOND and screen.doc.text == SECOND
        assert not screen.changed_on_disk and not status(app).startswith("Changed on disk")
        # the analysis ran again on the new text: its sentences index the new text
        assert screen.doc.sentences and screen.doc.sentences[-1].end <= len(SECOND)
        assert any(SECOND[s.start : s.end].startswith("Editor's note") for s in screen.doc.sentences)
        # the two passages still there moved with the text; the removed one is kept, flagged
        anchored = [h for h in screen.highlights if h.anchored]
        assert sorted(SECOND[h.start : h.end] for h in anchored) == [
            "Mayor Elena Brandt opened the session.",
            "Residents of Port Avel gathered outside.",
        ]
        assert [h.quote for h in screen.highlights if not h.anchored] == ["The budget passed easily."]
        assert any("1 highlight no longer found in the text (kept, see Notes)" in m for m in messages(app))
        # the view marks the re-anchored passages at their new offsets
        assert sorted((s, e) for s, e, _ in view.notes.overlapping(0, len(SECOND))) == sorted(
            (h.start, h.end) for h in anchored
        )
        notes_rows = screen.query_one("#notes-list")
        rows = [str(notes_rows.get_option_at_index(i).prompt) for i in range(notes_rows.option_count)]
        assert any("not in this text" in r and "The budget passed" in r for r in rows)
        # choosing the lost highlight explains instead of jumping to a wrong place
        screen.jump_from_sidebar(type("J", (), {"kind": "note", "index": 2})())  # type: ignore[arg-type]
        await pilot.pause()
        assert any("no longer in the text" in m for m in messages(app))
        # a late analysis of the old text (a worker that was still running) is ignored
        screen.post_message(ReaderScreen.Analysed(app.cached_analysis(FIRST)))  # type: ignore[arg-type]
        await pilot.pause()
        assert screen.doc.text == SECOND and view.doc.text == SECOND
        assert app.is_running
    with NotesStore(store_path) as store:
        kept = store.highlights(load_path(article))  # type: ignore[arg-type]
    assert len(kept) == 3  # nothing was lost in the store either


async def test_r_when_nothing_changed_and_when_the_file_is_gone(tmp_path: Path) -> None:
    article = tmp_path / "gone.txt"
    article.write_text(FIRST, encoding="utf-8")
    app = ReaderApp(source=load_path(article), analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("r")
        await pilot.pause()
        assert "No change: the file holds the text shown" in messages(app)
        os.utime(article, ns=(1, 1))  # touched, same text: noticed, then r says nothing changed
        await wait_until(pilot, lambda: screen.changed_on_disk)
        await pilot.press("r")
        await pilot.pause()
        assert not screen.changed_on_disk and messages(app).count("No change: the file holds the text shown") == 2
        article.unlink()
        await wait_until(pilot, lambda: screen.changed_on_disk)
        assert any("gone.txt was moved or deleted" in m for m in messages(app))
        await pilot.press("r")
        await pilot.pause()
        assert any(m.startswith("Cannot reload:") and "no such file" in m for m in messages(app))
        assert screen.doc.text == FIRST and app.is_running
        await pilot.press("j", "right_square_bracket", "G")
        assert app.is_running


async def test_reload_is_a_documented_key(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(FIRST, encoding="utf-8")
    app = ReaderApp(source=load_path(article), analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[2]): str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert rows.get("reload") == "r"


async def test_stdin_articles_are_not_watched(tmp_path: Path) -> None:
    from reader.sources import Source

    app = ReaderApp(source=Source(FIRST, "t", "-", "utf-8"), analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "This article was not read from a file" in messages(app)
        assert not app.screen.changed_on_disk  # type: ignore[attr-defined]
