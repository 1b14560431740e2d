"""A CRFsuite model's weights read straight from its file, and batched Viterbi decoding with numpy.

The file is CRFsuite's crf1d format (crfsuite/lib/crf/src/crf1d_model.c): a 48-byte header of
little-endian uint32 counts and chunk offsets; a FEAT chunk of 20-byte features (uint32 type,
source, destination, float64 weight; type 0 is a state feature attribute -> label, type 1 a
transition label -> label; the chunk counts them, the header's count is 0); and two CQDB string
databases (labels, attributes) whose backward array gives, per id, the offset of a record
(uint32 id, uint32 key size, key bytes with a NUL).

Decoding reproduces CRFsuite's own arithmetic exactly, so the tags are the same as
`pycrfsuite.Tagger.tag`: a token's state score per label is the sum of its attributes' weights
added one by one in the token's attribute order, and Viterbi keeps the first best predecessor
(CRFsuite compares with `<`), as numpy's argmax does.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")
_CHUNK = struct.Struct("<4sII")  # id, size, number of items
_CQDB = struct.Struct("<4sIIIII")  # magic, size, flag, byte order, backward array size and offset
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1


class CrfFormatError(ValueError):
    """The file is not a CRFsuite crf1d model this reader understands; the message is one line."""


@dataclass(frozen=True)
class CrfModel:
    """A linear-chain CRF: label and attribute strings (index = CRFsuite id) and dense weights."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: np.ndarray  # (attributes, labels): weight of attribute a for label l (0 where there is none)
    transition: np.ndarray  # (labels, labels): weight of label i followed by label j


@dataclass(frozen=True)
class SparseCrf:
    """A linear-chain CRF as its file lists its state weights: (row, label, weight) per state feature,
    the row being the attribute's id in a vocabulary shared with other models (`read_sparse`)."""

    labels: tuple[str, ...]
    rows: np.ndarray  # per state feature: its attribute's id in the vocabulary
    columns: np.ndarray  # per state feature: its label
    weights: np.ndarray  # per state feature: its weight
    transition: np.ndarray  # (labels, labels): weight of label i followed by label j


def read_model(path: str | Path) -> CrfModel:
    """Read a CRFsuite model file; raises OSError or CrfFormatError."""
    labels, attributes, feats = _read(path)
    n_attrs, n_labels = len(attributes), len(labels)
    return CrfModel(tuple(labels), tuple(attributes), *_weights(feats, n_attrs, n_labels, path))


def read_sparse(path: str | Path, vocab: dict[str, int]) -> SparseCrf:
    """Read a CRFsuite model file's weights without a dense matrix of its own: its attributes get ids
    in `vocab` (new ones are added, numbered on), and its state weights come as (row, label, weight)
    triples to place in one matrix with other models' (`SparseCrf`); raises OSError or CrfFormatError."""
    labels, attributes, feats = _read(path)
    n_attrs, n_labels = len(attributes), len(labels)
    is_state = _check(feats, n_attrs, n_labels, path)
    add = vocab.setdefault
    ids = np.fromiter((add(a, len(vocab)) for a in attributes), np.intp, count=n_attrs)
    del attributes  # the strings a vocabulary has already are not kept twice
    state = feats[is_state]
    trans = feats[~is_state]
    transition = np.zeros((n_labels, n_labels))
    transition[trans["src"], trans["dst"]] = trans["weight"]
    return SparseCrf(tuple(labels), ids[state["src"]], state["dst"].astype(np.intp), state["weight"].copy(),
                     transition)


def _read(path: str | Path) -> tuple[list[str], list[str], np.ndarray]:
    """A model file's label and attribute strings and its feature records."""
    data = Path(path).read_bytes()
    if len(data) <= _HEADER.size:
        raise CrfFormatError(f"not a CRFsuite model (too short): {path}")
    magic, _size, kind, _version, _nfeat, n_labels, n_attrs, off_feat, off_labels, off_attrs, *_ = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise CrfFormatError(f"not a CRFsuite crf1d model: {path}")
    try:
        labels = cqdb_strings(data, off_labels)
        attributes = cqdb_strings(data, off_attrs)
        feats = _features(data, off_feat)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise CrfFormatError(f"corrupt CRFsuite model {path}: {exc}") from None
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise CrfFormatError(f"corrupt CRFsuite model {path}: string counts differ from the header")
    return labels, attributes, feats


