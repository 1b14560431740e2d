"""Exchange facts: prisoner swaps and trades ("20 Ukrainian service personnel were exchanged for 20 ...")."""

from __future__ import annotations

from reader.document import Document, Fact, Span
from reader.nlp.facts.base import AUX, Sent
from reader.nlp.facts.lead_pairs import add_lead_answer
from reader.nlp.facts.loose_pairs import add_loose
from reader.nlp.facts.mirror_pairs import add_mirrored
from reader.nlp.facts.named_lists import forget as forget_names
from reader.nlp.facts.release_pairs import (
    add_pairs,
    count_with_people,
    nation_words,
    people_end,
    same_agent,
    skip_release_of,
    skip_remains,
    two_releases,
    within,
)
from reader.nlp.facts.roles import ROLE_NOUNS
from reader.nlp.numbers import NumberSpan

CUES = frozenset("exchanged exchange swapped swap swaps exchanges traded handed freed released returned return free "
                 "release".split())
STRONG = ("exchang", "swap", "traded", "in return", "prisoner", "hostage", "captive", "while receiving", "while handing",
          "one-for-one", "repatriat", "in turn", "in a deal", "under a deal", "part of a deal", "bodies", "remains",
          "reciprocal", "each side")
_TRADE_NOUNS = frozenset(
    "prisoners prisoner pows captives detainees hostages soldiers troops personnel servicemen fighters "
    "civilians people bodies players inmates nationals citizens defenders servicemembers marines sailors "
    "militants rebels members".split()
)


def _noun(sent: Sent, e: int) -> tuple[int, str]:
    """End and text of the noun phrase after a count ("Ukrainian service personnel")."""
    end = sent.noun_run(e)
    # "prisoners of war"
    if end > e and end + 1 < len(sent) and sent.lower[end] == "of" and sent.lower[end + 1] == "war":
        end += 2
    return end, sent.slice(e, end)


def _people(sent: Sent, i: int, j: int) -> bool:
    """True if tokens [i, j) (a count's noun phrase) are people or prisoners; "of war" allowed."""
    while j > i and sent.lower[j - 1] in ("war", "of"):
        j -= 1
    return j > i and (sent.lower[j - 1] in _TRADE_NOUNS or sent.is_personish(i, j))


def _what(first: str, second: str, sent: Sent) -> str:
    if first and second and first.lower() != second.lower():
        return f"{first} / {second}"
    if first or second:
        return first or second
    return "prisoners" if "prisoner" in sent.lowtext else ""


def _count_after(sent: Sent, k: int) -> NumberSpan | None:
    """The count starting at token k; "a soldier", "a single pilot", "one detainee" count one."""
    n = sent.count_at(k)
    if n is None and k + 1 < len(sent) and sent.lower[k] in ("a", "an"):
        j = k + 1
        while j < len(sent) and j - k < 4 and (sent.lower[j] in ("single", "lone", "sole") or sent.tags[j].startswith("JJ")
                                               or (sent.words[j][:1].isupper() and sent.tags[j] == "NNP")):
            j += 1
        while j + 1 < len(sent) and j - k < 5 and sent.tags[j] == "NN" and sent.tags[j + 1] == "NN":
            j += 1  # "an aid worker"
        if j < len(sent) and sent.tags[j] == "NN" and sent.is_personish(j, j + 1) and k not in sent.used:
            return NumberSpan(k, k + 1, 1)
    if n is None or n.start in sent.used:
        return None
    return n


def _second(sent: Sent, k: int) -> tuple[NumberSpan | None, int]:
    """The second count after "for", "in exchange for", "in return for" starting near token k."""
    low = sent.lower
    n = len(sent)
    j = k
    while j < n and j - k < 4 and low[j] not in ("for",):
        if low[j] in (".", ";"):
            return None, k
        j += 1
    if j < n and low[j] == "for":
        c = _count_after(sent, j + 1)
        if c is not None:
            return c, c.end
    return None, k


def _each(sent: Sent, e: int) -> bool:
    """True when "each" / "on each side" / "from each side" follows within a few tokens."""
    window = sent.lower[e : e + 6]
    return "each" in window or "apiece" in window or ("per" in window and "side" in window)


