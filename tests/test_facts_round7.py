"""Round seven of fact tests: general rules added after the fourth and fifth blind sets were read (swaps told
with "the same number", comings home, bodies handed both ways, named single captives; casualty parentheticals,
rescues with injuries, road numbers; votes "none voted against" and "ruling N to M"; officials with initials,
ranks written without stops, members of bodies)."""

from __future__ import annotations

from reader.document import Entity, Mention
from reader.nlp.facts import extract_facts
from tests.facts_helpers import casualty_counts, exchange_counts, make_doc, officials, vote_counts


# --- exchanges -------------------------------------------------------------------------------------------

def test_the_same_number_in_return_takes_the_other_sides_count() -> None:
    text = ("Ruritania and Borduvia carried out another prisoner exchange on Monday, with 140 Ruritanian soldiers "
            "returning home, the army said. Borduvia received the same number of its own troops in return, its "
            "ministry said.")
    assert exchange_counts(text) == [[140, 140]]


def test_one_side_doing_two_things_is_not_a_swap() -> None:
    text = "Ruritania brings home 90 defenders in swap with Borduvia, receives 400 bodies of fallen soldiers"
    assert exchange_counts(text) == []


def test_bodies_handed_over_both_ways_in_a_headline() -> None:
    text = "Militants hand over remains of three hostages; army returns bodies of 25 fighters to the enclave"
    assert exchange_counts(text) == [[3, 25]]


def test_bodies_handed_over_in_consecutive_sentences() -> None:
    text = "Separately, Ruritania received the bodies of 512 fallen troops at the border. Borduvia was given 28 bodies."
    assert exchange_counts(text) == [[512, 28]]


def test_a_rate_of_bodies_is_not_a_handover() -> None:
    text = ("The remains of two hostages were handed over to the army on Thursday night. Under the truce, the army "
            "returns the bodies of 15 fighters for every deceased hostage whose remains are released.")
    assert exchange_counts(text) == []


def test_a_long_relative_clause_before_a_passive_release() -> None:
    text = ("Forty residents of the border district who had ended up on the other side during the fighting were "
            "returned to Ruritania on Sunday. In the same operation, 12 Borduvian civilians who had been held in "
            "Ruritania were handed over to the capital.")
    assert exchange_counts(text) == [[40, 12]]


def test_named_single_captives_on_each_side() -> None:
    text = ("In a separate deal, Borduvia released Ruritanian citizen Tomas Varga, who had served two years. The "
            "exchange was a one-for-one trade: in return, Ruritania freed Borduvian national Ilya Brandt.")
    assert exchange_counts(text, "Tomas Varga", "Ilya Brandt") == [[1, 1]]


def test_a_bare_count_is_the_other_side_of_a_release() -> None:
    text = ("The two states carried out an exchange at the border. Ruritania handed over three people convicted of "
            "spying, while Borduvia freed five, among them two students.")
    assert exchange_counts(text) == [[3, 5]]


def test_a_bare_count_alone_is_nothing() -> None:
    text = "The two states carried out an exchange at the border. Borduvia freed five, among them two students."
    assert exchange_counts(text) == []


def test_a_coming_home_after_a_relative_clause_answered_in_exchange() -> None:
    text = ("Separately, seven guards who had been abducted from a checkpoint last week returned home on Sunday night. "
            "In exchange, the district administration released four detained relatives of militants.")
    assert exchange_counts(text) == [[7, 4]]


def test_regained_freedom_after_a_prepositional_since() -> None:
    text = ("The last 23 passengers held captive since the attack on the train in March have regained their freedom. "
            "Officials said the talks had been long. The captives were freed in exchange for eight children of "
            "gang leaders.")
    assert exchange_counts(text) == [[23, 8]]


def test_a_facilitated_release_answered_in_return() -> None:
    text = ("Last week the Red Cross facilitated the release of 31 rebel fighters held by the army, while 22 "
            "soldiers were freed by the rebels in return.")
    assert exchange_counts(text) == [[31, 22]]


