"""Official facts on hand-built documents (names placed as PERSON entities), positives and negatives."""

from __future__ import annotations

import pytest

from tests.facts_helpers import officials

POSITIVE = [
    ("His plan was backed by Polish Deputy Foreign Minister Piotr Nowak in a radio interview.",
     ("Piotr Nowak",), {("Piotr Nowak", "Polish Deputy Foreign Minister")}),
    ("The convoy reached Lviv on Monday, said its governor Maksym Kozytskyi.",
     ("Maksym Kozytskyi",), {("Maksym Kozytskyi", "governor")}),
    ("Buses left for Russia's Belgorod region, said its governor Ivan Petrov, citing local officials.",
     ("Ivan Petrov",), {("Ivan Petrov", "governor of Belgorod region")}),
    ("Elena Vasquez, the governor of Sonora state, said roads were closed.",
     ("Elena Vasquez",), {("Elena Vasquez", "governor of Sonora state")}),
    ("Mark Rutte, head of the alliance, told reporters in Brussels that talks would continue.",
     ("Mark Rutte",), {("Mark Rutte", "head of the alliance")}),
    ("The head of the agency, Rafael Grossi, warned of a possible accident.",
     ("Rafael Grossi",), {("Rafael Grossi", "head of the agency")}),
    ("“We are ready,” said Mr Adeyemi, who has overall responsibility for the northern ports.",
     ("Adeyemi",), {("Adeyemi", "overall responsibility for the northern ports")}),
    ("Sen. Maria Holt, D-Ore., the minority whip, called the bill reckless.",
     ("Maria Holt",), {("Maria Holt", "Senator"), ("Maria Holt", "minority whip")}),
    ("Director-General Lena Marsh told staff the agency would not close.",
     ("Lena Marsh",), {("Lena Marsh", "Director-General")}),
    ("Chile's U.N. envoy, Pablo Ruiz, said the vote was historic.",
     ("Pablo Ruiz",), {("Pablo Ruiz", "Chile's U.N. envoy")}),
    ("French President Emmanuel Macron met his German counterpart Frank-Walter Steinmeier in Paris.",
     ("Emmanuel Macron", "Frank-Walter Steinmeier"),
     {("Emmanuel Macron", "French President"), ("Frank-Walter Steinmeier", "German counterpart")}),
    ("Later on Friday, President Macron flew to Berlin.", ("Macron",), {("Macron", "President")}),
    ("U.S. Secretary of State Antony Blinken arrived in Kyiv on Monday.",
     ("Antony Blinken",), {("Antony Blinken", "U.S. Secretary of State")}),
    ("Kremlin spokesman Dmitry Peskov told reporters that talks had stalled.",
     ("Dmitry Peskov",), {("Dmitry Peskov", "Kremlin spokesman")}),
    ("John Okafor, 45, a spokesman for the ministry, declined to comment.",
     ("John Okafor",), {("John Okafor", "spokesman for the ministry")}),
    ("Anna Berg is the new mayor of Springfield.", ("Anna Berg",), {("Anna Berg", "new mayor of Springfield")}),
    ("Apple chief executive Tim Cook unveiled the phone in California.",
     ("Tim Cook",), {("Tim Cook", "Apple chief executive")}),
    ("Former President Donald Trump said on Tuesday that he would appeal.",
     ("Donald Trump",), {("Donald Trump", "Former President")}),
    ("Lt. Gen. Mark Adams, who commands the 3rd Army, said troops were ready.",
     ("Mark Adams",), {("Mark Adams", "Lieutenant General")}),  # the title is the role; "commands" is his duty
    ("Police Chief Sam Ortiz said officers arrived within minutes.", ("Sam Ortiz",), {("Sam Ortiz", "Police Chief")}),
    ("Ukraine's foreign minister, Dmytro Kuleba, said the offer was a trap.",
     ("Dmytro Kuleba",), {("Dmytro Kuleba", "Ukraine's foreign minister")}),
    ("German Chancellor Olaf Scholz and Italian Prime Minister Giorgia Meloni signed the deal.",
     ("Olaf Scholz", "Giorgia Meloni"),
     {("Olaf Scholz", "German Chancellor"), ("Giorgia Meloni", "Italian Prime Minister")}),
    ("The company's chief financial officer, Rita Gomes, resigned on Wednesday.",
     ("Rita Gomes",), {("Rita Gomes", "company's chief financial officer")}),
    ("Ahmed Saleh, who was the country's ambassador to Egypt, was detained.",
     ("Ahmed Saleh",), {("Ahmed Saleh", "country's ambassador to Egypt")}),
    ("UN Secretary-General Antonio Guterres called for a ceasefire.",
     ("Antonio Guterres",), {("Antonio Guterres", "UN Secretary-General")}),
    ("Defence Secretary Grant Shapps said more ships would be sent.",
     ("Grant Shapps",), {("Grant Shapps", "Defence Secretary")}),
    ("Gov. Kathy Hochul signed the bill late Thursday.", ("Kathy Hochul",), {("Kathy Hochul", "Governor")}),
    ("The ruling party's leader, Kim Soo-min, conceded defeat.", ("Kim Soo-min",), {("Kim Soo-min", "ruling party's leader")}),
    ("Maria Lopez was appointed ambassador to Spain in 2021.", ("Maria Lopez",), {("Maria Lopez", "ambassador to Spain")}),
    ("Speaking in Kyiv, Ukrainian President Volodymyr Zelensky thanked allies.",
     ("Volodymyr Zelensky",), {("Volodymyr Zelensky", "Ukrainian President")}),
    ("White House press secretary Karine Jean-Pierre declined to comment.",
     ("Karine Jean-Pierre",), {("Karine Jean-Pierre", "White House press secretary")}),
]


