"""Large and odd articles in the app (not just the CLI), and property tests over arbitrary Unicode
for the view's wrapping and the analyser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.contract import contract_errors
from reader.notes.store import NotesStore
from reader.pipeline import analyze
from reader.sanitize import sanitize
from reader.sources import load_path
from reader.ui.app import ReaderApp
from reader.ui.layout import line_cells, offset_at_column
from reader.ui.screens.dialogs import NoteEditor
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import GUTTER, ArticleView

from .test_ui_layout import check_wrap

SIZE = (100, 30)
KEYS = ("j", "j", "k", "right_square_bracket", "n", "N", "left_square_bracket", "space", "b", "G", "g",
        "down", "up", "enter", "s", "s", "tab", "tab", "slash", "x", "enter", "n", "escape")


async def open_file(path: Path, tmp_path: Path, analyse: bool = True) -> ReaderApp:
    return ReaderApp(source=load_path(path), analyse=analyse, store_path=tmp_path / "notes.db")


async def wait_analysed(pilot: object, screen: ReaderScreen, rounds: int = 1200) -> None:
    for _ in range(rounds):
        if not screen.analysing:
            break
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    assert not screen.analysing


def drawn_lines(view: ArticleView) -> list[str]:
    """Every wrapped line as the view draws it, checked to have exactly the view's width in cells."""
    assert view.wrapped is not None
    width = view.wrapped.width + GUTTER
    out = []
    for i in range(len(view.wrapped)):
        strip = view._render_wrapped_line(i, width)
        assert strip.cell_length == width
        # what Textual and the terminal measure must be what the strip claims
        assert cell_len(strip.text) == width, (i, strip.text)
        out.append(strip.text)
    return out


