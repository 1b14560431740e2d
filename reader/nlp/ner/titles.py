"""Split title words out of tagged name spans: "SEC Chair Gary Lindholm" -> ORG "SEC" + PERSON "Gary Lindholm".

The CRF sometimes swallows a role title and the name after it into one ORG/MISC span, tags a bare
title ("Justice") as an organisation, or tags an organisation with a common-word first part as a
person ("Glass Lewis"). Titles are never part of a name, so these rules work on token spans after
tagging (no retraining):

1. A span (any label) whose last 1-4 tokens are a name-like run right after a run of title words is
   split there. The run becomes PER when the CRF said PER, or when there is evidence it is a person:
   its first token is a known first name, the title is one only people hold ("Sen.", "Ambassador",
   not "General", "Justice" or "Chair"), its last word is a hyphenated given name ("Sung-jin"), or its
   last word is a person's name elsewhere in the document.
   Vetoes: a run of common lower-case words ("President Hotel", "General Motors") or a whole span the
   gazetteer knows as a place or organisation ("Prince Edward Island").
   The part before the title stays a name if it is one ("Securities and Exchange Commission"); a
   lone common word before "Minister"/"Secretary" or at a sentence start ("Defence", "Former") is dropped.
2. A span made only of title words that runs into a person ("Justice" + "Samuel Brandt") is dropped,
   and so is a lone common word before a portfolio title ("Defence" in "Defence Minister Umerov").
3. A two- or three-word PER span whose first word is a common word of 4+ letters and not a first name ("Glass
   Lewis") becomes ORG unless the document also uses its last word as a person's name or a personal
   title stands before it.
4. A two- or three-word ORG/MISC span of plain capitalised words right after a role noun ("the health
   minister, Renu Mandal") or right before ", a/the ... <role noun>" is a person, unless one of its
   words marks an organisation ("Ministry", "Group", "Bank").

Names from other traditions (`join_name_parts`, run first, and rules 5-6):

- Name particles join the parts of one person's name: "Khalid" + "bin" + "Rashid Al-Mansouri",
  "Abdel Fattah" + "el-Sisi", "Maria" + "del" + "Carmen Alva" become one PER span (the particle
  must stand between a person, or a known given name, and a capitalised word).
- A known given name, or a family name written first ("Ding", "Le", "Pham"), right before a PER span
  starts it ("Ding" + "Xuexiang"); a one-word place/organisation span that is a known given name right
  before a PER span joins it ("Hassan" + "Sheikh Mohamud").
5. An ORG/MISC span after a title ("Minister of", "Governor of the") that ends in a known given name +
   a name or a family name written first + a given name is split: the end is a person ("... Bank of
   China Pan Gongsheng"). Its lead, like any ORG/MISC span between "<Minister/Secretary> of" and a
   person ("Minister of Emergency Management Liu Wenjie"), or of one or two words before
   "Minister"/"Secretary" and a person ("Unification Minister Kim"), names a portfolio: dropped.
6. A PER span that opens with a title word that is not also a given name ("Lawmaker Fatemeh Rahbar")
   loses it; one that ends in a place word ("Sheikh Zayed Road") is a place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import AbstractSet, Mapping, Sequence

from reader.nlp.facts.roles import PARTY_TAG, ROLE_NOUNS, TITLE_ABBREVIATIONS, WEAK_ROLES, is_role_word, singular_role
from reader.nlp.ner.gazetteers import load_international
from reader.nlp.ner.normalize import norm
from reader.nlp.ner.tagger import PARTICLES as _PARTICLES
from reader.nlp.person_names import HYPHENATED_GIVEN, NAME_SUFFIXES, PERSON_TITLES, TITLE_WORDS

Span = tuple[int, int, str]

# Title words that also begin many place and organisation names ("St Petersburg", "Father Ted",
# "Private Eye", "Field Museum"): never treated as titles here.
_NOT_HERE = frozenset("saint st father fr brother sister field private marshal".split())
# Titles that are also frequent first words of place or organisation names: they need a first name
# or a second title word ("Chief Justice", "Attorney General") before the run counts as a person.
_AMBIGUOUS = WEAK_ROLES | frozenset(
    """
    king queen prince princess emperor empress sultan sheikh emir pope cardinal bishop archbishop
    lord lady rev reverend rabbi imam vice prime deputy field general major commander officer
    official leader head speaker representative delegate judge
    """.split()
)
TITLES: frozenset[str] = (
    (TITLE_WORDS | ROLE_NOUNS | frozenset(k.rstrip(".").replace(".", "") for k in TITLE_ABBREVIATIONS)) - _NOT_HERE
)
# Titles that say the following name is a person's.
STRONG_TITLES: frozenset[str] = (TITLES - _AMBIGUOUS) | (PERSON_TITLES - {"general", "president"})
# Portfolio titles: a lone common word before them names the portfolio, not an organisation.
_PORTFOLIO = frozenset("minister secretary".split())
# First and last words of place names ("Port Aldren", "Green Square"): rule 3 makes such spans LOC, not ORG.
_PLACE_FIRST = frozenset("port fort mount lake cape bay camp point glen san santa".split())
_PLACE_LAST = frozenset("square street road avenue park bridge river hill valley island harbour harbor".split())
_CONNECTORS = frozenset("of and the for & de du la del".split())
_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))
# Gazetteer categories that mark a whole span as a place or organisation, and how a lead part is labelled.
_NOT_PERSON_CATS = frozenset(("LOC", "trLOC", "trORG"))
_LEAD_LABEL = {"LOC": "LOC", "trLOC": "LOC", "NAT": "MISC", "trORG": "ORG", "trMISC": "MISC"}


@dataclass(frozen=True)
class Lists:
    """The word lists the rules consult (all normalised with `norm`)."""

    first_names: AbstractSet[str]
    common: AbstractSet[str]
    entries: dict[tuple[str, ...], tuple[str, ...]]
    # Family names written before the given name (Chinese, Korean, Vietnamese), normalised.
    surnames_first: AbstractSet[str] = field(default_factory=lambda: load_international().surnames_first)


@lru_cache(maxsize=65536)
def is_title(token: str) -> bool:
    """A capitalised title or role word ("President", "Sen.", "Director-General")."""
    if not token[:1].isupper():
        return False
    n = norm(token)
    if n in TITLES or (n.endswith("s") and singular_role(n) in TITLES):
        return True  # "Justices" as well as "Justice"
    if "-" in n:
        parts = n.split("-")
        return all(p in TITLES for p in parts if p) and any(p in ROLE_NOUNS and p not in ("co", "vice") for p in parts)
    return False


def _strong(title_norms: Sequence[str]) -> bool:
    """Whether a run of title words is one only people hold."""
    last = title_norms[-1]
    if last in STRONG_TITLES:
        return True
    if "-" in last and not any(p in _AMBIGUOUS for p in last.split("-")[-1:]):
        return True
    return len(title_norms) >= 2 and any(t in STRONG_TITLES or t in ("chief", "attorney", "vice") for t in title_norms[:-1])


@lru_cache(maxsize=65536)
def _name_like(token: str) -> bool:
    """A token that can be part of a person's name: capitalised word, initial, particle or suffix."""
    if token.lower() in _PARTICLES:
        return True
    return token[:1].isupper() and not any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def _trailing_run(tokens: Sequence[str], i: int, j: int) -> int:
    """Start of the name-like, non-title run of at most 4 tokens that ends the span at j (j if none)."""
    k = j
    while k > i and j - k < 5 and _name_like(tokens[k - 1]) and not is_title(tokens[k - 1]):
        k -= 1
    if j - k > 4:
        return j
    return k