@pytest.mark.parametrize("text, persons, expected", POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_official_patterns(text: str, persons: tuple[str, ...], expected: set[tuple[str, str]]) -> None:
    assert officials(text, *persons) == expected


NEGATIVE = [
    ("The town's mayor said the water was safe.", ()),
    ("Two people familiar with the matter said Anna Berg would resign.", ("Anna Berg",)),
    ("Anna Berg, the president's daughter, attended the ceremony.", ("Anna Berg",)),
    ("Officials said Peter Hall had been arrested at the border.", ("Peter Hall",)),
    ("Peter Hall met the president on Monday.", ("Peter Hall",)),
    ("Mr Hall said he had never met a senator.", ("Hall",)),
    ("Peter Hall, 52, was taken to hospital.", ("Peter Hall",)),
    ("Peter Hall is a keen gardener.", ("Peter Hall",)),
]


@pytest.mark.parametrize("text, persons", NEGATIVE, ids=[n[0][:40] for n in NEGATIVE])
def test_no_official(text: str, persons: tuple[str, ...]) -> None:
    assert officials(text, *persons) == set()


def test_one_fact_per_person_and_role_keeps_the_longest() -> None:
    text = ("Russian President Vladimir Putin spoke on Monday. Later, President Putin left. "
            "Putin, the Russian president, said nothing more.")
    found = officials(text, "Vladimir Putin", "Putin")
    roles = {r for p, r in found if p == "Vladimir Putin"}
    assert "Russian President" in roles and "President" not in roles


def test_person_must_be_an_entity() -> None:
    # No PERSON entity for the name: the contract needs an entity id, so no fact.
    assert officials("Russian President Vladimir Putin spoke.") == set()


def test_evidence_is_the_sentence() -> None:
    from reader.nlp.facts import extract_facts
    from tests.facts_helpers import make_doc

    text = "Nothing here. Kremlin spokesman Dmitry Peskov said so. Another sentence."
    doc = make_doc(text, ("Dmitry Peskov",))
    (fact,) = [f for f in extract_facts(doc) if f.kind == "official"]
    assert doc.slice(fact.evidence) == "Kremlin spokesman Dmitry Peskov said so."
