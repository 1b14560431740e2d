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