def _is_person_run(tokens: Sequence[str], k: int, j: int, span: Span, titles: Sequence[str], lists: Lists, persons: Mapping[str, int]) -> bool:
    """Whether tokens[k:j], written after a title, name a person."""
    norms = [norm(t) for t in tokens[k:j]]
    if tokens[k].lower() in _PARTICLES or not tokens[j - 1][:1].isupper():
        return False
    if len(norms[-1]) < 2 and j - k == 1:
        return False  # "Gen Z"
    first_name = norms[0] in lists.first_names
    if not first_name and all(n in lists.common for n in norms):
        return False  # "President Hotel", "General Motors"
    whole = tuple(norm(t) for t in tokens[span[0] : span[1]])
    if any(c in _NOT_PERSON_CATS for c in lists.entries.get(whole, ())):
        return False  # "Prince Edward Island"
    if span[2] == "PER" or first_name or _strong(titles) or HYPHENATED_GIVEN.match(tokens[j - 1]):
        return True
    surname = norms[-1] if norms[-1] not in NAME_SUFFIXES or len(norms) == 1 else norms[-2]
    return surname in persons


def _lead_parts(tokens: Sequence[str], i: int, t: int, label: str, lists: Lists) -> list[Span]:
    """The name spans in tokens[i:t] (the words before a title), split at possessives.

    A lone common word is a portfolio or a modifier, not a name, before "Minister"/"Secretary" or at
    the start of a sentence ("Defence Minister", "Former President"); elsewhere it stays ("Labour MP").
    """
    portfolio = t < len(tokens) and norm(tokens[t]) in _PORTFOLIO
    out: list[Span] = []
    start = i
    for p in range(i, t + 1):
        if p < t and tokens[p] not in _POSSESSIVE:
            continue
        a, b = start, p
        start = p + 1
        while a < b and tokens[a].lower() in _CONNECTORS:
            a += 1
        while b > a and tokens[b - 1].lower() in _CONNECTORS:
            b -= 1
        if b <= a or not all(tokens[x][:1].isupper() or tokens[x].lower() in _CONNECTORS for x in range(a, b)):
            continue
        norms = tuple(norm(x) for x in tokens[a:b])
        if b - a == 1 and norms[0] in lists.common and (portfolio or a == 0):
            continue
        cats = lists.entries.get(norms, ())
        lab = next((_LEAD_LABEL[c] for c in cats if c in _LEAD_LABEL), "ORG" if label == "PER" else label)
        out.append((a, b, lab))
    return out


