"""Exchanges whose two sides are told far apart but mirror each other, found after the other exchange passes: one
side frees the other's people and the other frees the first's ("Uganda on Tuesday handed over 14 Rwandan nationals"
... "nine Ugandans arrived in Kampala"), or a group frees people and members of that group are freed in turn ("ISWAP
frees three aid workers" ... "four suspected ISWAP members ... had been released").

Sides are told apart by their names alone: the capitalised words of the people handed over ("Rwandan") against the
names of the one who hands them over ("Uganda"), a demonym matching its country by a shared start ("Uganda" and
"Ugandans", "Iraq" and "Iraqi", "Gabon" and "Gabonese").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.document import Fact
from reader.nlp.facts.base import Sent
from reader.nlp.facts.loose_pairs import RELEASE_WORDS, alike, handovers_of
from reader.nlp.facts.release_pairs import (
    SUBJECT_STOPS,
    agent_names,
    clause_start,
    covered_sentences,
    exchange_fact,
    nation_words,
    proper_names,
)
from reader.nlp.numbers import NumberSpan

# Words that say a release is an earlier one told as background ("Last year, Kampala freed ...").
_EARLIER = frozenset("last previous earlier ago similar".split())
# Active verbs of release before people told as a list of names.
_ACTIVE = frozenset("released freed frees releases handed hands returned repatriated".split())
# Words that end the clause before a verb ("NIAMEY (AFP) - Niger on Tuesday released").
_SUBJECT_STOPS = SUBJECT_STOPS | {"-"}
# How many tokens open a sentence, where a time phrase sets the time of what it tells.
_OPENING = 6
# Capitalised words that name no side ("the Red Cross", "the International Committee").
_NO_SIDE = frozenset("the red cross international committee national federal state central security forces "
                     "force army police government ministry authorities officials".split())


def _keys(words: Iterable[str]) -> set[str]:
    """The lower-cased names of sides in `words`, without plural or possessive ends ("Ugandans" -> "ugandan")."""
    out: set[str] = set()
    for w in words:
        low = w.lower().removesuffix("'s").removesuffix("’s")
        if low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
        if len(low) >= 4 and low.isalpha() and low not in _NO_SIDE:
            out.add(low)
    return out


def _match(x: set[str], y: set[str]) -> bool:
    """True when a name in x and one in y are one side ("uganda" and "ugandan", "gabon" and "gabonese")."""
    return any(a.startswith(b) or b.startswith(a) or a[:5] == b[:5] and len(a) > 5 < len(b) for a in x for b in y)


def told_earlier(sent: Sent) -> bool:
    """True when a sentence opens on an earlier time, telling an earlier release as background ("In 2019, ...",
    "Last year ...", "A similar swap in May ...")."""
    return bool(_EARLIER.intersection(sent.lower[:_OPENING])) or any(
        sent.is_year_token(n) for n in sent.numbers if n.start < _OPENING)


def _agents(sent: Sent, num: NumberSpan) -> set[str]:
    """The names of the side that hands `num` over: the subject of its release verb, also when the people are a list
    of names ("Niger on Tuesday released customs officers A, B, C and D")."""
    names = agent_names(sent, num)
    if names:
        return names
    low = sent.lower
    for t in range(num.start - 1, max(-1, num.start - 6), -1):
        if low[t] in _ACTIVE:
            return proper_names(sent, clause_start(low, t, _SUBJECT_STOPS), t)
    return set()


def _mirror(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when each release hands over the people of the other's side, and the two are not one side twice."""
    pa, pb = _keys(nation_words(first, a)), _keys(nation_words(second, b))
    xa, xb = _keys(_agents(first, a)), _keys(_agents(second, b))
    if _match(pa, pb) or _match(xa, xb):
        return False
    return _match(xa, pb) or _match(xb, pa)


def add_mirrored(facts: list[Fact], sents: Sequence[Sent]) -> list[Fact]:
    """The exchanges whose two sides mirror each other anywhere in the article, merged into `facts`."""
    covered = covered_sentences([f.evidence for f in facts if f.kind == "exchange"], sents)
    one_sided = {f.evidence for f in facts if f.kind == "quantity"}
    told = {tuple(sorted(f.fields["counts"])) for f in facts if f.kind == "exchange"}
    open_sides: list[tuple[int, NumberSpan]] = []
    found: list[Fact] = []
    for i, s in enumerate(sents):
        if i == 0 or i in covered or not RELEASE_WORDS.intersection(s.lower) or told_earlier(s):
            continue  # (the headline is told again by the body)
        counts = handovers_of(s, one_sided)
        if len(counts) != 1:
            continue  # two counts in one sentence were judged by the passes before
        b = counts[0]
        match = next((k for k, (j, a) in enumerate(open_sides)
                      if alike(sents[j], a, s, b) and _mirror(sents[j], a, s, b)), None)
        if match is None:
            open_sides.append((i, b))
            continue
        j, a = open_sides.pop(match)
        fact = exchange_fact(sents[j], a, s, b)
        key = tuple(sorted(fact.fields["counts"]))
        if key not in told:
            found.append(fact)
            told.add(key)
    if not found:
        return facts
    ends = {f.evidence.start for f in found} | {f.evidence.end for f in found}
    kept = [f for f in facts if not (f.kind == "quantity" and f.evidence in one_sided and (
        f.evidence.start in ends or f.evidence.end in ends))]
    return sorted(kept + found, key=lambda f: f.evidence.start)
