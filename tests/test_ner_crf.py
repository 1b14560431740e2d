"""The numpy CRF path: weights read from the model files, and tags identical to pycrfsuite's."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Sequence

import numpy as np
import pycrfsuite
import pytest

from reader.nlp.ner import tagger as tagger_module
from reader.nlp.ner.conll import read_conll
from reader.nlp.ner.crf import CrfFormatError, read_model, state_scores, viterbi
from reader.nlp.ner.features import Featurizer, LabelCues
from reader.nlp.ner.tagger import MODEL_PATH, ModelError, NerTagger, load, pass1_path
from reader.nlp.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpora" / "conll2003" / "dev.txt"
SHARED_ARTICLE = ROOT.parent / "shared" / "articles" / "kherson-evacuation.txt"
MODELS = {"pass1": pass1_path(MODEL_PATH), "pass2": MODEL_PATH}


class Reference:
    """The tagger as it ran with pycrfsuite: feature strings (unfiltered) and `Tagger.tag`."""

    def __init__(self, tagger: NerTagger) -> None:
        meta = tagger.meta
        self.fz = Featurizer(tagger.featurizer.gaz, doc_features=meta.get("doc_features", True),
                             bigrams=meta.get("bigrams", False))
        self.first, self.second = pycrfsuite.Tagger(), pycrfsuite.Tagger()
        self.first.open(str(MODELS["pass1"]))
        self.second.open(str(MODELS["pass2"]))

    def pass_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        fz = self.fz
        norms, caps, dfeats = fz.context(sentences)
        first = [list(self.first.tag(fz.sentence(s, n, c, dfeats))) if s else []
                 for s, n, c in zip(sentences, norms, caps)]
        cues = LabelCues(sentences, first, norms)
        second = []
        for s, n, c, t in zip(sentences, norms, caps, first):
            feats = fz.sentence(s, n, c, dfeats)
            cues.extend(feats, s, t, n)
            second.append(list(self.second.tag(feats)) if s else [])
        return [first, second]


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference(load())


@pytest.mark.parametrize("name", sorted(MODELS))
def test_weights_match_crfsuite(name: str) -> None:
    path = MODELS[name]
    model = read_model(path)
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    info = crf.info()
    assert list(model.labels) == crf.labels()
    assert {a: int(i) for a, i in info.attributes.items()} == {a: i for i, a in enumerate(model.attributes)}
    label = {x: i for i, x in enumerate(model.labels)}
    attr = {x: i for i, x in enumerate(model.attributes)}
    state = np.zeros_like(model.state)
    for (a, y), w in info.state_features.items():
        state[attr[a], label[y]] = w
    trans = np.zeros_like(model.transition)
    for (y1, y2), w in info.transitions.items():
        trans[label[y1], label[y2]] = w
    assert np.count_nonzero(model.state) == len(info.state_features) > 30_000
    assert np.count_nonzero(model.transition) == len(info.transitions)
    np.testing.assert_allclose(model.state, state, rtol=0, atol=1e-6)  # info() prints 6 decimals
    np.testing.assert_allclose(model.transition, trans, rtol=0, atol=1e-6)


def test_unreadable_models(tmp_path: Path) -> None:
    data = MODEL_PATH.read_bytes()
    for name, content in {"empty": b"", "text": b"not a model at all" * 10, "cut": data[: len(data) // 2]}.items():
        bad = tmp_path / f"{name}.crfsuite"
        bad.write_bytes(content)
        with pytest.raises(CrfFormatError):
            read_model(bad)
        with pytest.raises(ModelError):
            NerTagger(bad)


def test_same_tags_as_pycrfsuite_on_conll_dev(reference: Reference) -> None:
    if not DEV.is_file():
        pytest.skip(f"corpus not found: {DEV}")
    tagger = load()
    docs = [[[t for t, _ in s] for s in d] for d in read_conll(DEV)]
    mismatches = [i for i, d in enumerate(docs) if tagger.pass_tags(d) != reference.pass_tags(d)]
    assert len(docs) > 200
    assert mismatches == []


def _article_sentences(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    sentences, tokens = segment(text)
    return [[text[t.start : t.end] for t in tokens[s.first_token : s.end_token]] for s in sentences]


@pytest.mark.parametrize("path", [*sorted((ROOT / "articles").iterdir()), SHARED_ARTICLE], ids=lambda p: p.name)
def test_same_tags_as_pycrfsuite_on_articles(path: Path, reference: Reference) -> None:
    if not path.is_file():
        pytest.skip(f"article not found: {path}")
    sentences = _article_sentences(path)
    tags = load().pass_tags(sentences)
    assert tags == reference.pass_tags(sentences)
    assert any(t != "O" for s in tags[1] for t in s)


def test_odd_sentences(reference: Reference) -> None:
    rng = random.Random(7)
    words = "the Ukrainian army said Kherson Mr Saldo , and of in Zxqvbnort ÆØÅ-12 “ 2,400 Qwplk-Dorvan".split()
    doc = [
        [],
        ["Kyiv"],
        [rng.choice(words) for _ in range(500)],
        ["Vrolmek", "Tsaqqiv", "met", "Brunhallow", "officials", "in", "Oszkarwick", "."],
        [],
        ["."],
        ["Plinthorpe"],
    ]
    tags = load().pass_tags(doc)
    assert tags == reference.pass_tags(doc)
    assert [len(s) for s in tags[1]] == [len(s) for s in doc]
    assert load().pass_tags([[]]) == [[[]], [[]]]
    assert load().tag_document([]) == []


def test_small_chunks_and_word_table_resets(monkeypatch: pytest.MonkeyPatch, reference: Reference) -> None:
    doc = _article_sentences(ROOT / "articles" / "prisoner-exchange.txt")
    tagger = NerTagger()
    monkeypatch.setattr(tagger_module, "CHUNK_TOKENS", 40)
    monkeypatch.setattr(tagger_module, "MAX_WORD_TYPES", 120)
    assert tagger.pass_tags(doc) == reference.pass_tags(doc)
    assert len(tagger._words.index) <= 120


def test_single_model_without_sidecar(tmp_path: Path) -> None:
    model = tmp_path / "single.crfsuite"
    model.write_bytes(MODELS["pass1"].read_bytes())
    tagger = NerTagger(model)
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    fz = Featurizer(tagger.featurizer.gaz)
    sentences = _article_sentences(ROOT / "articles" / "bridge-collapse.txt") + [[]]
    norms, caps, dfeats = fz.context(sentences)
    expected = [list(crf.tag(fz.sentence(s, n, c, dfeats))) if s else [] for s, n, c in zip(sentences, norms, caps)]
    assert tagger.pass_tags(sentences) == [expected]


def _crfsuite_viterbi(state: np.ndarray, trans: np.ndarray) -> list[int]:
    """crf1dc_viterbi (crfsuite/lib/crf/src/crf1d_context.c) transcribed."""
    T, L = state.shape
    cur = list(state[0])
    back = []
    for t in range(1, T):
        prev, cur, b = cur, [], []
        for j in range(L):
            best, arg = -np.finfo(float).max, -1
            for i in range(L):
                score = prev[i] + trans[i, j]
                if best < score:
                    best, arg = score, i
            b.append(arg)
            cur.append(best + state[t, j])
        back.append(b)
    labels = [0] * T
    best = -np.finfo(float).max
    for i in range(L):
        if best < cur[i]:
            best, labels[T - 1] = cur[i], i
    for t in range(T - 2, -1, -1):
        labels[t] = back[t][labels[t + 1]]
    return labels


def test_viterbi_matches_crfsuite_with_ties() -> None:
    rng = np.random.default_rng(3)
    lengths = np.array([3, 0, 1, 7, 2, 0, 7, 12])
    for _ in range(20):
        # Small integers make ties common: the first best label must win, as in CRFsuite.
        scores = rng.integers(-2, 3, (int(lengths.sum()), 4)).astype(float)
        trans = rng.integers(-2, 3, (4, 4)).astype(float)
        got = viterbi(scores, lengths, trans)
        ends = np.cumsum(lengths)
        for end, n in zip(ends, lengths):
            if n:
                assert got[end - n : end].tolist() == _crfsuite_viterbi(scores[end - n : end], trans)


def test_state_scores_add_in_order() -> None:
    rng = np.random.default_rng(5)
    weights = rng.normal(size=(50, 3)) * 10.0 ** rng.integers(-8, 8, (50, 1))  # sums depend on the order
    lists = [rng.integers(0, 50, rng.integers(0, 30)).tolist() for _ in range(40)]
    start = rng.normal(size=(40, 3))
    flat = np.array([i for ids in lists for i in ids], np.int32)
    lengths = np.array([len(ids) for ids in lists])
    for begin in (None, start):
        got = state_scores(weights, flat, lengths, start=begin)
        for t, ids in enumerate(lists):
            expect = [0.0] * 3 if begin is None else list(begin[t])
            for i in ids:
                expect = [e + w for e, w in zip(expect, weights[i])]
            assert got[t].tolist() == expect
