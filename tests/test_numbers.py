"""Numbers in words and digits."""

from __future__ import annotations

import pytest

from reader.nlp.numbers import find_numbers, is_year, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("four", 4), ("Four", 4), ("twenty-one", 21), ("twenty one", 21), ("a dozen", 12), ("3,200", 3200),
        ("1.5 million", 1_500_000), ("two hundred", 200), ("two hundred and fifty", 250), ("1bn", 10**9),
        ("4bn", 4 * 10**9), ("1.5m", 1_500_000), ("half a million", 500_000), ("a million", 10**6),
        ("one hundred thousand", 100_000), ("seventeen", 17), ("0.5", 0.5), ("$4bn", 4 * 10**9),
        ("12,500,000", 12_500_000), ("three dozen", 36),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["dozens", "hundreds", "a", "several", "", "three four", "5-4", "apple", "and"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_find_numbers_in_tokens() -> None:
    words = "killing four people and wounding 31 others , more than a dozen injured".split()
    found = [(n.start, n.end, n.value) for n in find_numbers(words)]
    assert found == [(1, 2, 4), (5, 6, 31), (10, 12, 12)]


def test_years() -> None:
    assert is_year("2019") and is_year("1945")
    assert not is_year("3200") and not is_year("201") and not is_year("2,019")
