"""Exchanges whose second side is told far from the first, found after the other exchange passes: the article's lead
release ("Five aid workers abducted in March have been released") answered further down by the release of the other
side's people, tied to it by the deal ("seven detainees had been freed in the framework of the agreement", "... as part
of the understanding") or by the time ("Hours before the guardsmen walked free, the prosecutor's office released three
local men", "a day after the government freed 11 members of the group").

Only the lead release is paired, and only with one answer: the first release the article tells (in its first body
sentences, or its headline) is the event the article is about, so a release tied to it by a deal or by the hours
between them is its other side. Releases told as background ("In 2019, ...", "Last year ...") are no answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.document import Fact, Span
from reader.nlp.facts.base import MONTHS, Sent
from reader.nlp.facts.loose_pairs import (
    NOT_SWAP,
    RELEASE_WORDS,
    alike,
    handovers_at,
    same_side,
    swap_sentences,
    told_as_headline,
)
from reader.nlp.facts.mirror_pairs import told_earlier
from reader.nlp.facts.release_pairs import (
    answers,
    covered_sentences,
    exchange_fact,
    nation_words,
    people_end,
    two_way_headline,
    within,
)
from reader.nlp.numbers import NumberSpan

# How many body sentences may come before the lead release, and how far from it its answer may be.
_LEAD_REACH = 5
_ANSWER_REACH = 25
# How many sentences after a lead that counts both sides may split it ("In all, 19 ... while ... 12").
_SPLIT_REACH = 3
# How close to the lead an answer tied to it only by the time may be, when it does not name the lead's release.
_NEAR = 3
# Words that tie a release to a deal ("in the framework of the agreement", "as part of the understanding", "the
# releases had been agreed together", "the handover ran in both directions", "the terms under which they were freed").
_DEAL = re.compile(r"\b(?:exchang(?:e|es|ed)|swap(?:s|ped)?|trade[ds]?|deal|agreement|arrangement|understanding|"
                   r"reciproc\w*|in return|in turn|link(?:ed|s)?|condition|bargain\w*|quid pro quo|simultaneous\w*|"
                   r"both directions|both ways|two-way|other direction|terms (?:under|on) which|"
                   r"terms of (?:the|their|its|his|her) release)\b")
# Words that tie a release to another in time ("Hours before the guardsmen walked free", "a day after", "Hours
# earlier"): a short span of time and a word of order.
_SPAN = frozenset("hours hour minutes day days shortly moments same".split())
_ORDER = frozenset("before after earlier later".split())
# Words that tell a release as both sides' ("carried out a reciprocal handover", "exchanged the men").
_TWO_SIDED = re.compile(r"\b(?:exchang(?:e|es|ed)|swap(?:s|ped)?|traded|reciprocal\w*|one-for-one)\b")
# Short spans of time that keep an "earlier" release in the same event ("Hours earlier", "three days earlier"), and the
# words of background they do not excuse ("last", "previous", "ago", "similar").
_SHORT = _SPAN - {"same"}
_EARLIER_WORDS = frozenset("last previous ago similar".split())
# Plural releases told as one story ("the simultaneous releases", "the two releases"): the article is about a swap.
_RELEASES = re.compile(r"\b(?:the|two|both|simultaneous|parallel|twin)\s+releases\b")


def _tied_by_deal(sents: Sequence[Sent], i: int) -> bool:
    """True when sentence i or a neighbour (one before, two after) ties a release to a deal."""
    for k in range(max(0, i - 1), min(len(sents), i + 3)):
        lt = sents[k].lowtext
        m = _DEAL.search(lt)
        if m is not None and not any(n.start() <= m.start() < n.end() for n in NOT_SWAP.finditer(lt)):
            return True
    return False


def _tied_in_time(sent: Sent, near: bool, lead_noun: str) -> bool:
    """True when a sentence places its release a short time before or after the lead's: it names the lead's release
    too ("Hours before the guardsmen walked free, ... released three", "The aid workers' release came a day after the
    government freed 11"), it points back at it ("hours before the troops were allowed to leave", "through the same
    crossing a few hours later"), or it follows the lead closely ("Hours earlier, 23 fishermen ... had been handed
    over")."""
    low = set(sent.lower)
    if not (_SPAN & low and _ORDER & low):
        return False
    return near or sum(1 for w in sent.lower if w in RELEASE_WORDS) >= 2 or _points_back(sent, lead_noun)


def _points_back(sent: Sent, lead_noun: str) -> bool:
    """True when a sentence points back at the lead's handover: "the same crossing", or the lead's people named again
    with "the" ("the troops")."""
    low = sent.lower
    return any(low[t] == "the" and (low[t + 1] == "same" or low[t + 1] == lead_noun) for t in range(len(low) - 1))


def _background(sent: Sent) -> bool:
    """True when a sentence tells an earlier event as background: an earlier time, a month or a year at its opening
    (not a few hours or days earlier: "Hours earlier, 23 fishermen ..." is the same event), or a running total."""
    opening = sent.lower[:6]
    if told_earlier(sent) and not (_SHORT & set(opening) and _EARLIER_WORDS.isdisjoint(opening)):
        return True
    return bool(MONTHS.intersection(opening)) or "since" in opening or any(
        c in sent.lowtext for c in (" in total", "so far", "to date", "altogether", "since the start"))


_MORE = frozenset("more other others another remaining further additional rest".split())


def _more_of_the_same(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when the answer is more people of the lead's side: "two more hostages", "the remaining three", or people
    named by the same noun with no nation to tell them apart ("five hostages" ... "two hostages")."""
    low = second.lower
    if _MORE.intersection(low[max(0, b.start - 2) : people_end(second, b.end) + 1]):
        return True
    ea, eb = people_end(first, a.end), people_end(second, b.end)
    same_noun = ea > a.end and eb > b.end and first.lower[ea - 1] == low[eb - 1]
    return same_noun and not (nation_words(first, a) and nation_words(second, b)) and not answers(second)


def _lead(sents: Sequence[Sent], one_sided: set[Span]) -> tuple[int, NumberSpan] | None:
    """The article's lead release: the first of the first body sentences that hands over one count of people, else
    the headline's; None when the first release sentence tells two counts (the passes before judged it)."""
    for i in (*range(1, min(len(sents), 1 + _LEAD_REACH)), 0):
        counts = handovers_at(sents, i, one_sided)
        if len(counts) > 1:
            return None
        if counts and not _background(sents[i]):
            return i, counts[0]
    return None


def add_lead_answer(facts: list[Fact], sents: Sequence[Sent], text: str) -> list[Fact]:
    """The exchange of the article's lead release and its one answer told further down, merged into `facts`."""
    if len(sents) < 3:
        return facts
    covered = covered_sentences([f.evidence for f in facts if f.kind == "exchange"], sents)
    one_sided = {f.evidence for f in facts if f.kind == "quantity"}
    lead = _lead(sents, one_sided)
    if lead is None or lead[0] in covered:
        return facts
    j, a = lead
    split_end = sents[min(len(sents) - 1, j + _SPLIT_REACH)].span.end
    if _TWO_SIDED.search(sents[j].lowtext) or any(
            f.kind == "exchange" and sum(f.fields["counts"]) == a.value and f.evidence.start < split_end for f in facts):
        return facts  # the lead counts both sides: "A total of 231 fishermen returned home. Of them, 127 ... while 104"
    e = people_end(sents[j], a.end)
    lead_noun = sents[j].lower[e - 1] if e > a.end and sents[j].lower[e - 1].endswith("s") else "\0"  # (plural nouns)
    swap_story = bool(swap_sentences(text, sents)) or two_way_headline(sents) or _RELEASES.search(text.lower()) is not None
    answers: list[tuple[int, NumberSpan]] = []
    for i in range(j + 1, min(len(sents), j + 1 + _ANSWER_REACH)):
        s = sents[i]
        if i in covered or _background(s):
            continue
        counts = handovers_at(sents, i, one_sided)
        if len(counts) != 1:
            continue
        b = counts[0]
        nations = nation_words(sents[j], a), nation_words(s, b)
        if b.value == a.value and (told_as_headline(sents[j]) or not (nations[0] and nations[1] and nations[0] != nations[1])):
            continue  # the lead told again ("The five - ... - were handed over")
        if not alike(sents[j], a, s, b) or same_side(sents[j], a, s, b) or _more_of_the_same(sents[j], a, s, b):
            continue
        if _tied_by_deal(sents, i) or (swap_story and _tied_in_time(s, i - j <= _NEAR, lead_noun)):
            answers.append((i, b))
    if len(answers) != 1:
        return facts  # none, or several answers the lead cannot choose between
    i, b = answers[0]
    fact = exchange_fact(sents[j], a, sents[i], b)
    if any(f.kind == "exchange" and sorted(f.fields["counts"]) == sorted(fact.fields["counts"]) for f in facts):
        return facts
    kept = [f for f in facts if not (f.kind == "quantity" and f.evidence in one_sided and (
        within(f.evidence, sents[j].span) or within(f.evidence, sents[i].span)))]
    return sorted([*kept, fact], key=lambda f: f.evidence.start)
