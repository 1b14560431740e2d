"""People handed over who were counted earlier and are told again by a pronoun or by "the": "During the riot, inmates
took 12 guards hostage. They were freed on Tuesday ...", "three militants had been killed ... their bodies were handed
over", "It left five people dead - ... three Taliban fighters ... the bodies of the three Afghans were repatriated".

The count comes from the earlier sentence that told the people taken, held or killed, never from one that told them
released (then the second telling is the same release again):
- a pronoun or "the hostages" opening a clause whose verb hands people over takes the one count of people of the
  sentence just before, when that sentence tells them captured or held (killed, for "their bodies");
- "the three Afghans" handed over is a side when an earlier sentence counted three people captured, held or killed
  and no earlier sentence with a word of release gave that count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.nlp.facts.base import AUX, Sent
from reader.nlp.facts.release_pairs import count_with_people, people_end
from reader.nlp.numbers import NumberSpan

# Words that tell people taken or held, and people killed (whose bodies are handed over later).
_CAPTURE = frozenset("hostage hostages held detained detention abducted abduction abducting kidnapped kidnapping "
                     "kidnappers captured capture seized arrested arrest arrests jailed imprisoned custody captivity "
                     "took taken taking".split())
_DEATH = frozenset("killed killing dead died slain fallen".split())
# Words of release (a sentence without one hands nobody over), and words of a swap (a sentence with one tells its
# people handed over, so its count is no antecedent).
_RELEASE = frozenset("released release freed free frees handed handover returned repatriated delivered".split())
_SWAP = frozenset("exchanged exchange exchanges swapped swap swaps traded trade".split())
Released = Callable[[Sent, int, NumberSpan], bool]
# Passive verbs of release, and verbs of going home with the word that must follow them.
_PASSIVE = frozenset("freed released handed returned repatriated delivered transferred".split())
_HOME = {"returned": ("home", "to"), "came": ("home",), "walked": ("free", "out"), "arrived": ("home", "back")}
_ADVERBS = frozenset({"also", "later", "then", "finally", "eventually", "all", "both"})
# Plural nouns that tell captives again with "the" ("The hostages were handed over").
_CAPTIVES = frozenset("hostages captives detainees prisoners abductees men women".split())
# Words before a count that make it part of another one ("including two teachers", "among them").
_PART = frozenset("including among them whom".split())
# How many tokens may open a sentence before the clause whose subject is read ("Under the same agreement, ...").
_OPENING = 8


def _clause_openings(sent: Sent) -> list[int]:
    """The token where the sentence's first clause may start: 0, or after a comma closing an opening phrase."""
    return [0] + [t + 1 for t in range(min(len(sent), _OPENING)) if sent.lower[t] == ","][:1]


def _hands_over(low: list[str], e: int) -> bool:
    """True when the verb after a subject ending at e hands it over: "were freed", "had been handed over", "returned
    home"."""
    k = e
    while k < len(low) and (low[k] in AUX or low[k] in _ADVERBS):
        k += 1
    if k >= len(low):
        return False
    if k > e and low[k] in _PASSIVE:
        return True
    return k == e and low[k] in _HOME and low[k + 1 : k + 2] in [[w] for w in _HOME[low[k]]]


def _subject(sent: Sent) -> tuple[int, int, bool] | None:
    """The pronoun or definite subject of a clause that hands people over: (start, end, whether it is bodies)."""
    low = sent.lower
    for p in _clause_openings(sent):
        if p + 2 >= len(sent):
            continue
        if low[p] == "they":
            span = (p, p + 1, False)
        elif low[p] == "their" and low[p + 1] in ("bodies", "remains"):
            span = (p, p + 2, True)
        elif low[p] == "the" and low[p + 1] in _CAPTIVES:
            span = (p, p + 2, False)
        else:
            continue
        if _hands_over(low, span[1]):
            return span
    return None


