"""A compact binary form of a Document's layers, to hand an analysis from one process to another.

The text itself is not packed: the receiver already has it. Tokens, sentences, mentions and
fact evidence go as flat integer arrays (a few bytes each instead of a JSON object each), the
POS tags, mention kinds and fact kinds as small indices into a list of the distinct strings, each
fact's fields as an index into a list of the distinct fields, and the rest (entity names, those
fields, notes) as one JSON header. `unpack(pack(doc), doc.text) == doc`, and
`unpack_parts(pack_parts(doc), doc.text) == doc` for the same bytes in separate parts.

Unpacking is frugal because the receiver is the app: the token, sentence and mention arrays are
copied as they are into the column layers `Tokens`, `Sentences` and `Mentions` (no Token, Sentence
or Mention object is kept: one is built when it is read), the fact arrays are read in place, and
facts with equal fields (a long article has thousands of "quantity" facts of a few values) share
one dict: `Fact.fields` is a read-only mapping.
"""

from __future__ import annotations

import json
import struct
from array import array
from itertools import accumulate, chain
from typing import Any, Iterable, Mapping, Sequence

from reader.document import Document, Entity, Fact, Mention, Mentions, Note, Sentence, Sentences, Span, Tokens

MAGIC = b"RDP3"
_HEAD = struct.Struct("<4sI")  # magic, header length (the header is padded to a multiple of 8 bytes)
# The arrays after the header, in order: (name, kind); "int" arrays hold offsets or token indices.
_ARRAYS: tuple[tuple[str, str], ...] = (
    ("token_start", "int"), ("token_end", "int"), ("token_pos", "index"),
    ("sentence_start", "int"), ("sentence_end", "int"), ("sentence_first", "int"), ("sentence_stop", "int"),
    ("mention_start", "int"), ("mention_end", "int"), ("mention_kind", "index"),
    ("fact_start", "int"), ("fact_end", "int"), ("fact_kind", "index"), ("fact_fields", "int"),
)
_INDEX_CODE = "H"
_KIND = dict(_ARRAYS)


class PackError(ValueError):
    """The bytes are not a packed document for this text."""


def _json_value(value: Any) -> Any:
    """JSON for the odd types a step may leave in a fact: numpy scalars, mappings other than dicts."""
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"a fact field of type {type(value).__name__} cannot be sent")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_value)


def _dumps(value: Any) -> str:
    """Compact JSON (strings as they are, not escaped to ASCII)."""
    return _ENCODER.encode(value)


def _array(values: Iterable[int], code: str) -> array:
    """The values as an array of this type code (an array of that code already is used as it is)."""
    if isinstance(values, array) and values.typecode == code:
        return values
    return array(code, values)


def _mention_column(mentions: Sequence[Mention], name: str) -> Iterable[Any]:
    """One column of an entity's mentions: "starts", "ends" or "kinds" (read from `Mentions` columns
    without making a Mention)."""
    if isinstance(mentions, Mentions):
        if name == "kinds":
            return map(mentions.kind_names.__getitem__, mentions.kind_ids)
        return mentions.starts if name == "starts" else mentions.ends
    if name == "kinds":
        return (m.kind for m in mentions)
    return (m.start for m in mentions) if name == "starts" else (m.end for m in mentions)


def _sentence_columns(sentences: Sequence[Sentence]) -> dict[str, Iterable[int]]:
    """The sentence layer's four columns (a `Sentences` layer's own arrays)."""
    if isinstance(sentences, Sentences):
        return {"sentence_start": sentences.starts, "sentence_end": sentences.ends,
                "sentence_first": sentences.firsts, "sentence_stop": sentences.stops}
    return {"sentence_start": (s.start for s in sentences), "sentence_end": (s.end for s in sentences),
            "sentence_first": (s.first_token for s in sentences), "sentence_stop": (s.end_token for s in sentences)}


