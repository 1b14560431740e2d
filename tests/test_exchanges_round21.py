"""Exchange facts, round 21: the other side told again by a pronoun, by "the" or by a restatement ("They were freed
...", "their bodies", "the three Afghans"), answers that open with "In return," / "in turn" / "For its part," whose
count has an unusual shape ("the five-member crew", "the skipper and his deputy", "the bodies of nine militants" far
from its verb)."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_bodies_told_after_a_long_recipient_phrase() -> None:
    text = ("Rebels free soldiers\n\n"
            "The rebels released the remains of four army conscripts captured in a 2021 ambush. For its part, the "
            "government handed over to grieving relatives the bodies of seven rebels that had been kept "
            "in a military hospital, the Red Cross said of the exchange.")
    assert exchange_counts(text) == [[4, 7]]


def test_guard_bodies_far_after_an_unrelated_handover() -> None:
    text = ("Storm hits the coast\n\n"
            "The mayor handed a list of damaged homes to the governor on Monday, and the bodies of five fishermen were "
            "still missing at sea. Officials said a deal on relief funds was close.")
    assert exchange_counts(text) == []


def test_answer_told_as_a_sized_crew() -> None:
    text = ("Trawler crews go home\n\n"
            "Nine fishermen from Sfax whose boat was seized off Misrata in June were returned home on Monday. In "
            "return, Tunisia released the six-member crew of a Maltese supply ship that had been held in Sousse, "
            "the coastguard said.")
    assert exchange_counts(text) == [[9, 6]]


def test_answer_told_as_two_people_joined() -> None:
    text = ("Lake detainees freed\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. Kenya, in turn, "
            "released the boat's Ugandan captain and his engineer, who had been held in Kisumu since April.")
    assert exchange_counts(text) == [[5, 2]]


def test_guard_a_captain_and_his_crew_is_no_pair() -> None:
    text = ("Lake detainees freed\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. Kenya, in turn, "
            "released the Ugandan captain and his crew, who had been held in Kisumu since April.")
    assert exchange_counts(text) == []


def test_guard_a_sized_group_that_is_not_handed_over() -> None:
    text = ("Talks on detainees\n\n"
            "Uganda handed over five Kenyan fishermen arrested near Migingo island in March. In return, Kenya "
            "appointed a three-member team to review the cases of detained Ugandans, the ministry said.")
    assert exchange_counts(text) == []


def test_quoted_object_of_a_release_verb() -> None:
    text = ("Remains handed back at the crossing\n\n"
            "The remains of nine militia fighters killed in the spring fighting were returned to their families on "
            "Monday. The army said in a statement that it had received \"the bodies of three missing soldiers\" at "
            "the same crossing.")
    assert exchange_counts(text) == [[9, 3]]


def test_guard_quoted_words_that_are_no_people() -> None:
    text = ("Remains handed back at the crossing\n\n"
            "The remains of nine militia fighters killed in the spring fighting were returned to their families on "
            "Monday. The army said it had received \"three guarantees\" at the same crossing.")
    assert exchange_counts(text) == []


def test_pronoun_subject_takes_the_count_of_people_taken_before() -> None:
    text = ("Prison siege ends\n\n"
            "During the uprising, prisoners seized nine prison officers and held them in the kitchen block for three days. "
            "They were released on Friday in what the ministry called a negotiated exchange: in return, four inmates "
            "who had been moved to a distant jail were sent back to the city.")
    assert exchange_counts(text) == [[9, 4]]


def test_their_bodies_take_the_count_of_people_killed_before() -> None:
    text = ("Elders broker a deal\n\n"
            "Troops killed five insurgents in a raid on the village on Monday, the army said. Under the same deal, "
            "their bodies were handed over to relatives on Thursday, and the insurgents returned the bodies of "
            "three soldiers captured in March.")
    assert exchange_counts(text) == [[5, 3]]


def test_the_hostages_told_again_open_the_lead() -> None:
    text = ("Hostages back home\n\n"
            "Six villagers kidnapped by a gang in the hills last month were recovered on Monday, police said.\n\n"
            "The hostages were handed over to officers at a roadside post and taken to hospital.\n\n"
            "A district official said that nine relatives of gang members detained in raids had been released "
            "hours earlier, an arrangement residents called an exchange.")
    assert exchange_counts(text) == [[6, 9]]


def test_the_people_counted_as_dead_handed_over_with_the() -> None:
    text = ("Neighbours trade bodies of border dead\n\n"
            "Guards of the northern state handed over the bodies of four Ruritanian soldiers on Sunday.\n\n"
            "The clash left seven people dead, the four soldiers and three Borduvian smugglers, officials said.\n\n"
            "The bodies of the three Borduvians were repatriated through the same crossing a few hours later.")
    assert exchange_counts(text) == [[4, 3]]


def test_an_answer_that_names_the_leads_people_again() -> None:
    text = ("Villagers free soldiers\n\n"
            "Farmers in a hill district freed 25 army soldiers on Sunday after holding them for a day, officials said.\n\n"
            "The farmers were angered by the arrest of three local men during a raid.\n\n"
            "Soldiers had blocked the road for hours. The governor denied any swap. Shops stayed shut. Schools were "
            "closed on Monday.\n\n"
            "Prosecutors had released the three detained men on Sunday morning, hours before the soldiers were "
            "allowed to leave.")
    assert exchange_counts(text) == [[25, 3]]


def test_a_group_answered_in_turn_by_one_person_of_another_nation() -> None:
    text = ("Sailors home\n\n"
            "Also on the boat were three coast guard sailors who had been detained in May near the islets. They "
            "returned home in uniform.\n\n"
            "The Ruritanian minister said that Borduvia had in turn released a Ruritanian naval officer arrested the "
            "same month, in an exchange.")
    assert exchange_counts(text) == [[3, 1]]


def test_guard_the_count_told_released_before_is_no_new_side() -> None:
    text = ("Swap on the border\n\n"
            "The rebels freed nine soldiers on Friday in a swap brokered by elders, and the government released two "
            "jailed commanders.\n\n"
            "Hours later, the two commanders were handed over to their families in the capital. Days later, gunmen "
            "in the south freed five farmers, in an unrelated case.")
    assert exchange_counts(text) == [[9, 2]]


def test_guard_a_definite_count_with_no_earlier_count_is_no_side() -> None:
    text = ("Swap on the border\n\n"
            "The rebels freed nine soldiers on Friday, officials said of the exchange.\n\n"
            "Hours later, the government released the two brothers of a rebel commander.")
    assert exchange_counts(text) == []


def test_guard_a_pronoun_after_two_counts_is_not_read() -> None:
    text = ("Swap on the border\n\n"
            "Gunmen seized five teachers and three drivers on the highway last week. They were freed on Sunday in an "
            "exchange, and police released four suspects hours later.")
    assert exchange_counts(text) == []
