"""Exchanges told as two releases: "Thailand handed over 18 soldiers, while Cambodia released four", or one
release answered a sentence or two later ("The army, in turn, released 37 fighters").

This pass runs after the sentence-level exchange rules and only looks at what they left: sentences with no
exchange fact, in a passage that is about a swap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from reader.document import Fact, Span
from reader.nlp.facts.base import AUX, MONTHS, WEEKDAYS, Sent
from reader.nlp.numbers import NumberSpan

# Words that make a passage about a swap (looked for in the sentence, its neighbours and the headline).
SWAP_CONTEXT = ("exchang", "swap", "in return", "in turn", "reciprocal", "one-for-one", "traded", "trade ", "in a deal",
                "under a deal", "part of a deal", "handover")
# Cues that a release answers another one told before it.
ANSWER_CUES = ("in return", "in turn", "reciprocal", "in exchange", "for its part", "for their part", "the other side",
               "the same operation", "the same exchange", "the same swap", "the same deal", "the same number",
               "the other way", "other half", "half of the deal", "half of the exchange", "half of the swap",
               "half of the agreement", "half of the trade")
# The value of "the same number of soldiers": the other side's count.
SAME = -1
# Verbs of handing people over, and the particles that may follow them.
_ACTIVE = frozenset("released freed returned handed receiving received repatriated transferred freeing releasing "
                    "handing returning repatriating frees releases hands returns repatriates free release hand return "
                    "repatriate receive receives given".split())
_SEND = frozenset("sent send sends sending flew flown brought bring brings bringing".split())
# Verbs whose subject is the side that gets people back (a coordinated second one with no subject of its own is the
# same side again: "Ukraine brings home 150 defenders, receives 909 bodies").
_RECEIVE = frozenset("receive receives received receiving brought bring brings bringing".split())
# Intransitive comings home: "with 150 service members returning home".
_COME_HOME = frozenset("returning returned return returns came come comes coming arrived arriving".split())
_HOME = frozenset({"home", "back"})
_GOING = frozenset("going went go goes heading headed".split())
# Leaving custody on foot: "crossed the bridge at Varnita", "walked out of Wamena prison", "walked free".
_WALK_OUT = {"crossed": ("the", "into", "over", "back", "at"), "walked": ("out", "free", "across", "into", "back"),
             "walking": ("out", "free", "across", "into", "back")}
_PARTICLES = frozenset({"over", "back", "home"})
_PASSIVE = frozenset("released freed returned handed repatriated transferred passed traded swapped exchanged "
                     "delivered".split())
# Nouns a count of handed-over people may end in, besides the people nouns Sent knows (`is_personish`).
_CAPTIVES = frozenset(
    "bodies remains defenders jawan ranger pilot nephews nieces sons daughters brothers sisters wives husbands "
    "forces dead".split()
)
_SWAP_NOUNS = frozenset({"exchange", "swap", "trade", "exchanged", "swapped", "traded"})
_CLAUSE_STOPS = frozenset({";", ":", "after", "before", "when", "because", "since"})
_QUOTES = frozenset({'"', "``", "''", "“", "”"})


def _preposition(sent: Sent, t: int) -> bool:
    """True for "since"/"after"/"before" at t used as a preposition ("held captive since the attack")."""
    return (sent.lower[t] in ("since", "after", "before") and t + 1 < len(sent)
            and (sent.tags[t + 1] in ("DT", "CD", "PRP$") or sent.words[t + 1][:1].isupper()))


def within(inner: Span, outer: Span) -> bool:
    """True when span `inner` lies inside span `outer`."""
    return outer.start <= inner.start and inner.end <= outer.end


def covered_sentences(spans: list[Span], sents: Sequence[Sent]) -> set[int]:
    """The indices of the sentences that lie inside one of the spans (the evidence of facts found already)."""
    starts = [s.span.start for s in sents]
    out: set[int] = set()
    for e in spans:
        k = bisect_left(starts, e.start)
        while k < len(sents) and within(sents[k].span, e):
            out.add(k)
            k += 1
    return out


def skip_remains(sent: Sent, k: int) -> int:
    """Skip "(the) remains of" / "(the) bodies of" / "the body of" before a count ("swapped the remains of two
    soldiers", "handed over the body of one crewman")."""
    low = sent.lower
    j = k + 1 if k < len(sent) and low[k] == "the" else k
    if j + 1 < len(sent) and (low[j] in ("remains", "bodies") or low[j] == "body" and j > k) and low[j + 1] == "of":
        return j + 2
    return k


def remains_after(low: list[str], e: int) -> bool:
    """True when the words at e name remains counted by the number before them: "34 bodies", "11 remains",
    "eleven sets of remains", "nine sets of Paraguayan remains"."""
    if low[e : e + 1] in (["bodies"], ["remains"]):
        return True
    return low[e : e + 2] == ["sets", "of"] and "remains" in low[e + 2 : e + 5]


def is_remains(sent: Sent, num: NumberSpan) -> bool:
    """True when a count is of bodies or remains: "the remains of 11 people", "34 bodies", "eleven sets of remains",
    "five of their own dead"."""
    low = sent.lower
    if low[num.start - 2 : num.start] in (["remains", "of"], ["bodies", "of"], ["body", "of"]) or remains_after(low, num.end):
        return True
    if low[num.start - 3 : num.start] in (["remains", "of", "the"], ["bodies", "of", "the"]):
        return True  # "the bodies of the three Afghans"
    if low[num.start - 2 : num.start] == ["those", "of"] and {"remains", "bodies"}.intersection(low[: num.start]):
        return True  # "the remains of 11 fighters ..., while those of seven gunmen ..."
    e = people_end(sent, num.end)
    return e > num.end and low[e - 1] in ("dead", "fallen")


def skip_release_of(low: list[str], k: int) -> int:
    """Skip "the release of" / "the return of" / "the freeing of" / "those of" at k ("in return for the release
    of six", "in exchange for those of 14 western fighters")."""
    if low[k : k + 3] in (["the", "release", "of"], ["the", "return", "of"], ["the", "freeing", "of"]):
        return k + 3
    if low[k : k + 2] == ["those", "of"]:
        return k + 2
    return k


def people_end(sent: Sent, start: int) -> int:
    """End of the people noun phrase after a count at start ("Cambodian soldiers", "detained members"); start if
    the phrase does not name people."""
    low = sent.lower
    j = start
    if j + 1 < len(sent) and low[j] == "of" and low[j + 1] in ("its", "their", "our", "his", "her", "them", "the"):
        j += 2  # "103 of its soldiers", "82 of the abducted schoolgirls"
        if j < len(sent) and low[j] == "own":
            j += 1  # "23 of their own forces"
    k = j
    while k < len(sent) and k - j < 5 and (sent.tags[k].startswith(("JJ", "NN", "VBN", "VBD")) or sent.words[k][:1].isupper()
                                          or sent.tags[k] == "VBG" and k == j or _noun_as_verb(sent, k)
                                          or _acronym_at(sent, k)):
        if _acronym_at(sent, k):
            j += 3  # "Nine Frontier Constabulary (FC) personnel": the bracketed short form is not a word of the phrase
            k += 3
            continue
        k += 1
        if low[k - 1] in _CAPTIVES or sent.is_personish(k - 1, k) or _agent_noun(sent, k - 1):
            if k < len(sent) and sent.tags[k].startswith("NN") and (sent.is_personish(k, k + 1) or _agent_noun(sent, k)):
                k += 1  # "a Moldovan police officer"
            return k
    return start


def _acronym_at(sent: Sent, k: int) -> bool:
    """True for a bracketed short form at token k: "(FC)"."""
    return (sent.words[k] == "(" and k + 2 < len(sent) and sent.words[k + 2] == ")" and sent.words[k + 1].isupper()
            and len(sent.words[k + 1]) <= 6)


def _noun_as_verb(sent: Sent, k: int) -> bool:
    """True for a noun the tagger read as a verb before a people noun ("border" in "Two Tajik border guards")."""
    return (sent.tags[k] in ("VB", "VBP") and sent.words[k].islower() and k + 1 < len(sent)
            and sent.tags[k + 1] in ("NNS", "NN") and sent.is_personish(k + 1, k + 2))


def _agent_noun(sent: Sent, k: int) -> bool:
    """True for a lower-case noun naming a person by what they do ("researcher", "activists", "trainee"), or a plural
    compound in "-men" ("boatmen", "tribesmen", "herdsmen")."""
    w = sent.lower[k]
    return (sent.tags[k] in ("NN", "NNS") and sent.words[k].islower() and len(w) > 5
            and (w.rstrip("s").endswith(("er", "or", "ist", "ian", "ee", "ant"))
                 or sent.tags[k] == "NNS" and w.endswith("men")))


def _rate(sent: Sent, e: int) -> bool:
    """True when the people phrase ending at e is a rate: "the bodies of 15 Palestinians for every deceased
    hostage"."""
    return sent.lower[e : e + 2] in (["for", "every"], ["for", "each"])


def _body_of_one(sent: Sent, k: int) -> NumberSpan | None:
    """One person whose body is handed over, told after "the body of" / "the remains of" at k: a name ("the body of
    Amadou Sow") or a singular people noun after "the" ("the body of the Sierra Leonean corporal")."""
    low, words, tags = sent.lower, sent.words, sent.tags
    if k + 1 < len(sent) and tags[k] == "NNP" == tags[k + 1] and words[k][:1].isupper() and words[k + 1][:1].isupper():
        return NumberSpan(k, k + 1, 1)
    if low[k] not in ("the", "a", "an") or k + 1 >= len(sent):
        return None
    end = k + 1
    while end < len(sent) and end - k <= 5 and (tags[end].startswith(("JJ", "NN")) or words[end][:1].isupper()):
        end += 1
    if end > k + 1 and tags[end - 1] == "NN" and (sent.is_personish(end - 1, end) or low[end - 1] in _ONE_NOUNS):
        return NumberSpan(k, k + 1, 1)
    return None


# Singular nouns of one serviceman or official that is_personish does not know ("the body of the corporal").
_ONE_NOUNS = frozenset("corporal sergeant soldier officer private lieutenant captain major colonel general guard "
                       "gendarme policeman pilot sailor marine conscript fighter militant commander".split())


def _named_one(sent: Sent, k: int) -> NumberSpan | None:
    """One named person after a descriptor noun: "U.S. citizen Ethan Caldwell", "Russian national Artyom B."."""
    low, tags, words = sent.lower, sent.tags, sent.words
    j = k
    while j < len(sent) and j - k < 3 and low[j] not in ("national", "citizen") and (
            tags[j] == "JJ" or (tags[j] == "NNP" and j + 1 < len(sent) and words[j + 1].islower())):
        j += 1
    if j + 2 >= len(sent) or not words[j].islower():
        return None
    if not (low[j] in ("national", "citizen") or tags[j] == "NN" and (sent.is_personish(j, j + 1) or _agent_noun(sent, j))):
        return None
    if all(words[t][:1].isupper() and tags[t] == "NNP" for t in (j + 1, j + 2)) and k not in sent.used:
        return NumberSpan(k, k + 1, 1)
    return None


def count_with_people(sent: Sent, k: int) -> NumberSpan | None:
    """The count at token k when people follow it: "18 Cambodian soldiers", "the bodies of 757 fallen soldiers",
    "an Iranian diplomat" (one), "U.S. citizen Ethan Caldwell" (one)."""
    low = sent.lower
    k0, k = k, skip_remains(sent, k)
    num = sent.count_at(k)
    if num is None and k > k0 and k not in sent.used:
        one = _body_of_one(sent, k)
        if one is not None:
            return one
    if num is not None:
        if num.start in sent.used or sent.is_year_token(num):
            return None
        if remains_after(low, num.end):
            return num
        e = people_end(sent, num.end)
        return num if e > num.end and not _rate(sent, e) else None
    if k + 1 < len(sent) and low[k] in ("a", "an", "one"):
        j = k + 1
        if low[j] in ("single", "lone", "former", "jailed", "detained"):
            j += 1
        end = people_end(sent, j)
        if end > j and (sent.tags[end - 1] in ("NN", "NNP") or sent.words[end - 1][:1].isupper()) and k not in sent.used:
            return NumberSpan(k, k + 1, 1)
    return _named_one(sent, k) if k < len(sent) else None


def _bare_count(sent: Sent, k: int) -> NumberSpan | None:
    """A count with no noun, ending its clause ("while Minsk freed five, among them ..."): the other side of a
    release told with its people in the same sentence."""
    num = sent.count_at(k)
    if num is None or num.start in sent.used or sent.is_year_token(num):
        return None
    nxt = sent.lower[num.end] if num.end < len(sent) else "."
    return num if nxt in (",", ".", ";", "in") else None


def _active(sent: Sent, c: int) -> tuple[NumberSpan | None, bool]:
    """The count a release verb at c hands over ("handed over 18 soldiers", "sent home three Venezuelans"), and
    whether it is a bare count with no people noun ("freed five,")."""
    low = sent.lower
    w = low[c]
    k = c + 1
    if w in _SEND:
        if k >= len(sent):
            return None, False
        if low[k] not in _HOME and not (low[k] == "across" and w in _RECEIVE):
            return _sent_back(sent, k), False
        k += 1  # "sent home three Venezuelans", "brought across the remains of seven Croats"
    elif k < len(sent) and low[k] in _PARTICLES:
        k += 1
        if k + 1 < len(sent) and low[k] == "to" and sent.words[k + 1][:1].isupper():
            k += 2  # "handed over to Serbia the remains of 11 people"
    if k < len(sent) and low[k] in _QUOTES:
        k += 1  # 'it had received "the remains of two soldiers"': the words quoted are the object
    if low[k : k + 2] in (["in", "turn"], ["in", "return"], ["in", "exchange"]):
        k += 2  # "receiving in turn eleven Azerbaijani citizens"
    if low[k : k + 2] in (["the", "last"], ["the", "remaining"], ["the", "final"]):
        k += 1  # "freed the last 20 living hostages"
    if k < len(sent) and low[k] in ("last", "remaining", "final"):
        k += 1  # "Bandits free last 23 captives"
    if low[k : k + 2] == ["those", "of"]:
        k += 2  # "received the remains of 17 servicemen and handed over those of five"
    j = k + 4
    while j < len(sent) and low[j] in ("its", "their", "own"):
        j += 1
    if low[k : k + 4] == ["the", "same", "number", "of"] and people_end(sent, j) > j:
        return NumberSpan(k, k + 3, SAME), False  # "received the same number of Russian soldiers in return"
    num = count_with_people(sent, k)
    if num is None:
        return _bare_count(sent, k), True
    e = people_end(sent, num.end)
    if e < len(sent) and low[e] == "and":
        more = count_with_people(sent, e + 1)  # "two French nationals and a German-Iranian dual citizen"
        if more is not None:
            return NumberSpan(num.start, more.end, num.value + more.value), False
    return num, False


def _sent_back(sent: Sent, k: int) -> NumberSpan | None:
    """The count of people at k that a sending verb sends home or back: "Taiwan sent four mainland Chinese crew
    members back across the strait"."""
    num = count_with_people(sent, k)
    if num is None:
        return None
    e = people_end(sent, num.end)
    return num if e < len(sent) and sent.lower[e] in _HOME else None


def _relative_after(sent: Sent, num: NumberSpan, e: int) -> bool:
    """True when a relative clause follows the count's people, which end at e ("46 residents of the Kursk
    region who had ...", "118 soldiers and civilians held by the RSF")."""
    if e <= num.end:
        return False
    low = sent.lower
    if e < len(sent) - 1 and sent.tags[e] == "VBG" and sent.tags[e + 1].startswith(("NN", "DT")):
        return True  # "two TPNPB members serving sentences for arson"
    return any(w in ("who", "that") for w in low[e : e + 6]) or any(
        (sent.tags[t] == "VBN" or sent.tags[t] == "VBD" and low[t].endswith("ed"))
        and low[t + 1] in ("by", "in", "at", "since", "during", "for")
        for t in range(e, min(e + 4, len(sent) - 1)))


def _in_name(sent: Sent, num: NumberSpan) -> bool:
    """True when a number is part of a name, between two capitalised words ("South 24 Parganas district")."""
    return (0 < num.start and num.end < len(sent) and sent.words[num.start - 1][:1].isupper()
            and sent.words[num.end][:1].isupper() and sent.tags[num.start - 1] == "NNP")


def _passive(sent: Sent, c: int) -> NumberSpan | None:
    """The count a passive release verb at c goes back to, across a long subject: "Forty-nine Congolese soldiers
    and police officers held by M23 rebels were released", "eight members of the gang, who had been held since
    last year, were freed", "the bodies of 909 people ... were repatriated", "a jailed basketball star was traded"."""
    low = sent.lower
    k = c
    while k > 0 and (low[k - 1] in AUX | {"also", "later", "then", "finally"} or low[k - 1] in _QUOTES
                     or _verb_adverb(sent, k - 1)):
        k -= 1  # (a quote may open inside the verb: 'had been "returned from ...')
    while k < c and _verb_adverb(sent, k):
        k += 1  # an adverb before the first auxiliary belongs to the subject's phrase or to no verb
    if k == c and not (low[c] == "regained" and low[c + 1 : c + 3] == ["their", "freedom"]):
        return None
    return _passive_subject(sent, k) or _subject_across_asides(sent, k)


# Adverbs of time or manner that may stand inside a passive verb ("were yesterday handed over", "had been quietly
# released"), never before its first auxiliary.
_VERB_ADVERBS = frozenset("yesterday today tonight now eventually subsequently".split())


def _verb_adverb(sent: Sent, t: int) -> bool:
    """True for an adverb at t that may stand between a passive verb's auxiliary and its participle."""
    w = sent.lower[t]
    return w in _VERB_ADVERBS or (sent.tags[t] == "RB" and w.endswith("ly") and sent.words[t].islower())


# Words that open an aside set off by commas inside a subject (", including four women,", ", most of them ...").
_ASIDE_OPEN = frozenset("who whom whose which that including among some many most all both mostly aged".split())
# How far back (in tokens) a subject's count may be from its verb when asides stand between.
_ASIDES_REACH = 40


def _participle(sent: Sent, t: int) -> bool:
    """True for a participle opening a reduced relative clause at t ("found in a forest", "missing since 2008",
    "held in Tskhinvali")."""
    return t < len(sent) and sent.words[t].islower() and (sent.tags[t] in ("VBN", "VBG") or (
        sent.tags[t] == "VBD" and t + 1 < len(sent) and sent.tags[t + 1] in ("IN", "TO", "RB")))


def _aside_opens(sent: Sent, t: int) -> bool:
    """True when token t opens an aside or a relative clause of a subject."""
    return t < len(sent) and (sent.lower[t] in _ASIDE_OPEN or _participle(sent, t) or _count_of_them(sent, t))


def _subject_across_asides(sent: Sent, k: int) -> NumberSpan | None:
    """The count of the subject ending at k when relative clauses and asides stand between it and its verb: "17
    Bangladeshi nationals, including four women and a minor, who had been apprehended ... were handed over", "the
    remains of three servicemen missing since the war, found in a forest near Eredvi, were repatriated". Each
    stretch between commas must open as an aside does (who, including, a participle ...), so a second clause with a
    verb of its own ("..., officials said they were freed") is no subject."""
    low = sent.lower
    for num in reversed(sent.numbers):
        if num.end > k or k - num.end > _ASIDES_REACH or sent.is_year_token(num) or _in_name(sent, num):
            continue
        if num.start in sent.used:
            return None
        bodies = low[num.start - 2 : num.start] in (["bodies", "of"], ["remains", "of"])
        if num.start > 0 and low[num.start - 1] in ("of", "including", "among", "the", "these", "those", "all") \
                and not bodies:
            continue  # a part told in an aside, or people already counted: look further back
        e = people_end(sent, num.end)
        if e == num.end and not bodies or not _opens_clause(sent, num.start - 2 if bodies else num.start):
            continue
        region = low[e:k]
        if not region or any(w in (";", ":") or w in _QUOTES for w in region):
            continue
        opens = [e] + [t + 1 for t in range(e, k) if low[t] == ","]
        if all(t == k or low[t] == "," or _aside_opens(sent, t) for t in opens) and "," in region:
            return num
    return None


_SAYING = frozenset("said says say told reported confirmed announced added according".split())


def _opens_clause(sent: Sent, k: int) -> bool:
    """True when the phrase at k opens its clause: no aside opener or verb (other than one of saying) between it and
    the comma or sentence start before it ("The victims, who included ... two elderly men," is no subject)."""
    t = k - 1
    while t >= 0 and sent.lower[t] != ",":
        if sent.lower[t] in _ASIDE_OPEN or (sent.tags[t].startswith("VB") and sent.lower[t] not in _SAYING):
            return False
        t -= 1
    return True


def _passive_subject(sent: Sent, k: int) -> NumberSpan | None:
    """The count of the subject ending at k (the first auxiliary of a passive release verb), the subject told with
    at most one aside."""
    low = sent.lower
    if k > 1 and low[k - 1] == ",":  # "..., who had been held since last year, were freed": skip the aside
        j = k - 2
        while j > 0 and k - j < 25:  # (an aside may list places: ", most of them from Kakdwip, Namkhana and ...,")
            if low[j] == "," and (low[j + 1] in ("who", "which", "some", "many", "most", "all", "including", "among",
                                                 "mostly", "both") or _count_of_them(sent, j + 1)):
                k = j
                break
            if low[j] == "," and not sent.words[j + 1][:1].isupper():
                break
            j -= 1
    for num in reversed(sent.numbers):
        if num.end > k:
            continue
        e = people_end(sent, num.end)
        if k - num.end > (30 if _relative_after(sent, num, e) else 12) or sent.is_year_token(num) or _in_name(sent, num):
            continue
        if num.start in sent.used:
            return None
        if any((low[t] in _CLAUSE_STOPS or low[t] == ",") and not _preposition(sent, t) for t in range(num.end, k)):
            return None
        if _rate(sent, e):
            return None
        if low[num.start - 2 : num.start] in (["bodies", "of"], ["remains", "of"], ["those", "of"]):
            return num  # "the bodies of 909 people", "while those of seven gunmen were returned"
        if num.start > 0 and low[num.start - 1] in ("of", "including", "among", "the", "these", "those", "all"):
            return None  # "among them four foreigners", "the 20 soldiers": a part, or people already counted
        if e > num.end or remains_after(low, num.end):
            return _listed_in(sent, num) or num
        if in_time_phrase(sent, num):
            continue  # "workers held for almost four months by ... have been released": look further back
        if not any(w in ("who", "that") for w in low[max(0, num.start - 12) : num.start]):
            return None
        # "Twenty-two fishermen who had spent up to six years in jail were handed over": look further back
    return _one_before(sent, k)


_ASIDE_OPENERS = frozenset({"-", "--", "–", "—", "("})


def _listed_in(sent: Sent, num: NumberSpan) -> NumberSpan | None:
    """The total a count is part of, when it sits in a list set off by a dash or bracket after the total ("nine
    Kyrgyz citizens - four border guards and five villagers ... - had been returned" gives nine for five)."""
    for total in sent.numbers:
        if total.end >= num.start:
            break
        d = people_end(sent, total.end)
        if d > total.end and d < num.start <= d + 8 and sent.lower[d] in _ASIDE_OPENERS:
            return total
    return None


_SPANS_OF_TIME = frozenset("hours days weeks months years decades".split())


def in_time_phrase(sent: Sent, num: NumberSpan) -> bool:
    """True for a count of time after a preposition ("for almost four months", "after two years")."""
    low = sent.lower
    if low[num.end : num.end + 1] and low[num.end] not in _SPANS_OF_TIME:
        return False
    j = num.start - 1
    while j >= 0 and low[j] in ("almost", "nearly", "about", "around", "over", "more", "than", "some", "up", "to"):
        j -= 1
    return j >= 0 and low[j] in ("for", "after", "in", "within", "over", "during", "than")


def _count_of_them(sent: Sent, k: int) -> bool:
    """True for an aside opening on a count of a part at k: ", nine of them fishermen,"."""
    num = sent.count_at(k) if k < len(sent) else None
    return num is not None and sent.lower[num.end : num.end + 2] in (["of", "them"], ["of", "whom"])


def _one_before(sent: Sent, k: int) -> NumberSpan | None:
    """One person named as the subject ending at k: "a jailed American basketball star was traded"."""
    low = sent.lower
    for j in range(k - 2, max(-1, k - 7), -1):
        if low[j] in ("a", "an") and (j == 0 or low[j - 1] not in ("of", "by", "for", "with", "to")):
            one = count_with_people(sent, j)
            return one if one is not None and people_end(sent, j + 1) == k else None
    return None


def _goes_home(low: list[str], c: int) -> bool:
    """True when the verb at c takes people out of custody with no object: "returning home", "going the other
    way", "walked out of prison", "crossed the bridge"."""
    w = low[c]
    if low[c + 1 : c + 2] == ["home"]:
        return True
    if w in _GOING and low[c + 1 : c + 4] == ["the", "other", "way"]:
        return True
    return w in _WALK_OUT and c + 1 < len(low) and low[c + 1] in _WALK_OUT[w]


def _come_home(sent: Sent, c: int) -> NumberSpan | None:
    """The people count before "returning home" / "came home": "with 150 service members returning home", "with
    eleven militants going the other way"."""
    low = sent.lower
    if not _goes_home(low, c):
        return None
    k = c
    while k > 0 and low[k - 1] in AUX:
        k -= 1
    for num in sent.numbers:
        if num.end >= k or num.start in sent.used or sent.is_year_token(num):
            continue
        e = people_end(sent, num.end)
        if e == k:
            return num
        if _relative_after(sent, num, e) and k - num.end <= 30 and "," not in sent.lower[num.end : k]:
            return num  # "seven Levies personnel who had been abducted ... last week returned home"
    return None


def _for_cue(low: list[str], c: int) -> bool:
    """True when "for" at c gives the other side of a swap: "in exchange for", "in return for", "traded, one for
    one, for"."""
    if c < 1:
        return False
    if low[c - 1] in _SWAP_NOUNS or low[c - 1] == "return":
        return True
    return low[c - 1] == "," and any(w in _SWAP_NOUNS for w in low[max(0, c - 6) : c])


_SECURE = frozenset("ordered orders secures secured secure won wins obtained welcomed welcomes celebrated completed "
                    "facilitated facilitates oversaw brokered mediated".split())


def _release_noun(sent: Sent, c: int) -> NumberSpan | None:
    """A release told as a noun after a verb of getting it: "secures return of 238 Venezuelans"."""
    low = sent.lower
    if low[c + 1 : c + 2] != ["of"] or c < 1:
        return None
    j = c - 1 if low[c - 1] != "the" else c - 2
    return count_with_people(sent, c + 2) if j >= 0 and low[j] in _SECURE else None


# Nouns for a deal whose outcome "saw" people go ("a similar handover at Likuangole saw 12 abductees returned").
_DEALS = frozenset("deal handover exchange swap arrangement".split())


def _saw_and(sent: Sent, num: NumberSpan | None) -> NumberSpan | None:
    """The second count of a deal that "saw" two groups go ("saw five Turkish Cypriots let go in the south and
    three Greek Cypriots returned from the north"), or None."""
    if num is None:
        return None
    low = sent.lower
    e = people_end(sent, num.end)
    for t in range(e, min(len(sent) - 1, e + 10)):
        if low[t] in _CLAUSE_STOPS or low[t] == ",":
            return None
        if low[t] == "and":
            more = count_with_people(sent, t + 1) or _bare_to(sent, t + 1)
            if more is not None and more.value != 1:
                return more
    return None


def _bare_to(sent: Sent, k: int) -> NumberSpan | None:
    """A bare count going somewhere, the second half of "saw 12 abductees returned to Pibor and eight to Bor"."""
    num = sent.count_at(k)
    if num is None or num.start in sent.used or sent.lower[num.end : num.end + 1] != ["to"]:
        return None
    return num if num.end + 1 < len(sent) and sent.words[num.end + 1][:1].isupper() else None


_FLOWN = frozenset({"flown"})


def _relative_passive(low: list[str], c: int) -> bool:
    """True when the passive verb at c opens a relative clause ("..., who were flown to Libreville"): its subject is
    the people named before, already counted by their own verb."""
    k = c
    while k > 0 and low[k - 1] in AUX:
        k -= 1
    return k > 0 and low[k - 1] in ("who", "which", "that", "whom")


def _to_a_place(sent: Sent, k: int) -> bool:
    """True when "to"/"into" and a capitalised name open at k ("flown to Basra"; not "flown to hospital")."""
    return (k + 1 < len(sent) and sent.lower[k] in ("to", "into") and sent.words[k + 1][:1].isupper()
            and sent.tags[k + 1].startswith("NNP"))


def _found(sent: Sent) -> list[tuple[NumberSpan, int, bool]]:
    """Every release in the sentence as (count, verb token, bare count), in the order found."""
    found: list[tuple[NumberSpan, int, bool]] = []
    low = sent.lower
    for c, w in enumerate(low):
        if w not in _FOUND_CUES:
            continue  # none of the tests below reads a release at this word
        num, bare = None, False
        if w in _ACTIVE or w in _SEND:
            num, bare = _active(sent, c)
            if num is not None and not bare and c > 0 and low[c - 1] in (",", "and") and found:
                prev = low[found[-1][1]]
                if (w in _RECEIVE) == (prev in _RECEIVE) and not found[-1][2]:
                    continue  # one side doing two things: "brings home 150 defenders, receives 909 bodies"
        if num is None and (w in _PASSIVE or w == "regained"):
            num, bare = _passive(sent, c), False
        if num is None and w in _SEND and low[c + 1 : c + 2] and low[c + 1] in _HOME:
            num, bare = _passive(sent, c), False  # "Twelve Pakistani sailors were brought back to Gwadar"
        if num is None and w in _FLOWN and _to_a_place(sent, c + 1) and not _relative_passive(low, c):
            num, bare = _passive(sent, c), False  # "Twelve Iraqi sailors ... were flown to Basra"
        if num is None and (w in _COME_HOME or w in _GOING or w in _WALK_OUT):
            num, bare = _come_home(sent, c), False
        if num is None and w == "for" and _for_cue(low, c):
            num, bare = count_with_people(sent, skip_release_of(low, c + 1)), False  # "in exchange for a single ..."
        if num is None and w == "saw" and _DEALS.intersection(low[max(0, c - 7) : c]):
            num, bare = count_with_people(sent, c + 1), False  # "in a deal that also saw 238 Venezuelans flown home"
            more = _saw_and(sent, num)
            if more is not None:  # "a similar deal saw five Turkish Cypriots let go ... and three Greek Cypriots returned"
                found.append((num, c, False))
                num = more
        if num is None and w in ("return", "release", "repatriation", "handover"):
            num, bare = _release_noun(sent, c), False
        if num is None and w == "set" and low[c + 1 : c + 2] == ["free"]:
            num, bare = _passive(sent, c) or count_with_people(sent, c + 2), False  # "were set free", "set free six"
        if num is None and w == "go" and c > 0 and low[c - 1] == "let":
            k = c + 2 if low[c + 1 : c + 2] == ["of"] else c + 1
            num, bare = count_with_people(sent, k), False  # "security agencies let go (of) seven men"
        if num is not None and all(num.start != x.start for x, _, _ in found):
            found.append((num, c, bare))
    return found


# Every word `_found` tests for a release at (each of its tests first asks for one of these).
_FOUND_CUES = (_ACTIVE | _SEND | _FLOWN | _PASSIVE | _COME_HOME | _GOING | frozenset(_WALK_OUT)
               | {"regained", "for", "saw", "return", "release", "repatriation", "handover", "set", "go"})


def releases(sent: Sent) -> list[NumberSpan]:
    """Every count of people the sentence says were handed over, in text order, including an elliptic second
    side ("with Cambodia receiving 11 bodies and Thailand three", "while Minsk freed five")."""
    low = sent.lower
    found = _found(sent)
    if all(bare for _, _, bare in found):
        return []  # a bare count is only ever the second side of a release told with its people
    out = [num for num, _, _ in found]
    if len(out) == 1:
        first = out[0]
        for k in range(first.end, len(sent) - 2):
            if low[k] == "and" and sent.words[k + 1][:1].isupper():
                j = k + 1
                while j < len(sent) and j - k <= 3 and sent.words[j][:1].isupper():
                    j += 1
                if low[j : j + 2] == ["those", "of"]:
                    j += 2  # "Serbia returned the remains of five people and Croatia those of eight"
                num = sent.count_at(j)
                if num is not None and (num.end == len(sent) or low[num.end] in (".", ",", ";")):
                    out.append(num)  # "and Thailand three."
                break
    return sorted(out, key=lambda n: n.start)


# A headline that tells two releases joined as one event: "Bandits free 31 villagers after govt releases eight gang
# members", "Pakistan frees 22 Indian fishermen; 13 Pakistanis return via Wagah", "ISWAP frees three aid workers as four
# detainees walk out of Giwa barracks". The first verb may not open the headline ("Freed hostage returns home").
_HEAD_RELEASE = (r"(?:free[sd]?|releas(?:e|es|ed|ing)|lets? go|hand(?:s|ed|ing)? (?:over|back)|returns?|returned|"
                 r"repatriat\w*|walk(?:s|ed)? (?:out|free)|(?:get|gets|granted|given) bail)")
_TWO_WAY = re.compile(r"\w.*?\b" + _HEAD_RELEASE + r"\b.*?(?:\bafter\b|\bas\b|\bwhile\b|;|\band\b|,).*?\b"
                      + _HEAD_RELEASE + r"\b")


@lru_cache(maxsize=256)
def _two_way_text(headline: str) -> bool:
    """`two_way_headline` on the headline's lower-cased text."""
    return _TWO_WAY.match(headline) is not None


# The most tokens a headline has; a headline ends with no full stop.
_HEADLINE_TOKENS = 25


def two_way_headline(sents: Sequence[Sent]) -> bool:
    """True when the headline (a first sentence told as a headline: short, no full stop) tells two releases as one
    event, the two sides of a swap."""
    return (len(sents) > 1 and len(sents[0]) <= _HEADLINE_TOKENS and sents[0].words[-1] not in (".", "!")
            and _two_way_text(sents[0].lowtext))


def _context(sents: Sequence[Sent], i: int) -> bool:
    """True when sentence i sits in a passage about a swap (itself, two before, one after, or the headline, also a
    headline telling two releases)."""
    if two_way_headline(sents):
        return True
    for k in (0, *range(max(0, i - 2), min(len(sents), i + 2))):
        lt = sents[k].lowtext
        if any(w in lt for w in SWAP_CONTEXT):
            return True
    return False


def answers(sent: Sent) -> bool:
    """True when the sentence says its release answers another one ("in return", "in turn", "reciprocal")."""
    return any(c in sent.lowtext for c in ANSWER_CUES)


def _remains_both(sent: Sent, counts: list[NumberSpan]) -> bool:
    """True when the first two counts are both of bodies or remains ("Hamas hands over remains of two hostages;
    Israel returns bodies of 30 Palestinians"): bodies handed over both ways are an exchange."""
    low = sent.lower
    return bool(counts) and all(is_remains(sent, n) for n in counts[:2])


def nation_words(sent: Sent, n: NumberSpan) -> set[str]:
    """The capitalised words of the people a count names ("Indian" in "22 Indian fishermen")."""
    return {w.rstrip("s") for w in sent.words[n.end : people_end(sent, n.end)] if w[:1].isupper()}


def _nations_differ(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when counts a and b name people of different nations ("22 Indian fishermen" and "14 Pakistani
    prisoners", "two Greek Cypriots" and "four Turkish Cypriots")."""
    x, y = nation_words(first, a), nation_words(second, b)
    return bool(x - y) and bool(y - x)


def _sides_differ(sent: Sent, counts: list[NumberSpan]) -> bool:
    """True when the first two counts name people of different nations, or are handed over by differently named
    sides ("22 Indian fishermen ... while 14 Pakistani prisoners were repatriated", "The Turkish Cypriot
    authorities released two ..., while the Republic freed four"): two handovers between two sides are a swap."""
    return len(counts) >= 2 and (_nations_differ(sent, counts[0], sent, counts[1])
                                 or _other_agent(sent, counts[0], sent, counts[1]))


_CALENDAR = WEEKDAYS | MONTHS


def _verb_of(sent: Sent, num: NumberSpan) -> int:
    """The token of the release verb that hands over `num`; -1 if none does."""
    return next((c for n, c, _ in _found(sent) if n.start == num.start), -1)


def agent_names(sent: Sent, num: NumberSpan) -> set[str]:
    """The names in the subject of the active release verb that hands over `num` ("Damascus" in "Hours later,
    Damascus freed 95 detainees"); empty when the release is passive, a receipt or has no named subject."""
    verb = _verb_of(sent, num)
    if verb < 0 or sent.lower[verb] not in _ACTIVE or sent.lower[verb] in _RECEIVE:
        return set()
    low = sent.lower
    start = clause_start(low, verb)
    if start == verb and start > 1 and low[start - 1] == ",":
        aside = clause_start(low, start - 1, _COMMA)  # "Pakistan, for its part, handed over 19 ...": the subject
        if aside > 1 and " ".join(low[aside : start - 1]) in _ASIDE_CUES:  # is before the aside
            return proper_names(sent, clause_start(low, aside - 1), aside - 1)
    return proper_names(sent, start, verb)


# Words that end the clause before a verb, looking back for its subject.
SUBJECT_STOPS = frozenset({",", ";", ":", "and", "while", "as"})
_COMMA = frozenset({","})


def clause_start(low: list[str], k: int, stops: frozenset[str] = SUBJECT_STOPS) -> int:
    """The first token of the clause that ends before token k: just after the nearest word of `stops` before it."""
    while k > 0 and low[k - 1] not in stops:
        k -= 1
    return k


# Asides between a subject and its release verb ("Pakistan, for its part, handed over").
_ASIDE_CUES = frozenset({"for its part", "for their part", "in turn", "in return", "meanwhile", "for its side"})


def proper_names(sent: Sent, start: int, end: int) -> set[str]:
    """The capitalised proper names among tokens [start, end), leaving out days and months."""
    return {sent.words[t] for t in range(start, end)
            if sent.tags[t].startswith("NNP") and sent.lower[t] not in _CALENDAR and sent.words[t][:1].isupper()}


def _other_agent(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when two consecutive releases are done by differently named sides: the two halves of a swap."""
    x, y = agent_names(first, a), agent_names(second, b)
    return bool(x) and bool(y) and x.isdisjoint(y)


def _told_again(sents: Sequence[Sent], i: int, pending: list[tuple[int, NumberSpan]]) -> list[tuple[int, NumberSpan]]:
    """The earlier release the sentence before i tells again ("The seven Lebanese detainees ... were received at
    Naqoura. Israel, in return, received ..."; "The officers ... were handed over"), as [(sentence, count)]."""
    if i == 0 or not pending:
        return []
    prev = sents[i - 1]
    low = prev.lower
    if low[:1] != ["the"] or not _PASSIVE.intersection(low) and "received" not in low:
        return []
    num = prev.count_at(1)
    start = num.end if num is not None else 1
    head = people_end(prev, start)
    if head == start:
        return []
    noun = low[head - 1]
    for j, n in reversed(pending):
        if num is not None:
            same = n.value == num.value
        else:
            end = people_end(sents[j], n.end)
            same = end > n.end and sents[j].lower[end - 1] == noun
        if same and i - j <= 12:
            return [(j, n)]
    return []


def same_agent(first: Sent, a: NumberSpan, second: Sent, b: NumberSpan) -> bool:
    """True when two releases are done by the same named side: one side releasing twice, not a swap."""
    return bool(agent_names(first, a) & agent_names(second, b))


def _paired(sents: Sequence[Sent], i: int, counts: list[NumberSpan]) -> bool:
    """True when sentence i's first two releases are the two sides of one swap: it says so, the passage is about a
    swap, bodies went both ways, or the two counts are of different nations."""
    s = sents[i]
    return len(counts) >= 2 and (answers(s) or _context(sents, i) or _remains_both(s, counts) or _sides_differ(s, counts))


def _each_side(sent: Sent, num: NumberSpan) -> bool:
    """True when both sides hand over the same count: "saw each side release 30 prisoners", "both sides freed 12"."""
    verb = _verb_of(sent, num)
    low = sent.lower
    return verb >= 2 and low[verb] in _ACTIVE and low[verb - 2 : verb] in (["each", "side"], ["both", "sides"])


def exchange_fact(first: Sent, a: NumberSpan, last: Sent, b: NumberSpan) -> Fact:
    """An exchange of counts a (in first) and b (in last), evidence from the start of first to the end of last."""
    first.used.update(range(a.start, a.end))
    last.used.update(range(b.start, b.end))
    if a.value == SAME:
        a = b
    if b.value == SAME:
        b = a
    what = "prisoners" if "prisoner" in first.lowtext + last.lowtext else ""
    return Fact("exchange", Span(first.span.start, last.span.end), {"counts": [a.value, b.value], "what": what})


def two_releases(sents: Sequence[Sent], i: int) -> list[Fact]:
    """An exchange told as two releases in sentence i of a passage about a swap ("Thailand handed over 18
    soldiers, while Cambodia released four"); [] when there are not two."""
    s = sents[i]
    if not _triggered(s):
        return []
    counts = releases(s)
    if _paired(sents, i, counts):
        return [exchange_fact(s, counts[0], s, counts[1])]
    if len(counts) == 1 and counts[0].value == 1 and "one-for-one" in s.lowtext:
        return [exchange_fact(s, counts[0], s, counts[0])]  # "in a one-for-one exchange, the BSF handed over a jawan"
    return []


# How many sentences back a release told as an answer ("The government, for its part, freed 23 ...") may look for
# the release it answers.
_ANSWER_REACH = 6
_TRIGGERS = ("releas", "free", "hand", "return", "repatriat", "receiv", "sen", "flew", "flown", "brought", "bring",
             "transferr", "passed", " home", " saw ", "traded", "swapped", "exchanged", "given ", "let go", "walk",
             "crossed")


def _triggered(s: Sent) -> bool:
    """True when the sentence holds one of `_TRIGGERS`."""
    return s.has_cue("release_pairs._TRIGGERS", _TRIGGERS)


def _told_back(sent: Sent, num: NumberSpan, pending: list[tuple[int, NumberSpan]]) -> bool:
    """True when the answering count names the people of a pending release again ("... released in exchange for the
    two hostages" after "Two aid workers have been freed"): the sentence tells both sides itself."""
    return num.start > 0 and sent.lower[num.start - 1] in ("the", "these", "those") and any(
        n.value == num.value for _, n in pending)


# The two sides told as one subject: what they hand over is a total of both sides, not one side.
BOTH_SIDES = re.compile(r"\b(?:the two|both) (?:sides|forces|countries|governments|parties|armies|nations|delegations)\b")


def add_pairs(facts: list[Fact], sents: Sequence[Sent]) -> list[Fact]:
    """The exchange facts the sentence rules missed, merged into `facts` in text order; the one-sided counts
    they pair up are dropped from `facts`."""
    covered = covered_sentences([f.evidence for f in facts if f.kind == "exchange"], sents)
    found: list[Fact] = []
    pending: list[tuple[int, NumberSpan]] = []  # one-sided releases still unanswered: (sentence, count)
    for i, s in enumerate(sents):
        span = s.span
        if i in covered:
            pending.clear()
            continue
        try:
            if not _triggered(s):
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
        if _paired(sents, i, counts):
            found.append(exchange_fact(s, counts[0], s, counts[1]))
            pending.clear()
            continue
        if len(counts) == 1 and _each_side(s, counts[0]):
            found.append(exchange_fact(s, counts[0], s, counts[0]))  # "A similar deal saw each side release 30 prisoners"
            pending.clear()
            continue
        if len(counts) == 1 and _remains_both(s, counts) and pending and pending[-1][0] == i - 1 \
                and _remains_both(sents[i - 1], [pending[-1][1]]):
            j, n = pending[-1]  # "Ukraine received the bodies of 757 fallen defenders. Russia was given 34 bodies."
            found.append(exchange_fact(sents[j], n, s, counts[0]))
            pending.clear()
            continue
        if len(counts) == 1 and pending and pending[-1][0] == i - 1 and _context(sents, i) \
                and _other_agent(sents[i - 1], pending[-1][1], s, counts[0]):
            j, n = pending[-1]  # "The SDF released 146 people ..." then "Hours later, Damascus freed 95 detainees"
            found.append(exchange_fact(sents[j], n, s, counts[0]))
            pending.clear()
            continue
        if len(counts) == 1 and pending and i - pending[-1][0] <= 2 and _context(sents, i) \
                and _nations_differ(sents[pending[-1][0]], pending[-1][1], s, counts[0]):
            j, n = pending[-1]  # "... had handed over seven Tajik servicemen." then "nine Kyrgyz citizens ... had been returned"
            found.append(exchange_fact(sents[j], n, s, counts[0]))
            pending.clear()
            continue
        if len(counts) == 1 and answers(s) and not _told_back(s, counts[0], pending):
            back = [(j, n) for j, n in pending if i - j <= _ANSWER_REACH and not (j == 0 and n.value == counts[0].value)
                    ] or _told_again(sents, i, pending)  # (the headline's count told again by the body is no side)
            if back:
                j, n = back[-1]
                found.append(exchange_fact(sents[j], n, s, counts[0]))
                pending.clear()
                continue
        if len(counts) == 1 and BOTH_SIDES.search(s.lowtext):
            pending.clear()  # "The two sides also handed back the remains of three people": a total, then its parts
        elif len(counts) == 1:
            pending.append((i, counts[0]))
    if not found:
        return facts
    spans = [f.evidence for f in found]
    kept = [f for f in facts if not (f.kind == "quantity" and any(within(f.evidence, e) for e in spans))]
    return sorted(kept + found, key=lambda f: f.evidence.start)