async def test_one_megabyte_single_line_opens_analyses_and_scrolls(tmp_path: Path) -> None:
    p = tmp_path / "line.txt"
    p.write_text(" ".join(["word", "Paris", "and", "London", "then"] * 40_000), encoding="utf-8")
    app = await open_file(p, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(ArticleView)
        assert view.wrapped is not None and len(view.wrapped) > 10_000  # the text painted before the analysis
        await wait_analysed(pilot, screen)
        assert screen.doc.sentences and contract_errors(screen.doc.to_json()) == []
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y > 10_000
        last = view.render_line(view.scrollable_content_region.height - 1).text
        assert last.strip() and last.strip() in p.read_text(encoding="utf-8")
        await pilot.press(*KEYS)
        await pilot.press("h")
        await pilot.pause()
        assert app.is_running


async def test_crlf_highlight_quote_is_the_shown_text(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title line\r\n\r\nMr Smith met Dr Jones in Paris.\r\nThey talked for an hour.\r\n"
                  b"\r\nA second paragraph.\r\n")
    app = await open_file(p, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_analysed(pilot, screen)
        view = screen.query_one(ArticleView)
        text = view.doc.text
        assert "\r" not in text and len(text) == len(p.read_bytes())  # one character for one byte here
        view.set_cursor_at(text.index("They talked"))
        await pilot.press("h")
        await pilot.pause()
        span = view.cursor_span()
        assert span is not None
        shown = text[span[0] : span[1]]
        assert shown == "They talked for an hour."
        line = view.line_of(span[0])
        assert shown in view._render_wrapped_line(line, view.wrapped.width + GUTTER).text
    with NotesStore(tmp_path / "notes.db") as store:
        [hl] = store.highlights(screen.doc)
    assert hl.quote == shown and (hl.start, hl.end) == span


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \n", b"\xef\xbb\xbf", b"\n" * 500])
async def test_empty_and_blank_files_are_usable(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    app = await open_file(p, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_analysed(pilot, screen)
        await pilot.press(*KEYS)
        await pilot.press("h", "a")
        await pilot.pause()
        if isinstance(app.screen, NoteEditor):
            await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running
        assert str(app.screen.query_one("#title").content) == "(untitled)"
        drawn_lines(screen.query_one(ArticleView))


async def test_latin1_file_shows_its_accents(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Le président a parlé à Genève.\n\nIl était très content de l'accord signé à Zürich.".encode("latin-1"))
    app = await open_file(p, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_analysed(pilot, screen)
        lines = drawn_lines(screen.query_one(ArticleView))
        assert any("Le président a parlé à Genève." in line for line in lines)
        assert any("signé à Zürich." in line for line in lines)


WIDE = (
    "東京の記者会見で、首相は新しい政策を発表した。👨\u200d👩\u200d👧\u200d👦 家族 ❤\ufe0f 🇺🇦 "
    "e\u0301te\u0301 שלום עולם مرحبا بالعالم x\u200by\ttab\there\t\tdouble "
)


@pytest.mark.parametrize("width", [40, 41, 57, 100])
async def test_wide_emoji_tabs_and_rtl_never_overflow_a_line(tmp_path: Path, width: int) -> None:
    p = tmp_path / "wide.txt"
    p.write_text("Wide article\n\n" + WIDE * 30 + "\n\n" + "\t".join(["漢字"] * 80), encoding="utf-8")
    app = await open_file(p, tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_analysed(pilot, screen)
        view = screen.query_one(ArticleView)
        lines = drawn_lines(view)
        assert len(lines) > 20
        await pilot.press(*KEYS)
        assert app.is_running


# ----- properties ------------------------------------------------------------------------------
ODD = st.sampled_from([
    "\u0301", "\u0308", "\u20dd",  # combining marks
    "\u200d", "\ufe0f", "\ufe0e", "\u200b", "\u200c", "\u00ad", "\u2028", "\u2029",
    "👨\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "🇫🇷", "👍🏽",  # ZWJ sequence, flags, skin tone
    "שלום", "مرحبا", "\u200f", "\u200e", "\u061c",  # RTL text and marks
    "漢字", "ｶﾀｶﾅ", "한국어", "\u3000",
    "\t", "\n", " ", "  ", "Mr", "Dr.", ".", "!", "?", "\"", "'", "«", "»",
    "Paris", "Elena Brandt", "42", "3.5", "x" * 30,
])
UNICODE = st.one_of(
    st.lists(ODD, max_size=80).map("".join),
    st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs",)), max_size=300),
)


@settings(max_examples=400, deadline=None)
@given(text=UNICODE.map(sanitize), width=st.integers(min_value=8, max_value=60))
def test_wrap_covers_every_character_once_and_fits_any_unicode(text: str, width: int) -> None:
    for start, end in check_wrap(text, width):
        cells = line_cells(text, start, end)
        # the drawn line (tabs expanded, joiners left out) measures what wrapping counted
        drawn = "".join(" " * c if text[i] == "\t" else "" if text[i] in "\u200d\ufe0f" else text[i]
                        for i, c in cells)
        assert cell_len(drawn) == sum(c for _, c in cells)
        column = 0
        for i, c in cells:  # every cell column maps back to its character
            for x in range(column, column + c):
                assert offset_at_column(text, start, end, x) == i
            column += c


@settings(max_examples=40, deadline=None)
@given(UNICODE)
def test_analyser_never_raises_on_odd_unicode_and_offsets_are_valid(text: str) -> None:
    doc = analyze(sanitize(text))
    assert contract_errors(doc.to_json()) == []
    for ent in doc.entities:
        for m in ent.mentions:
            assert doc.text[m.start : m.end].strip(), (ent.name, m)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le président a parlé à Genève.\n\nIl était très content de l'accord signé à Zürich.", "latin-1"),
        ("Señor Muñoz visitó Málaga el miércoles.", "latin-1"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Česká republika a Praha.", "cp1250"),
        ("Привет, сказал министр в Москве во вторник.", "cp1251"),
    ],
)
def test_short_single_byte_articles_decode_without_mojibake(tmp_path: Path, text: str, encoding: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    assert load_path(p).text == text


@pytest.mark.parametrize("command", [["analyze"], ["analyze", "--json"], [], ["export"], ["notes"]])
def test_hostile_file_names_never_reach_the_terminal_raw(tmp_path: Path, command: list[str]) -> None:
    import subprocess
    import sys

    name = tmp_path / "x\x1b]0;PWNED\x07\x1b[2J\u009b31m\u202e.txt"
    result = subprocess.run([sys.executable, "-m", "reader", *command, str(name)], capture_output=True, timeout=120)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and err.count("\n") == 1 and "no such file" in err
    assert "PWNED" in err and sanitize(err) == err and "\\x1b]0;PWNED" in err
    name.write_text("Mr Smith spoke.", encoding="utf-8")
    if command[:1] == ["analyze"]:
        result = subprocess.run([sys.executable, "-m", "reader", *command, str(name)], capture_output=True, timeout=120)
        out = result.stdout.decode("utf-8")
        assert result.returncode == 0 and "PWNED" in out and sanitize(out) == out
