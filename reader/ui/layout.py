"""Word-wrap a text into visual lines once per width, as character offsets (no Textual import).

Each visual line is a half-open range [start, end) of the text; the newline and the spaces a
line was broken on belong to no line. Tabs advance to the next multiple of `TAB_SIZE` cells
from the start of the visual line, and wide characters count as two cells (rich.cells), the
same rules `line_cells` uses when a line is drawn, so wrapping and drawing always agree.
Widths are counted one character at a time (zero-width joiners and variation selectors count
0; the article view leaves them out of what it draws), never per grapheme cluster, so a
ZWJ emoji sequence cannot make a line wider than the width it was wrapped to.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

TAB_SIZE = 4
_PARAGRAPH = re.compile(r"[^\n]*")
_ASCII_PRINTABLE = re.compile(r"[\x20-\x7e]*\Z")


@dataclass(frozen=True, slots=True)
class Wrapped:
    """Visual lines of a text at one width: parallel arrays of start and end offsets."""

    width: int
    starts: array
    ends: array

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The index of the visual line holding a character offset (or the nearest before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)


def _simple(para: str) -> bool:
    """True when every character of the paragraph is one cell wide and not a tab."""
    if para.isascii():
        return _ASCII_PRINTABLE.match(para) is not None
    # a sum of widths equal to the length is not enough: a wide and a zero-width character balance out
    return "\t" not in para and all(get_character_cell_size(ch) == 1 for ch in set(para))


def text_cells(text: str) -> int:
    """Cells of a string without tabs, summed character by character (as the view draws it)."""
    if "\u200d" in text or "\ufe0f" in text:  # rich would measure such a cluster as one glyph
        return sum(get_character_cell_size(ch) for ch in text)
    return cell_len(text)


def _wrap_simple(text: str, start: int, end: int, width: int, starts: array, ends: array) -> None:
    """Greedy wrap of a paragraph whose characters are all one cell (C-speed rfind per line)."""
    pos = start
    while end - pos > width:
        limit = pos + width
        space = text.rfind(" ", pos, limit + 1)
        if space > pos:
            starts.append(pos)
            ends.append(space)
            pos = space + 1
        else:
            starts.append(pos)
            ends.append(limit)
            pos = limit
        while pos < end and text[pos] == " ":
            pos += 1
    starts.append(pos)
    ends.append(end)


def char_cells(char: str, column: int) -> int:
    """The cells one character takes when drawn at a column of a visual line."""
    if char == "\t":
        return TAB_SIZE - column % TAB_SIZE
    return get_character_cell_size(char)


_PIECE = re.compile(r" +|\t|[^ \t]+")


def _wrap_cells(text: str, start: int, end: int, width: int, starts: array, ends: array) -> None:
    """Greedy wrap of a paragraph with tabs or wide characters, word by word (cells via rich)."""
    line_start = start
    line_end = start  # end of the last word placed on the current line
    column = 0
    for match in _PIECE.finditer(text, start, end):
        a, b = match.span()
        piece = match.group()
        if piece[0] == " ":
            if column == 0 and a == line_start:
                line_start = line_end = b  # spaces at the start of a wrapped line are dropped
                continue
            column += b - a
            continue
        if piece == "\t":
            cells = TAB_SIZE - column % TAB_SIZE
            if column + cells > width and column > 0:
                starts.append(line_start)
                ends.append(line_end)
                line_start, column = a, 0
                cells = TAB_SIZE
            column += cells
            line_end = b
            continue
        cells = len(piece) if piece.isascii() else text_cells(piece)
        if column + cells <= width:
            column += cells
            line_end = b
            continue
        if column > 0 and cells <= width:  # the word goes to the next line
            starts.append(line_start)
            ends.append(line_end)
            line_start, line_end, column = a, b, cells
            continue
        # a word longer than the line: cut it by characters
        i = a
        if column > 0 and line_end > line_start:
            starts.append(line_start)
            ends.append(line_end)
            column = 0
        line_start = i
        while i < b:
            cells = get_character_cell_size(text[i])
            if column + cells > width and column > 0:
                starts.append(line_start)
                ends.append(i)
                line_start, column = i, 0
            column += cells
            i += 1
        line_end = b
    starts.append(line_start)
    ends.append(max(line_start, line_end))


def wrap(text: str, width: int) -> Wrapped:
    """Wrap the whole text to a width in cells: spaces break lines, long words are cut, \\n is kept."""
    width = max(1, width)
    starts: array = array("q")
    ends: array = array("q")
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        if start == end and start > 0 and text[start - 1] != "\n":
            continue  # the empty match finditer yields right after each non-empty paragraph
        para = text[start:end]
        if end - start <= width and _simple(para):
            starts.append(start)
            ends.append(end)
        elif _simple(para):
            _wrap_simple(text, start, end, width, starts, ends)
        else:
            _wrap_cells(text, start, end, width, starts, ends)
    if not starts:
        starts.append(0)
        ends.append(0)
    return Wrapped(width, starts, ends)


def line_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, cells) for each character of a visual line, with tabs expanded by column."""
    out = []
    column = 0
    for i in range(start, end):
        cells = char_cells(text[i], column)
        out.append((i, cells))
        column += cells
    return out


def offset_at_column(text: str, start: int, end: int, x: int) -> int | None:
    """The character offset drawn at cell column x of a visual line, or None past its end."""
    column = 0
    for i in range(start, end):
        cells = char_cells(text[i], column)
        if column <= x < column + cells:
            return i
        column += cells
    return None
