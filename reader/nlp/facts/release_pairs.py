"""Exchanges told as two releases: "Thailand handed over 18 soldiers, while Cambodia released four", or one
release answered a sentence or two later ("The army, in turn, released 37 fighters").

This pass runs after the sentence-level exchange rules and only looks at what they left: sentences with no
exchange fact, in a passage that is about a swap.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.document import Fact, Span
from reader.nlp.facts.base import AUX, Sent
from reader.nlp.numbers import NumberSpan

# Words that make a passage about a swap (looked for in the sentence, its neighbours and the headline).
SWAP_CONTEXT = ("exchang", "swap", "in return", "in turn", "reciprocal", "one-for-one", "traded", "trade ")
# Cues that a release answers another one told before it.
ANSWER_CUES = ("in return", "in turn", "reciprocal", "in exchange", "for its part", "for their part", "the other side")
# Verbs of handing people over, and the particles that may follow them.
_ACTIVE = frozenset("released freed returned handed receiving received repatriated transferred freeing releasing "
                    "handing returning repatriating frees releases hands returns repatriates free release hand "
                    "repatriate receive receives".split())
_SEND = frozenset("sent send sends sending flew flown brought bring brings bringing".split())
_HOME = frozenset({"home", "back"})
_PARTICLES = frozenset({"over", "back", "home"})
_PASSIVE = frozenset("released freed returned handed repatriated transferred passed".split())
# Nouns a count of handed-over people may end in, besides the people nouns Sent knows (`is_personish`).
_CAPTIVES = frozenset(
    "bodies remains defenders jawan ranger pilot nephews nieces sons daughters brothers sisters wives husbands".split()
)
_SWAP_NOUNS = frozenset({"exchange", "swap", "trade", "exchanged", "swapped", "traded"})
_CLAUSE_STOPS = frozenset({";", ":", "after", "before", "when", "because", "since"})


def within(inner: Span, outer: Span) -> bool:
    """True when span `inner` lies inside span `outer`."""
    return outer.start <= inner.start and inner.end <= outer.end


def skip_remains(sent: Sent, k: int) -> int:
    """Skip "the remains of" / "the bodies of" before a count ("swapped the remains of two soldiers")."""
    low = sent.lower
    if k + 2 < len(sent) and low[k] == "the" and low[k + 1] in ("remains", "bodies") and low[k + 2] == "of":
        return k + 3
    return k


def skip_release_of(low: list[str], k: int) -> int:
    """Skip "the release of" / "the return of" / "the freeing of" at k ("in return for the release of six")."""
    if low[k : k + 3] in (["the", "release", "of"], ["the", "return", "of"], ["the", "freeing", "of"]):
        return k + 3
    return k


def _head_end(sent: Sent, start: int) -> int:
    """End of the people noun phrase after a count at start ("Cambodian soldiers", "detained members"); start if
    the phrase does not name people."""
    low = sent.lower
    j = start
    if j + 1 < len(sent) and low[j] == "of" and low[j + 1] in ("its", "their", "our", "his", "her", "them"):
        j += 2  # "103 of its soldiers"
    k = j
    while k < len(sent) and k - j < 5 and (sent.tags[k].startswith(("JJ", "NN", "VBN", "VBD")) or sent.words[k][:1].isupper()):
        k += 1
        if low[k - 1] in _CAPTIVES or sent.is_personish(k - 1, k) or _agent_noun(sent, k - 1):
            return k
    return start


def _agent_noun(sent: Sent, k: int) -> bool:
    """True for a lower-case noun naming a person by what they do ("researcher", "activists", "trainee")."""
    w = sent.lower[k]
    return (sent.tags[k] in ("NN", "NNS") and sent.words[k].islower() and len(w) > 5
            and w.rstrip("s").endswith(("er", "or", "ist", "ian", "ee")))


def _count_with_people(sent: Sent, k: int) -> NumberSpan | None:
    """The count at token k when people follow it: "18 Cambodian soldiers", "the bodies of 757 fallen soldiers",
    "an Iranian diplomat" (one)."""
    low = sent.lower
    k = skip_remains(sent, k)
    num = sent.count_at(k)
    if num is not None:
        if num.start in sent.used or sent.is_year_token(num):
            return None
        if low[num.end : num.end + 1] in (["bodies"], ["remains"]):
            return num
        return num if _head_end(sent, num.end) > num.end else None
    if k + 1 < len(sent) and low[k] in ("a", "an", "one"):
        j = k + 1
        if low[j] in ("single", "lone", "former", "jailed", "detained"):
            j += 1
        end = _head_end(sent, j)
        if end > j and sent.tags[end - 1] in ("NN", "NNP") and k not in sent.used:
            return NumberSpan(k, k + 1, 1)
    return None


def _active(sent: Sent, c: int) -> NumberSpan | None:
    """The count a release verb at c hands over: "handed over 18 soldiers", "sent home three Venezuelans"."""
    low = sent.lower
    w = low[c]
    k = c + 1
    if w in _SEND:
        if k >= len(sent) or low[k] not in _HOME:
            return None
        k += 1
    elif k < len(sent) and low[k] in _PARTICLES:
        k += 1
    num = _count_with_people(sent, k)
    if num is None:
        return None
    e = _head_end(sent, num.end)
    if e < len(sent) and low[e] == "and":
        more = _count_with_people(sent, e + 1)  # "two French nationals and a German-Iranian dual citizen"
        if more is not None:
            return NumberSpan(num.start, more.end, num.value + more.value)
    return num


def _passive(sent: Sent, c: int) -> NumberSpan | None:
    """The count a passive release verb at c goes back to, across a long subject: "Forty-nine Congolese soldiers
    and police officers held by M23 rebels were released", "eight members of the gang, who had been held since
    last year, were freed", "the bodies of 909 people ... were repatriated"."""
    low = sent.lower
    k = c
    while k > 0 and low[k - 1] in AUX | {"also", "later", "then", "finally"}:
        k -= 1
    if k == c and not (low[c] == "regained" and low[c + 1 : c + 3] == ["their", "freedom"]):
        return None
    if k > 1 and low[k - 1] == ",":  # "..., who had been held since last year, were freed": skip the aside
        j = k - 2
        while j > 0 and k - j < 25 and low[j] != ",":
            j -= 1
        if j > 0 and low[j] == "," and low[j + 1] in ("who", "which", "some", "many", "most", "all", "including",
                                                       "among", "mostly", "both"):
            k = j
    for num in reversed(sent.numbers):
        if num.end > k or k - num.end > 12:
            continue
        if num.start in sent.used or sent.is_year_token(num):
            return None
        if any(low[t] in _CLAUSE_STOPS or low[t] == "," for t in range(num.end, k)):
            return None
        before = low[num.start - 2 : num.start]
        if before in (["bodies", "of"], ["remains", "of"]):
            return num  # "the bodies of 909 people"
        if num.start > 0 and low[num.start - 1] in ("of", "including", "among", "the", "these", "those", "all"):
            return None  # "among them four foreigners", "the 20 soldiers": a part, or people already counted
        return num if _head_end(sent, num.end) > num.end or low[num.end] in ("bodies", "remains") else None
    return None


