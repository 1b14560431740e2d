"""Round twenty of casualty fact tests, written after the fourteenth blind set was read: injuries people
"sustained" or "suffered", one person named by any noun phrase, "left a X dead and a Y wounded", groups named by
a capitalised noun, earlier tolls and parts of a toll told in the same or a nearby sentence. Each rule has a guard
that keeps the distractor it could catch out of the facts."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- "sustained"/"suffered" an injury: counts, "N of them", one person ------------------------------------


def test_the_other_n_sustained_burns_is_an_injured_count() -> None:
    text = ("Nine dockers were caught in the fire; three of the men died on the spot and the other six sustained "
            "burns and cuts, the port authority said.")
    assert (None, 6) in casualty_counts(text) or (3, 6) in casualty_counts(text)


def test_n_of_his_companions_sustained_gunshot_injuries() -> None:
    text = "A herder was killed and three of his companions sustained gunshot injuries when bandits ambushed them."
    assert casualty_counts(text) == [(1, 3)]


def test_one_of_them_suffered_a_broken_arm() -> None:
    text = ("The six sailors were returned on Friday. One of them had suffered a broken arm when the patrol "
            "boarded their trawler, the coastguard said.")
    assert casualty_counts(text) == [(None, 1)]


def test_a_soldier_sustained_injuries_after_a_death_count() -> None:
    text = "Three of the raiders were killed when guards returned fire, and a constable sustained injuries to his leg."
    assert casualty_counts(text) == [(3, 1)]


def test_the_driver_of_the_van_sustained_injuries() -> None:
    text = ("A security escort travelling with them was shot dead and the driver of the van sustained bullet "
            "injuries, officials said.")
    assert casualty_counts(text) == [(1, 1)]


def test_a_company_suffering_losses_is_no_casualty() -> None:
    text = "The firm suffered a broken supply chain last year and sustained heavy losses, its chairman said."
    assert casualty_counts(text) == []


def test_the_two_others_who_suffered_bruises_are_part_of_the_hurt() -> None:  # guard for "suffered"
    text = ("Four firefighters sustained injuries on Monday when a wall collapsed. One of the four was treated "
            "for a broken leg, while the three others suffered bruises, the brigade said.")
    assert casualty_counts(text) == [(None, 4)]


# --- one person named by a noun phrase ---------------------------------------------------------------------


def test_a_person_who_lost_his_life_needs_no_known_noun() -> None:
    text = "Two days later, a 19-year-old deckhand lost his life when the ferry ran aground."
    assert casualty_counts(text) == [(1, None)]


def test_and_only_last_week_a_person_was_killed() -> None:
    text = "And only last week a trader from the border town was killed in a similar raid."
    assert casualty_counts(text) == [(1, None)]


def test_a_guard_escorting_them_was_shot_dead() -> None:
    text = "A police guard escorting them was shot dead, according to the district police."
    assert casualty_counts(text) == [(1, None)]


def test_a_second_guard_was_wounded_is_one_more_hurt() -> None:
    text = ("Last week, a clash at the river crossing killed a border guard and two smugglers. A second guard was "
            "wounded in the arm, the committee said.")
    assert casualty_counts(text) == [(3, 1)]


def test_a_third_person_has_died_is_still_a_toll() -> None:
    text = "A third person has died after the bridge collapse on Sunday, the council said."
    assert casualty_counts(text) == [(3, None)]


# --- "left a X dead and a Y wounded" -------------------------------------------------------------------------


def test_left_a_person_dead_and_another_wounded() -> None:
    text = ("In July a skirmish near the pass left a herdsman dead and a Kyrgyz border officer wounded, the "
            "ministry said.")
    assert casualty_counts(text) == [(1, 1)]


def test_left_a_girl_seriously_injured() -> None:
    text = "The explosion left a teenage girl seriously injured, police said."
    assert casualty_counts(text) == [(None, 1)]


def test_left_one_miner_dead_with_a_long_subject() -> None:
    text = ("On Monday, a police raid on an illegal gold camp further up the Tapajos left one miner dead and three "
            "agents wounded, the force said.")
    assert casualty_counts(text) == [(1, 3)]


def test_left_a_village_dead_quiet_is_no_casualty() -> None:
    assert casualty_counts("The storm left a village dead quiet and a road blocked for hours.") == []


# --- groups named by capitalised nouns, lists with nationalities ------------------------------------------


def test_a_capitalised_ists_group_is_people() -> None:
    text = "On Friday, 9 Islamists were killed in a gun battle in the hills, the army said."
    assert casualty_counts(text) == [(9, None)]


def test_a_list_with_nationality_adjectives() -> None:
    text = "Two Sierra Leonean soldiers and a Liberian corporal were killed and four other men were wounded."
    assert casualty_counts(text) == [(3, 4)]


# --- relative clauses and hospital counts ---------------------------------------------------------------------


def test_a_relative_clause_before_treated_for_injuries() -> None:
    text = ("Four members of a family died when their hut collapsed. Three villagers who tried to dig them out were "
            "treated for injuries at the clinic.")
    assert casualty_counts(text) == [(4, 3)]


def test_n_of_them_treated_for_injuries_joins_the_toll() -> None:
    text = ("The death toll from the quarry collapse has risen to nine, officials said on Monday. Forty labourers were on "
            "site when the face gave way. Five of them were being treated in hospital for fractures and minor "
            "injuries, a doctor said.")
    assert casualty_counts(text) == [(9, 5)]


def test_gunmen_who_killed_people_are_not_the_dead() -> None:
    assert casualty_counts("Two gunmen who killed five people at a checkpoint were arrested on Sunday.") == [(5, None)]


# --- tolls: an earlier figure in the same sentence, the number who lost their lives, bodies ---------------


def test_a_toll_that_had_stood_lower_does_not_replace_the_count() -> None:
    text = ("Four people lost their lives, among them a pilot who died in hospital on Monday; the toll had stood "
            "at three for most of the week.")
    assert casualty_counts(text) == [(4, None)]


def test_the_number_of_people_who_lost_their_lives_has_risen() -> None:
    text = ("In the east, the number of people who lost their lives in Friday's ferry fire has risen to 41, the "
            "agency said. It had put the toll at 30 on Saturday. Another 56 people were hospitalised with burns.")
    assert casualty_counts(text) == [(41, 56)]


def test_the_bodies_of_n_people_had_been_recovered() -> None:
    text = "The navy said that the bodies of six fishermen had been recovered after their canoe overturned."
    assert casualty_counts(text) == [(6, None)]


def test_bodies_found_are_part_of_an_updated_toll_nearby() -> None:
    text = ("Storm toll rises to seven\n\n- The bodies of three hikers have been found in the gorge\n\n"
            "- Eleven pupils were hurt when a school bus overturned\n\n"
            "The death toll from the storm has risen to seven after rescuers found the bodies of three hikers.")
    assert sorted(casualty_counts(text), key=str) == sorted([(7, None), (None, 11)], key=str)


def test_nationals_among_the_dead_are_part_of_the_toll() -> None:
    text = ("A fire at a workers' hostel killed 14 people on Sunday, the ministry said. The Nepali embassy said "
            "six of the dead were its citizens, while Dhaka said four Bangladeshis had lost their lives.")
    assert casualty_counts(text) == [(14, None)]


# --- a participle phrase describing the people, also after an "of" tail ---------------------------------------


def test_a_long_participle_phrase_before_were_killed() -> None:
    text = "In May 2021, six Chadian soldiers serving with a joint force near Lake Chad were killed in an ambush."
    assert casualty_counts(text) == [(6, None)]


def test_a_participle_after_an_of_tail() -> None:
    text = ("On Friday, five relatives of prisoners travelling to the jail for the visit were killed when their bus "
            "overturned, and seven others were hurt, the police said.")
    assert casualty_counts(text) == [(5, 7)]


def test_a_participle_phrase_with_its_own_clause_is_not_a_subject() -> None:
    text = "Eleven protesters marching towards the parliament said two were killed when police opened fire."
    assert casualty_counts(text) == [(2, None)]