def person_words(tokens: Sequence[Sequence[str]], spans: Sequence[Sequence[Span]]) -> Counter[str]:
    """How often each word (normalised) ends one of the document's PER spans, for surname evidence."""
    out: Counter[str] = Counter()
    for toks, sent in zip(tokens, spans):
        for i, j, typ in sent:
            if typ != "PER":
                continue
            k = j
            while k > i + 1 and (toks[k - 1] in _POSSESSIVE or norm(toks[k - 1]) in NAME_SUFFIXES):
                k -= 1
            if toks[k - 1][:1].isupper() and not is_title(toks[k - 1]):
                out[norm(toks[k - 1])] += 1
    return out


def split_titles(tokens: Sequence[str], spans: Sequence[Span], lists: Lists, persons: Mapping[str, int]) -> list[Span]:
    """One sentence's spans with titles split out and name parts joined (the rules of the module
    docstring), in order."""
    spans = join_name_parts(tokens, spans, lists)
    starts = {i: typ for i, _, typ in spans}
    out: list[Span] = []
    for span in spans:
        i, j, typ = span
        if typ in ("ORG", "MISC") and not any(is_title(tokens[x]) for x in range(i, j)):
            m = _trailing_person(tokens, i, j, lists)
            if m is not None:  # rule 5: "... Bank of China Pan Gongsheng"
                lead = m
                while lead > i and tokens[lead - 1].lower() in _CONNECTORS:
                    lead -= 1
                if lead > i and not _portfolio_of(tokens, i):
                    out.append((i, lead, typ))
                out.append((m, j, "PER"))
                continue
            if _portfolio_of(tokens, i) and starts.get(j) == "PER":
                continue  # "Minister of Emergency Management Liu Wenjie"
        m = _titled_person(tokens, i, j, lists) if typ in ("ORG", "MISC") else None
        if m is not None:  # rule 7: "Leader of Opposition Rajkumar Dhruw", "Justice Heloisa Marques Fontenelle"
            t = next((x for x in range(i, m) if is_title(tokens[x])), None)
            if t is not None:
                out.extend(_lead_parts(tokens, i, t, typ, lists))
            elif not _portfolio_of(tokens, i):  # the area of the office before: "Commissioner of" + "East X Hills"
                out.append((i, m, typ))
            out.append((m, j, "PER"))
            continue
        k = _trailing_run(tokens, i, j)
        if i < k < j and is_title(tokens[k - 1]):
            t = k - 1
            while t > i and is_title(tokens[t - 1]):
                t -= 1
            titles = [norm(x) for x in tokens[t:k]]
            # A PER span that opens with its title is step.py's job; "Dean Jones" opens with a first name.
            plain = t == i and (typ == "PER" or (k - t == 1 and titles[0] in lists.first_names))
            if not plain and _is_person_run(tokens, k, j, span, titles, lists, persons):
                out.extend(_lead_parts(tokens, i, t, typ, lists))
                out.append((k, j, "PER"))
                continue
        if typ != "PER" and _runs_into_person(tokens, i, j, starts):
            if is_title(tokens[j - 1]):
                t = j
                while t > i and is_title(tokens[t - 1]):
                    t -= 1
                out.extend(_lead_parts(tokens, i, t, typ, lists))
                continue
            if j - i == 1 and norm(tokens[i]) in lists.common and norm(tokens[j]) in _PORTFOLIO:
                continue
            if j - i <= 2 and norm(tokens[j]) in _PORTFOLIO and _plain_words(tokens, i, j, lists):
                continue  # "Unification Minister Kim Yung-ho": a portfolio
        if typ in ("ORG", "MISC") and _person_by_role(tokens, i, j):
            out.append((i, j, "PER"))
            continue
        if typ == "PER" and _org_not_person(tokens, i, j, lists, persons):
            place = norm(tokens[i]) in _PLACE_FIRST or norm(tokens[j - 1]) in _PLACE_LAST
            out.append((i, j, "LOC" if place else "ORG"))
            continue
        out.append(span)
    return [_person_edges(tokens, sp, lists) if sp[2] == "PER" else sp for sp in out]