def _plain_noun(sent: Sent, e: int) -> int:
    """End of the adjectives/nouns right after a count ("Ukrainian soldiers"), stopping at verbs."""
    j = e
    while j < len(sent) and j - e < 4 and sent.tags[j].startswith(("JJ", "NN")) and sent.lower[j] not in ("for", "in"):
        j += 1
        if sent.lower[j - 1] in _TRADE_NOUNS or sent.is_personish(j - 1, j):
            break  # "230 Ukrainians return home": the people noun ends the phrase
    while j > e and not sent.tags[j - 1].startswith("NN"):
        j -= 1
    return j


def _is_for_cue(low: list[str], f: int) -> bool:
    """True when "for" at f closes "in exchange for", "in return for", "exchanged/swapped/traded for"."""
    if f >= 2 and low[f - 2] == "in" and low[f - 1] in ("exchange", "return", "swap"):
        return True
    return f >= 1 and low[f - 1] in ("exchanged", "swapped", "traded", "exchange", "swap")


_ASIDE = frozenset({"including", "among", "mostly", "mainly", "incl", "notably", "of"})


def _in_aside(sent: Sent, i: int) -> bool:
    """True when the count at token i opens a parenthetical part of an earlier count: ", including two Italians"."""
    low = sent.lower
    k = i - 1
    if k >= 1 and low[k] == "them" and low[k - 1] in ("among", "of"):
        k -= 1  # ", among them three children"
    return k >= 1 and low[k] in _ASIDE and sent.words[k - 1] in (",", "(", "–", "—", "-", "--") and any(
        not sent.is_year_token(n) and n.end <= k - 1 for n in sent.numbers)


def _past_possessive(low: list[str], k: int) -> int:
    """The token after "of its/their/our/his/her" at k ("84 of its soldiers"); k when there is none."""
    if k + 1 < len(low) and low[k] == "of" and low[k + 1] in ("its", "their", "our", "his", "her"):
        return k + 2
    return k


_FREED = frozenset("freed released handed returned repatriated".split())


def _sets_of_remains(sent: Sent, start: int) -> int:
    """End of "sets of (Paraguayan) remains" at start, or start when the words are not there."""
    low = sent.lower
    if start + 2 < len(sent) and low[start] == "sets" and low[start + 1] == "of":
        for j in range(start + 2, min(start + 5, len(sent))):
            if low[j] == "remains":
                return j + 1
    return start


def _one_person(sent: Sent, k: int) -> NumberSpan | None:
    """One person named by a singular noun phrase at k: "a German priest", "the president of the commission"."""
    low = sent.lower
    if k >= len(sent) or low[k] not in ("a", "an", "the") or k in sent.used:
        return None
    j = k + 1
    while j < len(sent) and j - k < 4 and (sent.tags[j].startswith("JJ") or (sent.words[j][:1].isupper() and sent.tags[j] == "NNP")):
        j += 1
    if j < len(sent) and sent.tags[j] == "NN" and (sent.is_personish(j, j + 1) or low[j] in ROLE_NOUNS) and not (
            j + 1 < len(sent) and sent.tags[j + 1].startswith("NN")):
        return NumberSpan(k, k + 1, 1)
    return None


def _first_side(sent: Sent, cue: int) -> tuple[NumberSpan, int] | None:
    """The count of people before an exchange cue at token cue: "freed 215 people held in Russia in exchange for";
    further back (up to 24 tokens) only when a release verb lies between; else "freed a German priest"."""
    low = sent.lower
    for num in reversed(sent.numbers):
        if num.end > cue or num.start in sent.used or sent.is_year_token(num):
            continue
        if cue - num.end > 12 and not (cue - num.end <= 24 and any(low[k] in _FREED for k in range(num.end, cue))):
            continue
        if any(low[k] in (";", ":", "for") for k in range(num.end, cue)):
            break
        if _in_aside(sent, num.start):
            continue  # "eight hostages, including two Italians, were freed": the aside's count is a part
        start = _past_possessive(low, num.end)  # "84 of its soldiers"
        if num.end < start < len(sent) and low[start] == "own":
            start += 1
        remains = _sets_of_remains(sent, start)
        if remains > start:
            return num, remains
        end = _plain_noun(sent, start)
        if _people(sent, start, end):
            return num, end
    for k in range(cue - 1, max(-1, cue - 13), -1):
        if low[k] in (";", ":", "exchanged", "swapped", "traded"):
            return None
        if low[k] in ("freed", "released"):
            one = _one_person(sent, k + 1)
            if one is not None:
                return one, _plain_noun(sent, k + 2)
            return None
    return None


