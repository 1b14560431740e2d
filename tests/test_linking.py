"""Linking name mentions into entities: surnames, titles, initials, possessives, acronyms, aliases."""

from __future__ import annotations

import pytest

from reader.document import Document, Entity, Mention
from reader.nlp.linking import link, name_key, run
from tests.test_linking_support import entity_with, linked, make_doc, surfaces


def test_full_name_title_and_bare_surname_are_one_person() -> None:
    text = "Ana Pereira won the vote. Later Ms Pereira thanked staff. Pereira is 52."
    doc, ents = linked(text, [("Ana Pereira", "PERSON"), ("Pereira", "PERSON")])
    assert len(ents) == 1
    (e,) = ents
    assert (e.id, e.label, e.name) == ("e1", "PERSON", "Ana Pereira")
    assert surfaces(doc, e) == ["Ana Pereira", "Pereira", "Pereira"]


def test_title_inside_ner_span_is_cut_off() -> None:
    text = "Tomas Ruiz spoke first. Then Mr Ruiz left and President Ruiz returned."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON"), ("Mr Ruiz", "PERSON"), ("President Ruiz", "PERSON")])
    assert len(ents) == 1
    assert surfaces(doc, ents[0]) == ["Tomas Ruiz", "Ruiz", "Ruiz"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessives_are_stripped_and_linked(apostrophe: str) -> None:
    text = f"Kofi Annan arrived. Annan{apostrophe}s plan was read out. The plan was Mr Annan{apostrophe}s."
    doc, ents = linked(text, [("Kofi Annan", "PERSON"), (f"Annan{apostrophe}s", "PERSON")])
    assert len(ents) == 1
    assert surfaces(doc, ents[0]) == ["Kofi Annan", "Annan", "Annan"]


def test_all_caps_variant_links_and_canonical_keeps_case() -> None:
    text = "OKAFOR WINS. Grace Okafor won the race on Sunday. Okafor said it was hard."
    doc, ents = linked(text, [("OKAFOR", "PERSON"), ("Grace Okafor", "PERSON"), ("Okafor", "PERSON")])
    assert len(ents) == 1
    assert ents[0].name == "Grace Okafor"
    assert surfaces(doc, ents[0]) == ["OKAFOR", "Grace Okafor", "Okafor"]


def test_initials_match_full_first_name() -> None:
    text = "J. Weston opened the hearing. John Weston is the chair. Weston then adjourned."
    doc, ents = linked(text, [("J. Weston", "PERSON"), ("John Weston", "PERSON"), ("Weston", "PERSON")])
    assert len(ents) == 1
    assert ents[0].name == "John Weston"


def test_initial_does_not_match_another_first_letter() -> None:
    text = "K. Weston opened the hearing. John Weston is the chair."
    _, ents = linked(text, [("K. Weston", "PERSON"), ("John Weston", "PERSON")])
    assert len(ents) == 2


def test_different_first_names_stay_apart_and_bare_surname_goes_to_most_recent() -> None:
    text = (
        "Maria Holt chairs the committee. James Holt, her brother, runs a farm. "
        "Holt said the harvest was poor. Later Maria Holt spoke again. Holt disagreed."
    )
    doc, ents = linked(text, [("Maria Holt", "PERSON"), ("James Holt", "PERSON"), ("Holt", "PERSON")])
    maria = entity_with(doc, ents, "Maria Holt")
    james = entity_with(doc, ents, "James Holt")
    assert maria.id != james.id
    assert entity_with(doc, ents, "Holt", 2).id == james.id  # "Holt said": after James
    assert entity_with(doc, ents, "Holt", 4).id == maria.id  # "Holt disagreed": after Maria again
    assert {e.name for e in ents} == {"Maria Holt", "James Holt"}


def test_gendered_title_picks_the_compatible_person() -> None:
    text = "Maria Holt met James Holt. Mrs Holt said the meeting was useful."
    doc, ents = linked(text, [("Maria Holt", "PERSON"), ("James Holt", "PERSON"), ("Holt", "PERSON")])
    assert entity_with(doc, ents, "Holt", 2).name == "Maria Holt"


def test_unrelated_people_with_one_surname_are_not_merged() -> None:
    text = "Peter Brown, a baker, was robbed. Police chief Susan Brown said an arrest was made."
    _, ents = linked(text, [("Peter Brown", "PERSON"), ("Susan Brown", "PERSON")])
    assert sorted(e.name for e in ents) == ["Peter Brown", "Susan Brown"]


def test_middle_names_and_shorter_forms() -> None:
    text = "Recep Tayyip Erdogan met envoys. Tayyip Erdogan then left. Erdogan returned on Monday."
    doc, ents = linked(text, [("Recep Tayyip Erdogan", "PERSON"), ("Tayyip Erdogan", "PERSON"), ("Erdogan", "PERSON")])
    assert len(ents) == 1
    assert ents[0].name == "Recep Tayyip Erdogan"
    assert len(ents[0].mentions) == 3


def test_surname_before_full_name_still_links() -> None:
    text = "Navarro resigned on Friday. Elena Navarro had led the agency since 2019."
    _, ents = linked(text, [("Navarro", "PERSON"), ("Elena Navarro", "PERSON")])
    assert len(ents) == 1 and ents[0].name == "Elena Navarro"


@pytest.mark.parametrize(
    "text, long, short",
    [
        ("The North Atlantic Treaty Organization (Nato) met. Nato later agreed.", "North Atlantic Treaty Organization", "Nato"),
        ("Leaders of the European Union (EU) met. The EU agreed.", "European Union", "EU"),
        ("Fighting in the Democratic Republic of Congo (DRC) went on. The DRC army retreated.", "Democratic Republic of Congo", "DRC"),
        ("The Federal Bureau of Investigation (F.B.I.) said so.", "Federal Bureau of Investigation", "F.B.I."),
    ],
)
def test_acronym_in_brackets_after_expansion(text: str, long: str, short: str) -> None:
    # The acronym is linked whether or not NER tagged it.
    for names in ([(long, "ORG"), (short, "ORG")], [(long, "ORG")]):
        doc, ents = linked(text, names)
        assert len(ents) == 1, names
        assert ents[0].name == long
        assert surfaces(doc, ents[0]).count(short) == text.count(short)


def test_bracketed_word_that_is_not_the_acronym_is_not_linked() -> None:
    text = "The World Health Organization (Geneva) said so. Geneva is calm."
    doc, ents = linked(text, [("World Health Organization", "ORG"), ("Geneva", "LOC")])
    assert len(ents) == 2


def test_capital_letter_acronym_links_to_the_one_expansion_without_brackets() -> None:
    text = "The United Nations voted on Monday. A UN spokesman said the United States abstained. The U.S. envoy left."
    doc, ents = linked(text, [("United Nations", "ORG"), ("UN", "ORG"), ("United States", "LOC"), ("U.S.", "LOC")])
    assert entity_with(doc, ents, "UN").name == "United Nations"
    assert entity_with(doc, ents, "U.S.").name == "United States"
    assert len(ents) == 2


def test_acronym_with_two_possible_expansions_is_left_alone() -> None:
    text = "The United Nations and the Union of Nurses met. The UN chief spoke."
    doc, ents = linked(text, [("United Nations", "ORG"), ("Union of Nurses", "ORG"), ("UN", "ORG")])
    assert len(ents) == 3


@pytest.mark.parametrize(
    "text, first, alias",
    [
        ("Troops reached the Dnieper river (known as Dnipro in Ukraine) at dawn. Dnipro is wide.", "Dnieper", "Dnipro"),
        ("Mumbai, also known as Bombay, is huge. Bombay was renamed in 1995.", "Mumbai", "Bombay"),
        ("The ship sailed to Chisinau (also spelled Kishinev) on Monday.", "Chisinau", "Kishinev"),
        ("Astana, formerly Nur-Sultan, hosted the talks.", "Astana", "Nur-Sultan"),
        ("The group, Meta Platforms (formerly Facebook Inc), agreed.", "Meta Platforms", "Facebook Inc"),
        ("Ho Chi Minh City (formerly known as Saigon) is hot.", "Ho Chi Minh City", "Saigon"),
    ],
)
def test_explicit_aliases_make_one_entity(text: str, first: str, alias: str) -> None:
    label = "ORG" if first == "Meta Platforms" else "LOC"
    for names in ([(first, label), (alias, label)], [(first, label)]):
        doc, ents = linked(text, names)
        assert len(ents) == 1, (names, [e.name for e in ents])
        assert surfaces(doc, ents[0]).count(alias) == text.count(alias)
        assert first in surfaces(doc, ents[0])


def test_alias_pattern_needs_a_name_after_it() -> None:
    text = "Lviv, also known as a cultural centre, was calm. Odesa was calm."
    _, ents = linked(text, [("Lviv", "LOC"), ("Odesa", "LOC")])
    assert len(ents) == 2


def test_place_names_that_share_a_word_stay_apart() -> None:
    text = "Shelling hit Kherson on Monday. The Kherson region was evacuated. Kherson city is quiet."
    doc, ents = linked(text, [("Kherson", "LOC"), ("Kherson region", "LOC"), ("Kherson city", "LOC")])
    assert len(ents) == 3
    assert sorted(e.name for e in ents) == ["Kherson", "Kherson city", "Kherson region"]


def test_conflicting_labels_for_one_string_follow_the_majority() -> None:
    text = "Saldo spoke. Then Saldo left. Reporters followed Saldo home."
    doc = make_doc(text, [])
    pos = [i for i in range(len(text)) if text.startswith("Saldo", i)]
    doc = doc.with_layers(entities=[
        Entity("a", "PERSON", "Saldo", (Mention(pos[0], pos[0] + 5), Mention(pos[1], pos[1] + 5))),
        Entity("b", "ORG", "Saldo", (Mention(pos[2], pos[2] + 5),)),
    ])
    ents = link(doc)
    assert len(ents) == 1 and ents[0].label == "PERSON" and len(ents[0].mentions) == 3


def test_title_makes_a_mislabelled_surname_a_person() -> None:
    text = "Deputy minister Marat Ilyin visited. Mr Ilyin said more help was coming."
    doc, ents = linked(text, [("Marat Ilyin", "PERSON"), ("Ilyin", "LOC")])
    assert len(ents) == 1 and ents[0].label == "PERSON"


def test_place_sharing_a_surname_is_not_pulled_into_the_person() -> None:
    text = "Michael Jordan flew to Amman. Jordan is hot in May."
    doc, ents = linked(text, [("Michael Jordan", "PERSON"), ("Jordan", "LOC"), ("Amman", "LOC")])
    assert entity_with(doc, ents, "Jordan", 1).label == "LOC"
    assert len(ents) == 3


def test_ids_follow_first_mention_and_mentions_are_sorted() -> None:
    text = "Oslo hosted Ana Lima. Lima praised Oslo. The Red Cross and Lima met in Oslo."
    doc, ents = linked(text, [("Oslo", "LOC"), ("Ana Lima", "PERSON"), ("Lima", "PERSON"), ("Red Cross", "ORG")])
    assert [e.id for e in ents] == ["e1", "e2", "e3"]
    assert [e.name for e in ents] == ["Oslo", "Ana Lima", "Red Cross"]
    for e in ents:
        starts = [m.start for m in e.mentions]
        assert starts == sorted(starts)


def test_name_key_folds_case_dots_and_possessives() -> None:
    assert name_key("U.S.") == "us"
    assert name_key("SALDO’s") == "saldo"
    assert name_key("Mr  J. Weston") == "mr j weston"


def test_run_replaces_entities_and_is_idempotent() -> None:
    text = "Ana Pereira won. Ms Pereira thanked staff. She left. Pereira returned."
    doc = make_doc(text, [("Ana Pereira", "PERSON"), ("Pereira", "PERSON")])
    once = run(doc)
    twice = run(once)
    assert once.entities == twice.entities
    assert once.text == doc.text and once.sentences == doc.sentences


def test_empty_and_entity_free_documents() -> None:
    assert run(Document(text="")).entities == ()
    assert run(Document(text="Nothing to see here.")).entities == ()
    assert run(make_doc("No names at all here. He left.", [])).entities == ()


def test_odd_spans_never_raise() -> None:
    text = "Ana Pereira met Bo Li in Oslo."
    bad = Document(text=text, entities=(
        Entity("x", "PERSON", "Ana Pereira", (Mention(0, 11), Mention(4, 11), Mention(0, 3))),  # overlapping
        Entity("y", "LOC", "?", (Mention(50, 60), Mention(5, 5), Mention(9, 3), Mention(-4, 2))),  # out of range
        Entity("z", "WEIRD", "Oslo", (Mention(25, 29), Mention(11, 12))),  # unknown label, a space
    ))
    ents = link(bad)  # no sentences or tokens: linking segments on its own
    spans = sorted((m.start, m.end) for e in ents for m in e.mentions)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert {e.label for e in ents} <= {"PERSON", "ORG", "LOC", "MISC"}
    assert any(text[s:e] == "Oslo" for s, e in spans)


def test_sentence_openers_and_lowercase_modifiers_are_cut_from_name_spans() -> None:
    text = "Both Oslo and Bergen agreed. Troops left north-western Kherson. Kherson is calm."
    doc, ents = linked(text, [("Both Oslo", "LOC"), ("Bergen", "LOC"), ("north-western Kherson", "LOC"), ("Kherson", "LOC")])
    assert entity_with(doc, ents, "Oslo").name == "Oslo"
    assert surfaces(doc, entity_with(doc, ents, "Kherson")) == ["Kherson", "Kherson"]


def test_name_particles_are_kept() -> None:
    text = "Ursula von der Leyen spoke. Later von der Leyen left."
    doc, ents = linked(text, [("Ursula von der Leyen", "PERSON"), ("von der Leyen", "PERSON")])
    assert len(ents) == 1
    assert surfaces(doc, ents[0]) == ["Ursula von der Leyen", "von der Leyen"]


def test_known_place_tagged_person_once_loses_the_tie_to_place() -> None:
    # NER tagged the city as a person once and as a place once: the place wins.
    text = "Kyiv has been using new rockets. Strikes hit the Kyiv region."
    doc = make_doc(text, [])
    a, b = text.find("Kyiv"), text.rfind("Kyiv")
    doc = doc.with_layers(entities=[
        Entity("a", "PERSON", "Kyiv", (Mention(a, a + 4),)),
        Entity("b", "LOC", "Kyiv", (Mention(b, b + 4),)),
    ])
    ents = link(doc)
    assert [(e.label, len(e.mentions)) for e in ents] == [("LOC", 2)]


def test_alias_cluster_is_named_by_the_first_written_name_and_acronyms_by_their_expansion() -> None:
    text = "Velmora, formerly known as Port Eastwick, is busy. The EU said the European Union (EU) would help."
    doc, ents = linked(text, [("Velmora", "LOC"), ("Port Eastwick", "LOC"), ("EU", "ORG"), ("European Union", "ORG")])
    assert [e.name for e in ents] == ["Velmora", "European Union"]