def _features(data: bytes, offset: int) -> np.ndarray:
    """The FEAT chunk's feature records."""
    chunk, _size, num = _CHUNK.unpack_from(data, offset)
    if chunk != b"FEAT":
        raise ValueError("no FEAT chunk")
    return np.frombuffer(data, _FEATURE, count=num, offset=offset + _CHUNK.size)


def _check(feats: np.ndarray, n_attrs: int, n_labels: int, path: str | Path) -> np.ndarray:
    """Which features are state features (the others are transitions); CrfFormatError if one is out of range."""
    kind, src, dst = feats["type"], feats["src"], feats["dst"]
    is_state, is_trans = kind == STATE, kind == TRANSITION
    if not (is_state | is_trans).all() or (dst >= n_labels).any() or (src[is_state] >= n_attrs).any() or (
        src[is_trans] >= n_labels
    ).any():
        raise CrfFormatError(f"corrupt CRFsuite model {path}: feature out of range")
    return is_state


def _weights(feats: np.ndarray, n_attrs: int, n_labels: int, path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """Dense state (attributes x labels) and transition (labels x labels) weight matrices."""
    is_state = _check(feats, n_attrs, n_labels, path)
    is_trans = ~is_state
    src, dst = feats["src"], feats["dst"]
    state = np.zeros((n_attrs, n_labels))
    state[src[is_state], dst[is_state]] = feats["weight"][is_state]
    trans = np.zeros((n_labels, n_labels))
    trans[src[is_trans], dst[is_trans]] = feats["weight"][is_trans]
    return state, trans


def cqdb_strings(data: bytes, offset: int) -> list[str]:
    """Every string of a CQDB chunk at `offset`, indexed by id (its backward array)."""
    magic, _size, _flag, _order, n, bwd = _CQDB.unpack_from(data, offset)
    if magic != b"CQDB":
        raise ValueError("no CQDB chunk")
    if n == 0:
        return []
    records = np.frombuffer(data, "<u4", count=n, offset=offset + bwd).astype(np.int64) + offset
    raw = np.frombuffer(data, np.uint8)
    if (records == offset).any() or records.max() + 8 > len(data):
        raise ValueError("bad CQDB backward array")
    ids = _uint32_at(raw, records)
    sizes = _uint32_at(raw, records + 4)
    if (ids != np.arange(n)).any() or (sizes == 0).any() or (records + 8 + sizes).max() > len(data):
        raise ValueError("bad CQDB record")
    return [data[p : p + k].decode("utf-8") for p, k in zip((records + 8).tolist(), (sizes - 1).tolist())]


def _uint32_at(raw: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Little-endian uint32 values at byte offsets of a buffer."""
    b = raw[offsets[:, None] + np.arange(4)].astype(np.int64)
    return b[:, 0] | b[:, 1] << 8 | b[:, 2] << 16 | b[:, 3] << 24


def flatten(lists: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Lists of ids as one flat int32 array and their lengths."""
    lengths = np.fromiter(map(len, lists), np.int32, count=len(lists))
    return np.fromiter(chain.from_iterable(lists), np.int32, count=int(lengths.sum())), lengths


def _longest_first(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Order of sequences longest first, their start offsets in that order, and per step t how many
    of them are longer than t (so the sequences still running at step t are a prefix)."""
    # ndarray methods rather than the np.* functions: the same results without their wrappers' cost,
    # which counts for a short article's small arrays.
    order = (-lengths).argsort(kind="stable")
    starts = (lengths.cumsum() - lengths)[order]
    steps = int(lengths.max(initial=0))
    active = len(lengths) - lengths[order][::-1].searchsorted(np.arange(steps), side="right")
    return order, starts, active


def row_getter(weights: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A function giving `weights[ids]` (rows): `take`, which costs less than fancy indexing, when the
    array is contiguous (on a view of some columns, `take` would copy the whole array first)."""
    return partial(weights.take, axis=0) if weights.flags.c_contiguous else weights.__getitem__


def state_scores(
    weights: np.ndarray, ids: np.ndarray, lengths: np.ndarray, start: np.ndarray | None = None
) -> np.ndarray:
    """Per-token state scores: rows of `weights` summed over each token's attribute ids.

    `ids` holds the tokens' ids one token after another (`lengths` of them each). A token's rows are
    added one at a time in its order, as CRFsuite adds them, to 0 or to the token's row of `start`
    (earlier sums to continue); step k adds the k-th id of every token that has one.
    """
    order, starts, active = _longest_first(lengths)
    out = np.zeros((len(lengths), weights.shape[1])) if start is None else start.take(order, 0)
    row, at = row_getter(weights), ids.take
    for k, m in enumerate(active.tolist()):
        out[:m] += row(at(starts[:m] + k))
    scores = np.empty_like(out)
    scores[order] = out
    return scores


def viterbi(scores: np.ndarray, lengths: np.ndarray, transition: np.ndarray) -> np.ndarray:
    """Best label ids of many sentences at once; `scores` holds their tokens' state scores in order.

    Sentences run longest first, so those still running at step t are a prefix, and the tokens
    are laid out step after step ([label, step-major token]): a step is one slice. The forward pass
    keeps each token's best path scores; the backward pass picks each previous label as the first
    best one, as CRFsuite's `<` does.
    """
    labels = np.zeros(len(scores), np.intp)
    layout = _step_major(lengths)
    if layout is None:
        return labels
    where, pairs, first, ends = layout
    path = scores.take(where, 0).T.copy()  # [label, step-major token]: the state scores, then the best path scores
    previous = transition[:, :, None]
    best = np.maximum.reduce
    spread = path[:, None]
    for before, at, _ in pairs:
        now = path[:, at]
        now += best(spread[..., before] + previous, 0)
    # The backward pass reads the path scores token by token ([step-major token, label]), so each
    # argmax runs along contiguous rows; row j of `transition.T` holds the weights of each label before j.
    rows = path.T.copy()
    take = transition.T.copy().take
    last = rows.take(ends, 0).argmax(1)
    chosen = np.empty(len(where), np.intp)
    for before, at, k in reversed(pairs):
        now = last[k]
        chosen[at] = now
        (rows[before] + take(now, 0)).argmax(1, out=now)
    chosen[:first] = last
    labels[where] = chosen
    return labels


_Layout = tuple[np.ndarray, list[tuple[slice, slice, slice]], int, np.ndarray]
_LAYOUT: list[tuple[tuple[str, bytes], _Layout | None]] = []


def _step_major(lengths: np.ndarray) -> _Layout | None:
    """Viterbi's step-major layout of sentences of these lengths (None when there are no tokens):
    the token each slot holds, per step after the first the slices of the step before and of this
    step and of the sentences it holds, how many sentences the first step holds, and the slots of
    the sentences' last tokens. The last layout made is kept: both passes decode
    the same sentences."""
    key = (lengths.dtype.char, lengths.tobytes())
    kept = _LAYOUT[0] if _LAYOUT else None
    if kept is not None and kept[0] == key:
        return kept[1]
    order, starts, active = _longest_first(lengths)
    steps = len(active)
    layout = None
    if steps:
        n = int(active.sum())
        size = lengths[order[: active[0]]]
        offset = np.zeros(steps + 1, active.dtype)  # where each step's slice starts
        active.cumsum(out=offset[1:])
        sentence = np.arange(len(size)).repeat(size)  # step-major layout: token t of sentence b ...
        step = np.arange(n) - (size.cumsum() - size).repeat(size)
        where = np.empty(n, np.intp)
        where[offset[step] + sentence] = starts[sentence] + step  # ... is at offset[t] + b
        # Per step after the first, the slices of the step before and of this step, and the slice of the
        # sentences it holds: made once, the loops only index with them.
        offsets, running = offset.tolist(), active.tolist()
        pairs = [
            (slice(offsets[t - 1], offsets[t - 1] + k), slice(offsets[t], offsets[t] + k), slice(0, k))
            for t, k in enumerate(running) if t
        ]
        layout = where, pairs, running[0], offset[size - 1] + np.arange(len(size))
    _LAYOUT[:] = [(key, layout)]
    return layout
