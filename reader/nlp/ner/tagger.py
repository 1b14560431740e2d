"""The trained entity tagger: lazy loading of the CRF models and their lists, and tagging.

The models were trained with python-crfsuite; tagging reads their weights (`crf.read_sparse`) and
decodes with numpy, with the same tags as `pycrfsuite.Tagger.tag` given the same features:
features are integer attribute ids (`Featurizer` with a `vocab`), a token's state scores are its
attributes' weights added in CRFsuite's order, and Viterbi runs over many sentences at once.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from reader.memory import trim_memory
from reader.nlp.ner.crf import SparseCrf, flatten, read_sparse, row_getter, state_scores, viterbi
from reader.nlp.ner.features import CONTEXT, LONG_DOCUMENT_TOKENS, CueTables, Featurizer, LabelCues, Row
from reader.nlp.ner.gazetteers import GAZETTEER_PATH, Gazetteer, load_lists
from reader.nlp.rows import LazyRows

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
# Tokens tagged at once (their feature ids and scores take ~700 bytes each while they are).
CHUNK_TOKENS = 4096
# Word types whose summed weights are kept (~200 bytes each); the table is emptied when full.
MAX_WORD_TYPES = 50_000


class ModelError(RuntimeError):
    """The model file is missing or unreadable; the message is one line."""


def sidecar(model: str | Path) -> Path:
    """The JSON file that travels with a model file (lists derived from its training data)."""
    return Path(model).with_suffix(".json")


def pass1_path(model: str | Path) -> Path:
    """The first-pass model that a stacked model needs (`ner.crfsuite` -> `ner-pass1.crfsuite`)."""
    model = Path(model)
    return model.with_name(model.stem + "-pass1" + model.suffix)


def merge_lists(*sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """Union of several category -> names mappings."""
    out: dict[str, set[str]] = {}
    for src in sources:
        for cat, names in src.items():
            out.setdefault(cat, set()).update(names)
    return {k: sorted(v) for k, v in out.items()}


# Lower-case words that do start names ("de Klerk", "van Gogh", "al-Aqsa").
PARTICLES = frozenset("de van von der den della di da dos du del le la al el bin ibn ben".split())


def repair(tokens: Sequence[str], tags: list[str], common: frozenset[str]) -> list[str]:
    """Drop common lower-case words ("of", "the") from the start of a tagged name."""
    for i, tag in enumerate(tags):
        if tag == "O" or (tag[0] == "I" and i and tags[i - 1][2:] == tag[2:]):
            continue
        j = i
        while j < len(tags) and (j == i or tags[j] == "I-" + tag[2:]):
            t = tokens[j]
            if not (t.isalpha() and t.islower() and t in common and t not in PARTICLES):
                break
            tags[j] = "O"
            if j + 1 < len(tags) and tags[j + 1] == "I-" + tag[2:]:
                tags[j + 1] = "B-" + tag[2:]
            j += 1
    return tags


class NerTagger:
    """A CRF entity tagger (one CRFsuite model, or a first pass and a stacked second pass) with its
    feature extractor; the models' weights are read from their files and decoded with numpy."""

    def __init__(self, model: str | Path = MODEL_PATH, gazetteer: str | Path = GAZETTEER_PATH) -> None:
        model = Path(model)
        if not model.is_file():
            raise ModelError(f"model file not found: {model}")
        meta: dict = {}
        side = sidecar(model)
        if side.is_file():
            try:
                meta = json.loads(side.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ModelError(f"cannot read {side}: {exc}") from None
        self.meta = meta
        models = [model]
        if meta.get("stacked"):
            first = model.with_name(meta["pass1"]) if meta.get("pass1") else pass1_path(model)
            if not first.is_file():
                raise ModelError(f"first-pass model file not found: {first}")
            models.insert(0, first)
        # One attribute id space for every pass (a model's weights are 0 for attributes it lacks).
        self.vocab: dict[str, int] = {}
        crfs = [_read(path, self.vocab) for path in models]
        # The weights of every pass side by side; the last row, all zero, pads id arrays. Each model's
        # weights go straight to their places (no dense matrix of its own is made).
        weights = np.zeros((len(self.vocab) + 1, sum(len(crf.labels) for crf in crfs)))
        self._passes: list[_Pass] = []
        start = 0
        for crf in crfs:
            columns = slice(start, start + len(crf.labels))
            start = columns.stop
            weights[crf.rows, crf.columns + columns.start] = crf.weights
            self._passes.append(_Pass(crf, columns, weights[:, columns]))
        del crfs
        self._weights = weights
        try:
            base = load_lists(gazetteer)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot read gazetteers {gazetteer}: {exc}") from None
        # The sidecar's lists are merged into the gazetteer's, then not kept: only the gazetteer is.
        lists = merge_lists(base, meta.pop("lists", {}))
        del base
        self.featurizer = Featurizer(
            Gazetteer(_drained(lists)), doc_features=meta.get("doc_features", True),
            bigrams=meta.get("bigrams", False), vocab=self.vocab,
        )
        self._words = _WordScores(self.featurizer, weights)
        self._cue_tables = CueTables(self.vocab)  # the second pass's label cues, kept between documents
        self._lock = threading.Lock()  # the word table grows as documents come

    def clear_caches(self) -> None:
        """Forget the per-word caches (features, and summed weights)."""
        with self._lock:
            self.featurizer._word.clear()
            self.featurizer._norms.clear()
            self.featurizer._kept.clear()
            self._words.reset()

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each token of each sentence of one document."""
        common = self.featurizer.common
        return [repair(s, t, common) for s, t in zip(sentences, self.pass_tags(sentences, last_only=True)[-1])]

    def document_tags(self, sentences: Sequence[Sequence[str]]) -> Sequence[list[str]]:
        """`tag_document`'s tags; a long document's as a sequence that makes (and repairs) a sentence's
        list when it is read, holding a byte a token until then (the lists would take ~10 times that)."""
        tags = self.pass_tags(sentences, last_only=True)[-1]
        if isinstance(tags, _TagLists):
            return _Repaired(tags, sentences, self.featurizer.common)
        common = self.featurizer.common
        return [repair(s, t, common) for s, t in zip(sentences, tags)]

    def pass_tags(self, sentences: Sequence[Sequence[str]], last_only: bool = False) -> list[list[list[str]]]:
        """Each pass's tags for each token of each sentence of one document (before `repair`); with
        `last_only`, the last pass's alone (the first pass's are dropped as the second reads them).

        The document is read whole for its word-level cues, then tagged in chunks of sentences so
        that feature lists need not all be in memory (a 2 MB article has ~400,000 tokens of ~20
        features each). The second pass needs every first-pass tag; it sees the first pass's
        features too, and so scores them again from their word types and the ids of their extras,
        which the first pass keeps (a few bytes a token), before it adds its cues.
        """
        with self._lock:
            return self._pass_tags(sentences, last_only)

    def _pass_tags(self, sentences: Sequence[Sequence[str]], last_only: bool = False) -> list[list[list[str]]]:
        fz = self.featurizer
        norms, caps, dfeats = fz.context(sentences)
        chunks = _chunks(sentences, CHUNK_TOKENS)
        first, second = self._passes[0], self._passes[-1]
        # A document of one chunk (a short article) has every pass's feature scores summed at once, in
        # the columns of all the weights side by side: the same sums, with half the calls.
        together = len(chunks) == 1 and second is not first
        long = sum(map(len, sentences)) >= LONG_DOCUMENT_TOKENS
        # a long document's first-pass tags, when only the last pass's are wanted: a byte a token
        compact = long and last_only and second is not first and len(first.labels) <= 256
        compact_last = compact and len(second.labels) <= 256  # the last pass's tags too, until read
        tags: list[list[str]] = []
        kept: list[tuple[np.ndarray, np.ndarray] | np.ndarray] = []
        for a, b in chunks:
            extras: list[list[int]] = []
            for k in range(a, b):
                extras += fz.extras(sentences[k], norms[k], caps[k], dfeats)  # type: ignore[arg-type]
            if together:
                scores = self._feature_scores(self._weights, slice(None), sentences[a:b], flatten(extras))
                kept.append(scores[:, second.columns])
                scores = scores[:, first.columns]
            else:
                kept.append(flatten(extras))
                scores = self._feature_scores(
                    first.weights, first.columns, sentences[a:b], kept[-1]  # type: ignore[arg-type]
                )
            tags += first.decode_ids(scores, sentences[a:b]) if compact else first.decode(scores, sentences[a:b])
        if second is first:
            return [tags]
        if long:  # the first pass's arrays, freed, are of no use to the many small objects the cues make
            trim_memory()
        first_tags: Sequence[list[str]] = tags
        if compact:
            first_tags = _TagLists(tags, first.labels.tolist())  # type: ignore[arg-type]
        cues = LabelCues(sentences, first_tags, norms, self.vocab, self._cue_tables)
        out: list[list[str]] = []
        drop_norms = isinstance(norms, list)
        # What a chunk's sentences needed is dropped once they are tagged: on a long document the last
        # pass's tags then take the memory the first pass's, the norms and the kept scores free.
        for c, (a, b) in enumerate(chunks):
            extra, kept[c] = kept[c], _NO_SCORES
            lists: list[list[int]] = []
            for k in range(a, b):
                lists += cues.rows(sentences[k], first_tags[k], norms[k])  # type: ignore[arg-type]
                if drop_norms:
                    norms[k] = _NO_WORDS  # type: ignore[index]
                if last_only:
                    tags[k] = _NO_WORDS  # (the same when they are bytes: it is only never read again)
            if together:
                scores = extra  # type: ignore[assignment]
            else:
                scores = self._feature_scores(
                    second.weights, second.columns, sentences[a:b], extra  # type: ignore[arg-type]
                )
            scores = state_scores(second.weights, *flatten(lists), start=scores)
            out += second.decode_ids(scores, sentences[a:b]) if compact_last else second.decode(scores, sentences[a:b])
        if long:
            trim_memory()
        if compact_last:
            return [_TagLists(out, second.labels.tolist())]  # type: ignore[arg-type]
        return [out] if last_only else [tags, out]

    def _feature_scores(
        self, weights: np.ndarray, columns: slice, sentences: Sequence[Sequence[str]],
        extras: tuple[np.ndarray, np.ndarray],
    ) -> np.ndarray:
        """State scores (`weights`, the tagger's weights' `columns`) for the `Featurizer` features of
        consecutive sentences, given the flat ids of their extras."""
        return state_scores(weights, *extras, start=self._words.scores(sentences, columns))


class _Pass:
    """One CRF model's labels, its columns of the tagger's weights, and its decoding."""

    def __init__(self, crf: SparseCrf, columns: slice, weights: np.ndarray) -> None:
        self.labels = np.array(crf.labels, dtype=object)
        self.columns = columns
        self.weights = weights
        self.transition = crf.transition

    def decode(self, scores: np.ndarray, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of consecutive sentences from their tokens' state scores."""
        lengths = [len(s) for s in sentences]
        flat = self.labels[viterbi(scores, np.array(lengths), self.transition)].tolist()
        ends = accumulate(lengths)
        return [flat[e - n : e] for e, n in zip(ends, lengths)]

    def decode_ids(self, scores: np.ndarray, sentences: Sequence[Sequence[str]]) -> list[bytes]:
        """`decode`'s tags as a byte a token, each an index into `labels` (at most 256 of them)."""
        lengths = [len(s) for s in sentences]
        flat = viterbi(scores, np.array(lengths), self.transition).astype(np.uint8).tobytes()
        ends = accumulate(lengths)
        return [flat[e - n : e] for e, n in zip(ends, lengths)]