def releases(sent: Sent) -> list[NumberSpan]:
    """Every count of people the sentence says were handed over, in text order, including an elliptic second
    side ("with Cambodia receiving 11 bodies and Thailand three")."""
    found: list[NumberSpan] = []
    low = sent.lower
    for c, w in enumerate(low):
        num = None
        if w in _ACTIVE or w in _SEND:
            num = _active(sent, c)
        if num is None and (w in _PASSIVE or w == "regained"):
            num = _passive(sent, c)
        if num is None and w == "for" and c >= 1 and (low[c - 1] in _SWAP_NOUNS or low[c - 1] == "return"):
            num = _count_with_people(sent, skip_release_of(low, c + 1))  # "in exchange for a single Iranian woman"
        if num is not None and all(num.start != x.start for x in found):
            found.append(num)
    if len(found) == 1:
        first = found[0]
        for k in range(first.end, len(sent) - 2):
            if low[k] == "and" and sent.words[k + 1][:1].isupper():
                j = k + 1
                while j < len(sent) and j - k <= 3 and sent.words[j][:1].isupper():
                    j += 1
                num = sent.count_at(j)
                if num is not None and (num.end == len(sent) or low[num.end] in (".", ",", ";")):
                    found.append(num)  # "and Thailand three."
                break
    return sorted(found, key=lambda n: n.start)


