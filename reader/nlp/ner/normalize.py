"""Token normalisation shared by features and gazetteers (quotes, abbreviation periods, case)."""

from __future__ import annotations

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'", "´": "'", "–": "-", "—": "--"})


def straighten(token: str) -> str:
    """Curly quotes and apostrophes to straight ones, dashes to hyphens."""
    return token.translate(_QUOTES)


def norm(token: str) -> str:
    """Lower-case, straight quotes, periods dropped inside abbreviations ("U.S." -> "us", "Mr." -> "mr")."""
    t = straighten(token).lower()
    if "." in t and len(t) > 1 and any(c.isalpha() for c in t):
        t = t.replace(".", "") or t
    return t
