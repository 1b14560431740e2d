"""Linking never raises on odd input and always returns well-formed entities."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import Document, Entity, Mention
from reader.nlp.linking import link
from reader.nlp.segment import segment

WORDS = [
    "Ana", "Pereira", "Mr", "Ms", "J.", "he", "She", "his", "her", "the", "The", "(", ")", "(EU)", "Nato", ",",
    "also", "known", "as", "formerly", "“", "”", '"', "’s", "'s", "said", "European", "Union", "EU", ".", "\n",
    "a", "boy", "military", "alliance", "ÉLAN", "Ωmega", "", " ", "   ", "O'Neil", "Dnipro", "river", "of",
]
LABELS = ["PERSON", "ORG", "LOC", "MISC", "bogus"]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=60)))
    n = len(text)
    entities = []
    for i in range(draw(st.integers(0, 6))):
        mentions = []
        for _ in range(draw(st.integers(0, 5))):
            start = draw(st.integers(-3, n + 3))
            end = draw(st.integers(-3, n + 5))
            mentions.append(Mention(start, end, draw(st.sampled_from(["name", "name", "pronoun"]))))
        entities.append(Entity(f"x{i}", draw(st.sampled_from(LABELS)), "?", tuple(mentions)))  # type: ignore[arg-type]
    if draw(st.booleans()):
        sentences, tokens = segment(text)
        return Document(text=text, sentences=tuple(sentences), tokens=tuple(tokens), entities=tuple(entities))
    return Document(text=text, entities=tuple(entities))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_link_is_total_and_well_formed(doc: Document) -> None:
    ents = link(doc)
    spans = sorted((m.start, m.end) for e in ents for m in e.mentions)
    assert all(0 <= s < e <= len(doc.text) for s, e in spans)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2  # no two mentions overlap
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)
    for e in ents:
        assert e.label in ("PERSON", "ORG", "LOC", "MISC")
        assert e.name and e.name == " ".join(e.name.split())
        assert any(m.kind == "name" for m in e.mentions)
        assert list(e.mentions) == sorted(e.mentions, key=lambda m: (m.start, m.end))
    json.dumps([e.to_json() for e in ents])


def test_first_name_model_is_shipped_and_consistent() -> None:
    from reader.nlp.person_names import first_name_genders, gender_of

    model = Path(__file__).resolve().parents[1] / "reader" / "nlp" / "models" / "first_names.json"
    data = json.loads(model.read_text(encoding="utf-8"))
    assert not set(data["male"]) & set(data["female"])
    genders = first_name_genders()
    assert len(genders) == len(data["male"]) + len(data["female"])
    assert gender_of(("maria",)) == "f" and gender_of(("james",)) == "m"
    assert gender_of(("j", "james")) == "m"  # initials are skipped
    assert gender_of(("zzxq",)) == ""


def test_build_first_names_drops_names_in_both_lists(tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_first_names.py"
    spec = importlib.util.spec_from_file_location("build_first_names", script)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    (tmp_path / "male.txt").write_text("John\nKim\n\nPeter\n", encoding="utf-8")
    (tmp_path / "female.txt").write_text("Mary\nKim\n", encoding="utf-8")
    assert mod.build(tmp_path) == {"male": ["john", "peter"], "female": ["mary"]}