class _Repaired(LazyRows[list[str]]):
    """Each sentence's tags as `repair` leaves them, made when read from the pass's `_TagLists`."""

    def __init__(self, tags: _TagLists, sentences: Sequence[Sequence[str]], common: frozenset[str]) -> None:
        self.tags = tags
        self.sentences = sentences
        self.common = common

    def __len__(self) -> int:
        return len(self.tags)

    def _row(self, k: int) -> list[str]:
        return repair(self.sentences[k], self.tags[k], self.common)

    def __iter__(self) -> Iterator[list[str]]:
        common = self.common
        for words, tags in zip(self.sentences, self.tags):
            yield repair(words, tags, common)


class _TagLists(LazyRows[list[str]]):
    """Each sentence's tags as a list, made when read from its bytes of label indices (`decode_ids`)."""

    def __init__(self, ids: list[bytes], labels: list[str]) -> None:
        self.ids = ids
        self.labels = labels

    def __len__(self) -> int:
        return len(self.ids)

    def _row(self, k: int) -> list[str]:
        return list(map(self.labels.__getitem__, self.ids[k]))

    def __iter__(self) -> Iterator[list[str]]:
        label = self.labels.__getitem__
        for ids in self.ids:
            yield list(map(label, ids))


_NO_WORDS: list[str] = []  # stands for a sentence's list once dropped (never changed)
_NO_SCORES = np.zeros(0)
_OFFSETS = np.array(CONTEXT)  # where each context word is, from the token
_WHICH = np.arange(len(CONTEXT))


