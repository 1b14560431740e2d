"""Round five of fact tests: general rules added while the third blind set was being written."""

from __future__ import annotations

import reader.nlp.facts.base as base
from reader.nlp.facts import extract_facts
from tests.facts_helpers import casualty_counts, exchange_counts, make_doc, vote_counts


def test_a_deadline_is_not_a_sentence_about_deaths() -> None:
    text = "Drivers missed the deadline on Friday. The toll on the bridge rose to 12 dollars."
    assert casualty_counts(text) == []


def test_a_toll_after_a_sentence_about_the_dead_still_counts() -> None:
    text = "Rescuers pulled three more dead from the rubble. The toll rose to 41."
    assert casualty_counts(text) == [(41, None)]


def test_the_other_side_of_a_handover_can_be_flown_or_transferred() -> None:
    text = ("On Sunday the rebels freed eight more hostages, while the government flew 14 prisoners "
            "to the eastern city of Bukavu.")
    assert exchange_counts(text) == [[8, 14]]
    text = "Kyiv released 12 detainees in return, while Moscow transferred 15 prisoners of war to Belarus."
    assert exchange_counts(text) == [[12, 15]]


def test_flights_without_a_return_cue_are_not_exchanges() -> None:
    assert exchange_counts("The air force flew 14 soldiers to the front and freed two roads.") == []