def pack_parts(doc: Document) -> list[bytes | memoryview]:
    """The document's layers (not its text) as a header and one part per array, for `unpack_parts`.

    Their concatenation is `pack(doc)`. The token arrays' parts are views of the document's own
    columns, and the facts' fields are encoded as they are (JSON writes a tuple as a list), so no
    copy of a layer is made (the analysis process sends the parts one by one)."""
    kinds: dict[str, int] = {}
    fact_kinds: dict[str, int] = {}
    tokens, sentences, facts = doc.tokens, doc.sentences, doc.facts
    # each distinct fields object once, as its JSON (which is what makes two of them the same)
    fields: dict[str, int] = {}
    fact_fields = array("q")
    add, encode = fields.setdefault, _ENCODER.encode
    for f in facts:
        fact_fields.append(add(encode(f.fields), len(fields)))
    code = "i" if max(len(doc.text), len(tokens), len(facts)) < 2**31 else "q"  # any valid offset fits
    tags = tokens.tag_names
    if len(tags) > 2**16:
        raise ValueError("too many distinct token tags to pack")
    columns: dict[str, Iterable[int]] = {
        "token_start": tokens.starts,
        "token_end": tokens.ends,
        "token_pos": tokens.tag_ids,
        **_sentence_columns(sentences),
        "mention_start": chain.from_iterable(_mention_column(e.mentions, "starts") for e in doc.entities),
        "mention_end": chain.from_iterable(_mention_column(e.mentions, "ends") for e in doc.entities),
        "mention_kind": (kinds.setdefault(kind, len(kinds))
                         for e in doc.entities for kind in _mention_column(e.mentions, "kinds")),
        "fact_start": (f.evidence.start for f in facts),
        "fact_end": (f.evidence.end for f in facts),
        "fact_kind": (fact_kinds.setdefault(f.kind, len(fact_kinds)) for f in facts),
        "fact_fields": fact_fields,
    }
    arrays = [memoryview(_array(columns[name], code if kind == "int" else _INDEX_CODE)).cast("B")
              for name, kind in _ARRAYS]
    header = {
        "int": code,
        "tags": list(tags),
        "kinds": list(kinds),
        "fact_kinds": list(fact_kinds),
        "entities": [[e.id, e.label, e.name, len(e.mentions)] for e in doc.entities],
        "notes": [n.to_json() for n in doc.notes],
        "sizes": [len(a) for a in arrays],
    }
    # the header's JSON in pieces, the distinct fields as they were encoded above
    head = [b"", _dumps(header)[:-1].encode("utf-8"), b',"fields":[', ",".join(fields).encode("utf-8"), b"]}"]
    del fields
    size = sum(map(len, head))
    head.append(b" " * (-size % 8))  # keeps the arrays after the header aligned
    head[0] = _HEAD.pack(MAGIC, size + len(head[-1]))
    return [b"".join(head), *arrays]


def pack(doc: Document) -> bytes:
    """The document's layers (not its text) as bytes for `unpack`."""
    return b"".join(pack_parts(doc))


def unpack(data: bytes | bytearray | memoryview, text: str, title: str = "", source: str = "") -> Document:
    """The Document whose layers `pack` wrote, over this text; PackError when they do not fit it."""
    view = memoryview(data)
    try:
        magic, head_len = _HEAD.unpack_from(view)
        at = _HEAD.size + head_len
        head, rest = view[:at], view[at:]
    except struct.error as exc:
        raise PackError(f"malformed packed document ({exc})") from None
    return _unpack(head, rest, None, text, title, source)


def unpack_parts(parts: Sequence[bytes | bytearray | memoryview], text: str, title: str = "",
                 source: str = "") -> Document:
    """The Document whose layers `pack_parts` gave, over this text; PackError when they do not fit it."""
    if not parts:
        raise PackError("not a packed document")
    return _unpack(memoryview(parts[0]), None, [memoryview(p) for p in parts[1:]], text, title, source)


def _unpack(head: memoryview, rest: memoryview | None, parts: list[memoryview] | None, text: str, title: str,
            source: str) -> Document:
    """Read the header, then the arrays: from `rest` one after another, or one per part."""
    try:
        magic, head_len = _HEAD.unpack_from(head)
        if magic != MAGIC:
            raise PackError("not a packed document")
        if len(head) != _HEAD.size + head_len:
            raise PackError("the header's length does not match")
        header = json.loads(bytes(head[_HEAD.size:]))
        code = header["int"]
        if code not in ("i", "q"):
            raise PackError(f"unknown integer code {code!r}")
        sizes = header["sizes"]
        if parts is None:
            assert rest is not None
            if sum(sizes) != len(rest):
                raise PackError("the arrays' sizes do not add up")
            bounds = [0, *accumulate(sizes)]
            parts = [rest[a:b] for a, b in zip(bounds, bounds[1:])]
        if [len(p) for p in parts] != sizes:
            raise PackError("the arrays' sizes do not match")
        cols: dict[str, Sequence[int]] = {}
        for (name, kind), part in zip(_ARRAYS, parts, strict=True):
            cols[name] = part.cast("B").cast(code if kind == "int" else _INDEX_CODE)
        return _build(header, cols, text, title, source)
    except PackError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, struct.error) as exc:
        raise PackError(f"malformed packed document ({type(exc).__name__}: {exc})") from None


