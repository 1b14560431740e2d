"""The POS tagger: shipped model, same output as NLTK's tagger (ties included), accuracy, pipeline step."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from reader.document import Document
from reader.nlp import pos
from reader.nlp.pos import MODEL_PATH, PosModel, context_form, load_model, normalize_token, run, tag_words
from reader.nlp.pos_cli import read_conll
from reader.nlp.segment import segment

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "conll2000"
needs_conll = pytest.mark.skipif(not (CORPORA / "test.txt").is_file(), reason="shared CoNLL-2000 corpus absent")


def nltk_tagger(data: dict[str, Any]) -> Any:
    """NLTK's own PerceptronTagger over a model's JSON object."""
    from nltk.tag.perceptron import PerceptronTagger

    tagger = PerceptronTagger(load=False)
    tagger.decode_json_params((data["weights"], data["tagdict"], data["classes"]))
    return tagger


@pytest.fixture(scope="module")
def shipped_nltk() -> Any:
    """NLTK's tagger over the shipped weights."""
    return nltk_tagger(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def nltk_tags(tagger: Any, words: list[str]) -> list[str]:
    """NLTK's tags for one sentence."""
    return [t for _, t in tagger.tag(words)]


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
    assert tag_words(["They", "don’t", "know"]) == tag_words(["They", "don't", "know"])


def test_context_form_is_nltks_normalize(shipped_nltk: Any) -> None:
    for word in ["Kyiv", "US-supplied", "-5", "2022", "20222", "3,200", "", "ÉTÉ", "--"]:
        assert context_form(word) == shipped_nltk.normalize(word)


def test_same_output_as_nltk_on_odd_sentences(shipped_nltk: Any) -> None:
    sentences = [
        "Confidence in the pound is widely expected to take another sharp dive .".split(),
        "Kyiv has been using US-supplied rocket systems to great effect in 2022 .".split(),
        "Zxqv blorfed the 3,200 snarks quickly , she said .".split(),
        ["Kherson"], ["the"], ["."], ["Zxqv"], [""], ["x" * 500], ["###", "\u200b", "-START-", "-END-"],
        "Qwrt Zxcv Plmk Bvcx Lkjh Mnbv Poiu Ytre Wqas Dfgh".split() * 30,  # one long chain of unknown words
    ]
    model = load_model()
    for words in sentences:
        assert model.tag(words) == nltk_tags(shipped_nltk, words)
    assert model.tag_sents(sentences) == [nltk_tags(shipped_nltk, w) for w in sentences]


def test_empty_and_odd_input() -> None:
    model = load_model()
    assert tag_words([]) == [] and model.tag([]) == []
    assert model.tag_sents([]) == []
    assert model.tag_sents([[], ["The"], []]) == [[], ["DT"], []]
    assert len(tag_words(["", "###", "\u200b", "x" * 500])) == 4
    with pytest.raises(ValueError):
        model.tag_ids(["a", "b"], [1])


def test_very_long_sentence_matches_nltk(shipped_nltk: Any) -> None:
    rng = random.Random(7)
    vocab = ["the", "minister", "said", ",", "Kyiv", "Zxqv", "blorfed", "2022", "3,200", "US-made", "“", "."]
    words = [rng.choice(vocab) for _ in range(5000)]
    assert load_model().tag(words) == nltk_tags(shipped_nltk, words)


def test_small_batches_and_chunks_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Kyiv has been using US-supplied rocket systems to great effect. Zxqv blorfed the snarks, she said. "
            "The minister said on Thursday that 20 soldiers were killed.\n\n") * 5
    sentences, tokens = segment(text)
    doc = Document(text=text).with_layers(sentences=sentences, tokens=tokens)
    whole = run(doc)
    monkeypatch.setattr(pos, "_BATCH", 7)
    monkeypatch.setattr(pos, "_CHUNK", 5)
    assert run(doc) == whole


