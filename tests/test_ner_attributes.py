"""The attribute strings read from the model files must equal CRFsuite's own; the tagger's ids cover both passes."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from reader.nlp.ner.crf import read_model
from reader.nlp.ner.tagger import MODEL_PATH, load, pass1_path


@pytest.mark.parametrize("path", [MODEL_PATH, pass1_path(MODEL_PATH)], ids=["pass2", "pass1"])
def test_attributes_match_crfsuite(path: Path) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    expected = {attr for attr, _label in tagger.info().state_features}
    found = read_model(path).attributes
    assert expected == set(found)  # exactly the features with a weight
    assert len(found) == len(set(found)) > 1000


def test_one_id_space_for_both_passes() -> None:
    tagger = load()
    union = set(read_model(MODEL_PATH).attributes) | set(read_model(pass1_path(MODEL_PATH)).attributes)
    assert set(tagger.vocab) == union
    assert sorted(tagger.vocab.values()) == list(range(len(union)))
    (feats,) = tagger.featurizer.document([["Mr", "Saldo", "visited", "Kyiv", "."]])
    assert all(isinstance(i, int) and 0 <= i < len(union) for f in feats for i in f)
    assert tagger.vocab["b"] in feats[1] and tagger.vocab["n-1=mr"] in feats[1]
