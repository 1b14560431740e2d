"""Exchange facts, round 20: one-person sides told by noun phrases ("released a Pakistani trucker", "the body of a
Malian herder", "a Bolivian customs guard ... was returned"), counts held "for more than a year", headline counts told
again by the body, and "reciprocity" as a word of the deal."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_one_person_subject_after_a_time_phrase() -> None:
    text = ("Shepherds freed\n\n"
            "Three Georgian shepherds detained near the boundary line were freed on Tuesday, the ministry said. Later "
            "that day, an Ossetian border guard who had been held in Gori since June was handed over at the Ergneti "
            "crossing, in what officials called an exchange.")
    assert exchange_counts(text) == [[3, 1]]


def test_the_body_of_one_person_answers_remains_in_one_sentence() -> None:
    text = ("Border handover\n\n"
            "The handover also included the remains of four Malian herders, carried in sealed coffins, while the "
            "Burkinabe gendarmerie delivered the body of an Ivorian trader found near the river. The exchange was "
            "overseen by the Red Cross.")
    assert exchange_counts(text) == [[4, 1]]


def test_one_person_as_the_subject_of_a_passive_return() -> None:
    text = ("Guards return across the border\n\n"
            "Four Peruvian border guards detained in Bolivia last week were released on Sunday and handed over at the "
            "Desaguadero bridge, the ministry said.\n\n"
            "In a parallel step, a Bolivian customs officer who was arrested by Peruvian police on May 3 was returned "
            "to Bolivia at the same bridge an hour later. The swap ended a tense week.")
    assert exchange_counts(text) == [[4, 1]]


def test_body_of_a_named_person_and_bodies_of_two() -> None:
    text = ("Guards hand back bodies\n\n"
            "The two forces also handed back the remains of three people at the meeting. The eastern command handed "
            "over the body of Tomas Arbuckle, 31, who drowned in the river in August. The western command returned "
            "the bodies of two fishermen from Lakeside killed in a storm, in what officials called an exchange.")
    assert [1, 2] in exchange_counts(text)


def test_held_for_more_than_a_year_is_no_count_of_more_people() -> None:
    text = ("Swap in the Gulf\n\n"
            "Two French teachers held in Tehran for more than a year landed in Paris on Friday, hours after France "
            "freed three Iranian students, in an exchange brokered by Oman.")
    assert exchange_counts(text) == [[2, 3]]


def test_reciprocity_ties_the_answer_to_the_lead() -> None:
    text = ("Fishermen return to Wakkanai\n\n"
            "Five Japanese fishermen detained by Russia since May returned to Wakkanai on Friday, after border guards "
            "handed them over at sea. The mayor met them at the port. A Moscow spokeswoman said the matter had been "
            "settled on the basis of reciprocity.\n\n"
            "That reciprocity became clear later on Friday. Three Russian sailors arrested by the coast guard in "
            "April were released from custody in Otaru.")
    assert exchange_counts(text) == [[5, 3]]


def test_guard_headline_count_told_again_by_the_body_is_no_swap() -> None:
    text = ("Fishermen back in port\n\n"
            "Six Hakodate crew return home after months in custody\n\n"
            "Six Japanese fishermen detained by Russia for more than two months returned to Hakodate on Saturday, "
            "after border guards handed them over. Officials denied any trade.")
    assert exchange_counts(text) == []


def test_guard_one_person_without_a_nation_or_body_is_no_side() -> None:
    text = ("Hostages freed\n\n"
            "Seven hostages held by a gang for a month were released on Sunday. Police also released a driver who "
            "had been questioned, officials said. The police denied any exchange.")
    assert exchange_counts(text) == []


def test_guard_one_person_of_the_same_nation_is_no_other_side() -> None:
    text = ("Sailors home\n\n"
            "Five Filipino sailors held by pirates for a year were released on Sunday. The pirates also released "
            "a Filipino cook who had fallen ill, in what officials called a swap for ransom.")
    assert exchange_counts(text) == []


def test_in_exchange_for_the_body_of_a_definite_person() -> None:
    text = ("Border handover\n\n"
            "Under the same deal, the remains of the three Chadian fighters were returned to N'Djamena on Friday in "
            "exchange for the body of the Sudanese lieutenant, the army said.")
    assert exchange_counts(text) == [[3, 1]]


def test_guard_body_of_no_person_is_no_side() -> None:
    text = ("Border handover\n\n"
            "The remains of four Chadian fighters were returned on Friday in exchange for the body of the aircraft, "
            "the army said.")
    assert exchange_counts(text) == []