def test_receiving_in_turn() -> None:
    text = "Borduvia handed over five Ruritanian servicemen at the border on Sunday, receiving in turn eleven Borduvian citizens."
    assert exchange_counts(text) == [[5, 11]]


def test_a_quote_inside_the_passive_verb() -> None:
    text = ('The ministry said on Friday that 103 Borduvian servicemen had been "returned from territory held by the '
            'enemy." The soldiers are in a third country. In exchange, 103 Ruritanian prisoners of war were handed over.')
    assert exchange_counts(text) == [[103, 103]]


# --- casualties ------------------------------------------------------------------------------------------

def test_rescued_with_injuries_joins_the_toll() -> None:
    text = ("The death toll from the collapse of a mining pit has risen to 13 from the eight earlier reported. The "
            "agency said seven other miners were rescued with injuries and taken to hospital.")
    assert casualty_counts(text) == [(13, 7)]


def test_a_toll_rising_to_at_least() -> None:
    text = "Separately, the death toll from the sinking of an overloaded boat on the lake rose to at least 27 on Tuesday."
    assert casualty_counts(text) == [(27, None)]


def test_bodies_found_are_a_part_of_the_toll() -> None:
    text = ("The death toll from the factory fire has risen to 11, with four other workers injured, officials said. "
            "Eight bodies were found on Saturday and three more were recovered on Sunday morning.")
    assert casualty_counts(text) == [(11, 4)]


def test_already_died_is_a_part_of_the_toll() -> None:
    text = ("The death toll from the floods has risen to five after police found the bodies of two men. "
            "Three people had already died since the rain began on Tuesday.")
    assert casualty_counts(text) == [(5, None)]


def test_a_dash_parenthetical_and_alive_but_injured() -> None:
    text = ("Further east, in the camps, five people - three of them children - died when a hillside gave way. "
            "Two more were pulled from the mud alive but injured, an official said.")
    assert casualty_counts(text) == [(5, 2)]


def test_a_road_number_is_not_a_toll() -> None:
    text = "Lawmakers acted six months after a crash on Interstate 270 killed five highway workers."
    assert casualty_counts(text) == [(5, None)]


def test_two_of_his_siblings() -> None:
    text = "In the south, a boy was killed and two of his siblings were wounded when a landmine exploded near their home."
    assert casualty_counts(text) == [(1, 2)]


def test_one_crewman_killed_and_others_wounded() -> None:
    text = "One Thai crewman was killed and four others were wounded in the shooting."
    assert casualty_counts(text) == [(1, 4)]


def test_a_person_with_an_appositive_name() -> None:
    text = "The military announced that a reservist, Staff Sgt. Yoni Adler, 20, from Haifa, had been killed by sniper fire."
    assert casualty_counts(text, "Yoni Adler") == [(1, None)]


def test_brought_to_hospital_with_injuries_after_a_place_name() -> None:
    text = "Two crew members died, while three others were brought to a hospital in Nabunturan with injuries."
    assert casualty_counts(text) == [(2, 3)]


def test_an_earlier_figure_placed_at() -> None:
    text = ("The death toll from the landslide rose to 41 on Saturday. At least 32 people were injured. On Thursday, "
            "authorities had placed the number of dead at 27.")
    assert casualty_counts(text) == [(41, 32)]


# --- votes -----------------------------------------------------------------------------------------------

def test_none_voted_against() -> None:
    text = "According to the assembly's website, 398 deputies voted in favor, none voted against, and one abstained."
    assert vote_counts(text) == [(398, 0, 1)]


def test_ruling_three_to_one() -> None:
    text = "The bench upheld the convictions of two managers, ruling three to one that they had failed to act."
    assert vote_counts(text) == [(3, 1, None)]


# --- officials -------------------------------------------------------------------------------------------

def test_initials_before_a_name_do_not_hide_the_title() -> None:
    text = "Superintendent of Police K.V. Maheswara Rao said only 120 police personnel had been deployed."
    assert officials(text, "Maheswara Rao") == {("Maheswara Rao", "Superintendent of Police")}


