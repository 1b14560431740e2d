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


# Pieces for sentence splitting: abbreviations, initials, numbers, ellipses, quotes and brackets around stops.
BLOCK_PIECES = [
    "Mr.", "U.S.", "J.", "5.", "etc.", "...", "..", "!", "?", ".", '"', "“", "”", "’", "'", ")", "(", "--", "word",
    "Word", "the", "The", "3.5", "A.", "no.", "Jan.", "-", ",", ";", ":", "»", "«", "é", "1990s.", "\n", " ", "  ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_PIECES), min_size=1, max_size=20).map("".join))
def test_punkt_without_timed_wrappers_splits_as_nltk(text: str) -> None:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from reader.nlp.segment import ABBREVIATIONS, _punkt

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    assert list(_punkt().span_tokenize(text)) == list(PunktSentenceTokenizer(params).span_tokenize(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "x.", ".)", ". '", ".”  ", "a.b.", "...", ". \n"]), min_size=1, max_size=12)
       .map("".join))
def test_final_stop_shortcut_matches_re_sub(text: str) -> None:
    from nltk.tokenize import NLTKWordTokenizer

    from reader.nlp.segment import _FINAL_STOP, _at_last_stop, _replacement

    patterns = {p.pattern: (p, r) for p, r in NLTKWordTokenizer.PUNCTUATION}
    for source in _FINAL_STOP:
        pattern, template = patterns[source]
        stdlib = re.compile(pattern.pattern)
        for repl in (template, _replacement(template)):
            assert _at_last_stop(stdlib)(repl, text) == stdlib.sub(template, text)


def _find_numbers_plainly(words: list[str]) -> list[tuple[int, int, float]]:
    """`find_numbers` as it was before its cache: every word classified as it is read."""
    from reader.nlp.numbers import _parse, _tidy, _word

    out = []
    i, n = 0, len(words)
    while i < n:
        first = _word(words[i])
        if first is None or first[0] in ("and", "hundred", "scale", "dozen"):
            i += 1
            continue
        kinds = [first]
        j = i + 1
        while j < n and j - i < 8:
            k = _word(words[j])
            if k is None:
                break
            kinds.append(k)
            j += 1
        parsed = _parse(kinds)
        if parsed is None:
            i += 1
            continue
        out.append((i, i + parsed[0], _tidy(parsed[1])))
        i += parsed[0]
    return out


NUMBER_WORDS = ("a an and half hundred dozen thousand million bn one two twenty-one twenty three 3 3,200 1.5 4bn 1.5m "
                "300k the people of - 2019 +5 -3 x nineteen ninety zero").split()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=14), st.booleans())
def test_find_numbers_cache_changes_nothing(words: list[str], clear: bool) -> None:
    from reader.nlp import numbers

    if clear:
        numbers._KINDS.clear()
    found = [(n.start, n.end, n.value) for n in numbers.find_numbers(words)]
    plain = _find_numbers_plainly(words)
    assert found == plain
    assert [type(v) for *_, v in found] == [type(v) for *_, v in plain]


DATE_PIECES = [
    "2023-01-05", "24", "February", "Feb.", "of", "2022", "Monday", "Monday,", "Jan.", "5,", "March", "Thursday's",
    "in", "October", "2014", "people", "2014%", "1,000", "x", "$", ".", ",", " ", "  ", "\n", "-", "3rd", "Sept.",
    "Wednesday", "Tuesday", "Saturday", "Sunday", "Friday", "Dec.", "November", "Aug.", "April", "June", "July",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), min_size=1, max_size=12).map(" ".join))
def test_date_pattern_lookahead_changes_no_match(text: str) -> None:
    from reader.nlp.facts.dates import DATE_RE

    lead = "(?=[\\dJFMASONDTW])"
    assert lead in DATE_RE.pattern
    plain = re.compile(DATE_RE.pattern.replace(lead, "", 1), DATE_RE.flags)
    assert [m.span() for m in DATE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "a", "an", "An", "his", "Her", "its", "one", "another", "their",
                                 "old", "young", "man", "woman", "boy", "spokesman", "man-made", "driver", "x",
                                 " ", "\t", "\n", ",", "-"]), min_size=1, max_size=12).map(" ".join))
def test_blocker_lookahead_changes_no_match(text: str) -> None:
    from reader.nlp.pronouns import _BLOCKER

    lead = "(?=[AaOoTtHhIi])"
    assert _BLOCKER.pattern.startswith(lead)
    plain = re.compile(_BLOCKER.pattern[len(lead) :], _BLOCKER.flags)
    assert [(m.span(), m.group("n")) for m in _BLOCKER.finditer(text)] == [
        (m.span(), m.group("n")) for m in plain.finditer(text)
    ]


def _cue_lists_plainly(cues, toks, ts, norms):  # type: ignore[no-untyped-def]
    """`LabelCues.rows` one token at a time, appending each cue to a fresh list (as `extend` did)."""
    from reader.nlp.ner.features import _COORD

    out = []
    n = len(ts)
    for i in range(n):
        f = list(cues._cue("P:0=" + ts[i])) + cues._cue("P:-1=" + (ts[i - 1] if i else "<S>"))
        f += cues._cue("P:+1=" + (ts[i + 1] if i + 1 < n else "<S>"))
        if i >= 2 and ts[i - 2] != "O" and toks[i - 1] in _COORD:
            f += cues._cue("P:co=" + ts[i - 2][2:])
        if i + 2 < n and ts[i + 2][:2] == "B-" and toks[i + 1] in _COORD:
            f += cues._cue("P:co+=" + ts[i + 2][2:])
        c = cues.counts.get(norms[i]) if toks[i][:1].isupper() else None
        if c:
            best, best_n, total = "", 0, 0
            for typ, m in c.items():
                m -= typ == ts[i][2:]
                total += m
                if m > best_n:
                    best, best_n = typ, m
            if best:
                f += cues._cue("P:maj=" + best)
                if best_n < total:
                    f += cues._cue("P:mixed")
        out.append(f)
    return out


