"""Round ten of fact tests: exchanges told loosely (reader/nlp/facts/loose_pairs.py), written after the ninth blind
set was read: two handovers a few sentences apart in a passage about a swap, two groups going home in one sentence,
handovers told by words the stricter rules do not know ("walked out of", "crossed to", "regain freedom"), and the
guards that keep parts, restatements, tolls, running totals, sources and one side acting twice out."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts, exchange_counts

# --- two handovers a few sentences apart ----------------------------------------------------------------

_TWO_PARAGRAPHS = (
    "Orland and river militias swap captives after week of talks\n\n"
    "Fourteen Orland police officers who had been held for five days by striking dockers were handed over to a "
    "church commission near the port late on Thursday.\n\n"
    "{middle}"
    "Hours earlier, a magistrate had ordered the release of six union leaders who were arrested on Monday.\n\n"
    "The interior minister said the two events were unrelated."
)


def test_two_handovers_a_sentence_apart_in_a_swap_story_are_one_exchange() -> None:
    assert exchange_counts(_TWO_PARAGRAPHS.format(middle="")) == [[14, 6]]


def test_two_handovers_far_apart_are_not_paired() -> None:
    middle = "".join(f"Traders in market number {n} reopened their stalls on Friday.\n\n" for n in range(1, 5))
    assert exchange_counts(_TWO_PARAGRAPHS.format(middle=middle)) == []


def test_without_talk_of_a_swap_two_releases_stay_apart() -> None:
    text = _TWO_PARAGRAPHS.format(middle="").replace("swap captives", "end standoff")
    assert exchange_counts(text) == []


def test_people_walking_out_of_a_camp_answer_an_earlier_release() -> None:
    text = (
        "Norvik brokers exchange between government and guerrillas\n\n"
        "Six members of the security forces held by the guerrillas, five soldiers and a police officer, were "
        "released on Wednesday in a remote village.\n\n"
        "The six were handed over to a Red Cross team and a Norvik embassy observer.\n\n"
        "The government side of the bargain was completed on Thursday, when three consultants of the rebels' "
        "political wing walked out of Camp Ardent after a court granted them bail."
    )
    assert exchange_counts(text) == [[6, 3]]


def test_a_noun_read_as_a_verb_does_not_hide_the_people() -> None:
    text = (
        "Neighbours complete border swap at river bridge\n\n"
        "Two Tajik border guards who spent four months in custody returned home on Monday, walking across the "
        "bridge as their relatives watched.\n\n"
        "Officials declined to comment.\n\n"
        "Three Afghan nationals convicted of illegal crossing were driven to the same bridge in a prison van "
        "earlier that morning and handed over to officials."
    )
    assert exchange_counts(text) == [[2, 3]]


# --- two groups in one sentence --------------------------------------------------------------------------

def test_two_nations_going_home_in_one_sentence() -> None:
    text = ("Prisoner swap completed in Gulf capital\n\n"
            "Two Americans are free, and three Russians are flying home.")
    assert exchange_counts(text) == [[2, 3]]


def test_the_second_group_told_after_a_turn_in_a_headline() -> None:
    text = ("Valley: 31 abducted villagers regain freedom after governor frees seven bandit suspects\n\n"
            "The villagers arrived in the state capital on Wednesday.\n\n"
            '"It was a swap, let us not deceive ourselves," said a community leader.')
    assert exchange_counts(text) == [[31, 7]]


def test_the_same_swap_told_twice_is_one_fact() -> None:
    text = ("Two Americans are free, and three Russians are flying home after a swap.\n\n"
            "Two Americans who had been serving long sentences left the capital on a jet on Friday, hours before a "
            "plane carrying three Russian citizens released from American prisons landed in Moscow.")
    assert exchange_counts(text) == [[2, 3]]


# --- guards ------------------------------------------------------------------------------------------------

def test_a_part_listed_after_a_count_is_not_the_other_side() -> None:
    text = ("The swap was agreed in May.\n\n"
            "Six members of the security forces, five soldiers and a police officer, were released on Wednesday.")
    assert exchange_counts(text) == []


def test_one_person_beside_a_group_in_another_sentence_is_not_a_side() -> None:
    text = ("Kestria frees 3 Americans in prisoner swap\n\n"
            "The exchange, carried out on a runway, returned a jailed newspaper correspondent to the United States. "
            "Four Kestrian agents, including a man convicted of murder, were flown home.")
    assert exchange_counts(text) == []


def test_bodies_and_living_people_are_not_paired_loosely() -> None:
    text = ("The exchange programme has run since 2022.\n\n"
            "On Thursday, 58 soldiers were returned home from captivity.\n\n"
            "Their families waited at a hospital in the north.\n\n"
            "On Friday, the bodies of 909 fallen soldiers were repatriated to Kyiv.")
    assert exchange_counts(text) == []


def test_sources_and_people_still_held_are_not_handovers() -> None:
    text = ("The swap was completed on Tuesday, when 12 fishermen were released, according to two people familiar "
            "with the talks.\n\n"
            "The ombudsman said at least 20 citizens were still being held in the south, and sent back a petition.")
    assert exchange_counts(text) == []


def test_one_side_releasing_twice_is_not_a_swap() -> None:
    text = ("The Harbour Brigade agreed to a swap on Monday.\n\n"
            "The Harbour Brigade released 14 fighters on Sunday morning.\n\n"
            "On Monday the Harbour Brigade freed nine more men.")
    assert exchange_counts(text) == []


def test_differently_named_brigades_are_two_sides() -> None:
    text = ("Rival groups agree truce and prisoner swap\n\n"
            "Under the truce, the Central Security Brigade handed over 14 captured fighters to a committee of elders.\n\n"
            "The 77th Brigade released nine men it had detained during the fighting, the committee said.")
    assert exchange_counts(text) == [[14, 9]]


# --- stricter rules widened this round ------------------------------------------------------------------

def test_a_handover_noun_after_oversaw() -> None:
    text = ("The Red Crescent oversaw the handover of the bodies of five fighters to the eastern side, which in turn "
            "returned the remains of three men from the Security Force.")
    assert exchange_counts(text) == [[5, 3]]


def test_a_handover_that_saw_people_go_both_ways() -> None:
    text = "In March, a similar handover at Likuangole saw 12 abductees returned to Pibor and eight to Bor."
    assert exchange_counts(text) == [[12, 8]]


def test_a_crew_sent_back_hours_after_fishermen_were_freed() -> None:
    text = ("Taiwan sent four mainland Chinese crew members back across the strait on Thursday, hours after Beijing "
            "freed two Taiwanese fishermen who had been held for more than five weeks, in what both sides insisted "
            "was not a swap.")
    assert exchange_counts(text) == [[4, 2]]


# --- written after the tenth blind set was read --------------------------------------------------------

def test_set_free_in_return_for_the_release_of() -> None:
    text = ("In January, six abducted employees of a road company were set free in return for the release of three men "
            "held by police, according to district officials.")
    assert exchange_counts(text) == [[6, 3]]


def test_a_bracketed_short_form_inside_the_people() -> None:
    text = ("Nine Frontier Constabulary (FC) personnel who were kidnapped last week were freed on Saturday in exchange "
            "for 14 detained relatives of the suspected abductors.")
    assert exchange_counts(text) == [[9, 14]]


def test_guards_returned_each_by_both_border_services() -> None:
    text = ("Separately, the two countries' border services on Monday returned three detained border guards each at "
            "the crossing, in a swap agreed last week.")
    assert exchange_counts(text) == [[3, 3]]


def test_bodies_received_and_dead_handed_over() -> None:
    text = ("At a ceremony overseen by the Red Cross, Djibouti received the bodies of nine of its troops and handed "
            "over 14 Eritrean dead in the swap.")
    assert exchange_counts(text) == [[9, 14]]


def test_the_body_of_one_crewman_against_the_remains_of_two() -> None:
    text = ("In the same exchange, the North handed over the body of one crewman, while the South returned the remains "
            "of two fishermen found in a wrecked boat.")
    assert exchange_counts(text) == [[1, 2]]


def test_bandits_let_go_against_villagers_released() -> None:
    text = ("In August, the government let four suspected bandits go, and 11 villagers were released by their captors "
            "the following day, according to leaders who described the deal as a swap.")
    assert exchange_counts(text) == [[4, 11]]


def test_two_nationalities_traded_one_for_the_other() -> None:
    text = ("In 2021 their coast guards quietly traded detained fishermen in the Aegean, three Greeks for three Turks, "
            "after a string of arrests.")
    assert exchange_counts(text) == [[3, 3]]


def test_a_running_total_is_not_a_side() -> None:
    text = ("The deal was welcomed by the senator, who said it brought 12 families back together.\n\n"
            "Cuba freed more than 500 prisoners in January under a separate arrangement.")
    assert exchange_counts(text) == []


def test_a_freed_group_of_two_kinds_is_not_two_sides() -> None:
    text = ("In the swap, the Americans released were two former Marines and a Houston oil engineer detained last "
            "year.")
    assert exchange_counts(text) == []


def test_asking_for_a_return_is_not_a_release() -> None:
    text = ("Since then, repatriations have gone one way, including the return of two fishermen in 2019.\n\n"
            "The opposition called on the government to seek the return of six civilians held in the North as part of "
            "any future exchange.")
    assert exchange_counts(text) == []


def test_a_deal_in_the_headline_makes_two_releases_a_swap() -> None:
    text = ("Gulf neighbours release detained fishermen in Kuwait-brokered deal\n\n"
            "Eleven Bahrainis held in Doha since January are back home, while four Qatari sailors have been flown back "
            "from Manama.")
    assert exchange_counts(text) == [[11, 4]]


def test_a_trade_deal_is_not_talk_of_a_swap() -> None:
    text = ("The two ministers signed a trade deal on Monday.\n\n"
            "Fourteen police officers held by strikers were handed over to a church commission.\n\n"
            "A judge ordered the release of six union leaders the same day.")
    assert exchange_counts(text) == []


# --- casualties, written after the tenth blind set was read ------------------------------------------

def test_people_in_hospital_are_injured() -> None:
    text = ("Three people have died and 14 others are in hospital after a minibus left the road and rolled down an "
            "embankment on Sunday.")
    assert casualty_counts(text) == [(3, 14)]


def test_an_earlier_toll_confirmed_in_the_pluperfect_gives_way_to_the_update() -> None:
    text = ("The death toll from Saturday's attack on the village has risen to seven, the police said.\n\n"
            "The police had on Sunday confirmed five deaths.\n\n"
            "Nine other people injured in the attack were receiving treatment at the general hospital.")
    assert casualty_counts(text) == [(7, 9)]


def test_other_people_hurt_join_a_toll_told_several_sentences_before() -> None:
    text = ("Two people were killed when a jeep and a van collided on the N21 on Friday night.\n\n"
            "The crash happened near Adare shortly before midnight.\n\n"
            "Gardai closed the road for several hours.\n\n"
            "A forensic collision team examined the scene on Saturday.\n\n"
            "Diversions were put in place through the town.\n\n"
            "Local councillors have long called for safety works on the road.\n\n"
            "Three other people, including the driver of the jeep, were taken to hospital with injuries that are not "
            "thought to be life-threatening.")
    assert casualty_counts(text) == [(2, 3)]
