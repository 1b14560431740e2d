"""The POS tagger: shipped model, agreement with NLTK's tagger, held-out accuracy, pipeline step."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import Document
from reader.nlp.pos import MODEL_PATH, PosModel, load_model, normalize_token, run, tag_words
from reader.nlp.segment import segment

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "conll2000"


def test_model_ships_as_small_json() -> None:
    assert MODEL_PATH.suffix == ".json" and MODEL_PATH.is_file()
    assert MODEL_PATH.stat().st_size < 5_000_000


def test_tags_a_news_sentence() -> None:
    words = ["The", "minister", "said", "on", "Thursday", "that", "20", "soldiers", "were", "killed", "."]
    assert tag_words(words) == ["DT", "NN", "VBD", "IN", "NNP", "IN", "CD", "NNS", "VBD", "VBN", "."]


def test_curly_typography_is_normalised() -> None:
    assert normalize_token("’s") == "'s" and normalize_token("“") == "``" and normalize_token("”") == "''"
    assert normalize_token("don’t") == "don't" and normalize_token("–") == "--"
    tags = tag_words(["Russia", "’s", "“", "offer", "”", "–", "rejected"])
    assert tags[1] == "POS" and tags[2] == "``" and tags[4] == "''" and tags[5] == ":"


def test_same_output_as_nltk_perceptron_tagger() -> None:
    from nltk.tag.perceptron import PerceptronTagger

    model = load_model()
    nltk_tagger = PerceptronTagger(load=False)
    nltk_tagger.decode_json_params((model.weights, model.tagdict, list(model.classes)))
    sentences = [
        "Confidence in the pound is widely expected to take another sharp dive .".split(),
        "Kyiv has been using US-supplied rocket systems to great effect in 2022 .".split(),
        "Zxqv blorfed the 3,200 snarks quickly , she said .".split(),
    ]
    for words in sentences:
        assert model.tag(words) == [t for _, t in nltk_tagger.tag(words)]


def test_empty_and_odd_input() -> None:
    assert tag_words([]) == []
    assert len(tag_words(["", "###", "\u200b", "x" * 500])) == 4


def test_pipeline_step_fills_every_token() -> None:
    text = "Two people were killed.\n\nThe mayor said so."
    sentences, tokens = segment(text)
    doc = run(Document(text=text).with_layers(sentences=sentences, tokens=tokens))
    assert [t.pos for t in doc.tokens] == ["CD", "NNS", "VBD", "VBN", ".", "DT", "NN", "VBD", "RB", "."]
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in tokens]
    assert run(Document(text="")).tokens == ()


@pytest.mark.skipif(not (CORPORA / "test.txt").is_file(), reason="shared CoNLL-2000 corpus absent")
def test_held_out_accuracy() -> None:
    from reader.nlp.pos_cli import accuracy

    acc, n = accuracy(load_model(), CORPORA / "test.txt")
    assert n > 40_000 and acc > 0.965


def test_train_cli_on_a_tiny_corpus(tmp_path: Path) -> None:
    from argparse import Namespace

    from reader.nlp.pos_cli import train

    corpus = tmp_path / "train.txt"
    corpus.write_text("The DT B-NP\ndog NN I-NP\nbarks VBZ B-VP\n. . O\n\n" * 30, encoding="utf-8")
    out = tmp_path / "pos.json"
    assert train(Namespace(corpus=str(corpus), output=str(out))) == 0
    model = PosModel.load(out)
    assert model.tag(["The", "dog", "barks", "."]) == ["DT", "NN", "VBZ", "."]
    assert train(Namespace(corpus=str(tmp_path / "missing.txt"), output=str(out))) == 2
