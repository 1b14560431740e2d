"""Exchanges told loosely, found after the sentence rules and the release pairs: in a passage about a swap, two
handovers of people a sentence or three apart ("Fourteen police officers ... were handed over ..." then "a judge
had ordered the release of six leaders"), or two groups of people going home in one sentence ("Two Americans are
free, and three Russians are flying home").

A handover here is any count of people in a clause with a word of release or of going home ("walked out of",
"crossed to", "landed", "regain freedom"), not only the verbs the stricter passes know. Two handovers make a swap
when they are close, in a passage that speaks of a swap, and look like two sides: different counts, different
nations or differently named agents, or a cue that one answers the other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from reader.document import Fact, Span
from reader.nlp.facts.base import DASHES, Sent
from reader.nlp.facts.group_sides import group_told
from reader.nlp.facts.named_lists import named_list, subject_list
from reader.nlp.facts.told_back import told_back
from reader.nlp.facts.release_pairs import (
    BOTH_SIDES,
    agent_names,
    answers,
    count_with_people,
    covered_sentences,
    exchange_fact,
    in_time_phrase,
    is_remains,
    skip_remains,
    nation_words,
    people_end,
    releases,
    two_way_headline,
    within,
)
from reader.nlp.numbers import NumberSpan

# Words that say a passage is about a swap, and uses of them that do not ("exchange rate", "exchanged fire").
_SWAP = re.compile(r"\b(?:swap(?:s|ped|ping)?|exchang(?:e|es|ed|ing)|traded?|in return|in turn|reciproc\w*|one-for-one|"
                   r"bargain|quid pro quo|deal|other direction)\b")
NOT_SWAP = re.compile(r"\b(?:exchange rates?|stock exchange|foreign exchange|exchang(?:e|es|ed|ing) (?:of )?(?:fire|gunfire|"
                       r"views|accusations|blows|messages|words|notes|letters|greetings|information|insults|ideas|"
                       r"pleasantries|shots|vows|rings|data)|trade (?:deal|war|talks|union|minister|ministry|surplus|"
                       r"deficit|routes?|tariffs?)|(?:trade|budget|arms|energy|gas|oil|defence|defense|security|"
                       r"coalition|peace|free-trade|record|multi-?billion|\$[\d.]+ ?\w*) deal|deal with (?:it|the crisis))\b")
# How many sentences from a swap word a handover may be, and how far apart its two sides.
_CONTEXT_REACH = 6
_PAIR_REACH = 3
_ANSWER_PAIR_REACH = 6
# Words of release or of going home that make a count of people in their clause a handover.
RELEASE_WORDS = frozenset(
    "released release releases releasing freed free frees freeing freedom handed hand hands handing handover "
    "returned return returns returning repatriated repatriation flown flew flying landed arrived walk walks walked walking "
    "crossed brought sent gave given back home escorted let carried carrying delivered".split()
)
# Nouns of release whose "of" introduces the people released ("ordered the release of six leaders").
_RELEASE_NOUNS = frozenset("release return freeing handover repatriation transfer exchange".split())
# How far (in tokens) a release word may be before or after the count it hands over.
_BEFORE, _AFTER = 8, 30
# Words after a count that make it something else than people handed over.
_NOT_HANDED = frozenset("killed dead died wounded injured hurt missing unaccounted still remain remaining more others "
                        "further additional familiar said told say says according".split())
# Words before a count that make it a part, a restatement, a toll or a running total ("more than 5,800").
_NOT_AFTER = frozenset("the these those all of among including another their our its his her killing killed wounding "
                       "kill than over least about some nearly almost around approximately them whom".split())
_ASIDE_ENDS = frozenset({",", "-", "–", "—", ")", ";"})
# Words between two counts of a sentence that start the other side's clause.
_TURN = frozenset("while as after before whereas hours days".split())
# Names of sides too common to tell two sides apart ("the Central Security Brigade" and "the 77th Brigade").
_GENERIC = frozenset("Brigade Brigades Force Forces Army Side Group Council Ministry Government Authorities Police "
                     "Committee Office Service Front Movement Unit Units".split())


def swap_sentences(text: str, sents: Sequence[Sent]) -> list[int]:
    """The indices of the sentences that speak of a swap, found in the whole text at once."""
    starts = [s.span.start for s in sents]
    low = text.lower()
    out: list[int] = []
    for m in _SWAP.finditer(low):
        back = max(0, m.start() - 30)
        if any(n.start() <= m.start() - back < n.end() for n in NOT_SWAP.finditer(low[back : m.end() + 30])):
            continue
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and (not out or out[-1] != k):
            out.append(k)
    return out


def _near(swaps: list[int], i: int) -> bool:
    """True when sentence i is within reach of a sentence that speaks of a swap, or the headline does."""
    k = bisect_right(swaps, i + _CONTEXT_REACH)
    return bool(swaps) and (swaps[0] == 0 or (k > 0 and swaps[k - 1] >= i - _CONTEXT_REACH))


def _released(sent: Sent, k: int, num: NumberSpan) -> bool:
    """True when a release word is in the clause of the count (its phrase starting at token k), and nothing says the
    count is of something else."""
    low = sent.lower
    if k > 0 and low[k - 1] in _NOT_AFTER and not _handed_over(low, k):
        return False
    end = people_end(sent, num.end)
    if any(w in _NOT_HANDED for w in low[end : end + 4]) or in_time_phrase(sent, num):
        return False
    for t in range(k - 1, max(-1, k - _BEFORE), -1):  # (from "the bodies of" when the count follows it)
        if low[t] in (";", ":"):
            break
        if low[t] in RELEASE_WORDS:
            return True
    for t in range(end, min(len(sent), end + _AFTER)):
        if low[t] in (";", ":") or low[t] in _NOT_HANDED and low[t + 1 : t + 2] != ["than"]:
            return False  # ("held for more than a year" is no count of more people)
        if low[t] in RELEASE_WORDS:
            return True
    return False


def _fresh(sent: Sent, num: NumberSpan) -> bool:
    """True when nothing before a count (or before "the remains of" it) makes it a part, a restatement or a running
    total ("more than 500 prisoners")."""
    low = sent.lower
    k = num.start
    if low[k - 2 : k] in (["remains", "of"], ["bodies", "of"], ["body", "of"]):
        k -= 2
        if k > 0 and low[k - 1] == "the":
            k -= 1
    if k >= 2 and low[k - 1] == "of" and low[k - 2] in _RELEASE_NOUNS:
        return True  # "ordered the release of six leaders": the stricter rules read the verb before the noun
    if k >= 3 and low[k - 2 : k] == ["for", "the"] and low[k - 3] in ("exchange", "return", "swap"):
        return True  # "released in exchange for the two hostages": the people told before are the other side
    return not (k > 0 and low[k - 1] in _NOT_AFTER and not _handed_over(low, k))


def _handed_over(low: list[str], k: int) -> bool:
    """True when the word before token k is the particle of a handover ("handed over 14"), not "over 500"."""
    return k >= 2 and low[k - 1] == "over" and (low[k - 2] in RELEASE_WORDS or low[k - 2] in ("turned", "passed"))



# Nouns for one of the two sides after "by each" / "from each" ("were returned by each side").
_SIDE_NOUNS = frozenset("side party country government community army village tribe clan state".split())
# How many tokens after a count's people "by each side" may come.
_EACH_REACH = 8


def _each(sent: Sent, num: NumberSpan) -> bool:
    """True when "each" follows a count's people ("returned three detained border guards each"), or the clause of
    the count says each side handed them over ("12 children were returned by each side", "freed from each
    community")."""
    low = sent.lower
    e = people_end(sent, num.end)
    if low[e : e + 1] == ["each"]:
        return True
    for t in range(e, min(len(sent) - 2, e + _EACH_REACH)):
        if low[t] in (",", ";", ":") or any(n.start == t for n in sent.numbers):
            return False
        if low[t] in ("by", "from") and low[t + 1] == "each" and low[t + 2] in _SIDE_NOUNS:
            return True
    return False


def _part_of(counts: list[NumberSpan], num: NumberSpan, low: list[str]) -> bool:
    """True when a count after a comma or dash is part of the one before it ("Six members ..., five soldiers and a
    police officer, were released")."""
    return bool(counts) and num.value < counts[-1].value and (low[num.start - 1] in DASHES or low[num.start - 1] in (",", "("))


def _one_for_other(sent: Sent) -> list[NumberSpan]:
    """Two counts of people traded for each other after a word of swapping earlier in the sentence: "their coast
    guards traded detained fishermen in the Aegean, three Greeks for three Turks"."""
    low = sent.lower
    for t, w in enumerate(low):
        if w != "for" or t < 2 or not _SWAP.search(" ".join(low[:t])):
            continue
        b = count_with_people(sent, t + 1)
        if b is None:
            continue
        for k in range(max(0, t - 6), t):
            a = count_with_people(sent, k)
            if a is not None and a.start == k and people_end(sent, a.end) == t:
                return [a, b]
    return []


def handovers(sent: Sent) -> list[NumberSpan]:
    """The counts of people the sentence hands over, loosely: its strict releases, and when there are fewer than two,
    the counts of people in a clause with a release word (at most two in all, not parts of one another)."""
    low = sent.lower
    strict = [n for n in releases(sent) if _fresh(sent, n)]
    if len(strict) >= 2:
        return strict
    if not RELEASE_WORDS.intersection(low):
        return _one_for_other(sent) or strict
    out: list[NumberSpan] = []
    skip = 0  # the end of an aside listing the parts of a count
    for number in sent.numbers:
        k = number.start
        if low[k - 3 : k - 1] in (["the", "remains"], ["the", "bodies"]) and low[k - 1] == "of":
            k -= 3  # "the remains of 11 people"
        if k < skip:
            continue
        num = count_with_people(sent, k)
        if num is None or num.start != number.start or num.value == 1 or (out and num.start < out[-1].end):
            continue  # (one person is too often not a side: "a committee of elders", "an embassy observer")
        if _part_of(out, num, low):
            skip = next((t for t in range(num.end, len(sent)) if low[t] in _ASIDE_ENDS), len(sent))
        elif _released(sent, k, num):
            out.append(num)
    if strict:
        out = sorted([strict[0], *(n for n in out if n.end <= strict[0].start or n.start >= strict[0].end)][:2],
                     key=lambda n: n.start) if out else strict
    if len(out) < 2:
        one = _one_told(sent)
        if one is not None and all(n.end <= one.start or n.start >= one.end for n in out):
            out = sorted([*out, one], key=lambda n: n.start)
    if len(out) < 2:
        group = group_told(sent)  # "handed back the five-member crew", "set free the skipper and his deputy"
        if group is not None and all(n.end <= group.start or n.start >= group.end for n in out):
            out = sorted([*out, group], key=lambda n: n.start)
    if len(out) < 2:
        named = named_list(sent) or subject_list(sent)  # "released customs officers A, B, C and D": four
        if named is not None and all(n.end <= named.start or n.start >= named.end for n in out):
            out = sorted([*out, named], key=lambda n: n.start)
    return out[:2]


# Verbs that hand over the one person told right after them ("released an Iranian engineer", "delivered the body of
# an Algerian citizen"), and the passive verbs a one-person subject is handed over by ("a Turkish sergeant ... was
# returned").
_ONE_ACTIVE = frozenset("released freed delivered returned repatriated".split())
_ONE_PASSIVE = frozenset("released freed returned repatriated handed delivered".split())
_ONE_REACH = 22


def _one_told(sent: Sent) -> NumberSpan | None:
    """One person handed over, told by a noun phrase that names a nation or a body: "Italy released an Iranian
    engineer", "Moroccan authorities delivered the body of an Algerian citizen", "a Turkish gendarmerie sergeant who
    was arrested ... was returned". Without a nation or a body one person is too often part of a group told again."""
    low = sent.lower
    for t, w in enumerate(low):
        k = None
        if w in _ONE_ACTIVE and t + 1 < len(sent):
            k = t + 2 if low[t + 1] in ("over", "back") else t + 1
        elif w == "handed" and t + 2 < len(sent) and low[t + 1] in ("over", "back"):
            k = t + 2
        elif w in ("a", "an") and (t == 0 or low[t - 1] == ","):
            k = t
        if k is None or k >= len(sent):
            continue
        one = count_with_people(sent, k)
        if one is None or one.value != 1 or one.start != skip_remains(sent, k) and one.start != k:
            continue
        if not (is_remains(sent, one) or nation_words(sent, one)):
            continue
        if k == t and not _passive_after(sent, people_end(sent, one.end)):
            continue
        return one
    return None


def _passive_after(sent: Sent, e: int) -> bool:
    """True when the clause after a subject ending at token e is a passive handover ("..., who was arrested in May,
    was returned to Turkey"), no other count of people before its verb."""
    low = sent.lower
    for t in range(e, min(len(sent), e + _ONE_REACH)):
        if low[t] in (";", ":") or low[t] in _NOT_HANDED or any(
                n.start == t and count_with_people(sent, t) is not None for n in sent.numbers):
            return False
        if low[t] in ("was", "had") and t + 1 < len(sent):
            nxt = low[t + 2] if low[t + 1] == "been" and t + 2 < len(sent) else low[t + 1]
            if nxt in _ONE_PASSIVE:
                return True
    return False


def handovers_of(sent: Sent, one_sided: set[Span]) -> list[NumberSpan]:
    """`handovers(sent)`, also reading a count the stricter passes kept as one side of a swap (a quantity fact whose
    evidence is the sentence, in `one_sided`): it may still pair up. Empty when the sentence cannot be read."""
    saved = sent.used
    if sent.span in one_sided:
        sent.used = set()
    try:
        return handovers(sent)
    except (IndexError, ValueError):
        return []
    finally:
        sent.used = saved


def handovers_at(sents: Sequence[Sent], i: int, one_sided: set[Span]) -> list[NumberSpan]:
    """`handovers_of(sents[i], one_sided)`, with the people the sentence tells again by a pronoun or by "the" ("They
    were freed ...", "released the two detained men") when an earlier sentence counted them taken or killed."""
    counts = handovers_of(sents[i], one_sided)
    try:
        return told_back(sents, i, counts, _released)
    except (IndexError, ValueError):
        return counts


def _sides(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when two handovers look like the two sides of a swap: different nations, differently named agents."""
    x, y = nation_words(first, a), nation_words(second, b)
    if x and y and x != y:
        return True
    p, q = agent_names(first, a) - _GENERIC, agent_names(second, b) - _GENERIC
    return bool(p) and bool(q) and p.isdisjoint(q)


def same_side(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when two handovers are done by the same named side, or hand over people of the same nation."""
    x = nation_words(first, a)
    if x and x == nation_words(second, b):
        return True
    return bool((agent_names(first, a) - _GENERIC) & (agent_names(second, b) - _GENERIC))


def _turns(sent: Sent, a: NumberSpan, b: NumberSpan) -> bool:
    """True when the second count of a sentence opens another clause ("after govt frees seven", ", and three ...")."""
    between = sent.lower[people_end(sent, a.end) : b.start]
    return "," in between or bool(_TURN.intersection(between))


def _bodies(sent: Sent, num: NumberSpan) -> bool:
    """True when a count is of bodies or remains ("the remains of 11 people", "34 bodies", "five of their dead")."""
    return is_remains(sent, num)


def told_as_headline(sent: Sent) -> bool:
    """True when a sentence is told as a headline or a standfirst (no full stop): the body tells its count again, also
    with other words ("Seven Nemuro crew return home ..." then "Seven Japanese fishermen ... returned")."""
    return sent.words[-1] not in (".", "!", "?", '"', "'", "”")


def alike(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when two handovers in different sentences are of the same kind: both of bodies or neither, and both of
    one person or neither unless they are of two nations (one person handed over beside a group is most often one of
    the group told again)."""
    if _bodies(first, a) != _bodies(second, b):
        return False
    x, y = nation_words(first, a), nation_words(second, b)
    return (a.value == 1) == (b.value == 1) or bool(x) and bool(y) and x != y


def _one_answers(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when a group is answered by one person of another nation in a sentence that says it answers ("Honduras
    had in turn released a Nicaraguan petty officer"): no member of the group told again."""
    if not answers(second) or b.value != 1 or a.value == 1 or _bodies(first, a) != _bodies(second, b):
        return False
    nations = nation_words(second, b)
    return bool(nations) and nations.isdisjoint(nation_words(first, a))


def _joined(sent: Sent, a: NumberSpan, b: NumberSpan) -> bool:
    """True when two counts of a sentence are joined into one group: "nine soldiers and two oil contractors"."""
    return sent.lower[people_end(sent, a.end) : b.start] in (["and"], [",", "and"], ["as", "well", "as"], ["plus"])


def add_loose(facts: list[Fact], sents: Sequence[Sent], text: str) -> list[Fact]:
    """The exchanges the stricter passes missed, told loosely in passages about a swap, merged into `facts`."""
    swaps = swap_sentences(text, sents)
    if two_way_headline(sents) and swaps[:1] != [0]:
        swaps.insert(0, 0)  # a headline telling two releases makes the whole article about a swap
    if not swaps:
        return facts
    covered = covered_sentences([f.evidence for f in facts if f.kind == "exchange"], sents)
    told = {tuple(sorted(f.fields["counts"])) for f in facts if f.kind == "exchange"}
    one_sided = {f.evidence for f in facts if f.kind == "quantity"}
    found: list[Fact] = []
    pending: tuple[int, NumberSpan] | None = None
    for i, s in enumerate(sents):
        if i in covered:
            pending = None
            continue
        if not _near(swaps, i):
            continue
        counts = handovers_at(sents, i, one_sided)
        if not counts:
            continue
        fact = None
        if len(counts) == 1 and _each(s, counts[0]):
            fact = exchange_fact(s, counts[0], s, counts[0])
        elif len(counts) == 1 and BOTH_SIDES.search(s.lowtext):
            pending = None  # "The two sides also handed back the remains of three people": a total, then its parts
            continue
        elif len(counts) >= 2:
            a, b = counts[0], counts[1]
            if _joined(s, a, b):
                pass  # "two former Marines and a Houston oil engineer": one group
            elif _sides(s, a, s, b) or (a.value != b.value and 1 not in (a.value, b.value) and (_turns(s, a, b) or answers(s))):
                fact = exchange_fact(s, a, s, b)
        elif pending is not None:
            j, a = pending
            b = counts[0]
            reach = _ANSWER_PAIR_REACH if answers(s) else _PAIR_REACH
            if i - j <= reach and (alike(sents[j], a, s, b) or _one_answers(sents[j], a, s, b)) \
                    and not same_side(sents[j], a, s, b) and (
                    a.value != b.value or _sides(sents[j], a, s, b) and not told_as_headline(sents[j])):
                fact = exchange_fact(sents[j], a, s, b)
        if fact is not None:
            key = tuple(sorted(fact.fields["counts"]))
            if key not in told:
                found.append(fact)
                told.add(key)
            pending = None
        elif len(counts) == 1 and i > 0 and not (counts[0].value == 1 and pending is not None and pending[1].value > 1):
            # Not the headline's release (the body tells it again), and one person does not push a group out of the
            # way ("The six were handed over to a Red Cross team and a Norwegian observer").
            pending = (i, counts[0])
    if not found:
        return facts
    spans = [f.evidence for f in found]
    kept = [f for f in facts if not (f.kind == "quantity" and any(within(f.evidence, e) for e in spans))]
    return sorted(kept + found, key=lambda f: f.evidence.start)
