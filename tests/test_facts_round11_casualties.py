"""Round eleven of casualty fact tests, written after the eleventh blind set was read: how news splits and joins
one incident's toll. Bodies recovered and people taken to hospital are parts of a toll told just before; an
ordinal completes the count before it ("two ... and a third died"); wounded people who then died are not an
injured count; a revised toll keeps the injured told after it; an injured count "since the storm began" belongs
to the storm's toll; a list of people after a verb is counted whole. Each has a guard that keeps another
incident or a larger count apart."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- parts of a toll told just before --------------------------------------------------------------------


def test_bodies_recovered_in_batches_are_part_of_the_toll_and_the_injured_join_it() -> None:
    text = (
        "A landslide at a jade quarry in the northern hills killed 11 workers, the provincial government said.\n\n"
        "The slide came down before dawn on Tuesday. Search crews recovered eight bodies by noon and three more "
        "after dark, a police spokesman said. Five other workers were hurt and remain at the district clinic."
    )
    assert casualty_counts(text) == [(11, 5)]


def test_bodies_recovered_beyond_the_toll_are_not_a_part_of_it() -> None:
    text = (
        "A ferry capsized on the lake on Friday, killing four passengers, the port authority said.\n\n"
        "Divers later recovered nine bodies from a sunken barge in another part of the lake."
    )
    assert casualty_counts(text) == [(4, None), (9, None)]


def test_people_taken_to_hospital_while_the_others_were_treated_are_part_of_the_injured() -> None:
    text = (
        "A tram left the rails near the central station on Tuesday, injuring 22 commuters.\n\n"
        "The operator suspended the line for the rest of the day.\n\n"
        "Paramedics said six people were taken to Eastgate Hospital and the others were treated at the scene."
    )
    assert casualty_counts(text) == [(None, 22)]


def test_a_hospital_count_without_the_rest_stays_its_own_fact() -> None:
    text = (
        "A tram left the rails near the central station on Tuesday, injuring 22 commuters.\n\n"
        "The operator suspended the line for the rest of the day.\n\n"
        "Paramedics said six people were taken to Eastgate Hospital."
    )
    assert (None, 22) in casualty_counts(text)


# --- an ordinal completes the count before it ------------------------------------------------------------


def test_a_third_who_died_later_completes_the_count_and_the_injured_join_it() -> None:
    text = (
        "Three people died after a gas explosion tore through a bakery in Varnell last month.\n\n"
        "Two bakers were found dead in the rubble, and a third, an 80-year-old neighbour, died in hospital two "
        "days later. Six other people were injured, including a police officer."
    )
    assert casualty_counts(text) == [(3, 6)]


def test_wounded_a_third_after_a_count_of_dead() -> None:
    text = "Border guards shot dead three suspected poachers and wounded a third near the river crossing on Sunday."
    assert casualty_counts(text) == [(3, 1)]


def test_a_third_of_something_is_not_a_person() -> None:
    text = "The storm killed four people and destroyed a third of the harvest in the valley."
    assert casualty_counts(text) == [(4, None)]


# --- a revised toll and the wounded who died ---------------------------------------------------------------


def test_wounded_who_died_are_not_injured_and_the_revised_toll_keeps_the_injured() -> None:
    text = (
        "Gunmen attacked a customs post near Orvel on Saturday. The interior ministry initially reported six guards "
        "dead but raised the toll on Sunday to eight after two wounded guards died in hospital. Three other guards "
        "were wounded."
    )
    assert casualty_counts(text) == [(8, 3)]


# --- an injured count since the event began ---------------------------------------------------------------


def test_injured_since_the_storm_began_join_the_storms_toll_a_few_sentences_back() -> None:
    text = (
        "The death toll from the storms that have battered the southern coast rose to five on Monday after a "
        "fisherman's body was found on a beach near Carro.\n\n"
        "The fisherman had gone out on Friday despite warnings. His boat was found on Sunday.\n\n"
        "Roads to the coast reopened on Tuesday. Schools in Carro stayed shut.\n\n"
        "\"We ask everyone to stay off the water,\" the harbour master said.\n\n"
        "The regional health service said 23 people had been treated for storm-related injuries since the "
        "storms began on Thursday."
    )
    assert casualty_counts(text) == [(5, 23)]


def test_injured_far_after_a_toll_without_looking_back_stay_apart() -> None:
    text = (
        "The death toll from the storms that have battered the southern coast rose to five on Monday after a "
        "fisherman's body was found on a beach near Carro.\n\n"
        "The fisherman had gone out on Friday despite warnings. His boat was found on Sunday.\n\n"
        "Roads to the coast reopened on Tuesday. Schools in Carro stayed shut.\n\n"
        "\"We ask everyone to stay off the water,\" the harbour master said.\n\n"
        "The regional health service said 23 people had been treated for injuries."
    )
    assert casualty_counts(text) == [(5, None), (None, 23)]


# --- people counted as a list or by what they do -------------------------------------------------------------


def test_a_list_of_people_after_a_verb_is_counted_whole() -> None:
    text = "A delivery van mounted the kerb in Lorne on Tuesday, killing the driver and a cyclist."
    assert casualty_counts(text) == [(2, None)]
    text = "A shell hit a farmhouse near the front line, killing a man and his son."
    assert casualty_counts(text) == [(2, None)]


def test_a_list_stops_at_the_next_verb() -> None:
    text = "A bus overturned on the mountain road, killing the driver and injuring nine passengers."
    assert casualty_counts(text) == [(1, 9)]


def test_people_named_by_what_they_do() -> None:
    text = "On Tuesday, a clash near the ferry port left four raiders dead and three coastguardsmen wounded."
    assert casualty_counts(text) == [(4, 3)]
    text = "In May, a mine blast in the hills injured three Ardish surveyors, one of whom lost a hand."
    assert casualty_counts(text) == [(None, 3)]


def test_one_person_shot_dead_after_an_opening_time() -> None:
    text = "Last week a 52-year-old beekeeper died after being stung hundreds of times near Orlo."
    assert casualty_counts(text) == [(1, None)]
    text = "Days later, a Tarvish trapper was shot dead by unknown gunmen near the border."
    assert casualty_counts(text) == [(1, None)]


def test_a_third_who_died_later_is_counted_in_a_sentence_of_its_own() -> None:
    text = (
        "A gas explosion tore through a bakery in Varnell last month. Two bakers were found dead in the rubble, "
        "and a third, an 80-year-old neighbour, died in hospital two days later."
    )
    assert casualty_counts(text) == [(3, None)]


def test_a_third_who_was_hurt_does_not_complete_the_dead() -> None:
    text = "Two climbers were found dead below the ridge on Sunday, and a third was badly hurt."
    assert casualty_counts(text) == [(2, 1)]
