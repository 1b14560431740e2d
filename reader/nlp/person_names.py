"""Person-name helpers for linking: titles, name parts, first-name genders and compatibility."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_MODEL = Path(__file__).resolve().parent / "models" / "first_names.json"

# Title words that may open a person name ("Mr", "Deputy Prime Minister", "Sen."), lower-cased, no dot.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle monsieur herr frau
    president vice prime deputy minister secretary chancellor premier governor gov mayor senator sen
    rep representative congressman congresswoman speaker ambassador envoy judge justice
    general gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm sergeant sgt
    corporal cpl private pvt brigadier marshal field chief
    king queen prince princess emperor empress sheikh emir sultan pope cardinal bishop archbishop
    rev reverend father fr rabbi imam saint st
    """.split()
)
MALE_TITLES: frozenset[str] = frozenset("mr sir lord monsieur herr king prince emperor sultan sheikh emir father fr".split())
FEMALE_TITLES: frozenset[str] = frozenset("mrs ms miss dame lady madam madame mme mlle frau queen princess empress".split())
# Titles that on their own, right before a capitalised word, mark it as a person.
PERSON_TITLES: frozenset[str] = frozenset(
    "mr mrs ms miss dr prof sir dame president senator sen gov governor rep gen general col lt capt".split()
)
NAME_SUFFIXES: frozenset[str] = frozenset("jr sr ii iii iv v phd md".split())

_WORD = re.compile(r"\S+")
# A Korean or Chinese given name written with a hyphen ("Dong-soo", "Mi-kyung"): a person's name.
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}$")
_TITLE_WORD = re.compile(r"([A-Za-z]+)\.?\s+")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,11})\.?\s+$")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into given names (lower-cased, without particles) and surname."""

    given: tuple[str, ...]
    surname: str


def clean_word(word: str) -> str:
    """A name word lower-cased with dots and stray punctuation removed ("J." -> "j")."""
    return word.casefold().replace(".", "").strip(",;:()[]\"'“”‘’")


@lru_cache(maxsize=16384)
def parse_person(surface: str) -> PersonName:
    """Split a person name (titles already removed) into given names and surname (cached: a name recurs).

    East Asian names written family name first ("Liu Wenjie", "Pham Minh Chinh", "Kim Dong-soo")
    have their first word as the surname; an Arabic article before the last word belongs to the
    surname ("Mohammed bin Zayed Al Nahyan" -> "al nahyan")."""
    words = [w for w in _WORD.findall(surface)]
    while len(words) > 1 and clean_word(words[-1]) in NAME_SUFFIXES:
        words.pop()
    if not words:
        return PersonName((), "")
    if len(words) == 2 and HYPHENATED_GIVEN.match(words[1]) and len(words[0]) <= 5:
        # surname first, hyphenated given name last: "Kim Dong-soo" is Mr Kim
        return PersonName((clean_word(words[1]),), clean_word(words[0]))
    if surname_first(words):
        return PersonName(tuple(clean_word(w) for w in words[1:]), clean_word(words[0]))
    surname = clean_word(words[-1])
    rest = words[:-1]
    if rest and rest[-1] in _ARTICLES:
        surname = clean_word(rest.pop()) + " " + surname
    given = tuple(clean_word(w) for w in rest if w[:1].isupper() or w[:1].isdigit())
    return PersonName(tuple(g for g in given if g), surname)


_ARTICLES = frozenset(("Al", "El"))


def surname_first(words: list[str]) -> bool:
    """Whether a name of 2-4 capitalised words is written family name first ("Wang Yi", "Nguyen Thi
    Thu Ha", "Kim Jong Un"; not "Lee Anderson" or "Kim Clijsters").

    The first word must be a Chinese, Korean or Vietnamese family name. When it is also a Western
    given name (Lee, Kim), the rest must be East Asian given names, or two short syllables that are
    not Western given names ("Kim Jong Un", "Lee Hsien Loong")."""
    from reader.nlp.ner.gazetteers import fold_accents, load_international, western_first_names

    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    names = load_international()
    first = fold_accents(clean_word(words[0]))
    if first not in names.surnames_first:
        return False
    western = western_first_names()
    if first not in western:
        return True
    rest = [fold_accents(clean_word(w)) for w in words[1:]]
    if all(r in names.east_asian_given and r not in western for r in rest):
        return True
    return len(rest) == 2 and all(len(r) <= 5 and r not in western for r in rest)


def _given_match(a: str, b: str) -> bool:
    """Two given names agree: equal, or one is an initial of the other ("j" ~ "john", "jr" ~ "john")."""
    if a == b:
        return True
    if len(a) <= 2 and a.isalpha() and len(b) > 0:
        return a[0] == b[0]
    if len(b) <= 2 and b.isalpha() and len(a) > 0:
        return a[0] == b[0]
    return False


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names are compatible when either is empty, first names agree, or one set holds the other."""
    if not a or not b:
        return True
    if _given_match(a[0], b[0]):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_given_match(s, g) and len(s) > 2 for g in long_) for s in short)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name (lower-cased) -> "m" or "f", from the shipped JSON model; empty if it is missing."""
    try:
        data = json.loads(_MODEL.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    for name in data.get("male", ()):
        out[str(name)] = "m"
    for name in data.get("female", ()):
        out[str(name)] = "f"
    return out


@lru_cache(maxsize=1)
def international_genders() -> dict[str, str]:
    """Given name (lower-cased) -> "m" or "f" from the hand-written international list
    (models/international_names.json); empty if it is missing or unreadable."""
    from reader.nlp.ner.gazetteers import load_international

    try:
        return load_international().genders
    except (OSError, ValueError, KeyError):
        return {}


def gender_of(given: tuple[str, ...]) -> str:
    """ "m", "f" or "" (unknown) from the first full given name."""
    genders = first_name_genders()
    for name in given:
        if len(name) > 2:
            return genders.get(name) or international_genders().get(name, "")
    return ""


def strip_title(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Drop leading title words from a name span; returns the new span and the title gender hint."""
    gender = ""
    while True:
        m = _TITLE_WORD.match(text, start, end)
        if not m or m.end() >= end:
            break
        word = m.group(1).lower()
        if word not in TITLE_WORDS or not m.group(1)[:1].isupper():
            break
        gender = gender or ("m" if word in MALE_TITLES else "f" if word in FEMALE_TITLES else "")
        start = m.end()
    return start, end, gender


def title_before(text: str, start: int) -> str:
    """The title word (lower-cased) written right before a span ("Mr Okafor" -> "mr"), or ""."""
    m = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    if m and m.group(1).lower() in TITLE_WORDS:
        return m.group(1).lower()
    return ""
