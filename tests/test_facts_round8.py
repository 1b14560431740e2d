"""Round eight of fact tests: general rules added after the sixth blind set was read (swaps told as two
releases by two nations or two named sides, more than one swap in a sentence, "going the other way", reduced
relative clauses; casualties of one named person, tolls with a long subject, headlines that round, partial
counts in the pluperfect, incidents told on different days, injuries of rescued people)."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts, exchange_counts, facts_of


# --- exchanges -------------------------------------------------------------------------------------------

def test_two_nations_released_in_one_sentence_are_a_swap_without_a_swap_word() -> None:
    text = ("KARSTAD: Ruritania on Friday handed over 31 Borduvian fishermen to Borduvian officials at the border "
            "post, while 17 Ruritanian prisoners, six of them sailors, were repatriated through the same crossing.")
    assert exchange_counts(text) == [[31, 17]]


def test_two_releases_of_the_same_nation_are_not_a_swap() -> None:
    text = ("The junta freed 31 Borduvian students on Friday, and the courts released 17 Borduvian journalists "
            "on bail later in the day.")
    assert exchange_counts(text) == []


def test_a_long_relative_clause_with_a_count_inside_before_a_passive_release() -> None:
    text = ("Thirty-one Borduvian fishermen who had spent up to four years in a Ruritanian jail were handed over on "
            "Thursday, while Borduvia sent back 17 Ruritanian nationals through the same crossing.")
    assert exchange_counts(text) == [[31, 17]]


def test_two_swaps_in_one_sentence() -> None:
    text = ("It was the third exchange this year. In March the coast guards of the two countries swapped eight "
            "fishermen each at sea, and in July Ruritania freed 19 Borduvian fishermen and received 12 Ruritanian "
            "prisoners in return.")
    assert sorted(exchange_counts(text)) == [[8, 8], [19, 12]]


def test_going_the_other_way_answers_a_release() -> None:
    text = ("In a separate swap, three soldiers held by the insurgents were handed back to the army in May, with "
            "nine suspected militants going the other way, the minister said.")
    assert exchange_counts(text) == [[3, 9]]


def test_a_reduced_relative_clause_before_a_passive_release() -> None:
    text = ("Some 140 soldiers and civilians held by the paramilitary Northern Brigades (NB) were freed on Sunday "
            "in exchange for 70 NB fighters who had been detained by the army.")
    assert exchange_counts(text) == [[140, 70]]


def test_consecutive_releases_by_two_named_sides_in_a_swap_passage() -> None:
    text = ("The two sides completed a prisoner swap on Thursday. The Northern Brigades released 130 people they "
            "had held on suspicion of fighting for the government. Hours later, Castelbruck freed 85 detainees, "
            "most of them residents of the old city.")
    assert exchange_counts(text) == [[130, 85]]


def test_consecutive_releases_by_the_same_side_are_not_a_swap() -> None:
    text = ("The two sides completed a prisoner swap on Thursday. The Northern Brigades released 130 people they "
            "had held since spring. On Friday the Northern Brigades freed 85 more detainees.")
    assert exchange_counts(text) == []


def test_those_of_after_remains_is_the_other_count() -> None:
    text = ("In a separate humanitarian exchange, Ruritania received the remains of 14 servicemen missing since "
            "the war and handed over those of six Borduvian soldiers.")
    assert exchange_counts(text) == [[14, 6]]


def test_consultants_are_people_handed_over() -> None:
    text = ("The rebels freed four soldiers on Friday, a day after the government released two ailing "
            "consultants of the rebel negotiating panel, in what both sides called reciprocal goodwill measures.")
    assert exchange_counts(text) == [[4, 2]]


# --- casualties ------------------------------------------------------------------------------------------

def test_killing_one_named_by_a_people_noun_and_his_two_sons() -> None:
    text = "Last month a landmine blast near the village killed a shepherd and wounded his two sons, officials said."
    assert casualty_counts(text) == [(1, 2)]


def test_a_role_noun_and_his_driver_are_one_each() -> None:
    text = "A drone strike on a car near the town killed a local commander of the militia and injured his driver."
    assert casualty_counts(text) == [(1, 1)]


def test_one_person_before_a_participle_phrase_or_a_place() -> None:
    assert casualty_counts("A helicopter pilot working on the fire was killed Sunday when the aircraft crashed.") == [(1, None)]
    assert casualty_counts("A 61-year-old hiker from Ohio died Tuesday after collapsing on the trail.") == [(1, None)]


def test_killing_a_bill_is_not_a_death() -> None:
    assert casualty_counts("The committee killed a bill on Tuesday that would have raised fees.") == []


def test_a_toll_with_a_decimal_in_its_subject() -> None:
    text = ("The death toll from a magnitude 6.9 earthquake that struck the coast rose to nine on Wednesday, with "
            "134 people injured, officials said.")
    assert casualty_counts(text) == [(9, 134)]


def test_bringing_the_toll_across_a_long_phrase() -> None:
    text = ("Divers recovered six more bodies on Monday, bringing the death toll from the sinking of the ferry "
            "Sinar Laut to at least 14.")
    assert casualty_counts(text) == [(14, None)]


def test_a_headline_that_rounds_the_body_figures_is_dropped() -> None:
    text = ("Death toll from quake rises to 9, over 130 injured\n\nThe death toll from the earthquake rose to nine "
            "on Wednesday, with 134 people injured, the prefecture said.")
    assert casualty_counts(text) == [(9, 134)]


def test_an_earlier_partial_count_in_the_pluperfect_is_part_of_the_toll() -> None:
    text = ("The death toll from the landslide has reached 11, after rescuers pulled three more bodies from the "
            "debris on Monday, police said. Eight bodies had been recovered by Sunday evening. Four people who "
            "were rescued from the debris with serious injuries were airlifted to the capital.")
    assert casualty_counts(text) == [(11, 4)]


def test_incidents_on_different_days_are_not_merged() -> None:
    text = ("In the west, shelling killed eight civilians in the town on Friday, activists said. On Thursday, a "
            "shell struck the maternity ward of the hospital, wounding 12 people.")
    assert casualty_counts(text) == [(8, None), (None, 12)]


def test_a_one_person_injury_on_another_day_is_not_a_restatement() -> None:
    text = ("On Tuesday, a contract soldier was wounded by fire from across the border, the ministry said. On "
            "Thursday, two deminers were killed and a third was injured when a mine exploded.")
    assert casualty_counts(text) == [(None, 1), (2, 1)]


def test_rescued_alive_with_varying_degrees_of_injuries() -> None:
    text = ("The death toll from the collapse has risen to 14, the agency said. The director told reporters that "
            "23 people were rescued alive with varying degrees of injuries and taken to hospital.")
    assert casualty_counts(text) == [(14, 23)]


def test_some_of_the_survivors_were_injured() -> None:
    text = ("Nine people have died after a migrant boat capsized south of the island, the army said. Three of the "
            "survivors were injured and taken to hospital.")
    assert casualty_counts(text) == [(9, 3)]


def test_one_of_the_workers_killed_is_not_a_new_count() -> None:
    text = ("Five workers died at the scene in October. The family of one of the workers killed in October "
            "watched the vote from the gallery.")
    assert casualty_counts(text) == [(5, None)]


# --- votes and officials ---------------------------------------------------------------------------------

def test_a_majority_of_n_to_m_is_a_tally() -> None:
    text = "On Friday, the House endorsed the relocation bill by a majority of 167 to 14."
    assert [(d["for"], d["against"]) for d in facts_of(text, "vote")] == [(167, 14)]


def _roles(text: str, *persons: str) -> list[tuple[str, str]]:
    return [(d["person"], d["role"]) for d in facts_of(text, "official", persons)]


def test_an_appositive_role_owned_by_a_name() -> None:
    text = "Jorge Luis Pardo, Transvia's superintendent, said the bus had passed its inspection in March."
    assert _roles(text, "Jorge Luis Pardo", "Transvia") == [("Jorge Luis Pardo", "Transvia's superintendent")]


def test_a_possessive_role_after_an_opening_clause() -> None:
    text = "Addressing the Council, Borduvia's Prime Minister, Jean-Paul Marcel, thanked members for the renewal."
    assert _roles(text, "Jean-Paul Marcel") == [("Jean-Paul Marcel", "Borduvia's Prime Minister")]


def test_a_member_of_a_negotiating_team() -> None:
    text = "Fabio Cortes, a member of the rebels' negotiating team, told reporters that the group had kept its word."
    assert _roles(text, "Fabio Cortes") == [("Fabio Cortes", "member of the rebels' negotiating team")]


def test_who_heads_a_body_with_a_long_name() -> None:
    text = ("Aldo Karam, who heads the prisoners' committee of the Autonomous Administration of the North and East, "
            "said lists for a fourth exchange were being drawn up.")
    assert _roles(text, "Aldo Karam") == [("Aldo Karam", "head of the prisoners' committee")]


def test_an_honorific_inside_a_place_name_is_not_a_title() -> None:
    text = "Berin Xal, co-chair of the Sheikh Hamid neighbourhood council, told reporters the lists were ready."
    assert _roles(text, "Berin Xal") == [("Berin Xal", "co-chair of the Sheikh Hamid neighbourhood council")]


def test_a_counsellor_at_a_mission() -> None:
    text = "Vivek Rao, a counsellor at the High Commission in the capital, said India appreciated the cooperation."
    assert _roles(text, "Vivek Rao") == [("Vivek Rao", "counsellor at the High Commission in the capital")]


# --- exchanges of single people (after blind7 was read) ----------------------------------------------------

def test_a_single_person_named_by_nationality_is_one() -> None:
    text = ("Last year three Danish nationals were released by Borduvia in return for a single Borduvian who had "
            "been serving a sentence in Denmark.")
    assert exchange_counts(text) == [[3, 1]]


def test_a_nationality_before_a_people_noun_is_not_the_head() -> None:
    text = "Caracas freed 10 Americans in return for a Colombian businessman close to the government."
    assert exchange_counts(text) == [[10, 1]]


def test_plural_nationality_nouns_are_people() -> None:
    text = ("Last October four Serbs detained in Kosovo were freed in exchange for a single Kosovo Albanian held in "
            "a Serbian prison.")
    assert exchange_counts(text) == [[4, 1]]


def test_swapping_an_aid_worker_for_a_diplomat() -> None:
    text = "In a similar deal in 2023, Belgium swapped an aid worker held in Iran for an Iranian diplomat."
    assert exchange_counts(text) == [[1, 1]]


def test_their_own_forces_and_a_long_deal_clause() -> None:
    text = ("The regional authorities handed over 35 federal soldiers captured in fighting near the border and "
            "received 23 of their own forces held in the capital, in an exchange overseen by elders.")
    assert exchange_counts(text) == [[35, 23]]


def test_an_answer_after_the_first_release_is_told_again() -> None:
    text = ("Israel handed over seven Lebanese detainees at the crossing on Tuesday. Strikes continued in the south. "
            "Officials counted the damage. A school was closed. The seven Lebanese detainees, most of them captured "
            "during the ground operations, were received by the Red Cross. Israel, in return, received an Israeli "
            "civilian who had crossed the border in December.")
    assert exchange_counts(text) == [[7, 1]]


def test_another_n_were_taken_to_hospitals() -> None:
    text = ("A bus plunged into a ravine early on Thursday. Twelve passengers died at the scene. Another 21 were "
            "taken to hospitals, the health department said.")
    assert casualty_counts(text) == [(12, 21)]


def test_some_of_whom_taken_to_hospital_are_a_part() -> None:
    text = "Fourteen passengers were treated for minor injuries, two of whom were taken to hospital as a precaution."
    assert casualty_counts(text) == [(None, 14)]


def test_bringing_to_n_the_number_killed() -> None:
    text = ("Two more passengers who were admitted to hospital after the crash died yesterday, bringing to 13 the "
            "number of people killed in the accident.")
    assert casualty_counts(text) == [(13, None)]


def test_receiving_treatment_is_an_injured_count() -> None:
    text = ("The number of people killed in the attack has risen to 19, the chairman said. He said eight other "
            "villagers were receiving treatment at the hospital for gunshot wounds.")
    assert casualty_counts(text) == [(19, 8)]
