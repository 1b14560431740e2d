"""Round twenty-two of casualty fact tests, written after the fifteenth blind set was read: counts that are no
casualties ("zero deaths"), a toll told again after some of the wounded died, people who remain in hospital
(and the part of them "of whom" remain), earlier figures from "initial reports", parts "of them", and objects
of one incident told as two people joined. Each rule has a guard that keeps the distractor it could catch out of
the facts."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- a count of zero is no casualty -------------------------------------------------------------------------


def test_zero_deaths_as_a_goal_is_no_fact() -> None:
    text = 'The minister said the government wanted "zero deaths" on the roads by 2030.'
    assert casualty_counts(text) == []


def test_zero_injuries_reported_is_no_fact() -> None:
    text = "Organisers said 0 injuries were reported at the festival this year."
    assert casualty_counts(text) == []


def test_guard_a_real_count_beside_a_zero_goal_stays() -> None:
    text = ("Two cyclists were killed on the avenue last month. The mayor said the city wanted zero deaths on its "
            "streets.")
    assert casualty_counts(text) == [(2, None)]


# --- the same people told again after some of the wounded died ----------------------------------------------


def test_later_toll_with_more_dead_and_fewer_wounded_replaces_the_first() -> None:
    text = ("An army officer said seven soldiers were killed and 15 wounded in the raid on the camp.\n\n"
            "The defence minister said on Thursday that the toll stood at nine dead and 13 wounded, two of the "
            "injured having died in hospital.")
    assert casualty_counts(text) == [(9, 13)]


def test_one_of_the_injured_later_died_then_the_toll() -> None:
    text = ("An elderly man was killed when a wall fell on his car. Eight people were hurt in the town, one of whom "
            "died on Monday.\n\nOfficials later put the toll at two dead and seven injured.")
    assert casualty_counts(text) == [(2, 7)]


def test_guard_a_different_total_is_another_incident() -> None:
    text = ("Four people were killed and 12 injured in the blast at the depot.\n\nIn a second attack, six were "
            "killed and nine injured.")
    assert casualty_counts(text) == [(4, 12), (6, 9)]


# --- people who remain in hospital ----------------------------------------------------------------------------


def test_others_remain_in_hospital_joins_the_toll() -> None:
    text = ("The death toll from the ferry fire rose to five on Sunday. Thirty others remain in hospital in the "
            "capital, officials said.")
    assert casualty_counts(text) == [(5, 30)]


def test_n_people_remained_in_hospital() -> None:
    text = "Eleven people remained in hospital on Tuesday after the stand collapsed, organisers said."
    assert casualty_counts(text) == [(None, 11)]


def test_guard_n_of_whom_remain_in_hospital_is_a_part() -> None:
    text = "Forty people were hurt when the bus overturned, nine of whom remain in hospital."
    assert casualty_counts(text) == [(None, 40)]


# --- earlier figures from "initial reports", parts "of them" -------------------------------------------------


def test_initial_reports_give_way_to_the_toll_told_first() -> None:
    text = ("Twelve miners were killed in a gas explosion at the colliery on Friday.\n\n"
            "Initial reports from the mine's owner said nine miners had died and 20 others were injured when the "
            "gas ignited.")
    assert casualty_counts(text) == [(12, 20)]


def test_preliminary_figures_give_way_too() -> None:
    text = ("At least 15 people died when the ferry sank off the island on Monday. Preliminary figures from the "
            "coast guard showed 11 dead and 30 hurt.")
    assert casualty_counts(text) == [(15, 30)]


def test_guard_an_earlier_incident_is_not_an_earlier_figure() -> None:
    text = ("Six people were killed when a lorry hit a market stall on Sunday.\n\nLast year, four people died and "
            "nine were injured in a similar crash on the same road.")
    assert casualty_counts(text) == [(6, None), (4, 9)]


def test_n_of_them_suffered_burns_is_a_part_of_the_injured() -> None:
    text = ("Three workers were killed and 18 were injured in the fire at the textile mill. Four of them suffered "
            "severe burns and were flown to the capital, doctors said.")
    assert casualty_counts(text) == [(3, 18)]


def test_guard_n_of_them_with_nothing_before_stays() -> None:
    text = "Police said 30 protesters were detained. Two of them sustained head injuries during the arrests."
    assert casualty_counts(text) == [(None, 2)]


# --- "claiming the lives of", "and another was wounded", "and her teenage son" -----------------------------------


def test_claiming_the_lives_of_counts_the_dead() -> None:
    text = "Floods swept the valley last spring, claiming the lives of six villagers and leaving 40 injured."
    assert casualty_counts(text) == [(6, 40)]


def test_guard_claiming_responsibility_is_no_toll() -> None:
    text = "A militant group posted a statement claiming the attack in which three guards were wounded."
    assert casualty_counts(text) == [(None, 3)]


def test_and_another_was_wounded_is_one_more_hurt() -> None:
    text = "One herder was shot dead and another was badly wounded when raiders attacked the camp at dawn."
    assert casualty_counts(text) == [(1, 1)]


def test_guard_another_was_arrested_is_no_casualty() -> None:
    text = "One suspect was shot dead and another was arrested after the chase, police said."
    assert casualty_counts(text) == [(1, None)]


def test_killing_a_man_and_his_young_daughter_is_two() -> None:
    text = "A rocket struck a farmhouse outside the town, killing a man and his young daughter."
    assert casualty_counts(text) == [(2, None)]


def test_guard_killing_a_man_and_wounding_his_son() -> None:
    text = "A rocket struck a farmhouse outside the town, killing a man and wounding his son."
    assert casualty_counts(text) == [(1, 1)]
