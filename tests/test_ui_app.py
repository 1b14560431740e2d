"""Pilot tests for the reader app: every binding, mouse, palette, notes, keymap, hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static, TabbedContent

from reader.document import Document
from reader.notes.store import NotesStore
from reader.ui.app import ReaderApp
from reader.ui.config import Config
from reader.ui.screens.dialogs import HelpScreen, NoteEditor
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.sidebar import Sidebar

from .test_ui_docs import STORY, long_doc, story_doc

SIZE = (120, 40)
HOSTILE_NAME = "[bold red]Tide[/] [@click=app.quit]x[/] $accent"


def make_app(tmp_path: Path, doc: Document | None = None, **kwargs: object) -> ReaderApp:
    """An app on a hand-built document with its own notes store."""
    return ReaderApp(document=doc or story_doc(), analyse=False, store_path=tmp_path / "notes.db", **kwargs)  # type: ignore[arg-type]


def view(app: ReaderApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#status", Static).content)


def cursor_text(app: ReaderApp) -> str:
    v = view(app)
    span = v.cursor_span()
    assert span is not None
    return v.doc.text[span[0] : span[1]]


async def wait_analysed(pilot: object, app: ReaderApp) -> ReaderScreen:
    """Wait (bounded) until the reader screen's analysis worker has delivered."""
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    for _ in range(400):
        if not screen.analysing:
            break
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert not screen.analysing
    return screen


def option_texts(app: ReaderApp, list_id: str) -> list[str]:
    lst = app.screen.query_one(f"#{list_id}", OptionList)
    return [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]


