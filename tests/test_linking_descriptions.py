"""Description mentions: "X, the Y," and "the Y, X," tie "the Y" to X, and later "the Y" links to X."""

from __future__ import annotations

from tests.test_linking_support import entity_with, linked, surfaces


def test_appositive_after_the_name_and_later_uses() -> None:
    text = "Nato, the military alliance, met on Monday. Later the military alliance said it would help. The military alliance grew."
    doc, ents = linked(text, [("Nato", "ORG")])
    assert surfaces(doc, ents[0], "description") == ["the military alliance", "the military alliance", "The military alliance"]


def test_appositive_before_the_name() -> None:
    text = "The head of the alliance, Lena Marsh, spoke. Reporters asked the head of the alliance about it."
    doc, ents = linked(text, [("Lena Marsh", "PERSON")])
    assert surfaces(doc, ents[0], "description") == ["The head of the alliance", "the head of the alliance"]
    assert ents[0].id == "e1"  # first mention is the description


def test_place_appositive_with_capitalised_adjective() -> None:
    text = "Shells fell on Kyiv, the Ukrainian capital, overnight. Residents of the Ukrainian capital hid."
    doc, ents = linked(text, [("Kyiv", "LOC")])
    assert surfaces(doc, ents[0], "description") == ["the Ukrainian capital", "the Ukrainian capital"]


def test_later_use_links_to_the_most_recent_declaration() -> None:
    text = "Oslo, the host city, was calm. Bergen, the host city, was busy. Crowds filled the host city."
    doc, ents = linked(text, [("Oslo", "LOC"), ("Bergen", "LOC")])
    assert surfaces(doc, entity_with(doc, ents, "Bergen"), "description") == ["the host city", "the host city"]
    assert surfaces(doc, entity_with(doc, ents, "Oslo"), "description") == ["the host city"]


def test_description_before_its_declaration_is_not_linked() -> None:
    text = "The military alliance met. Nato, the military alliance, agreed."
    doc, ents = linked(text, [("Nato", "ORG")])
    assert surfaces(doc, ents[0], "description") == ["the military alliance"]


def test_adverbial_phrases_and_clauses_are_not_descriptions() -> None:
    cases = [
        "On the other hand, Nato, said nothing.",
        "In the meantime, Nato, waited.",
        "Nato, the group that met on Monday, waited.",
        "Nato, the first to arrive, waited.",
        "Nato, the 32 members, waited.",
        "Nato, the alliance's Brussels Office, waited.",
    ]
    for text in cases:
        doc, ents = linked(text, [("Nato", "ORG")])
        assert surfaces(doc, ents[0], "description") == [], text


def test_description_needs_an_appositive_comma_after_the_name() -> None:
    text = "In the south Kherson is quiet. Across the river, Kherson is shelled."
    doc, ents = linked(text, [("Kherson", "LOC")])
    assert surfaces(doc, ents[0], "description") == []


def test_description_followed_by_a_name_is_not_reused() -> None:
    text = "Nato, the military alliance, met. Officials of the military alliance Nato agreed."
    doc, ents = linked(text, [("Nato", "ORG")])
    assert surfaces(doc, ents[0], "description") == ["the military alliance"]
