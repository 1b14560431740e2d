"""Part-of-speech tags (Penn Treebank) from our averaged perceptron, trained with NLTK.

The model is NLTK's `PerceptronTagger` trained on CoNLL-2000 (see `pos_cli.py`) and
shipped as one JSON file (`models/pos.json`: weights, tag dictionary, classes). Tagging
here is a fast re-implementation of `PerceptronTagger.tag` over the same weights and the
same features, so NLTK is only needed for training. Modern typography (curly quotes,
dashes) is mapped to the treebank's ASCII conventions before tagging.
"""

from __future__ import annotations

import json
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from reader.document import Document, Token

MODEL_PATH = Path(__file__).resolve().parent / "models" / "pos.json"

_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")

# Typography the WSJ treebank never saw, mapped to its conventions.
_TYPO: dict[str, str] = {
    "’s": "'s", "’S": "'S", "’": "'", "‘": "`", "“": "``", "”": "''", "„": "``", "«": "``", "»": "''",
    "–": "--", "—": "--", "―": "--", "…": "...", "n’t": "n't", "N’T": "N'T", "’re": "'re", "’ve": "'ve",
    "’ll": "'ll", "’d": "'d", "’m": "'m", '"': "''",
}


def normalize_token(word: str) -> str:
    """Map a token's curly quotes, apostrophes and dashes to treebank ASCII."""
    mapped = _TYPO.get(word)
    if mapped is not None:
        return mapped
    if "’" in word:
        return word.replace("’", "'")
    return word