def _runs_into_person(tokens: Sequence[str], i: int, j: int, starts: dict[int, str]) -> bool:
    """Whether the span is followed by title words (possibly none) and then a PER span."""
    k = j
    while k < len(tokens) and k not in starts and is_title(tokens[k]):
        k += 1
    return starts.get(k) == "PER" and (k > j or is_title(tokens[j - 1]))


def _org_not_person(tokens: Sequence[str], i: int, j: int, lists: Lists, persons: Mapping[str, int]) -> bool:
    """Rule 3: a PER span that reads as an organisation ("Glass Lewis")."""
    if PARTY_TAG.match(tokens[i]):
        return False  # "R-Garden City": a party and home town
    if not 2 <= j - i <= 3 or not all(tokens[x][:1].isupper() and tokens[x].isalpha() for x in range(i, j)):
        return False
    first = norm(tokens[i])
    if len(first) < 4 or first in lists.first_names or first in TITLE_WORDS or first not in lists.common or tokens[i].isupper():
        return False
    if i > 0 and tokens[i - 1][:1].isupper() and norm(tokens[i - 1]) in TITLE_WORDS:
        return False  # "Mr Glass Lewis" is a person
    return persons.get(norm(tokens[j - 1]), 0) <= 1


# Words that make a span an organisation's name whatever stands around it.
_ORG_WORDS = frozenset(
    """
    ministry department agency council committee commission office authority corp corporation inc ltd llc plc
    co company group bank party union force forces army navy police service services board foundation federation
    league club bureau institute university college school hospital court fund association alliance organisation
    organization network news times post press media tv radio airlines airways holdings partners capital
    government administration parliament assembly senate congress utilities energy power motors systems
    technologies industries foods pharmaceuticals resources mining oil gas telecom insurance securities
    investments properties logistics shipping brands labs bench tribunal
    """.split()
)


