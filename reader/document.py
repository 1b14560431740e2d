"""The document model: one immutable text plus standoff layers of character spans.

Every annotation (sentence, token, entity mention, fact evidence, note) is a pair of
character offsets into `Document.text`, the exact text that is shown. Layers are
tuples of frozen dataclasses; pipeline steps return a new `Document` with one more
layer filled (`dataclasses.replace`). This module imports nothing but the stdlib, so
the UI can load a document without pulling in NLTK or the models.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field, replace
from itertools import repeat
from typing import Any, Literal, Mapping, Sequence

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


def make_tokens(starts: Sequence[int], ends: Sequence[int], tags: Sequence[str] | None = None) -> list[Token]:
    """`[Token(s, e, p) for s, e, p in zip(starts, ends, tags)]` (tags "" when None), built twice as fast.

    The pipeline builds every token twice (segmenting, then tagging), tens of thousands in a long
    article; a frozen dataclass's __init__ sets each field through `object.__setattr__`, while this
    fills the slots of new instances column by column. The lists must be of equal length.
    """
    out = list(map(_NEW, repeat(Token, len(starts))))
    for setter, values in zip(_SET_TOKEN, (starts, ends, repeat("", len(starts)) if tags is None else tags)):
        deque(map(setter, out, values), 0)
    return out


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
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[Note, ...] = ()

    def with_layers(self, **layers: Any) -> Document:
        """Return a copy with the given layers replaced (layers are given as sequences)."""
        return replace(self, **{k: tuple(v) for k, v in layers.items()})

    def slice(self, span: Span | Mention | Token | Sentence | Note) -> str:
        """The text a span covers."""
        return self.text[span.start : span.end]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
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
        out["tokens"] = [[t.start, t.end, t.pos] for t in self.tokens]
        out["notes"] = [n.to_json() for n in self.notes]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Document:
        """Build a document from `to_json` or `to_full_json` output."""
        return cls(
            text=str(data["text"]),
            title=str(data.get("title", "")),
            source=str(data.get("source", "")),
            sentences=tuple(
                Sentence(int(s["start"]), int(s["end"]), int(s.get("first_token", 0)), int(s.get("end_token", 0)))
                for s in data.get("sentences", ())
            ),
            tokens=tuple(Token(int(t[0]), int(t[1]), str(t[2]) if len(t) > 2 else "") for t in data.get("tokens", ())),
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
