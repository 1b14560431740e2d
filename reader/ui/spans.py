"""Sorted, non-overlapping span layers with binary search, and the document's derived indexes.

No Textual import: the article view asks these for the spans that touch one visual line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from typing import Generic, Iterable, Iterator, TypeVar

from reader.document import Document, Entity

T = TypeVar("T")


class SpanLayer(Generic[T]):
    """Non-overlapping [start, end) spans with a payload each, searchable by offset."""

    __slots__ = ("starts", "ends", "payloads")

    def __init__(self, spans: Iterable[tuple[int, int, T]] = (), merge: bool = False) -> None:
        items = sorted(((s, e, p) for s, e, p in spans if e > s), key=lambda t: (t[0], t[1]))
        starts: list[int] = []
        ends: list[int] = []
        payloads: list[T] = []
        for start, end, payload in items:
            if ends and start < ends[-1]:
                if merge:
                    ends[-1] = max(ends[-1], end)
                    continue
                start = ends[-1]  # clip an overlap: the earlier span wins
                if start >= end:
                    continue
            starts.append(start)
            ends.append(end)
            payloads.append(payload)
        self.starts, self.ends, self.payloads = starts, ends, payloads

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


def mention_layer(doc: Document) -> SpanLayer[MentionRef]:
    """Every entity mention in reading order, tagged with its entity and mention index."""
    return SpanLayer(
        (m.start, m.end, MentionRef(ei, mi))
        for ei, ent in enumerate(doc.entities)
        for mi, m in enumerate(ent.mentions)
    )


def number_layer(doc: Document, max_len: int = 80) -> SpanLayer[str]:
    """Dates and numbers to mark subtly: short date/quantity fact evidence and CD tokens."""
    spans: list[tuple[int, int, str]] = [
        (f.evidence.start, f.evidence.end, f.kind)
        for f in doc.facts
        if f.kind in ("date", "quantity") and f.evidence.end - f.evidence.start <= max_len
    ]
    tokens = doc.tokens
    if "CD" in tokens.tag_names:  # read from the token columns: no Token object is built
        cd = tokens.tag_names.index("CD")
        starts, ends = tokens.starts, tokens.ends
        spans.extend((starts[i], ends[i], "number") for i in compress(count(), map(cd.__eq__, tokens.tag_ids)))
    return SpanLayer(spans, merge=True)


def cursor_units(doc: Document) -> SpanLayer[int]:
    """The units the cursor moves over: sentences, or non-empty text lines before analysis."""
    if doc.sentences:
        return SpanLayer((s.start, s.end, i) for i, s in enumerate(doc.sentences))
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
