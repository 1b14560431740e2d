"""The facts layer's shortcuts give exactly what the plain way gives (role chunks, token runs of a span)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import Document, Sentence, Token

# Every tag the role grammar names, tags it never holds, and tags that only start like one it holds.
TAGS = ["DT", "PRP$", "PRP", "RB", "RBR", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "VBD", "VB", "CD",
        "POS", "ROLE", "ROLE_NP", "HYPH", "CC", "INR", "IN", "TO", "PER", "HON", "DATE", "PARTY", "VBX", "WP", ",", ".", ":"]


def _nltk_chunks(tags: list[str]) -> list[tuple[str, int, int]]:
    """The flattened parse of NLTK's RegexpParser over the role grammar."""
    from reader.nlp.facts.grammar import role_parser

    out: list[tuple[str, int, int]] = []
    for node in role_parser().parse([(str(k), t) for k, t in enumerate(tags)]):
        if hasattr(node, "label"):
            ks = [int(w) for w, _ in node.leaves()]
            out.append((node.label(), ks[0], ks[-1] + 1))
        else:
            out.append((node[1], int(node[0]), int(node[0]) + 1))
    return out


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TAGS), min_size=1, max_size=24))
def test_role_chunks_match_nltk(tags: list[str]) -> None:
    from reader.nlp.facts.grammar import role_chunks

    assert role_chunks(tags) == _nltk_chunks(tags)


def test_role_chunks_match_nltk_on_role_phrases() -> None:
    from reader.nlp.facts.grammar import role_chunks

    for tags in (
        ["DT", "JJ", "ROLE", "INR", "DT", "NNP", "NN", ",", "PER", "PER"],  # the foreign minister of the X region, A B
        ["PER", "PER", ",", "DT", "ROLE", "INR", "ROLE", "INR", "NNP", ",", "VBD"],  # A B, the adviser to head of X
        ["ROLE", "VBG", "ROLE", "PER", "CC", "ROLE", "NN", "CC", "NNS", "ROLE", "PER"],
        ["NN", "NN", "NN", "NN", "NN", "NN", "ROLE", "INR", "JJ", "CD", "VBZ", "ROLE", "INR", "ROLE", "INR", "NNP"],
        ["ROLE_NP", "INR", "DT", "NN", ",", "VBD"],  # a tag that is already a chunk's label
    ):
        assert role_chunks(tags) == _nltk_chunks(tags)


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), min_size=1, max_size=12),
       st.integers(0, 60), st.integers(0, 60))
def test_token_runs_of_a_span(gaps: list[tuple[int, int]], a: int, b: int) -> None:
    from reader.nlp.facts.base import Sent

    tokens, at = [], 0
    for gap, width in gaps:
        tokens.append(Token(at + gap, at + gap + width))
        at += gap + width
    doc = Document(text="x" * at, sentences=[Sentence(0, at, 0, len(tokens))], tokens=tokens)
    sent = Sent(doc, 0)
    assert list(sent.tokens_overlapping(a, b)) == [k for k, t in enumerate(tokens) if t.start < b and t.end > a]
    assert list(sent.tokens_within(a, b)) == [k for k, t in enumerate(tokens) if t.start >= a and t.end <= b]


def _in_short_runs(doc: Document, cues: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """`cue_sentences` lower-casing runs of at most 6 characters (but whole sentences) at a time."""
    from reader.nlp.facts import base

    saved, base._CUE_CHARS = base._CUE_CHARS, 6
    try:
        return base.cue_sentences(doc, cues)
    finally:
        base._CUE_CHARS = saved


CUE_PIECES = ["kill", "Killed", "KILL", "ed ", "de", "ath", "s", " ", "\n", ".", "İ", "Σ", "ΟΣ", "ß", "ﬁ", "free", "d", "e"]
CUE_SETS = (("kill", "dead", "death", "die ", "s f", "free", "ﬁ", "i̇", "ee"), ("ς",), ("σ",), ("i̇",), ("ss", "ﬁ"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CUE_PIECES), min_size=1, max_size=20).map("".join),
       st.lists(st.integers(0, 80), max_size=6))
def test_cue_sentences_match_each_sentence(text: str, cuts: list[int]) -> None:
    from reader.nlp.facts.base import Sent, cue_sentences

    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    spans = list(zip(bounds, bounds[1:]))
    doc = Document(text=text, sentences=[Sentence(a, b) for a, b in spans])
    for cues in CUE_SETS:
        plain = {k for k, (a, b) in enumerate(spans) if any(c in text[a:b].lower() for c in cues)}
        hits = cue_sentences(doc, cues)
        found = None if hits is None else {k for k, hit in enumerate(hits) if hit}
        assert found is None or found == plain
        assert cue_sentences(doc, cues) == _in_short_runs(doc, cues)  # the text lower-cased a few sentences at a time
        if "Σ" not in text and "İ" not in text:
            assert found == plain  # the whole-document search is used whenever lower-casing keeps offsets
        shared: dict = {}
        assert {k for k in range(len(spans)) if Sent(doc, k, cues=shared).has_cue("test", cues)} == plain


def test_cue_sentences_next_sentence_opens_on_a_cue() -> None:
    from reader.nlp.facts.base import cue_sentences

    doc = Document(text="killkill freed", sentences=[Sentence(0, 4), Sentence(4, 8), Sentence(8, 14)])
    assert list(cue_sentences(doc, ("kill", "free"))) == [1, 1, 1]
    assert list(cue_sentences(doc, ("lk",))) == [0, 0, 0]  # across two sentences is in neither