def test_a_title_after_a_comma_before_initials() -> None:
    text = "The minister suspended the temple's Executive Officer, Ch. Subrahmanyam Sastry, pending an inquiry."
    assert ("Subrahmanyam Sastry", "temple's Executive Officer") in officials(text, "Subrahmanyam Sastry")


def test_a_rank_between_the_comma_and_the_name() -> None:
    text = "The command's spokesperson, ASP Yazid Abubakar, said in a statement that calm had returned."
    roles = {r for _, r in officials(text, "Yazid Abubakar")}
    assert "command's spokesperson" in roles and "ASP" in roles


def test_ranks_written_without_stops() -> None:
    text = "A deputy commandant of the border force, Lt Col Azhar Mehmood Khattak, supervised the handover."
    roles = {r for _, r in officials(text, "Azhar Mehmood Khattak")}
    assert "deputy commandant of the border force" in roles


def test_a_member_of_a_committee_in_apposition() -> None:
    text = "Moscow got back the remains of 41 troops, said Ayub Magomedov, a member of the State Duma's defence committee."
    assert officials(text, "Ayub Magomedov") == {("Ayub Magomedov", "member of the State Duma's defence committee")}


def test_a_senator_representing_a_district() -> None:
    text = "However, the senator representing Kebbi South, Bala Ibrahim Argungu, told journalists the girls were free."
    assert officials(text, "Bala Ibrahim Argungu") == {("Bala Ibrahim Argungu", "senator representing Kebbi South")}


def test_new_role_nouns() -> None:
    assert officials("Russia's human rights ombudswoman, Galina Sorokina, said talks would go on.", "Galina Sorokina") \
        == {("Galina Sorokina", "Russia's human rights ombudswoman")}
    assert officials("The resolution, moved by PPP MPA Sadia Leghari, was passed.", "Sadia Leghari") \
        == {("Sadia Leghari", "PPP MPA")}


def test_a_burmese_honorific_before_the_name() -> None:
    text = "Myanmar's deputy foreign minister, U Kyaw Min Htet, said in a statement that the release was welcome."
    assert officials(text, "Kyaw Min Htet") == {("Kyaw Min Htet", "Myanmar's deputy foreign minister")}


def test_a_bare_title_is_no_person() -> None:
    text = "Fire Service Director General Brig Gen Mohammad Rezaul Karim said the warehouse had no licence."
    doc = make_doc(text, ("Mohammad Rezaul Karim",))
    at = text.index(" Gen ") + 1
    bare = Entity("e9", "PERSON", "Gen", (Mention(at, at + 3),))  # what the tagger made of the rank
    doc = doc.with_layers(entities=[*doc.entities, bare])
    found = {(doc.entity(f.fields["person"]).name, f.fields["role"]) for f in extract_facts(doc) if f.kind == "official"}
    assert all(name != "Gen" for name, _ in found)
    assert ("Mohammad Rezaul Karim", "Brig Gen") in found


# --- rules added after the fifth blind set was read ------------------------------------------------------

def test_votes_told_as_affirmative_and_negative_votes() -> None:
    text = "House Bill No. 8812 was approved with 198 affirmative votes, 9 negative votes, and 2 abstentions."
    assert vote_counts(text) == [(198, 9, 2)]


def test_passed_with_n_votes_and_none_against() -> None:
    text = "The Senate passed a counterpart bill on final reading in August with 20 votes and none against."
    assert vote_counts(text) == [(20, 0, None)]


def test_no_one_voted_against() -> None:
    text = "The bill was supported by 397 deputies, no one voted against, and one abstained."
    assert vote_counts(text) == [(397, 0, 1)]


def test_unknown_voters_who_supported_a_motion() -> None:
    text = "A motion to impeach the county executive fell through after 28 MCAs supported it and 20 opposed it."
    assert vote_counts(text) == [(28, 20, None)]


