"""End-to-end facts on the shared Kherson article (skips without it or without the NER step)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.pipeline import STEPS, analyze

ARTICLE = Path(__file__).resolve().parents[1].parent / "shared" / "articles" / "kherson-evacuation.txt"


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    if not ARTICLE.is_file():
        pytest.skip("shared Kherson article absent")
    names = [n for n, _ in STEPS]
    if "ner" not in names or "facts" not in names:
        pytest.skip("ner or facts step not registered")
    try:
        return analyze(ARTICLE.read_text(encoding="utf-8"))
    except (ImportError, FileNotFoundError) as exc:
        pytest.skip(f"pipeline not complete: {exc}")


def _facts(doc, kind):  # type: ignore[no-untyped-def]
    return [f for f in doc.facts if f.kind == kind]


def test_six_officials_with_roles(doc) -> None:  # type: ignore[no-untyped-def]
    roles: dict[str, set[str]] = {}
    for f in _facts(doc, "official"):
        roles.setdefault(doc.entity(f.fields["person"]).name, set()).add(f.fields["role"])
    assert "Russian Deputy Prime Minister" in roles["Marat Khusnullin"]
    assert any(r.startswith("governor") for r in roles["Vasily Golubev"])
    assert roles["Vladimir Putin"] == {"Russian President"}
    assert roles["Recep Tayyip Erdogan"] == {"Turkish counterpart"}
    assert roles["Jens Stoltenberg"] == {"head of the military alliance"}
    assert any("leader of" in r and "Kherson region" in r for r in roles["Vladimir Saldo"])
    assert len(roles) == 6


def test_vote_swap_and_casualties(doc) -> None:  # type: ignore[no-untyped-def]
    (vote,) = _facts(doc, "vote")
    assert (vote.fields["for"], vote.fields["against"], vote.fields["abstain"]) == (143, 4, 35)
    (swap,) = _facts(doc, "exchange")
    assert swap.fields["counts"] == [20, 20]
    (cas,) = _facts(doc, "casualties")
    assert cas.fields["killed"] == 2 and "Mykolaiv" in doc.slice(cas.evidence)
    assert {"24 February", "Thursday", "2014"} <= {f.fields["text"] for f in _facts(doc, "date")}


def test_evidence_spans_are_inside_the_text(doc) -> None:  # type: ignore[no-untyped-def]
    for f in doc.facts:
        assert 0 <= f.evidence.start < f.evidence.end <= len(doc.text)
        assert doc.slice(f.evidence).strip() == doc.slice(f.evidence)


def test_sample_article_end_to_end() -> None:
    """Our own sample article (articles/harbor-city-vote.txt) through the whole pipeline."""
    path = Path(__file__).resolve().parents[1] / "articles" / "harbor-city-vote.txt"
    if "ner" not in [n for n, _ in STEPS]:
        pytest.skip("ner step not registered")
    try:
        doc = analyze(path.read_text(encoding="utf-8"))
    except (ImportError, FileNotFoundError) as exc:
        pytest.skip(f"pipeline not complete: {exc}")
    votes = {(f.fields["for"], f.fields["against"], f.fields["abstain"]) for f in _facts(doc, "vote")}
    assert votes == {(9, 4, None), (61, 7, 9)}
    assert [f.fields["counts"] for f in _facts(doc, "exchange")] == [[35, 35]]
    # "killing 14 people and injuring 58" then "the death toll had risen to 16": the updated toll keeps the
    # injured count of the report it updates, and replaces it.
    casualties = {(f.fields["killed"], f.fields["injured"]) for f in _facts(doc, "casualties")}
    assert (16, 58) in casualties and (14, 58) not in casualties
    people = {doc.entity(f.fields["person"]).name for f in _facts(doc, "official")}
    assert {"Elena Vasquez", "Daniel Osei", "Tom Brennan", "Maria Holt", "Paul Mensah"} <= people
