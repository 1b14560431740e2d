"""The token layer stored as columns (`Tokens`), the POS step writing its tag column, the analysis
result sent in parts, the analysis child's lean NLTK import and trimming between steps: each gives
exactly what the plain way gives."""

from __future__ import annotations

import pickle
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis_process import AnalysisPool
from reader.docpack import PackError, pack, pack_parts, unpack, unpack_parts
from reader.document import Document, Entity, Mention, Mentions, Sentence, Sentences, Token, Tokens, make_tokens
from reader.nlp import pos
from reader.nlp.segment import segment
from reader.pipeline import analyze

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTICLES = sorted((REPO / "articles").glob("*.txt"))

rows_strategy = st.lists(
    st.tuples(st.integers(0, 2**40), st.integers(0, 2**40), st.sampled_from(["", "NN", "CD", "VBD", "."])),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.integers(-45, 45), st.integers(-45, 45), st.sampled_from([None, 1, 2, -1]))
def test_tokens_read_as_the_tuple_of_tokens(rows: list[tuple[int, int, str]], a: int, b: int, step: int | None) -> None:
    plain = tuple(Token(*r) for r in rows)
    tokens = Tokens([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    assert len(tokens) == len(plain) and tuple(tokens) == plain and list(reversed(tokens)) == list(reversed(plain))
    assert tokens == plain and tokens == list(plain) and tokens == Tokens.of(plain)
    for i in range(-len(plain), len(plain)):
        assert tokens[i] == plain[i]
    part = tokens[a:b:step]
    assert isinstance(part, Tokens) and part == plain[a:b:step]
    assert tokens.tags(a, b) == [t.pos for t in plain[a:b]]
    assert tokens.starts.tolist() == [t.start for t in plain] and tokens.ends.tolist() == [t.end for t in plain]
    assert pickle.loads(pickle.dumps(tokens)) == plain
    if plain:
        assert tokens != plain[:-1] and tokens != Tokens.of(plain[:-1])
        changed = (*plain[:-1], Token(plain[-1].start, plain[-1].end, plain[-1].pos + "X"))
        assert tokens != changed and tokens != Tokens.of(changed)


sentence_rows = st.lists(st.tuples(*(st.integers(0, 2**40) for _ in range(4))), max_size=30)
mention_rows = st.lists(st.tuples(st.integers(0, 2**40), st.integers(0, 2**40),
                                  st.sampled_from(["name", "pronoun", "description"])), max_size=30)


@settings(max_examples=60, deadline=None)
@given(sentence_rows, mention_rows, st.integers(-35, 35), st.integers(-35, 35), st.sampled_from([None, 1, 2, -1]))
def test_sentence_and_mention_columns_read_as_tuples(
    srows: list[tuple[int, int, int, int]], mrows: list[tuple[int, int, str]], a: int, b: int, step: int | None,
) -> None:
    kinds = ["name", "pronoun", "description"]
    layers = [
        (tuple(Sentence(*r) for r in srows), Sentences(*([r[k] for r in srows] for k in range(4)))),
        (tuple(Mention(*r) for r in mrows),
         Mentions([r[0] for r in mrows], [r[1] for r in mrows], array("B", [kinds.index(r[2]) for r in mrows]), kinds)),
    ]
    for plain, columns in layers:
        assert len(columns) == len(plain) and tuple(columns) == plain and list(reversed(columns)) == list(reversed(plain))
        assert columns == plain and plain == columns and columns == list(plain) and hash(columns) == hash(plain)
        for i in range(-len(plain), len(plain)):
            assert columns[i] == plain[i]
        part = columns[a:b:step]
        assert type(part) is type(columns) and part == plain[a:b:step]
        assert pickle.loads(pickle.dumps(columns)) == plain
        assert bool(columns) == bool(plain) and (repr(columns).startswith(type(columns).__name__))
        if plain:
            assert columns != plain[:-1] and columns[1:] != plain
            assert plain[-1] in columns and columns.index(plain[-1]) == plain.index(plain[-1])
    entity = Entity("e1", "PERSON", "x", layers[1][1])  # type: ignore[arg-type]
    assert entity == Entity("e1", "PERSON", "x", layers[1][0]) and hash(entity) == hash(Entity("e1", "PERSON", "x", layers[1][0]))


def test_column_layers_refuse_columns_that_do_not_fit() -> None:
    with pytest.raises(ValueError):
        Sentences([0, 1], [2], [0, 0], [1, 1])
    with pytest.raises(ValueError):
        Mentions([0], [1], array("B", [3]), ["name"])
    with pytest.raises(IndexError):
        Sentences([0], [1], [0], [1])[1]


def test_tokens_edge_cases() -> None:
    assert Tokens() == () and Tokens() == [] and not Tokens() and list(Tokens()) == []
    assert make_tokens([0, 3], [2, 5]) == [Token(0, 2), Token(3, 5)]
    assert Tokens([2**33], [2**33 + 1]).starts.typecode == "q"  # an offset past 32 bits still fits
    assert Tokens([1], [2]).starts.typecode == "i"
    with pytest.raises(IndexError):
        Tokens([1], [2])[1]
    with pytest.raises(ValueError):
        Tokens([1, 2], [3])
    with pytest.raises(ValueError):
        Tokens([1], [2], ["NN", "CD"])
    with pytest.raises(ValueError):
        Tokens.from_arrays(array("i", [1]), array("i", [2]), array("B", [3]), ["NN"])
    assert Tokens([0], [1]) != "not tokens" and Tokens([0], [1]) != 5
    many = Tokens(range(0, 700, 2), range(1, 700, 2), [f"T{i}" for i in range(350)])  # over 256 distinct tags
    assert many.tag_ids.typecode == "H" and many[300] == Token(600, 601, "T300")


def test_a_document_keeps_any_token_sequence_as_columns() -> None:
    tokens = (Token(0, 2, "CD"), Token(3, 8, "NNS"))
    for given_as in (tokens, list(tokens), Tokens.of(tokens)):
        doc = Document(text="12 boats", tokens=given_as)  # type: ignore[arg-type]
        assert type(doc.tokens) is Tokens and doc.tokens == tokens
        assert type(Document(text="12 boats").with_layers(tokens=given_as).tokens) is Tokens
    doc = Document(text="12 boats", tokens=tokens)  # type: ignore[arg-type]
    assert Document.from_json(doc.to_full_json()) == doc
    assert doc.to_full_json()["tokens"] == [[0, 2, "CD"], [3, 8, "NNS"]]
    assert doc.sentence_tokens(Sentence(0, 8, 0, 2)) == tokens and doc.sentence_tokens(Sentence(3, 8, 1, 2)) == tokens[1:]


def test_pos_step_tags_as_the_tagger_tags_each_sentence() -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    sentences, tokens = segment(text)
    doc = pos.run(Document(text=text).with_layers(sentences=sentences, tokens=tokens))
    expected = []
    for s in sentences:
        expected += pos.tag_words([text[t.start : t.end] for t in tokens[s.first_token : s.end_token]])
    assert doc.tokens.tags() == expected
    assert doc.tokens.starts is tokens.starts  # the offsets are shared, not copied
    assert "" not in doc.tokens.tag_names  # only the tags in use


def test_pack_parts_are_the_packed_bytes_in_pieces() -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    doc = analyze(text, "t", "s")
    parts = pack_parts(doc)
    assert b"".join(parts) == pack(doc)
    assert unpack_parts(parts, text, "t", "s") == doc == unpack(pack(doc), text, "t", "s")
    assert unpack_parts([bytes(p) for p in parts], text, "t", "s") == doc
    with pytest.raises(PackError):
        unpack_parts(parts[:-1], text)
    with pytest.raises(PackError):
        unpack_parts([parts[0], *parts[1:-1], bytes(parts[-1])[:-4]], text)
    with pytest.raises(PackError):
        unpack_parts([], text)
    with pytest.raises(PackError):
        unpack_parts([b"junk", *parts[1:]], text)


def test_analysis_child_gives_the_in_process_analysis() -> None:
    """The child imports NLTK's modules without its package __init__ and sends its result in parts."""
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    kherson = SHARED / "articles" / "kherson-evacuation.txt"
    if kherson.is_file():
        texts.append(kherson.read_text(encoding="utf-8"))
    texts.append("“Quotes” — dashes… and 'single' quotes. Dr. Ann Lee met Mr O’Neil in St. Louis on 3 May 2024.")
    pool = AnalysisPool()
    try:
        for text in texts:
            assert pool.analyse(text, "t", "s") == analyze(text, "t", "s")
    finally:
        pool.close()


def test_lean_nltk_skips_the_package_init_only() -> None:
    code = (
        "import sys; from reader.analysis_process import lean_nltk; assert lean_nltk(); assert not lean_nltk(); "
        "from reader.nlp.segment import segment; s, t = segment('Dr. Ann Lee left. She said \"no\".'); "
        "print(len(s), len(t), 'nltk.parse' in sys.modules or 'nltk.cluster' in sys.modules, 'nltk.tokenize.punkt' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.split() == ["2", "11", "False", "True"]


def test_trimming_between_steps_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.pipeline as pipeline

    text = ARTICLES[0].read_text(encoding="utf-8")
    plain = analyze(text)
    calls = []
    monkeypatch.setattr(pipeline, "TRIM_CHARS", 0)
    monkeypatch.setattr(pipeline, "trim_memory", lambda: calls.append(1))
    assert pipeline.analyze(text) == plain and len(calls) == len(pipeline.STEPS)
