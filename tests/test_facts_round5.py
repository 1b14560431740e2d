"""Round five of fact tests: general rules added while the third blind set was being written."""

from __future__ import annotations

import reader.nlp.facts.base as base
from reader.nlp.facts import extract_facts
from tests.facts_helpers import facts_of, make_doc


def _casualties(text: str) -> list[tuple[int | None, int | None]]:
    return [(f.fields["killed"], f.fields["injured"]) for f in extract_facts(make_doc(text)) if f.kind == "casualties"]


def _exchanges(text: str) -> list[list[int]]:
    return [d["counts"] for d in facts_of(text, "exchange")]


def test_a_deadline_is_not_a_sentence_about_deaths() -> None:
    text = "Drivers missed the deadline on Friday. The toll on the bridge rose to 12 dollars."
    assert _casualties(text) == []


def test_a_toll_after_a_sentence_about_the_dead_still_counts() -> None:
    text = "Rescuers pulled three more dead from the rubble. The toll rose to 41."
    assert _casualties(text) == [(41, None)]


def test_the_other_side_of_a_handover_can_be_flown_or_transferred() -> None:
    text = ("On Sunday the rebels freed eight more hostages, while the government flew 14 prisoners "
            "to the eastern city of Bukavu.")
    assert _exchanges(text) == [[8, 14]]
    text = "Kyiv released 12 detainees in return, while Moscow transferred 15 prisoners of war to Belarus."
    assert _exchanges(text) == [[12, 15]]


def test_flights_without_a_return_cue_are_not_exchanges() -> None:
    assert _exchanges("The air force flew 14 soldiers to the front and freed two roads.") == []


def test_sentence_views_are_the_same_whether_kept_or_released(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = ("Two people were killed and 31 wounded, police said. Sen. Maria Holt, D-Ore., the minority whip, "
            "voted against the bill, which passed 52-48. Twenty soldiers were exchanged for 20 prisoners.")
    kept = extract_facts(make_doc(text))
    monkeypatch.setattr(base, "KEEP_TOKENS", 0)
    assert extract_facts(make_doc(text)) == kept and len(kept) >= 3
