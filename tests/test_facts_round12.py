"""Exchange sides the explicit-connective rule missed before blind12 was read: one person, remains in sets, "ones"."""

from __future__ import annotations

import pytest

from reader.pipeline import analyze


def _exchanges(text: str) -> list[list[int]]:
    return [f.fields["counts"] for f in analyze(text).facts if f.kind == "exchange"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # one person freed, told by a singular noun phrase, before "in exchange for"
        ("In 2020 the militia freed a Canadian priest it had held for two years in exchange for 12 of its "
         "members jailed in the capital, officials said.", [1, 12]),
        # one person after "in return for the release of"
        ("Farmers handed over six soldiers in return for the release of the mayor of the district, "
         "who had been detained on Monday.", [6, 1]),
        # remains counted in sets, the second side as "ones"
        ("Four years ago, seven sets of Estonian remains were traded for ten Latvian ones at the border.", [7, 10]),
        # the first side far from the cue, with its release verb between
        ("Fourteen inmates had been moved from the northern prison over the weekend before the handover "
         "and released in exchange for the three nurses, the sources said.", [14, 3]),
    ],
)
def test_explicit_connective_sides(text: str, counts: list[int]) -> None:
    assert _exchanges(text) == [counts]


@pytest.mark.parametrize(
    "text",
    [
        "The agency released a statement in exchange for 5 dollars paid by each subscriber.",
        "The two governments exchanged 3 notes on the border question last week.",
        "The company released a report on Friday, and in exchange for 40 hours of work staff get a day off.",
    ],
)
def test_no_exchange_from_things(text: str) -> None:
    assert _exchanges(text) == []
