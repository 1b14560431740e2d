"""Re-anchor a highlight's span after the article text changed, using its quote and context.

A highlight remembers its offsets, the quoted text and a little context on each side.
When the text changes, the span is found again by, in order: the same offsets, an exact
occurrence of the quote (the one whose context matches best, then the nearest), and a
fuzzy match (difflib) around places where pieces of the quote or its context still occur.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

CONTEXT_CHARS = 32
FUZZY_MIN_RATIO = 0.72
_MAX_OCCURRENCES = 2000
_MAX_CANDIDATES = 40
_SEED_LEN = 8
_WORD_LEVEL = 200  # quotes longer than this are aligned word by word
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a highlight sits in a text, and how it was found ("exact", "moved", "fuzzy", "lost")."""

    start: int
    end: int
    how: str

    @property
    def anchored(self) -> bool:
        """False when the quote could not be found in the text."""
        return self.how != "lost"


def context_of(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The `size` characters before and after a span."""
    return text[max(0, start - size) : start], text[end : end + size]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, start: int, end: int, before: str, after: str) -> int:
    """How many context characters around [start, end) match the remembered context."""
    got_before, got_after = context_of(text, start, end, max(len(before), len(after), 1))
    return _common_suffix(got_before, before) + _common_prefix(got_after, after)


def _occurrences(text: str, needle: str, limit: int = _MAX_OCCURRENCES) -> list[int]:
    """Start offsets of `needle` in `text` (overlapping), at most `limit` of them."""
    out: list[int] = []
    if not needle:
        return out
    pos = text.find(needle)
    while pos != -1 and len(out) < limit:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _seeds(quote: str) -> list[tuple[int, str]]:
    """Pieces of the quote (offset in quote, piece) to look for when the quote itself is gone."""
    if len(quote) <= _SEED_LEN:
        return [(0, quote)] if quote.strip() else []
    step = max(_SEED_LEN, len(quote) // 8)
    offsets = list(range(0, len(quote) - _SEED_LEN + 1, step))
    if offsets[-1] != len(quote) - _SEED_LEN:
        offsets.append(len(quote) - _SEED_LEN)
    return [(i, quote[i : i + _SEED_LEN]) for i in offsets if quote[i : i + _SEED_LEN].strip()]


def _candidate_starts(text: str, quote: str, before: str, after: str) -> list[int]:
    """Likely start offsets of a changed quote: from pieces of it and from its context."""
    starts: set[int] = set()
    for offset, piece in _seeds(quote):
        for pos in _occurrences(text, piece, 200):
            starts.add(pos - offset)
    tail = before[-_SEED_LEN * 2 :]
    if len(tail.strip()) >= 4:
        for pos in _occurrences(text, tail, 200):
            starts.add(pos + len(tail))
    head = after[: _SEED_LEN * 2]
    if len(head.strip()) >= 4:
        for pos in _occurrences(text, head, 200):
            starts.add(pos - len(quote))
    return sorted(starts)


def _best_in_window(text: str, lo: int, hi: int, quote: str) -> tuple[float, int, int] | None:
    """The substring of text[lo:hi] that best matches the quote: (ratio, start, end)."""
    if len(quote) > _WORD_LEVEL:
        return _best_in_window_by_words(text, lo, hi, quote)
    window = text[lo:hi]
    matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3] or [
        b for b in matcher.get_matching_blocks() if b.size > 0
    ]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(window), last.b + last.size + (len(quote) - last.a - last.size))
    if end <= start:
        return None
    ratio = difflib.SequenceMatcher(None, quote, window[start:end], autojunk=False).ratio()
    return ratio, lo + start, lo + end


def _best_in_window_by_words(text: str, lo: int, hi: int, quote: str) -> tuple[float, int, int] | None:
    """Like `_best_in_window`, aligning words instead of characters (long quotes: much faster)."""
    quote_words = _WORD.findall(quote)
    found = list(_WORD.finditer(text, lo, hi))
    words = [m.group() for m in found]
    matcher = difflib.SequenceMatcher(None, quote_words, words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size > 0]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(words), last.b + last.size + (len(quote_words) - last.a - last.size))
    if end <= start:
        return None
    ratio = difflib.SequenceMatcher(None, quote_words, words[start:end], autojunk=False).ratio()
    return ratio, found[start].start(), found[end - 1].end()


def _fuzzy(text: str, old_start: int, quote: str, before: str, after: str) -> Anchor | None:
    """A fuzzy match of the quote near places where parts of it (or its context) survive."""
    starts = _candidate_starts(text, quote, before, after)
    if not starts:
        return None
    # Cluster nearby candidates, then keep the clusters nearest the old offset.
    slack = max(8, len(quote) // 4)
    clusters: list[int] = []
    for s in starts:
        if not clusters or s - clusters[-1] > slack:
            clusters.append(s)
    clusters.sort(key=lambda s: abs(s - old_start))
    best: tuple[float, int, int, int] | None = None
    budget = max(5, min(_MAX_CANDIDATES, 40_000 // max(len(quote), 1)))  # difflib is quadratic in the quote
    for s in clusters[:budget]:
        lo = max(0, s - slack)
        hi = min(len(text), s + len(quote) + slack)
        found = _best_in_window(text, lo, hi, quote)
        if found is None:
            continue
        ratio, fs, fe = found
        score = _context_score(text, fs, fe, before, after)
        key = (ratio, score, -abs(fs - old_start))
        if best is None or key > (best[0], best[3], -abs(best[1] - old_start)):
            best = (ratio, fs, fe, score)
    if best is None:
        return None
    ratio, fs, fe, score = best
    # A short quote needs its context to agree too; otherwise any similar word would do.
    if ratio >= FUZZY_MIN_RATIO and (len(quote) >= 12 or score >= CONTEXT_CHARS // 2):
        return Anchor(fs, fe, "fuzzy")
    return None


def reanchor(text: str, start: int, end: int, quote: str, before: str = "", after: str = "") -> Anchor:
    """Find a highlight again in `text`: same offsets, else the quote, else a fuzzy match."""
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return Anchor(start, end, "exact")
    if quote:
        hits = _occurrences(text, quote)
        if hits:
            pos = max(hits, key=lambda p: (_context_score(text, p, p + len(quote), before, after), -abs(p - start)))
            return Anchor(pos, pos + len(quote), "moved")
        found = _fuzzy(text, start, quote, before, after)
        if found is not None:
            return found
    clamp = lambda n: min(max(n, 0), len(text))  # noqa: E731
    return Anchor(clamp(start), clamp(max(start, end)), "lost")
