"""An age is never a casualty count: "a man of 70", "a woman aged 71", "aged between 20 and 40", "X, 34,"; the
count of people before an age phrase still is."""

from __future__ import annotations

import pytest

from tests.facts_helpers import casualty_counts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A man of 70 was killed when the wall fell on Tuesday.", [(1, None)]),
        ("A woman aged 71 was killed when the bus left the road.", [(1, None)]),
        ("Two men aged 30 and 35 were killed in the shooting.", [(2, None)]),
        ("Seven people aged between 20 and 40 died after drinking the bootleg liquor.", [(7, None)]),
        ("Four children aged 8 to 12 were injured when the roof gave way.", [(None, 4)]),
    ],
)
def test_the_count_is_the_people_not_their_age(text: str, want: list) -> None:
    assert casualty_counts(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Residents aged 60 and over were hurt by the cuts, the union said.",
        "Ana Ruiz, 34, died in hospital on Sunday.",
    ],
)
def test_an_age_alone_is_no_count(text: str) -> None:
    assert all(killed != 34 and injured != 60 for killed, injured in casualty_counts(text))


def test_guard_a_count_after_of_with_its_people_noun_stays() -> None:
    assert casualty_counts("A convoy of 12 vehicles was hit and four soldiers were killed.") == [(4, None)]
