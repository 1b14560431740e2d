"""Pipeline step "link": cluster name mentions into entities and add pronoun and description mentions.

Input: the NER layer (one entity per distinct name, mentions of kind "name"). Output: one entity per
real-world thing, named by its longest full form, with ids e1, e2, ... in order of first mention.

Rules, in order:
1. Name spans are cleaned: leading titles ("Mr", "Deputy Prime Minister") and trailing possessives
   ("Annan's") are cut off; a title before or inside the span makes it a PERSON.
2. Labels are voted per normalised string (case, dots and possessives ignored): the majority wins.
3. Person names link by surname to the most recent person whose given names are compatible
   ("J. Weston" ~ "John Weston", "Mr Okafor" ~ "Amara Okafor"; "Maria Holt" and "James Holt" stay apart).
   Other names link only when their normalised strings are equal ("Rivne" != "Rivne region").
4. Aliases written in the text join two names: "X (ACRONYM)", "X (known as Y)", "X, also known as Y",
   "X, formerly Y" (see aliases.py); an all-capitals acronym joins the one multi-word name it abbreviates.
5. Descriptions ("X, the Y," / "the Y, X,") and pronouns (he/she...) are added (descriptions.py, pronouns.py).
"""

from __future__ import annotations

import bisect
import json
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Sequence

from reader.document import ENTITY_LABELS, MENTION_KINDS, Document, Entity, Mention, Mentions
from reader.memory import trim_memory
from reader.nlp import LONG_TEXT_CHARS, aliases, descriptions, pronouns
from reader.nlp.person_names import (
    FEMALE_TITLES,
    MALE_TITLES,
    PERSON_TITLES,
    clean_word,
    gender_of,
    given_compatible,
    parse_person,
    strip_title,
    title_before,
)

_GAZETTEER = Path(__file__).resolve().parent / "models" / "gazetteers.json"
_OPENERS = (
    "Both|And|But|Or|So|Yet|If|When|While|After|Before|Since|Although|Though|As|At|In|On|For|From|By|With|"
    "Only|All|Many|Some|This|That|These|Those|Earlier|Later|Meanwhile|However|Also|Then|Now|Speaking|Even"
)
_PARTICLES = "von|van|de|der|den|da|du|di|del|la|le|el|al|bin|ibn|ben|bint|dos|das|y"
_LEADING_JUNK = re.compile(rf"(?:(?:{_OPENERS})|(?!(?:{_PARTICLES})\b)[a-z][\w'’-]*)[ \t]+")
_TRAIL = "".join(",;:!?\"'“”‘’()[]")
_SPAN = attrgetter("start", "end")


# Titles that also open organisation names: they make a PERSON only before a given name or two+ words.
_ORG_OPENERS = frozenset({"general", "president", "gen"})


def _person_rest(rest: str) -> bool:
    """True when the words after an ambiguous title read as a person's name ("General Mark Hale")."""
    words = rest.split()
    return len(words) >= 2 or (bool(words) and gender_of((words[0].lower(),)) != "")


@dataclass(slots=True)
class _Name:
    """A cleaned name mention."""

    start: int
    end: int
    label: str
    surface: str
    key: str
    gender: str = ""
    forced_person: bool = False


class _Union:
    """Union-find over mention indices."""

    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        """Add a singleton set and return its index."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        """The root of i's set (with path halving)."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the sets of a and b; the earlier index stays root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@lru_cache(maxsize=16384)
def name_key(surface: str) -> str:
    """The normalised form names are compared by: case-folded words without dots or possessives."""
    words = [clean_word(w) for w in surface.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return " ".join(w for w in words if w)


def _clean(text: str, start: int, end: int, label: str) -> _Name | None:
    """Trim a raw name span to the name itself and note title evidence; None if nothing is left."""
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in _TRAIL):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAIL):
        end -= 1
    if text[end - 2 : end] in ("'s", "’s", "'S", "’S") and end - 2 > start:
        end -= 2
    elif text[end - 1 : end] in ("'", "’") and text[end - 2 : end - 1] == "s" and end - 1 > start:
        end -= 1
    # NER sometimes takes in a sentence opener or a lower-case modifier ("Both Paris", "north-western Galicia").
    while True:
        m = _LEADING_JUNK.match(text, start, end)
        if not m or m.end() >= end:
            break
        start = m.end()
    s2, e2, gender = strip_title(text, start, end)
    forced = s2 != start and label != "PERSON" and text[s2 : s2 + 1].isupper()
    if s2 != start:
        word = re.match(r"[A-Za-z]+", text[start:s2])
        forced = forced and bool(word) and word.group().lower() in PERSON_TITLES
        if forced and word.group().lower() in _ORG_OPENERS and not _person_rest(text[s2:end]):
            forced = False  # "General Assembly", "President Hotel": an organisation's name, not a title
        if label == "PERSON" or forced:
            start = s2
    if end <= start:
        return None
    before = title_before(text, start)
    if before:
        gender = gender or ("m" if before in MALE_TITLES else "f" if before in FEMALE_TITLES else "")
        forced = forced or (before in PERSON_TITLES and label != "PERSON")
    surface = " ".join(text[start:end].split())
    key = name_key(surface)
    if not key:
        return None
    return _Name(start, end, "PERSON" if forced else label, surface, key, gender if label == "PERSON" or forced else "", forced)


