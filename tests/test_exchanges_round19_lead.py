"""Exchange facts, round 19: the article's lead release answered further down by the other side's release, tied to it by
the deal or by the hours between them (reader/nlp/facts/lead_pairs.py)."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts

_FILLER = ("The road between the two towns was reopened on Wednesday. Traders said prices of maize had doubled since "
           "the spring. A local radio station said schools would reopen next week. ")


def test_answer_tied_by_the_deal() -> None:
    text = ("Six engineers freed in eastern Congo\n\n"
            "Six road engineers kidnapped in North Kivu in July have been released, the provincial governor said on "
            "Tuesday. " + _FILLER +
            "A police spokesman later confirmed that 13 detainees had been set free as part of the understanding "
            "reached with the kidnappers.")
    assert exchange_counts(text) == [[6, 13]]


def test_answer_tied_in_time_in_a_swap_story() -> None:
    text = ("Villagers free nine soldiers in Guerrero\n\n"
            "Residents of a mountain village freed nine soldiers on Saturday after holding them for a day, state "
            "officials said. " + _FILLER +
            "Hours before the soldiers walked free, prosecutors released four farmers detained during a raid. "
            "The governor denied any trade.")
    assert exchange_counts(text) == [[9, 4]]


def test_hours_earlier_is_the_same_event() -> None:
    text = ("Fishermen go home across the lake\n\n"
            "Twelve Ugandan fishermen detained by Kenyan police arrived home in Jinja on Friday. "
            "Hours earlier, 15 Kenyan fishermen held in Uganda had been handed over at the border post. "
            "The simultaneous releases were agreed at talks last week.")
    assert exchange_counts(text) == [[12, 15]]


def test_guard_more_of_the_same_side_is_no_answer() -> None:
    text = ("Hostages freed in Zamfara\n\n"
            "Eight hostages abducted from a farm were released on Sunday, police said. " + _FILLER +
            "Hours later, two more hostages were freed, officials said, denying that any deal had been made.")
    assert exchange_counts(text) == []


def test_guard_same_people_noun_is_no_answer() -> None:
    text = ("Hostages freed in Zamfara\n\n"
            "Eight hostages abducted from a farm were released on Sunday, police said. " + _FILLER +
            "A day after that, three hostages held in a nearby forest were freed, officials said, denying any deal.")
    assert exchange_counts(text) == []


def test_guard_background_release_is_no_answer() -> None:
    text = ("Aid workers freed in Mali\n\n"
            "Three aid workers abducted in Gao in May have been released, the UN said on Monday. " + _FILLER +
            "Last year, 11 detainees were freed as part of a deal with the same group.")
    assert exchange_counts(text) == []


def test_guard_one_sided_release_without_a_tie() -> None:
    text = ("Aid workers freed in Mali\n\n"
            "Three aid workers abducted in Gao in May have been released, the UN said on Monday. " + _FILLER +
            "Police said 11 detainees were released on bail on Friday after a court hearing.")
    assert exchange_counts(text) == []


def test_guard_lead_counting_both_sides_is_no_side() -> None:
    text = ("Fishermen return home\n\n"
            "A total of 40 fishermen returned home on Sunday after the two countries carried out a reciprocal "
            "handover. Of them, 22 Indian fishermen were handed over by Pakistan, while 18 Pakistani fishermen were "
            "sent back by India. " + _FILLER +
            "Hours later, six Indian boats were also released as part of the same deal.")
    assert [40, 6] not in exchange_counts(text) and [6, 40] not in exchange_counts(text)


def test_guard_two_answers_are_ambiguous() -> None:
    text = ("Aid workers freed in Mali\n\n"
            "Three aid workers abducted in Gao in May have been released, the UN said on Monday. " + _FILLER +
            "Officials said nine detainees were freed as part of the agreement. " + _FILLER + _FILLER +
            "A judge said 14 prisoners were also released under the deal.")
    assert exchange_counts(text) == []
