"""Part-of-speech tags (Penn Treebank) from our averaged perceptron, trained with NLTK.

The model is NLTK's `PerceptronTagger` trained on CoNLL-2000 (see `pos_cli.py`) and
shipped as one JSON file (`models/pos.json`: weights, tag dictionary, classes). Tagging
here is a fast re-implementation of `PerceptronTagger.tag` over the same weights and the
same features, so NLTK is only needed for training. Modern typography (curly quotes,
dashes) is mapped to the treebank's ASCII conventions before tagging.
"""

from __future__ import annotations

import json
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
    """Averaged-perceptron weights, tag dictionary and classes, with fast greedy tagging."""

    __slots__ = ("weights", "tagdict", "classes", "_tag_cache", "_word_cache")

    def __init__(self, weights: Mapping[str, Mapping[str, float]], tagdict: Mapping[str, str], classes: Sequence[str]):
        self.weights: dict[str, dict[str, float]] = {k: dict(v) for k, v in weights.items()}
        self.tagdict: dict[str, str] = dict(tagdict)
        self.classes: tuple[str, ...] = tuple(sorted(classes))
        self._tag_cache: dict[tuple[str, str], dict[str, float]] = {}
        self._word_cache: dict[tuple[str, str, str], dict[str, float]] = {}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PosModel:
        """Build a model from its JSON object ({"weights", "tagdict", "classes"})."""
        return cls(data["weights"], data["tagdict"], data["classes"])

    @classmethod
    def load(cls, path: Path | str) -> PosModel:
        """Load a model from a JSON file."""
        with open(path, encoding="utf-8") as fh:
            return cls.from_json(json.load(fh))

    def _best(self, scores: dict[str, float]) -> str:
        """The label NLTK would pick: highest score, ties broken by the larger label."""
        if not scores:
            return self.classes[-1]
        best_label, best = "", float("-inf")
        for label, score in scores.items():
            if score > best or (score == best and label > best_label):
                best_label, best = label, score
        if len(scores) < len(self.classes) and best <= 0:
            for label in reversed(self.classes):
                if label not in scores:
                    if best < 0 or label > best_label:
                        return label
                    break
        return best_label

    def _combined(self, feats: tuple[str, ...]) -> dict[str, float]:
        """The summed weights of several features (cached by callers)."""
        out: dict[str, float] = {}
        for f in feats:
            for label, wt in self.weights.get(f, {}).items():
                out[label] = out.get(label, 0.0) + wt
        return out

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tag one sentence's tokens (already normalised); same output as NLTK's tagger.

        Features are NLTK's; weights of features that depend only on the previous two tags
        (with the bias) or only on the word itself are summed once and cached.
        """
        weights = self.weights
        tagdict = self.tagdict
        tag_cache = self._tag_cache
        word_cache = self._word_cache
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
        prev, prev2 = _START
        out: list[str] = []
        for i, word in enumerate(words):
            tag = tagdict.get(word)
            if not tag:
                j = i + 2
                ci = context[j]
                cm1 = context[j - 1]
                cp1 = context[j + 1]
                key = (prev, prev2)
                base = tag_cache.get(key)
                if base is None:
                    base = tag_cache[key] = self._combined(
                        ("bias", "i-1 tag " + prev, "i-2 tag " + prev2, "i tag+i-2 tag " + prev + " " + prev2))
                wkey = (word[-3:], word[:1], ci)
                wsc = word_cache.get(wkey)
                if wsc is None:
                    wsc = self._combined(("i suffix " + word[-3:], "i pref1 " + word[:1], "i word " + ci))
                    if len(word_cache) < 200_000:
                        word_cache[wkey] = wsc
                scores = dict(base)
                get = scores.get
                for label, wt in wsc.items():
                    scores[label] = get(label, 0.0) + wt
                for f in (
                    "i-1 tag+i word " + prev + " " + ci,
                    "i-1 word " + cm1,
                    "i-1 suffix " + cm1[-3:],
                    "i-2 word " + context[j - 2],
                    "i+1 word " + cp1,
                    "i+1 suffix " + cp1[-3:],
                    "i+2 word " + context[j + 2],
                ):
                    wts = weights.get(f)
                    if wts:
                        for label, wt in wts.items():
                            scores[label] = get(label, 0.0) + wt
                tag = self._best(scores)
            out.append(tag)
            prev2 = prev
            prev = tag
        return out


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
    model = load_model()
    text = doc.text
    tokens = list(doc.tokens)
    covered = 0
    for sent in doc.sentences or ():
        a, b = sent.first_token, sent.end_token
        if b <= a:
            continue
        words = [normalize_token(text[t.start : t.end]) for t in tokens[a:b]]
        for k, tag in enumerate(model.tag(words)):
            t = tokens[a + k]
            tokens[a + k] = Token(t.start, t.end, tag)
        covered = max(covered, b)
    if covered < len(tokens):  # tokens outside any sentence: tag them as one run
        rest = tokens[covered:]
        tags = model.tag([normalize_token(text[t.start : t.end]) for t in rest])
        for k, tag in enumerate(tags):
            t = tokens[covered + k]
            tokens[covered + k] = Token(t.start, t.end, tag)
    return doc.with_layers(tokens=tokens)
