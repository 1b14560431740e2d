"""Round nineteen of casualty fact tests, written after the thirteenth blind set was read: how news tells one
incident's toll across clauses and sentences. Wounded people "one of whom later died" move from the injured to the
dead; each rule has a guard that keeps another incident or the stated figures apart."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- "N of whom later died": the wounded who died are counted among the dead -----------------------------


def test_one_of_the_wounded_who_later_died_joins_the_dead() -> None:
    text = ("Border guards fired on a smuggling boat off the cape in March, killing one sailor and wounding three "
            "others, one of whom later died in hospital in the port city.")
    assert casualty_counts(text) == [(2, 2)]


def test_a_wounded_count_with_no_deaths_before_gives_the_one_who_died() -> None:
    text = ("On Friday, a roadside bomb wounded four police officers near the bridge, two of whom later succumbed "
            "at the district hospital, the ministry said.")
    assert casualty_counts(text) == [(2, 2)]


def test_a_toll_given_in_the_same_sentence_keeps_the_injured_figure() -> None:
    text = ("A gas explosion at a market on Monday killed 12 people and injured 30, one of whom later died in "
            "hospital, officials said on Tuesday, raising the death toll to 13.")
    assert casualty_counts(text) == [(13, 30)]


def test_of_whom_in_critical_condition_is_not_a_death() -> None:
    text = ("The crash killed two passengers and injured nine others, three of whom were in critical condition, "
            "police said.")
    assert casualty_counts(text) == [(2, 9)]


# --- incident boundaries: another date, another place, a past year ---------------------------------------


def test_and_on_another_date_opens_another_incident() -> None:
    text = ("Separately, on May 3 a levee broke near the village of Orlovka, leaving two people dead, officials said. "
            "And on May 5 a rescue boat capsized near the river port; three volunteers were hurt.")
    assert casualty_counts(text) == [(2, None), (None, 3)]


def test_and_on_the_same_date_keeps_one_incident() -> None:
    text = ("On May 3 a levee broke near the village of Orlovka, leaving two people dead, officials said. "
            "On May 3 three more villagers were hurt as the water rose, the officials added.")
    assert casualty_counts(text) == [(2, 3)]


def test_a_weekday_after_a_past_years_toll_opens_another_incident() -> None:
    text = ("The 2015 border clashes killed at least 40 soldiers and wounded dozens, according to the army.\n\n"
            "Tension remains high. On Saturday, three shepherds were wounded when their truck hit a mine.")
    assert casualty_counts(text) == [(40, None), (None, 3)]


def test_by_a_later_time_updates_the_same_incident() -> None:
    text = ("At least four miners were killed on Monday in clashes with police near the pass, and 30 people, "
            "including 12 officers, were injured. By Tuesday night the governor said the death toll had risen to "
            "six after two men died in hospital. The health service said 41 people had been treated for injuries.")
    assert casualty_counts(text) == [(6, 41)]


def test_two_incidents_each_opened_by_its_own_cue_stay_apart() -> None:
    text = ("The dig was not without risk. In April, two road workers were wounded when an old shell exploded near "
            "the site. "
            "Weeks earlier, a mine killed a farmer and wounded his two nephews in the same valley.")
    assert casualty_counts(text) == [(None, 2), (1, 2)]


def test_a_later_sentence_restating_part_of_a_past_incident_is_not_a_new_fact() -> None:
    text = ("In 2019 a fire at the depot killed three workers, the company said.\n\n"
            "The 2019 fire, which killed three workers and injured five, led to new rules.")
    assert casualty_counts(text) == [(3, 5)]


def test_a_count_on_the_other_side_of_a_border_is_not_part_of_an_updated_toll() -> None:
    text = ("In March, an attack on an army post killed six soldiers, according to a first statement. The "
            "government later raised the toll to 11 dead and four wounded.\n\n"
            "On the Malian side, an ambush on a convoy killed at least nine soldiers last week, the ministry said, "
            "adding that the attackers had been pushed back.")
    assert casualty_counts(text) == [(11, 4), (9, None)]


def test_an_ordinal_toll_does_not_swallow_a_death_in_another_paragraph_far_away() -> None:
    text = ("Gunmen opened fire outside a bar late on Saturday, killing three men. A fourth man died in hospital "
            "on Sunday, and two others were wounded, police said.\n\n"
            "The vote was held on Monday.\n\n"
            "Lawmakers debated for six hours.\n\n"
            "Storms also hit the south, where one man drowned after his car was swept off a road.")
    assert casualty_counts(text) == [(4, 2), (1, None)]


# --- a toll updated or revised, in either order -----------------------------------------------------------


def test_an_updated_toll_told_first_keeps_the_injured_of_the_first_figures_told_after() -> None:
    text = ("Toll in Tangier hotel collapse rises to 9\n\n"
            "TANGIER (AP) — Rescuers pulled another body from the ruins of a collapsed hotel on Sunday, raising the "
            "death toll to nine, officials said.\n\n"
            "Officials initially said the collapse had left 16 casualties — eight dead and eight injured.")
    assert casualty_counts(text) == [(9, 8)]


def test_an_earlier_figure_of_another_incident_is_not_carried() -> None:
    text = ("Toll in Tangier hotel collapse rises to 9\n\n"
            "TANGIER (AP) — Rescuers pulled another body from the ruins of a collapsed hotel on Sunday, raising the "
            "death toll to nine, officials said.\n\n"
            "The city council met on Monday.\n\n"
            "The mayor spoke to reporters.\n\n"
            "The port reopened on Tuesday.\n\n"
            "In 2019, officials initially said a fire at the market had left eight dead and 20 injured.")
    assert (9, None) in casualty_counts(text)


def test_the_figure_rose_to_is_an_updated_toll() -> None:
    text = ("A fire broke out in the lower galleries on Monday. The ministry initially said 14 miners had died; "
            "the figure rose to 19 as rescuers reached the deepest shafts. A further nine were treated for smoke "
            "poisoning.")
    assert casualty_counts(text) == [(19, 9)]


def test_a_figure_that_could_not_be_verified_is_not_a_toll() -> None:
    text = ("Police said 14 bandits were killed in the operation, a figure that rose to no more than rumour in the "
            "villages, and two officers were hurt.")
    assert casualty_counts(text) == [(14, 2)]


def test_the_body_of_a_sixth_worker_completes_the_toll() -> None:
    text = ("Shares in the maker fell on Thursday after an explosion at its plant killed six workers.\n\n"
            "The blast, which hit a mixing unit late on Tuesday, killed five workers and injured 17, the governor's "
            "office said. Rescue teams recovered the body of a sixth worker from the debris on Thursday.")
    assert casualty_counts(text) == [(6, 17)]


def test_by_a_later_time_a_larger_injured_count_revises_the_first() -> None:
    text = ("Plant blast kills 3, injures 30\n\n"
            "An explosion at a fertiliser plant killed three workers on Monday and injured at least 24 others, "
            "county officials said.\n\n"
            "By Tuesday morning, the operator said 30 workers had been treated for burns and cuts.")
    assert casualty_counts(text) == [(3, 30)]


def test_a_larger_injured_count_without_a_later_time_stays_apart() -> None:
    text = ("An explosion at a fertiliser plant killed three workers on Monday and injured at least 24 others, "
            "county officials said.\n\n"
            "In a separate incident, 30 workers were injured when a scaffold fell.")
    assert casualty_counts(text) == [(3, 24), (None, 30)]


def test_an_earlier_spoken_of_figure_gives_way_to_the_later_one() -> None:
    text = ("A bus overturned on the coast road on Monday, leaving three people dead and 28 injured, the health "
            "ministry said.\n\n"
            "Earlier in the day, the emergency service had spoken of at least 15 injured.")
    assert casualty_counts(text) == [(3, 28)]


def test_the_figure_climbed_after_is_not_a_count() -> None:
    text = ("The number of people killed by the storm rose to 38 on Wednesday, officials said. The agency had put "
            "the toll at 25 on Tuesday, but the figure climbed after troops reached two cut-off villages. At least "
            "90 people were injured across the region.")
    assert casualty_counts(text) == [(38, 90)]


# --- who is counted: "four of its members", asides between a count and its verb, nouns of two words ---------


def test_some_of_its_members_is_a_count_of_people() -> None:
    text = "The militia said on Monday that six of its fighters had died and nine were wounded in the strike."
    assert casualty_counts(text) == [(6, 9)]


def test_some_of_his_soldiers_sustained_injuries() -> None:
    text = ("The colonel denied the claim, noting that four of his soldiers sustained injuries when their post "
            "came under fire in May.")
    assert casualty_counts(text) == [(None, 4)]


def test_four_of_its_years_is_not_a_count_of_people() -> None:
    text = "The company said three of its plants were damaged and two workers were injured."
    assert casualty_counts(text) == [(None, 2)]


def test_a_name_between_a_count_and_its_verb() -> None:
    text = ("State media said the trawler was rammed; one fisherman, 22-year-old Tran Van Binh, drowned and three "
            "others were hurt.")
    assert casualty_counts(text) == [(1, 3)]


def test_a_list_between_a_count_and_its_verb() -> None:
    text = ("Four people, a police officer and three young demonstrators, were injured during a clash at a "
            "roadblock on Tuesday night.")
    assert casualty_counts(text) == [(None, 4)]


def test_a_part_between_a_count_and_its_verb() -> None:
    text = ("By nightfall, the ministry said 58 people, 11 of them police officers, had been taken to hospital "
            "with injuries.")
    assert casualty_counts(text) == [(None, 58)]


def test_a_clause_between_commas_is_not_an_aside() -> None:
    text = "Three people, police said on Sunday, were arrested, and a man was injured."
    assert casualty_counts(text) == [(None, 1)]


def test_seven_vigilantes_lost_their_lives() -> None:
    text = "Seven vigilantes lost their lives and three others were hurt when bandits ambushed their patrol."
    assert casualty_counts(text) == [(7, 3)]


def test_some_of_a_group_treated_in_hospital_after_an_injured_count_is_a_part_of_it() -> None:
    text = ("A shootout near a disputed canal on Sunday killed three people and wounded 14, officials said.\n\n"
            "The health ministry said five of its citizens were treated for gunshot wounds.")
    assert casualty_counts(text) == [(3, 14)]


def test_some_of_a_group_treated_with_no_injured_count_before_is_its_own_count() -> None:
    text = ("A volunteer has died fighting the fire, and three of his crewmates have been treated for burns, the "
            "brigade said.")
    assert casualty_counts(text) == [(1, 3)]


def test_one_was_killed_as_was_another() -> None:
    text = ("A shootout at the canal killed two people and wounded nine, officials said.\n\n"
            "One border guard, a 20-year-old conscript, was killed, as was a farmer, the two governments said.")
    assert casualty_counts(text) == [(2, 9)]



def test_a_person_named_by_two_nouns_after_a_verb() -> None:
    text = ("A landmine on the highway on Thursday killed a bus driver and injured three passengers. "
            "On Monday night a gunman shot and wounded a village chief outside a mosque.")
    assert casualty_counts(text) == [(1, 3), (None, 1)]


def test_a_list_of_one_person_and_a_count_after_a_verb() -> None:
    text = ("Last month, a shootout near the river killed a Tajik border guard and two Afghan men whom officials "
            "described as smugglers.")
    assert casualty_counts(text) == [(3, None)]


def test_a_woman_and_her_three_children() -> None:
    text = "A shell struck a house in the village on Tuesday, killing a woman and her three children, medics said."
    assert casualty_counts(text) == [(4, None)]


def test_a_list_of_people_with_a_count_last_before_the_verb() -> None:
    text = ("The fire brigade was also stretched by a blaze at a warehouse on Saturday, in which a police "
            "sergeant and three firefighters were hurt.")
    assert casualty_counts(text) == [(None, 4)]


def test_two_workers_and_a_passer_by() -> None:
    text = "In February, two workers and a passer-by were hurt when a crane toppled onto a road at a site."
    assert casualty_counts(text) == [(None, 3)]


def test_the_driver_and_a_guard_lost_their_lives() -> None:
    text = ("The team was seized when armed men ambushed its vehicles. Their driver and a security guard lost "
            "their lives in the attack.")
    assert casualty_counts(text) == [(2, None)]


def test_a_firefighter_has_lost_his_life_and_some_of_his_crewmates_were_treated() -> None:
    text = ("A volunteer firefighter has lost his life and two of his crewmates have been treated for burns after "
            "their truck was overrun by a flare-up.")
    assert casualty_counts(text) == [(1, 2)]

def test_an_injured_count_opening_on_a_day_does_not_join_an_untimed_death_count() -> None:
    text = ("The bombing came hours after two rangers were killed in a roadside ambush in the next district.\n\n"
            "On Monday night, a gunman on a motorcycle shot and wounded a village chief outside a mosque.")
    assert casualty_counts(text) == [(2, None), (None, 1)]


def test_a_death_count_opening_on_a_day_still_takes_the_injured_told_after() -> None:
    text = ("A third person has died after the storm flooded the valley, police said.\n\n"
            "On Monday, police said two people had died in the storm. The ambulance service said it had taken 11 "
            "people to hospital with storm-related injuries.")
    assert casualty_counts(text) == [(3, 11)]


def test_members_of_a_family_with_an_aside_before_the_verb() -> None:
    text = ("In a separate incident, six members of one family, among them three young children, perished when a "
            "fire broke out in their house, police said.")
    assert casualty_counts(text) == [(6, None)]


def test_two_of_four_men_aboard_a_boat_died() -> None:
    text = "Ties soured in 2024, when three of five men aboard a speedboat died after it capsized during a chase."
    assert casualty_counts(text) == [(3, None)]
