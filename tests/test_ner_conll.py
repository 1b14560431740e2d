"""CoNLL reading and exact-span (CoNLL-style) scoring."""

from __future__ import annotations

import pytest

from reader.nlp.ner.conll import ConllError, parse_conll, read_conll, score, spans


def test_spans_iob2_and_iob1() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # conlleval: an I- tag after O or after another type starts an entity
    assert spans(["O", "I-ORG", "I-ORG"]) == {(1, 3, "ORG")}
    assert spans(["B-PER", "I-LOC"]) == {(0, 1, "PER"), (1, 2, "LOC")}
    assert spans(["B-PER", "B-PER"]) == {(0, 1, "PER"), (1, 2, "PER")}
    assert spans([]) == set()


def test_score_is_exact_span_match() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]
    s = score(gold, pred)
    per, loc, org = s.by_type["PER"], s.by_type["LOC"], s.by_type["ORG"]
    assert (per.tp, per.fp, per.fn) == (0, 1, 1)  # a partial span is both a miss and a false alarm
    assert (loc.tp, loc.fp, loc.fn) == (1, 1, 0)
    assert (org.tp, org.fp, org.fn) == (0, 0, 1)
    o = s.overall
    assert (o.tp, o.fp, o.fn) == (1, 2, 2)
    assert o.precision == pytest.approx(1 / 3) and o.recall == pytest.approx(1 / 3)
    assert o.f1 == pytest.approx(1 / 3)


def test_perfect_and_empty_scores() -> None:
    tags = [["B-MISC", "I-MISC", "O"]]
    assert score(tags, tags).overall.f1 == 1.0
    assert score([["O"]], [["O"]]).overall.f1 == 0.0


def test_score_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_parse_documents_and_columns() -> None:
    lines = ["-DOCSTART- -X- -X- O", "", "EU NNP B-NP B-ORG", "rejects VBZ B-VP O", "", "-DOCSTART- -X- O", "",
             "Kyiv B-LOC", ""]
    docs = parse_conll(lines)
    assert docs == [[[("EU", "B-ORG"), ("rejects", "O")]], [[("Kyiv", "B-LOC")]]]


def test_bad_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConllError, match="bad tag"):
        parse_conll(["word X-PER"])
    with pytest.raises(ConllError, match="cannot read"):
        read_conll(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    with pytest.raises(ConllError, match="no sentences"):
        read_conll(empty)
