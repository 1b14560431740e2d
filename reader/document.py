"""The document model: one immutable text plus standoff layers of character spans.

Every annotation (sentence, token, entity mention, fact evidence, note) is a pair of
character offsets into `Document.text`, the exact text that is shown. Layers are
tuples of frozen dataclasses; pipeline steps return a new `Document` with one more
layer filled (`dataclasses.replace`). The token layer is kept as columns (`Tokens`), and
so are the sentences and each entity's mentions of a Document received from the analysis
process (`Sentences`, `Mentions`): sequences equal to the tuples, whose objects are built
when read. This module imports nothing but the stdlib, so the UI can load a document
without pulling in NLTK or the models.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import deque
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import eq
from typing import Any, Iterable, Iterator, Literal, Mapping, Sequence, overload

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

EntityLabel = Literal["PERSON", "ORG", "LOC", "MISC"]
MentionKind = Literal["name", "pronoun", "description"]
FactKind = Literal["official", "vote", "exchange", "casualties", "quantity", "date"]

ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC", "MISC")
MENTION_KINDS: tuple[str, ...] = ("name", "pronoun", "description")
FACT_KINDS: tuple[str, ...] = ("official", "vote", "exchange", "casualties", "quantity", "date")

# The fields each fact kind carries besides "kind" and "evidence" (the contract).
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "official": ("person", "role"),
    "vote": ("for", "against", "abstain"),
    "exchange": ("counts", "what"),
    "casualties": ("killed", "injured"),
    "quantity": ("value", "unit"),
    "date": ("text",),
}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) into the document text."""

    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        """The span as a JSON object."""
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Span:
        """Build a span from its JSON object."""
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span and the half-open range of its tokens in `Document.tokens`."""

    start: int
    end: int
    first_token: int = 0
    end_token: int = 0

    @property
    def span(self) -> Span:
        """The sentence's character span."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Token:
    """A token span, with its part-of-speech tag once the POS step has run."""

    start: int
    end: int
    pos: str = ""


_NEW = object.__new__
_SET_TOKEN = (Token.start.__set__, Token.end.__set__, Token.pos.__set__)  # type: ignore[attr-defined]
_CHUNK = 4096  # Token objects `Tokens.__iter__` builds at a time


def _offsets(values: Iterable[int]) -> array:
    """Integer offsets as a compact array: 4 bytes each (8 when one does not fit)."""
    if isinstance(values, array) and values.typecode in ("i", "q"):
        return values
    if not isinstance(values, (list, tuple, range, memoryview)):
        values = list(values)
    try:
        return array("i", values)
    except OverflowError:
        return array("q", values)


def _index_code(count: int) -> str:
    """The smallest unsigned array code for indices below `count`."""
    return "B" if count <= 256 else "H" if count <= 65536 else "L"


