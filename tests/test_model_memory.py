"""The compact model storage gives exactly what the plain structures give (gazetteer entries and
matches, POS model loading), and stays compact (shared category tuples, no cache filled at load)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from reader.nlp.ner.gazetteers import CUE_LISTS, Gazetteer, load_lists
from reader.nlp.ner.normalize import norm, normalize_word
from reader.nlp.pos import MODEL_PATH, PosModel, load_model


def plain_entries(lists: dict[str, list[str]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Normalised tokens -> sorted categories, built the obvious way."""
    build: dict[tuple[str, ...], set[str]] = {}
    for cat, names in lists.items():
        if cat in CUE_LISTS:
            continue
        for name in names:
            toks = tuple(norm(t) for t in name.split())
            if toks:
                build.setdefault(toks, set()).add(cat)
    return {k: tuple(sorted(v)) for k, v in build.items()}


def plain_match(
    entries: dict[tuple[str, ...], tuple[str, ...]], norms: list[str], capital: list[bool]
) -> list[list[str]]:
    """Longest multi-word match at each capitalised token, trying every length, then the one-word entry."""
    n = len(norms)
    longest = max(map(len, entries), default=1)
    out: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        if not capital[i]:
            continue
        for length in range(min(longest, n - i), 1, -1):
            cats = entries.get(tuple(norms[i : i + length]))
            if cats:
                for c in cats:
                    out[i].append("g=" + c + ":B")
                    for j in range(i + 1, i + length):
                        out[j].append("g=" + c + ":I")
                break
        for c in entries.get((norms[i],), ()):
            out[i].append("g=" + c + ":U")
    return out


LISTS = {
    "LOC": ["New York", "York", "New York City", "Kyiv", "U.S.", "Nova  Kakhovka", "St. Petersburg", "Ukraine", "   "],
    "FIRST": ["York", "Vladimir", "Kim", "Jean-Luc"],
    "trORG": ["New York Times", "Kyiv", "Kyiv City Council", "ukraine"],
    "NAT": ["Ukrainian", "Ukraine"],
    "TITLE": ["Mr.", "President"],
    "COMMON": ["the", "Both"],
}


def test_entries_are_the_plain_mapping() -> None:
    gaz = Gazetteer(LISTS)
    plain = plain_entries(LISTS)
    assert dict(gaz.entries.items()) == plain
    assert len(gaz.entries) == len(plain) and set(gaz.entries) == set(plain)
    for key, cats in plain.items():
        assert gaz.entries.get(key) == cats and gaz.entries[key] == cats and key in gaz.entries
    for missing in [("nova",), ("new", "york", "times", "square"), (), ("the",), ("mr",)]:
        assert gaz.entries.get(missing) is None and gaz.entries.get(missing, ()) == () and missing not in gaz.entries
        with pytest.raises(KeyError):
            gaz.entries[missing]
    assert "kyiv" not in gaz.entries  # keys are token tuples, as in the plain dict
    assert gaz.cue("TITLE") == {"mr", "president"} and gaz.cue("COMMON") == {"the", "both"}
    assert gaz.cue("NONE") == frozenset()


def test_entries_from_pairs_are_the_same_as_from_a_mapping() -> None:
    from reader.nlp.ner.tagger import _drained

    lists = {cat: list(names) for cat, names in LISTS.items()}
    gaz = Gazetteer(_drained(lists))
    assert lists == {}  # each category was dropped once read
    plain = Gazetteer(LISTS)
    assert dict(gaz.entries.items()) == dict(plain.entries.items()) and gaz.cues == plain.cues
    assert list(gaz.entries) == list(plain.entries) and gaz.firsts == plain.firsts


def test_storage_is_shared() -> None:
    gaz = Gazetteer(LISTS)
    by_cats: dict[tuple[str, ...], int] = {}
    for cats in gaz.entries.words.values():
        assert by_cats.setdefault(cats, id(cats)) == id(cats)  # one tuple per distinct set of categories
    for cats in gaz.entries.phrases.values():
        assert by_cats.setdefault(cats, id(cats)) == id(cats)
    words = {w: w for w in gaz.entries.words}
    york = next(k for k in gaz.entries.phrases if k == ("new", "york"))
    assert york[1] is words["york"]  # one string object per distinct word


def test_building_does_not_fill_the_norm_cache() -> None:
    names = [f"Zqplace{k}" for k in range(300)]
    before = norm.cache_info()
    gaz = Gazetteer({"LOC": names, "COMMON": [n + "x" for n in names]})
    assert norm.cache_info().currsize <= before.currsize and norm.cache_info().misses == before.misses
    assert gaz.entries.get((normalize_word(names[5]),)) == ("LOC",)


