"""Linking on the shared Kherson article: with hand-placed names, and end to end when NER is registered."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import Document, Entity
from reader.pipeline import analyze, step_names
from tests.test_linking_support import linked

ARTICLE = Path(__file__).resolve().parents[1].parent / "shared" / "articles" / "kherson-evacuation.txt"

NAMES = [
    ("Vladimir Saldo", "PERSON"), ("Saldo", "PERSON"), ("Marat Khusnullin", "PERSON"), ("Khusnullin", "PERSON"),
    ("Vasily Golubev", "PERSON"), ("Vladimir Putin", "PERSON"), ("Putin", "PERSON"),
    ("Recep Tayyip Erdogan", "PERSON"), ("Jens Stoltenberg", "PERSON"), ("Dnieper", "LOC"),
    ("Kherson", "LOC"), ("Kherson region", "LOC"), ("Nato", "ORG"), ("Moscow", "LOC"), ("Crimea", "LOC"),
]


@pytest.fixture(scope="module")
def text() -> str:
    if not ARTICLE.is_file():
        pytest.skip("shared article not present")
    return ARTICLE.read_text(encoding="utf-8")


def _by_name(entities: tuple[Entity, ...] | list[Entity], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


def _kinds(doc: Document, ent: Entity) -> list[tuple[str, str]]:
    return [(doc.text[m.start : m.end], m.kind) for m in ent.mentions]


def _check_targets(doc: Document, entities: tuple[Entity, ...] | list[Entity]) -> None:
    saldo = _kinds(doc, _by_name(entities, "Vladimir Saldo"))
    assert [s for s, k in saldo if k == "name"] == ["Vladimir Saldo", "Saldo"]
    assert len([s for s, k in saldo if k == "pronoun"]) >= 4
    assert all(s.lower() in ("he", "his") for s, k in saldo if k == "pronoun")
    khus = _kinds(doc, _by_name(entities, "Marat Khusnullin"))
    assert [s for s, k in khus if k == "name"] == ["Marat Khusnullin", "Khusnullin"]
    putin = _kinds(doc, _by_name(entities, "Vladimir Putin"))
    assert [s for s, k in putin if k == "name"] == ["Vladimir Putin", "Putin"]
    river = [e for e in entities if "Dnipro" in [doc.text[m.start : m.end] for m in e.mentions]]
    assert len(river) == 1 and river[0].name == "Dnieper"
    assert [doc.text[m.start : m.end] for m in river[0].mentions] == ["Dnieper", "Dnipro", "Dnieper"]
    # The boy who died is not named: no pronoun goes to anyone across that gap.
    died = doc.text.find("he later died")
    assert all(m.start != died for e in entities for m in e.mentions)
    golubev = _kinds(doc, _by_name(entities, "Vasily Golubev"))
    assert ("he", "pronoun") in golubev


def test_hand_placed_names(text: str) -> None:
    doc, entities = linked(text, NAMES)
    _check_targets(doc, entities)
    assert _by_name(entities, "Kherson").id != _by_name(entities, "Kherson region").id
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]


def test_end_to_end_through_the_pipeline(text: str) -> None:
    if "ner" not in step_names() or "link" not in step_names():
        pytest.skip("the NER step is not registered yet")
    doc = analyze(text, steps=["segment", "ner", "link"])
    _check_targets(doc, doc.entities)
    for e in doc.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(doc.text)
