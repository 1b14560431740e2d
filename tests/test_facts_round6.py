"""Round six of fact tests: general rules added after the third blind set was read (exchanges told as two
releases, votes told as verbs, casualty tolls and their parts)."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts, exchange_counts, facts_of, vote_counts


# --- exchanges -------------------------------------------------------------------------------------------

def test_two_handovers_in_a_passage_about_a_swap_are_one_exchange() -> None:
    text = ("The two neighbours completed a swap of captured troops on Friday. Ruritania handed over 12 Borduvian "
            "soldiers seized near the river, while Borduvia released five Ruritanian guards, the army said.")
    assert exchange_counts(text) == [[12, 5]]


def test_two_handovers_without_any_swap_context_are_not_an_exchange() -> None:
    text = "Police released 12 protesters on Friday. A court freed five activists later, while the city handed over 3 flats."
    assert exchange_counts(text) == []


def test_a_release_answered_in_turn_two_sentences_later() -> None:
    text = ("The militia freed 64 captured soldiers on Monday in a rare exchange. The freed men were handed over to "
            "Red Cross teams near the town. The army, in turn, released 37 militia fighters held in the capital.")
    assert exchange_counts(text) == [[64, 37]]


def test_a_long_passive_subject_answered_in_return() -> None:
    text = ("Forty-two soldiers and police officers held by the rebels were released on Tuesday, the Red Cross said. "
            "In return, the government freed 30 detained members of the movement.")
    assert exchange_counts(text) == [[42, 30]]


def test_an_elliptic_second_side() -> None:
    text = "The two sides also exchanged the remains of fallen troops, with Ruritania receiving 9 bodies and Borduvia four."
    assert exchange_counts(text) == [[9, 4]]


def test_one_person_in_return_for_a_count() -> None:
    text = "Last year the junta freed 8 Americans in return for a Ruritanian businessman jailed in Texas."
    assert exchange_counts(text) == [[8, 1]]


def test_a_count_and_a_single_person_add_up() -> None:
    text = ("Tehran released two Danish nationals and a Swedish-Iranian researcher on Monday, in an exchange that also "
            "saw Denmark free two Iranians.")
    assert exchange_counts(text) == [[3, 2]]


def test_the_other_side_answers_a_release() -> None:
    text = ("The republic has released six detainees held since the war, officials said. Talks had lasted months. "
            "The other side handed over two soldiers who had crossed the border.")
    assert exchange_counts(text) == [[6, 2]]


def test_a_one_for_one_exchange_of_a_single_person() -> None:
    text = "In what officials called a one-for-one exchange, the border force handed over a Borduvian constable."
    assert exchange_counts(text) == [[1, 1]]


def test_hostages_regaining_freedom_answered_in_turn() -> None:
    text = ("Nineteen passengers abducted in March regained their freedom on Sunday. "
            "In turn, seven suspected members of the gang, who had been held by the police since May, were freed.")
    assert exchange_counts(text) == [[19, 7]]


# --- votes -------------------------------------------------------------------------------------------------

def test_n_of_the_members_present_voted_in_favour() -> None:
    text = "Twenty-two of the 25 members present voted in favour of the motion, two voted against it and one abstained."
    assert vote_counts(text) == [(22, 2, 1)]


def test_voted_to_accept_and_bare_counts_in_a_ballot() -> None:
    assert vote_counts("In the ballot, 9,120 voted to accept the offer, 4,311 rejected it and 208 abstained.") == [
        (9120, 4311, 208)]
    assert vote_counts("Of the members who took part in the ballot, 2,114 backed the deal and 996 rejected it.") == [
        (2114, 996, None)]


def test_voting_no_and_voting_yes() -> None:
    text = "Members voted down the earlier offer, with 1,402 voting no and 1,310 voting yes."
    assert vote_counts(text) == [(1310, 1402, None)]


def test_against_n_who_rejected_it() -> None:
    text = "Only 12 senators voted to uphold the charge against 30 who rejected it."
    assert vote_counts(text) == [(12, 30, None)]


def test_an_opinion_poll_is_still_not_a_vote() -> None:
    assert vote_counts("In a poll of 800 residents, 410 backed the plan and 300 opposed it.") == []


# --- casualties ---------------------------------------------------------------------------------------------

def test_a_toll_far_from_its_verb_and_its_parts() -> None:
    text = ("The death toll from the fire that broke out at a chemical depot in the old quarter of the city rose to 17 "
            "on Monday, after two more victims died in hospital. Twenty others are still being treated at the city's "
            "burns hospital.")
    assert casualty_counts(text) == [(17, 20)]


def test_plural_nouns_of_people_by_what_they_do() -> None:
    assert casualty_counts("On Monday, three deminers were injured when their truck hit a mine.") == [(None, 3)]
    assert casualty_counts("Seven devotees, including two children, were killed in the crush.") == [(7, None)]


def test_kin_plurals_still_count_as_a_list() -> None:
    assert casualty_counts("A man and his two sons were killed when the roof collapsed.") == [(3, None)]


def test_a_participle_between_count_and_verb() -> None:
    assert casualty_counts("Fourteen pilgrims returning from the shrine were injured when their bus overturned.") == [
        (None, 14)]


def test_one_and_others_of_the_same_kind_add_up() -> None:
    text = "A Ruritanian soldier was seriously injured and two others were slightly hurt when they hit a mine."
    assert casualty_counts(text) == [(None, 3)]
    text = "Two people were killed in the north, while three others died in a separate attack in the south."
    assert casualty_counts(text) == [(2, None), (3, None)]


def test_killed_and_another_wounded() -> None:
    assert casualty_counts("On Sunday, a Ruritanian peacekeeper was killed and another wounded near the border.") == [(1, 1)]


def test_taken_to_hospital_is_injured() -> None:
    assert casualty_counts("The ambulance service said it had taken 9 people to hospital with storm-related injuries.") == [
        (None, 9)]


def test_members_of_families_count_the_members() -> None:
    assert casualty_counts("Nine members of two families were injured when a gas cylinder exploded.") == [(None, 9)]


def test_an_ordinal_toll_replaces_an_earlier_count() -> None:
    text = ("A fourth person has died after the storm, police said. The body of a woman was recovered on Tuesday. "
            "On Monday, police said three people had died in the storm. The ambulance service said it had taken "
            "11 people to hospital with injuries.")
    assert casualty_counts(text) == [(4, 11)]


# --- officials ----------------------------------------------------------------------------------------------

def _officials(text: str, *persons: str) -> list[tuple[str, str]]:
    return [(d["person"], d["role"]) for d in facts_of(text, "official", persons)]


def test_a_role_of_a_body_whose_name_has_particles() -> None:
    text = "The president of the Junta de Castilla, Ana María Ruiz Ortega, visited the area on Monday."
    assert _officials(text, "Ana María Ruiz Ortega") == [("Ana María Ruiz Ortega", "president of the Junta de Castilla")]


def test_a_role_from_a_body() -> None:
    text = "\"It is a disgrace,\" said Armen Vardanyan, an MP from the opposition bloc."
    assert _officials(text, "Armen Vardanyan") == [("Armen Vardanyan", "MP from the opposition bloc")]


def test_an_abbreviated_title_opening_a_sentence_does_not_end_one() -> None:
    text = "Paris welcomed the vote. Amb. Hélène Roux said the council had spoken. Sens. Alma Ortiz and Ben Kay objected."
    found = _officials(text, "Hélène Roux")
    assert found == [("Hélène Roux", "Ambassador")]


def test_more_role_nouns() -> None:
    text = "\"It is a start,\" said Somchai Phrom, a lecturer in politics at a university in Bangkok."
    assert _officials(text, "Somchai Phrom") == [("Somchai Phrom", "lecturer in politics at a university in Bangkok")]


def test_a_headline_swap_told_again_in_the_body_is_one_fact() -> None:
    text = ("Ruritania frees 6 Borduvians as Borduvia sends home 3 Ruritanians in swap\n\n"
            "Ruritania's government released six jailed Borduvians on Saturday. Borduvia, in return, sent home three "
            "Ruritanians who had been serving sentences.")
    facts = facts_of(text, "exchange")
    assert [f["counts"] for f in facts] == [[6, 3]]
    assert facts[0]["evidence"]["start"] > text.index("\n")