def test_shipped_lists_match_as_the_plain_mapping() -> None:
    lists = load_lists()
    gaz = Gazetteer(lists)
    plain = plain_entries(lists)
    assert dict(gaz.entries.items()) == plain
    rng = random.Random(7)
    phrases = [" ".join(k) for k in plain if len(k) > 1]
    singles = [k[0] for k in plain if len(k) == 1]
    matched = 0
    for _ in range(400):
        picks = [rng.choice(phrases if rng.random() < 0.5 else singles) for _ in range(rng.randint(1, 5))]
        words = " ".join(picks).split()
        words += rng.sample(["the", "of", "said", ",", "New"], rng.randint(0, 3))
        if rng.random() < 0.3:
            rng.shuffle(words)
        norms = [norm(w) for w in words]
        capital = [rng.random() < 0.8 for _ in words]
        found = gaz.match(norms, capital)
        assert found == plain_match(plain, norms, capital)
        matched += any(f and f[0].endswith(":B") for f in found)
    assert matched > 100  # multi-word matches were tried


def test_small_lists_match_as_the_plain_mapping() -> None:
    gaz = Gazetteer(LISTS)
    plain = plain_entries(LISTS)
    vocab = ["new", "york", "city", "times", "kyiv", "council", "us", "st", "petersburg", "nova", "kakhovka", "x"]
    rng = random.Random(3)
    for _ in range(2000):
        norms = [rng.choice(vocab) for _ in range(rng.randint(0, 9))]
        capital = [rng.random() < 0.7 for _ in norms]
        assert gaz.match(norms, capital) == plain_match(plain, norms, capital)


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "pos.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_pos_load_builds_the_same_model_as_from_json() -> None:
    loaded = load_model()
    plain = PosModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    assert loaded._weights.dtype == np.int16  # the shipped weights x 1000 fit
    for name in ("_weights", "_base", "_pair", "_tagword", "_key_roles", "_pad_roles"):
        assert np.array_equal(getattr(loaded, name), getattr(plain, name)), name
    assert loaded._keys == plain._keys and loaded._other == plain._other
    assert loaded.classes == plain.classes and loaded.tagdict == plain.tagdict


@pytest.mark.parametrize("data", [
    # integer weights and a meta object of floats only: read plainly
    {"weights": {"bias": {"A": 1, "B": 0.5}, "i word zz": {"A": 0.2}}, "tagdict": {}, "classes": ["A", "B"]},
    {"weights": {"bias": {"A": 0.1, "B": 0.5}, "i word zz": {"A": 0.7}}, "tagdict": {"q": "B"}, "classes": ["B", "A"],
     "meta": {"prune_below": 0.5}},
    {"weights": {}, "tagdict": {"q": "B"}, "classes": ["A", "B"]},
    {"weights": {"bias": {}, "i suffix zz": {"B": 0.25}}, "tagdict": {}, "classes": ["A", "B"]},
    # a weight too large for int16
    {"weights": {"bias": {"A": 40.5}, "i-1 tag+i word A zz": {"B": 41.0}, "i-1 tag A": {"B": 0.5}},
     "tagdict": {}, "classes": ["A", "B"]},
])
def test_pos_load_reads_any_layout_as_from_json(tmp_path: Path, data: dict[str, Any]) -> None:
    sentences = [["zz"], ["q", "zz", "zz"], ["zz", "q", "x", "zz"], []]
    plain = PosModel.from_json(data)
    loaded = PosModel.load(write(tmp_path, data))
    assert loaded.tag_sents(sentences) == plain.tag_sents(sentences)
    assert loaded._weights.dtype == plain._weights.dtype == (np.int32 if "i-1 tag A" in data["weights"] else np.int16)


def test_ner_weights_are_the_dense_models_side_by_side() -> None:
    from reader.nlp.ner.crf import read_model
    from reader.nlp.ner.tagger import MODEL_PATH as NER_PATH
    from reader.nlp.ner.tagger import NerTagger, pass1_path

    tagger = NerTagger(NER_PATH)
    models = [read_model(pass1_path(NER_PATH)), read_model(NER_PATH)]  # each with its own dense matrix
    vocab: dict[str, int] = {}
    for model in models:
        for attr in model.attributes:
            vocab.setdefault(attr, len(vocab))
    assert tagger.vocab == vocab and list(tagger.vocab) == list(vocab)
    dense = np.zeros((len(vocab) + 1, sum(len(m.labels) for m in models)))
    start = 0
    for model, one in zip(models, tagger._passes):
        columns = slice(start, start + len(model.labels))
        start = columns.stop
        dense[[vocab[a] for a in model.attributes], columns] = model.state
        assert one.columns == columns and list(one.labels) == list(model.labels)
        assert np.array_equal(one.transition, model.transition)
    assert np.array_equal(tagger._weights, dense) and np.count_nonzero(dense) > 30_000
    assert "lists" not in tagger.meta  # merged into the gazetteer, not kept twice
