"""Exchange facts, round 19: sides told across asides, in sets of remains, as named lists with asides, totals split
by holder, and a lead release answered elsewhere in the article."""

from __future__ import annotations

from reader.nlp.facts.base import build_sents
from reader.nlp.facts.named_lists import subject_list
from reader.nlp.facts.release_pairs import releases, two_way_headline
from tests.facts_helpers import exchange_counts, make_doc


# -- a passive subject whose count is separated from its verb by asides and relative clauses


def test_subject_count_across_including_and_relative_clause() -> None:
    text = ("Border guards of the two states met at the crossing on Monday. According to the police, 21 Nepali "
            "porters, including three teenagers and an elderly cook, who had been detained after straying across the "
            "pass were handed over to Nepali officials. The Indian side, in turn, received eight Indian traders.")
    assert exchange_counts(text) == [[21, 8]]
    assert _releases(text.split(". ")[1] + ".") == [21]


def test_subject_count_across_participle_asides() -> None:
    text = ("The remains of six Moldovan sailors lost since the 1992 fighting, recovered from a riverbank near Dubasari, "
            "were repatriated to Chisinau, the ministry said, while the other side received the remains of four people "
            "buried in Bender.")
    assert exchange_counts(text) == [[6, 4]]


def test_count_inside_an_aside_is_no_subject() -> None:
    # "two elderly men" sits inside the aside about the victims: it is not the count handed over.
    text = ("Thirty passengers seized from a bus regained their freedom on Friday. The captives, who included a nurse "
            "and two elderly men, were handed over to police near the forest. In turn, nine suspected members of the "
            "gang were freed on Thursday night, sources said.")
    assert [2, 9] not in exchange_counts(text) and [9, 2] not in exchange_counts(text)


def _releases(text: str) -> list[int]:
    """The counts `release_pairs.releases` reads in the last sentence of `text`."""
    sents = build_sents(make_doc(text))
    return [n.value for n in releases(sents[-1])]


def test_second_clause_with_its_own_verb_is_no_aside() -> None:
    # The stretch after the comma is a clause of its own, so 40 is not the subject of "released".
    assert _releases("Forty protesters gathered outside the jail, relatives of the detainees were released on Sunday.") == []
    assert _releases("Forty protesters, who had gathered outside the jail, were released on Sunday.") == [40]


# -- sides told as remains in sets, as "those of", as the dead; "apiece"; "let go" with no "of"


def test_sets_of_remains_count_as_a_side() -> None:
    text = ("In 2011, fourteen sets of remains were flown back to Zagreb, and Serbia received the bodies of six of its "
            "policemen in return.")
    assert exchange_counts(text) == [[14, 6]]


def test_those_of_the_other_side_in_the_passive() -> None:
    text = ("The bodies of 16 militiamen were delivered to their families in the north, while those of nine "
            "soldiers were returned to the capital for burial.")
    assert exchange_counts(text) == [[16, 9]]


def test_the_dead_of_each_side_are_remains() -> None:
    text = ("Last month the two families traded the remains of men killed in the feud. The Dimaporos handed over the "
            "bodies of four Lucman fighters at the mosque. Six of their own dead were returned by the Lucmans that "
            "evening.")
    assert exchange_counts(text) == [[4, 6]]


def test_swapped_apiece() -> None:
    text = "In 2017 the two navies swapped three detained fishermen apiece at sea."
    assert exchange_counts(text) == [[3, 3]]


def test_let_go_without_of() -> None:
    text = ("Villagers freed 19 soldiers on Friday after holding them for a day, and prosecutors let go four members "
            "of a local militia, in what critics called a trade.")
    assert exchange_counts(text) == [[19, 4]]


def test_guard_let_go_of_workers_is_no_swap() -> None:
    text = "The mill let go 40 workers in March and hired 12 engineers in May, the union said."
    assert exchange_counts(text) == []


def test_guard_dead_counted_in_a_toll_are_no_side() -> None:
    text = ("The clans buried their dead on Sunday. Five of their dead were returned to the village, and three "
            "others were killed in a new clash.")
    assert exchange_counts(text) == []


# -- a headline telling two releases as one event makes the article about a swap


