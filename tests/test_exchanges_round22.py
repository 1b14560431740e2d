"""Exchange facts, round 22: people "flown to" a city as one side of a swap, a swap's total split into two nations'
counts set off by dashes, an answer that opens with "In exchange for the four," and a total freed by two parties that
is no side."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_passive_flown_to_a_city_is_a_release() -> None:
    text = ("Sailors and fishermen go home\n\n"
            "Eight Omani sailors held in Yemen for three months were flown to Muscat on Tuesday, officials said, "
            "hours after Oman repatriated five Yemeni fishermen through the Sarfait crossing.")
    assert exchange_counts(text) == [[8, 5]]


def test_guard_flown_to_hospital_is_no_release() -> None:
    text = ("Crash on the highway\n\n"
            "Eight Omani soldiers hurt in the crash were flown to hospital on Tuesday, hours after Oman repatriated "
            "five Yemeni fishermen through the Sarfait crossing.")
    assert exchange_counts(text) == []


def test_guard_flown_to_a_city_without_a_second_side() -> None:
    text = ("Sailors go home\n\n"
            "Eight Omani sailors held in Yemen for three months were flown to Muscat on Tuesday, officials said.")
    assert exchange_counts(text) == []


def test_total_split_into_two_nations_by_dashes() -> None:
    text = ("Fishermen return\n\n"
            "Twenty-five fishermen returned home on Friday — 14 Kenyans held in Uganda and 11 Ugandans held in "
            "Kenya — in a swap agreed by the two fisheries ministers.")
    assert exchange_counts(text) == [[14, 11]]


def test_guard_split_that_does_not_add_up() -> None:
    text = ("Fishermen return\n\n"
            "Twenty-five fishermen returned home on Friday — 14 Kenyans held in Uganda and 9 Ugandans held in "
            "Kenya — in a swap agreed by the two fisheries ministers.")
    assert [14, 11] not in exchange_counts(text)
    assert [25, 9] not in exchange_counts(text)


def test_guard_split_into_women_and_children_is_no_swap() -> None:
    text = ("Captives freed\n\n"
            "Twenty captives were freed on Friday — 12 women and 8 children held in the forest — in a swap that "
            "officials would not describe.")
    assert [12, 8] not in exchange_counts(text)


def test_guard_answer_opening_in_exchange_for_the_count_still_pairs() -> None:
    text = ("Villages free captives\n\n"
            "Residents of San Pedro released three farmers they had held since Monday. The three were handed to a "
            "church delegation at the river. In exchange for the three, the council of Santa Ana let go of seven "
            "men who had been held in the town jail, the state government said.")
    assert exchange_counts(text) == [[3, 7]]


def test_guard_in_exchange_for_the_year_is_no_count() -> None:
    text = ("Villages free captives\n\n"
            "In return for the 2019 accord, the council of Santa Ana let go of seven men who had been held in the "
            "town jail, the state government said.")
    assert exchange_counts(text) == []


def test_total_freed_by_two_communities_is_no_side() -> None:
    text = ("Villages swap captives\n\n"
            "Two feuding communities in the highlands freed more than a dozen captives Sunday in a swap brokered "
            "by the church, officials said. Residents of San Pedro released four people they had held since "
            "Wednesday.")
    assert [12, 4] not in exchange_counts(text)


def test_guard_one_side_then_the_other_still_pairs() -> None:
    text = ("Villages swap captives\n\n"
            "The rebels freed eleven captives Sunday in a swap brokered by the church, officials said. The army "
            "released four fighters it had held since Wednesday.")
    assert exchange_counts(text) == [[11, 4]]


def test_guard_flown_in_a_relative_clause_is_the_same_people() -> None:
    text = ("Fishermen freed in swap\n\n"
            "Kenya released 10 Ugandan fishermen on Tuesday. Kampala reciprocated hours after the fishermen left "
            "Busia. Uganda freed seven Kenyan nationals - four police officers captured during the June clash and "
            "three fishermen arrested in May - who were flown to Nairobi on a chartered plane late on Wednesday.")
    assert [7, 3] not in exchange_counts(text)


_QUARRY = ("Eleven abducted quarry workers freed\n\n"
           "Gunmen on Tuesday released all 11 workers of a quarry company who were abducted from a site near the "
           "river last week, officials said. The men were handed over to village elders and taken to hospital for "
           "check-ups. The district chief confirmed the release but would not discuss the terms under which they "
           "had been freed. A police officer said the authorities had, two days earlier, set free five men, among "
           "them a brother of a gang leader, who had been held without charge.")


def test_lead_answered_by_a_release_tied_by_the_terms_under_which() -> None:
    assert exchange_counts(_QUARRY) == [[11, 5]]


def test_guard_no_terms_no_answer() -> None:
    text = _QUARRY.replace(" but would not discuss the terms under which they had been freed", "")
    assert exchange_counts(text) == []


def test_guard_terms_of_a_prison_sentence_tie_nothing() -> None:
    text = _QUARRY.replace("the terms under which they had been freed", "the prison terms of the gang's members")
    assert exchange_counts(text) == []
