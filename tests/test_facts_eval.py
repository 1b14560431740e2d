"""The facts extractors on the hand-written news eval set (tests/data/facts_eval/).

The dev half (01-08) must keep the precision/recall measured when the extractors were last
tuned (floors a little below the figures, so a regression fails). The held-out half is only
reported by benchmarks/facts_eval.py and never asserted on, so nobody tunes to it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("facts_eval", ROOT / "benchmarks" / "facts_eval.py")
assert _SPEC is not None and _SPEC.loader is not None
facts_eval = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("facts_eval", facts_eval)  # dataclasses look their module up
_SPEC.loader.exec_module(facts_eval)

# Measured on the dev half: official P 1.00 R 0.89 (32/36, misses are NER errors),
# vote 9/9, exchange 3/3, casualties 10/10.
FLOORS = {
    "official": (0.90, 0.85),
    "vote": (0.90, 0.88),
    "exchange": (0.90, 0.90),
    "casualties": (0.90, 0.90),
}


def _need_ner() -> None:
    from reader.pipeline import step_names

    if "ner" not in step_names() or importlib.util.find_spec("reader.nlp.ner.step") is None:
        pytest.skip("the NER step is not in the pipeline yet")


def test_eval_set_is_well_formed() -> None:
    items = facts_eval.load_eval_set("all")
    assert len(items) >= 12
    assert len(facts_eval.load_eval_set("dev")) + len(facts_eval.load_eval_set("heldout")) == len(items)
    for name, text, gold in items:
        assert 120 <= len(text.split()) <= 320, name
        assert set(gold) == set(facts_eval.KINDS), name
        for official in gold["official"]:
            assert official["surname"] in text, (name, official)
        for exchange in gold["exchange"]:
            assert len(exchange["counts"]) == 2, name


def test_role_matching_normalises_and_needs_every_gold_word() -> None:
    assert facts_eval.role_matches("senator", "Sen.")
    assert facts_eval.role_matches("prime minister", "Britain's Prime Minister")
    assert facts_eval.role_matches(["majority leader", "senator"], "Senate Majority Leader")
    assert facts_eval.role_matches("defence minister", "Defense Minister")
    assert not facts_eval.role_matches("vice president", "President")
    assert not facts_eval.role_matches("chief executive", "chief financial officer")


def test_scoring_counts_misses_false_facts_and_repeats() -> None:
    gold = [(3, 14), (2, None)]
    counts = facts_eval.score_kind("casualties", gold, [(3, 14), (5, None)])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    officials = [{"surname": "Holt", "role": ["senator", "whip"]}]
    counts = facts_eval.score_kind("official", officials, [("Maria Holt", "Senator"), ("Maria Holt", "majority whip")])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)  # a second phrasing is not a false fact
    counts = facts_eval.score_kind("official", officials, [("Maria Holt", "resident")])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_gold_files_parse() -> None:
    for path in sorted(facts_eval.EVAL_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.with_suffix(".txt").exists(), path.name
        for vote in data["vote"]:
            assert set(vote) == {"for", "against", "abstain"}, path.name
        for casualty in data["casualties"]:
            assert set(casualty) == {"killed", "injured"}, path.name


def test_dev_half_precision_and_recall_floors() -> None:
    _need_ner()
    totals, _ = facts_eval.evaluate(facts_eval.load_eval_set("dev"))
    report = facts_eval.format_table("dev", totals) + "\n" + "\n".join(
        e for kind in facts_eval.KINDS for e in totals[kind].errors
    )
    for kind, (min_p, min_r) in FLOORS.items():
        assert totals[kind].precision >= min_p, report
        assert totals[kind].recall >= min_r, report


def test_held_out_half_runs_cleanly() -> None:
    _need_ner()
    totals, _ = facts_eval.evaluate(facts_eval.load_eval_set("heldout"))
    assert sum(c.tp + c.fn for c in totals.values()) > 0


# Measured on the second dev set (tests/data/facts_dev2/, written after the first set was tuned, with
# other countries, tally phrasings, releases and multi-paragraph tolls): official P 0.98 R 0.98 (47/48;
# the miss is an NER error), vote 15/15, exchange 4/4, casualties 8/8. Before the round-3 rules:
# official R 0.94, vote R 0.93, exchange P 0.67 R 0.50, casualties P 0.25 R 0.25.
DEV2_FLOORS = {
    "official": (0.93, 0.93),
    "vote": (0.93, 0.93),
    "exchange": (0.90, 0.90),
    "casualties": (0.90, 0.90),
}


def test_dev2_set_is_well_formed() -> None:
    items = facts_eval.load_eval_set("dev2")
    assert len(items) >= 10
    for name, text, gold in items:
        assert 120 <= len(text.split()) <= 320, name
        assert set(gold) == set(facts_eval.KINDS), name
        for official in gold["official"]:
            assert official["surname"] in text, (name, official)
        for exchange in gold["exchange"]:
            assert len(exchange["counts"]) == 2, name
        for vote in gold["vote"]:
            assert set(vote) == {"for", "against", "abstain"}, name
        for casualty in gold["casualties"]:
            assert set(casualty) == {"killed", "injured"}, name


def test_dev2_precision_and_recall_floors() -> None:
    _need_ner()
    totals, _ = facts_eval.evaluate(facts_eval.load_eval_set("dev2"))
    report = facts_eval.format_table("dev2", totals) + "\n" + "\n".join(
        e for kind in facts_eval.KINDS for e in totals[kind].errors
    )
    for kind, (min_p, min_r) in DEV2_FLOORS.items():
        assert totals[kind].precision >= min_p, report
        assert totals[kind].recall >= min_r, report