def _context(sents: Sequence[Sent], i: int) -> bool:
    """True when sentence i sits in a passage about a swap (itself, two before, one after, or the headline)."""
    for k in (0, *range(max(0, i - 2), min(len(sents), i + 2))):
        lt = sents[k].lowtext
        if any(w in lt for w in SWAP_CONTEXT):
            return True
    return False


def _answers(sent: Sent) -> bool:
    """True when the sentence says its release answers another one ("in return", "in turn", "reciprocal")."""
    return any(c in sent.lowtext for c in ANSWER_CUES)


def _exchange(first: Sent, a: NumberSpan, last: Sent, b: NumberSpan) -> Fact:
    """An exchange of counts a (in first) and b (in last), evidence from the start of first to the end of last."""
    first.used.update(range(a.start, a.end))
    last.used.update(range(b.start, b.end))
    what = "prisoners" if "prisoner" in first.lowtext + last.lowtext else ""
    return Fact("exchange", Span(first.span.start, last.span.end), {"counts": [a.value, b.value], "what": what})


def two_releases(sents: Sequence[Sent], i: int) -> list[Fact]:
    """An exchange told as two releases in sentence i of a passage about a swap ("Thailand handed over 18
    soldiers, while Cambodia released four"); [] when there are not two."""
    s = sents[i]
    if not any(w in s.lowtext for w in _TRIGGERS):
        return []
    counts = releases(s)
    if len(counts) >= 2 and (_answers(s) or _context(sents, i)):
        return [_exchange(s, counts[0], s, counts[1])]
    if len(counts) == 1 and counts[0].value == 1 and "one-for-one" in s.lowtext:
        return [_exchange(s, counts[0], s, counts[0])]  # "in a one-for-one exchange, the BSF handed over a jawan"
    return []


_TRIGGERS = ("releas", "free", "hand", "return", "repatriat", "receiv", "sen", "flew", "flown", "brought", "bring",
             "transferr", "passed")


def add_pairs(facts: list[Fact], sents: Sequence[Sent]) -> list[Fact]:
    """The exchange facts the sentence rules missed, merged into `facts` in text order; the one-sided counts
    they pair up are dropped from `facts`."""
    covered = [f.evidence for f in facts if f.kind == "exchange"]
    found: list[Fact] = []
    pending: list[tuple[int, NumberSpan]] = []  # one-sided releases still unanswered: (sentence, count)
    for i, s in enumerate(sents):
        span = s.span
        if any(within(span, e) for e in covered):
            pending.clear()
            continue
        try:
            if not any(w in s.lowtext for w in _TRIGGERS):
                continue
            one_sided = {f.fields["value"] for f in facts if f.kind == "quantity" and f.evidence == span}
            saved = s.used
            if one_sided:
                s.used = set()
            try:
                counts = releases(s)  # a count the sentence rules kept as one side may still pair up
            finally:
                s.used = saved
        except (IndexError, ValueError):
            continue
        if not counts:
            continue
        if len(counts) >= 2 and (_answers(s) or _context(sents, i)):
            found.append(_exchange(s, counts[0], s, counts[1]))
            pending.clear()
            continue
        if len(counts) == 1 and _answers(s):
            back = [(j, n) for j, n in pending if i - j <= 2]
            if back:
                j, n = back[-1]
                found.append(_exchange(sents[j], n, s, counts[0]))
                pending.clear()
                continue
        if len(counts) == 1:
            pending.append((i, counts[0]))
    if not found:
        return facts
    spans = [f.evidence for f in found]
    kept = [f for f in facts if not (f.kind == "quantity" and any(within(f.evidence, e) for e in spans))]
    return sorted(kept + found, key=lambda f: f.evidence.start)