def test_label_cue_rows_match_the_plain_lists() -> None:
    import random

    from reader.nlp.ner.features import CueTables, LabelCues
    from reader.nlp.ner.normalize import norm

    rng = random.Random(11)
    words = ["France", "and", "Corsica", ",", "or", "Kyiv", "the", "Blair", "Tony", "said", "&", "nor", "UN"]
    tags = ["O", "B-LOC", "I-LOC", "B-PER", "I-PER", "B-ORG", "B-MISC"]
    for vocab in (None, {f"P:{k}={t}": n for n, (k, t) in enumerate((k, t) for k in ("0", "-1", "+1") for t in tags)}):
        # Tables kept from one document to the next, and tables made for another vocab (not used).
        shared, other = CueTables(vocab), CueTables({"P:0=O": 0})
        for d in range(300):
            doc = [[rng.choice(words) for _ in range(rng.randint(0, 9))] for _ in range(rng.randint(1, 4))]
            ts = [[rng.choice(tags) for _ in s] for s in doc]
            norms = [[norm(w) for w in s] for s in doc]
            cues = LabelCues(doc, ts, norms, vocab, (shared, other, None)[d % 3])
            for toks, t, ns in zip(doc, ts, norms):
                plain = _cue_lists_plainly(cues, toks, t, ns)
                assert cues.rows(toks, t, ns) == plain
                assert cues.rows(toks, t) == plain  # norms made as needed


def test_sentence_views_filled_at_once_match_the_lazy_ones() -> None:
    from reader.nlp.facts.base import Sent, build_sents
    from reader.pipeline import analyze

    text = "Mr Smith met 12 people in Paris on Monday.\n\nThe vote was 143-4. “We won,” she said. Then   nothing."
    doc = analyze(text, steps=["segment", "ner", "link", "pos"])
    filled = build_sents(doc)
    assert len(filled) == len(doc.sentences) > 1
    for k, s in enumerate(filled):
        lazy = Sent(doc, k)
        for name in ("starts", "ends", "words", "tags", "lower", "lowtext", "numbers", "span", "text"):
            assert getattr(s, name) == getattr(lazy, name), name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, *BLOCK_PIECES, "Moscow’s", "’s", "\n\n"]), min_size=1, max_size=24).map("".join))
def test_segment_adds_spans_as_tokenize_sentence_gives_them(text: str) -> None:
    from reader.nlp.segment import segment, split_sentences, tokenize_sentence

    sentences, tokens = segment(text)
    assert [(s.start, s.end) for s in sentences] == split_sentences(text)
    plain = [span for s, e in split_sentences(text) for span in tokenize_sentence(text, s, e)]
    assert [(t.start, t.end) for t in tokens] == plain
    assert [s.end_token - s.first_token for s in sentences] == [len(tokenize_sentence(text, s.start, s.end)) for s in sentences]


def test_token_columns_match_the_token_objects() -> None:
    from reader.nlp.facts.base import token_offsets, token_tags
    from reader.pipeline import analyze

    doc = analyze("Mr Smith met 12 people in Paris.\n\nThe vote was 143-4, “we won,” she said.")
    tokens = doc.tokens
    assert len(tokens) > 10
    plain = [t for t in tokens]  # Token objects, one by one
    starts, ends = [t.start for t in plain], [t.end for t in plain]
    tags = [t.pos for t in plain]
    assert all(tags)
    for seq in (tokens, plain, tuple(plain)):  # the columns, and any sequence of Tokens
        assert token_offsets(seq) == (starts, ends)
        assert token_tags(seq) == tags
        assert token_offsets(seq[3:7]) == (starts[3:7], ends[3:7])
        assert token_tags(seq[3:7]) == tags[3:7]


def _headline_plainly(tokens: list[str]) -> bool:
    """`features.headline` without its early answer."""
    letters = [t for t in tokens if t.isalpha() or any(map(str.isalpha, t))]
    if len(letters) < 2:
        return bool(letters) and letters[0].isupper() and len(letters[0]) > 3
    return sum(1 for t in letters if t.isupper()) / len(letters) >= 0.8


HEADLINE_WORDS = ["KYIV", "Kyiv", "kyiv", "UN", "A", "a", "—", ",", "12", "3A", "X-RAY", "x-ray", "Ⓐ", "ⓐ", "ǅ", "İ",
                  "ß", "ǈB", "Ⅻ", "’", "“", "MR.", "Mr.", "ℹ", "ＡＢ"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(HEADLINE_WORDS), max_size=12))
def test_headline_early_answer_changes_nothing(tokens: list[str]) -> None:
    from reader.nlp.ner.features import headline

    assert headline(tokens) == _headline_plainly(tokens)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG", "B-MISC", "I-MISC", "B", "I-", "X-PER"]),
                max_size=14))
def test_entity_spans_in_one_pass_match_conll_spans(tags: list[str]) -> None:
    from reader.nlp.ner.step import entity_spans

    assert entity_spans(tags) == sorted(_spans_plainly(tags))


def _spans_plainly(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval's reading of IOB tags, the plain way (an "O" sentinel, a set): the reference."""
    out: set[tuple[int, int, str]] = set()
    start, cur = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if prefix == "I" and typ == cur and start >= 0:
            continue
        if start >= 0:
            out.add((start, i, cur))
            start, cur = -1, ""
        if prefix in ("B", "I"):
            start, cur = i, typ
    return out
