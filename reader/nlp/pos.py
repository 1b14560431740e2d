"""Part-of-speech tags (Penn Treebank) from our averaged perceptron, trained with NLTK.

The model is NLTK's `PerceptronTagger` trained on CoNLL-2000 (see `pos_cli.py`) and shipped
as one JSON file (`models/pos.json`: weights, tag dictionary, classes). Tagging here is a
numpy re-implementation of `PerceptronTagger.tag` over the same weights and features, with
the same output, so NLTK is only needed for training:

- NLTK rounds averaged weights to 3 decimals, so weights x 1000 are exact integers: scores
  are summed exactly, in any order. They are stored as int16 when they fit (the shipped model's
  do: half the memory of int32), one row per feature. Inside, classes are numbered in reverse
  order (`tag_ids` turns them back), so that argmax (the first best) gives ties to the later
  class, as NLTK does.
- The feature rows are found by the feature's value: one table per distinct word, form, suffix or
  prefix string gives its rows for every feature template, so no feature name is kept.
- Per token, the features that do not depend on predicted tags (bias, the word, its
  neighbours) are summed once; the tag-dependent ones come from a table indexed by the two
  previous tags and one indexed by (previous tag, word).
- A tag depends on earlier predictions only through the previous two tags, and words in the
  tag dictionary get their tag without scoring, so the scored tokens form independent chains
  wherever two dictionary words in a row (or a sentence start) separate them: step t tags
  the t-th token of every chain at once.
- Exact ties are rescored in floating point in NLTK's own feature order, so whatever its
  rounding makes of them is reproduced.
- A word type's context form, tag-dictionary class and feature rows are kept across calls (most
  words of a new text are known ones), so a short text does not pay for building them again.

Modern typography (curly quotes, dashes) is mapped to the treebank's ASCII conventions first.
"""

from __future__ import annotations

import json
import threading
from array import array
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import numpy as np

from reader.document import Document
from reader.nlp import LONG_TEXT_CHARS

MODEL_PATH = Path(__file__).resolve().parent / "models" / "pos.json"

_START = ("-START-", "-START2-")  # NLTK's context words (and previous tags) before a sentence
_END = ("-END-", "-END2-")
_TAGWORD = "i-1 tag+i word "
# The features that do not depend on predicted tags (besides the bias), each with the position,
# relative to the token, of the word it reads.
_STATIC = (("i suffix", 0), ("i pref1", 0), ("i word", 0), ("i-1 word", -1), ("i-1 suffix", -1), ("i-2 word", -2),
           ("i+1 word", 1), ("i+1 suffix", 1), ("i+2 word", 2))
_OFFSETS = np.array([offset for _, offset in _STATIC], np.intp)
# A word type's roles: its `_STATIC` feature rows, then its `_tagword` column. Each role's value is
# one of four strings of the word w and its context form f: w[-3:], w[:1], f, f[-3:] (`_role_rows`).
_SOURCE = np.array([0, 1, 2, 2, 3, 2, 2, 3, 2, 2], np.intp)
_ROLES = np.arange(len(_STATIC) + 1)
_CHUNK = 4096  # scored tokens scored together: bounds the (tokens x classes) score matrices
_BATCH = 8_192  # tokens `run` tags per call: bounds the word lists and per-token arrays (~140 bytes a token)
# Word types whose context form, tag-dictionary class and feature rows are kept (~100 bytes each
# besides the word); the table is emptied when full, and after a long text (`LONG_TEXT_CHARS`).
MAX_WORD_TYPES = 50_000

# Unsigned array codes for the token layer's tag indices, by the number of distinct tags they hold.
_INDEX_CODES, _INDEX_SIZES = ("B", "H", "L"), (256, 65536, 2**32)

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


