"""The trained entity tagger: lazy loading of the CRF model and its lists, and tagging."""

from __future__ import annotations

import json
import struct
import threading
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from reader.nlp.ner.features import Featurizer, LabelCues
from reader.nlp.ner.gazetteers import GAZETTEER_PATH, Gazetteer, load_lists

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"


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


def model_attributes(path: str | Path) -> frozenset[str] | None:
    """The attribute (feature) strings a CRFsuite model file has weights for; None if unreadable.

    CRFsuite stores them in a CQDB chunk whose backward array lists every record
    (id, key size, key); saving a model keeps only attributes with a non-zero weight.
    Reading them here takes ~10 ms (pycrfsuite's `Tagger.info()` dumps the whole model: ~100 ms).
    """
    try:
        data = Path(path).read_bytes()
        if data[:4] != b"lCRF" or len(data) < 48:
            return None
        (off,) = struct.unpack_from("<I", data, 36)  # header: magic, size, type, version, 5 counts/offsets, attrs
        magic, _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", data, off)
        if magic != b"CQDB":
            return None
        offsets = array("I")
        offsets.frombytes(data[off + bwd_off : off + bwd_off + 4 * bwd_size])
        if offsets.itemsize != 4 or len(offsets) != bwd_size:
            return None
        out = []
        for rec in offsets:
            p = off + rec
            ksize = int.from_bytes(data[p + 4 : p + 8], "little")
            out.append(data[p + 8 : p + 7 + ksize].decode("utf-8"))
        return frozenset(out)
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return None


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
    """A CRF entity tagger (python-crfsuite) with its feature extractor."""

    def __init__(self, model: str | Path = MODEL_PATH, gazetteer: str | Path = GAZETTEER_PATH) -> None:
        import pycrfsuite

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
        try:
            base = load_lists(gazetteer)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot read gazetteers {gazetteer}: {exc}") from None
        lists = merge_lists(base, meta.get("lists", {}))
        self._crf = self._open(pycrfsuite, model)
        self._pass1 = None
        models = [model]
        if meta.get("stacked"):
            first = model.with_name(meta["pass1"]) if meta.get("pass1") else pass1_path(model)
            if not first.is_file():
                raise ModelError(f"first-pass model file not found: {first}")
            self._pass1 = self._open(pycrfsuite, first)
            models.append(first)
        known: frozenset[str] | None = frozenset()
        for path in models:  # the attributes any pass can use; None (no filtering) if a file is unreadable
            attrs = model_attributes(path)
            known = None if attrs is None or known is None else known | attrs
        self.featurizer = Featurizer(
            Gazetteer(lists), doc_features=meta.get("doc_features", True), bigrams=meta.get("bigrams", False),
            known=known,
        )
        self._lock = threading.Lock()

    @staticmethod
    def _open(pycrfsuite, path: Path):  # type: ignore[no-untyped-def]
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(path))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot open model {path}: {exc}") from None
        return crf

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each token of each sentence of one document.

        Feature lists are built one sentence at a time, tagged and dropped (a 2 MB article has
        ~400,000 tokens of ~20 features each): the whole document is read first only for its
        word-level cues, and the second pass, which needs every first-pass tag, builds each
        sentence's features again.
        """
        fz = self.featurizer
        norms, caps, dfeats = fz.context(sentences)
        features = fz.sentence
        common = fz.common
        rows = zip(sentences, norms, caps)
        with self._lock:
            if self._pass1 is None:
                tag = self._crf.tag
                return [repair(s, list(tag(features(s, n, c, dfeats))), common) if s else [] for s, n, c in rows]
            tag1 = self._pass1.tag
            first = [list(tag1(features(s, n, c, dfeats))) if s else [] for s, n, c in rows]
            cues = LabelCues(sentences, first, norms)
            tag = self._crf.tag
            tags: list[list[str]] = []
            for s, n, c, t1 in zip(sentences, norms, caps, first):
                if not s:
                    tags.append([])
                    continue
                f = features(s, n, c, dfeats)  # the second pass sees the first pass's features plus the cues
                cues.extend(f, s, t1, n)
                tags.append(list(tag(f)))
        return [repair(s, t, common) for s, t in zip(sentences, tags)]


@lru_cache(maxsize=4)
def load(model: str = str(MODEL_PATH)) -> NerTagger:
    """The tagger for a model file, loaded once (the shipped model by default)."""
    return NerTagger(model)
