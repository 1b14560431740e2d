"""Exchange facts, round 21: the other side told again by a pronoun, by "the" or by a restatement ("They were freed
...", "their bodies", "the three Afghans"), answers that open with "In return," / "in turn" / "For its part," whose
count has an unusual shape ("the five-member crew", "the skipper and his deputy", "the bodies of nine militants" far
from its verb)."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_bodies_told_after_a_long_recipient_phrase() -> None:
    text = ("Rebels free soldiers\n\n"
            "The rebels released the remains of four army conscripts captured in a 2021 ambush. For its part, the "
            "government handed over to grieving relatives the bodies of seven rebels that had been kept "
            "in a military hospital, the Red Cross said of the exchange.")
    assert exchange_counts(text) == [[4, 7]]


def test_guard_bodies_far_after_an_unrelated_handover() -> None:
    text = ("Storm hits the coast\n\n"
            "The mayor handed a list of damaged homes to the governor on Monday, and the bodies of five fishermen were "
            "still missing at sea. Officials said a deal on relief funds was close.")
    assert exchange_counts(text) == []


def test_answer_told_as_a_sized_crew() -> None:
    text = ("Trawler crews go home\n\n"
            "Nine fishermen from Sfax whose boat was seized off Misrata in June were returned home on Monday. In "
            "return, Tunisia released the six-member crew of a Maltese supply ship that had been held in Sousse, "
            "the coastguard said.")
    assert exchange_counts(text) == [[9, 6]]


def test_answer_told_as_two_people_joined() -> None:
    text = ("Lake detainees freed\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. Kenya, in turn, "
            "released the boat's Ugandan captain and his engineer, who had been held in Kisumu since April.")
    assert exchange_counts(text) == [[5, 2]]


def test_guard_a_captain_and_his_crew_is_no_pair() -> None:
    text = ("Lake detainees freed\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. Kenya, in turn, "
            "released the Ugandan captain and his crew, who had been held in Kisumu since April.")
    assert exchange_counts(text) == []


def test_guard_a_sized_group_that_is_not_handed_over() -> None:
    text = ("Talks on detainees\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. In return, Kenya "
            "appointed a three-member team to review the cases of detained Ugandans, the ministry said.")
    assert exchange_counts(text) == []


def test_quoted_object_of_a_release_verb() -> None:
    text = ("Remains handed back at the crossing\n\n"
            "The remains of nine militia fighters killed in the spring fighting were returned to their families on "
            "Monday. The army said in a statement that it had received \"the bodies of three missing soldiers\" at "
            "the same crossing.")
    assert exchange_counts(text) == [[9, 3]]


def test_guard_quoted_words_that_are_no_people() -> None:
    text = ("Remains handed back at the crossing\n\n"
            "The remains of nine militia fighters killed in the spring fighting were returned to their families on "
            "Monday. The army said it had received \"three guarantees\" at the same crossing.")
    assert exchange_counts(text) == []
