"""Round 21 official and vote rules, on sentences written for these tests (none taken from an eval article)."""

from __future__ import annotations

import pytest

from reader.nlp.facts.roles import ROLE_NOUNS, TITLE_ABBREVIATIONS, is_role_word
from reader.nlp.segment import segment
from tests.facts_helpers import officials


def _sentences(text: str) -> list[str]:
    sentences, _ = segment(text)
    return [text[s.start : s.end] for s in sentences]


# Title abbreviations do not end a sentence.
@pytest.mark.parametrize("text, n", [
    ("The storm passed. Dels. Mara Quill and Tobias Venn, both from the coast, asked for help.", 2),
    ("The harbour patrol's chief, Lt. Cdr. Irene Solberg, said the boat was found.", 1),
    ("The ordinance passed, with Ald. Petra Vukovic voting no.", 1),
    ("The drill went well, said Wg. Cdr. Anil Mehra and Sqn. Ldr. Ruth Oyelaran.", 1),
    ("The Rt. Hon. Edwin Larkspur spoke first. Pfc. Dale Ruiz and Msgr. Paul Ebong followed.", 2),
])
def test_title_abbreviations_do_not_split(text: str, n: int) -> None:
    assert len(_sentences(text)) == n


def test_abbreviation_splits_stay_after_plain_words() -> None:
    assert _sentences("The council met. Ald Petra Vukovic left.") == ["The council met.", "Ald Petra Vukovic left."]


@pytest.mark.parametrize("text, person, role", [
    ("The harbour patrol's chief, Lt. Cdr. Irene Solberg, said the boat was found.", "Irene Solberg",
     "Lieutenant Commander"),
    ("The ordinance passed, with Ald. Petra Vukovic voting no.", "Petra Vukovic", "Ald."),
    ("Del. Ruth Amberly (D-Carroll) sponsored the measure.", "Ruth Amberly", "Delegate"),
])
def test_more_title_abbreviations(text: str, person: str, role: str) -> None:
    assert (person, role) in officials(text, person)


@pytest.mark.parametrize("text, persons, role", [
    ("Dels. Mara Quill and Tobias Venn, both from the coast, asked for help.", ("Mara Quill", "Tobias Venn"),
     "Delegate"),
    ("Sens. Ilse Brandvold and Marco Teixeira, who opposed the bill, spoke late.", ("Ilse Brandvold", "Marco Teixeira"),
     "Senator"),
    ("Reps. Dana Whitlow and Omar Haddadi wrote the letter.", ("Dana Whitlow", "Omar Haddadi"), "Representative"),
])
def test_plural_title_abbreviation_gives_each_name_the_title(text: str, persons: tuple[str, ...], role: str) -> None:
    found = officials(text, *persons)
    for person in persons:
        assert (person, role) in found


def test_state_after_a_town_is_not_a_title() -> None:
    found = officials("Speaking in Dover, Del. Mayor Lena Okafor said the roads were open.", "Lena Okafor")
    assert ("Lena Okafor", "Mayor") in found
    assert not any("Delegate" in r for _, r in found)


def test_new_titles_stay_out_of_the_shared_lists() -> None:
    # the NER's title rules and the other extractors read these: the officials-only words must not leak in
    for word in ("Cdr.", "Ald.", "Del.", "Dels.", "Sens."):
        assert word.lower() not in TITLE_ABBREVIATIONS
    assert not is_role_word("Ald.")
    assert "del" not in ROLE_NOUNS


# Role nouns the officials extractor reads besides the shared list, and short plural acronyms.
@pytest.mark.parametrize("text, person, role", [
    ("Swiss nurse Anja Keller was freed on Sunday.", "Anja Keller", "Swiss nurse"),
    ("Malian logistician Oumar Traoré was freed with her.", "Oumar Traoré", "Malian logistician"),
    ("Junior engineer Ravi Toppo, 31, was also released.", "Ravi Toppo", "Junior engineer"),
    ("Green housing critic Lise Ferland said the bill fell short.", "Lise Ferland", "Green housing critic"),
    ("The motion was tabled by opposition parliamentarian Jonas Haufiku.", "Jonas Haufiku",
     "opposition parliamentarian"),
    ("The regional wali, Karim Ouazzani, opened the road.", "Karim Ouazzani", "regional wali"),
])
def test_officials_only_role_nouns(text: str, person: str, role: str) -> None:
    assert (person, role) in officials(text, person)


def test_plural_acronym_title_gives_each_name_the_role() -> None:
    found = officials("Opposition MPs Lena Varga and Tomas Rehak, both from the east, walked out.",
                      "Lena Varga", "Tomas Rehak")
    assert ("Lena Varga", "Opposition MP") in found and ("Tomas Rehak", "Opposition MP") in found


def test_critic_of_something_is_no_role() -> None:
    # guard: a stance, not an office
    found = officials("Anselm Odhiambo, a fierce critic of the ceasefire, said he would keep protesting.",
                      "Anselm Odhiambo")
    assert not any("critic" in r for _, r in found)


def test_officials_only_nouns_stay_out_of_the_shared_lists() -> None:
    for word in ("nurse", "engineer", "critic", "wali", "akim", "parliamentarian"):
        assert word not in ROLE_NOUNS and not is_role_word(word)


def test_bare_trade_in_apposition_is_no_office_but_a_described_one_is() -> None:
    assert officials("Piotr Zielinski, 41, an engineer, said he had lost his house.", "Piotr Zielinski") == set()
    found = officials("The remains were identified, said Rosa Ibarguen, a forensic anthropologist with the team.",
                      "Rosa Ibarguen")
    assert any("anthropologist" in r for _, r in found)
