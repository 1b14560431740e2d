"""Helpers for the linking tests: documents with hand-placed name mentions (no NER involved)."""

from __future__ import annotations

import re
from typing import Sequence

from reader.document import Document, Entity, Mention
from reader.nlp.linking import link
from reader.nlp.segment import segment


def make_doc(text: str, names: Sequence[tuple[str, str]]) -> Document:
    """A segmented document with one NER-style entity per (name, label), at every whole-word occurrence.

    Longer names win where occurrences overlap ("Kherson region" over "Kherson"), as NER would tag them.
    """
    sentences, tokens = segment(text)
    found: list[tuple[int, int, str, str]] = []
    for name, label in names:
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            found.append((m.start(), m.end(), name, label))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: dict[tuple[str, str], list[Mention]] = {}
    last_end = -1
    for start, end, name, label in found:
        if start >= last_end:
            kept.setdefault((name, label), []).append(Mention(start, end, "name"))
            last_end = end
    entities = [Entity(f"n{i}", label, name, tuple(ms)) for i, ((name, label), ms) in enumerate(kept.items())]
    return Document(text=text, sentences=tuple(sentences), tokens=tuple(tokens), entities=tuple(entities))


def linked(text: str, names: Sequence[tuple[str, str]]) -> tuple[Document, list[Entity]]:
    """The document and its linked entities."""
    doc = make_doc(text, names)
    return doc, link(doc)


def surfaces(doc: Document, entity: Entity, kind: str | None = None) -> list[str]:
    """The text of an entity's mentions (of one kind, if given), in order."""
    return [doc.text[m.start : m.end] for m in entity.mentions if kind is None or m.kind == kind]


def entity_with(doc: Document, entities: Sequence[Entity], surface: str, nth: int = 0) -> Entity:
    """The entity that has a mention at the nth occurrence of `surface` in the text."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.find(surface, pos + 1)
        assert pos >= 0, surface
    for ent in entities:
        for m in ent.mentions:
            if m.start == pos and m.end == pos + len(surface):
                return ent
    raise AssertionError(f"no mention at {surface!r} #{nth}")


def unlinked(entities: Sequence[Entity], doc: Document, surface: str, nth: int = 0) -> bool:
    """True if no entity has a mention exactly at the nth occurrence of `surface`."""
    try:
        entity_with(doc, entities, surface, nth)
    except AssertionError:
        return True
    return False
