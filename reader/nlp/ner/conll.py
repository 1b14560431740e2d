"""CoNLL-format reading and CoNLL-style (exact span match) entity scoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

Sentence = list[tuple[str, str]]  # (token, IOB tag)
ConllDoc = list[Sentence]

TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")


class ConllError(ValueError):
    """A CoNLL file that cannot be read; the message is one line."""


def parse_conll(lines: Iterable[str]) -> list[ConllDoc]:
    """Parse CoNLL lines (token ... tag) into documents of sentences of (token, tag).

    The tag is the last column; `-DOCSTART-` lines separate documents. A file
    without any `-DOCSTART-` is one document.
    """
    docs: list[ConllDoc] = []
    doc: ConllDoc = []
    sent: Sentence = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            if sent:
                doc.append(sent)
                sent = []
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                docs.append(doc)
                doc = []
            continue
        if len(cols) < 2:
            raise ConllError(f"line {lineno}: expected 'token ... TAG', got {line[:40]!r}")
        tag = cols[-1]
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise ConllError(f"line {lineno}: bad tag {tag[:20]!r}")
        sent.append((cols[0], tag))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def read_conll(path: str | Path) -> list[ConllDoc]:
    """Read a CoNLL file; raise ConllError with a one-line message if it cannot be read."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8", errors="replace") as fh:
            docs = parse_conll(fh)
    except (OSError, UnicodeError) as exc:
        raise ConllError(f"cannot read {p}: {exc.strerror if isinstance(exc, OSError) else exc}") from None
    if not docs:
        raise ConllError(f"{p}: no sentences found")
    return docs


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) from IOB1/IOB2 tags, as conlleval reads them.

    An I- tag after O or after another type starts a new entity.
    """
    return set(ordered_spans(tags))


def ordered_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The entity spans of IOB tags in text order, read in one pass (they do not overlap, so the order they
    are found in is the sorted one); `spans` as a list."""
    out: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                out.append((start, i, cur))
                start, cur = -1, ""
            continue
        prefix, _, typ = tag.partition("-")
        if prefix == "I" and typ == cur and start >= 0:
            continue
        if start >= 0:
            out.append((start, i, cur))
            start, cur = -1, ""
        if prefix in ("B", "I"):
            start, cur = i, typ
    if start >= 0:
        out.append((start, len(tags), cur))
    return out


@dataclass
class Counts:
    """True positive, false positive and false negative counts for one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Precision in [0, 1]."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Recall in [0, 1]."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """F1 in [0, 1]."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Per-type and overall exact-span counts."""

    by_type: dict[str, Counts] = field(default_factory=dict)

    @property
    def overall(self) -> Counts:
        """Counts summed over all types."""
        c = Counts()
        for t in self.by_type.values():
            c.tp += t.tp
            c.fp += t.fp
            c.fn += t.fn
        return c


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Score:
    """Score predicted tag sequences against gold ones, sentence by sentence (exact spans)."""
    result = Score()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError("gold and predicted sentences differ in length")
        g, p = spans(g_tags), spans(p_tags)
        for s in g | p:
            c = result.by_type.setdefault(s[2], Counts())
            if s in g and s in p:
                c.tp += 1
            elif s in p:
                c.fp += 1
            else:
                c.fn += 1
    return result
