"""Third-person pronouns (he/him/his/himself, she/her/hers/herself) resolved to a person named nearby.

A pronoun links to a gender-compatible person mentioned earlier in the same sentence or in the
previous one (resolved pronouns count as mentions, so chains carry on). When several people fit,
the subject of a clause and a speaker ("X said", "said X") win; a tie, a pronoun inside a quotation
or an intervening "a boy"/"the woman" leaves the pronoun unresolved: precision over recall.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from reader.nlp.person_names import TITLE_WORDS

PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
# A pronoun as a whole word (no letter, apostrophe or hyphen before it, no letter or hyphen after it) in
# any ASCII case: its first letter comes first in the pattern, so that the regex engine skips ahead to
# the next h or s, and the other letters follow in an ASCII case-insensitive group (so every match is
# one of PRONOUNS once lower-cased: Unicode case folding would also take "ſhe" or "hİm").
_PRONOUN = re.compile(r"[HhSs](?<![\w'’-].)(?ai:" + "|".join(f"(?<={w[0]}){w[1:]}" for w in PRONOUNS) + r")(?![\w-])")
_NOMINATIVE = frozenset(("he", "she"))
SAY_VERBS: frozenset[str] = frozenset(
    """
    said says say told tells added adds stressed stresses insisted insists noted notes explained explains
    argued argues claimed claims warned warns wrote writes declared declares announced announces replied
    replies asked asks urged urges continued continues recalled recalls admitted admits suggested suggests
    """.split()
)
_PERSON_NOUNS: dict[str, str] = {
    **{w: "m" for w in "boy man father son husband brother uncle grandfather king prince spokesman gentleman".split()},
    **{w: "f" for w in "girl woman mother daughter wife sister aunt grandmother queen princess spokeswoman lady".split()},
    **{w: "" for w in "child teenager baby victim suspect driver soldier officer witness resident pilot patient "
       "passenger student teacher doctor nurse worker farmer gunman attacker survivor relative "
       "neighbour neighbor spokesperson".split()},
}
_BLOCKER = re.compile(  # the lookahead, the first letters of the determiners, lets the regex engine skip most positions
    r"(?=[AaOoTtHhIi])\b(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?P<n>" + "|".join(sorted(_PERSON_NOUNS, key=len, reverse=True)) + r")\b"
)
_QUOTES = re.compile(r"[“”\"\n]")
_DETERMINERS = frozenset("its his her their the a an".split())
_LOOSE_WORDS = frozenset("the a an former late then current new acting interim outgoing incoming".split())
_CLAUSE_BREAK = re.compile(r"[,;:“”\"(\[—–]|\s-\s")
_WORDS = re.compile(r"[A-Za-z][\w'’.-]*")


@dataclass(slots=True)
class _Entry:
    pos: int
    cluster: int
    score: int


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly or straight); a line break closes an open quotation."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTES.finditer(text):
        ch = m.group()
        if ch == "“" or (ch == '"' and open_at < 0):
            if open_at < 0:
                open_at = m.end()
        elif open_at >= 0:
            spans.append((open_at, m.start()))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _word_before(text: str, lo: int, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t]*$", text[max(lo, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _is_subject(text: str, sent_start: int, pos: int) -> tuple[bool, bool]:
    """(subject, after a say verb): nothing but titles, names and determiners opens the clause before pos."""
    before = text[max(sent_start, pos - 150) : pos]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = _WORDS.findall(clause)
    # Skip back over titles and capitalised words ("Russian Deputy Prime Minister").
    i = len(words)
    while i > 0 and (
        words[i - 1][:1].isupper() or words[i - 1].lower().rstrip(".") in TITLE_WORDS or words[i - 1].lower() in _DETERMINERS
    ):
        i -= 1
    if i > 0 and words[i - 1].lower() in SAY_VERBS:
        return True, True
    return all(w.lower() in _LOOSE_WORDS or w[:1].isupper() for w in words[:i]), False


def resolve_pronouns(
    text: str,
    sentences: Iterable[tuple[int, int]],
    persons: Sequence[tuple[int, int, int]],
    genders: Mapping[int, str],
) -> list[tuple[int, int, int]]:
    """Pronoun mentions (start, end, cluster) given sentence spans and person mentions, both in text order."""
    quotes = quoted_spans(text)
    qstarts = [s for s, _ in quotes]
    blockers = [(m.start("n"), _PERSON_NOUNS[m.group("n").lower()]) for m in _BLOCKER.finditer(text)]
    bpos = [b for b, _ in blockers]
    out: list[tuple[int, int, int]] = []
    prev: list[_Entry] = []
    pi = 0
    n_persons = len(persons)
    found = [(m.start(), m.end()) for m in _PRONOUN.finditer(text)]
    fi = 0
    for s_start, s_end in sentences:
        cur: list[_Entry] = []
        while pi < n_persons and persons[pi][0] < s_start:
            pi += 1
        events: list[tuple[int, int, int]] = []  # (pos, end, cluster or -1 for a pronoun token)
        while pi < n_persons and persons[pi][0] < s_end:
            events.append(persons[pi])
            pi += 1
        while fi < len(found) and found[fi][0] < s_start:
            fi += 1
        while fi < len(found) and found[fi][1] <= s_end:
            events.append((*found[fi], -1))
            fi += 1
        events.sort()
        for pos, end, cluster in events:
            if cluster >= 0:
                if _inside(quotes, qstarts, pos):
                    continue  # a name quoted in someone's speech is rarely who "he" outside it is
                subject, after_say = _is_subject(text, s_start, pos)
                speaker = after_say or _word_after(text, end, s_end) in SAY_VERBS
                cur.append(_Entry(pos, cluster, 2 * subject + speaker))
                continue
            word = text[pos:end].lower()
            gender = PRONOUNS[word]
            if _inside(quotes, qstarts, pos):
                continue
            cands = [e for e in prev + cur if genders.get(e.cluster, "") in ("", gender)]
            if not cands:
                continue
            attribution = _word_after(text, end, s_end) in SAY_VERBS or _word_before(text, s_start, pos) in SAY_VERBS
            best: dict[int, tuple[int, int]] = {}
            for e in cands:
                score = e.score + (2 if attribution and e.score % 2 else 0)
                old = best.get(e.cluster)
                if old is None or (score, e.pos) > old:
                    best[e.cluster] = (score, e.pos)
            ranked = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)
            if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]:
                continue
            chosen, (score, last_pos) = ranked[0]
            # A person noun ("a boy", "the woman") between the person and the pronoun may be the referent.
            if _blocked(blockers, bpos, last_pos, pos, gender):
                continue
            out.append((pos, end, chosen))
            subject = word in _NOMINATIVE and _is_subject(text, s_start, pos)[0]
            cur.append(_Entry(pos, chosen, 2 * subject + int(attribution)))
        prev = cur
    return out


def _blocked(blockers: list[tuple[int, str]], bpos: list[int], lo: int, hi: int, gender: str) -> bool:
    """True if a gender-compatible person noun lies between positions lo and hi."""
    j = bisect.bisect_right(bpos, lo)
    while j < len(blockers) and blockers[j][0] < hi:
        if blockers[j][1] in ("", gender):
            return True
        j += 1
    return False


def _word_after(text: str, end: int, limit: int) -> str:
    m = re.match(r"[ \t]*,?[ \t]*([A-Za-z]+)", text[end : min(limit, end + 30)])
    return m.group(1).lower() if m else ""
