"""Sorted, non-overlapping span layers with binary search, and the document's derived indexes.

No Textual import: the article view asks these for the spans that touch one visual line.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from heapq import merge as merge_sorted
from itertools import chain, compress, count
from typing import Any, Generic, Iterable, Iterator, Sequence, TypeVar, overload

from reader.document import Document, Entity, Mentions, Sentences

T = TypeVar("T")


class SpanLayer(Generic[T]):
    """Non-overlapping [start, end) spans with a payload each, searchable by offset.

    Offsets are kept in arrays (8 bytes a span, no int object each), and integer payloads too."""

    __slots__ = ("starts", "ends", "payloads")

    def __init__(self, spans: Iterable[tuple[int, int, T]] = (), merge: bool = False, ordered: bool = False) -> None:
        """From (start, end, payload) spans in any order, or `ordered` by (start, end) already (not sorted
        again, so they need not all be in memory at once; ValueError if they are not). Empty spans are
        left out; an overlap is clipped (the earlier span wins) or with `merge` joined into one span
        with the first one's payload."""
        items: Iterable[tuple[int, int, T]] = (t for t in spans if t[1] > t[0])
        if not ordered:
            items = sorted(items, key=_span_key)
        starts, ends = array("q"), array("q")
        payloads: list[T] = []
        last = None  # the end of the last span kept
        before = (-1 << 63, -1 << 63)  # the last span read
        for start, end, payload in items:
            if ordered:
                if (start, end) < before:
                    raise ValueError("the spans are not in order")
                before = (start, end)
            if last is not None and start < last:
                if merge:
                    if end > last:
                        ends[-1] = last = end
                    continue
                start = last  # clip an overlap: the earlier span wins
                if start >= end:
                    continue
            starts.append(start)
            ends.append(end)
            payloads.append(payload)
            last = end
        del items
        self.starts, self.ends = starts, ends
        self.payloads: Sequence[T] = payloads
        if payloads and all(type(p) is int for p in payloads):
            try:
                self.payloads = array("q", payloads)  # type: ignore[arg-type]
            except OverflowError:
                pass

    def __len__(self) -> int:
        return len(self.starts)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """The spans that overlap [start, end), in order."""
        i = bisect_right(self.ends, start)
        starts, ends, payloads = self.starts, self.ends, self.payloads
        while i < len(starts) and starts[i] < end:
            yield starts[i], ends[i], payloads[i]
            i += 1

    def at(self, offset: int) -> tuple[int, int, T] | None:
        """The span holding an offset, if any."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.starts[i], self.ends[i], self.payloads[i]
        return None

    def index_after(self, offset: int) -> int:
        """The index of the first span starting after an offset."""
        return bisect_right(self.starts, offset)

    def index_before(self, offset: int) -> int:
        """The index of the last span starting before an offset (-1 when none)."""
        return bisect_left(self.starts, offset) - 1


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention in reading order: which entity (by index) and which of its mentions."""

    entity: int
    mention: int


class MentionRefs(Sequence[MentionRef]):
    """A mention layer's payloads: (entity, mention) pairs packed in one integer each, a `MentionRef`
    built when one is read (48 bytes and an int object less a mention while the layer is kept)."""

    __slots__ = ("packed",)

    def __init__(self, packed: Sequence[int]) -> None:
        self.packed = packed

    def __len__(self) -> int:
        return len(self.packed)

    @overload
    def __getitem__(self, index: int) -> MentionRef: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[MentionRef]: ...
    def __getitem__(self, index: int | slice) -> MentionRef | Sequence[MentionRef]:
        if isinstance(index, slice):
            return MentionRefs(self.packed[index])
        value = self.packed[index]
        return MentionRef(value >> _MENTION_BITS, value & _MENTION_MASK)


_MENTION_BITS = 32
_MENTION_MASK = (1 << _MENTION_BITS) - 1


def _span_key(span: tuple[int, int, object]) -> tuple[int, int]:
    return span[0], span[1]


def _offsets(spans: Sequence[Any]) -> Iterator[tuple[int, int]]:
    """(start, end) of each span of a layer, read from its columns when it has them (no object built)."""
    if isinstance(spans, (Sentences, Mentions)):
        return zip(spans.starts, spans.ends)
    return ((s.start, s.end) for s in spans)


def _layer(streams: list[Iterator[tuple[int, int, Any]]], remake: Any) -> SpanLayer[Any]:
    """The layer of spans from streams each in order, merged as they come; if one is not in order after
    all, the layer of `remake()` (the same spans), sorted."""
    try:
        return SpanLayer(merge_sorted(*streams, key=_span_key), ordered=True)
    except ValueError:
        return SpanLayer(remake())


def mention_layer(doc: Document) -> SpanLayer[MentionRef]:
    """Every entity mention in reading order, tagged with its entity and mention index.

    Each entity's mentions are in text order (the pipeline sorts them): their streams are merged, so
    the spans need not all be in a list to be sorted."""

    def spans(ei: int, ent: Entity) -> Iterator[tuple[int, int, int]]:
        for mi, (start, end) in enumerate(_offsets(ent.mentions)):
            yield start, end, ei << _MENTION_BITS | mi

    def remake() -> Iterator[tuple[int, int, int]]:
        return chain.from_iterable(spans(ei, ent) for ei, ent in enumerate(doc.entities))

    layer = _layer([spans(ei, ent) for ei, ent in enumerate(doc.entities)], remake)
    layer.payloads = MentionRefs(layer.payloads)  # type: ignore[arg-type]
    return layer


def number_layer(doc: Document, max_len: int = 80) -> SpanLayer[str]:
    """Dates and numbers to mark subtly: short date/quantity fact evidence and CD tokens."""
    facts = sorted(
        ((f.evidence.start, f.evidence.end, f.kind)
         for f in doc.facts
         if f.kind in ("date", "quantity") and f.evidence.end - f.evidence.start <= max_len),
        key=_span_key,
    )
    tokens = doc.tokens
    if "CD" not in tokens.tag_names:
        return SpanLayer(facts, merge=True, ordered=True)
    # the CD tokens in text order, read from the token columns (no Token object is built), merged with
    # the facts' spans as one sorted stream (the facts' first where two are the same)
    cd = tokens.tag_names.index("CD")
    starts, ends = tokens.starts, tokens.ends
    numbers = ((starts[i], ends[i], "number") for i in compress(count(), map(cd.__eq__, tokens.tag_ids)))
    return SpanLayer(merge_sorted(facts, numbers, key=_span_key), merge=True, ordered=True)


def cursor_units(doc: Document) -> SpanLayer[int]:
    """The units the cursor moves over: sentences, or non-empty text lines before analysis."""
    if doc.sentences:
        def spans() -> Iterator[tuple[int, int, int]]:
            return ((start, end, i) for i, (start, end) in enumerate(_offsets(doc.sentences)))

        return _layer([spans()], spans)
    units = []
    pos = 0
    text = doc.text
    n = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            units.append((pos, end, n))
            n += 1
        if nl < 0:
            break
        pos = nl + 1
    return SpanLayer(units)


def salience(entity: Entity) -> tuple[int, int]:
    """Sort key for salience: more mentions first, then the earliest first mention."""
    first = min((m.start for m in entity.mentions), default=1 << 62)
    return (-len(entity.mentions), first)


def first_mention(entity: Entity) -> int:
    """The offset of an entity's first mention in the text (0 when it has none)."""
    return min((m.start for m in entity.mentions), default=0)