def test_two_way_headline_pairs_two_releases_of_the_lead() -> None:
    text = ("Herders in northern Kenya free 11 police reservists after county releases jailed youths\n\n"
            "Herders in a remote village freed 11 police reservists on Monday after holding them for two days, and "
            "county prosecutors let go four young men whose arrest had started the dispute, officials said.")
    assert exchange_counts(text) == [[11, 4]]


def test_guard_headline_with_one_release_is_no_swap_context() -> None:
    text = ("Police free 14 bus passengers held by gunmen; three suspects arrested\n\n"
            "Police freed 14 passengers on Friday after a six-hour siege, and a court later released three "
            "protesters on bail, officials said.")
    assert exchange_counts(text) == []


def test_two_way_headline_shapes() -> None:
    yes = ["Bandits free 31 villagers after govt releases eight gang members",
           "Pakistan frees 22 Indian fishermen; 13 Pakistanis return via Wagah",
           "Rebels free three aid workers as four detainees walk out of prison",
           "Maoists free abducted engineers; seven undertrials get bail"]
    no = ["Freed hostage returns home after 14 months",
          "Kidnapped nurse freed after ransom paid, police say",
          "Court releases activist on bail as protests grow"]
    for head in yes:
        assert two_way_headline(build_sents(make_doc(head + "\n\nBody text here."))), head
    for head in no:
        assert not two_way_headline(build_sents(make_doc(head + "\n\nBody text here."))), head


# -- "released in exchange for the two hostages": the other side told again with "the" is still a side


def test_in_exchange_for_the_people_told_before() -> None:
    text = ("Engineers freed in Mali\n\n"
            "Two French engineers held for a year by an armed group in northern Mali have been freed, officials said. "
            "Sources said that nine detainees accused of belonging to the armed group had been taken from the "
            "high-security prison outside the capital in the days before the handover and released in exchange for the "
            "two engineers.")
    assert exchange_counts(text) == [[9, 2]]


def test_guard_the_same_people_told_again_are_no_second_swap() -> None:
    # "the two engineers" answers nothing by itself: no [2, 2] swap of the engineers with themselves.
    text = ("Two French engineers held for a year by an armed group in northern Mali have been freed, officials said. "
            "Officials said the release of the two engineers was the result of a deal, in exchange for which no "
            "ransom was paid.")
    assert exchange_counts(text) == []


# -- named people told as the subject of a passive release, with ages and descriptions as asides


def test_named_subject_with_asides_is_a_side() -> None:
    text = ("Militia frees reporters in swap for jailed fighters\n\n"
            "Pavel Orlov and Dina Sokolova, both Latvian nationals, and Amir Haddad, a Lebanese, were flown to Riga "
            "late on Sunday. " + "The city council met on Monday to discuss the budget. " * 3 +
            "A government spokesman confirmed that eight detainees had been released, but refused to call it an "
            "exchange.")
    persons = ("Pavel Orlov", "Dina Sokolova", "Amir Haddad")
    assert exchange_counts(text, *persons) == [[3, 8]]


def test_named_subject_with_ages() -> None:
    sents = build_sents(make_doc("Engineer Ravi Sood, 34, and surveyor Tara Mehta, 29, were handed over to elders.",
                                 ("Ravi Sood", "Tara Mehta")))
    found = subject_list(sents[0])
    assert found is not None and found.value == 2


def test_guard_names_with_a_verb_between_are_no_list() -> None:
    sents = build_sents(make_doc("Ravi Sood met Tara Mehta and Anil Rao, who were released on Monday.",
                                 ("Ravi Sood", "Tara Mehta", "Anil Rao")))
    assert subject_list(sents[0]) is None


def test_guard_one_named_person_is_no_list() -> None:
    sents = build_sents(make_doc("Ravi Sood, 34, a surveyor, was handed over to elders.", ("Ravi Sood",)))
    assert subject_list(sents[0]) is None


# -- a total of captives split by who held them


def test_total_split_by_holder() -> None:
    text = ("The hostages - 12 held by the Ortega clan and nine by the rival Suarez family - were handed over at a "
            "school on Sunday.")
    assert exchange_counts(text) == [[12, 9]]


def test_guard_split_by_holder_without_a_release_is_no_swap() -> None:
    text = "The prisoners - 12 held by the army and nine by the police - are awaiting trial in the capital."
    assert exchange_counts(text) == []