def _told_taken(sent: Sent, num: NumberSpan, bodies: bool, released: Released) -> bool:
    """True when a sentence tells the people of a count taken or held (killed, for bodies), not released or
    swapped."""
    words = set(sent.lower)
    return _SWAP.isdisjoint(words) and bool((_DEATH if bodies else _CAPTURE) & words) and not released(
        sent, num.start, num)


def _people_counts(sent: Sent) -> list[NumberSpan]:
    """The counts of people in a sentence that are not parts of another count ("including two teachers")."""
    out = []
    for num in sent.numbers:
        if sent.is_year_token(num) or num.start > 0 and sent.lower[num.start - 1] in _PART:
            continue
        found = count_with_people(sent, num.start)
        if found is not None and found.start == num.start:
            out.append(found)
    return out


def _alive(sent: Sent, num: NumberSpan) -> bool:
    """True when no word of death follows a count's people closely ("12 guards were killed" is no captive count)."""
    e = people_end(sent, num.end)
    return _DEATH.isdisjoint(sent.lower[e : e + 4])


def _pronoun_side(sents: Sequence[Sent], i: int, released: Released) -> NumberSpan | None:
    """The count a pronoun or "the hostages" opening sentence i's release takes from the sentence before it."""
    found = _subject(sents[i])
    if found is None or i == 0:
        return None
    start, end, bodies = found
    prev = sents[i - 1]
    counts = _people_counts(prev)
    if len(counts) != 1 or counts[0].value < 2 or not _told_taken(prev, counts[0], bodies, released):
        return None
    if not bodies and not _alive(prev, counts[0]):
        return None
    return NumberSpan(start, end, counts[0].value)


def _definite_sides(sents: Sequence[Sent], i: int, released: Released) -> list[NumberSpan]:
    """The counts sentence i hands over with "the" ("released the two detained men"), when an earlier sentence told
    that many people taken, held or killed and none told them released."""
    sent = sents[i]
    low = sent.lower
    out = []
    for num in sent.numbers:
        k = num.start - 1
        if k < 0 or low[k] != "the" or sent.is_year_token(num) or num.value < 2 or num.start in sent.used:
            continue
        if low[k - 2 : k] in (["bodies", "of"], ["remains", "of"]):
            k -= 3 if k >= 3 and low[k - 3] == "the" else 2  # "the bodies of the three Afghans"
        found = count_with_people(sent, num.start)
        if found is None or found.start != num.start or not released(sent, k, num):
            continue
        if _counted_before(sents, i, num.value, released):
            out.append(num)
    return out


def _counted_before(sents: Sequence[Sent], i: int, value: float, released: Released) -> bool:
    """True when an earlier sentence counted `value` people taken, held or killed, and none told that many people
    released or swapped."""
    taken = False
    for j in range(i):
        s = sents[j]
        same = [n for n in s.numbers if n.value == value and not s.is_year_token(n)]
        if not same:
            continue
        if not _SWAP.isdisjoint(s.lower) or any(released(s, n.start, n) for n in same):
            return False
        people = [n for n in _people_counts(s) if n.value == value]
        if any(_told_taken(s, n, False, released) or _told_taken(s, n, True, released) for n in people):
            taken = True
    return taken


def told_back(sents: Sequence[Sent], i: int, counts: list[NumberSpan],
              released: Released) -> list[NumberSpan]:
    """`counts` (sentence i's handovers) with the people it tells again by a pronoun or by "the", in text order, at
    most two."""
    if len(counts) >= 2:
        return counts
    sent = sents[i]
    if _RELEASE.isdisjoint(sent.lower) and "home" not in sent.lower:
        return counts
    more = [n for n in (_pronoun_side(sents, i, released), *_definite_sides(sents, i, released)) if n is not None]
    out = list(counts)
    for n in more:
        if all(n.end <= m.start or n.start >= m.end for m in out):
            out.append(n)
    return sorted(out, key=lambda n: n.start)[:2]
