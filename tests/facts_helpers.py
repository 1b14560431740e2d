"""Build documents by hand for fact tests: segment the text and place PERSON entities by name."""

from __future__ import annotations

from reader.document import Document, Entity, Mention
from reader.nlp.facts import extract_facts
from reader.nlp.segment import segment


def make_doc(text: str, persons: tuple[str, ...] = (), others: dict[str, str] | None = None) -> Document:
    """A segmented, POS-tagged document with one PERSON entity per name (every occurrence)."""
    from reader.nlp.pos import run as pos_run

    sentences, tokens = segment(text)
    entities = []
    for k, (name, label) in enumerate([(p, "PERSON") for p in persons] + list((others or {}).items())):
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name)))
            start = text.find(name, start + len(name))
        assert mentions, name
        entities.append(Entity(f"e{k}", label, name, tuple(mentions)))
    doc = Document(text=text).with_layers(sentences=sentences, tokens=tokens, entities=entities)
    return pos_run(doc)


def facts_of(text: str, kind: str, persons: tuple[str, ...] = ()) -> list[dict]:
    """The facts of one kind as JSON dicts (officials get the person's name instead of its id)."""
    doc = make_doc(text, persons)
    out = []
    for f in extract_facts(doc):
        if f.kind != kind:
            continue
        d = f.to_json()
        if kind == "official":
            d["person"] = doc.entity(d["person"]).name
        out.append(d)
    return out


def officials(text: str, *persons: str) -> set[tuple[str, str]]:
    """(person name, role) pairs found in a text."""
    return {(d["person"], d["role"]) for d in facts_of(text, "official", persons)}


def casualty_counts(text: str, *persons: str) -> list[tuple[int | None, int | None]]:
    """The (killed, injured) pairs of the casualty facts in `text`."""
    doc = make_doc(text, persons)
    return [(f.fields["killed"], f.fields["injured"]) for f in extract_facts(doc) if f.kind == "casualties"]


def exchange_counts(text: str, *persons: str) -> list[list[int]]:
    """The counts of the exchange facts in `text`."""
    return [d["counts"] for d in facts_of(text, "exchange", persons)]


def vote_counts(text: str) -> list[tuple[object, object, object]]:
    """The (for, against, abstain) triples of the vote facts in `text`."""
    return [(d["for"], d["against"], d["abstain"]) for d in facts_of(text, "vote")]
