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
    starts = {m.start for e in sent.doc.entities if e.label == "PERSON" for m in e.mentions if m.kind == "name"}
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