def _collect(doc: Document) -> list[_Name]:
    """Cleaned, non-overlapping name mentions in text order."""
    raw: list[_Name] = []
    same = {}.setdefault  # one string per distinct surface: a long text repeats its names many times
    for ent in doc.entities:
        label = ent.label if ent.label in ENTITY_LABELS else "MISC"
        for m in ent.mentions:
            if m.kind != "name" or not isinstance(m.start, int) or not isinstance(m.end, int) or m.end <= m.start:
                continue
            name = _clean(doc.text, m.start, m.end, label)
            if name is not None:
                name.surface = same(name.surface, name.surface)
                raw.append(name)
    width = len(doc.text) + 1  # by start, then longest first: one int a key, not a tuple and an int
    raw.sort(key=lambda n: n.start * width - n.end)
    out: list[_Name] = []
    last_end = -1
    for name in raw:
        if name.start >= last_end:
            out.append(name)
            last_end = name.end
    return out


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Case-folded one-word place names from the shipped gazetteer (empty if it is missing)."""
    try:
        data = json.loads(_GAZETTEER.read_text(encoding="utf-8"))
        return frozenset(str(x).casefold() for x in data["lists"]["LOC"] if " " not in str(x))
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()


def _vote_labels(names: list[_Name]) -> None:
    """Give every mention of one normalised string its majority label (full-name surnames vote PERSON)."""
    votes: dict[str, dict[str, float]] = {}
    first: dict[str, str] = {}
    for n in names:
        # A lone word tagged PERSON with no title that is also a known place counts half ("Kyiv has been...").
        weak = n.label == "PERSON" and " " not in n.key and not n.gender and not n.forced_person
        weight = 0.5 if weak and n.key in place_names() else 1.0
        counter = votes.setdefault(n.key, {})
        counter[n.label] = counter.get(n.label, 0.0) + weight
        first.setdefault(n.key, n.label)
    for n in names:
        if n.label == "PERSON" and " " in n.key:
            surname = n.key.rsplit(" ", 1)[1]
            if surname in votes:
                votes[surname]["PERSON"] = votes[surname].get("PERSON", 0.0) + 1.0
    winner: dict[str, str] = {}
    for key, counter in votes.items():
        best = max(counter.values())
        tied = [lab for lab, c in counter.items() if c >= best - 1e-9]
        if len(tied) > 1:  # on a tie, a place/organisation/other label beats PERSON, then the first label seen wins
            tied.sort(key=lambda lab: (lab == "PERSON", lab != first[key]))
        winner[key] = tied[0]
    for n in names:
        if not n.forced_person:
            n.label = winner[n.key]


def _cluster_people(names: list[_Name], uf: _Union) -> list[tuple[int, str]]:
    """Link person mentions by surname and compatible given names; returns (a member, gender) per person."""
    clusters: list[dict] = []
    by_surname: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        if n.label != "PERSON":
            continue
        pn = parse_person(n.surface)
        gender = n.gender or gender_of(pn.given)
        best = -1
        for ci in by_surname.get(pn.surname, ()):
            c = clusters[ci]
            if not given_compatible(c["given"], pn.given):
                continue
            if c["gender"] and gender and c["gender"] != gender:
                continue
            if best < 0 or c["last"] > clusters[best]["last"]:
                best = ci
        if best < 0:
            clusters.append({"given": pn.given, "last": n.start, "member": i, "gender": gender})
            by_surname.setdefault(pn.surname, []).append(len(clusters) - 1)
            continue
        c = clusters[best]
        uf.union(c["member"], i)
        c["last"] = n.start
        if len(pn.given) > len(c["given"]) or (len(pn.given) == len(c["given"]) and sum(map(len, pn.given)) > sum(map(len, c["given"]))):
            c["given"] = pn.given
        if not c["gender"]:
            c["gender"] = gender
    return [(c["member"], c["gender"] or gender_of(c["given"])) for c in clusters]


def _join_same_strings(names: list[_Name], uf: _Union) -> None:
    """Join non-person names whose normalised strings are equal."""
    first_of_key: dict[str, int] = {}
    for i, n in enumerate(names):
        if n.label != "PERSON":
            uf.union(i, first_of_key.setdefault(n.key, i))


def _overlaps(starts: Sequence[int], ends: Sequence[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps any of the sorted, non-overlapping spans [starts[i], ends[i])."""
    i = bisect.bisect_right(starts, s) - 1
    if i >= 0 and ends[i] > s:
        return True
    return i + 1 < len(starts) and starts[i + 1] < e


