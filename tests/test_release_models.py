"""Freeing each step's models once the steps still to run no longer need them (an analysis child's last
text): the same analysis, and the models are gone while they are not needed."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.nlp.ner.step as ner_step
import reader.nlp.ner.tagger as ner_tagger
import reader.nlp.pos as pos
from reader import pipeline
from reader.analysis_process import AnalysisFailed, AnalysisPool
from reader.pipeline import analyze, release_step_models

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted((REPO / "articles").glob("*.txt"))


def _loaded() -> tuple[bool, bool]:
    """Whether the NER tagger and the POS model are loaded now."""
    return ner_tagger.load.cache_info().currsize > 0, pos.load_model.cache_info().currsize > 0


def test_released_models_give_the_same_analysis_and_are_loaded_only_when_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    plain = analyze(text, "t", "s")
    assert _loaded() == (True, True)
    seen: dict[str, tuple[bool, bool]] = {}
    for module, name in ((ner_step, "ner"), (pos, "pos")):
        def run(doc, real=module.run, name=name):  # type: ignore[no-untyped-def]
            seen[name] = _loaded()
            return real(doc)

        monkeypatch.setattr(module, "run", run)
    assert analyze(text, "t", "s", release_models=True) == plain
    # the POS model is freed before NER runs, the tagger once NER has run (POS loads its model again)
    assert seen == {"ner": (True, False), "pos": (False, False)}
    assert _loaded() == (False, False)
    assert analyze(text, "t", "s") == plain and _loaded() == (True, True)  # loaded again when used


def test_release_step_models_keeps_the_named_steps() -> None:
    analyze("Tomas Keller met the River Council in Port Avel. He left.")
    release_step_models(keep={"ner", "link"})
    assert _loaded() == (True, False)
    release_step_models()
    assert _loaded() == (False, False)
    assert not ner_step.release_models() and not pos.release_models()  # nothing left to free
    assert analyze("Tomas Keller left.").entities and _loaded() == (True, True)


def test_steps_without_models_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "STEPS", (*pipeline.STEPS, ("odd", "reader.not_a_module:run")))
    release_step_models(keep={"segment"})  # a step whose module is not imported is skipped
    assert _loaded() == (False, False)


def test_a_very_long_text_is_the_childs_last_and_gives_the_same_analysis() -> None:
    text = "Tomas Keller met Mira Castell in Port Avel. He said 3 ships left."
    pool = AnalysisPool(recycle_chars=30)  # texts of 30 characters or more count as very long
    try:
        assert pool.analyse(text, "t", "s") == analyze(text, "t", "s")
        assert pool.pids() == []  # stopped after its last text
    finally:
        pool.close()


def test_a_last_text_for_a_pipeline_without_the_option_is_analysed_as_usual() -> None:
    pool = AnalysisPool(function="tests.analysis_helpers:boom", recycle_chars=1)
    try:
        with pytest.raises(AnalysisFailed, match=r"^RuntimeError: pipeline broke on 5 characters$"):
            pool.analyse("Hello")
    finally:
        pool.close()