def _for_anchored(sent: Sent) -> list[Fact]:
    """ "N X <anything short> in exchange for M Y", "N X are to be exchanged for M Y"."""
    low = sent.lower
    for f, w in enumerate(low):
        if w != "for" or not _is_for_cue(low, f):
            continue
        cue = f - 2 if low[f - 2] == "in" else f - 1
        first = _first_side(sent, cue)
        if first is None:
            continue
        num, end = first
        what1 = sent.slice(num.end, end)
        if low[f + 1 : f + 4] == ["the", "same", "number"]:
            tail = f + 4
            if tail < len(sent) and low[tail] == "of":
                tail += 1
            end2 = _plain_noun(sent, tail)
            sent.used.update(range(num.start, num.end))
            return [Fact("exchange", sent.span, {"counts": [num.value, num.value], "what": _what(what1, sent.slice(tail, end2), sent)})]
        after = skip_release_of(low, f + 1)  # "in return for the release of six of their fighters"
        second = _count_after(sent, after)
        if second is None and skip_remains(sent, after) > after:
            second = count_with_people(sent, after)  # "in exchange for the body of the Sierra Leonean corporal"
            if second is not None and second.value == 1:
                sent.used.update(range(num.start, num.end))
                what = _what(what1, sent.slice(second.end, people_end(sent, second.end)), sent)
                return [Fact("exchange", sent.span, {"counts": [num.value, 1], "what": what})]
        if second is None:
            second = _one_person(sent, after)  # "in return for the release of the president of ..."
            if second is None:
                continue
            tail2 = end2 = _plain_noun(sent, after + 1)
        else:
            tail2 = _past_possessive(low, second.end)  # "six of their fighters"
            end2 = max(_plain_noun(sent, tail2), _sets_of_remains(sent, tail2))
        if end2 > tail2 and not (_people(sent, tail2, end2) or low[end2 - 1] in ("ones", "remains")):
            continue
        sent.used.update(range(num.start, num.end))
        sent.used.update(range(second.start, second.end))
        what = _what(what1, sent.slice(tail2, end2), sent)
        return [Fact("exchange", sent.span, {"counts": [num.value, second.value], "what": what})]
    return []


_RELEASE = frozenset("released freed returned handed handing receiving received getting got exchanged swapped "
                     "release releases releasing free frees freeing hand hands repatriated repatriating "
                     "flew flown transferred transferring bused bussed".split())
_RETURN_CUES = ("in exchange", "in return", "while receiving", "while handing", "and received", "in a swap", "each released",
                "each freed", "one-for-one", " while ", "in turn", "in a deal", "under a deal", "part of a deal",
                "in a trade", "reciprocal")
# Verbs a count of people comes before in the passive: "34 bodies were handed over", "150 servicemen had been returned".
_PASSIVE_RELEASE = frozenset("released freed returned handed repatriated transferred exchanged swapped flown".split())


def _release_count(sent: Sent, c: int) -> NumberSpan | None:
    """The count of people right after a release verb ("freed 39 Palestinian prisoners", "handed over 6")."""
    k = c + 1
    if k < len(sent) and sent.lower[k] in ("over", "back", "home"):
        k += 1
    num = _count_after(sent, skip_remains(sent, k))  # "received the bodies of 909 soldiers"
    if num is None:
        return None
    end = _plain_noun(sent, num.end)
    if end > num.end and not _people(sent, num.end, end):
        return None
    tail = sent.lower[num.end : num.end + 5]
    if any(a in ("a", "per", "each", "every") and b in _PERIODS for a, b in zip(tail, tail[1:])):
        return None  # "release 10 hostages a day", "30 prisoners for each day": a rate, not one handover
    return num


_PERIODS = frozenset("day week month night year".split())


