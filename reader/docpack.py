"""A compact binary form of a Document's layers, to hand an analysis from one process to another.

The text itself is not packed: the receiver already has it. Tokens, sentences, mentions and
fact evidence go as flat integer arrays (a few bytes each instead of a JSON object each), the
POS tags and mention kinds as small indices into a list of the distinct strings, and the rest
(entity names, fact fields, notes) as one JSON header. `unpack(pack(doc), doc.text) == doc`.

Unpacking is frugal because the receiver is the app: arrays are read in place (no copies), and
an offset equal to a token boundary reuses that token's int object instead of a new one.
"""

from __future__ import annotations

import json
import struct
from array import array
from bisect import bisect_left
from typing import Any, Callable, Iterable, Sequence

from reader.document import Document, Entity, Fact, Mention, Note, Sentence, Span, Token

MAGIC = b"RDP2"
_HEAD = struct.Struct("<4sI")  # magic, header length (the header is padded to a multiple of 8 bytes)
# The arrays after the header, in order: (name, kind); "int" arrays hold offsets or token indices.
_ARRAYS: tuple[tuple[str, str], ...] = (
    ("token_start", "int"), ("token_end", "int"), ("token_pos", "index"),
    ("sentence_start", "int"), ("sentence_end", "int"), ("sentence_first", "int"), ("sentence_stop", "int"),
    ("mention_start", "int"), ("mention_end", "int"), ("mention_kind", "index"),
    ("fact_start", "int"), ("fact_end", "int"),
)
_INDEX_CODE = "H"


class PackError(ValueError):
    """The bytes are not a packed document for this text."""


def _json_value(value: Any) -> Any:
    """JSON for the odd numeric types a step may leave in a fact (numpy scalars)."""
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"a fact field of type {type(value).__name__} cannot be sent")


def pack(doc: Document) -> bytes:
    """The document's layers (not its text) as bytes for `unpack`."""
    tags: dict[str, int] = {}
    kinds: dict[str, int] = {}
    tokens, sentences, facts = doc.tokens, doc.sentences, doc.facts
    mentions = [m for e in doc.entities for m in e.mentions]
    code = "i" if max(len(doc.text), len(tokens)) < 2**31 else "q"  # any valid offset fits
    columns: dict[str, Iterable[int]] = {
        "token_start": (t.start for t in tokens),
        "token_end": (t.end for t in tokens),
        "token_pos": (tags.setdefault(t.pos, len(tags)) for t in tokens),
        "sentence_start": (s.start for s in sentences),
        "sentence_end": (s.end for s in sentences),
        "sentence_first": (s.first_token for s in sentences),
        "sentence_stop": (s.end_token for s in sentences),
        "mention_start": (m.start for m in mentions),
        "mention_end": (m.end for m in mentions),
        "mention_kind": (kinds.setdefault(m.kind, len(kinds)) for m in mentions),
        "fact_start": (f.evidence.start for f in facts),
        "fact_end": (f.evidence.end for f in facts),
    }
    blobs = [array(code if kind == "int" else _INDEX_CODE, columns[name]).tobytes() for name, kind in _ARRAYS]
    header = {
        "int": code,
        "tags": list(tags),
        "kinds": list(kinds),
        "entities": [[e.id, e.label, e.name, len(e.mentions)] for e in doc.entities],
        "facts": [[f.kind, {k: list(v) if isinstance(v, tuple) else v for k, v in f.fields.items()}] for f in facts],
        "notes": [n.to_json() for n in doc.notes],
        "sizes": [len(b) for b in blobs],
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":"), default=_json_value).encode("utf-8")
    head += b" " * (-len(head) % 8)  # keeps the arrays after it aligned
    return b"".join([_HEAD.pack(MAGIC, len(head)), head, *blobs])


def unpack(data: bytes, text: str, title: str = "", source: str = "") -> Document:
    """The Document whose layers `pack` wrote, over this text; PackError when they do not fit it."""
    view = memoryview(data)
    try:
        magic, head_len = _HEAD.unpack_from(view)
        if magic != MAGIC:
            raise PackError("not a packed document")
        at = _HEAD.size + head_len
        header = json.loads(bytes(view[_HEAD.size:at]))
        code = header["int"]
        if code not in ("i", "q"):
            raise PackError(f"unknown integer code {code!r}")
        cols: dict[str, Sequence[int]] = {}
        for (name, kind), size in zip(_ARRAYS, header["sizes"], strict=True):
            cols[name] = view[at:at + size].cast(code if kind == "int" else _INDEX_CODE)
            at += size
        if at != len(view):
            raise PackError("trailing bytes after the packed document")
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


def _sharer(bounds: Sequence[int], objects: Callable[[int], int]) -> Callable[[int], int]:
    """Map an offset to the equal int object of a token boundary (sorted `bounds`), else itself."""
    size = len(bounds)

    def share(value: int) -> int:
        i = bisect_left(bounds, value)
        return objects(i) if i < size and bounds[i] == value else value

    return share


def _build(header: dict[str, Any], cols: dict[str, Sequence[int]], text: str, title: str, source: str) -> Document:
    n = len(text)
    _check(cols, ("token_start", "token_end", "token_pos"), n)
    _check(cols, ("sentence_start", "sentence_end", "sentence_first", "sentence_stop"), n)
    _check(cols, ("sentence_first", "sentence_stop"), len(cols["token_start"]))
    _check(cols, ("mention_start", "mention_end", "mention_kind"), n)
    _check(cols, ("fact_start", "fact_end"), n)
    tags: list[str] = [str(t) for t in header["tags"]]
    kinds: list[str] = [str(k) for k in header["kinds"]]
    tokens = tuple(map(Token, cols["token_start"], cols["token_end"], map(tags.__getitem__, cols["token_pos"])))
    at_start = _sharer(cols["token_start"], lambda i: tokens[i].start)
    at_end = _sharer(cols["token_end"], lambda i: tokens[i].end)

    sentences = []
    stop: int | None = None
    for start, end, first, last in zip(cols["sentence_start"], cols["sentence_end"],
                                       cols["sentence_first"], cols["sentence_stop"]):
        if first == stop:  # token ranges of consecutive sentences meet: one int object
            first = stop
        stop = last
        sentences.append(Sentence(at_start(start), at_end(end), first, last))

    mentions = list(map(Mention, map(at_start, cols["mention_start"]), map(at_end, cols["mention_end"]),
                        map(kinds.__getitem__, cols["mention_kind"])))
    entities = []
    at = 0
    for ident, label, name, count in header["entities"]:
        entities.append(Entity(str(ident), label, str(name), tuple(mentions[at:at + count])))
        at += count
    if at != len(mentions):
        raise PackError("entity mention counts do not add up")

    facts_json = header["facts"]
    if len(facts_json) != len(cols["fact_start"]):
        raise PackError("fact arrays differ in length")
    facts = tuple(
        Fact(kind, Span(at_start(start), at_end(end)), fields)
        for (kind, fields), start, end in zip(facts_json, cols["fact_start"], cols["fact_end"])
    )
    return Document(
        text=text,
        title=title,
        source=source,
        sentences=tuple(sentences),
        tokens=tokens,
        entities=tuple(entities),
        facts=facts,
        notes=tuple(Note.from_json(x) for x in header["notes"]),
    )