def _person_by_role(tokens: Sequence[str], i: int, j: int) -> bool:
    """Rule 4: a two- or three-word organisation span right after a role noun ("the health minister,
    Renu Mandal,", "ministry spokesperson Hiba Osman") or right before ", a/the <role>" is a person."""
    if PARTY_TAG.match(tokens[i]):
        return False  # "R-Garden City": a party and home town
    if not 2 <= j - i <= 3 or not all(_name_like(tokens[x]) and tokens[x][:1].isupper() and not tokens[x].isupper()
                                      and norm(tokens[x]) not in _ORG_WORDS for x in range(i, j)):
        return False
    k = i - 1
    if k >= 0 and tokens[k] == ",":
        k -= 1
    if k >= 0 and is_role_word(tokens[k]) and ("-" not in tokens[k] or norm(tokens[k]) in ROLE_NOUNS):
        return True  # not "a five-judge Constitution Bench"
    k = j
    if k + 1 < len(tokens) and tokens[k] == ",":
        k += 1
        if tokens[k].lower() in ("a", "an", "the"):
            k += 1
        while k < len(tokens) and k - j < 6 and not is_role_word(tokens[k]) and tokens[k].isalpha() \
                and tokens[k].lower() not in _FUNCTION_WORDS:
            k += 1
        return k < len(tokens) and is_role_word(tokens[k])
    return False


# Words that end an appositive before its role noun could come (", as chief executive").
_FUNCTION_WORDS = frozenset("as to for of in on at by with and or but who which that said says is was".split())



# Lower-case words between a given name and a father's or family name ("Khalid bin Rashid"); all but
# "ben" join any name on their left but a title word ("Reema bint Bandar", not "Sultan bin Saad":
# the pipeline would drop "Sultan" from the person's name as a title).
_JOINERS = frozenset("bin bint binti ibn ben".split())
# The Arabic article in lower case, alone ("Bashar al Assad") or fused ("al-Sudani", "el-Sisi").
_ARTICLES = frozenset(("al", "el"))
_FUSED_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[-‐‑][A-Z]\w")
# Lower-case particles inside Romance, Dutch and German names ("Lula da Silva", "María del Carmen").
_NAME_PARTICLES = frozenset("de da do dos das del della di du la le van von der den ter".split())
_PARTS = _JOINERS | _ARTICLES | _NAME_PARTICLES
# Titles whose "of" introduces a portfolio ("Minister of Public Security"), not an organisation.
_PORTFOLIO_OF = frozenset("minister ministers secretary secretaries commissioner".split())
# Given names that are more often months or days ("From January to June Comelf exported").
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Last words that make a PER-tagged span a place (not "hill" or "park": also surnames).
_STREET = frozenset("road street avenue boulevard square airport".split())
# Gazetteer categories that make a word a known name of something other than a portfolio.
_NAMED_CATS = frozenset(("LOC", "NAT", "trLOC", "trORG", "trMISC", "trPER", "FIRST"))


def _cap_name(token: str) -> bool:
    """A capitalised name word that is not a title ("Rashid", "Al-Mansouri", "Al")."""
    return token[:1].isupper() and not token.isupper() and _name_like(token) and not is_title(token)


def join_name_parts(tokens: Sequence[str], spans: Sequence[Span], lists: Lists) -> list[Span]:
    """One sentence's spans with the parts of a person's name joined across name particles ("bin",
    "al-", "del") and a known given name or family name written first before a PER span added to it."""
    spans = sorted([*spans, *_article_names(tokens, spans, lists)])
    n = len(tokens)
    if _PARTS.isdisjoint(tokens) and not any(j < n and _FUSED_ARTICLE.match(tokens[j]) for _, j, _ in spans):
        return _given_before(tokens, spans, lists)  # most sentences: no particle to join across
    by_start = {s[0]: s for s in spans}
    covered = {k for i, j, _ in spans for k in range(i, j)}

    def right_part(p: int) -> int:
        """End of the name part that starts at p: a span, or up to 3 capitalised words."""
        if p in by_start:
            return by_start[p][1]
        q = p
        while q < n and q - p < 3 and q not in covered and (_cap_name(tokens[q]) or _FUSED_ARTICLE.match(tokens[q])):
            q += 1
        return q

    out: list[Span] = []
    absorbed: set[int] = set()
    for i, j, typ in spans:
        if i in absorbed:
            continue
        given = norm(tokens[i]) in lists.first_names and not tokens[i].isupper()
        if typ == "PER" and i >= 2 and tokens[i - 1] in _JOINERS and i - 2 not in covered and _cap_name(tokens[i - 2]):
            a = i - 2  # "Khalid" + "bin" + PER "Rashid Al-Mansouri"
            while a > 0 and i - a < 4 and a - 1 not in covered and _cap_name(tokens[a - 1]):
                a -= 1
            i = a
        while j < n:
            t = tokens[j]
            left_ok = typ == "PER" or given or (t != "ben" and not is_title(tokens[i]))
            if t in _JOINERS and j + 1 < n and _cap_name(tokens[j + 1]) and left_ok:
                end = right_part(j + 1)
            elif typ == "PER" and t in _ARTICLES and j + 1 < n and _cap_name(tokens[j + 1]):
                end = right_part(j + 1)
            elif typ == "PER" and _FUSED_ARTICLE.match(t) and j not in covered:
                end = j + 1
            elif typ == "PER" and t in _NAME_PARTICLES:
                m = j + 1 if j + 1 < n and tokens[j + 1] in _NAME_PARTICLES else j
                nxt = by_start.get(m + 1)
                if nxt is None or nxt[2] != "PER":
                    break
                end = nxt[1]
            else:
                break
            if end <= j + (t in _JOINERS or t in _ARTICLES):
                break
            for s in spans:
                if j <= s[0] < end:
                    absorbed.add(s[0])
                    end = max(end, s[1])
            j, typ = end, "PER"
        out.append((i, j, typ))
    return _given_before(tokens, out, lists)