class Tokens(Sequence[Token]):
    """The token layer as columns: a read-only sequence of `Token`, each built when it is read.

    Offsets are two integer arrays (`starts`, `ends`) and the tags one small index per token
    (`tag_ids`) into the distinct tags (`tag_names`): about 9 bytes a token, where a tuple of
    Token objects (with their int objects) takes about 130. Steps that read every token use the
    columns (`tokens.starts[a:b]`, `tokens.tags(a, b)`); a slice is a `Tokens` too, and `tokens[i]`
    and iteration build ordinary Tokens, ~0.25 µs each. The arrays are shared between copies and
    must not be changed. Equal to any sequence of the same Tokens (a tuple or a list).
    """

    __slots__ = ("starts", "ends", "tag_ids", "tag_names")

    def __init__(self, starts: Iterable[int] = (), ends: Iterable[int] = (), tags: Iterable[str] | None = None):
        self.starts = _offsets(starts)
        self.ends = _offsets(ends)
        n = len(self.starts)
        if len(self.ends) != n:
            raise ValueError("token starts and ends differ in length")
        if tags is None:
            self.tag_names: tuple[str, ...] = ("",)
            self.tag_ids = array("B", bytes(n))
            return
        index: dict[str, int] = {}
        add = index.setdefault
        ids = [add(t, len(index)) for t in tags]
        if len(ids) != n:
            raise ValueError("token tags and offsets differ in length")
        self.tag_names = tuple(index) or ("",)
        self.tag_ids = array(_index_code(len(index)), ids)

    @classmethod
    def from_arrays(cls, starts: array, ends: array, tag_ids: array, tag_names: Sequence[str]) -> Tokens:
        """Tokens over existing columns (not copied): offsets as "i"/"q" arrays, tags as indices into names."""
        if not (len(starts) == len(ends) == len(tag_ids)):
            raise ValueError("token columns differ in length")
        if len(tag_ids) and max(tag_ids) >= len(tag_names):
            raise ValueError("a token tag index is out of range")
        out = _NEW(cls)
        out.starts, out.ends, out.tag_ids, out.tag_names = starts, ends, tag_ids, tuple(tag_names) or ("",)
        return out

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> Tokens:
        """The columns of any sequence of Tokens (itself when it is one already)."""
        if isinstance(tokens, Tokens):
            return tokens
        items = tokens if isinstance(tokens, (list, tuple)) else list(tokens)
        return cls([t.start for t in items], [t.end for t in items], [t.pos for t in items])

    def tags(self, start: int = 0, stop: int | None = None) -> list[str]:
        """The tags of tokens [start, stop) (all by default), in order ("" before the POS step)."""
        return list(map(self.tag_names.__getitem__, self.tag_ids[start:stop]))

    def with_tags(self, tag_ids: array, tag_names: Sequence[str]) -> Tokens:
        """The same tokens (offsets shared, not copied) with new tags: indices into `tag_names`."""
        return Tokens.from_arrays(self.starts, self.ends, tag_ids, tag_names)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> Tokens: ...
    def __getitem__(self, index: int | slice) -> Token | Tokens:
        """One Token, or a slice as `Tokens` (the columns sliced)."""
        if isinstance(index, slice):
            out = _NEW(Tokens)
            out.starts, out.ends, out.tag_ids = self.starts[index], self.ends[index], self.tag_ids[index]
            out.tag_names = self.tag_names
            return out
        token = _NEW(Token)
        start, end, pos = _SET_TOKEN
        start(token, self.starts[index])
        end(token, self.ends[index])
        pos(token, self.tag_names[self.tag_ids[index]])
        return token

    def _build(self, starts: array, ends: array, ids: array) -> list[Token]:
        """New Token objects for these columns, filled column by column (twice as fast as Token(...))."""
        out = list(map(_NEW, repeat(Token, len(starts))))
        set_start, set_end, set_pos = _SET_TOKEN
        deque(map(set_start, out, starts), 0)
        deque(map(set_end, out, ends), 0)
        deque(map(set_pos, out, map(self.tag_names.__getitem__, ids)), 0)
        return out

    def __iter__(self) -> Iterator[Token]:
        starts, ends, ids = self.starts, self.ends, self.tag_ids
        for a in range(0, len(starts), _CHUNK):
            yield from self._build(starts[a:a + _CHUNK], ends[a:a + _CHUNK], ids[a:a + _CHUNK])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            if self.starts != other.starts or self.ends != other.ends:
                return False
            if self.tag_names == other.tag_names:
                return self.tag_ids == other.tag_ids
            return self.tags() == other.tags()
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(map(eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(map(repr, self._build(self.starts[:3], self.ends[:3], self.tag_ids[:3])))
        return f"Tokens([{shown}{', ...' if len(self) > 3 else ''}], n={len(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Tokens.from_arrays, (self.starts, self.ends, self.tag_ids, self.tag_names))


def make_tokens(starts: Sequence[int], ends: Sequence[int], tags: Sequence[str] | None = None) -> Tokens:
    """The tokens `Token(s, e, p) for s, e, p in zip(starts, ends, tags)` (tags "" when None), as `Tokens`.

    The lists must be of equal length. Tokens keeps them as arrays: no Token object is built.
    """
    return Tokens(starts, ends, tags)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: a name, a pronoun or a description."""

    start: int
    end: int
    kind: MentionKind = "name"

    def to_json(self) -> dict[str, Any]:
        """The mention as a JSON object."""
        return {"start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Mention:
        """Build a mention from its JSON object."""
        return cls(int(data["start"]), int(data["end"]), data.get("kind", "name"))


_SET_SENTENCE = (Sentence.start.__set__, Sentence.end.__set__,  # type: ignore[attr-defined]
                 Sentence.first_token.__set__, Sentence.end_token.__set__)  # type: ignore[attr-defined]
_SET_MENTION = (Mention.start.__set__, Mention.end.__set__, Mention.kind.__set__)  # type: ignore[attr-defined]


def _built(cls: type, setters: Sequence[Any], columns: Sequence[Iterable[Any]], n: int) -> list[Any]:
    """`n` new objects of a frozen slotted class, filled column by column (twice as fast as cls(...))."""
    out = list(map(_NEW, repeat(cls, n)))
    for setter, column in zip(setters, columns):
        deque(map(setter, out, column), 0)
    return out


class _Columns(Sequence[Any]):
    """A layer of frozen slotted objects kept as columns: integer arrays, and for a string field a small
    index per object into the distinct strings. An object is built when it is read (`[i]`, iteration);
    a slice is a column layer too. Equal to any sequence of the same objects (a tuple or a list), with
    the hash of that tuple. Subclasses name their item class, its setters and their columns."""

    __slots__ = ()
    _item: type
    _setters: tuple[Any, ...]

    def _columns(self) -> tuple[Sequence[Any], ...]:
        """One column per field, in the item class's order (a string field's column maps its indices)."""
        raise NotImplementedError

    def _sliced(self, index: slice) -> _Columns:
        raise NotImplementedError

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self._sliced(index)
        item = _NEW(self._item)
        for setter, column in zip(self._setters, self._columns()):
            setter(item, column[index])
        return item

    def __iter__(self) -> Iterator[Any]:
        n = len(self)
        for a in range(0, n, _CHUNK):
            b = min(n, a + _CHUNK)
            yield from _built(self._item, self._setters, [c[a:b] for c in self._columns()], b - a)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, _Columns)):
            return len(other) == len(self) and all(map(eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(repr(x) for x in self[:3])
        return f"{type(self).__name__}([{shown}{', ...' if len(self) > 3 else ''}], n={len(self)})"


class _Indexed(Sequence[str]):
    """A column of strings read through indices into the distinct ones."""

    __slots__ = ("ids", "names")

    def __init__(self, ids: Sequence[int], names: Sequence[str]) -> None:
        self.ids, self.names = ids, names

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(map(self.names.__getitem__, self.ids[index]))
        return self.names[self.ids[index]]


class Sentences(_Columns):
    """The sentence layer as columns: four integer arrays, about 16 bytes a sentence where a tuple of
    Sentence objects (with their int objects) takes about 170. A received Document's layer
    (`reader.docpack`); the pipeline's steps keep a tuple. See `_Columns`."""

    __slots__ = ("starts", "ends", "firsts", "stops")
    _item = Sentence
    _setters = _SET_SENTENCE

    def __init__(self, starts: Iterable[int], ends: Iterable[int], firsts: Iterable[int], stops: Iterable[int]) -> None:
        self.starts, self.ends, self.firsts, self.stops = map(_offsets, (starts, ends, firsts, stops))
        if not len(self.starts) == len(self.ends) == len(self.firsts) == len(self.stops):
            raise ValueError("sentence columns differ in length")

    def __len__(self) -> int:
        return len(self.starts)

    def _columns(self) -> tuple[Sequence[Any], ...]:
        return self.starts, self.ends, self.firsts, self.stops

    def _sliced(self, index: slice) -> Sentences:
        return Sentences(self.starts[index], self.ends[index], self.firsts[index], self.stops[index])

    def __reduce__(self) -> tuple[Any, ...]:
        return (Sentences, (self.starts, self.ends, self.firsts, self.stops))


class Mentions(_Columns):
    """An entity's mentions as columns: two integer arrays and a kind index each, about 9 bytes a
    mention where Mention objects (with their int objects) take about 110. A received Document's
    layer (`reader.docpack`); the pipeline's steps keep tuples. See `_Columns`."""

    __slots__ = ("starts", "ends", "kind_ids", "kind_names")
    _item = Mention
    _setters = _SET_MENTION

    def __init__(self, starts: Iterable[int], ends: Iterable[int], kind_ids: Sequence[int], kind_names: Sequence[str]):
        self.starts, self.ends = _offsets(starts), _offsets(ends)
        self.kind_ids, self.kind_names = kind_ids, tuple(kind_names)
        if not len(self.starts) == len(self.ends) == len(kind_ids):
            raise ValueError("mention columns differ in length")
        if len(kind_ids) and max(kind_ids) >= len(self.kind_names):
            raise ValueError("a mention kind index is out of range")

    def __len__(self) -> int:
        return len(self.starts)

    def _columns(self) -> tuple[Sequence[Any], ...]:
        return self.starts, self.ends, _Indexed(self.kind_ids, self.kind_names)

    def _sliced(self, index: slice) -> Mentions:
        return Mentions(self.starts[index], self.ends[index], self.kind_ids[index], self.kind_names)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Mentions, (self.starts, self.ends, self.kind_ids, self.kind_names))


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or other named thing and all its mentions."""

    id: str
    label: EntityLabel
    name: str
    mentions: tuple[Mention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The entity as a JSON object (the analysis contract's shape)."""
        return {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "mentions": [m.to_json() for m in self.mentions],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Entity:
        """Build an entity from its JSON object."""
        return cls(
            id=str(data["id"]),
            label=data["label"],
            name=str(data["name"]),
            mentions=tuple(Mention.from_json(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Fact:
    """An extracted fact: its kind, its kind-specific fields and the evidence span."""

    kind: FactKind
    evidence: Span
    fields: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The fact as a flat JSON object: kind, evidence, then its fields."""
        out: dict[str, Any] = {"kind": self.kind, "evidence": self.evidence.to_json()}
        for key, value in self.fields.items():
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fact:
        """Build a fact from its flat JSON object."""
        fields = {k: v for k, v in data.items() if k not in ("kind", "evidence")}
        return cls(kind=data["kind"], evidence=Span.from_json(data["evidence"]), fields=fields)


@dataclass(frozen=True, slots=True)
class Note:
    """A highlighted passage with an optional note."""

    start: int
    end: int
    text: str = ""
    id: str = ""

    def to_json(self) -> dict[str, Any]:
        """The note as a JSON object."""
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Note:
        """Build a note from its JSON object."""
        return cls(int(data["start"]), int(data["end"]), str(data.get("text", "")), str(data.get("id", "")))


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text, title and source, and every standoff layer over the text."""

    text: str
    title: str = ""
    source: str = ""
    sentences: tuple[Sentence, ...] = ()
    tokens: Tokens = ()  # type: ignore[assignment]  # any sequence of Tokens is stored as `Tokens`
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[Note, ...] = ()

    def __post_init__(self) -> None:
        if type(self.tokens) is not Tokens:
            object.__setattr__(self, "tokens", Tokens.of(self.tokens))

    def with_layers(self, **layers: Any) -> Document:
        """Return a copy with the given layers replaced (layers are given as sequences; column layers,
        `Tokens`, `Sentences` and `Mentions`, are kept as they are)."""
        return replace(self, **{k: v if isinstance(v, (Tokens, _Columns)) else tuple(v) for k, v in layers.items()})

    def slice(self, span: Span | Mention | Token | Sentence | Note) -> str:
        """The text a span covers."""
        return self.text[span.start : span.end]

    def sentence_tokens(self, sentence: Sentence) -> Tokens:
        """The tokens of one sentence."""
        return self.tokens[sentence.first_token : sentence.end_token]

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, if any."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_json(self) -> dict[str, Any]:
        """The analysis contract: a JSON object for `reader analyze --json`."""
        return {
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "entities": [e.to_json() for e in self.entities],
            "facts": [f.to_json() for f in self.facts],
        }

    def to_full_json(self) -> dict[str, Any]:
        """Everything, including tokens, sentence token ranges and notes (for caching)."""
        out = self.to_json()
        out["sentences"] = [
            {"start": s.start, "end": s.end, "first_token": s.first_token, "end_token": s.end_token}
            for s in self.sentences
        ]
        tokens = self.tokens
        out["tokens"] = [list(t) for t in zip(tokens.starts.tolist(), tokens.ends.tolist(), tokens.tags())]
        out["notes"] = [n.to_json() for n in self.notes]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Document:
        """Build a document from `to_json` or `to_full_json` output."""
        rows = list(data.get("tokens", ()))
        return cls(
            text=str(data["text"]),
            title=str(data.get("title", "")),
            source=str(data.get("source", "")),
            sentences=tuple(
                Sentence(int(s["start"]), int(s["end"]), int(s.get("first_token", 0)), int(s.get("end_token", 0)))
                for s in data.get("sentences", ())
            ),
            tokens=Tokens(
                [int(t[0]) for t in rows], [int(t[1]) for t in rows], [str(t[2]) if len(t) > 2 else "" for t in rows]
            ),
            entities=tuple(Entity.from_json(e) for e in data.get("entities", ())),
            facts=tuple(Fact.from_json(f) for f in data.get("facts", ())),
            notes=tuple(Note.from_json(n) for n in data.get("notes", ())),
        )

    def dumps(self) -> str:
        """The contract as one line of JSON (DEL, C1 and bidi controls escaped, e.g. in a file name)."""
        dumped = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def fact_summary(fact: Fact, doc: Document | None = None) -> str:
    """A short one-line description of a fact, e.g. "Vote: 143 for / 4 against / 35 abstain"."""
    f = fact.fields

    def num(value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{value:,}" if isinstance(value, (int, float)) else str(value)

    if fact.kind == "official":
        person = str(f.get("person", ""))
        if doc is not None and (ent := doc.entity(person)) is not None:
            person = ent.name
        return f"{person}: {f.get('role', '')}"
    if fact.kind == "vote":
        parts = [f"{num(f[k])} {k}" for k in ("for", "against", "abstain") if f.get(k) is not None]
        return "Vote: " + (" / ".join(parts) if parts else "counts unknown")
    if fact.kind == "exchange":
        counts = f.get("counts") or []
        what = f.get("what", "")
        nums = " for ".join(num(c) for c in counts)
        return f"Exchange: {nums} {what}".rstrip()
    if fact.kind == "casualties":
        parts = []
        if f.get("killed") is not None:
            parts.append(f"{num(f['killed'])} killed")
        if f.get("injured") is not None:
            parts.append(f"{num(f['injured'])} injured")
        return "Casualties: " + (", ".join(parts) if parts else "unknown")
    if fact.kind == "quantity":
        unit = str(f.get("unit", ""))
        value = num(f.get("value", ""))
        if unit in ("USD", "GBP", "EUR", "JPY", "INR", "RUB"):
            symbol = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹", "RUB": "₽"}[unit]
            return f"{symbol}{value}"
        return f"{value}{unit}" if unit == "%" else f"{value} {unit}".rstrip()
    if fact.kind == "date":
        return str(f.get("text", ""))
    return fact.kind
