"""Training-data helpers: derived lists, relabelling and augmentation."""

from __future__ import annotations

import random

from reader.nlp.ner.train import augment, derive_lists, modernize, relabel, replace_places

DOC = [
    [("Mr.", "O"), ("Tony", "B-PER"), ("Blair", "I-PER"), ("met", "O"), ("U.S.", "B-LOC"), ("officials", "O")],
    [("The", "O"), ("NATO", "B-ORG"), ("summit", "O"), ("in", "O"), ("Paris", "B-LOC"), ("ended", "O")],
    [("Blair", "B-PER"), ("left", "O"), ("the", "O"), ("Pentagon", "B-LOC"), ("early", "O")],
]


def test_derive_lists() -> None:
    lists = derive_lists([DOC])
    assert lists["trPER"] == ["Blair", "Tony Blair"]
    assert "Paris" in lists["trLOC"] and lists["trORG"] == ["NATO"]
    assert lists["COMMON"] == []  # a word needs 3 lower-case uses
    assert {"the", "met", "left"} <= set(derive_lists([DOC, DOC, DOC])["COMMON"])
    assert "blair" not in derive_lists([DOC, DOC, DOC])["COMMON"]


def test_relabel_single_token_names() -> None:
    (doc,) = relabel([DOC], {"Pentagon": "ORG"})
    assert doc[2][3] == ("Pentagon", "B-ORG")
    assert doc[1] == DOC[1]


def test_modernize_writes_modern_style() -> None:
    rng = random.Random(0)
    out = None
    for _ in range(20):  # the acronym and title changes are random; one copy must show both
        out = modernize(DOC, rng)
        if out and any(t == "Nato" for t, _ in out[1]) and any(t in ("Mr", "Ms", "Mrs") for t, _ in out[2]):
            break
    assert out is not None
    assert out[0][0] == ("Mr", "O") and out[0][4] == ("US", "B-LOC")
    assert ("Nato", "B-ORG") in out[1]
    titled = out[2]
    assert titled[0][0] in ("Mr", "Ms", "Mrs") and titled[0][1] == "O" and titled[1] == ("Blair", "B-PER")
    assert modernize([[("plain", "O")]], rng) is None


def test_replace_places_is_consistent() -> None:
    doc = [[("Paris", "B-LOC"), ("and", "O"), ("New", "B-LOC"), ("York", "I-LOC")], [("PARIS", "B-LOC")]]
    out = replace_places(doc, random.Random(1), ["Lyon", "San Remo"])
    assert out is not None
    first = [t for t, g in out[0] if g != "O"]
    assert all(g in ("B-LOC", "I-LOC", "O") for s in out for _, g in s)
    assert out[1][0][0].isupper()  # a headline place stays in capitals
    assert first[0] in ("Lyon", "San")


def test_augment_keeps_source_index() -> None:
    extra = augment([DOC, [[("x", "O")]]], share=1.0, place_share=1.0, places=["Lyon"])
    assert extra and all(i == 0 for i, _ in extra)
