"""Vote, exchange and casualty facts on many hand-written news sentences, positives and negatives."""

from __future__ import annotations

import pytest

from tests.facts_helpers import facts_of, make_doc

CASUALTIES = [
    ("The strike hit a market, killing four people and wounding 31 others.", (4, 31)),
    ("Two people were killed in shelling in the port city, officials said.", (2, None)),
    ("The blast left at least nine dead.", (9, None)),
    ("More than a dozen were injured in the stampede.", (None, 12)),
    ("Nearly 600 soldiers have died since 2019, the ministry said.", (600, None)),
    ("The death toll rose to 17 on Monday.", (17, None)),
    ("Three were hurt when the roof collapsed.", (None, 3)),
    ("The attack killed 12 people and injured 40.", (12, 40)),
    ("At least 23 people, including four children, were killed in the airstrike.", (23, None)),
    ("Eleven civilians died and 20 were wounded.", (11, 20)),
    ("The earthquake has killed more than 1,500 people, officials said.", (1500, None)),
    ("Five Palestinians were killed and dozens wounded in the raid.", (5, None)),
    ("The crash claimed 12 lives.", (12, None)),
    ("The floods killed at least 41 people across three provinces and injured 120.", (41, 120)),
    ("Officials reported 35 deaths and 112 injuries.", (35, 112)),
    ("A bus overturned on the highway, injuring twenty-one passengers.", (None, 21)),
    ("Police said two officers were wounded in the shootout.", (None, 2)),
    ("Seven members of the same family were killed when the house collapsed.", (7, None)),
    ("The official death toll stands at 214.", (214, None)),
    ("Rescuers said 8 people died and 15 were injured in the fire.", (8, 15)),
]


@pytest.mark.parametrize("text, expected", CASUALTIES, ids=[c[0][:40] for c in CASUALTIES])
def test_casualties(text: str, expected: tuple) -> None:
    found = facts_of(text, "casualties")
    assert [(f["killed"], f["injured"]) for f in found] == [expected]


NO_CASUALTIES = [
    "He killed two birds with one stone.",
    "In 2019, the company hired 300 workers.",
    "Two people familiar with the matter said the deal was close.",
    "The 2019 attack killed dozens.",
    "He was killed in 2014.",
    "Police said 14 people were killed or injured.",
    "The storm left 3 million homes without power.",
    "Two years after her husband was killed, she moved to Kyiv.",
    "The plan would kill 30% of the jobs.",
    "The virus killed millions of people worldwide.",
    "Three of the suspects were arrested.",
]


@pytest.mark.parametrize("text", NO_CASUALTIES, ids=[c[:40] for c in NO_CASUALTIES])
def test_no_casualties(text: str) -> None:
    assert facts_of(text, "casualties") == []


VOTES = [
    ("The Supreme Court voted 5-4 to uphold the law.", (5, 4, None)),
    ("The measure passed 52-48 in the Senate.", (52, 48, None)),
    ("The amendment was rejected by a vote of 210 to 198.", (198, 210, None)),
    ("The House rejected the bill 212-203 on Friday.", (203, 212, None)),
    ("The measure was defeated 47-53 in the Senate.", (47, 53, None)),
    ("The Senate approved the nominee 98-0 on Tuesday.", (98, 0, None)),
    ("The motion was carried by 310 votes to 12.", (310, 12, None)),
    ("The resolution received 120 votes in favour, 9 against and 30 abstentions.", (120, 9, 30)),
    ("The council adopted the resolution with 13 votes in favour and two abstentions.", (13, None, 2)),
    ("The resolution was backed by 141 countries, while five voted against and 32 abstained.", (141, 5, 32)),
    ("The court ruled 6-3 that the program was unconstitutional.", (6, 3, None)),
    ("Lawmakers voted 287-140 to approve the package.", (287, 140, None)),
]


@pytest.mark.parametrize("text, expected", VOTES, ids=[c[0][:40] for c in VOTES])
def test_votes(text: str, expected: tuple) -> None:
    found = facts_of(text, "vote")
    assert [(f["for"], f["against"], f["abstain"]) for f in found] == [expected]


def test_vote_split_across_two_sentences_is_merged() -> None:
    text = ("An unrelated opening sentence. The assembly's resolution was supported by 99 states, while 40 "
            "nations abstained. Apart from the sponsor, seven countries rejected the resolution. Another line.")
    doc = make_doc(text)
    from reader.nlp.facts import extract_facts

    (vote,) = [f for f in extract_facts(doc) if f.kind == "vote"]
    assert (vote.fields["for"], vote.fields["against"], vote.fields["abstain"]) == (99, 7, 40)
    assert doc.slice(vote.evidence).startswith("The assembly's resolution")
    assert doc.slice(vote.evidence).endswith("rejected the resolution.")


NO_VOTES = [
    "Lawmakers voted to extend the program.",
    "Manchester United won 3-1 on Saturday.",
    "Prices rose from 20 to 30 dollars.",
    "The resolution was drafted by 12 diplomats over 2 weeks.",
    "Voters will go to the polls in 2024.",
    "Ukraine rejects accusations that it targets civilians.",
]


@pytest.mark.parametrize("text", NO_VOTES, ids=[c[:40] for c in NO_VOTES])
def test_no_votes(text: str) -> None:
    assert facts_of(text, "vote") == []


EXCHANGES = [
    ("Officials confirmed that 20 Ukrainian service personnel were exchanged for 20 Russian soldiers.",
     [20, 20], "Ukrainian service personnel / Russian soldiers"),
    ("Russia swapped 50 prisoners for 48 on Tuesday.", [50, 48], "prisoners"),
    ("The deal included a prisoner swap involving 100 on each side.", [100, 100], "prisoners"),
    ("Kyiv freed 215 fighters in exchange for 55 of its own.", [215, 55], "fighters"),
    ("The two countries exchanged 95 prisoners of war each.", [95, 95], "prisoners of war"),
    ("Israel released 39 Palestinian prisoners in return for 13 hostages.", [39, 13], "Palestinian prisoners / hostages"),
]


def test_one_sided_exchange_becomes_a_quantity() -> None:
    text = "Moscow said 64 soldiers had been returned in a prisoner exchange."
    assert facts_of(text, "exchange") == []
    assert [(f["value"], f["unit"]) for f in facts_of(text, "quantity")] == [(64, "soldiers")]


@pytest.mark.parametrize("text, counts, what", EXCHANGES, ids=[c[0][:40] for c in EXCHANGES])
def test_exchanges(text: str, counts: list, what: str) -> None:
    found = facts_of(text, "exchange")
    assert [(f["counts"], f["what"]) for f in found] == [(counts, what)]


NO_EXCHANGES = [
    "Troops exchanged fire across the border.",
    "The two leaders exchanged views on trade for 90 minutes.",
    "The exchange rate fell 5% against the dollar.",
    "They signed a trade deal worth $4bn.",
    "Police released 12 protesters on Monday.",
]


@pytest.mark.parametrize("text", NO_EXCHANGES, ids=[c[:40] for c in NO_EXCHANGES])
def test_no_exchanges(text: str) -> None:
    assert facts_of(text, "exchange") == []