def context_form(word: str) -> str:
    """A word as NLTK's tagger sees it in context (`PerceptronTagger.normalize`)."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class PosModel:
    """Averaged-perceptron weights as a dense integer matrix, tag dictionary and classes."""

    __slots__ = ("tagdict", "classes", "_known", "_other", "_keys", "_key_roles", "_zero", "_weights", "_base",
                 "_pair", "_tagword", "_pad_roles", "_types", "_n_types", "_type_known", "_type_roles", "_lock")

    def __init__(self, weights: Mapping[str, Mapping[str, float]], tagdict: Mapping[str, str], classes: Sequence[str]):
        index = {label: k for k, label in enumerate(sorted(classes))}
        counts = np.fromiter(map(len, weights.values()), np.intp, len(weights))
        cols = np.fromiter(map(index.__getitem__, chain.from_iterable(weights.values())), np.intp, int(counts.sum()))
        values = np.fromiter(chain.from_iterable(map(dict.values, weights.values())), np.float64, cols.size)
        self._setup(weights, counts, cols, values, tagdict, classes)

    def _setup(self, names: Iterable[str], counts: np.ndarray, cols: np.ndarray, values: np.ndarray,
               tagdict: Mapping[str, str], classes: Sequence[str]) -> None:
        """Build the tables from the features' names in order, and their weights one feature after another:
        `counts` weights each, as class indices (`cols`, into the sorted classes) and `values`."""
        self.tagdict: dict[str, str] = dict(tagdict)
        self.classes: tuple[str, ...] = tuple(sorted(classes))
        n_classes = len(self.classes)
        last = n_classes - 1
        inner = {label: last - k for k, label in enumerate(self.classes)}  # a class's number inside
        self._known: dict[str, int] = {w: inner[t] for w, t in self.tagdict.items()}
        # one row per feature, then a zero row for features the model never saw
        self._zero = zero = len(counts)
        thousandths = np.rint(values * 1000)
        # below 1000.0, a sum of NLTK's 14 features stays far inside int32
        largest = np.abs(thousandths).max(initial=0)
        if not np.array_equal(thousandths / 1000, values) or largest >= 1_000_000:
            raise ValueError("POS weights must be NLTK's averaged weights (3 decimals, below 1000)")
        self._weights = np.zeros((zero + 1, n_classes), np.int16 if largest < 1 << 15 else np.int32)
        self._weights[np.repeat(np.arange(zero), counts), last - cols] = thousandths
        del counts, cols, values, thousandths
        # Feature rows by the feature's value (see `_role_rows`); the tag features by name.
        # a previous tag is a class's number inside, or n_classes (+1) for -START- (-START2-)
        tags = [*reversed(self.classes), *_START]
        tag_index = {t: k for k, t in enumerate(tags)}
        role_of = {name: k for k, (name, _) in enumerate(_STATIC)}
        self._other: dict[str, int] = {}  # the bias and the tag features: name -> row
        self._keys: dict[str, int] = {}  # a feature value -> its row of `_key_roles`
        key = self._keys.setdefault
        at, role, rows = array("q"), array("q"), array("q")  # (key, role) -> row
        tagword: dict[str, int] = {}  # word of an "i-1 tag+i word" feature -> its `_tagword` column
        tw_tag, tw_col, tw_row = array("q"), array("q"), array("q")
        for r, name in enumerate(names):
            parts = name.split(" ", 2)
            k = role_of.get(parts[0] + " " + parts[1]) if len(parts) == 3 else None
            if k is not None:  # name == _STATIC[k][0] + " " + value
                at.append(key(parts[2], len(self._keys)))
                role.append(k)
                rows.append(r)
            elif name.startswith(_TAGWORD):
                t, word = name[len(_TAGWORD) :].split(" ", 1)
                key(word, len(self._keys))
                tw_tag.append(tag_index[t])
                tw_col.append(tagword.setdefault(word, len(tagword)))
                tw_row.append(r)
            else:
                self._other[name] = r
        # per key: its rows for the `_STATIC` roles (zero where it has none), then its `_tagword` column
        # (the last one where it has none); the last key stands for the values the model never saw
        self._key_roles = np.full((len(self._keys) + 1, len(_STATIC) + 1), zero, np.int32)
        self._key_roles[:, len(_STATIC)] = len(tagword)
        self._key_roles[np.array(at, np.intp), np.array(role, np.intp)] = rows
        self._key_roles[[self._keys[word] for word in tagword], len(_STATIC)] = np.arange(len(tagword))
        # rows of "i-1 tag+i word" by (previous tag, word column); the last column is for other words
        self._tagword = np.full((len(tags), len(tagword) + 1), zero, np.int32)
        self._tagword[np.array(tw_tag, np.intp), np.array(tw_col, np.intp)] = tw_row
        del at, role, rows, tagword, tw_tag, tw_col, tw_row
        # the bias; tag-dependent features by (previous tag, tag before it)
        row = self._other.get
        n_tags = len(tags)
        w = self._weights
        self._base = w[row("bias", zero)].astype(np.int32)
        prev = w[[row("i-1 tag " + p, zero) for p in tags]].astype(np.int32)
        prev2 = w[[row("i-2 tag " + p, zero) for p in tags]].astype(np.int32)
        both = w[[row(f"i tag+i-2 tag {p} {p2}", zero) for p in tags for p2 in tags]].astype(np.int32)
        self._pair = (prev[:, None] + prev2[None, :]).reshape(n_tags * n_tags, n_classes) + both
        self._pad_roles = self._role_rows([*_START, *_END], [*_START, *_END])
        self._lock = threading.Lock()  # the word type table grows as texts come
        self._reset_types()

    def clear_types(self) -> None:
        """Forget the word types seen so far (their table is rebuilt as texts come)."""
        with self._lock:
            self._reset_types()

    def _reset_types(self) -> None:
        """Empty the word type table but for the four pads (ids 0-3: -START-, -START2-, -END-, -END2-)."""
        pads = len(self._pad_roles)
        self._types: dict[str, int] = {}  # word -> its id: its row in the tables below
        self._n_types = pads  # ids given so far
        self._type_known = np.full(4 * pads, -1, np.intp)  # per id, its tag-dictionary class, or -1
        self._type_roles = np.zeros((4 * pads, len(_STATIC) + 1), np.int32)  # per id, `_role_rows`
        self._type_roles[:pads] = self._pad_roles

    def _type_ids(self, words: Sequence[str]) -> np.ndarray:
        """The ids of words in the word type table, adding the new ones (emptied first when it is full)."""
        types = self._types
        new = [w for w in dict.fromkeys(words) if w not in types]
        if new and len(types) + len(new) > MAX_WORD_TYPES:
            self._reset_types()
            types = self._types
            new = list(dict.fromkeys(words))
        if new:
            first = self._n_types
            end = first + len(new)
            if end > len(self._type_known):  # grow by doubling
                size = max(end, 2 * len(self._type_known))
                known = np.full(size, -1, np.intp)
                known[:first] = self._type_known[:first]
                roles = np.zeros((size, self._type_roles.shape[1]), np.int32)
                roles[:first] = self._type_roles[:first]
                self._type_known, self._type_roles = known, roles
            forms = [context_form(w) for w in new]
            known_get = self._known.get
            self._type_known[first:end] = [known_get(w, -1) for w in new]
            self._type_roles[first:end] = self._role_rows(new, forms)
            self._n_types = end
            types.update(zip(new, range(first, end)))
        return np.fromiter(map(types.__getitem__, words), np.intp, len(words))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PosModel:
        """Build a model from its JSON object ({"weights", "tagdict", "classes"})."""
        return cls(data["weights"], data["tagdict"], data["classes"])

    @classmethod
    def load(cls, path: Path | str) -> PosModel:
        """Load a model from a JSON file.

        Each feature's weights go into flat arrays as the JSON is parsed, so its ~40,000 small dicts
        and ~130,000 floats never exist at once (they would leave the process ~10 MB bigger)."""
        ids: dict[str, int] = {}  # class name -> the order it was first seen in
        seen, values = array("q"), array("d")

        def flat(items: list[tuple[str, Any]]) -> Any:
            """A JSON object: a feature's weights (all floats) to the arrays and their number; others a dict."""
            for _, value in items:
                if type(value) is not float:
                    return dict(items)
            if not items:
                return {}
            for name, value in items:
                k = ids.get(name)
                if k is None:
                    k = ids[name] = len(ids)
                seen.append(k)
                values.append(value)
            return len(items)

        with open(path, encoding="utf-8") as fh:
            data = json.load(fh, object_pairs_hook=flat)
        weights = data.pop("weights")
        if not all(type(n) is int for n in weights.values()) or sum(weights.values()) != len(values):
            # not every feature's weights went to the arrays (or something else did): read it plainly
            with open(path, encoding="utf-8") as fh:
                return cls.from_json(json.load(fh))
        counts = np.fromiter(weights.values(), np.intp, len(weights))
        index = {label: k for k, label in enumerate(sorted(data["classes"]))}
        cols = np.array([index[name] for name in ids], np.intp)[np.array(seen, np.intp)]
        model = cls.__new__(cls)
        model._setup(weights, counts, cols, np.array(values, np.float64), data["tagdict"], data["classes"])
        return model

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tag one sentence's tokens (already normalised); same output as NLTK's tagger."""
        return self.tag_sents([words])[0]

    def tag_sents(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag several sentences' tokens (already normalised) at once."""
        lengths = [len(s) for s in sentences]
        labels = list(map(self.classes.__getitem__, self.tag_ids([w for s in sentences for w in s], lengths).tolist()))
        out = []
        start = 0
        for n in lengths:
            out.append(labels[start : start + n])
            start += n
        return out

    def tag_ids(self, words: Sequence[str], lengths: Sequence[int]) -> np.ndarray:
        """Indices into `classes` for `words` (normalised), read as consecutive sentences of `lengths` words."""
        n = len(words)
        n_sents = len(lengths)
        if n != sum(lengths):
            raise ValueError("sentence lengths do not add up to the number of words")
        with self._lock:
            # slots: each sentence's tokens with two pads before and two after, for _START and _END
            starts = np.zeros(n_sents, np.intp)
            np.cumsum(lengths[:-1], out=starts[1:])
            starts += 4 * np.arange(n_sents)
            slot = np.arange(n) + 2 + 4 * np.repeat(np.arange(n_sents), lengths)
            size = n + 4 * n_sents
            context = np.empty(size, np.intp)  # the word type id at each slot (0-3 for the pads)
            type_of = self._type_ids(words)
            context[slot] = type_of
            ends = starts + 2 + np.asarray(lengths, np.intp)
            for k, pads in enumerate((starts, starts + 1, ends, ends + 1)):
                context[pads] = k
            tags = np.empty(size, np.intp)  # predicted tags as in `_pair`; -1 until scored
            tags[starts] = len(self.classes) + 1
            tags[starts + 1] = len(self.classes)
            tags[slot] = self._type_known[type_of]
            scored = slot[tags[slot] < 0]
            if scored.size:
                self._score(scored, tags, context)
            return (len(self.classes) - 1) - tags[slot]

    def _role_rows(self, words: Sequence[str], forms: Sequence[str]) -> np.ndarray:
        """Per word (and its context form): its `_STATIC` feature rows, then its `_tagword` column."""
        get = self._keys.get
        unseen = len(self._keys)
        values = [(get(w[-3:], unseen), get(w[:1], unseen), get(f, unseen), get(f[-3:], unseen))
                  for w, f in zip(words, forms)]
        keys = np.array(values, np.intp).reshape(len(values), 4)  # per word: the keys of its four strings
        return self._key_roles[keys[:, _SOURCE], _ROLES]

    def _score(self, scored: np.ndarray, tags: np.ndarray, context: np.ndarray) -> None:
        """Tag the `scored` slots greedily, chain step by chain step, in batches of `_CHUNK`."""
        # chains: scored slots at most 2 apart; a token's depth in its chain is its step
        index = np.arange(scored.size)
        chain_start = np.ones(scored.size, bool)
        np.greater_equal(scored[1:] - scored[:-1], 3, out=chain_start[1:])
        depth = index - np.maximum.accumulate(index * chain_start)
        order = np.argsort(depth, kind="stable")
        scored, depth = scored[order], depth[order]
        roles = self._type_roles
        rows = self._weights.take  # rows(ids, axis=0): the rows of ids, gathered faster than by indexing
        pair = self._pair.take
        tagword_rows = self._tagword
        n_tags = len(self.classes) + 2
        for a in range(0, scored.size, _CHUNK):
            q = scored[a : a + _CHUNK]
            at = context[q]
            static = self._base + rows(roles[at, 0], axis=0)
            for k, offset in enumerate(_OFFSETS[1:].tolist(), 1):
                static += rows(roles[context[q + offset] if offset else at, k], axis=0)
            tagword = roles[at, len(_STATIC)]
            before, before2 = q - 1, q - 2
            steps = depth[a : a + _CHUNK]
            bounds = [0, *(np.flatnonzero(steps[1:] != steps[:-1]) + 1).tolist(), q.size]
            for lo, hi in zip(bounds, bounds[1:]):
                prev = tags[before[lo:hi]]
                scores = static[lo:hi] + pair(prev * n_tags + tags[before2[lo:hi]], axis=0)
                scores += rows(tagword_rows[prev, tagword[lo:hi]], axis=0)
                tags[q[lo:hi]] = scores.argmax(axis=1)
                # an exact tie: another class reaches the best score
                reached = scores == scores.max(axis=1)[:, None]
                if np.count_nonzero(reached) > hi - lo:
                    for k in np.flatnonzero(np.count_nonzero(reached, axis=1) > 1).tolist():
                        s = int(q[lo + k])
                        tags[s] = self._nltk_choice(s, tags, context, roles)

    def _nltk_choice(self, slot: int, tags: np.ndarray, context: np.ndarray, roles: np.ndarray) -> int:
        """The class NLTK picks at `slot`: weights summed as floats in its feature order (for exact ties)."""
        names = [*reversed(self.classes), *_START]
        prev, prev2 = names[tags[slot - 1]], names[tags[slot - 2]]
        row = self._other.get
        zero = self._zero
        static = roles[context[slot + _OFFSETS], np.arange(len(_STATIC))].tolist()
        tagword = int(self._tagword[tags[slot - 1], roles[context[slot], len(_STATIC)]])  # "i-1 tag+i word"
        order = [
            row("bias", zero), *static[:2], row("i-1 tag " + prev, zero), row("i-2 tag " + prev2, zero),
            row(f"i tag+i-2 tag {prev} {prev2}", zero), static[2], tagword, *static[3:],
        ]
        scores = np.zeros(len(self.classes))
        for r in order:
            scores += self._weights[r] / 1000
        return int(np.flatnonzero(scores == scores.max())[0])  # the later class of a tie


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> PosModel:
    """The shipped model (or one from `path`), loaded once."""
    return PosModel.load(path or MODEL_PATH)


