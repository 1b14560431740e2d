"""The sanitiser: one character for one, and no terminal control survives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import REPLACEMENT, is_safe, sanitize

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _unsafe(ch: str) -> bool:
    cp = ord(ch)
    return (cp < 0x20 and ch not in "\n\t") or 0x7F <= cp <= 0x9F or ch in BIDI


@given(st.text())
def test_length_and_offsets_are_preserved(text: str) -> None:
    clean = sanitize(text)
    assert len(clean) == len(text)
    for i, (a, b) in enumerate(zip(text, clean)):
        if a != b:
            assert _unsafe(a), (i, a)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_no_control_character_survives(text: str) -> None:
    clean = sanitize(text)
    assert not any(_unsafe(ch) for ch in clean)
    assert is_safe(clean)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")).filter(lambda c: c not in BIDI)))
def test_safe_text_is_unchanged(text: str) -> None:
    assert sanitize(text) == text


def test_escape_sequences_become_inert() -> None:
    hostile = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\x9bd\u202eevil\u202c"
    clean = sanitize(hostile)
    assert "\x1b" not in clean and "\x07" not in clean and "\x9b" not in clean and "\u202e" not in clean
    assert clean.count(REPLACEMENT) == 6
    assert "]52;c;ZXZpbA==" in clean  # the payload stays visible, as text


def test_crlf_keeps_offsets_and_line_structure() -> None:
    assert sanitize("one\r\ntwo\rthree") == "one \ntwo\nthree"


def test_tabs_and_newlines_are_kept() -> None:
    assert sanitize("a\tb\nc") == "a\tb\nc"
    assert unicodedata.category(REPLACEMENT) == "So"