def _check(cols: dict[str, Sequence[int]], names: tuple[str, ...], limit: int) -> None:
    if len({len(cols[n]) for n in names}) != 1:
        raise PackError(f"{names[0].rsplit('_', 1)[0]} arrays differ in length")
    for n in names:
        if len(cols[n]) and (max(cols[n]) > limit or min(cols[n]) < 0):
            raise PackError(f"{n} is out of range")


def _build(header: dict[str, Any], cols: dict[str, Sequence[int]], text: str, title: str, source: str) -> Document:
    n = len(text)
    _check(cols, ("token_start", "token_end", "token_pos"), n)
    _check(cols, ("sentence_start", "sentence_end", "sentence_first", "sentence_stop"), n)
    _check(cols, ("sentence_first", "sentence_stop"), len(cols["token_start"]))
    _check(cols, ("mention_start", "mention_end", "mention_kind"), n)
    tags: list[str] = [str(t) for t in header["tags"]]
    kinds: list[str] = [str(k) for k in header["kinds"]]
    if len(cols["token_pos"]) and max(cols["token_pos"]) >= len(tags):
        raise PackError("token_pos is out of range")
    if len(cols["mention_kind"]) and max(cols["mention_kind"]) >= len(kinds):
        raise PackError("mention_kind is out of range")

    def column(name: str, start: int = 0, stop: int | None = None) -> array:
        """A copy of (a slice of) one of the arrays, as an array of its type."""
        out = array(header["int"] if _KIND[name] == "int" else _INDEX_CODE)
        out.frombytes(cols[name][start:stop].cast("B"))  # type: ignore[attr-defined]
        return out

    tokens = Tokens.from_arrays(column("token_start"), column("token_end"), column("token_pos"), tags)
    # sentences and mentions stay columns too: an object is built when one is read
    sentences = Sentences(*map(column, ("sentence_start", "sentence_end", "sentence_first", "sentence_stop")))
    entities = []
    at = 0
    n_mentions = len(cols["mention_start"])
    for ident, label, name, count in header["entities"]:
        if count < 0 or at + count > n_mentions:
            raise PackError("entity mention counts do not add up")
        mentions = Mentions(*(column(c, at, at + count) for c in ("mention_start", "mention_end", "mention_kind")), kinds)
        entities.append(Entity(str(ident), label, str(name), mentions))  # type: ignore[arg-type]
        at += count
    if at != n_mentions:
        raise PackError("entity mention counts do not add up")

    _check(cols, ("fact_start", "fact_end"), n)
    fact_kinds: list[str] = [str(k) for k in header["fact_kinds"]]
    fields_json: list[dict[str, Any]] = header["fields"]
    for name, table in (("fact_kind", fact_kinds), ("fact_fields", fields_json)):
        column = cols[name]
        if len(column) != len(cols["fact_start"]):
            raise PackError("fact arrays differ in length")
        if len(column) and (max(column) >= len(table) or min(column) < 0):
            raise PackError(f"{name} is out of range")
    if not all(type(fields) is dict for fields in fields_json):
        raise PackError("fact fields are not JSON objects")
    # JSON gives each object its own copy of every string (a unit, a role): one object per distinct one
    same = {}.setdefault
    for fields in fields_json:
        for key, value in fields.items():
            if type(value) is str:
                fields[key] = same(value, value)
    del same
    facts = tuple(map(Fact, map(fact_kinds.__getitem__, cols["fact_kind"]),
                      map(Span, cols["fact_start"], cols["fact_end"]), map(fields_json.__getitem__, cols["fact_fields"])))
    return Document(
        text=text,
        title=title,
        source=source,
        sentences=sentences,  # type: ignore[arg-type]
        tokens=tokens,
        entities=tuple(entities),
        facts=facts,
        notes=tuple(Note.from_json(x) for x in header["notes"]),
    )
