"""Sides of a swap told by a group's size or by two people joined, not by a plain count: "handed back the five-member
crew of a coastguard vessel" (five), "set free the rig's skipper and his deputy" (two).

Only the object of an active verb of release is read ("released", "freed", "set free", "handed over", "returned",
"repatriated"), so a group named elsewhere in the sentence ("a three-member committee will oversee the talks") is no
side.
"""

from __future__ import annotations

from reader.nlp.facts.base import Sent
from reader.nlp.facts.roles import ROLE_NOUNS
from reader.nlp.numbers import NumberSpan, parse_number

# Verbs whose object is the people handed over, and the particles that may follow them.
_VERBS = frozenset("released freed frees free releasing freeing handed handing hands returned returning repatriated "
                   "repatriating delivered".split())
_NEEDS_PARTICLE = frozenset({"handed", "handing", "hands"})
_PARTICLES = frozenset({"over", "back", "home"})
# The second half of a group's size ("five-member", "12-man", "six-strong") and the groups it sizes.
_SIZE_ENDS = ("member", "man", "strong", "person")
_GROUPS = frozenset("crew team group delegation family unit patrol party".split())
# Singular nouns of a group, never one person ("the captain and his crew" is no pair).
_COLLECTIVE = _GROUPS | frozenset("staff entourage band gang contingent people personnel family".split())
_POSSESSIVE = frozenset("his her their its the a an".split())
# Nouns of one person the people lists do not hold ("the skipper and his deputy", "the pilot and his co-pilot").
_ONE_PERSON = frozenset("skipper captain pilot co-pilot copilot driver mate engineer deputy assistant aide navigator "
                        "mechanic guide interpreter translator cameraman photographer son daughter wife husband "
                        "brother sister father mother nephew niece cousin".split())


def _size(word: str) -> int | None:
    """The size a word like "five-member" or "12-man" gives its group; None for any other word."""
    head, _, end = word.lower().rpartition("-")
    if not head or end not in _SIZE_ENDS:
        return None
    value = parse_number(head.replace("-", " "))
    return int(value) if value is not None and value == int(value) and 2 <= value <= 500 else None


def _modifiers_end(sent: Sent, j: int, limit: int) -> int:
    """The token after the adjectives, names and possessives before a head noun starting at j ("rig 's Zimbabwean")."""
    tags, words = sent.tags, sent.words
    while j < len(sent) and j < limit and (tags[j].startswith("JJ") or tags[j] == "NNP" and words[j][:1].isupper()
                                           or tags[j] == "POS" or j + 1 < len(sent) and tags[j + 1] == "POS"):
        j += 1
    return j


def _one(sent: Sent, j: int) -> bool:
    """True for a singular noun of one person at token j ("skipper", "deputy", "engineer")."""
    low = sent.lower[j]
    return (sent.tags[j] == "NN" and sent.words[j].islower() and low not in _COLLECTIVE
            and (low in _ONE_PERSON or low in ROLE_NOUNS or sent.is_personish(j, j + 1)))


def _pair(sent: Sent, k: int) -> NumberSpan | None:
    """Two people joined at k: "the rig's Zimbabwean skipper and his deputy", "a journalist and her driver"."""
    low = sent.lower
    if k >= len(sent) or low[k] not in ("the", "a", "an", "its", "their", "his", "her"):
        return None
    j = _modifiers_end(sent, k + 1, k + 6)
    if j + 2 >= len(sent) or not _one(sent, j) or low[j + 1] != "and" or low[j + 2] not in _POSSESSIVE:
        return None
    m = _modifiers_end(sent, j + 3, j + 6)
    if m >= len(sent) or not _one(sent, m) or m + 1 < len(sent) and sent.tags[m + 1].startswith("NN"):
        return None
    return NumberSpan(k, k + 1, 2)


def _sized(sent: Sent, k: int) -> NumberSpan | None:
    """A group told by its size at k: "the five-member crew", "a 12-man team"."""
    if k + 2 >= len(sent) or sent.lower[k] not in ("the", "a", "an", "its", "their"):
        return None
    value = _size(sent.words[k + 1])
    if value is None or sent.lower[k + 2] not in _GROUPS:
        return None
    return NumberSpan(k + 1, k + 2, value)


def group_told(sent: Sent) -> NumberSpan | None:
    """The people an active verb of release hands over when they are told as a sized group or as two people joined;
    None when there is no such object."""
    low = sent.lower
    for t, w in enumerate(low):
        if w not in _VERBS:
            continue
        if w == "free" and (t == 0 or low[t - 1] not in ("set", "sets", "setting")):
            continue
        k = t + 1
        if k < len(sent) and low[k] in _PARTICLES:
            k += 1
        elif w in _NEEDS_PARTICLE:
            continue
        found = _sized(sent, k) or _pair(sent, k)
        if found is not None and not any(t in sent.used for t in range(found.start, found.end)):
            return found
    return None