def _article_names(tokens: Sequence[str], spans: Sequence[Span], lists: Lists) -> list[Span]:
    """New PER spans for untagged names written as a known given name and a name fused with the Arabic
    article ("Bashar al-Assad")."""
    out: list[Span] = []
    for k in range(1, len(tokens)):
        if "-" in tokens[k] and _FUSED_ARTICLE.match(tokens[k]) and _known_given(tokens[k - 1], lists):
            if not any(i <= x < j for i, j, _ in spans for x in (k - 1, k)):
                out.append((k - 1, k + 1, "PER"))
    return out


def _given_before(tokens: Sequence[str], spans: list[Span], lists: Lists) -> list[Span]:
    """PER spans extended over a known given name or family name written first right before them
    ("Ding" + "Xuexiang"), and a one-word span that is a given name joined to the PER span after it."""
    out: list[Span] = []
    for i, j, typ in spans:
        if typ == "PER" and i > 0:
            if out and out[-1][1] == i and out[-1][1] - out[-1][0] == 1 and _known_given(tokens[i - 1], lists):
                i = out.pop()[0]  # "Hassan" (LOC) + "Sheikh Mohamud"
            elif (not out or out[-1][1] < i) and tokens[i - 1].isalpha() and _cap_name(tokens[i - 1]):
                w = norm(tokens[i - 1])
                if _known_given(tokens[i - 1], lists) or (w in lists.surnames_first and w not in lists.common):
                    i -= 1
        out.append((i, j, typ))
    return out


def _known_given(token: str, lists: Lists) -> bool:
    """A capitalised word that is a known given name and not a common word."""
    w = norm(token)
    return len(w) > 1 and w in lists.first_names and w not in lists.common and w not in _CALENDAR and _cap_name(token)


def _after_title(tokens: Sequence[str], i: int) -> bool:
    """Whether a title or role word stands before token i, across "of", "the" and possessives."""
    k = i - 1
    while k >= 0 and i - k <= 3 and (tokens[k].lower() in ("of", "the") or tokens[k] in _POSSESSIVE):
        k -= 1
    return k >= 0 and k < i - 1 and (is_title(tokens[k]) or is_role_word(tokens[k]))


def _portfolio_of(tokens: Sequence[str], i: int) -> bool:
    """Whether the words from i follow "<Minister/Secretary> of" (a portfolio, not an organisation)."""
    return i >= 2 and tokens[i - 1] == "of" and norm(tokens[i - 2]) in _PORTFOLIO_OF


def _name_words(words: Sequence[str], lists: Lists, letters_only: bool = False) -> bool:
    """Whether words may be a person's name that ends an ORG/MISC span: each capitalised, not an organisation
    word or a common word (with `letters_only`, letters only), and the words together not a gazetteer entry of
    something other than a person."""
    if not all(_cap_name(w) and (w.isalpha() or not letters_only) and norm(w) not in _ORG_WORDS
               and norm(w) not in lists.common for w in words):
        return False
    return not any(c in _NOT_PERSON_CATS for c in lists.entries.get(tuple(norm(w) for w in words), ()))