def _add_aliases(text: str, names: list[_Name], uf: _Union) -> None:
    """Join names to the aliases written after them, adding alias mentions NER missed."""
    # the names' offsets as arrays (they are sorted and do not overlap, so a start is one name's)
    starts, ends = array("q", [n.start for n in names]), array("q", [n.end for n in names])
    new_aliases: list[tuple[int, int, int]] = []  # (start, end, index of the name they alias)
    for i, n in enumerate(list(names)):
        found = aliases.alias_after(text, n.start, n.end)
        if found is None:
            continue
        s, e = found
        j = bisect.bisect_left(starts, s)
        if j < len(starts) and starts[j] == s:
            uf.union(i, j)
        elif not _overlaps(starts, ends, s, e):
            new_aliases.append((s, e, i))
    added: list[tuple[int, int, int]] = list(new_aliases)
    declared = {s for s, _, _ in new_aliases}
    owner: dict[str, int] = {}
    for s, e, i in new_aliases:
        owner.setdefault(text[s:e], i)
    if owner:
        # Other occurrences of the new alias strings, found in one pass over the text.
        alts = "|".join(re.escape(a) for a in sorted(owner, key=len, reverse=True))
        for m in re.finditer(r"(?<![\w'’-])(?:" + alts + r")(?![\w-])", text):
            if m.start() not in declared and not _overlaps(starts, ends, m.start(), m.end()):
                added.append((m.start(), m.end(), owner[m.group()]))
    added.sort()
    last_end = -1
    for s, e, i in added:
        if s < last_end:
            continue
        last_end = e
        surface = " ".join(text[s:e].split())
        names.append(_Name(s, e, names[i].label, surface, name_key(surface)))
        uf.add()
        uf.union(i, len(names) - 1)


def _join_acronyms(names: list[_Name], uf: _Union) -> None:
    """Join an all-capitals acronym ("EU", "U.S.") to the single multi-word name it abbreviates."""
    expansions: dict[str, set[int]] = {}
    for i, n in enumerate(names):
        if n.label != "PERSON" and " " in n.surface:
            for variant in aliases.acronym_variants(n.surface):
                expansions.setdefault(variant, set()).add(uf.find(i))
    if not expansions:
        return
    for i, n in enumerate(names):
        if n.label == "PERSON" or " " in n.surface:
            continue
        letters = aliases.letters_of(n.surface)
        if len(letters) < 2 or not (n.surface.isupper() or "." in n.surface):
            continue
        roots = {uf.find(r) for r in expansions.get(letters, ())}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _majority_label(names: list[_Name], idx: list[int]) -> str:
    """The label most of an entity's names have; on a tie, the label of the first-written of them."""
    if len(idx) == 1:
        return names[idx[0]].label
    counts: dict[str, int] = {}
    for i in idx:
        label = names[i].label
        counts[label] = counts.get(label, 0) + 1
    top = max(counts.values())
    tied = [label for label, c in counts.items() if c == top]
    if len(tied) == 1:
        return tied[0]
    return next(names[i].label for i in sorted(idx, key=lambda k: names[k].start) if counts[names[i].label] == top)


def _rank(n: _Name) -> tuple[int, bool, int, int]:
    return (len(n.surface.split()), any(c.islower() for c in n.surface), len(n.surface), -n.start)


def _canonical(names: list[_Name], idx: list[int], label: str) -> str:
    """The entity's name: a person's longest full form; for other things the longest form of the
    first-written name that is not an acronym ("Velmora, formerly Port Eastwick" -> "Velmora")."""
    if len(idx) == 1:
        return names[idx[0]].surface
    if label != "PERSON":
        variants: set[str] = set()
        for form in {names[i].surface for i in idx if " " in names[i].surface}:
            variants |= aliases.acronym_variants(form)
        plain = [i for i in idx if " " in names[i].surface or aliases.letters_of(names[i].surface) not in variants]
        if plain:
            first_key = names[min(plain, key=lambda k: names[k].start)].key
            idx = [i for i in plain if names[i].key == first_key]
    return names[max(idx, key=lambda k: _rank(names[k]))].surface


