"""Wrapping and span layers of the article view (pure functions, no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.layout import line_cells, offset_at_column, wrap
from reader.ui.spans import SpanLayer



@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["ab", "c", " ", "  ", "\t", "\n", "漢字", "é", "longwordlongword"]),
                     max_size=80).map("".join),
       width=st.integers(min_value=4, max_value=30))  # the view never wraps under 8
def test_wrap_lines_fit_cover_every_visible_character_once(text: str, width: int) -> None:
    check_wrap(text, width)


def check_wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Assert the wrap of `text` is ordered, never crosses a newline, fits `width` cells and covers
    every visible character exactly once; return its (start, end) lines."""
    w = wrap(text, width)
    lines = list(zip(w.starts, w.ends))
    covered = [0] * len(text)
    prev_end = 0
    for start, end in lines:
        assert prev_end <= start <= end <= len(text)
        assert "\n" not in text[start:end]
        assert sum(c for _, c in line_cells(text, start, end)) <= width
        for i in range(start, end):
            covered[i] += 1
        prev_end = end
    for i, ch in enumerate(text):
        if ch not in " \n":
            assert covered[i] == 1, (i, ch)
    return lines


def test_wrap_breaks_on_spaces_and_keeps_newlines() -> None:
    text = "the quick brown fox\n\njumps"
    w = wrap(text, 10)
    assert [text[s:e] for s, e in zip(w.starts, w.ends)] == ["the quick", "brown fox", "", "jumps"]
    assert w.line_of(text.index("jumps") + 2) == 3


def test_wrap_cuts_a_word_longer_than_the_line() -> None:
    text = "a " + "x" * 25
    w = wrap(text, 10)
    assert [text[s:e] for s, e in zip(w.starts, w.ends)] == ["a", "x" * 10, "x" * 10, "x" * 5]


def test_tabs_expand_to_the_next_stop_and_wide_chars_take_two_cells() -> None:
    text = "ab\tc漢d"
    cells = line_cells(text, 0, len(text))
    assert [c for _, c in cells] == [1, 1, 2, 1, 2, 1]
    assert offset_at_column(text, 0, len(text), 3) == 2  # inside the tab
    assert offset_at_column(text, 0, len(text), 6) == 4  # second cell of the wide char
    assert offset_at_column(text, 0, len(text), 50) is None


def test_span_layer_binary_search() -> None:
    layer = SpanLayer([(10, 15, "b"), (0, 5, "a"), (12, 20, "clipped"), (30, 31, "c")])
    assert list(layer.overlapping(4, 16)) == [(0, 5, "a"), (10, 15, "b"), (15, 20, "clipped")]
    assert layer.at(14) == (10, 15, "b") and layer.at(7) is None
    assert layer.index_after(10) == 2 and layer.index_before(10) == 0
    merged = SpanLayer([(0, 5, 1), (3, 8, 2), (20, 25, 3)], merge=True)
    assert list(merged.overlapping(0, 100)) == [(0, 8, 1), (20, 25, 3)]
