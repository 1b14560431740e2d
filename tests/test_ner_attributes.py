"""The feature filter reads the model's attribute list from the file: it must equal CRFsuite's own."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from reader.nlp.ner.tagger import MODEL_PATH, model_attributes, pass1_path


@pytest.mark.parametrize("path", [MODEL_PATH, pass1_path(MODEL_PATH)], ids=["pass2", "pass1"])
def test_attributes_match_crfsuite(path: Path) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    expected = {attr for attr, _label in tagger.info().state_features}
    found = model_attributes(path)
    assert found is not None
    assert expected == found  # exactly the features with a weight
    assert len(found) > 1000


def test_unreadable_model_means_no_filtering(tmp_path: Path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    assert model_attributes(bad) is None
    assert model_attributes(tmp_path / "missing.crfsuite") is None