def _passive_count(sent: Sent, c: int) -> NumberSpan | None:
    """The count of people before a passive release verb at c: "34 bodies were handed over", "150 Russian
    servicemen had been returned"."""
    low = sent.lower
    k = c
    while k > 0 and low[k - 1] in ("been", "be", "being", "were", "was", "had", "have", "has", "are", "also", "later"):
        k -= 1
    if k == c or k < 2 or low[k - 1] in ("been", "be"):
        return None
    if low[k - 1] == ",":  # "Seventy-five civilians, some of whom had been held since 2022, were returned home"
        j = k - 2
        while j > 0 and k - j < 14 and low[j] != ",":
            j -= 1
        if j > 0 and low[j] == "," and low[j + 1] in ("some", "many", "most", "all", "who", "which", "including", "among"):
            k = j
    for num in sent.numbers:
        if num.end < k and num.start not in sent.used and not sent.is_year_token(num) and not _in_aside(sent, num.start):
            start = _past_possessive(low, num.end)  # "90 of its servicemen"
            end = _plain_noun(sent, start)
            if end == k and end > start and _people(sent, start, end):
                return num
    return None


def _releases(sent: Sent) -> list[NumberSpan]:
    """The people counts a sentence says were released, in text order: "freed 246 people", "34 bodies were
    handed over"."""
    counts: list[NumberSpan] = []
    for c, w in enumerate(sent.lower):
        num = None
        if w in _RELEASE:
            num = _release_count(sent, c)
        if num is None and w in _PASSIVE_RELEASE:
            num = _passive_count(sent, c)
        if num is not None and all(num.start != x.start for x in counts):
            counts.append(num)
    return sorted(counts, key=lambda n: n.start)


def _trade_noun_after(sent: Sent, num: NumberSpan) -> bool:
    """Whether the count's noun phrase is one of the people swaps trade (hostages, prisoners, soldiers ...)."""
    start = _past_possessive(sent.lower, num.end)
    end = _plain_noun(sent, start)
    return end > start and sent.lower[end - 1] in _TRADE_NOUNS


def _two_sided(sent: Sent) -> list[Fact]:
    """ "X released 13 hostages, and Y freed 39 prisoners in exchange", "handed over 6 while receiving 9",
    "a one-for-one swap"."""
    lt = sent.lowtext
    low = sent.lower
    cued = any(cue in lt for cue in _RETURN_CUES)
    if not cued and not any(w in ("and", ",", "while", "after") for w in low):
        return []
    counts = _releases(sent)
    if not cued and not (len(counts) == 2 and all(_trade_noun_after(sent, n) for n in counts)):
        return []  # "Hamas freed three hostages and Israel released 183 prisoners": two handovers of captives
    if len(counts) == 2:
        for num in counts:
            sent.used.update(range(num.start, num.end))
        return [Fact("exchange", sent.span, {"counts": [counts[0].value, counts[1].value], "what": _what("", "", sent)})]
    if not counts and "one-for-one" in lt and any(w in ("swap", "swapped", "exchange", "exchanged", "deal") for w in low):
        if not any(not sent.is_year_token(x) for x in sent.numbers):
            return [Fact("exchange", sent.span, {"counts": [1, 1], "what": _what("", "", sent)})]
    return []