def release_models() -> bool:
    """Free the loaded models (the next use loads them again); True if one was loaded (see
    `reader.pipeline.release_step_models`)."""
    loaded = load_model.cache_info().currsize > 0
    load_model.cache_clear()
    return loaded


def tag_words(words: Sequence[str], model: PosModel | None = None) -> list[str]:
    """Penn Treebank tags for a list of raw tokens (typography normalised first)."""
    if not words:
        return []
    return (model or load_model()).tag([normalize_token(w) for w in words])


def _batches(spans: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Consecutive token spans grouped into batches of about `_BATCH` tokens."""
    batch: list[tuple[int, int]] = []
    size = 0
    for a, b in spans:
        batch.append((a, b))
        size += b - a
        if size >= _BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run(doc: Document) -> Document:
    """Pipeline step: fill `Token.pos` for every token, many sentences at a time.

    The tags go into the token layer's tag column (the offsets are shared, no Token is built)."""
    tokens = doc.tokens
    if not tokens:
        return doc
    text = doc.text
    sentences = doc.sentences or ()
    covered = max((s.end_token for s in sentences if s.end_token > s.first_token), default=0)
    # the sentences' token spans, made a batch at a time (a long text's would take ~70 bytes a sentence)
    spans: Iterable[tuple[int, int]] = ((s.first_token, s.end_token) for s in sentences if s.end_token > s.first_token)
    if covered < len(tokens):  # tokens outside any sentence: tag them as one run
        spans = chain(spans, [(covered, len(tokens))])
    model = load_model()
    starts, ends = tokens.starts, tokens.ends
    # tag ids: the layer's own tags (kept where no sentence covers a token), then the model's classes;
    # in the smallest type that holds them (a byte a token, not the 8 of an index array)
    old = len(tokens.tag_names)
    names = [*tokens.tag_names, *model.classes]
    ids = np.array(tokens.tag_ids, np.min_scalar_type(len(names) - 1))
    for batch in _batches(spans):
        words = [normalize_token(text[s:e]) for a, b in batch for s, e in zip(starts[a:b], ends[a:b])]
        got = model.tag_ids(words, [b - a for a, b in batch]) + old
        lo, hi = batch[0][0], batch[-1][1]
        if hi - lo == len(words):  # the batch's sentences are consecutive
            ids[lo:hi] = got
        else:
            ids[np.concatenate([np.arange(a, b) for a, b in batch])] = got
    # keep only the tags in use, renumbered in order; a slice of tokens at a time, as indexing with an
    # array of another type than intp copies it to intp first
    present = np.zeros(len(names), bool)
    for a in range(0, len(ids), _BATCH):
        present[ids[a:a + _BATCH]] = True
    used = [name for name, keep in zip(names, present.tolist()) if keep]
    code = _INDEX_CODES[min(i for i, size in enumerate(_INDEX_SIZES) if len(used) <= size)]
    renumber = (np.cumsum(present) - 1).astype(np.dtype(code))
    compact = np.empty(len(ids), renumber.dtype)
    for a in range(0, len(ids), _BATCH):
        compact[a:a + _BATCH] = renumber[ids[a:a + _BATCH]]
    tag_ids = array(code)
    tag_ids.frombytes(compact.data)
    if len(text) >= LONG_TEXT_CHARS:
        model.clear_types()
    return doc.with_layers(tokens=tokens.with_tags(tag_ids, used))
