"""People handed over told as a list of their names instead of a count: "Niger released Beninese customs officers
Rodrigue A., Sylvain B., Fabrice C. and Aristide D." counts four; "Hauwa Ibrahim, Grace Danladi and Musa Bukar were
handed over" counts three. The names must be people the named-entity layer found."""

from __future__ import annotations

from reader.nlp.facts.base import AUX, Sent
from reader.nlp.numbers import NumberSpan

# Verbs of release before a list ("released", "freed") and after it in the passive ("were handed over").
_RELEASE = frozenset("released freed freeing releasing frees releases handed hands handing returned repatriated "
                     "swapped exchanged traded".split())
# How many words of description may stand between the verb and the list ("Beninese customs officers").
_DESCRIPTION = 4
# How many tokens one name may have ("Rodrigue Ahouansou", "Mohammed bin Salem al-Harthi" is cut at four).
_NAME_TOKENS = 4


def _name_start(sent: Sent, k: int) -> bool:
    """True when token k may start a name: a capitalised proper noun."""
    return k < len(sent) and sent.words[k][:1].isupper() and sent.tags[k].startswith("NNP")


def _names_at(sent: Sent, k: int) -> list[tuple[int, int]]:
    """The names of a list starting at token k, joined by commas and a closing "and": [(start, end)]; empty when
    there is no such list of two or more."""
    low = sent.lower

    def closing(e: int) -> bool:
        return low[e : e + 1] == ["and"] or low[e : e + 2] == [",", "and"]

    names: list[tuple[int, int]] = []
    while _name_start(sent, k):
        e = k
        while e < len(sent) and e - k < _NAME_TOKENS and _name_start(sent, e):
            e += 1
        names.append((k, e))
        if len(names) >= 2 and closing(names[-2][1]):
            return names  # the name after "and" ends the list
        if low[e : e + 1] not in (["and"], [","]):
            break
        k = e + 2 if closing(e) and low[e] == "," else e + 1
    return []


def _persons(sent: Sent, names: list[tuple[int, int]]) -> bool:
    """True when every name of the list starts a person mention of the document."""
    starts = _mention_starts(sent)
    return all(sent.starts[a] in starts for a, _ in names)


def _released_before(sent: Sent, k: int) -> bool:
    """True when a release verb comes just before token k, with at most a few words of description between."""
    for t in range(k - 1, max(-1, k - 2 - _DESCRIPTION), -1):
        w = sent.lower[t]
        if w in _RELEASE or w == "over" and t > 0 and sent.lower[t - 1] in _RELEASE:
            return True
        if not (sent.tags[t].startswith(("JJ", "NN")) or w == "-"):
            return False
    return False


def _released_after(sent: Sent, e: int) -> bool:
    """True when the list is the subject of a passive release verb: "... were handed over"."""
    t = e
    while t < len(sent) and sent.lower[t] in AUX:
        t += 1
    return t > e and t < len(sent) and sent.lower[t] in _RELEASE


def named_list(sent: Sent) -> NumberSpan | None:
    """The list of two or more named people the sentence hands over, as a count spanning the names; None if none."""
    k = 0
    while k < len(sent):
        if _name_start(sent, k) and (k == 0 or not _name_start(sent, k - 1)):
            names = _names_at(sent, k)
            if names:
                end = names[-1][1]
                if (_released_before(sent, k) or _released_after(sent, end)) and _persons(sent, names):
                    return NumberSpan(k, end, len(names))
                k = end
                continue
        k += 1
    return None


# Verbs a list of named people is the subject of: passive releases ("were handed over", "were flown to Erbil") and
# comings home ("arrived at the airport").
_PASSIVE_RELEASE = frozenset("released freed handed returned repatriated flown transferred".split())
_ARRIVE = frozenset("arrived landed".split())
# Words that end the clause before a subject ("officials said", "; ").
_CLAUSE_OPEN = frozenset({";", ":", "that", "said", "says", "say", "told"})
# Words that may stand in a list of names besides the names: separators, ages, descriptions ("both Turkish nationals",
# "a Jordanian", "sub-engineer").
_SEPARATORS = frozenset({",", "and", "-", "–", "—"})


# The character offsets where PERSON name mentions start, for the entities of the document being read: [entities,
# offsets]. `forget` empties it when the exchange pass is done, so it keeps no document's entities alive.
_MENTION_STARTS: list[object] = [None, frozenset()]


def _mention_starts(sent: Sent) -> frozenset[int]:
    """The character offsets where the document's PERSON name mentions start, built once per document."""
    entities = sent.doc.entities
    if _MENTION_STARTS[0] is not entities:
        _MENTION_STARTS[1] = frozenset(m.start for e in entities if e.label == "PERSON" for m in e.mentions
                                       if m.kind == "name")
        _MENTION_STARTS[0] = entities
    return _MENTION_STARTS[1]  # type: ignore[return-value]


def forget() -> None:
    """Drop the mention offsets kept for the document just read."""
    _MENTION_STARTS[0], _MENTION_STARTS[1] = None, frozenset()


def _person_starts(sent: Sent) -> set[int]:
    """The token indices of the sentence where a PERSON name mention of the document starts."""
    starts = _mention_starts(sent)
    return {t for t in range(len(sent)) if sent.starts[t] in starts}


def _subject_end(sent: Sent) -> int:
    """The token where the subject of a passive release or an arrival ends (its first auxiliary, or the arrival
    verb); -1 when the sentence has none."""
    low = sent.lower
    for c, w in enumerate(low):
        if w in _ARRIVE:
            return c
        if w in _PASSIVE_RELEASE:
            k = c
            while k > 0 and low[k - 1] in AUX:
                k -= 1
            if k < c:
                return k
    return -1


def subject_list(sent: Sent) -> NumberSpan | None:
    """Two or more named people who are the subject of a passive release or of an arrival, told with asides ("Emre
    Kaya and Selin Aydin, both Turkish nationals, and Rami Haddad, a Jordanian, were flown to Erbil", "Assistant
    Engineer Manish Sahu, 34, and sub-engineer Tarun Kujur, 29, were handed over"), as a count spanning the names."""
    end = _subject_end(sent)
    if end <= 1 or sum(1 for w in sent.words[:end] if w[:1].isupper()) < 2:
        return None
    people = _person_starts(sent)
    low, tags = sent.lower, sent.tags
    first = last = -1
    found = 0
    relative = False  # inside a relative clause after the names (", who worked for ..., were handed over")
    t = end - 1
    while t >= 0 and low[t] not in _CLAUSE_OPEN:
        t -= 1
    for k in range(t + 1, end):
        w = low[k]
        if relative:
            continue
        if w in ("who", "which") and found:
            relative = True
            continue
        if k in people:
            found += 1
            first = k if first < 0 else first
            last = k
            continue
        if not (w in _SEPARATORS or w == "both" or tags[k] in ("CD", "DT", "JJ", "NN", "NNS", "NNP", "NNPS")):
            return None  # a verb or another word no list of names has
    if found < 2:
        return None
    e = last
    while e < end and sent.words[e][:1].isupper():
        e += 1
    return NumberSpan(first, e, found)
