"""Vote facts: for / against / abstain counts ("passed 52-48", "supported by 143 countries ...")."""

from __future__ import annotations

import re

from reader.document import Document, Fact, Span
from reader.nlp.facts.base import DASHES, Sent
from reader.nlp.numbers import NumberSpan

# A sentence is about a vote only if one of these words is in it.
VOTE_WORDS = frozenset(
    """
    vote votes voted voting ballot ballots abstain abstained abstaining abstention abstentions resolution
    resolutions motion bill measure amendment referendum ayes nays ruling ruled verdict confirmation
    confirmed passed approved adopted rejected defeated upheld overturned endorsed tally margin
    split decided decision majority backed supported opposed favour favor
    """.split()
)
# Words that make an "N-M" score a vote (not a football result).
SCORE_CONTEXT = frozenset(
    """
    vote votes voted voting passed approved adopted rejected defeated confirmed ruled ruling decision
    margin tally upheld overturned struck endorsed backed split majority ballot motion bill measure
    resolution amendment senate house court panel committee council justices judges board failed carried
    cleared
    """.split()
)
_SCORE = re.compile(r"^(\d{1,4})(?:[-–]|-to-)(\d{1,4})(?:[-–](\d{1,4}))?$")  # "5-4", "5–4", "5-to-4"
_COLON_SCORE = re.compile(r"^(\d{1,2}):([1-9]\d?|0)()$")  # "a 2:1 majority ruling" (never "10:05", a time)
# Words right after "N:M" that make it a tally, not a time or a ratio.
_COLON_NOUNS = frozenset("majority decision ruling verdict vote split judgment judgement".split())
# Voters a descriptive count may name.
VOTERS = frozenset(
    """
    countries country states nations members member lawmakers legislators senators representatives mps meps
    delegates delegations votes vote councillors councilors justices judges jurors shareholders members
    republicans democrats conservatives ministers governments parties peers deputies commissioners
    directors legislatures others
    """.split()
)
_FOR_BEFORE = frozenset({"supported", "backed", "approved", "endorsed", "adopted", "passed"})  # "... by N"
_FOR_AFTER = frozenset({"supported", "backed", "approved", "endorsed", "favour", "favor", "yes", "ayes", "aye",
                        "supporting", "backing"})
_AGAINST_AFTER = frozenset({"against", "rejected", "opposed", "no", "nays", "nay", "objected", "dissented", "opposing"})
_ABSTAIN_AFTER = frozenset({"abstained", "abstaining", "abstain", "abstentions", "abstention"})
# A score reported with one of these before it is a defeat: the larger side voted against
# ("the House rejected the bill 210-198", "defeated by a vote of 52 to 47").
_DEFEAT = frozenset({"rejected", "defeated", "failed", "blocked", "sank", "down", "killed", "voted-down", "fell"})


# Words just before "N to M" that make it a tally ("voted 51 to 49", "by a vote of 210 to 198").
_VOTE_VERBS = frozenset("vote voted margin split passed approved adopted rejected defeated ruled ruling tally decided carried "
                        "cleared failed upheld overturned confirmed majority".split())
# What a body votes on: an unknown plural noun that "supported"/"opposed" one of these is a group of voters.
_MOTIONS = frozenset("motion motions bill bills resolution resolutions amendment amendments measure referendum vote "
                     "ballot impeachment".split())
# Words before "N-M" that make it a range of parts, not a tally.
_NOT_SCORES = frozenset("paras para paragraphs paragraph pages page pp sections section articles items chapters "
                        "verses lines rows aged ages".split())
# Units after "N to M" that make it a range, not a tally ("5 to 10 years").
_NOT_VOTES = frozenset("years year months days hours weeks minutes percent per % degrees miles km".split())


# Verbs that report a vote's outcome: the nearest one before a score says whether it was a defeat.
_OUTCOME = _DEFEAT | frozenset("passed approved adopted carried cleared confirmed upheld backed endorsed won".split())