def extract(sent: Sent) -> list[Fact]:
    """Exchange facts in one sentence."""
    if not sent.has_cue("exchanges.STRONG", STRONG) or not sent.numbers:
        return []
    lt = sent.lowtext
    anchored = _for_anchored(sent)
    if anchored:
        return anchored
    two = _two_sided(sent)
    if two:
        return two
    low = sent.lower
    n = len(sent)
    for c, w in enumerate(low):
        if w not in CUES:
            continue
        if w in ("handed", "freed", "released", "returned", "return", "free", "release") and not (
                "exchange" in lt or "in return" in lt or "swap" in lt):
            continue
        # 1) "N X were exchanged for M Y": count before the cue
        for num in reversed(sent.numbers):
            if num.end > c or num.start in sent.used or sent.is_year_token(num):
                continue
            end, what1 = _noun(sent, num.end)
            k = end
            while k < c and low[k] in AUX:
                k += 1
            if k != c or not what1 or not _people(sent, num.end, end):
                break
            second, _ = _second(sent, c + 1)
            if second is None and not _each(sent, c + 1):
                if not (low[end - 1] in _TRADE_NOUNS):
                    break
                counts = [num.value, None]
                what = what1
            else:
                what2 = _noun(sent, second.end)[1] if second is not None else ""
                if second is not None and what2 and not _people(sent, second.end, _noun(sent, second.end)[0]):
                    break
                counts = [num.value, second.value if second is not None else num.value]
                what = _what(what1, what2, sent)
            sent.used.update(range(num.start, num.end))
            if second is not None:
                sent.used.update(range(second.start, second.end))
            return [Fact("exchange", sent.span, {"counts": counts, "what": what})]
        # 2) "swapped 50 prisoners for 48", "freed 215 ... in exchange for 55", "a swap involving 100 on each side"
        k = c + 1
        if k < n and low[k] in ("of", "involving", "involved", "included", "saw", "that", "which", "including"):
            k += 1
            if k < n and low[k] in ("saw", "freed", "returned", "involved"):
                k += 1
        first = _count_after(sent, skip_remains(sent, k))
        if first is None:
            continue
        end, what1 = _noun(sent, first.end)
        if what1 and not _people(sent, first.end, end):
            if w not in ("traded",):
                continue
        second = None
        # the "for" may come after a short tail ("freed 215 people held in Russia in exchange for 55")
        j = end
        while j < n and j - end < 10 and low[j] not in ("for", ".", ";"):
            j += 1
        if j < n and low[j] == "for":
            second = _count_after(sent, j + 1)
        if second is not None:
            end2, what2 = _noun(sent, second.end)
            if what2 and not _people(sent, second.end, end2) and w != "traded":
                continue
            counts = [first.value, second.value]
            what = _what(what1, what2, sent)
        elif _each(sent, end) or (c > 0 and low[c - 1] == "each"):
            counts = [first.value, first.value]
            what = _what(what1, "", sent)
        elif what1 or "prisoner" in lt:
            counts = [first.value, None]
            what = _what(what1, "", sent)
        else:
            continue
        sent.used.update(range(first.start, first.end))
        if second is not None:
            sent.used.update(range(second.start, second.end))
        return [Fact("exchange", sent.span, {"counts": counts, "what": what})]
    return []


_BROUGHT = frozenset("brought freed released returned repatriated rescued".split())


def _one_side(sent: Sent) -> NumberSpan | None:
    """The people count of a one-way release: "brought home 157 defenders", "freed 40 hostages" (a count this
    sentence reported as one side of an exchange is still one)."""
    used = sent.used
    sent.used = set()
    try:
        for c, w in enumerate(sent.lower):
            if w in _BROUGHT:
                num = _release_count(sent, c)
                if num is not None:
                    return num
        found = _releases(sent)  # "the remains of 14 soldiers were handed to the army"
        return found[0] if len(found) == 1 else None
    finally:
        sent.used = used


_SWAP_WORDS = frozenset("exchange exchanges exchanged swap swaps swapped trade traded repatriation repatriated "
                        "handover handovers".split())


def _split_total(sent: Sent) -> list[Fact]:
    """A swap told as a total and its split: "390 prisoners, 195 from each side, were freed", "a total of 243
    detainees, 146 released by the SDF and 97 by Damascus"."""
    low = sent.lower
    if _SWAP_WORDS.isdisjoint(low) and _RELEASE.isdisjoint(low):
        return []
    for num in sent.numbers:
        e = num.end
        if num.start in sent.used or sent.is_year_token(num):
            continue
        if low[e : e + 3] in (["from", "each", "side"], ["on", "each", "side"], ["for", "each", "side"]):
            sent.used.update(range(num.start, num.end))
            return [Fact("exchange", sent.span, {"counts": [num.value, num.value], "what": _what("", "", sent)})]
        held = low[e] in ("held", "detained", "kept") and not _RELEASE.isdisjoint(low)  # "15 held by X and eight by Y"
        if e + 2 < len(sent) and (low[e] in ("released", "freed", "returned", "handed") or held) \
                and "by" in low[e + 1 : e + 3]:
            for other in sent.numbers:
                if other.start > e and low[other.start - 1] == "and" and low[other.end : other.end + 1] == ["by"]:
                    sent.used.update(range(num.start, num.end))
                    sent.used.update(range(other.start, other.end))
                    counts = [num.value, other.value]
                    return [Fact("exchange", sent.span, {"counts": counts, "what": _what("", "", sent)})]
    return []


_DASHES = frozenset({"—", "–", "-", "--", "("})
# How far after a total its split may open ("Thirty-one fishermen returned home on Sunday — 19 ...").
_SPLIT_OPEN = 10


