"""Round 24 vote rules, on sentences written for these tests (none taken from an eval article)."""

from __future__ import annotations

import pytest

from tests.facts_helpers import facts_of, vote_counts


def _votes_with_people(text: str, *persons: str) -> list[tuple[object, object, object]]:
    """The (for, against, abstain) triples of the vote facts, with PERSON entities placed on `persons`."""
    return [(d["for"], d["against"], d["abstain"]) for d in facts_of(text, "vote", persons)]


@pytest.mark.parametrize("text, expected", [
    # an "of" phrase between the voters and their verb
    ("In Tuesday's ballot, 1,204 members of the two dockers' unions backed the pay offer, 388 opposed it and 41 "
     "abstained, organisers said.", [(1204, 388, 41)]),
    # "voted to <any verb>" is a count in favour
    ("Of the 150 deputies present, 96 voted to censure the cabinet, 40 voted against and 9 abstained.",
     [(96, 40, 9)]),
    # a colon tally with a vote noun after it
    ("Bail was refused by a bench of the appeals court in a 2:1 majority ruling.", [(2, 1, None)]),
    ("The tribunal upheld the fine in a 4:1 decision on Monday.", [(4, 1, None)]),
    # "N votes against M"
    ("The charter change fell short last spring, winning 41 votes against 19, after two members broke ranks.",
     [(41, 19, None)]),
])
def test_vote_wordings(text: str, expected: list) -> None:
    assert vote_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The vote was set for 10:30 a.m. and the council met for the 7:45 vote.", []),  # times
    ("The plan passed with a 3:1 ratio of support among donors.", []),  # a ratio
    ("Some 300 members of the union marched on Monday, and the motion was backed by 20 delegates.",
     [(20, None, None)]),  # the "of" phrase ends without a vote verb
    ("The 40 members of the board met on Monday and voted 5-3.", [(5, 3, None)]),
    ("It drew 38 votes against 16 abstentions.", [(None, 38, 16)]),  # "against" then abstentions, no tally
    ("Rovers beat Albion 3-1 at home, with the majority of fans staying to the end.", []),  # a sports score
    ("The council, whose members are aged 45-60, met on Monday and adopted no motion.", []),  # ages
])
def test_vote_guards(text: str, expected: list) -> None:
    assert vote_counts(text) == expected


def test_named_abstainer_counts_one_each() -> None:
    assert _votes_with_people("The levy passed 11-3, with Ald. Marta Kovacs abstaining, after a long debate.",
                              "Marta Kovacs") == [(11, 3, 1)]
    assert _votes_with_people("The levy passed 11-3, with Ana Berg and Tom Lind abstaining.",
                              "Ana Berg", "Tom Lind") == [(11, 3, 2)]


def test_party_abstaining_is_no_count() -> None:
    assert vote_counts("The levy passed 30-12, with Labour abstaining.") == [(30, 12, None)]
    assert vote_counts("The levy passed 30-12, with Ana Berg abstaining.") == [(30, 12, None)]  # no PERSON found


def test_whole_body_count_before_a_tally_is_kept() -> None:
    text = ("The assembly in Velmora approved the budget, with 88 of the 97 members present voting in favour. "
            "The upper council had earlier endorsed the framework by 41 votes to 6.")
    assert vote_counts(text) == [(88, None, None), (41, 6, None)]


def test_subgroup_before_a_tally_still_dropped() -> None:
    text = ("Twelve Labour MPs voted against the whip. The bill passed by 310 votes to 250.")
    assert vote_counts(text) == [(310, 250, None)]


def test_the_no_votes_of_an_earlier_tally_are_no_vote() -> None:
    text = ("The council voted 5-2 on Tuesday to put the bond on the ballot. It will cost $40 million. "
            "Residents spoke for hours. The mayor praised staff. Work starts in May. "
            "The two no votes came from Council Member Ana Ruiz and Council Member Ben Ode.")
    assert vote_counts(text) == [(5, 2, None)]
    assert vote_counts("The motion drew 14 no votes and 30 yes votes.") == [(30, 14, None)]
