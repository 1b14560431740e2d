"""Definite descriptions: "X, the Y," and "the Y, X," tie "the Y" to X; later "the Y" links to X too."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

_PHRASE = r"[^,.;:()\[\]\n“”\"!?]{1,60}"
_AFTER = re.compile(rf",[ \t]+(?P<d>[Tt]he[ \t]+(?P<y>{_PHRASE}))(?=[,.;:)]|$)")
_BEFORE = re.compile(rf"(?:^|(?<=[\s(“\"‘]))(?P<d>[Tt]he[ \t]+(?P<y>{_PHRASE})),[ \t]+$")
_NAME_END = re.compile(r"(?:['’]s)?[ \t]*(?:[,.;:)]|$)")
_WINDOW = 100

# Words that show the phrase is a clause, not a noun phrase.
_CLAUSE_WORDS = frozenset(
    """
    who whom whose which that where when while because although if is was are were be been being
    has have had will would could should can may might must do does did said says say and or but not
    he she it they we i you his her its their our my your him them this these those
    """.split()
)
# Heads of adverbial phrases ("on the other hand, X, ...") and other phrases that are not descriptions.
_BAD_HEADS = frozenset(
    """
    hand time times meantime meanwhile moment end start beginning day days week weeks month months
    year years morning afternoon evening night weekend past future contrary whole rest same
    latter former process way case fact meantime event result following above below interim
    """.split()
)
_BAD_FIRST = frozenset("same other first last latest next following previous only very one".split())
_WORD = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")


def _valid(phrase: str) -> bool:
    """A short noun phrase ending in a lower-case head noun, with no clause words or digits."""
    words = phrase.split()
    if not 1 <= len(words) <= 6:
        return False
    if not all(_WORD.match(w) for w in words):
        return False
    head = words[-1]
    if not head.islower() or head in _BAD_HEADS or words[0].lower() in _BAD_FIRST:
        return False
    return not any(w.lower() in _CLAUSE_WORDS for w in words)


def _key(phrase: str) -> str:
    return " ".join(phrase.split())


def _comma_before(text: str, lo: int, end: int) -> bool:
    """Whether text[lo:end] ends as `_BEFORE` needs: a comma and spaces or tabs (then perhaps a newline,
    where "$" also matches). A quick test that spares the regex search before most names."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    j = end
    while j > lo and text[j - 1] in " \t":
        j -= 1
    return lo < j < end and text[j - 1] == ","


def find_descriptions(text: str, names: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Description mentions (start, end, cluster) given name mentions (start, end, cluster) in text order."""
    decls: dict[str, list[tuple[int, int]]] = {}
    out: list[tuple[int, int, int]] = []
    declared: set[tuple[int, int]] = set()
    for start, end, cluster in names:
        m = _AFTER.match(text, end, min(len(text), end + _WINDOW)) if text.startswith(",", end) else None
        if m and _valid(m.group("y")):
            span = (m.start("d"), m.end("d"))
            out.append((*span, cluster))
            declared.add(span)
            decls.setdefault(_key(m.group("y")), []).append((span[0], cluster))
            continue
        lo = max(0, start - _WINDOW)
        m = _BEFORE.search(text, lo, start) if _comma_before(text, lo, start) else None
        if m and _valid(m.group("y")) and _NAME_END.match(text, end):
            span = (m.start("d"), m.end("d"))
            out.append((*span, cluster))
            declared.add(span)
            decls.setdefault(_key(m.group("y")), []).append((span[0], cluster))
    if not decls:
        return out
    keys = sorted(decls, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])[Tt]he[ \t]+(?P<y>" + "|".join(r"[ \t]+".join(map(re.escape, k.split())) for k in keys) + r")(?![\w'’-])"
    )
    for key in decls:
        decls[key].sort()
    for m in pattern.finditer(text):
        span = (m.start(), m.end())
        if span in declared or re.match(r"[ \t]+[A-Z]", text[m.end() : m.end() + 2]):
            continue
        entries = decls[_key(m.group("y"))]
        i = bisect.bisect_left(entries, (m.start(), -1)) - 1
        if i >= 0:
            out.append((*span, entries[i][1]))
    return out