def _dashed_split(sent: Sent) -> list[Fact]:
    """A swap's total split into two nations' counts set off by dashes: "Thirty-one fishermen returned home — 19
    Hondurans held in El Salvador and 12 Salvadorans held in Honduras — in a swap" (the parts add up to the total)."""
    low = sent.lower
    if _SWAP_WORDS.isdisjoint(low):
        return []
    nums = [n for n in sent.numbers if n.start not in sent.used and not sent.is_year_token(n)]
    for x, total in enumerate(nums):
        d = next((t for t in range(total.end, min(len(sent), total.end + _SPLIT_OPEN)) if low[t] in _DASHES), -1)
        if d < 0 or x + 2 >= len(nums) or nums[x + 1].start != d + 1:
            continue
        a, b = nums[x + 1], nums[x + 2]
        if a.value + b.value != total.value or "and" not in low[a.end : b.start] or any(
                w in _DASHES or w in (";", ".") for w in low[a.end : b.start]):
            continue
        na, nb = nation_words(sent, a), nation_words(sent, b)
        if not (na and nb and na.isdisjoint(nb)):
            continue  # "12 women and 8 children": parts of one side, not two nations
        sent.used.update(range(total.start, total.end))
        sent.used.update(range(a.start, a.end))
        sent.used.update(range(b.start, b.end))
        return [Fact("exchange", sent.span, {"counts": [a.value, b.value], "what": _what("", "", sent)})]
    return []


def _cumulative(sent: Sent) -> bool:
    """True for a sentence giving a running total ("in total", "since the start of the war", "so far")."""
    lt = sent.lowtext
    return any(c in lt for c in (" in total", "since the ", "so far", "to date", "altogether", "in all "))


def _answering_release(sents: list[Sent], i: int) -> NumberSpan | None:
    """The other side of the previous sentence's release: "... 150 Russian servicemen had been returned in turn",
    or, in a passage about a swap, "The government released 427 Houthi fighters" after "The Houthis freed 246
    people"."""
    sent = sents[i]
    low = sent.lower
    if low[0] in ("among", "of", "including", "they", "those") or len(sent) < 4 or _RELEASE.isdisjoint(low):
        return None  # a part of the first release, or the same people; no release word: `_releases` finds none
    if _cumulative(sent) or _cumulative(sents[i - 1]):
        return None  # "more than 5,800 Ukrainians have been returned since the start of the invasion": a running total
    found = _releases(sent)
    if len(found) != 1 or (found[0].start > 0 and low[found[0].start - 1] in ("the", "these", "those", "all")):
        return None  # "The four women ... were handed over": the people already counted
    cue = any(c in sent.lowtext for c in ("in return", "in turn", "in exchange", "for its part", "for their part",
                                          "reciprocal"))
    context = any(_SWAP_WORDS.intersection(sents[k].lower) for k in range(max(0, i - 2), i + 1))
    return found[0] if cue or context else None


def _in_return(sent: Sent) -> NumberSpan | None:
    """ "In return, 157 Russian servicemen were handed over": the other side of the previous sentence's release."""
    low = sent.lower
    if low[:2] not in (["in", "return"], ["in", "exchange"]) or len(sent) < 4 or low[2] != ",":
        return None
    num = sent.count_at(3)
    if num is None or sent.is_year_token(num):
        return None
    end = _plain_noun(sent, num.end)
    k = end
    while k < len(sent) and low[k] in AUX:
        k += 1
    if end > num.end and _people(sent, num.end, end) and k < len(sent) and low[k] in _RELEASE | _BROUGHT:
        return num
    return None


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """All exchange facts in a document; a release answered by "In return, N ..." in the next sentence is one."""
    try:
        return _run_all(doc, sents)
    finally:
        forget_names()  # the name offsets kept while reading this document