def _ordered(low: list[str], k: int, a: int | float, b: int | float) -> tuple[int | float, int | float]:
    """(for, against) from a score "a-b" at word k: the winner first unless the vote was a defeat
    ("MPs rejected the amendment, which would have ..., by 319 votes to 276")."""
    start = max(0, k - 24)
    for i in range(k - 1, start - 1, -1):
        w = low[i]
        if w == "fell" and low[i + 1 : i + 2] == ["short"]:
            return a, b  # "fell short in the House, failing 82-41": a supermajority missed, the tally as written
        if w in _OUTCOME:
            return (min(a, b), max(a, b)) if w in _DEFEAT else (a, b)
        if w in (";", "."):
            break
    return a, b


# Verbs of a game won: a score after "beat <Team>" is a result, whatever vote words the sentence has.
_GAME_VERBS = frozenset("beat beats beating edged edging routed thrashed downed outscored trounced whipped".split())
# Words before a tally that nobody cast: "predictions of a 20-20 dead heat", "a possible 50-50 split".
_HYPOTHETICAL = ("predict", "expect", "feared", "possible", "potential", "forecast", "projected", "hypothetical")


def _score_votes(sent: Sent) -> list[tuple[int, dict[str, int | float | None]]]:
    """Every tally in a sentence with its token position: "voted 5-4", "passed 52-48", "by a vote of 210 to
    198", "by 52 votes to 48", "by 14 votes to none"."""
    low = sent.lower
    n = len(sent)
    found: list[tuple[int, dict[str, int | float | None]]] = []
    at = {num.start: num for num in sent.numbers}  # (`number_at`: the number phrases start apart)
    for k, w in enumerate(sent.words):
        if k not in at and not w[:1].isdigit():
            continue  # neither a score (it opens on a digit) nor the start of a number
        if k in sent.used:
            continue
        m = _SCORE.match(w) if w[:1].isdigit() else None
        if m is None and w[:1].isdigit() and low[k + 1 : k + 2] and low[k + 1] in _COLON_NOUNS:
            m = _COLON_SCORE.match(w)  # "in a 2:1 majority ruling"
            if m and int(m.group(1)) <= int(m.group(2)):
                m = None  # "the 7:45 vote": a time (a tally told this way puts the majority first)
        if m and k > 0 and low[k - 1] in _NOT_SCORES:
            continue  # "ADDS parliament vote in paras 9-11": a range of paragraphs
        if m and any(w.startswith(_HYPOTHETICAL) for w in low[max(0, k - 5) : k]):
            continue  # "despite earlier predictions of a 20-20 dead heat": a vote nobody cast
        if m and k > 1 and sent.words[k - 1][:1].isupper() and not _GAME_VERBS.isdisjoint(low[max(0, k - 4) : k - 1]):
            continue  # "honoring the Bucks, who beat Chicago 118-112": a game's score, not a tally
        if m and not SCORE_CONTEXT.isdisjoint(low[max(0, k - 12) : k + 4]):
            a, b = _ordered(low, k, int(m.group(1)), int(m.group(2)))
            fields: dict[str, int | float | None] = {"for": a, "against": b, "abstain": int(m.group(3)) if m.group(3) else None}
            sent.used.add(k)
            found.append((k, fields))
            continue
        # "210 to 198" / "210 votes to 198" / "52 - 48"
        first = at.get(k)
        if first is None or sent.is_year_token(first):
            continue
        j = first.end
        if j < n and low[j] in ("votes", "vote"):
            j += 1
        if j < n and (low[j] == "to" or (low[j] in DASHES and j == first.end) or (
                low[j] == "against" and j > first.end and at.get(j + 1) is not None)):  # "38 votes against 16"
            second = at.get(j + 1)
            if second is None and j + 1 < n and low[j + 1] in ("none", "nil", "zero") and "votes" in low[first.end : j]:
                second = NumberSpan(j + 1, j + 2, 0)  # "by 14 votes to none"
            votey = bool(_VOTE_VERBS.intersection(low[max(0, k - 4) : k])) or "votes" in low[first.end : first.end + 1]
            if not votey and k > 0 and low[k - 1] in (",", "(") and (_VOTE_VERBS | {"hands", "adopted", "ratified"}).intersection(
                    low[max(0, k - 10) : k]):
                votey = True  # "adopted by a show of hands, 27 to 0,"
            unit_after = second is not None and second.end < n and (low[second.end] in _NOT_VOTES or (
                low[j] == "against" and low[second.end] in _ABSTAIN_AFTER))  # "38 votes against 16 abstentions"
            if second is not None and votey and not unit_after and not sent.is_year_token(second):
                sent.used.update(range(first.start, second.end))
                yes, no = _ordered(low, k, first.value, second.value)
                found.append((k, {"for": yes, "against": no, "abstain": None}))
    return found


