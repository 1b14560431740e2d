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


def test_span_layer_keeps_offsets_and_integer_payloads_in_arrays() -> None:
    from array import array

    layer = SpanLayer([(5, 9, 70_000), (0, 3, 2), (8, 12, 1)])
    assert isinstance(layer.starts, array) and isinstance(layer.payloads, array)
    assert list(layer.overlapping(0, 20)) == [(0, 3, 2), (5, 9, 70_000), (9, 12, 1)]
    mixed = SpanLayer([(0, 3, 2), (5, 9, "x")])
    assert list(mixed.payloads) == [2, "x"] and not isinstance(mixed.payloads, array)
    ordered = SpanLayer(iter([(0, 4, "a"), (2, 6, "b"), (6, 6, "empty"), (9, 11, "c")]), merge=True, ordered=True)
    assert list(ordered.overlapping(0, 20)) == [(0, 6, "a"), (9, 11, "c")]


def _reference_layers(doc):  # type: ignore[no-untyped-def]
    """The mention and number layers built the plain way: every span in one list, sorted by SpanLayer."""
    from itertools import compress, count

    from reader.ui.spans import MentionRef

    mentions = [(m.start, m.end, MentionRef(ei, mi)) for ei, e in enumerate(doc.entities)
                for mi, m in enumerate(e.mentions)]
    numbers = [(f.evidence.start, f.evidence.end, f.kind) for f in doc.facts
               if f.kind in ("date", "quantity") and f.evidence.end - f.evidence.start <= 80]
    tokens = doc.tokens
    if "CD" in tokens.tag_names:
        cd = tokens.tag_names.index("CD")
        numbers += [(tokens.starts[i], tokens.ends[i], "number")
                    for i in compress(count(), map(cd.__eq__, tokens.tag_ids))]
    return SpanLayer(mentions), SpanLayer(numbers, merge=True)


def test_mention_and_number_layers_are_the_plain_layers() -> None:
    from pathlib import Path

    from reader.docpack import pack, unpack
    from reader.document import Document, Entity, Fact, Mention, Span
    from reader.pipeline import analyze
    from reader.ui.spans import MentionRef, cursor_units, mention_layer, number_layer

    text = (Path(__file__).resolve().parents[1] / "articles" / "prisoner-exchange.txt").read_text(encoding="utf-8")
    docs = [analyze(text)]
    # overlapping and equal spans from facts and tokens, and mentions of many entities interleaved
    hand = docs[0].with_layers(
        facts=[Fact("quantity", Span(10, 20), {}), Fact("date", Span(10, 20), {}), Fact("date", Span(0, 12), {}),
               *docs[0].facts],
        entities=[Entity(f"e{k}", "PERSON", "x", tuple(Mention(s, s + 3) for s in range(k, 400, 7)))
                  for k in range(7)],
    )
    docs.append(hand)
    docs.append(Document(text=text))
    docs.append(unpack(pack(docs[0]), text))  # the layers as columns, as the app receives them
    assert type(docs[-1].sentences).__name__ == "Sentences"
    unsorted = [Entity("e1", "ORG", "y", (Mention(50, 52), Mention(10, 12), Mention(30, 33, "pronoun"))),
                Entity("e2", "LOC", "z", (Mention(11, 20), Mention(40, 41)))]
    docs.append(Document(text=text, entities=tuple(unsorted), sentences=docs[0].sentences[::-1]))
    for doc in docs:
        mentions, numbers = _reference_layers(doc)
        units = SpanLayer((s.start, s.end, i) for i, s in enumerate(doc.sentences)) if doc.sentences else None
        pairs = [(mention_layer(doc), mentions), (number_layer(doc), numbers)]
        pairs += [(cursor_units(doc), units)] if units is not None else []
        for got, want in pairs:
            assert list(got.overlapping(0, len(doc.text))) == list(want.overlapping(0, len(doc.text)))
            assert len(got) == len(want) and list(got.payloads) == list(want.payloads)
    layer = mention_layer(hand)
    assert layer.payloads[3] == MentionRef(3, 0) and list(layer.payloads[1:3]) == [MentionRef(1, 0), MentionRef(2, 0)]
    assert len(number_layer(hand)) > 5


def _plain_span_layer(spans, merge):  # type: ignore[no-untyped-def]
    """Sorted, non-overlapping spans as lists, written out plainly (clip: the earlier span wins)."""
    items = sorted(((s, e, p) for s, e, p in spans if e > s), key=lambda t: (t[0], t[1]))
    out: list[list[object]] = []
    for start, end, payload in items:
        if out and start < out[-1][1]:  # type: ignore[operator]
            if merge:
                out[-1][1] = max(out[-1][1], end)  # type: ignore[call-overload]
                continue
            start = out[-1][1]  # type: ignore[assignment]
            if start >= end:
                continue
        out.append([start, end, payload])
    return [tuple(x) for x in out]


def test_span_layer_is_the_plain_algorithm_on_random_spans() -> None:
    import random

    rng = random.Random(5)
    for _ in range(300):
        spans = [(a, a + rng.randint(-1, 6), rng.choice([1, 2, "x"])) for a in (rng.randint(0, 40) for _ in range(20))]
        for merge in (False, True):
            layer = SpanLayer(spans, merge=merge)
            assert list(layer.overlapping(-1, 100)) == _plain_span_layer(spans, merge)
            ordered = SpanLayer(sorted(spans, key=lambda t: (t[0], t[1])), merge=merge, ordered=True)
            assert list(ordered.overlapping(-1, 100)) == _plain_span_layer(spans, merge)
            for offset in range(-1, 50):
                hit = layer.at(offset)
                assert hit is None or hit[0] <= offset < hit[1]
