"""Notes under contention: two apps (and two stores) writing at once lose nothing; a store that
cannot be written says so clearly on every attempt and the app stays usable."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.notes.store import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.screens.dialogs import NoteEditor
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView

from .test_ui_docs import STORY, story_doc

SIZE = (120, 40)


def sentence_start(view: ArticleView, needle: str) -> None:
    view.set_cursor_at(view.doc.text.index(needle))


async def test_two_apps_on_one_store_lose_nothing_and_export_everything(tmp_path: Path) -> None:
    store_path = tmp_path / "notes.db"
    one = ReaderApp(document=story_doc(), analyse=False, store_path=store_path)
    two = ReaderApp(document=story_doc(), analyse=False, store_path=store_path)
    async with one.run_test(size=SIZE) as p1, two.run_test(size=SIZE) as p2:
        v1 = one.screen.query_one(ArticleView)
        v2 = two.screen.query_one(ArticleView)
        # interleaved: each app highlights its own sentences, one after the other
        for app, pilot, view, needle in (
            (one, p1, v1, "Mayor Elena Brandt"),
            (two, p2, v2, "Ms Brandt spoke"),
            (one, p1, v1, "The council voted"),
            (two, p2, v2, "Officials said"),
        ):
            sentence_start(view, needle)
            await pilot.press("h")
            await pilot.pause()
        # the second app highlights one more; the first app's export, straight after, includes it
        sentence_start(v2, "The Harbour Authority rejected")
        await p2.press("h")
        await p2.pause()
        await p1.press("e")
        await p1.pause()
        exported = [n.message for n in one._notifications if n.message.startswith("Exported to ")]
        # the first app highlights a sentence the second one just did: no duplicate
        sentence_start(v2, "Brandt called")
        await p2.press("h")
        await p2.pause()
        sentence_start(v1, "Brandt called")
        await p1.press("h")
        await p1.pause()
        assert any(n.message.startswith("Already highlighted") for n in one._notifications)
        # a note written in one app is what the other app's editor opens with
        sentence_start(v1, "Ms Brandt spoke")
        await p1.press("a")
        await p1.pause()
        assert isinstance(one.screen, NoteEditor)
        await p1.press(*"from one")
        await p1.press("ctrl+s")
        await p1.pause()
        sentence_start(v2, "Ms Brandt spoke")
        await p2.press("a")
        await p2.pause()
        assert isinstance(two.screen, NoteEditor)
        assert two.screen.query_one("#note-text").text == "from one"
        await p2.press("escape")
        await p2.pause()
        assert isinstance(one.screen, ReaderScreen) and isinstance(two.screen, ReaderScreen)
        assert len(one.screen.highlights) == len(two.screen.highlights) == 6
    markdown = Path(exported[-1].removeprefix("Exported to ")).read_text(encoding="utf-8")
    assert markdown.count("^hl-") == 5 and "The Harbour Authority rejected" in markdown
    with NotesStore(store_path) as store:
        quotes = [STORY[h.start : h.end] for h in store.highlights(story_doc())]
    assert len(quotes) == 6 and quotes[0].startswith("Mayor Elena Brandt") and quotes[-1].startswith("Officials said")


def test_two_stores_in_threads_interleaving_on_one_article_lose_nothing(tmp_path: Path) -> None:
    doc = story_doc()
    path = tmp_path / "notes.db"
    NotesStore(path).close()  # create the schema once, as the first app would
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def writer(offset: int) -> None:
        try:
            with NotesStore(path) as store:
                barrier.wait()
                for i in range(offset, 200, 2):
                    hl = store.add_highlight(doc, i, i + 5, f"note {i}")
                    store.update_note(hl.id, f"note {i} edited")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with NotesStore(path) as store:
        hls = store.highlights(doc)
    assert sorted(h.start for h in hls) == list(range(200))
    assert all(h.note == f"note {h.start} edited" for h in hls)


async def test_unwritable_store_says_so_on_every_save_and_stays_usable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the notes folder should be", encoding="utf-8")
    app = ReaderApp(document=story_doc(), analyse=False, store_path=blocker / "notes.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        opened = [n.message for n in app._notifications]
        assert len([m for m in opened if "not-a-dir" in m]) == 1  # said once when opened, not once per frame
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("j", "h")
        await pilot.pause()
        saves = [n.message for n in app._notifications if n.message.startswith("Could not save the highlight")]
        assert len(saves) == 2 and all("not-a-dir" in m for m in saves)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"kept?", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert any(n.message.startswith("Could not save the note") for n in app._notifications)
        await pilot.press("right_square_bracket", "n", "slash", *"vote", "enter", "n", "s", "s")
        await pilot.pause()
        assert app.is_running and str(app.screen.query_one("#status").content).startswith("find 'vote'")