class _WordScores:
    """What each word type brings to the state scores wherever it occurs, kept per word type.

    A token's features are its word's own features, then its neighbours' context features, then
    its extras (see `Featurizer.sentence`), and CRFsuite adds them one at a time. The sum of a
    word's own features (the first ones, added to 0) is the same at every occurrence, so it is
    kept per word type with the ids of the context features it gives its neighbours; slot 0 is
    the sentence edge. `weights` holds every pass's columns side by side.
    """

    def __init__(self, featurizer: Featurizer, weights: np.ndarray) -> None:
        self.featurizer = featurizer
        self.weights = weights
        self.zero = len(weights) - 1  # the id of the all-zero row
        self.reset()

    def reset(self) -> None:
        """Empty the table but for the sentence edge."""
        self.index: dict[str, int] = {}
        self.own = np.zeros((1, self.weights.shape[1]))
        self.context = self._context_ids([self.featurizer.pad], 1)

    def _context_ids(self, rows: Sequence[Row], width: int) -> np.ndarray:
        """The context feature ids of word rows: [row, offset, k], padded with the all-zero row's id."""
        out = np.full((len(rows), len(CONTEXT), width), self.zero, np.int32)
        for r, row in enumerate(rows):
            for o, ids in enumerate(row[2:]):
                out[r, o, : len(ids)] = ids
        return out

    def _add(self, words: list[str]) -> None:
        """Add new word types."""
        rows = [self.featurizer.row(w) for w in words]  # the table keeps what it needs of them
        width = max(self.context.shape[2], *(len(ids) for row in rows for ids in row[2:]))
        if width > self.context.shape[2]:
            extra = width - self.context.shape[2]
            self.context = np.pad(self.context, ((0, 0), (0, 0), (0, extra)), constant_values=self.zero)
        self.index.update(zip(words, range(len(self.own), len(self.own) + len(words))))
        own = state_scores(self.weights, *flatten([row[1] for row in rows]))  # type: ignore[arg-type]
        self.own = np.concatenate([self.own, own])
        self.context = np.concatenate([self.context, self._context_ids(rows, width)])

    def scores(self, sentences: Sequence[Sequence[str]], columns: slice) -> np.ndarray:
        """Per token of consecutive sentences, the state scores (`weights` columns) of its own and
        context features."""
        words = list(chain.from_iterable(sentences))
        distinct = dict.fromkeys(words)
        new = [w for w in distinct if w not in self.index]
        if len(self.index) + len(new) > MAX_WORD_TYPES:
            self.reset()
            new = list(distinct)
        if new:
            self._add(new)
        # The word types' slots with two sentence edges (slot 0) before each sentence and after the last:
        # a token's neighbour `offset` away is then `offset` places away in `slots`.
        slots = np.zeros(len(words) + 2 * len(sentences) + 2, np.int64)
        lengths = np.fromiter(map(len, sentences), np.int64, count=len(sentences))
        at = np.arange(len(words)) + np.arange(2, 2 * len(sentences) + 2, 2).repeat(lengths)  # tokens in `slots`
        slots[at] = np.fromiter(map(self.index.__getitem__, words), np.int64, count=len(words))
        out = self.own.take(slots[at], 0)[:, columns]
        row = row_getter(self.weights[:, columns])
        # The context ids the words 2 and 1 before, 1 and 2 after give each token, in that order: [token, id].
        context = self.context
        ids = context[slots[at[:, None] + _OFFSETS], _WHICH].reshape(len(words), len(CONTEXT) * context.shape[2])
        for k in range(ids.shape[1]):
            out += row(ids[:, k])
        return out


def _read(path: Path, vocab: dict[str, int]) -> SparseCrf:
    """A model file's weights, its attributes numbered in `vocab`, or ModelError."""
    try:
        return read_sparse(path, vocab)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot open model {path}: {exc}") from None


def _drained(lists: dict[str, list[str]]) -> Iterator[tuple[str, list[str]]]:
    """The (category, names) pairs of `lists`, each removed from it as it is given: the gazetteer's own
    strings are made while the names read before them are freed, and take their memory."""
    while lists:
        cat = next(iter(lists))
        yield cat, lists.pop(cat)


def _chunks(sentences: Sequence[Sequence[str]], size: int) -> list[tuple[int, int]]:
    """Consecutive sentence ranges of about `size` tokens (at least one sentence each)."""
    out = []
    start = count = 0
    for k, s in enumerate(sentences):
        count += len(s)
        if count >= size:
            out.append((start, k + 1))
            start, count = k + 1, 0
    if start < len(sentences):
        out.append((start, len(sentences)))
    return out


@lru_cache(maxsize=4)
def load(model: str = str(MODEL_PATH)) -> NerTagger:
    """The tagger for a model file, loaded once (the shipped model by default)."""
    return NerTagger(model)