def test_sentence_views_are_the_same_whether_kept_or_released(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = ("Two people were killed and 31 wounded, police said. Sen. Maria Holt, D-Ore., the minority whip, "
            "voted against the bill, which passed 52-48. Twenty soldiers were exchanged for 20 prisoners.")
    kept = extract_facts(make_doc(text))
    monkeypatch.setattr(base, "KEEP_TOKENS", 0)
    assert extract_facts(make_doc(text)) == kept and len(kept) >= 3


def test_votes_to_none_and_supporting_opposing() -> None:
    assert vote_counts("The council renewed the mandate by 12 votes to none, with three abstentions.") == [(12, 0, 3)]
    assert vote_counts("The motion was defeated, with 48 members supporting it and 97 opposing.") == [(48, 97, None)]


def test_an_unknown_voter_noun_counts_when_it_votes() -> None:
    assert vote_counts("The assembly passed it, with 29 MCAs voting in favour, six against and two abstaining.") == [
        (29, 6, 2)]


def test_two_votes_in_one_sentence_stay_apart() -> None:
    text = ("The bill, which cleared the lower house by 130 votes to 95, with four abstentions, passed the Senate "
            "with 40 votes in favour, 25 against and one abstention.")
    assert vote_counts(text) == [(130, 95, 4), (40, 25, 1)]


def test_each_side_of_a_swap_in_its_own_sentence() -> None:
    text = ("The rebels freed 120 people on Friday, the mediators said, in the largest exchange this year. "
            "The government released 95 fighters from two prisons later that day.")
    assert exchange_counts(text) == [[120, 95]]
    text = ("Kyiv said it had brought home 88 soldiers. Moscow said 90 of its servicemen had been returned in turn.")
    assert exchange_counts(text) == [[88, 90]]


def test_a_release_told_twice_is_not_a_swap() -> None:
    text = "Militants freed 12 hostages on Monday. The 12 hostages were released near the border, police said."
    assert exchange_counts(text) == []


def test_bodies_both_ways_and_a_deal_that_saw() -> None:
    text = "Kyiv received the bodies of 500 soldiers, while 40 bodies were handed over to Russia."
    assert exchange_counts(text) == [[500, 40]]
    text = "Gunmen have released 25 farmers, in a deal that saw the authorities free six members of the gang."
    assert exchange_counts(text) == [[25, 6]]


def test_people_lists_and_ages_count_victims() -> None:
    assert casualty_counts("Police said a farmer and his three sons were killed in the landslide.") == [(4, None)]
    assert casualty_counts("Separately, a woman in her 60s died after being hit by a bus.") == [(1, None)]


def test_injuries_named_after_a_treatment() -> None:
    assert casualty_counts("The derailment left 22 passengers with minor injuries.") == [(None, 22)]
    assert casualty_counts("Forty people were rescued, nine of whom were taken to hospital with injuries.") == [(None, 9)]
    assert casualty_counts("Nine fans were treated for cuts and bruises after the crush.") == [(None, 9)]


def test_the_number_of_people_confirmed_dead() -> None:
    assert casualty_counts("The number of people confirmed dead after the ferry capsized rose to 16.") == [(16, None)]


def test_an_earlier_figure_gives_way_to_the_later_one() -> None:
    text = ("A missile strike killed two people and injured 30, the governor said. "
            "The mayor had earlier put the number of injured at 25.")
    assert casualty_counts(text) == [(2, 30)]


def test_deaths_split_by_where_they_happened_are_parts_of_the_toll() -> None:
    text = ("Nine people died when the bus overturned. Seven passengers died on the spot, while two others "
            "succumbed to their injuries in hospital.")
    assert casualty_counts(text) == [(9, None)]


def test_a_toll_and_an_injured_count_a_few_sentences_apart_are_one_incident() -> None:
    text = ("The death toll from the attack on the market rose to 20, officials said. Witnesses described panic. "
            "Thirty people were wounded.")
    assert casualty_counts(text) == [(20, 30)]
    text = ("The death toll from the attack on the market rose to 20, officials said. "
            "Later, a second blast wounded 30 people at a bus station.")
    assert casualty_counts(text) == [(20, None), (None, 30)]


def test_organisers_and_managing_directors() -> None:
    from tests.facts_helpers import officials

    text = "Ama Owusu-Mensah, the union's regional organiser for the North, said staff were exhausted."
    assert officials(text, "Ama Owusu-Mensah") == {("Ama Owusu-Mensah", "union's regional organiser for the North")}
    text = "Northern Rail's managing director, Hollis Grant, said he was disappointed."
    assert officials(text, "Hollis Grant") == {("Hollis Grant", "Northern Rail's managing director")}


def test_a_place_named_after_a_person_is_not_an_official() -> None:
    from reader.pipeline import analyze

    doc = analyze("Nine residents were taken to Queen Mary Hospital, Senior Officer Lam Ka-ho said.")
    names = {e.id: e.name for e in doc.entities}
    assert all("Hospital" not in names[f.fields["person"]] for f in doc.facts if f.kind == "official")


def test_chairing_a_meeting_is_not_an_office_but_heading_a_long_body_is() -> None:
    from tests.facts_helpers import officials

    text = "Mira Castell, who chaired a meeting of the regional flood authority on Monday, spoke first."
    assert officials(text, "Mira Castell") == set()
    text = "Tomas Ruiz, who heads a coalition of farmers' groups in the upper valley districts, objected."
    assert officials(text, "Tomas Ruiz") == {
        ("Tomas Ruiz", "head of a coalition of farmers' groups in the upper valley districts")}


def test_declared_dead_bodies_recovered_and_sustained_injuries() -> None:
    assert casualty_counts("Two guards were pronounced dead at the scene. Five others were wounded.") == [(2, 5)]
    assert casualty_counts("At least 17 bodies were recovered after the boat capsized on the lake.") == [(17, None)]
    assert casualty_counts("Rescuers recovered the bodies of nine people from the mud.") == [(9, None)]
    assert casualty_counts("Four people lost their lives and 19 sustained injuries when the bus overturned.") == [(4, 19)]


def test_bodies_handed_over_are_not_a_toll() -> None:
    assert casualty_counts("Thailand returned the bodies of 12 Cambodian soldiers killed in fighting last month.") == []


def test_a_riot_left_one_inmate_dead_and_a_man_wounded_with_his_son() -> None:
    assert casualty_counts("A riot at the prison left one inmate dead and two guards seriously hurt.") == [(1, 2)]
    assert casualty_counts("A landmine killed a 41-year-old man and wounded his son near the village.") == [(1, 1)]


def test_a_later_victim_counted_by_ordinal_updates_the_toll() -> None:
    text = ("Bombs struck the plant, killing four people, the governor said. A fifth victim, a 60-year-old man, "
            "succumbed to his injuries overnight. Twenty people sustained injuries in the attack.")
    assert casualty_counts(text) == [(5, 20)]


def test_an_earlier_toll_being_revised_is_not_the_figure() -> None:
    text = "A drone strike on the market killed 23 people on Saturday, a medical source said, revising an earlier toll of 15."
    assert casualty_counts(text) == [(23, None)]


def test_a_toll_in_another_paragraph_does_not_take_another_incident_s_injured() -> None:
    text = ("Two people were killed and seven injured in shelling of the town, the governor said.\n\n"
            "The death toll from Monday's explosion at a fuel depot has risen to 13, the minister said. "
            "The ministry had earlier reported nine deaths. A total of 71 people were injured.")
    assert sorted(casualty_counts(text)) == [(2, 7), (13, 71)]


def test_the_same_toll_in_two_places_is_two_incidents() -> None:
    text = ("A drone strike on the city killed three people, the governor said.\n\n"
            "In the southern Kherson region, a man and his two sons were killed when a shell hit their home.")
    assert casualty_counts(text) == [(3, None), (3, None)]


def test_two_handovers_of_captives_in_one_sentence() -> None:
    text = "The militia freed five hostages on Monday and the army released 140 prisoners, mediators said."
    assert exchange_counts(text) == [[5, 140]]
    assert exchange_counts("Police freed five suspects on Monday and the court released 14 witnesses.") == []


def test_a_single_person_on_one_side() -> None:
    assert exchange_counts("Caracas freed eight Americans in exchange for a single pilot held in Florida.") == [[8, 1]]
    assert exchange_counts("The two armies exchanged a soldier each at the crossing on Wednesday.") == [[1, 1]]


def test_a_swap_told_as_a_total_and_its_split() -> None:
    assert exchange_counts("A total of 300 prisoners, 150 from each side, were freed on Monday in an exchange.") == [[150, 150]]
    assert exchange_counts("The first exchange involved 200 detainees, 120 released by the rebels and 80 by the army.") == [
        [120, 80]]


def test_a_passive_side_with_an_aside_and_an_answer_two_sentences_on() -> None:
    text = ("Sixty Ukrainian civilians, some of whom had been held since 2022, were returned home. "
            "Russia in turn received 25 of its civilians.")
    assert exchange_counts(text) == [[60, 25]]
    text = ("On Thursday, Russia released 16 people from its prisons. The prisoners were flown to Ankara. "
            "In turn, three countries freed eight Russians.")
    assert exchange_counts(text) == [[16, 8]]
    (fact,) = [f for f in extract_facts(make_doc(text)) if f.kind == "exchange"]
    assert fact.evidence.start == 0 and fact.fields["what"] == "people / Russians"  # from the answered sentence


def test_running_totals_and_the_same_people_again_are_not_swaps() -> None:
    text = ("The two sides swapped 100 prisoners each. More than 4,000 Ukrainians have been returned home "
            "since the start of the war.")
    assert exchange_counts(text) == [[100, 100]]
    text = ("Hamas released four captives in exchange for 200 prisoners. The four women were handed over to the "
            "Red Cross.")
    assert exchange_counts(text) == [[4, 200]]
