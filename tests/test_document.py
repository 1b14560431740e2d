"""The document model's helpers: one-line fact summaries and layer replacement."""

from __future__ import annotations

import pytest

from reader.document import Document, Entity, Fact, Mention, Span, fact_summary

DOC = Document(text="Mr Saldo spoke.", entities=(Entity("e1", "PERSON", "Vladimir Saldo", (Mention(3, 8),)),))


@pytest.mark.parametrize(
    "kind, fields, expected",
    [
        ("official", {"person": "e1", "role": "governor"}, "Vladimir Saldo: governor"),
        ("vote", {"for": 143, "against": 4, "abstain": 35}, "Vote: 143 for / 4 against / 35 abstain"),
        ("vote", {"for": 5, "against": 4, "abstain": None}, "Vote: 5 for / 4 against"),
        ("exchange", {"counts": [20, 20], "what": "prisoners"}, "Exchange: 20 for 20 prisoners"),
        ("casualties", {"killed": 2, "injured": None}, "Casualties: 2 killed"),
        ("casualties", {"killed": 4, "injured": 31}, "Casualties: 4 killed, 31 injured"),
        ("quantity", {"value": 3200, "unit": "troops"}, "3,200 troops"),
        ("quantity", {"value": 30, "unit": "%"}, "30%"),
        ("quantity", {"value": 4e9, "unit": "USD"}, "$4,000,000,000"),
        ("quantity", {"value": 1.5, "unit": "million"}, "1.5 million"),
        ("date", {"text": "24 February"}, "24 February"),
    ],
)
def test_fact_summary(kind: str, fields: dict, expected: str) -> None:
    assert fact_summary(Fact(kind, Span(0, 5), fields), DOC) == expected  # type: ignore[arg-type]


def test_official_without_document_shows_the_id() -> None:
    assert fact_summary(Fact("official", Span(0, 1), {"person": "e1", "role": "mayor"})) == "e1: mayor"


def test_with_layers_returns_a_copy() -> None:
    doc = Document(text="abc")
    other = doc.with_layers(facts=[Fact("date", Span(0, 3), {"text": "abc"})])
    assert doc.facts == () and len(other.facts) == 1 and other.text == doc.text