def _sentences(doc: Document) -> Iterable[tuple[int, int]]:
    """Sentence spans, in order (segmenting here if the layer is missing)."""
    if doc.sentences:
        return ((s.start, s.end) for s in doc.sentences)  # one at a time: a long text has tens of thousands
    if not doc.text.strip():
        return []
    from reader.nlp.segment import split_sentences

    return split_sentences(doc.text)


def link(doc: Document) -> list[Entity]:
    """Cluster the document's name mentions into entities with pronoun and description mentions."""
    text = doc.text
    names = _collect(doc)
    if not names:
        return []
    _vote_labels(names)
    uf = _Union()
    for _ in names:
        uf.add()
    people = _cluster_people(names, uf)
    _join_same_strings(names, uf)
    _add_aliases(text, names, uf)
    _join_same_strings(names, uf)
    _join_acronyms(names, uf)
    genders: dict[int, str] = {}
    for member, gender in people:
        root = uf.find(member)
        genders[root] = genders.get(root) or gender

    members: dict[int, list[int]] = {}
    for i in range(len(names)):
        members.setdefault(uf.find(i), []).append(i)
    labels: dict[int, str] = {}
    canon: dict[int, str] = {}
    for root, idx in members.items():
        labels[root] = _majority_label(names, idx)
        canon[root] = _canonical(names, idx, labels[root])
    del members  # (a list of ints per entity: a long text's would stay beside what follows)

    # start, end, root and kind of each mention, one after another: the Mentions are made at the end, once
    # the working objects above are freed (made among them, the many that stay would keep them resident)
    rows: list[int | str] = []
    name_spans = sorted((n.start, n.end, uf.find(i)) for i, n in enumerate(names))
    for s, e, root in name_spans:
        rows += (s, e, root, "name")

    extras: list[tuple[int, int, int, str]] = []
    for s, e, root in descriptions.find_descriptions(text, name_spans):
        extras.append((s, e, root, "description"))
    persons = [(s, e, root) for s, e, root in name_spans if labels[root] == "PERSON"]
    if persons:
        person_genders = {root: genders.get(root, "") for _, _, root in persons}
        for s, e, root in pronouns.resolve_pronouns(text, _sentences(doc), persons, person_genders):
            extras.append((s, e, root, "pronoun"))
    starts, ends = array("q", [s for s, _, _ in name_spans]), array("q", [e for _, e, _ in name_spans])
    extras.sort(key=lambda x: (x[0], -x[1]))
    last_end = -1
    for s, e, root, kind in extras:
        if s < last_end or e <= s or _overlaps(starts, ends, s, e):
            continue
        last_end = e
        rows += (s, e, root, kind)

    del names, uf, people, genders, name_spans, extras, persons, starts, ends
    if len(text) >= LONG_TEXT_CHARS:  # their big lists' memory, freed, is of no use to the Mentions
        trim_memory()
    in_order = _mention_layers(rows, labels, columns=len(text) >= LONG_TEXT_CHARS)
    del rows
    order = sorted(in_order, key=lambda r: in_order[r][0].start)
    return [
        Entity(id=f"e{k}", label=labels[root], name=canon[root], mentions=in_order[root])  # type: ignore[arg-type]
        for k, root in enumerate(order, 1)
    ]


def _mention_layers(
    rows: list[int | str], roots: Iterable[int], columns: bool = False
) -> dict[int, Sequence[Mention]]:
    """Each root's mentions in text order, from the rows (start, end, root, kind, one after another): a
    tuple of Mentions, or for a long text `Mentions` columns (~9 bytes a mention, not ~110)."""
    if not columns:
        mentions: dict[int, list[Mention]] = {root: [] for root in roots}
        for k in range(0, len(rows), 4):
            mentions[rows[k + 2]].append(Mention(rows[k], rows[k + 1], rows[k + 3]))  # type: ignore[arg-type,index]
        return {root: tuple(sorted(ms, key=_SPAN)) for root, ms in mentions.items()}
    at: dict[int, list[int]] = {root: [] for root in roots}  # each root's rows, by their offset in `rows`
    for k in range(0, len(rows), 4):
        at[rows[k + 2]].append(k)  # type: ignore[index]
    kinds = {kind: i for i, kind in enumerate(MENTION_KINDS)}
    out: dict[int, Sequence[Mention]] = {}
    for root, ks in at.items():
        ks.sort(key=lambda k: (rows[k], rows[k + 1]))  # stable, as the sort of the Mentions by span
        out[root] = Mentions([rows[k] for k in ks], [rows[k + 1] for k in ks],  # type: ignore[misc]
                             array("B", [kinds[rows[k + 3]] for k in ks]), MENTION_KINDS)  # type: ignore[index]
    return out


def run(doc: Document) -> Document:
    """Pipeline step: re-cluster the NER entities into linked entities."""
    return doc.with_layers(entities=link(doc))
