"""Round eleven of fact tests, written after the eleventh blind set was read: releases that mirror each other far
apart in an article (reader/nlp/facts/mirror_pairs.py: each side frees the other's people), a subject before "for
its part", "82 of the abducted schoolgirls", "were brought back", a number inside a place name, the headline's
count told again beside "reciprocal", and the guards that keep one side acting twice and background releases out."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts, exchange_counts

_FILLER = "".join(
    f"Traders in market number {n} reopened their stalls on Friday after weeks of closures.\n\n" for n in range(1, 9)
)

# --- releases that mirror each other ---------------------------------------------------------------------


def test_each_side_freeing_the_others_people_far_apart_is_one_exchange() -> None:
    text = (
        "Neighbours free detainees as talks resume\n\n"
        "KAMPALA - Uganda on Tuesday handed over 14 Rwandan nationals who had been held by military intelligence "
        "for months, officials said.\n\n"
        f"{_FILLER}"
        "On Wednesday evening, nine Ugandans arrived in Kampala aboard a commercial flight, relatives said.\n"
    )
    assert exchange_counts(text) == [[14, 9]]


def test_remains_handed_back_far_apart_mirror_the_first_handover() -> None:
    text = (
        "Remains of missing citizens returned\n\n"
        "Iraq has handed over to Kuwait the remains of 17 people believed to be Kuwaiti citizens who disappeared "
        "during the occupation.\n\n"
        f"{_FILLER}"
        "Kuwaiti officials handed back the remains of nine Iraqi soldiers whose graves were found near the border.\n"
    )
    assert exchange_counts(text) == [[17, 9]]


def test_the_subject_before_for_its_part_is_the_side_that_frees() -> None:
    text = (
        "Prisoners handed over at border crossing\n\n"
        "Iranian authorities on Wednesday handed over 63 Pakistani prisoners to officials at the border crossing.\n\n"
        f"{_FILLER}"
        "Pakistan, for its part, handed over 19 Iranian nationals who had completed their sentences, a spokesperson "
        "said.\n"
    )
    assert exchange_counts(text) == [[63, 19]]


def test_one_side_freeing_the_same_peoples_nationals_twice_is_no_exchange() -> None:
    text = (
        "Detainees freed\n\n"
        "Uganda on Tuesday handed over 14 Rwandan nationals who had been held for months, officials said.\n\n"
        f"{_FILLER}"
        "Uganda also freed nine Rwandan traders on Wednesday, their families said.\n"
    )
    assert exchange_counts(text) == []


def test_a_release_told_as_background_does_not_answer_todays() -> None:
    text = (
        "Detainees freed\n\n"
        "Uganda on Tuesday handed over 14 Rwandan nationals who had been held for months, officials said.\n\n"
        f"{_FILLER}"
        "Last year, Rwanda freed nine Ugandans accused of spying.\n"
    )
    assert exchange_counts(text) == []


# --- stricter rules widened ----------------------------------------------------------------------------------


def test_a_part_of_the_people_is_a_count_of_people() -> None:
    text = (
        "Aid workers freed\n\n"
        "The arrangement echoes a 2017 deal in which 82 of the abducted schoolgirls were freed in exchange for five "
        "militant commanders.\n"
    )
    assert exchange_counts(text) == [[82, 5]]


def test_people_brought_back_while_the_other_side_releases_its_own() -> None:
    text = (
        "Fishermen return home\n\n"
        "Twelve Pakistani sailors were brought back to Gwadar on Monday, while the maritime agency released seven "
        "Iranian crewmen detained off the coast in a reciprocal arrangement.\n"
    )
    assert exchange_counts(text) == [[12, 7]]


def test_a_number_inside_a_place_name_does_not_hide_the_count_before_it() -> None:
    text = (
        "Fishermen return home\n\n"
        "Of them, 127 Indian fishermen, most of them from Kakdwip, Namkhana and Frasergunj in South 24 Parganas "
        "district, were handed over by the Bangladesh Coast Guard, while 104 Bangladeshi nationals held in West "
        "Bengal were sent back in the same operation.\n"
    )
    assert exchange_counts(text) == [[127, 104]]


def test_the_headlines_total_told_again_beside_reciprocal_is_no_swap_of_equal_sides() -> None:
    text = (
        "231 fishermen return home as India, Bangladesh complete reciprocal handover\n\n"
        "A total of 231 fishermen detained for straying across the boundary returned home on Sunday after India and "
        "Bangladesh carried out a reciprocal handover, officials said.\n"
    )
    assert [231, 231] not in exchange_counts(text)


# --- one side told as a list of names ------------------------------------------------------------------------


def test_a_side_told_as_a_list_of_names_counts_its_names() -> None:
    text = (
        "Neighbours free each other's detainees\n\n"
        "NIAMEY (AFP) - Niger on Tuesday released Beninese customs officers Rodrigue Ahouansou, Sylvain Agossou, "
        "Fabrice Dossou and Aristide Kpadonou, who had been held in Niamey since their arrest, the ministry said.\n\n"
        f"{_FILLER}"
        "Benin, for its part, freed seven Nigerien nationals it had detained, a spokesman said.\n"
    )
    names = ("Rodrigue Ahouansou", "Sylvain Agossou", "Fabrice Dossou", "Aristide Kpadonou")
    assert exchange_counts(text, *names) == [[4, 7]]
    assert exchange_counts(text, *names[1:]) == []  # a name that is no person found breaks the list


def test_a_list_of_places_is_no_side() -> None:
    text = (
        "Prisoners handed over\n\n"
        "Pakistan released 19 Iranian nationals who had completed their sentences in jails in Quetta, Turbat and "
        "Gwadar, the ministry said.\n\n"
        "Iran, in return, freed prisoners from Karachi, Lahore and Multan, officials said.\n"
    )
    assert exchange_counts(text) == []
