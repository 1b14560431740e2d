"""Titles split out of tagged name spans (reader/nlp/ner/titles.py) and through the NER step."""

from __future__ import annotations

import pytest

from reader.document import Document
from reader.nlp.ner.step import mentions, title_lists
from reader.nlp.ner.tagger import load
from reader.nlp.ner.titles import Lists, is_title, person_words, split_titles
from reader.nlp.segment import run as segment

LISTS = Lists(
    first_names=frozenset({"gary", "samuel", "fuat", "oksana", "jerome", "dean", "rustem"}),
    common=frozenset({"hotel", "department", "defence", "glass", "justice", "league", "labour", "former", "chair"}),
    entries={("prince", "edward", "island"): ("LOC",), ("ukraine",): ("LOC",)},
)


def _split(sentence: str, spans: list[tuple[int, int, str]], persons: dict[str, int] | None = None) -> list[tuple[str, str]]:
    toks = sentence.split()
    out = split_titles(toks, spans, LISTS, persons or {})
    return [(" ".join(toks[i:j]), typ) for i, j, typ in out]


@pytest.mark.parametrize("word", ["President", "Sen.", "Director-General", "Chair", "Ambassador", "Secretary-General"])
def test_title_words(word: str) -> None:
    assert is_title(word)


@pytest.mark.parametrize("word", ["president", "Hotel", "St", "Saint", "Gary", "Co-founded"])
def test_not_title_words(word: str) -> None:
    assert not is_title(word)


def test_org_title_name_splits_into_org_and_person() -> None:
    s = "Securities and Exchange Commission Chair Gary Lindholm said"
    assert _split(s, [(0, 7, "ORG")]) == [("Securities and Exchange Commission", "ORG"), ("Gary Lindholm", "PER")]


def test_title_only_span_with_first_name_becomes_person() -> None:
    assert _split("Vice President Fuat Oktay said", [(0, 4, "ORG")]) == [("Fuat Oktay", "PER")]
    assert _split("Justice Samuel Brandt joined", [(0, 3, "MISC")]) == [("Samuel Brandt", "PER")]


def test_strong_title_needs_no_first_name() -> None:
    assert _split("U.N. Ambassador Xqz Melnyk told", [(0, 4, "ORG")]) == [("U.N.", "ORG"), ("Xqz Melnyk", "PER")]


def test_lead_part_split_at_possessive_and_labelled_from_gazetteer() -> None:
    s = "Ukraine 's U.N. Ambassador Oksana Melnyk told"
    assert _split(s, [(0, 6, "PER")]) == [("Ukraine", "LOC"), ("U.N.", "ORG"), ("Oksana Melnyk", "PER")]


def test_ambiguous_title_needs_evidence() -> None:
    # "General" and "Chair" open many organisation names: no first name, no surname evidence -> unchanged.
    assert _split("General Atomics said", [(0, 2, "ORG")]) == [("General Atomics", "ORG")]
    assert _split("Board Chair Xqz Lindholm said", [(0, 4, "ORG")]) == [("Board Chair Xqz Lindholm", "ORG")]
    # The same surname tagged as a person elsewhere in the document is evidence.
    assert _split("Board Chair Xqz Lindholm said", [(0, 4, "ORG")], {"lindholm": 1}) == [("Board", "ORG"), ("Xqz Lindholm", "PER")]


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("The President Hotel closed", (1, 3, "ORG")),
        ("The Justice Department said", (1, 3, "ORG")),
        ("Justice League fans", (0, 2, "MISC")),
        ("the Minister of Defence said", (1, 4, "ORG")),
        ("the Chair of the Board said", (1, 5, "ORG")),
        ("St Petersburg was cold", (0, 2, "LOC")),
        ("Prince Edward Island voted", (0, 3, "LOC")),
        ("Gen Z voters", (0, 2, "MISC")),
    ],
)
def test_precision_cases_are_unchanged(sentence: str, span: tuple[int, int, str]) -> None:
    toks = sentence.split()
    assert _split(sentence, [span]) == [(" ".join(toks[span[0] : span[1]]), span[2])]


def test_person_span_opening_with_first_name_title_is_kept() -> None:
    assert _split("Dean Jones scored", [(0, 2, "PER")]) == [("Dean Jones", "PER")]
    assert _split("Dean Jones scored", [(0, 2, "ORG")]) == [("Dean Jones", "ORG")]


