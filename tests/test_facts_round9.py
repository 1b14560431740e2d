"""Round nine of fact tests: general rules added after the eighth blind set was read (a release answered several
sentences later, two releases by nations across sentences, lists set off by dashes, time spans inside a long
subject, people leaving custody on foot, deals that "saw" two groups go; casualties of "more" people in hospital,
"killing him" and "its pilot", "shot dead", short "since" periods, incidents of another time or year, asides
after a count, breakdowns only within a paragraph or two, pluperfect partial tolls, a lede's lower bound)."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts, exchange_counts, vote_counts


# --- exchanges -------------------------------------------------------------------------------------------

_ANSWERED_LATER = (
    "Rebels in the hills released eight hostages, including two nurses, on Saturday.\n\n"
    "The hostages were handed to church mediators on a forest track and driven to the city.\n\n"
    '"They are tired, but alive," the archbishop said. He said the talks had lasted three months.\n\n'
    "{gap}"
    "The government, for its part, freed 23 suspected rebel detainees from the central prison on Friday."
)


def test_a_release_answered_a_few_sentences_later_is_a_swap() -> None:
    assert exchange_counts(_ANSWERED_LATER.format(gap="")) == [[8, 23]]


def test_a_release_answered_far_later_is_not_paired() -> None:
    gap = "".join(f"Residents of village number {n} gathered in the square on Sunday.\n\n" for n in range(1, 6))
    assert exchange_counts(_ANSWERED_LATER.format(gap=gap)) == []


def test_the_last_living_hostages_in_exchange_for_prisoners() -> None:
    text = ("In its first phase in October, the group freed the last 20 living hostages in exchange for 1,968 "
            "prisoners and detainees, in scenes of jubilation on both sides.")
    assert exchange_counts(text) == [[20, 1968]]


def test_bodies_in_exchange_for_those_of_fighters() -> None:
    text = ("The bodies of nine men from the east were returned to Velm in exchange for those of 14 western "
            "fighters, according to the Red Cross.")
    assert exchange_counts(text) == [[9, 14]]


def test_two_nations_released_in_consecutive_paragraphs_with_a_dashed_list() -> None:
    text = ("Ruritania and Borduvia swapped detained border guards and villagers on Friday.\n\n"
            "Ruritania's security committee said that it had handed over seven Borduvian servicemen at the crossing. "
            "It gave no details of what it had received in return.\n\n"
            "In Velm, the border troops said hours later that nine Ruritanian citizens - four border guards and five "
            "villagers detained while grazing livestock - had been returned.")
    assert exchange_counts(text) == [[7, 9]]


def test_two_releases_of_one_nation_in_consecutive_paragraphs_are_not_paired() -> None:
    text = ("Ruritania and Borduvia swapped detained border guards and villagers on Friday.\n\n"
            "Ruritania's security committee said that it had handed over seven Borduvian servicemen at the crossing.\n\n"
            "Officials said later that nine Borduvian citizens detained while grazing livestock had been returned.")
    assert exchange_counts(text) == []


def test_a_time_span_inside_a_long_passive_subject() -> None:
    text = ("Five construction workers held for almost four months by armed separatists in the highlands have been "
            "released, in a deal under which the authorities freed two jailed rebel fighters.")
    assert exchange_counts(text) == [[5, 2]]


def test_people_crossing_the_bridge_in_return() -> None:
    text = ("Velm handed over three residents of the region who had been held on smuggling charges, the bureau said. "
            "In return, two Ruritanian citizens detained in Karstad last year -- a schoolteacher and a farmer accused "
            'of "espionage" -- crossed the bridge at the checkpoint on foot shortly after noon.')
    assert exchange_counts(text) == [[3, 2]]


def test_prisoners_walking_out_of_prison_in_return() -> None:
    text = ("The rebels freed four road workers on Monday under a deal brokered by the church. The police chief "
            "later confirmed that two rebel members serving sentences for arson had walked out of Velm prison on "
            "Monday afternoon, in return.")
    assert exchange_counts(text) == [[4, 2]]


def test_one_compound_noun_person_against_two() -> None:
    text = ("In 2021, Karstad freed a Borduvian police officer while Velm released two Ruritanian customs officers, "
            "although that deal collapsed weeks later.")
    assert exchange_counts(text) == [[1, 2]]


def test_two_sides_of_one_island_named_by_plural_demonyms() -> None:
    text = ("The Turkish Cypriot authorities on Saturday released two Greek Cypriots who had been held in the north "
            "since March, while the Republic freed four Turkish Cypriots detained in the south.")
    assert exchange_counts(text) == [[2, 4]]


def test_a_deal_that_saw_two_groups_go() -> None:
    text = ("Last year a similar deal saw five Turkish Cypriots let go in the south and three Greek Cypriots returned "
            "from the north.")
    assert exchange_counts(text) == [[5, 3]]


def test_sent_back_across_the_strait_after_a_release() -> None:
    text = ("Borduvia sent four Ruritanian crew members back across the strait on Thursday, hours after Ruritania "
            "freed two Borduvian fishermen who had been held for five weeks.")
    assert exchange_counts(text) == [[4, 2]]


def test_remains_handed_over_to_a_country_and_brought_across() -> None:
    text = ("Ruritanian officials on Wednesday handed over to Borduvia the remains of 11 people at the border "
            "crossing. Half an hour later, the Borduvian side brought across the remains of seven Ruritanians.")
    assert exchange_counts(text) == [[11, 7]]


def test_those_of_after_a_second_side() -> None:
    text = ("The last such handover took place in June, when Ruritania returned the remains of five people and "
            "Borduvia those of eight.")
    assert exchange_counts(text) == [[5, 8]]


def test_each_side_released_the_same_count() -> None:
    text = "A similar deal last August, mediated by the same elders, saw each side release 30 prisoners."
    assert exchange_counts(text) == [[30, 30]]


def test_a_deal_saw_one_side_return_and_the_other_release() -> None:
    text = ("The last comparable arrangement, in 2023, saw Karstad return five Borduvian fishermen while Velm "
            "authorities released two Ruritanian sailors.")
    assert exchange_counts(text) == [[5, 2]]


def test_let_go_of_and_ordered_the_release_of() -> None:
    text = ("Thirty-one villagers held by the gang were freed on Sunday, officials said. On Monday, in return, "
            "security agencies let go of seven men arrested in June.")
    assert exchange_counts(text) == [[31, 7]]
    text = ("Fourteen police officers held by striking miners were handed over to the church on Thursday. Hours "
            "earlier, in return, a judge had ordered the release of six leaders of the miners' federation.")
    assert exchange_counts(text) == [[14, 6]]


# --- casualties ------------------------------------------------------------------------------------------

def test_more_people_being_treated_in_hospital_join_the_toll() -> None:
    text = ("A riot and fire at the women's prison left 21 inmates dead on Wednesday. Gang members burst into a "
            "wing and set fire to cells. Seven more women were being treated in hospital on Saturday, two of them "
            "for severe burns.")
    assert casualty_counts(text) == [(21, 7)]


def test_killing_its_pilot() -> None:
    text = ("Separately, a firefighting helicopter crashed on Sunday while battling a blaze in the south, killing its "
            "pilot, the agency said.")
    assert casualty_counts(text) == [(1, None)]


def test_killing_him_and_injuring_his_sons() -> None:
    text = ("An old landmine exploded beneath a shepherd near the border, killing him and injuring his two sons, the "
            "district mayor said.")
    assert casualty_counts(text) == [(1, 2)]


def test_shot_dead_three_of_their_colleagues() -> None:
    text = ("In the February raid, gunmen shot dead three of their colleagues and wounded two others at the work "
            "camp, police said.")
    assert casualty_counts(text) == [(3, 2)]


def test_a_toll_since_monday_takes_the_injured_count_after_it() -> None:
    text = ("Landslides in two districts since Monday have claimed the lives of 16 people, up from 11 reported on "
            "Wednesday. Twenty-three people have been injured and four are still missing.")
    assert casualty_counts(text) == [(16, 23)]


def test_a_toll_since_a_year_is_a_running_total() -> None:
    text = ("The insurgency has claimed the lives of 600 people since 2019, the ministry says. Twenty-three people "
            "have been injured and four are still missing.")
    assert casualty_counts(text) == [(600, None), (None, 23)]


def test_an_injured_count_opening_on_another_time_is_another_incident() -> None:
    text = ("In the February raid, gunmen shot dead three workers and wounded two others at the camp. Last month, "
            "security forces said six rebel fighters were killed in a firefight. And on Sunday, two police officers "
            "were wounded when their post was fired on, police said.")
    assert casualty_counts(text) == [(3, 2), (6, None), (None, 2)]


def test_a_toll_of_another_year_is_not_a_restatement() -> None:
    text = ("Looting and arson in the capital have left three people dead, police said on Friday. Doctors said 17 "
            "people had been treated for injuries.\n\n"
            "The unrest echoed the November 2021 riots, which left three people dead and destroyed much of the "
            "old town.")
    assert casualty_counts(text) == [(3, 17), (3, None)]


def test_an_aside_between_the_count_and_died() -> None:
    text = ("Police cleared the scene of a collision between a truck and a minibus. Two men, both aged in their 30s, "
            "died at the scene. Nine other passengers were taken to John Hunter Hospital, three of them in a "
            "serious condition.")
    assert casualty_counts(text) == [(2, 9)]


def test_deaths_at_the_scene_two_paragraphs_after_another_toll_are_not_its_breakdown() -> None:
    text = ("The minister spoke of the crash in June, when a coach rolled over, killing six people and injuring 14.\n\n"
            "The bill passed late on Tuesday.\n\n"
            "Police cleared the scene of a collision between a truck and a minibus. Two men died at the scene.")
    assert casualty_counts(text) == [(6, 14), (2, None)]


def test_a_pluperfect_partial_toll_paragraphs_after_the_update() -> None:
    text = ("The death toll from Saturday's fire at the factory rose to 11 today, as two more workers succumbed to "
            "their burns.\n\nThe fire broke out on the fifth floor.\n\nFirefighters took five hours to control it.\n\n"
            '"The staircase was blocked," the director said.\n\n'
            "Nine workers had died on Saturday, most of them on the upper floors.")
    assert casualty_counts(text) == [(11, None)]


def test_a_lede_lower_bound_gives_way_to_the_later_toll() -> None:
    text = ("Rival camps swap prisoners as clashes rock the coast\n\n"
            "Elders brokered the exchange, the largest since the ceasefire.\n\n"
            "Published On 22 Nov 2026\n\n"
            "The rival administrations have carried out their largest prisoner exchange in more than four years, even "
            "as fighting between armed groups west of the capital left more than a dozen people dead.\n\n"
            "The government said on Saturday it had freed 36 members of the eastern forces.\n\n"
            "The exchange came as the death toll from two days of fighting in the coastal city rose to 13, with 27 "
            "others wounded, according to the emergency centre.")
    assert casualty_counts(text) == [(13, 27)]


# --- votes -----------------------------------------------------------------------------------------------

def test_abstentions_followed_by_a_time() -> None:
    text = "Senators backed the bill 38-5 with two abstentions late Monday."
    assert vote_counts(text) == [(38, 5, 2)]


def test_a_one_sided_count_two_sentences_before_another_vote_stays() -> None:
    text = ("The amendments were passed with 56 votes from the ruling party. Opposition deputies called the law a "
            "weapon.\n\nIn Karstad, the regional legislature adopted a resolution condemning the amendments by 29 "
            "votes to none, with three abstentions.")
    assert vote_counts(text) == [(56, None, None), (29, 0, 3)]


def test_a_one_sided_count_right_after_a_tally_is_part_of_it() -> None:
    text = ("The bill passed by 320 votes to 180. Thirty-one Labour MPs voted against the whip.")
    assert vote_counts(text) == [(320, 180, None)]


def test_money_before_for_is_not_a_vote() -> None:
    text = ("The council approved the measure by 7 votes to 2. Under the measure, fines would rise from $40 to $150 "
            "for a first offense.")
    assert vote_counts(text) == [(7, 2, None)]


def test_a_predicted_tie_is_not_a_vote() -> None:
    text = ("The bill passed the upper house 21-19. The president did not need to use her casting vote, despite "
            "earlier predictions of a 20-20 dead heat.")
    assert vote_counts(text) == [(21, 19, None)]