def test_a_range_of_paragraphs_is_no_vote() -> None:
    text = "(ATTN: UPDATES death toll in paras 1-2, 4; ADDS parliament vote in paras 9-11)"
    assert vote_counts(text) == []


def test_martyred_and_embraced_martyrdom() -> None:
    assert casualty_counts("At least 11 people were martyred and 35 others injured when a bomber struck.") == [(11, 35)]
    assert casualty_counts("Four soldiers embraced martyrdom and two others were injured in an ambush.") == [(4, 2)]


def test_four_of_whom_were_killed() -> None:
    text = ("The bill honours the Castillo family, four of whom were killed in March when a driver hit their van. "
            "Two other people were hurt.")
    assert casualty_counts(text) == [(4, 2)]


def test_an_earlier_toll_inside_the_sentence_does_not_replace_the_count() -> None:
    text = ("Air strikes on the port city on Saturday killed six people and wounded 14, according to a spokesman, "
            "who had earlier put the death toll at four.")
    assert casualty_counts(text) == [(6, 14)]


def test_a_toll_after_a_list_of_places_with_its_injured() -> None:
    text = ("The number of people killed in floods that have ravaged parts of Nairobi, Machakos and the Rift Valley "
            "since last week has risen to 38, the government said. The minister said 57 others had been injured.")
    assert casualty_counts(text) == [(38, 57)]


def test_a_percentage_is_no_toll() -> None:
    assert casualty_counts("The number of workplace deaths fell 3.1 percent in the first nine months of the year.") == []


def test_killing_the_driver() -> None:
    text = "A drone struck a commuter bus near the town, killing the driver and injuring four passengers."
    assert casualty_counts(text) == [(1, 4)]


def test_a_third_was_wounded() -> None:
    text = "Two men were killed and a third was seriously wounded in a shooting attack at a gas station."
    assert casualty_counts(text) == [(2, 1)]


def test_one_person_with_a_compound_noun_after_which() -> None:
    text = "It is the worst crash since a 2017 collision in which a primary school student was killed and nine others were injured."
    assert casualty_counts(text) == [(1, 9)]


def test_wounded_prisoners_handed_over_are_no_casualties() -> None:
    text = "Amid the attacks, Ruritania brought home 25 severely wounded servicemen in an exchange mediated by the Red Cross."
    assert casualty_counts(text) == []


def test_a_later_incident_with_the_same_count_is_kept() -> None:
    text = ("A drone struck a minibus on Friday morning, killing one man and injuring seven others. In the neighboring "
            "Kursk region, a 63-year-old woman was killed when a drone hit her car.")
    assert casualty_counts(text) == [(1, 7), (1, None)]


def test_a_toll_in_a_sentence_about_bodies_and_rescued_with_injuries() -> None:
    text = ("In the city, the toll in Wednesday's collapse of a building rose to nine on Friday after rescuers recovered "
            "two more bodies. Three others, who were pulled out alive with injuries, are recovering in hospital.")
    assert casualty_counts(text) == [(9, 3)]


def test_a_lawyer_who_represents_clients_stays_a_lawyer() -> None:
    text = "Lawyer Kirill Anisimov, who represents several people designated as agents, told reporters the law was bad."
    assert officials(text, "Kirill Anisimov") == {("Kirill Anisimov", "Lawyer")}


def test_a_paramedic_and_an_honorific_before_a_name() -> None:
    assert officials("MDA paramedic Yehuda Malka says the three were taken to hospital.", "Yehuda Malka") \
        == {("Yehuda Malka", "MDA paramedic")}
    text = "The party's parliamentary leader in the Senate, Maulana Zia Mashwani, said laws alone could not restore peace."
    assert officials(text, "Zia Mashwani") == {("Zia Mashwani", "party's parliamentary leader in the Senate")}


def test_a_given_name_the_tagger_left_out() -> None:
    text = "The bill passed, according to the Speaker, Shamsuddeen Garba Anka, who chaired the sitting."
    assert ("Garba Anka", "Speaker") in officials(text, "Garba Anka")
