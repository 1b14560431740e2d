"""Round twenty-four of casualty fact tests, written after the sixteenth blind set was read: the count of "all N
people on board", "N of the <people>" as the subject of "sustained"/"drowned", fellows named by kinship nouns
("compatriots"), a long apposition after "one of whom", a toll with more dead and fewer hurt that is told of
another incident, and people treated for an illness no incident caused. Each rule has a guard."""

from __future__ import annotations

from tests.facts_helpers import casualty_counts

# --- "killing all N people" ---------------------------------------------------------------------------------


def test_killing_all_people_on_board() -> None:
    text = "A missile struck the airliner shortly after take-off, killing all 83 people on board."
    assert casualty_counts(text) == [(83, None)]


def test_guard_all_before_a_non_count_stays_out() -> None:
    text = "The storm hit the coast on Monday, killing all hopes of an early harvest, officials said."
    assert casualty_counts(text) == []


# --- "N of the <people>" as a subject -----------------------------------------------------------------------


def test_n_of_the_people_sustained_injuries() -> None:
    text = "Three of the Peruvian crewmen sustained injuries when the trawler was boarded by coastguards."
    assert casualty_counts(text) == [(None, 3)]


def test_n_of_their_compatriots_drowned() -> None:
    text = "Two of their compatriots drowned when a second raft overturned in the strait, and four others were injured."
    assert casualty_counts(text) == [(2, 4)]


def test_guard_one_of_the_workers_killed_is_a_part() -> None:
    text = "Police said one of the workers killed in October had been identified by his family."
    assert casualty_counts(text) == []


# --- "one of whom, <a long apposition>, later died" ---------------------------------------------------------


def test_one_of_whom_with_a_long_apposition_later_died() -> None:
    text = ("Four of the miners were hurt, one of whom, 52-year-old Tomas 'Tito' Vargas of San Lucas, later died "
            "at a clinic in the town.")
    assert casualty_counts(text) == [(1, 3)]


def test_guard_one_of_whom_was_discharged_is_no_death() -> None:
    text = "Four of the miners sustained injuries when the roof collapsed, one of whom was discharged on Friday."
    assert casualty_counts(text) == [(None, 4)]


# --- more dead and fewer hurt in another incident is not a re-count -----------------------------------------


def test_other_incident_with_the_same_total_is_kept() -> None:
    text = ("The patrol opened fire on the boats, killing two fishermen and wounding five others.\n\n"
            "In the Karonga clash, the three herders were killed and four villagers were also hurt, police said.")
    assert casualty_counts(text) == [(2, 5), (3, 4)]


def test_guard_the_same_people_told_again_after_deaths_is_one_fact() -> None:
    text = ("Nine people were killed and 13 wounded in the blast on Monday. "
            "By Wednesday the toll stood at 11 dead and 11 wounded, the ministry said.")
    assert casualty_counts(text) == [(11, 11)]


# --- the sick are not the hurt ------------------------------------------------------------------------------


def test_treated_for_malaria_is_no_fact() -> None:
    text = "Officials said the freed workers were in good health, although one nurse was being treated for malaria."
    assert casualty_counts(text) == []


def test_guard_treated_for_heat_illness_stays() -> None:
    text = "On Saturday, 11 people were treated for heat-related illness at an outdoor concert, fire officials said."
    assert casualty_counts(text) == [(None, 11)]