def test_pipeline_step_fills_every_token() -> None:
    text = "Two people were killed.\n\nThe mayor said so."
    sentences, tokens = segment(text)
    doc = run(Document(text=text).with_layers(sentences=sentences, tokens=tokens))
    assert [t.pos for t in doc.tokens] == ["CD", "NNS", "VBD", "VBN", ".", "DT", "NN", "VBD", "RB", "."]
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in tokens]
    assert run(Document(text="")).tokens == ()
    # tokens past the last sentence are tagged as one more sentence
    tail = run(Document(text=text).with_layers(sentences=sentences[:1], tokens=tokens))
    assert [t.pos for t in tail.tokens] == [t.pos for t in doc.tokens]


def test_exact_tie_follows_nltks_float_sums() -> None:
    # A and B both score exactly 0.3; in floats 0.1 + 0.2 > 0.3, so NLTK picks A, not the later B
    data = {"weights": {"bias": {"A": 0.1, "B": 0.3}, "i word zz": {"A": 0.2}}, "tagdict": {}, "classes": ["A", "B"]}
    assert nltk_tags(nltk_tagger(data), ["zz"]) == ["A"]
    assert PosModel.from_json(data).tag(["zz"]) == ["A"]
    # a tie that floats keep exact goes to the later class
    data["weights"]["i word zz"] = {"A": 0.2, "B": 0.2}
    data["weights"]["bias"] = {"A": 0.5, "B": 0.5}
    assert nltk_tags(nltk_tagger(data), ["zz"]) == PosModel.from_json(data).tag(["zz"]) == ["B"]


def random_model(rng: random.Random) -> dict[str, Any]:
    """A small random model whose few distinct weights make exact ties common."""
    classes = ["A", "B", "C", "D"]
    vocab = ["aa", "ab", "ba", "Cab", "x-y", "1999", "12", ""]
    forms = [context_form(w) for w in vocab] + ["-START-", "-START2-", "-END-", "-END2-"]
    tags = classes + ["-START-", "-START2-"]
    names = ["bias"]
    names += [f"i suffix {w[-3:]}" for w in vocab] + [f"i pref1 {w[:1]}" for w in vocab]
    names += [f"i-1 tag {t}" for t in tags] + [f"i-2 tag {t}" for t in tags]
    names += [f"i tag+i-2 tag {t} {u}" for t in tags for u in tags]
    names += [f"i-1 tag+i word {t} {f}" for t in tags for f in forms]
    names += [f"{p} {f}" for p in ("i word", "i-1 word", "i-2 word", "i+1 word", "i+2 word") for f in forms]
    names += [f"{p} {f[-3:]}" for p in ("i-1 suffix", "i+1 suffix") for f in forms]
    values = [-0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.6, 0.7]
    weights = {}
    for name in dict.fromkeys(names):
        if rng.random() < 0.5:
            weights[name] = {c: rng.choice(values) for c in classes if rng.random() < 0.6}
    tagdict = {w: rng.choice(classes) for w in vocab if rng.random() < 0.25}
    return {"weights": weights, "tagdict": tagdict, "classes": classes, "vocab": vocab}


def test_random_models_with_many_ties_match_nltk() -> None:
    mismatches = 0
    for seed in range(150):
        rng = random.Random(seed)
        data = random_model(rng)
        sentences = [[rng.choice(data["vocab"]) for _ in range(rng.randint(1, 12))] for _ in range(8)]
        expected = [nltk_tags(nltk_tagger(data), words) for words in sentences]
        mismatches += PosModel.from_json(data).tag_sents(sentences) != expected
    assert mismatches == 0


def test_rejects_weights_that_are_not_nltks() -> None:
    with pytest.raises(ValueError):
        PosModel({"bias": {"A": 0.12345}}, {}, ["A"])


@needs_conll
def test_same_output_as_nltk_on_conll2000_test(shipped_nltk: Any) -> None:
    sentences = [[w for w, _ in sent] for sent in read_conll(CORPORA / "test.txt")]
    ours = load_model().tag_sents(sentences)
    disagreements = sum(a != b for words, tags in zip(sentences, ours)
                        for a, b in zip(tags, nltk_tags(shipped_nltk, words)))
    assert sum(map(len, sentences)) > 40_000 and disagreements == 0


@needs_conll
def test_held_out_accuracy() -> None:
    from reader.nlp.pos_cli import accuracy

    acc, n = accuracy(load_model(), CORPORA / "test.txt")
    assert n > 40_000 and acc >= 0.9709


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
