"""Round nineteen of casualty fact tests, written after the thirteenth blind set was read: how news tells one
incident's toll across clauses and sentences. Wounded people "one of whom later died" move from the injured to the
dead; each rule has a guard that keeps another incident or the stated figures apart."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- "N of whom later died": the wounded who died are counted among the dead -----------------------------


def test_one_of_the_wounded_who_later_died_joins_the_dead() -> None:
    text = ("Border guards fired on a smuggling boat off the cape in March, killing one sailor and wounding three "
            "others, one of whom later died in hospital in the port city.")
    assert casualty_counts(text) == [(2, 2)]


def test_a_wounded_count_with_no_deaths_before_gives_the_one_who_died() -> None:
    text = ("On Friday, a roadside bomb wounded four police officers near the bridge, two of whom later succumbed "
            "at the district hospital, the ministry said.")
    assert casualty_counts(text) == [(2, 2)]


def test_a_toll_given_in_the_same_sentence_keeps_the_injured_figure() -> None:
    text = ("A gas explosion at a market on Monday killed 12 people and injured 30, one of whom later died in "
            "hospital, officials said on Tuesday, raising the death toll to 13.")
    assert casualty_counts(text) == [(13, 30)]


def test_of_whom_in_critical_condition_is_not_a_death() -> None:
    text = ("The crash killed two passengers and injured nine others, three of whom were in critical condition, "
            "police said.")
    assert casualty_counts(text) == [(2, 9)]
