"""Numbers written in words or digits: "four", "twenty-one", "a dozen", "3,200", "1.5 million", "1bn"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS: dict[str, int] = {
    w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"
}
_SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12,
}
# Suffixes glued to digits: "4bn", "1.5m", "300k", "2tn".
_SUFFIX_SCALES: dict[str, int] = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12, "trn": 10**12}
VAGUE: frozenset[str] = frozenset(
    "dozens hundreds thousands millions billions scores tens several many few numerous".split()
)

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|bn|b|tn|trn)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in a token list: tokens [start, end) and its value."""

    start: int
    end: int
    value: int | float


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _digits(word: str) -> float | None:
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    m = _DIGITS_SUFFIX.match(word)
    if m:
        return float(m.group(1).replace(",", "")) * _SUFFIX_SCALES[m.group(2).lower()]
    return None


# Every word `_word` classifies without digits.
_WORDS: frozenset[str] = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"hundred", "dozen", "a", "an", "half", "and"}


def _word(word: str) -> tuple[str, float] | None:
    """Classify one token: ("num", v) digits, ("unit", v) word numbers, ("hundred"|"scale"|...)."""
    w = word.lower()
    if w not in _WORDS and "-" not in w and not w[:2].lstrip("+-")[:1].isdigit():
        return None  # fast path: no number word and no digit where `_DIGITS` needs one
    d = _digits(word)
    if d is not None:
        return ("num", d)
    if w in _UNITS:
        return ("unit", _UNITS[w])
    if w in _TENS:
        return ("tens", _TENS[w])
    if "-" in w:
        a, _, b = w.partition("-")
        if a in _TENS and b in _UNITS and 0 < _UNITS[b] < 10:
            return ("unit", _TENS[a] + _UNITS[b])
    if w == "hundred":
        return ("hundred", 100)
    if w in _SCALES:
        return ("scale", _SCALES[w])
    if w == "dozen":
        return ("dozen", 12)
    if w in ("a", "an"):
        return ("a", 1)
    if w == "half":
        return ("half", 0.5)
    if w == "and":
        return ("and", 0)
    return None


def _parse(kinds: list[tuple[str, float]]) -> tuple[int, float] | None:
    """Parse a prefix of classified tokens; return (tokens used, value) for the longest valid one."""
    best: tuple[int, float] | None = None
    total = 0.0
    current = 0.0
    last = ""
    started = False
    for i, (kind, v) in enumerate(kinds):
        if kind == "num":
            if started:
                break
            current = v
        elif kind in ("unit", "tens"):
            if last == "unit" or (last == "tens" and (kind == "tens" or v >= 10)) or last == "num":
                break
            current += v
        elif kind == "hundred":
            if last not in ("unit", "a", "num"):
                break
            current = (current or 1) * 100
        elif kind == "scale":
            if last not in ("unit", "tens", "a", "num", "hundred", "half"):
                break
            total += (current or 1) * v
            current = 0.0
        elif kind == "dozen":
            if last not in ("unit", "a", "num", "half"):
                break
            current = (current or 1) * 12
        elif kind == "a":
            if started and last != "half":
                break
            if last == "half":
                kind = "half"  # "half a million": keep the 0.5 in `current`
            else:
                current = 1.0
        elif kind == "half":
            if started:
                break
            current = 0.5
        elif kind == "and":
            if last not in ("hundred", "scale"):
                break
        started = True
        last = kind
        if kind not in ("a", "half", "and"):
            best = (i + 1, total + current)
    return best


# `_word` of the words seen so far (most are None); emptied when it holds `_MAX_KINDS` words.
_KINDS: dict[str, tuple[str, float] | None] = {}
_MAX_KINDS = 20_000
_MISSING = ("", 0.0)


def word_kinds(words: Sequence[str]) -> list[tuple[str, float] | None]:
    """What `find_numbers` reads of each word (None: no part of a number), from the cache."""
    get = _KINDS.get
    out = [get(w, _MISSING) for w in words]
    if _MISSING in out:
        if len(_KINDS) > _MAX_KINDS:
            _KINDS.clear()
        for i, k in enumerate(out):
            if k is _MISSING:
                out[i] = _KINDS[words[i]] = _word(words[i])
    return out


def find_numbers(words: Sequence[str], classified: Sequence[tuple[str, float] | None] | None = None) -> list[NumberSpan]:
    """Every number phrase in a token list, longest match first, left to right (no overlaps); `classified`,
    when given, is `word_kinds(words)` (worked out for a longer list the words are part of)."""
    out: list[NumberSpan] = []
    if classified is None:
        classified = word_kinds(words)
    n = len(words)
    i = 0  # the first word not yet read
    for start, first in enumerate(classified):  # only words that can start a number: the others are skipped
        if first is None or start < i or first[0] in ("and", "hundred", "scale", "dozen"):
            continue
        i = start
        kinds = [first]
        j = i + 1
        while j < n and j - i < 8:
            k = classified[j]
            if k is None:
                break
            kinds.append(k)
            j += 1
        parsed = _parse(kinds)
        if parsed is None:
            i += 1
            continue
        used, value = parsed
        out.append(NumberSpan(i, i + used, _tidy(value)))
        i += used
    return out


_SPLIT = re.compile(r"[\s]+")


def parse_number(text: str) -> int | float | None:
    """The value of a whole number phrase ("four", "1.5 million", "a dozen"), else None."""
    text = text.strip().strip("$£€").strip()
    if not text or text.lower() in VAGUE:
        return None
    words = [w for w in _SPLIT.split(text) if w]
    # "1.5million", "3m": split a glued scale word off the digits.
    found = find_numbers(words)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(words):
        return None
    return found[0].value


def is_year(word: str) -> bool:
    """True for a plain four-digit year between 1800 and 2099."""
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2099