def _skip_aside(sent: Sent, k: int) -> int:
    """Skip a parenthetical after a count: "– including China and India –", ", among them Iran,"."""
    n = len(sent)
    if k < n and sent.words[k] in (",", "(", *DASHES) and k + 1 < n and sent.lower[k + 1] in (
        "including", "among", "mostly", "mainly", "led", "such", "notably", "chiefly", "many", "most"):
        close = {"(": ")"}.get(sent.words[k])
        j = k + 2
        while j < n and j - k < 16:
            if (close and sent.words[j] == close) or (not close and sent.words[j] in (",", *DASHES)):
                return j + 1
            j += 1
    return k


_CUES_AFTER = _FOR_AFTER | _AGAINST_AFTER | _ABSTAIN_AFTER | {"voted", "voting"}


def _skip_of_phrase(sent: Sent, k: int) -> int:
    """The vote verb after an "of" phrase that names whose members voted ("members of the rail unions backed"),
    or `k` when no vote verb follows the phrase within a few words (before any punctuation)."""
    low = sent.lower
    for j in range(k + 1, min(len(sent), k + 9)):
        if low[j] in _CUES_AFTER:
            return j
        if not sent.words[j][:1].isalnum() and sent.words[j] not in ("'", "'s", "’", "’s"):
            return k
    return k


# Verbs after "voted to" that put the count in favour of, or against, the question.
_TO_FOR = frozenset("accept approve back support endorse adopt uphold pass ratify confirm impeach remove convict "
                    "keep retain continue join strike".split())
_TO_AGAINST = frozenset("reject oppose block overturn acquit throw dismiss".split())
_SURVEY = frozenset("poll polls polled survey surveyed respondents pollster".split())
_BALLOT = frozenset("ballot ballots vote votes voted voting".split())

# Verbs whose object "N votes" is the count in favour.
_RECEIVED = frozenset("received receiving won winning got garnered secured drew obtained gained attracted".split())


def _nobody_against(sent: Sent, fields: dict[str, int | float | None]) -> None:
    """ "none against", "no votes against", "nobody opposed": a zero count next to a vote's other counts."""
    low = sent.lower
    for k in range(len(sent) - 1):
        if low[k] in ("none", "nobody", "no") and "against" not in fields:
            j = k + 1
            if low[k] == "no" and j < len(sent) and low[j] in ("votes", "vote", "one", "member", "members", "country", "countries"):
                j += 1
            elif low[k] == "no":
                continue
            if j < len(sent) - 1 and low[j] in ("voted", "was", "were"):
                j += 1  # "none voted against"
            if j < len(sent) and low[j] in ("against", "opposed", "dissented", "objected"):
                fields["against"] = 0


def _named_abstainers(sent: Sent) -> int:
    """How many people a tally names as abstaining ("passed 10-4, with Ald. Jane Roe abstaining"): the PERSON
    names between "with" and "abstaining" (0 when something else stands there: "with Labour abstaining")."""
    low = sent.lower
    for k, w in enumerate(low):
        if w not in ("abstaining", "abstained"):
            continue
        w0 = next((j for j in range(k - 1, max(-1, k - 10), -1) if low[j] == "with"), None)
        if w0 is None or w0 + 1 == k or any(not sent.words[j][:1].isupper() and low[j] not in (".", "and", ",")
                                             for j in range(w0 + 1, k)):
            return 0
        a, b = sent.starts[w0 + 1], sent.ends[k - 1]
        people = sum(1 for e in sent.doc.entities if e.label == "PERSON"
                     for m in e.mentions if a <= m.start and m.end <= b and m.kind == "name")
        parts = 1 + sum(1 for j in range(w0 + 1, k) if low[j] in ("and", ","))
        return parts if people == parts else 0
    return 0