async def test_first_entity_then_mentions_walk_with_n_and_N(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        assert status(app) == "Elena Brandt (PERSON) - mention 1/3"
        await pilot.press("n")
        assert status(app) == "Elena Brandt (PERSON) - mention 2/3"
        assert "Ms Brandt" in cursor_text(app)
        await pilot.press("n", "n")
        assert status(app) == "Elena Brandt (PERSON) - mention 1/3"  # wraps round
        await pilot.press("N")
        assert status(app) == "Elena Brandt (PERSON) - mention 3/3"


async def test_brackets_walk_entities_in_reading_order(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            seen.append(status(app).split(" (")[0])
        assert seen == ["Elena Brandt", "Harbour Authority", "Elena Brandt", "Port Avel"]
        await pilot.press("left_square_bracket")
        assert status(app) == "Elena Brandt (PERSON) - mention 2/3"
        await pilot.press("right_square_bracket", "right_square_bracket")
        # the next mention in reading order is Port Avel's own: mentions of the active entity are skipped
        assert status(app) == "Harbour Authority (ORG) - mention 2/2"


async def test_active_entity_lines_get_a_gutter_mark(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.pause()
        v = view(app)
        marked = {i for i in range(len(v.wrapped)) if v.render_line(i).text.startswith("▌")}
        assert marked == {v.line_of(m.start) for m in v.doc.entities[0].mentions}


async def test_j_and_k_move_the_sentence_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first = cursor_text(app)
        await pilot.press("j", "j")
        assert "Mayor Elena Brandt" not in cursor_text(app) and cursor_text(app) != first
        assert "Ms Brandt" in cursor_text(app)
        await pilot.press("k")
        assert "Mayor Elena Brandt" in cursor_text(app)


async def test_scroll_keys_arrows_space_b_g_G(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_doc())
    async with app.run_test(size=SIZE) as pilot:
        v = view(app)
        await pilot.press("down", "down")
        assert v.scroll_offset.y == 2
        await pilot.press("up")
        assert v.scroll_offset.y == 1
        await pilot.press("space")
        assert v.scroll_offset.y > 20
        await pilot.press("b")
        assert v.scroll_offset.y == 1
        await pilot.press("G")
        await pilot.pause()
        assert v.scroll_offset.y == v.max_scroll_y > 100
        assert v.cursor == len(v.units) - 1
        await pilot.press("g")
        assert v.scroll_offset.y == 0 and v.cursor == 0


async def test_scrolling_brings_the_cursor_along(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_doc())
    async with app.run_test(size=SIZE) as pilot:
        v = view(app)
        await pilot.press("space", "space")
        await pilot.pause()
        top = v.scroll_offset.y
        span = v.cursor_span()
        assert span is not None and v.line_of(span[0]) >= top


async def test_enter_in_article_activates_the_entity_of_the_sentence(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j")  # "The council voted ..." has no entity: next is Harbour Authority
        await pilot.press("j")
        assert "Harbour Authority rejected" in cursor_text(app)
        await pilot.press("enter")
        assert status(app).startswith("Harbour Authority (ORG) - mention 2/2")


async def test_tab_moves_focus_between_article_and_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList) and app.focused.id == "facts-list"
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)


async def test_sidebar_facts_are_grouped_and_enter_jumps_to_evidence(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        rows = option_texts(app, "facts-list")
        assert rows[0] == "Officials (1)" and rows[1] == "Elena Brandt: Mayor"
        assert "Vote: 31 for / 4 against / 2 abstain" in rows
        assert rows.index("Votes (1)") < rows.index("Casualties (1)") < rows.index("Dates (2)") < rows.index("Numbers (1)")
        await pilot.press("tab")
        lst = app.focused
        assert isinstance(lst, OptionList)
        lst.highlighted = rows.index("Vote: 31 for / 4 against / 2 abstain")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_text(app).startswith("The council voted")
        v = view(app)
        assert v._flash is not None and v.doc.text[v._flash[0] :].startswith("The council voted")


async def test_sidebar_entities_grouped_by_label_sorted_by_salience(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        rows = option_texts(app, "entities-list")
        assert rows[0] == "People - PERSON (1)"
        assert rows[1].endswith("Elena Brandt  3×")
        await pilot.press("tab", "right")
        assert app.screen.query_one(TabbedContent).active == "tab-entities"
        lst = app.focused
        assert isinstance(lst, OptionList) and lst.id == "entities-list"
        lst.highlighted = next(i for i, r in enumerate(rows) if "Port Avel" in r)
        await pilot.press("enter")
        assert status(app).startswith("Port Avel (LOC) - mention 1/2")


async def test_click_a_sidebar_row_jumps(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#facts-list", offset=(3, 1))  # the first row under the heading
        await pilot.pause()
        assert "Mayor Elena Brandt" in cursor_text(app)


async def test_click_an_entity_makes_it_active(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        v = view(app)
        start = STORY.index("Port Avel")
        line = v.line_of(start)
        column = start - v.wrapped.starts[line] + 2
        await pilot.click(ArticleView, offset=(column + 1, line))
        assert status(app).startswith("Port Avel (LOC) - mention 1/2")


async def test_find_then_n_walks_matches_and_escape_returns_to_mentions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.press("slash", *"harbour", "enter")
        # the first match at or after the cursor sentence; the title's match is before it
        assert status(app) == "find 'harbour' - match 2/3"
        await pilot.press("n")
        assert status(app) == "find 'harbour' - match 3/3"
        await pilot.press("n")
        assert status(app) == "find 'harbour' - match 1/3"
        await pilot.press("N")
        assert status(app) == "find 'harbour' - match 3/3"
        await pilot.press("escape")
        await pilot.press("n")
        assert status(app).startswith("Elena Brandt (PERSON)")


async def test_find_with_no_match_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"[zzz]", "enter")
        await pilot.pause()
        assert status(app) == "find '[zzz]': no matches"
        assert any("Not found: [zzz]" in n.message for n in app._notifications)


async def test_h_highlights_the_cursor_sentence_in_the_store(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "h")
        await pilot.pause()
    with NotesStore(tmp_path / "notes.db") as store:
        hls = store.highlights(story_doc())
    assert [STORY[h.start : h.end] for h in hls] == ["Ms Brandt spoke in Port Avel after the vote."]


async def test_a_adds_a_note_with_markup_kept_literal(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    note = "[@click=app.quit]stop[/] [bold red]x"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*note)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        rows = option_texts(app, "notes-list")
        assert any(note in r for r in rows)
        # edit the same note: the modal opens with the old text
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#note-text").text == note
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    with NotesStore(tmp_path / "notes.db") as store:
        assert [h.note for h in store.highlights(story_doc())] == [note]


async def test_e_exports_markdown_and_says_where(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "e")
        await pilot.pause()
        messages = [n.message for n in app._notifications if n.message.startswith("Exported to ")]
    assert messages
    path = Path(messages[-1].removeprefix("Exported to "))
    assert path.is_file() and "Harbour Vote Ends in Uproar" in path.read_text(encoding="utf-8")


async def test_s_toggles_the_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.display
        width = view(app).wrapped.width
        await pilot.press("s")
        await pilot.pause()
        assert not sidebar.display and view(app).wrapped.width > width
        await pilot.press("s")
        assert sidebar.display


async def test_t_cycles_the_theme_and_entity_colours_follow(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        before = app.theme
        colour = view(app).get_component_rich_style("article-view--person").color
        await pilot.press("t")
        await pilot.pause()
        assert app.theme != before
        for _ in range(8):
            if not app.current_theme.dark:
                break
            await pilot.press("t")
            await pilot.pause()
        assert not app.current_theme.dark
        assert view(app).get_component_rich_style("article-view--person").color != colour


async def test_question_mark_shows_help_built_from_bindings(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert {"next-mention", "prev-mention", "next-entity", "find", "highlight", "note", "export",
                "sidebar", "theme", "quit", "next-sentence", "page-down", "top", "bottom"} <= ids
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_keymap_from_config_remaps_a_binding(tmp_path: Path) -> None:
    app = make_app(tmp_path, config=Config(keymap={"next-entity": "x", "next-mention": "m"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "m")
        assert status(app) == "Elena Brandt (PERSON) - mention 2/3"
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[2]): str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert rows["next-mention"] == "m"


async def test_command_palette_jumps_to_an_entity_and_a_fact(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"port avel")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert status(app).startswith("Port Avel (LOC)")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"vote: 31")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_text(app).startswith("The council voted")


async def test_hostile_entity_name_is_shown_literally_everywhere(tmp_path: Path) -> None:
    app = make_app(tmp_path, story_doc(HOSTILE_NAME))
    async with app.run_test(size=SIZE) as pilot:
        rows = option_texts(app, "entities-list")
        assert any(HOSTILE_NAME in r for r in rows)
        v = view(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        v.activate_entity(3)
        await pilot.pause()
        assert status(app).startswith(HOSTILE_NAME)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tide")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert status(app).startswith(HOSTILE_NAME)


async def test_hostile_title_and_text_render_literally(tmp_path: Path) -> None:
    text = "[bold red]not bold[/] [@click=app.quit]click[/] $accent [link=file:///etc/passwd]x[/link]\n"
    doc = Document(text=text, title="[@click=app.quit]Title[/]")
    app = make_app(tmp_path, doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#title", Static).content) == "[@click=app.quit]Title[/]"
        v = view(app)
        shown = " ".join(v.render_line(i).text.strip() for i in range(len(v.wrapped)))
        assert shown.strip() == text.strip()
        await pilot.click("#title")
        await pilot.click(ArticleView, offset=(25, 0))
        assert app.is_running


async def test_read_only_notes_store_keeps_the_app_usable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the notes folder should be", encoding="utf-8")
    app = ReaderApp(document=story_doc(), analyse=False, store_path=blocker / "sub" / "notes.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "h")
        await pilot.pause()
        assert app.is_running
        messages = [n.message for n in app._notifications if n.severity in ("warning", "error")]
        assert any("not-a-dir" in m for m in messages)
        assert any(m.startswith("Could not save the highlight") for m in messages)
        await pilot.press("right_square_bracket")
        assert status(app).startswith("Elena Brandt")


async def test_analysis_worker_fills_layers_after_first_paint(tmp_path: Path) -> None:
    text = "A first sentence here. A second one follows.\n\nA new paragraph starts."
    app = ReaderApp(document=Document(text=text, title="t"), analyse=True, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_analysed(pilot, app)
        assert len(screen.doc.sentences) == 3
        assert not screen.query_one("#spinner").display


async def test_real_article_opens_and_analyses(tmp_path: Path, kherson_path: Path) -> None:
    from reader.sources import load_path

    app = ReaderApp(source=load_path(kherson_path), store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_analysed(pilot, app)
        assert len(screen.doc.sentences) > 10
        await pilot.press("j", "j", "right_square_bracket", "n", "G", "g")
        assert app.is_running
        if screen.doc.entities:
            assert " - mention " in status(app)


async def test_library_lists_articles_and_enter_opens_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.md").write_text("# [bold]Markup title[/]\n\nSome text. More text.\n", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\x00\x01")
    app = ReaderApp(library=folder, analyse=True, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        titles = [str(table.get_row_at(i)[0]) for i in range(2)]
        assert titles == ["Harbour Vote Ends in Uproar", "[bold]Markup title[/]"]
        assert all(str(table.get_row_at(i)[3]) != "…" for i in range(2))  # counts filled in
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.doc.title == "[bold]Markup title[/]"
        assert app.screen.doc.sentences  # the library's analysis was reused
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


def test_open_missing_path_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_open_without_articles_folder_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    assert "articles" in capsys.readouterr().err


def test_bad_config_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    cfg = tmp_path / "config.toml"
    cfg.write_text("[keymap]\nnext-mention = 3\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG", str(cfg))
    article = tmp_path / "a.txt"
    article.write_text("Hello.", encoding="utf-8")
    assert main([str(article)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "keymap" in err


def test_config_file_under_xdg_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.config import config_path, load_config

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = config_path()
    assert path == tmp_path / "reader" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\n[keymap]\nnext-mention = "ctrl+n"\n', encoding="utf-8")
    assert load_config() == Config(theme="nord", keymap={"next-mention": "ctrl+n"})
