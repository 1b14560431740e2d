"""Date and quantity facts; numbers already used by other facts are not repeated as quantities."""

from __future__ import annotations

import pytest

from tests.facts_helpers import facts_of


@pytest.mark.parametrize(
    "text, dates",
    [
        ("The invasion began on 24 February.", ["24 February"]),
        ("The law took effect Jan. 5, 2023, after a long fight.", ["Jan. 5, 2023"]),
        ("Prices have doubled since March 2022.", ["March 2022"]),
        ("Speaking on Thursday, he said the peninsula was annexed in 2014.", ["Thursday", "2014"]),
        ("The report, dated 2023-06-01, was leaked.", ["2023-06-01"]),
        ("Talks resume on Monday, September 4.", ["Monday, September 4"]),
        ("Elections are due in October.", ["October"]),
    ],
)
def test_dates(text: str, dates: list[str]) -> None:
    assert [f["text"] for f in facts_of(text, "date")] == dates


@pytest.mark.parametrize(
    "text",
    ["He may resign.", "The 2,019 votes were counted.", "She scored 20 points.", "Thursday's meeting was cancelled."],
)
def test_not_dates(text: str) -> None:
    assert facts_of(text, "date") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("About 1.5 million people fled the region.", [(1_500_000, "people")]),
        ("The alliance sent 3,200 troops.", [(3200, "troops")]),
        ("The company raised $4bn last year.", [(4 * 10**9, "USD")]),
        ("Turnout fell to 20% in the capital.", [(20, "%")]),
        ("Nato said it would send dozens of jammers.", []),
        ("He visited two major cities and 14 villages.", [(2, "major cities"), (14, "villages")]),
    ],
)
def test_quantities(text: str, expected: list) -> None:
    assert [(f["value"], f["unit"]) for f in facts_of(text, "quantity")] == expected


def test_counts_of_other_facts_are_not_quantities() -> None:
    text = "The strike killed 12 people. Officials said 20 Ukrainian soldiers were exchanged for 20 Russian soldiers."
    assert facts_of(text, "quantity") == []
    assert facts_of(text, "casualties") and facts_of(text, "exchange")


def test_years_and_dates_are_not_quantities() -> None:
    text = "On 24 February 2022, 190,000 soldiers crossed the border."
    assert facts_of(text, "quantity") == [
        {"kind": "quantity", "evidence": {"start": 0, "end": len(text)}, "value": 190000, "unit": "soldiers"}
    ]