_CURRENCY = frozenset("$ £ € ¥ ₹ US$ A$ C$".split())


def _descriptive(sent: Sent) -> list[tuple[int, str, int | float]]:
    """Counts next to for/against/abstain cues, as (token position, key, count): "supported by 143 countries",
    "35 states abstained", "41 MCAs voting in favour"."""
    low = sent.lower
    n = len(sent)
    items: list[tuple[int, str, int | float]] = []
    for num in sent.numbers:
        if num.start in sent.used or sent.is_year_token(num):
            continue
        if num.start > 0 and low[num.start - 1] == "no":
            continue  # "no one voted against": nobody, counted by `_nobody_against`
        if num.start > 0 and sent.words[num.start - 1] in _CURRENCY:
            continue  # "fines would rise from $40 to $150 for a first offense": money, not votes
        i = num.start
        # modifiers before the count
        b = i
        while b > 0 and low[b - 1] in ("least", "at", "more", "than", "only", "just", "some", "about", "nearly", "all"):
            b -= 1
        e = num.end
        if e + 1 < n and low[e] == "of" and low[e + 1] in ("the", "its", "their"):
            total = sent.number_at(e + 2)  # "Thirty-one of the 33 members present voted in favour"
            if total is not None and total.value >= num.value:
                e = total.end
                if sent.noun_run(e, limit=3) > e:
                    sent.used.update(range(total.start, total.end))
        noun_end = sent.noun_run(e, limit=3)
        # "with two abstentions late Monday": the run ends at its vote noun
        noun_end = next((t + 1 for t in range(e, noun_end) if low[t] in ("abstentions", "abstention", "votes")), noun_end)
        while noun_end > e + 1 and low[noun_end - 1] in ("voting", "abstaining", "present"):
            noun_end -= 1  # "226 MPs voting in favour" ("voting" tagged as a noun), "members present voting"
        if noun_end > e and low[e] in ("opposing", "supporting", "backing", "voting"):
            noun_end = e  # "and 135 opposing", "1,655 voting yes" ("opposing", "voting" tagged as nouns)
        noun = low[noun_end - 1] if noun_end > e else ""
        if noun_end < n and noun_end > e and low[noun_end] in ("present", "voting") and noun_end + 1 < n and \
                low[noun_end + 1] in ("voted", "cast") or (low[noun_end : noun_end + 1] == ["present"]
                                                            and low[noun_end + 1 : noun_end + 2] == ["voting"]):
            noun_end += 1  # "the 33 members present voted", "452 of the 466 deputies present voting in favour"
        if noun in VOTERS and noun_end < n and low[noun_end] == "of":
            noun_end = _skip_of_phrase(sent, noun_end)  # "2,746 members of the two rail unions backed strike action"
        acts = noun_end < n and (low[noun_end] in ("voted", "voting") or (
            low[noun_end] in _FOR_AFTER | _AGAINST_AFTER and bool(_MOTIONS.intersection(low))))
        if b >= 2 and low[b - 2 : b] == ["with", "the"]:
            t = next((t for t in range(e, min(n - 1, e + 7)) if low[t] in VOTERS or not sent.words[t][:1].isalnum()
                      and sent.words[t] not in ("'s", "’s")), None)
            if t is not None and low[t] in VOTERS and low[t + 1] in ("abstaining", "abstained"):
                items.append((num.start, "abstain", num.value))  # "with the three Greens Party members abstaining"
                sent.used.update(range(num.start, num.end))
                continue
        if noun and noun not in VOTERS and noun not in _ABSTAIN_AFTER and sent.tags[noun_end - 1] != "NNPS" and not (
                acts and noun.endswith("s")):
            continue  # an unknown plural noun is a voter only when it votes: "41 MCAs voting in favour"
        if b >= 1 and low[b - 1] == "the" and e + 1 < n and low[e] in ("no", "yes", "affirmative", "negative") and \
                low[e + 1] in ("votes", "vote"):
            continue  # "The two no votes came from ...": the votes of a tally already told
        key = None
        # "supported by 143 countries"
        if b >= 2 and low[b - 1] == "by" and low[b - 2] in _FOR_BEFORE:
            key = "for"
        elif b >= 2 and low[b - 1] == "by" and low[b - 2] in ("opposed", "rejected"):
            key = "against"
        elif b >= 1 and low[b - 1] == "with" and noun_end < n and low[noun_end] in ("abstaining",):
            key = "abstain"
        elif b >= 1 and low[b - 1] == "against" and noun_end < n and low[noun_end] in ("who", "that") and \
                set(low[noun_end + 1 : noun_end + 4]) & (_AGAINST_AFTER | {"voted"}):
            key = "against"  # "14 senators voting to uphold it against 27 who rejected it"
        if key is None:
            k = _skip_aside(sent, noun_end)
            while k < n and (low[k] in ("have", "had", "has", "were", "also", "all", "then", "later", "reportedly")):
                k += 1
            voted = k < n and low[k] in ("voted", "vote", "votes", "voting", "cast")
            if voted:
                k += 1
            if k < n and low[k] in ("in", "for") and k + 1 < n and low[k + 1] in ("favour", "favor", "support"):
                key = "for"
            elif k < n and low[k] == "for" and (noun in ("votes", "vote", "") or voted):
                key = "for"  # "64 lawmakers voted for the bill"
            elif k < n and low[k] in _FOR_AFTER and (noun != "" or voted or _BALLOT.intersection(low)):
                key = "for"  # "226 MPs supported it", "1,655 voting yes", "3,214 backed the offer" in a ballot
            elif voted and k + 1 < n and low[k] == "to" and low[k + 1] in _TO_AGAINST:
                key = "against"
            elif voted and k + 1 < n and low[k] == "to" and (low[k + 1] in _TO_FOR or (
                    sent.tags[k + 1] == "VB" and low[k + 1] not in _ABSTAIN_AFTER)):
                key = "for"  # "14,208 voted to accept the offer", "171 voted to withdraw confidence from the minister"
            elif k < n and low[k] in _AGAINST_AFTER:
                key = "against"
            elif k < n and low[k] in _ABSTAIN_AFTER:
                key = "abstain"
            elif noun in ("abstentions", "abstention"):
                key = "abstain"
            elif noun_end < n and low[noun_end] in _ABSTAIN_AFTER:
                key = "abstain"
            elif noun in ("votes", "vote") and set(low[e:noun_end]) & {"affirmative", "yes", "favourable"}:
                key = "for"  # "198 affirmative votes, 9 negative votes"
            elif noun in ("votes", "vote") and set(low[e:noun_end]) & {"negative", "no"}:
                key = "against"
            elif noun in ("votes", "vote") and b >= 1 and low[b - 1] == "with" and _OUTCOME.intersection(low[:b]):
                key = "for"  # "a counterpart bill passed on final reading with 20 votes and none against"
            elif noun in ("votes", "vote") and b >= 1 and low[b - 1] in _RECEIVED and not (
                    k < n and low[k] in ("in", "for", "from", "to")):
                key = "for"  # "the measure received 217 votes, with 212 opposed"
        if noun in ("abstentions", "abstention") or noun in _ABSTAIN_AFTER:
            key = "abstain"  # "35 abstaining" tagged as a noun
        if key is not None:
            items.append((num.start, key, num.value))
            sent.used.update(range(num.start, num.end))
    return items