def _run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """`run_all` itself."""
    out: list[Fact] = []
    for i, s in enumerate(sents):
        try:
            found = _split_total(s) or _dashed_split(s) or extract(s) or two_releases(sents, i)
            if found and all(None not in f.fields["counts"] for f in found):
                found += _more_in_sentence(sents, i, found)
            one_sided = len(found) == 1 and found[0].fields["counts"][1] is None
            if (not found or one_sided) and i > 0:
                other = _in_return(s) or _answering_release(sents, i)
                src = sents[i - 1]  # the sentence with the release this one answers
                mine = _one_side(src) if other is not None else None
                if other is not None and mine is None and i > 1 and s.lower[:2] in (["in", "turn"], ["in", "return"]) \
                        and not _releases(src):
                    src = sents[i - 2]  # "Russia released 13 people. <aside>. In turn, ... freed seven"
                    mine = _one_side(src)
                if mine is not None and mine.value == other.value and "each" not in s.lower and "same" not in s.lower:
                    mine = None if _restates(src, s) else mine
                if mine is not None and any(f.kind == "exchange" and within(src.span, f.evidence) for f in out):
                    mine = None  # that sentence's swap is told already ("A frees 6 as B sends home 3" headline)
                if mine is not None and same_agent(src, mine, s, other):
                    mine = None  # "The Brigades released 130 people." "On Friday the Brigades freed 85 more"
                if mine is not None and _freed_by_both(src, mine):
                    mine = None  # "Two feuding villages freed more than a dozen captives": a total, not one side
                if other is not None and mine is not None:
                    span = Span(src.span.start, s.span.end)
                    what = _what(src.slice(mine.end, _plain_noun(src, mine.end)), s.slice(other.end, _plain_noun(s, other.end)), s)
                    found = [Fact("exchange", span, {"counts": [mine.value, other.value], "what": what})]
                    if out and out[-1].kind == "quantity" and out[-1].evidence == src.span and out[-1].fields["value"] == mine.value:
                        out.pop()  # the earlier sentence's one side is now part of this exchange
        except (IndexError, ValueError):
            continue
        for fact in found:
            first, second = fact.fields["counts"]
            if second is None:  # one side's count only: the contract's exchange needs both
                fact = Fact("quantity", fact.evidence, {"value": first, "unit": fact.fields["what"]})
            out.append(fact)
    paired = add_mirrored(add_loose(add_pairs(out, sents), sents, doc.text), sents)
    return _drop_headline_repeats(add_lead_answer(paired, sents, doc.text), sents)


# Two parties told as one subject ("Two Indigenous communities", "both governments", "the two sides"): what they free is
# the total of both sides.
_PARTIES = frozenset("sides countries governments parties armies nations delegations communities villages towns "
                     "tribes clans factions groups militias neighbours neighbors states capitals".split())


def _freed_by_both(sent: Sent, num: NumberSpan) -> bool:
    """True when the subject of the clause that releases `num` is two parties ("Two feuding communities in the
    highlands freed 14 captives"): the count is both sides' total."""
    low = sent.lower
    for t in range(max(0, num.start - 25), num.start):
        if low[t] in ("two", "both"):
            for k in range(t + 1, min(t + 4, num.start)):
                if low[k] in _PARTIES:
                    return not any(w in (";", ".", "and", "while") for w in low[k:num.start])
                if not (sent.tags[k].startswith("JJ") or sent.tags[k] in ("VBG", "VBN") or low[k] == "-"):
                    break
    return False


def _more_in_sentence(sents: list[Sent], i: int, found: list[Fact]) -> list[Fact]:
    """Further swaps told in a sentence that already gave one ("In April they swapped 50 detainees each, and last
    month the SDF handed over 11 bodies in return for seven"): the counts used so far are not read again."""
    more: list[Fact] = []
    seen = [sorted(f.fields["counts"]) for f in found]
    for _ in range(2):
        extra = [f for f in extract(sents[i]) or two_releases(sents, i)
                 if None not in f.fields["counts"] and sorted(f.fields["counts"]) not in seen]
        if not extra:
            break
        more += extra
        seen += [sorted(f.fields["counts"]) for f in extra]
    return more


def _drop_headline_repeats(facts: list[Fact], sents: list[Sent]) -> list[Fact]:
    """Drop an exchange told in the headline (the first sentence) when the body tells the same counts again."""
    if not sents:
        return facts
    head = sents[0].span
    swaps = [f for f in facts if f.kind == "exchange"]
    return [f for f in facts if not (
        f.kind == "exchange" and f.evidence.end <= head.end
        and any(g is not f and g.evidence.start >= head.end and sorted(g.fields["counts"]) == sorted(f.fields["counts"])
                for g in swaps))]


def _restates(first: Sent, second: Sent) -> bool:
    """True when two sentences with the same count are one release told twice (same people noun)."""
    a = {w for w, t in zip(first.lower, first.tags) if t.startswith("NN")}
    b = {w for w, t in zip(second.lower, second.tags) if t.startswith("NN")}
    return bool({"prisoners", "hostages", "soldiers", "detainees", "people"} & a & b) and not (_SWAP_WORDS & set(second.lower))
