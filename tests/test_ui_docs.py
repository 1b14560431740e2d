"""Hand-built documents for the UI tests (invented text, so tests don't depend on model quality)."""

from __future__ import annotations

import re

from reader.document import Document, Entity, Fact, Mention, Sentence, Span

STORY = (
    "Harbour Vote Ends in Uproar\n"
    "\n"
    "Mayor Elena Brandt said on Tuesday that the Harbour Authority would publish its accounts. "
    "Ms Brandt spoke in Port Avel after the vote.\n"
    "\n"
    "The council voted 31 for, 4 against and 2 abstentions.\tThe Harbour Authority rejected the claim. "
    "Brandt called the result \"a fresh start\" for Port Avel.\n"
    "\n"
    "Officials said 12 people were injured in a crush outside the hall. "
    "The Tidewater Festival was postponed until 14 March.\n"
)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    for m in re.finditer(r"[^\n.]+\.?\"?", text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(Sentence(start, m.end()))
    return tuple(out)


def entity(text: str, ident: str, label: str, name: str, surface: str | None = None) -> Entity:
    """An entity whose mentions are every occurrence of `surface` (default: the name)."""
    mentions = tuple(Mention(s, e) for s, e in _spans(text, surface or name))
    return Entity(ident, label, name, mentions)  # type: ignore[arg-type]


def story_doc(extra_entity_name: str = "Tidewater Festival") -> Document:
    """The invented story with entities (one name may be hostile markup), facts and sentences."""
    text = STORY
    brandt = _spans(text, "Elena Brandt")[:1] + [s for s in _spans(text, "Brandt") if s[0] > 100]
    entities = (
        Entity("e1", "PERSON", "Elena Brandt", tuple(Mention(s, e) for s, e in brandt)),
        entity(text, "e2", "ORG", "Harbour Authority"),
        entity(text, "e3", "LOC", "Port Avel"),
        entity(text, "e4", "MISC", extra_entity_name, "Tidewater Festival"),
    )
    vote_start = text.index("The council voted")
    injured = text.index("12 people")
    facts = (
        Fact("official", Span(*_spans(text, "Mayor Elena Brandt")[0]), {"person": "e1", "role": "Mayor"}),
        Fact("vote", Span(vote_start, text.index("abstentions.") + 12), {"for": 31, "against": 4, "abstain": 2}),
        Fact("casualties", Span(injured, injured + 18), {"killed": None, "injured": 12}),
        Fact("date", Span(*_spans(text, "Tuesday")[0]), {"text": "Tuesday"}),
        Fact("date", Span(*_spans(text, "14 March")[0]), {"text": "14 March"}),
        Fact("quantity", Span(injured, injured + 9), {"value": 12, "unit": "people"}),
    )
    return Document(
        text=text,
        title="Harbour Vote Ends in Uproar",
        source="story.txt",
        sentences=_sentences(text),
        entities=entities,
        facts=facts,
    )


def long_doc(paragraphs: int = 400) -> Document:
    """A long document (the story repeated) with sentences but no entities."""
    text = "\n\n".join(STORY for _ in range(paragraphs // 4 or 1))
    return Document(text=text, title="Long", source="long.txt", sentences=_sentences(text))


def test_story_offsets_index_the_names() -> None:
    doc = story_doc()
    for ent in doc.entities:
        assert ent.mentions
        for m in ent.mentions:
            assert doc.text[m.start : m.end] in ent.name or ent.name.endswith(doc.text[m.start : m.end])
    assert [len(e.mentions) for e in doc.entities] == [3, 2, 2, 1]


def test_story_sentences_are_in_order_and_inside_the_text() -> None:
    doc = story_doc()
    ends = [0]
    for s in doc.sentences:
        assert ends[-1] <= s.start < s.end <= len(doc.text)
        ends.append(s.end)
    assert len(doc.sentences) >= 8