def extract_all(sent: Sent) -> list[dict[str, int | float | None]]:
    """Every vote's counts in one sentence ("the board voted 5-2, and the council rejected it 3-6")."""
    low = sent.lower
    if VOTE_WORDS.isdisjoint(low) and "favour" not in low and "favor" not in low:
        return []
    if not sent.numbers and not any(_SCORE.match(w) or _COLON_SCORE.match(w) for w in sent.words):
        return []
    if not _SURVEY.isdisjoint(low):
        return []  # "in a poll of 800 residents, 410 backed the plan": an opinion poll, not a vote
    groups = _group(_score_votes(sent), _descriptive(sent))
    if len(groups) == 1:
        _nobody_against(sent, groups[0])
        if groups[0].get("abstain") is None and groups[0].get("for") is not None and groups[0].get("against") is not None:
            named = _named_abstainers(sent)
            if named:
                groups[0]["abstain"] = named
    return [{k: f.get(k) for k in ("for", "against", "abstain")} for f in groups
            if any(f.get(k) is not None for k in ("for", "against", "abstain"))]


def _group(scores: list[tuple[int, dict[str, int | float | None]]],
           items: list[tuple[int, str, int | float]]) -> list[dict[str, int | float | None]]:
    """The sentence's votes: each tally, with the descriptive counts that complete it, and the descriptive
    counts of another vote ("cleared the lower house by 143 votes to 92, with six abstentions, and passed the
    Senate with 46 votes in favour, 22 against and two abstentions") as a vote of their own. A count joins
    the latest vote before it (or the first, when it comes before every tally) unless that vote has the
    count's side already; then it starts a new vote."""
    groups: list[tuple[int, dict[str, int | float | None]]] = [(k, dict(f)) for k, f in scores]
    for pos, key, value in items:
        before = [g for g in groups if g[0] < pos]
        target = before[-1] if before else (groups[0] if groups else None)
        if target is not None and target[1].get(key) is None:
            target[1][key] = value
        else:
            groups.append((pos, {key: value}))
            groups.sort(key=lambda g: g[0])
    return [f for _, f in groups]


