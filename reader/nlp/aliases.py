"""Aliases written in the text: acronyms after their expansion and "known as" / "formerly" names.

Given a name span X, `alias_after(text, start, end)` looks right after it for
"X (Y)" where Y is X's acronym, "X (known as Y in ...)", "X (also spelled Y)",
"X, also known as Y", "X, formerly Y" and returns Y's span.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STOP = frozenset("of the and for in on at to de des du la le el et y & a an".split())
_PARTICLES = frozenset("of the de al bin von van da du der la le".split())
_NAME = r"[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|de|al|bin|von|van|da|du|der|la|le)){0,5}"
_LEAD = r"(?:also|better|more[ \t]+commonly|commonly|formerly|previously|once|sometimes|locally|now|officially)"
_VERB = r"(?:known[ \t]+as|called|spelled|spelt|written[ \t]+as|named|renamed|aka|a\.k\.a\.)"

# X [up to two lower-case words] (LEAD? VERB Y [in/by ...])  or  (formerly Y)
_PAREN_EXPLICIT = re.compile(
    rf"(?:[ \t]+[a-z]+){{0,2}}[ \t]*\([ \t]*(?:(?:{_LEAD}[ \t]+)?{_VERB}|formerly|previously|or)[ \t]+"
    rf"(?P<y>{_NAME})(?:[ \t]+(?:in|by|to|among|locally)\b[^()\n]{{0,40}})?[ \t]*\)"
)
# X (Y) with Y a short capitalised word, accepted only when it is X's acronym.
_PAREN_BARE = re.compile(r"[ \t]*\([ \t]*(?P<y>[A-Z][A-Za-z.&]{1,11})[ \t]*\)")
# X, [LEAD] VERB Y   or   X, formerly Y
_COMMA = re.compile(rf",[ \t]+(?:(?:{_LEAD}[ \t]+)?{_VERB}|formerly|previously)[ \t]+(?P<y>{_NAME})")

_WINDOW = 120


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing particles, possessives and a sentence-final full stop from a name span."""
    while True:
        span = text[start:end]
        last = span.rsplit(None, 1)
        if len(last) == 2 and last[1] in _PARTICLES:
            end = start + len(last[0].rstrip())
            continue
        break
    span = text[start:end]
    if span.endswith(("'s", "’s")):
        end -= 2
    elif len(span) > 3 and span.endswith(".") and not re.search(r"(?:^|[.\s])\w\.$", span):
        end -= 1
    return start, end


@lru_cache(maxsize=16384)
def letters_of(acronym: str) -> str:
    """The letters of an acronym, upper-cased ("U.S." -> "US", "Nato" -> "NATO")."""
    return re.sub(r"[^A-Za-z]", "", acronym).upper()


def acronym_variants(expansion: str) -> set[str]:
    """Acronyms an expansion may have: initials of content words or all words, or its capitals."""
    return set(_variants(expansion))


@lru_cache(maxsize=16384)
def _variants(expansion: str) -> frozenset[str]:
    """`acronym_variants`, cached (a frozenset so callers cannot change the cached value)."""
    out: set[str] = set()
    for words in (expansion.split(), re.split(r"[\s-]+", expansion)):
        words = [w for w in words if w and w[0].isalpha()]
        if len(words) < 2:
            continue
        out.add("".join(w[0] for w in words).upper())
        content = [w for w in words if w.lower() not in _STOP]
        if len(content) >= 2:
            out.add("".join(w[0] for w in content).upper())
    caps = "".join(c for c in expansion if c.isupper())
    if len(caps) >= 2:
        out.add(caps)
    return frozenset(v for v in out if len(v) >= 2)


def is_acronym_of(acronym: str, expansion: str) -> bool:
    """True if the acronym's letters match the expansion (at least two letters and two words)."""
    letters = letters_of(acronym)
    return len(letters) >= 2 and letters in acronym_variants(expansion)


def alias_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of an alias declared right after the name text[start:end], or None."""
    window_end = min(len(text), end + _WINDOW)
    paren = text.find("(", end, window_end) >= 0  # the bracketed forms need one, the comma form a comma first
    if not paren and not text.startswith(",", end):
        return None
    name = text[start:end]
    m = _PAREN_BARE.match(text, end, window_end) if paren else None
    if m and is_acronym_of(m.group("y"), name):
        return m.start("y"), m.end("y")
    for pattern in (_PAREN_EXPLICIT, _COMMA) if paren else (_COMMA,):
        m = pattern.match(text, end, window_end)
        if m:
            s, e = _trim_name(text, m.start("y"), m.end("y"))
            if e > s and text[s:e] != name:
                return s, e
    return None