def test_bare_title_span_before_person_is_dropped() -> None:
    assert _split("Justice Samuel Brandt joined", [(0, 1, "ORG"), (1, 3, "PER")]) == [("Samuel Brandt", "PER")]
    s = "Securities and Exchange Commission Chair Gary Lindholm said"
    assert _split(s, [(0, 5, "ORG"), (5, 7, "PER")]) == [("Securities and Exchange Commission", "ORG"), ("Gary Lindholm", "PER")]


def test_portfolio_word_dropped_but_party_kept() -> None:
    assert _split("Defence Minister Rustem Umerov said", [(0, 1, "ORG"), (2, 4, "PER")]) == [("Rustem Umerov", "PER")]
    assert _split("the Labour MP Xqz Smith said", [(1, 3, "ORG"), (3, 5, "PER")]) == [("Labour", "ORG"), ("Xqz Smith", "PER")]


def test_common_word_person_becomes_org_without_person_evidence() -> None:
    s = "Proxy adviser Glass Lewis had recommended"
    assert _split(s, [(2, 4, "PER")], {"lewis": 1}) == [("Glass Lewis", "ORG")]
    # Used again as a person's surname, or after a personal title: stays a person.
    assert _split(s, [(2, 4, "PER")], {"lewis": 2}) == [("Glass Lewis", "PER")]
    assert _split("said Mr Glass Lewis today", [(2, 4, "PER")], {"lewis": 1}) == [("Glass Lewis", "PER")]


def test_person_words_counts_surnames() -> None:
    toks = [["Mr", "Lindholm", "'s", "plan"], ["Gary", "Lindholm", "Jr.", "said"]]
    assert person_words(toks, [[(0, 3, "PER")], [(0, 3, "PER")]]) == {"lindholm": 2}


def _step(text: str) -> list[tuple[str, str]]:
    doc = segment(Document(text=text))
    return [(label, text[s:e]) for label, s, e in mentions(doc)]


def test_step_splits_title_out_of_org_span() -> None:
    found = _step("Securities and Exchange Commission Chair Gary Lindholm said the agency would adapt.")
    assert ("PERSON", "Gary Lindholm") in found
    assert ("ORG", "Securities and Exchange Commission") in found
    assert not any("Chair" in name for _, name in found)


def test_step_never_keeps_a_title_in_a_name() -> None:
    text = (
        "Justice Samuel Brandt joined the liberals. Defence Minister Rustem Umerov met Prime Minister "
        "Keir Starmer. Federal Reserve Chairman Jerome Powell spoke. The Justice Department declined to comment."
    )
    found = _step(text)
    people = {name for label, name in found if label == "PERSON"}
    assert {"Samuel Brandt", "Rustem Umerov", "Keir Starmer", "Jerome Powell"} <= people
    assert ("ORG", "Justice Department") in found
    assert ("ORG", "Justice") not in found and ("ORG", "Defence") not in found


def test_lists_come_from_the_shipped_model() -> None:
    lists = title_lists(load())
    assert "gary" in lists.first_names and "hotel" in lists.common


def test_names_fused_with_a_hyphenated_word_cover_the_name_only() -> None:
    from reader.pipeline import analyze

    doc = analyze(
        "The Geneva-based World Meteorological Organization said so. Kyiv has been using US-supplied "
        "rockets. A Nato-led force met the Kremlin-backed group. Jean-Pierre Dupont-Aignan spoke. "
        "Former President Han Dong-soo met Chief Justice Lee Mi-kyung in Seoul."
    )
    found = {(e.label, doc.text[m.start : m.end]) for e in doc.entities for m in e.mentions}
    assert ("LOC", "Geneva") in found and ("ORG", "World Meteorological Organization") in found
    assert ("LOC", "US") in found and ("ORG", "Nato") in found and ("ORG", "Kremlin") in found
    assert ("PERSON", "Jean-Pierre Dupont-Aignan") in found  # a hyphenated name is not a compound
    assert ("PERSON", "Han Dong-soo") in found and ("PERSON", "Lee Mi-kyung") in found
    assert not any(name.endswith(("-based", "-supplied", "-led", "-backed")) for _, name in found)