def extract(sent: Sent) -> dict[str, int | float | None] | None:
    """The (first) vote's counts in one sentence (None if it reports no vote)."""
    found = extract_all(sent)
    return found[0] if found else None


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """All vote facts; partial counts in two adjacent sentences are merged into one fact."""
    found: list[tuple[int, dict[str, int | float | None]]] = []
    for s in sents:
        try:
            found.extend((s.index, fields) for fields in extract_all(s))
        except (IndexError, ValueError):
            continue
    facts: list[Fact] = []
    where: list[int] = []  # the sentence each fact starts in
    k = 0
    while k < len(found):
        idx, fields = found[k]
        span = sents[idx].span
        single = (k == 0 or found[k - 1][0] != idx) and (k + 2 >= len(found) or found[k + 2][0] != idx + 1)
        if single and k + 1 < len(found) and found[k + 1][0] == idx + 1:
            other = found[k + 1][1]
            mine = {key for key, v in fields.items() if v is not None}
            theirs = {key for key, v in other.items() if v is not None}
            if not (mine & theirs):
                fields = {key: fields[key] if fields[key] is not None else other[key] for key in fields}
                span = Span(span.start, sents[idx + 1].span.end)
                k += 1
        facts.append(Fact("vote", span, fields))
        where.append(idx)
        k += 1
    whole = {i for i in set(where) if _WHOLE_BODY.search(sents[i].lowtext)}
    return _drop_subgroups(facts, where, whole)


# "with 101 of the 112 members present voting in favour": a count of the whole body, never a subgroup.
_WHOLE_BODY = re.compile(r"\d of the [\d,]+ \w+ present\b")


# How many sentences from a full tally a one-sided count may be and still be part of it.
_SUBGROUP_REACH = 3


def _drop_subgroups(facts: list[Fact], where: list[int], whole: set[int] = frozenset()) -> list[Fact]:
    """Drop one-sided counts ("Thirty-one Labour MPs voted against the whip") told in the sentence before a full
    tally or a few after it: such a count is part of a vote already given, not a vote of its own (one told
    further away, or two sentences before, is another vote). A count of the whole body present (sentences in
    `whole`) is a vote of its own."""
    def sides(f: Fact) -> int:
        return sum(f.fields.get(k) is not None for k in ("for", "against", "abstain"))

    full = [i for f, i in zip(facts, where) if sides(f) >= 2]
    return [f for f, i in zip(facts, where)
            if sides(f) >= 2 or i in whole or not any(-1 <= i - j <= _SUBGROUP_REACH for j in full)]


__all__ = ["run_all", "extract", "extract_all", "NumberSpan"]
