"""Round 20 official and vote rules, on sentences written for these tests (none taken from an eval article)."""

from __future__ import annotations

import pytest

from tests.facts_helpers import officials, vote_counts


# A titled person's duty told by a verb in a relative clause is not a second role.
@pytest.mark.parametrize("text, person, title, duty", [
    ("Vice President Tomasz Wielgus, who heads the cabinet's drought committee, promised water trucks.",
     "Tomasz Wielgus", "Vice President", "head of the cabinet's drought committee"),
    ("Brig. Gen. Halima Okoro, who led the rescue convoy, said the road was cleared.",
     "Halima Okoro", "Brigadier General", "leader of the rescue convoy"),
    ("Chief Justice Ines Cardoso, who is in charge of the tribunal, adjourned the hearing.",
     "Ines Cardoso", "Chief Justice", "in charge of the tribunal"),
])
def test_titled_person_gets_no_duty_role(text: str, person: str, title: str, duty: str) -> None:
    found = officials(text, person)
    assert (person, title) in found
    assert (person, duty) not in found


def test_appositive_role_then_duty_keeps_only_the_appositive() -> None:
    found = officials("Marta Ilves, the Estonian Liberal MEP who leads her group's work on fisheries, objected.",
                      "Marta Ilves")
    assert ("Marta Ilves", "Estonian Liberal MEP") in found
    assert not any(r.startswith("leader") for _, r in found)


@pytest.mark.parametrize("text, person, role", [
    # guards: with no title, the relative clause is the role; a copula's role counts even after a title
    ("Oskar Brandt, who heads the port authority, said the cranes were idle.", "Oskar Brandt",
     "head of the port authority"),
    ("Col. Rania Haddad, who is the garrison commander, declined to comment.", "Rania Haddad",
     "garrison commander"),
])
def test_relative_role_without_a_title_still_counts(text: str, person: str, role: str) -> None:
    assert (person, role) in officials(text, person)
