"""Exchange facts, round 24: people named by a plural compound in "-men" ("boatmen", "tribesmen") as a side."""

from __future__ import annotations

from tests.facts_helpers import exchange_counts


def test_boatmen_are_people_released() -> None:
    text = ("Boatmen and traders go home\n\n"
            "The rebels released 11 Uzbek boatmen on Tuesday, officials said, in a swap that also saw the army "
            "free 14 Afghan traders.")
    assert exchange_counts(text) == [[11, 14]]


def test_tribesmen_and_herdsmen_as_two_sides() -> None:
    text = ("Captives swapped\n\n"
            "The militia handed over nine Dinka tribesmen in exchange for six Nuer herdsmen on Friday, elders said.")
    assert exchange_counts(text) == [[9, 6]]


def test_regimen_is_no_people() -> None:
    text = ("Clinic swap\n\n"
            "The clinic swapped 11 regimen doses for 14 cheaper ones, officials said.")
    assert exchange_counts(text) == []


def test_time_adverb_inside_a_passive_release() -> None:
    text = ("Crews go home\n\n"
            "TWELVE Ghanaian fishermen held since May were yesterday handed over to their embassy, while five "
            "Togolese sailors detained in Tema were repatriated through the same border post.")
    assert exchange_counts(text) == [[12, 5]]


def test_manner_adverb_inside_a_passive_release() -> None:
    text = ("Detainees freed\n\n"
            "Nine Armenian soldiers had been quietly released on Monday, as four Azerbaijani conscripts were "
            "returned across the border.")
    assert exchange_counts(text) == [[9, 4]]


def test_adverb_without_an_auxiliary_is_no_passive() -> None:
    text = ("Weapons handed in\n\n"
            "Nine Armenian villagers quietly handed over rifles on Monday, as four Azerbaijani conscripts were "
            "returned across the border.")
    assert exchange_counts(text) == []


def test_count_returned_by_each_side() -> None:
    text = ("Villages swap captives\n\n"
            "Elders of the two clans met in Kapoeta on Monday. In a first handover last year, nine girls were freed "
            "by each community, mediators said.")
    assert exchange_counts(text) == [[9, 9]]


def test_each_of_another_count_is_no_each_side() -> None:
    text = ("Convoy attacked\n\n"
            "Nine girls were freed by police, and three officers were hurt by each blast, a spokesman said.")
    assert exchange_counts(text) == []


def test_second_half_of_the_deal_answers_the_lead() -> None:
    text = ("Rival clans swap abducted children\n\n"
            "Elders of the Ayod clan on Monday released 18 women and children seized in raids last spring. "
            "Monitors escorted the group to Bor. "
            "Relatives wept as names were read out. "
            "The raids had left dozens dead. "
            "Cattle were driven off on both sides. "
            "Officials said the talks took months. "
            "Two churches offered shelter to the families. "
            "A peace committee will meet every quarter. "
            "The other half of the deal was completed on Wednesday, when 15 women and children held in Duk were "
            "returned to their families, monitors said.")
    assert exchange_counts(text) == [[18, 15]]


def test_same_people_noun_far_down_without_an_answer_cue() -> None:
    text = ("Clan frees abducted children\n\n"
            "Elders of the Ayod clan on Monday released 18 women and children seized in raids last spring. "
            "Monitors escorted the group to Bor. "
            "Relatives wept as names were read out. "
            "The raids had left dozens dead. "
            "Cattle were driven off on both sides. "
            "Officials said the talks took months under the deal. "
            "Two churches offered shelter to the families. "
            "A peace committee will meet every quarter. "
            "On Wednesday, 15 women and children held in Duk were returned to their families, monitors said.")
    assert exchange_counts(text) == []
