"""The alias and acronym helpers on their own."""

from __future__ import annotations

import pytest

from reader.nlp.aliases import acronym_variants, alias_after, is_acronym_of, letters_of
from reader.nlp.person_names import given_compatible, parse_person, strip_title


@pytest.mark.parametrize(
    "acronym, expansion",
    [
        ("NATO", "North Atlantic Treaty Organization"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("EU", "European Union"),
        ("ISIL", "Islamic State of Iraq and the Levant"),
        ("OECD", "Organisation for Economic Co-operation and Development"),
        ("U.S.", "United States"),
        ("MSF", "Médecins Sans Frontières"),
    ],
)
def test_acronyms_match(acronym: str, expansion: str) -> None:
    assert is_acronym_of(acronym, expansion)


@pytest.mark.parametrize("acronym, expansion", [("AP", "European Union"), ("E", "Europe"), ("UN", "Union"), ("EUR", "European Union")])
def test_non_acronyms(acronym: str, expansion: str) -> None:
    assert not is_acronym_of(acronym, expansion)


def test_letters_and_variants() -> None:
    assert letters_of("F.B.I.") == "FBI"
    assert "DRC" in acronym_variants("Democratic Republic of Congo")


def _alias(text: str, name: str) -> str | None:
    start = text.find(name)
    found = alias_after(text, start, start + len(name))
    return None if found is None else text[found[0] : found[1]]


def test_alias_after_forms() -> None:
    assert _alias("the Dnieper river (known as Dnipro in Ukraine)", "Dnieper") == "Dnipro"
    assert _alias("Mumbai, also known as Bombay.", "Mumbai") == "Bombay"
    assert _alias("Myanmar (formerly Burma) voted.", "Myanmar") == "Burma"
    assert _alias("Chisinau (also spelt Kishinev)", "Chisinau") == "Kishinev"
    assert _alias("Astana, formerly Nur-Sultan, hosted.", "Astana") == "Nur-Sultan"
    assert _alias("Ana Silva, better known as Lola, sang.", "Ana Silva") == "Lola"
    assert _alias("Lviv (Ukraine) was calm.", "Lviv") is None
    assert _alias("Lviv, known for its coffee, was calm.", "Lviv") is None
    assert _alias("Lviv (and Odesa) were calm.", "Lviv") is None


def test_person_name_parts() -> None:
    assert parse_person("Recep Tayyip Erdogan").given == ("recep", "tayyip")
    assert parse_person("Martin Luther King Jr.").surname == "king"
    assert parse_person("Ursula von der Leyen").given == ("ursula",)
    assert given_compatible(("j",), ("john",))
    assert given_compatible(("tayyip",), ("recep", "tayyip"))
    assert not given_compatible(("maria",), ("james",))
    text = "Deputy Prime Minister Marat Ilyin"
    s, e, _ = strip_title(text, 0, len(text))
    assert text[s:e] == "Marat Ilyin"
    s, e, gender = strip_title("Mrs Holt", 0, 8)
    assert ("Mrs Holt"[s:e], gender) == ("Holt", "f")
    s, e, _ = strip_title("President", 0, 9)
    assert (s, e) == (0, 9)  # a title alone is kept
