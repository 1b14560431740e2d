"""Token normalisation shared by features and gazetteers (quotes, abbreviation periods, case)."""

from __future__ import annotations

from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'", "´": "'", "–": "-", "—": "--"})


def straighten(token: str) -> str:
    """Curly quotes and apostrophes to straight ones, dashes to hyphens."""
    return token.translate(_QUOTES)


def normalize_word(token: str) -> str:
    """Lower-case, straight quotes, periods dropped inside abbreviations ("U.S." -> "us", "Mr." -> "mr").

    Uncached: for building word lists once (their words would only crowd the cache of `norm`)."""
    t = straighten(token).lower()
    if "." in t and len(t) > 1 and any(c.isalpha() for c in t):
        t = t.replace(".", "") or t
    return t


# `normalize_word`, cached: a pure function called for every token by the features, gazetteers and
# name rules. The cache holds the words of the texts analysed lately, ~200 bytes a word type with the
# word: 32,768 of them (the vocabulary of a long article: a 2 MB CoNLL-2003 text has ~30,000) hold
# ~6 MB at most.
norm = lru_cache(maxsize=1 << 15)(normalize_word)
