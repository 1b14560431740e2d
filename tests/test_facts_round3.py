"""Round three of fact tests: the general rules added after scoring the second dev set (tests/data/facts_dev2/)."""

from __future__ import annotations

import pytest

from tests.facts_helpers import casualty_counts, exchange_counts, officials, vote_counts


def test_updated_toll_keeps_the_injured_count_it_updates() -> None:
    text = ("Shelling killed at least 23 people and wounded 41 others at a market on Saturday. "
            "By Sunday the death toll had risen to 31, medics said.")
    assert casualty_counts(text) == [(31, 41)]


def test_bringing_the_toll_to_is_an_update() -> None:
    text = ("Four people were killed and 58 injured in the crash. On Wednesday a fifth victim died, "
            "bringing the death toll to five.")
    assert casualty_counts(text) == [(5, 58)]


def test_another_count_in_the_next_sentence_joins_the_incident() -> None:
    text = "Gunmen attacked an army post, killing at least 20 people. Another 25 soldiers were wounded."
    assert casualty_counts(text) == [(20, 25)]


def test_a_separate_incident_in_the_next_sentence_stays_separate() -> None:
    text = "Two people were killed in a strike on Kharkiv. In Sumy, five people were injured."
    assert casualty_counts(text) == [(2, None), (None, 5)]


@pytest.mark.parametrize("text, expected", [
    ("More than 150,000 people are estimated to have died since the war began.", [(150000, None)]),
    ("Attacks in the region killed more than 7,600 people last year.", [(7600, None)]),
    ("Three volunteers were shot dead at a checkpoint on Friday.", [(3, None)]),
])
def test_hedged_and_trailing_casualty_counts(text: str, expected: list) -> None:
    assert casualty_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The St. Paul school board voted 5-2 to approve a contract, and the Duluth city council rejected "
     "a proposal to outsource ambulance services 3-6.", [(5, 2, None), (3, 6, None)]),
    ("The resolution was adopted with 13 votes in favour, none against and two abstentions.", [(13, 0, 2)]),
    ("The measure received 217 votes, with 212 opposed.", [(217, 212, None)]),
    ("In the Knesset, 64 lawmakers voted for the bill and 55 against.", [(64, 55, None)]),
    ("The resolution received 412 million votes against and 297 million in favour.", [(297000000, 412000000, None)]),
])
def test_more_tally_phrasings(text: str, expected: list) -> None:
    assert vote_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Eight foreign hostages, including two Italians, were freed in exchange for 23 jailed militants.", [[8, 23]]),
    ("Israel and Hezbollah swapped the remains of two soldiers for five Lebanese detainees.", [[2, 5]]),
    ("Hamas will release 33 hostages while Israel frees about 1,900 Palestinian prisoners.", [[33, 1900]]),
    ("Hamas is to release 10 hostages a day while Israel frees 30 prisoners for each day of calm.", []),
])
def test_more_release_and_swap_phrasings(text: str, expected: list) -> None:
    assert exchange_counts(text) == expected


def test_confirmed_as_names_the_office() -> None:
    text = "The Senate confirmed Adaeze Okafor as labor secretary on Wednesday."
    assert officials(text, "Adaeze Okafor") == {("Adaeze Okafor", "labor secretary")}


def test_an_office_and_a_rank_before_a_name_are_two_roles() -> None:
    text = "Army spokesman Col. Moussa Traore said reinforcements had been sent."
    assert officials(text, "Moussa Traore") == {("Moussa Traore", "Army spokesman"), ("Moussa Traore", "Colonel")}


def test_coordinator_is_a_role() -> None:
    text = "The UN humanitarian coordinator for Sudan, Clementine Nkweta-Salami, said she was appalled."
    roles = {r for _, r in officials(text, "Clementine Nkweta-Salami")}
    assert any("coordinator" in r for r in roles)
