"""Round 20 official and vote rules, on sentences written for these tests (none taken from an eval article)."""

from __future__ import annotations

import pytest

from tests.facts_helpers import officials, vote_counts


# A titled person's duty told by a verb in a relative clause is not a second role.
@pytest.mark.parametrize("text, person, title, duty", [
    ("Vice President Tomasz Wielgus, who heads the cabinet's drought committee, promised water trucks.",
     "Tomasz Wielgus", "Vice President", "head of the cabinet's drought committee"),
    ("Brig. Gen. Halima Okoro, who led the rescue convoy, said the road was cleared.",
     "Halima Okoro", "Brigadier General", "leader of the rescue convoy"),
    ("Chief Justice Ines Cardoso, who is in charge of the tribunal, adjourned the hearing.",
     "Ines Cardoso", "Chief Justice", "in charge of the tribunal"),
])
def test_titled_person_gets_no_duty_role(text: str, person: str, title: str, duty: str) -> None:
    found = officials(text, person)
    assert (person, title) in found
    assert (person, duty) not in found


def test_appositive_role_then_duty_keeps_only_the_appositive() -> None:
    found = officials("Marta Ilves, the Estonian Liberal MEP who leads her group's work on fisheries, objected.",
                      "Marta Ilves")
    assert ("Marta Ilves", "Estonian Liberal MEP") in found
    assert not any(r.startswith("leader") for _, r in found)


@pytest.mark.parametrize("text, person, role", [
    # guards: with no title, the relative clause is the role; a copula's role counts even after a title
    ("Oskar Brandt, who heads the port authority, said the cranes were idle.", "Oskar Brandt",
     "head of the port authority"),
    ("Col. Rania Haddad, who is the garrison commander, declined to comment.", "Rania Haddad",
     "garrison commander"),
])
def test_relative_role_without_a_title_still_counts(text: str, person: str, role: str) -> None:
    assert (person, role) in officials(text, person)


# An upper-case rank between a title and a name is skipped like an honorific.
@pytest.mark.parametrize("text, person, role", [
    ("Two drivers were hurt, according to Regional Police Commander ACP Juma Mfinanga.", "Juma Mfinanga",
     "Regional Police Commander"),
    ("The Punjab police chief, IGP Tariq Rasool Awan, visited the checkpoint on Monday.", "Tariq Rasool Awan",
     "Punjab police chief"),
    ("The rally was dispersed, said the Central Police Commander, COP Ama Serwaa Darko.", "Ama Serwaa Darko",
     "Central Police Commander"),
])
def test_rank_acronym_between_title_and_name(text: str, person: str, role: str) -> None:
    assert (person, role) in officials(text, person)


def test_acronym_without_a_title_before_it_gives_no_role() -> None:
    assert officials("Rescuers from UNHCR Lena Ortmann's team reached the camp.", "Lena Ortmann") == set()


def test_honorific_after_comma_keeps_the_office_before_it() -> None:
    found = officials("Bahrain's interior minister, Sheikh Rashid Hamad Al Khalifa, visited the port on Monday.",
                      "Rashid Hamad Al Khalifa")
    assert ("Rashid Hamad Al Khalifa", "Bahrain's interior minister") in found
    assert ("Rashid Hamad Al Khalifa", "Sheikh") not in found


def test_sheikh_beside_an_office_is_dropped_but_alone_stays() -> None:
    found = officials("Sheikh Omar Saleh Al Nasser, the Second Deputy Prime Minister, toured the site.",
                      "Omar Saleh Al Nasser")
    assert ("Omar Saleh Al Nasser", "Second Deputy Prime Minister") in found
    assert ("Omar Saleh Al Nasser", "Sheikh") not in found
    assert officials("Sheikh Omar Saleh Al Nasser toured the site.", "Omar Saleh Al Nasser") == {
        ("Omar Saleh Al Nasser", "Sheikh")}


def test_contact_line_gives_no_official() -> None:
    assert officials("Reach reporter Dana Whitfield at dwhitfield@example.com.", "Dana Whitfield") == set()
    assert ("Dana Whitfield", "reporter") in officials(
        "The reporter Dana Whitfield said she had seen the ballots.", "Dana Whitfield")


# Votes.
@pytest.mark.parametrize("text, expected", [
    ("The regional assembly adopted the water code, with 212 of the 230 deputies present voting in favour.",
     [(212, None, None)]),
    ("A no-confidence motion over the dam contracts fell 61-88 in April.", [(61, 88, None)]),
    ("A no-confidence motion over the dam contracts fell 88-61 in April.", [(61, 88, None)]),
    ("The senate rejected a motion to summon Interior Minister Pablo Rocha Lima over the police shooting "
     "in the northern border town by 33 votes to 19.", [(19, 33, None)]),
    ("The levy passed the chamber by 48 votes to 41, with the four Rural Voice Party members abstaining.",
     [(48, 41, 4)]),
])
def test_vote_wordings(text: str, expected: list) -> None:
    assert vote_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: a missed supermajority keeps the tally as written; a game's score is no vote
    ("Last year a similar measure fell short in the chamber, failing 70-55.", [(70, 55, None)]),
    ("The council also approved a resolution honoring the Hawks, who beat Denver 104-99 on Sunday.", []),
    ("The council approved the measure 7-2 after the Hawks beat Denver 104-99.", [(7, 2, None)]),
    ("The bill passed by 48 votes to 41, with the two parties split on the detail.", [(48, 41, None)]),
])
def test_vote_guards(text: str, expected: list) -> None:
    assert vote_counts(text) == expected


def test_two_word_possessive_owner_after_a_comma() -> None:
    text = "In Lusaka, South Sudan's deputy trade minister, Akol Deng Majok, signed the accord."
    assert ("Akol Deng Majok", "South Sudan's deputy trade minister") in officials(text, "Akol Deng Majok")
    # guard: a listed name before the role keeps the role from the name after it
    listed = officials("Peter Ochieng, South Sudan's deputy minister, Akol Deng Majok, and others met.",
                       "Peter Ochieng", "Akol Deng Majok")
    assert ("Akol Deng Majok", "South Sudan's deputy minister") not in listed
