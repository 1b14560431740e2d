"""Token normalisation shared by features and gazetteers (quotes, abbreviation periods, case)."""

from __future__ import annotations

from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'", "´": "'", "–": "-", "—": "--"})


def straighten(token: str) -> str:
    """Curly quotes and apostrophes to straight ones, dashes to hyphens."""
    return token.translate(_QUOTES)


@lru_cache(maxsize=1 << 17)
def norm(token: str) -> str:
    """Lower-case, straight quotes, periods dropped inside abbreviations ("U.S." -> "us", "Mr." -> "mr").

    Cached: a pure function called for every token by the features, gazetteers and name rules."""
    t = straighten(token).lower()
    if "." in t and len(t) > 1 and any(c.isalpha() for c in t):
        t = t.replace(".", "") or t
    return t
