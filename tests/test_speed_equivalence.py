"""The shortcuts taken for speed give exactly what the plain way gives (tokenizer, tokens, POS table, pronouns)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import Token, make_tokens

# Pieces that exercise every substitution of NLTK's word tokenizer: quotes of every kind, clitics,
# contractions, final periods, ellipses, dashes, brackets, symbols and mixed whitespace.
PIECES = [
    "can", "not", "cannot", "CanNot", "gonna", "Gimme", "lemme", "wanna", "gotta", "d'ye", "more'n", "'t", "is",
    "was", "'s", "'S", "'ll", "n't", "N'T", "'re", "'ve", "'m", "'d", "'", "''", "``", "`", '"', "“", "”", "‘",
    "’", "«", "»", "„", ".", "..", "...", ",", ":", ";", "@", "#", "$", "%", "&", "?", "!", "*", "(", ")", "[",
    "]", "{", "}", "<", ">", "--", "-", "–", "—", "\u2012", "\u2015", " ", "  ", "\t", "\n", "word", "Word", "3",
    "3,5", "1,000", "U.S.", "Mr.", "é", "Łódź", "_",
]


def _spans(tokenizer, text: str):  # type: ignore[no-untyped-def]
    try:
        return list(tokenizer.span_tokenize(text))
    except Exception as exc:  # both must fail alike (NLTK's alignment fails on some quote runs)
        return type(exc).__name__


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join))
def test_word_tokenizer_matches_nltk(text: str) -> None:
    from nltk.tokenize import NLTKWordTokenizer

    from reader.nlp.segment import _word_tokenizer

    assert _spans(_word_tokenizer(), text) == _spans(NLTKWordTokenizer(), text)


def test_replacement_functions_expand_as_re_does() -> None:
    from reader.nlp.segment import _replacement

    pattern = re.compile(r"(a)(b)?(c)(d)?(e)")
    for template in (r" \1 ", r"\1 \2\3 ", r"\1-\2-\3-\4", r"x\g<0>y", r"\1\2\3\4\5!", r"\1\n", "plain"):
        repl = _replacement(template)
        for text in ("abcde", "acde", "zz acde abcde zz"):
            assert pattern.sub(repl, text) == pattern.sub(template, text), template


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["", "NN", "VBD"]))))
def test_make_tokens_builds_the_same_tokens(rows: list[tuple[int, int, str]]) -> None:
    starts, ends, tags = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    assert make_tokens(starts, ends, tags) == [Token(*r) for r in rows]
    assert make_tokens(starts, ends) == [Token(s, e) for s, e in zip(starts, ends)]


def test_pos_word_table_resets_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.nlp import pos

    sentences = [
        ["The", "council", "voted", "12", "to", "3", "on", "Tuesday", "."],
        ["Ms", "Okafor", "said", "the", "bridge", "would", "reopen", "in", "March", "."],
        ["Prisoners", "were", "exchanged", "at", "dawn", ",", "officials", "said", "."],
    ]
    model = pos.PosModel.load(pos.MODEL_PATH)
    expected = model.tag_sents(sentences)
    assert model.tag_sents(sentences) == expected  # warm table
    monkeypatch.setattr(pos, "MAX_WORD_TYPES", 5)  # a call with new words empties the table first
    resets = []
    reset = pos.PosModel._reset_types
    monkeypatch.setattr(pos.PosModel, "_reset_types", lambda self: (resets.append(1), reset(self))[1])
    fresh = pos.PosModel.load(pos.MODEL_PATH)
    for _ in range(2):
        assert [fresh.tag(s) for s in sentences] == expected
        assert fresh.tag_sents(sentences) == expected
    assert len(resets) >= 5


def test_pronouns_are_ascii_words() -> None:
    from reader.nlp.pronouns import PRONOUNS, _PRONOUN

    text = "He said HIS piece; hers-and-his, ſhe, hİm, she’s, o'he, Herself. (she) him_ 'his"
    found = [text[m.start() : m.end()] for m in _PRONOUN.finditer(text)]
    assert found == ["He", "HIS", "she", "Herself", "she"]
    assert all(w.lower() in PRONOUNS for w in found)
