"""Exchange facts, round 24: people named by a plural compound in "-men" ("boatmen", "tribesmen") as a side."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_boatmen_are_people_released() -> None:
    text = ("Boatmen and traders go home\n\n"
            "The rebels released 11 Uzbek boatmen on Tuesday, officials said, in a swap that also saw the army "
            "free 14 Afghan traders.")
    assert exchange_counts(text) == [[11, 14]]


def test_tribesmen_and_herdsmen_as_two_sides() -> None:
    text = ("Captives swapped\n\n"
            "The militia handed over nine Dinka tribesmen in exchange for six Nuer herdsmen on Friday, elders said.")
    assert exchange_counts(text) == [[9, 6]]


def test_regimen_is_no_people() -> None:
    text = ("Clinic swap\n\n"
            "The clinic swapped 11 regimen doses for 14 cheaper ones, officials said.")
    assert exchange_counts(text) == []
