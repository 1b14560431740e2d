"""A long text's compact layers while it is analysed (sentences and mentions as columns, the NER step's
words as ids and its last pass's tags as bytes until read) give exactly what the plain ones give."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.nlp.linking as linking
import reader.nlp.ner.step as ner_step
import reader.nlp.ner.tagger as ner_tagger
import reader.nlp.segment as segment_mod
from reader.docpack import pack
from reader.document import Document, Mentions, Sentence, Sentences
from reader.nlp.facts.base import Sent
from reader.nlp.ner.step import SentenceWords
from reader.nlp.ner.tagger import load
from reader.pipeline import analyze

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted((REPO / "articles").glob("*.txt"))


def _long_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every text as a long one in the steps that keep compact layers for long texts."""
    for module in (segment_mod, ner_step, linking):
        monkeypatch.setattr(module, "LONG_TEXT_CHARS", 0)
    monkeypatch.setattr(ner_tagger, "LONG_DOCUMENT_TOKENS", 0)


@pytest.mark.parametrize("path", ARTICLES[:3], ids=lambda p: p.name)
def test_long_text_layers_give_the_plain_analysis(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    plain = analyze(text, "t", "s")
    assert type(plain.sentences) is tuple and all(type(e.mentions) is tuple for e in plain.entities)
    _long_everywhere(monkeypatch)
    compact = analyze(text, "t", "s")
    assert type(compact.sentences) is Sentences and compact.entities
    assert all(type(e.mentions) is Mentions for e in compact.entities)
    assert compact == plain and compact.to_full_json() == plain.to_full_json()
    assert pack(compact) == pack(plain)  # the packed bytes too


def test_segment_columns_are_the_sentences_of_segment() -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    sentences, tokens = segment_mod.segment(text)
    columns, same_tokens = segment_mod.segment_columns(text)
    assert type(columns) is Sentences and columns == tuple(sentences) and same_tokens == tokens
    doc = Document(text=text).with_layers(sentences=columns, tokens=tokens)
    assert doc.sentences is columns  # with_layers keeps a column layer as it is
    assert Document(text=text).with_layers(sentences=sentences).sentences == tuple(sentences)


def test_sentence_views_read_the_columns_as_the_sentences() -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    sentences, tokens = segment_mod.segment(text)
    plain = Document(text=text).with_layers(sentences=sentences, tokens=tokens)
    columns = Document(text=text).with_layers(sentences=segment_mod.segment_columns(text)[0], tokens=tokens)
    for k in range(len(sentences)):
        a, b = Sent(plain, k), Sent(columns, k)
        assert (a.first, a.stop, a.text, a.span, a.words) == (b.first, b.stop, b.text, b.span, b.words)


words_strategy = st.lists(st.lists(st.sampled_from(["a", "Bo", "c.", "Dee", "’s", "e"]), max_size=6), max_size=12)


@settings(max_examples=60, deadline=None)
@given(words_strategy, st.integers(-14, 14), st.integers(-14, 14))
def test_sentence_words_read_as_the_word_lists(sentences: list[list[str]], a: int, b: int) -> None:
    text = " ".join(w for s in sentences for w in s)
    starts, ends, firsts, stops, at = [], [], [], [], 0
    for s in sentences:
        firsts.append(len(starts))
        for w in s:
            starts.append(at)
            ends.append(at + len(w))
            at += len(w) + 1
        stops.append(len(starts))
    words = SentenceWords(text, starts, ends, firsts, stops)
    assert len(words) == len(sentences) and list(words) == sentences and words[a:b] == sentences[a:b]
    for k in range(-len(sentences), len(sentences)):
        assert words[k] == sentences[k]
    for k in (len(sentences), -len(sentences) - 1):
        with pytest.raises(IndexError):
            words[k]
    if sentences:  # one string object per distinct word
        assert len({id(w) for s in words for w in s}) == len({w for s in sentences for w in s})


def test_document_tags_of_a_long_document_are_tag_document(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    sentences, tokens = segment_mod.segment(text)
    words = [[text[t.start : t.end] for t in tokens[s.first_token : s.end_token]] for s in sentences]
    tagger = load()
    plain = tagger.tag_document(words)
    assert tagger.document_tags(words) == plain
    monkeypatch.setattr(ner_tagger, "LONG_DOCUMENT_TOKENS", 0)
    lazy = tagger.document_tags(words)
    assert type(lazy) is not list and len(lazy) == len(plain) and list(lazy) == plain
    assert lazy[2:5] == plain[2:5] and tagger.tag_document(words) == plain


def test_an_entity_with_column_mentions_reads_them_in_order() -> None:
    rows = [10, 12, 0, "name", 1, 3, 0, "pronoun", 1, 3, 1, "name", 5, 9, 0, "description"]
    plain = linking._mention_layers(rows, [0, 1])  # type: ignore[arg-type]
    columns = linking._mention_layers(rows, [0, 1], columns=True)  # type: ignore[arg-type]
    assert all(type(m) is Mentions for m in columns.values()) and columns == plain
    assert [m.kind for m in columns[0]] == ["pronoun", "description", "name"]
    assert Sentences([0], [4], [0], [1])[0] == Sentence(0, 4, 0, 1)


def test_compact_tag_spans_are_the_plain_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    kherson = REPO.parent / "shared" / "articles" / "kherson-evacuation.txt"
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES[:3]]
    if kherson.is_file():
        texts.append(kherson.read_text(encoding="utf-8"))
    tagger = load()
    for text in texts:
        sentences, tokens = segment_mod.segment(text)
        words = [[text[t.start : t.end] for t in tokens[s.first_token : s.end_token]] for s in sentences]
        plain = ner_step.tag_spans(tagger, words)
        compact = ner_step.tag_spans(tagger, words, compact=True)
        assert type(compact) is ner_step.SentenceSpans and len(compact) == len(plain)
        assert [list(s) for s in plain] == list(compact) and any(plain)
        assert compact[-1] == list(plain[-1]) and compact[1:4] == [list(s) for s in plain[1:4]]
        with pytest.raises(IndexError):
            compact[len(plain)]