def _trailing_person(tokens: Sequence[str], i: int, j: int, lists: Lists) -> int | None:
    """Rule 5: where a person's name (a given name and a name, or a family name written first and a
    given name) ends an ORG/MISC span written after a title, or None."""
    if not _after_title(tokens, i):
        return None
    for size in (3, 2):
        m = j - size
        if m <= i:
            continue
        words = tokens[m:j]
        if not _name_words(words, lists):
            continue
        first = norm(words[0])
        if first in lists.first_names or first in lists.surnames_first:
            while m - 2 > i and tokens[m - 1] in _JOINERS and _cap_name(tokens[m - 2]):
                m -= 2  # "... Trade Thani bin Ahmed Al Zeyoudi"
            return m
    return None


# Last words of the area an office covers ("DIG Larkana Range", "Commissioner of West Jaintia Hills").
_OFFICE_AREA = _PLACE_LAST | frozenset("hills range district division zone region province state county".split())


def _titled_person(tokens: Sequence[str], i: int, j: int, lists: Lists) -> int | None:
    """Rule 7: where a person's name ends an ORG/MISC span that holds a title, or None ("Federal Undersecretary of
    Public Security Lucia Aranda Fuentes", "DIG Larkana Range X"). The name is the last two or three words, none a
    common word, a title or an organisation word; the word before it is a title or a common word of the office (the
    span may also open after "<title> of": "Commissioner of" + "East Karbi Hills X Y")."""
    titled = any(is_title(tokens[x]) and norm(tokens[x]) not in _AMBIGUOUS - WEAK_ROLES for x in range(i, j - 2))
    # A title that opens organisation names too ("Board Chair X Y") needs "of" after it or a three-word name.
    weak = not any(is_title(tokens[x]) and (norm(tokens[x]) not in _AMBIGUOUS or tokens[x + 1] == "of")
                   for x in range(i, j - 2))
    if not titled and not (_after_title(tokens, i) and tokens[i - 1] == "of"):
        return None
    whole = tuple(norm(t) for t in tokens[i:j])
    if any(c in _NOT_PERSON_CATS for c in lists.entries.get(whole, ())):
        return None
    for size in (3, 2):
        m = j - size
        if m <= i:
            continue
        words = tokens[m:j]
        if not _name_words(words, lists, letters_only=True):
            continue
        before = tokens[m - 1]
        if size == 3 and _cap_name(before) and before.isalpha() and norm(before) not in lists.common:
            continue  # four unknown words: where the name starts is not clear
        b = norm(before)
        if titled and weak and size < 3:
            continue
        if not titled:  # after "<title> of" the name follows an area: not "director of PT Bahari Buton Sejahtera"
            if b in _OFFICE_AREA or (b in lists.common and b not in _ORG_WORDS and not before.isupper()):
                return m
        elif is_title(before) or before.isupper() or b in lists.common or b in _OFFICE_AREA or b in _ORG_WORDS:
            return m
    return None


def _plain_words(tokens: Sequence[str], i: int, j: int, lists: Lists) -> bool:
    """Whether tokens[i:j] are capitalised words that name nothing on their own (a portfolio)."""
    for x in range(i, j):
        w = norm(tokens[x])
        if not tokens[x].isalpha() or tokens[x].isupper() or w in _ORG_WORDS:
            return False
        if _NAMED_CATS.intersection(lists.entries.get((w,), ())):
            return False
    return not _NAMED_CATS.intersection(lists.entries.get(tuple(norm(t) for t in tokens[i:j]), ()))


def _person_edges(tokens: Sequence[str], span: Span, lists: Lists) -> Span:
    """Rule 6: a PER span without a title word that opens it; one ending in a place word is a place."""
    i, j, typ = span
    if j - i >= 2 and norm(tokens[j - 1]) in _STREET:
        return (i - 1 if i and is_title(tokens[i - 1]) else i, j, "LOC")  # "Sheikh Zayed Road"
    while j - i >= 2 and is_title(tokens[i]) and norm(tokens[i]) not in lists.first_names and tokens[i + 1][:1].isupper():
        i += 1
    return (i, j, typ)
