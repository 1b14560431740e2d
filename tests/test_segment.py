"""Sentences and tokens: offsets into the text, honorifics, abbreviations, blocks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp.segment import blocks, segment, split_sentences
from reader.sources import load_path


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_titles_and_abbreviations_do_not_split() -> None:
    text = (
        "Sen. Maria Holt, D-Ore., spoke to Dr. Ruiz at the U.N. on Jan. 5. "
        "Mr Saldo said Gov. Lee agreed. Lt. Col. Amos Reed left at 5 p.m. on Friday."
    )
    assert _sents(text) == [
        "Sen. Maria Holt, D-Ore., spoke to Dr. Ruiz at the U.N. on Jan. 5.",
        "Mr Saldo said Gov. Lee agreed.",
        "Lt. Col. Amos Reed left at 5 p.m. on Friday.",
    ]


def test_lines_are_blocks_and_wrapped_lines_join() -> None:
    text = "Headline here\n\nThe governor of the\nregion spoke.\n- first item\n- second item"
    assert _sents(text) == ["Headline here", "The governor of the\nregion spoke.", "- first item", "- second item"]
    assert list(blocks("")) == []


def test_kherson_sentences_do_not_split_after_mr(kherson_path: Path) -> None:
    text = load_path(kherson_path).text
    sentences = _sents(text)
    assert not any(s.rstrip().endswith(("Mr", "Mr.")) for s in sentences)
    assert any("Mr Saldo said" in s for s in sentences)
    assert any("said Mr Khusnullin, who has special responsibility" in s for s in sentences)
    assert 28 <= len(sentences) <= 34


def test_tokens_index_the_text_and_keep_clitics(kherson_path: Path) -> None:
    text = load_path(kherson_path).text
    sentences, tokens = segment(text)
    words = [text[t.start : t.end] for t in tokens]
    assert "’s" in words and "Khusnullin" in words
    for sent in sentences:
        for tok in tokens[sent.first_token : sent.end_token]:
            assert sent.start <= tok.start < tok.end <= sent.end
            assert text[tok.start : tok.end].strip() == text[tok.start : tok.end]


def test_huge_block_without_punctuation_is_chunked() -> None:
    text = ("word " * 50_000).strip()
    sentences = split_sentences(text)
    assert len(sentences) > 10
    assert all(e - s <= 2000 for s, e in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs",)), max_size=300))
def test_spans_are_ordered_inside_and_disjoint(text: str) -> None:
    sentences, tokens = segment(text)
    prev = 0
    for s in sentences:
        assert prev <= s.start < s.end <= len(text)
        prev = s.end
    prev = 0
    for t in tokens:
        assert prev <= t.start < t.end <= len(text)
        prev = t.end


def test_stdlib_tokenizer_matches_nltk_on_conll() -> None:
    import pytest
    from nltk.tokenize import NLTKWordTokenizer

    from reader.nlp.segment import _word_tokenizer

    from .conftest import SHARED

    corpus = SHARED / "corpora" / "conll2003" / "dev.txt"
    if not corpus.is_file():
        pytest.skip("CoNLL corpus not present")
    sentences, words = [], []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    stock, ours = NLTKWordTokenizer(), _word_tokenizer()
    sentences.append('He said "hi" -- then (ok) [x] {y} <z> $3.88 #t 5:30, a,b ‘q’ “w” don\'t...')
    for s in sentences[:3000]:
        assert list(ours.span_tokenize(s)) == list(stock.span_tokenize(s)), s