class PosModel:
    """Averaged-perceptron weights, tag dictionary and classes, with fast greedy tagging.

    Scores are kept in a list indexed by class (sorted, as NLTK sorts them), and each feature's
    weights as (class index, weight) pairs, converted once on first use. Every class's score is
    summed in the same order as NLTK's `PerceptronTagger.predict`, so ties and near-ties come out
    the same.
    """

    __slots__ = ("weights", "tagdict", "classes", "_index", "_pairs", "_tag_cache", "_word_cache", "_ctx_cache")

    def __init__(
        self, weights: Mapping[str, Mapping[str, float]], tagdict: Mapping[str, str], classes: Sequence[str],
        _owned: bool = False,
    ):
        # `_owned`: the mappings are plain dicts nobody else holds (fresh from json.load), kept as they
        # are rather than copied (a copy of the weights costs ~10 MB more at load time)
        self.weights: dict[str, dict[str, float]] = (
            weights if _owned else {k: dict(v) for k, v in weights.items()}  # type: ignore[assignment]
        )
        self.tagdict: dict[str, str] = tagdict if _owned else dict(tagdict)  # type: ignore[assignment]
        self.classes: tuple[str, ...] = tuple(sorted(classes))
        self._index: dict[str, int] = {label: i for i, label in enumerate(self.classes)}
        self._pairs: dict[str, tuple[tuple[int, float], ...]] = {}
        self._tag_cache: dict[tuple[str, str], list[float]] = {}
        self._word_cache: dict[tuple[str, str, str], tuple[tuple[int, ...], array]] = {}
        self._ctx_cache: dict[str, tuple[tuple[tuple[int, float], ...], ...]] = {}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PosModel:
        """Build a model from its JSON object ({"weights", "tagdict", "classes"})."""
        return cls(data["weights"], data["tagdict"], data["classes"])

    @classmethod
    def load(cls, path: Path | str) -> PosModel:
        """Load a model from a JSON file."""
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["weights"], data["tagdict"], data["classes"], _owned=True)

    def _feature(self, name: str) -> tuple[tuple[int, float], ...]:
        """A feature's weights as (class index, weight) pairs; () for a feature the model never saw."""
        pairs = self._pairs.get(name)
        if pairs is None:
            index = self._index
            pairs = tuple((index[label], wt) for label, wt in self.weights.get(name, {}).items())
            if len(self._pairs) > _MAX_PAIRS:  # names the model never saw (new words) add up
                self._pairs.clear()
            self._pairs[name] = pairs
        return pairs

    def _combined(self, feats: Sequence[str]) -> list[float]:
        """The summed weights of several features, one score per class, added in feature order."""
        out = [0.0] * len(self.classes)
        for f in feats:
            for k, wt in self._feature(f):
                out[k] += wt
        return out

    def _context(self, word: str) -> tuple[tuple[tuple[int, float], ...], ...]:
        """What a context word contributes as i-1 (word, suffix), i-2, i+1 (word, suffix) and i+2 word."""
        ctx = self._ctx_cache.get(word)
        if ctx is None:
            feature = self._feature
            suffix = word[-3:]
            ctx = (feature("i-1 word " + word), feature("i-1 suffix " + suffix), feature("i-2 word " + word),
                   feature("i+1 word " + word), feature("i+1 suffix " + suffix), feature("i+2 word " + word))
            if len(self._ctx_cache) > _MAX_WORDS:
                self._ctx_cache.clear()
            self._ctx_cache[word] = ctx
        return ctx

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tag one sentence's tokens (already normalised); same output as NLTK's tagger.

        Features are NLTK's; weights of features that depend only on the previous two tags
        (with the bias), only on the word itself, or only on one context word are looked up
        once and cached.
        """
        tagdict = self.tagdict
        tag_cache = self._tag_cache
        word_cache = self._word_cache
        pairs_get = self._pairs.get
        ctx_get = self._ctx_cache.get
        feature = self._feature
        classes = self.classes
        last = len(classes) - 1
        context = list(_START)
        for w in words:
            if "-" in w and w[0] != "-":
                context.append("!HYPHEN")
            elif w.isdigit() and len(w) == 4:
                context.append("!YEAR")
            elif w and w[0].isdigit():
                context.append("!DIGITS")
            else:
                context.append(w.lower())
        context.extend(_END)
        ctx = None
        prev, prev2 = _START
        out: list[str] = []
        for i, word in enumerate(words):
            tag = tagdict.get(word)
            if not tag:
                if ctx is None:
                    ctx = [ctx_get(c) or self._context(c) for c in context]
                j = i + 2
                ci = context[j]
                key = (prev, prev2)
                base = tag_cache.get(key)
                if base is None:
                    base = tag_cache[key] = self._combined(
                        ("bias", "i-1 tag " + prev, "i-2 tag " + prev2, "i tag+i-2 tag " + prev + " " + prev2))
                wkey = (word[-3:], word[:1], ci)
                wsc = word_cache.get(wkey)
                if wsc is None:  # the classes the three features weight (indices) and their summed scores
                    names = ("i suffix " + word[-3:], "i pref1 " + word[:1], "i word " + ci)
                    summed = self._combined(names)
                    used = sorted({k for f in names for k, _ in feature(f)})
                    wsc = (tuple(used), array("d", [summed[k] for k in used]))
                    if len(word_cache) < _MAX_WORDS:
                        word_cache[wkey] = wsc
                name = "i-1 tag+i word " + prev + " " + ci
                tagword = pairs_get(name)
                if tagword is None:
                    tagword = feature(name)
                scores = base[:]
                for k, wt in zip(*wsc):
                    scores[k] += wt
                left, left2, right, right2 = ctx[j - 1], ctx[j - 2], ctx[j + 1], ctx[j + 2]
                for pairs in (tagword, left[0], left[1], left2[2], right[3], right[4], right2[5]):
                    for k, wt in pairs:
                        scores[k] += wt
                # NLTK's choice: the highest score, ties going to the larger (later) label
                top = max(scores)
                k = scores.index(top)
                if scores.count(top) > 1:
                    k = last - scores[::-1].index(top)
                tag = classes[k]
            out.append(tag)
            prev2 = prev
            prev = tag
        return out


# Entries in the per-word caches (a few hundred bytes each): a text's frequent words come first.
_MAX_WORDS = 20_000
# Feature names whose weights are cached (the model has ~43,000; a new word's names are cached too).
_MAX_PAIRS = 100_000


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> PosModel:
    """The shipped model (or one from `path`), loaded once."""
    return PosModel.load(path or MODEL_PATH)


def tag_words(words: Sequence[str], model: PosModel | None = None) -> list[str]:
    """Penn Treebank tags for a list of raw tokens (typography normalised first)."""
    if not words:
        return []
    return (model or load_model()).tag([normalize_token(w) for w in words])


def run(doc: Document) -> Document:
    """Pipeline step: fill `Token.pos` for every token, sentence by sentence."""
    if not doc.tokens:
        return doc
    tag = load_model().tag
    text = doc.text
    tokens = doc.tokens
    tags = [t.pos for t in tokens]
    covered = 0
    for sent in doc.sentences or ():
        a, b = sent.first_token, sent.end_token
        if b > a:  # one sentence's words at a time: a 2 MB article has ~400,000 tokens
            tags[a:b] = tag([normalize_token(text[t.start : t.end]) for t in tokens[a:b]])
            covered = max(covered, b)
    if covered < len(tokens):  # tokens outside any sentence: tag them as one run
        tags[covered:] = tag([normalize_token(text[t.start : t.end]) for t in tokens[covered:]])
    return doc.with_layers(tokens=[Token(t.start, t.end, p) for t, p in zip(tokens, tags)])
