"""Gazetteers: name lists shipped as JSON, and fast longest-match lookup over token lists."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from reader.nlp.ner.normalize import norm

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "models" / "gazetteers.json"
# Hand-written given names from naming traditions the Western FIRST list lacks, surnames written
# first (Chinese, Korean, Vietnamese) and nationality adjectives: merged into FIRST and NAT at load.
INTERNATIONAL_PATH = GAZETTEER_PATH.with_name("international_names.json")
# Regions of the international list whose names are written family name first.
EAST_ASIAN = frozenset(("chinese", "korean", "vietnamese"))

# Categories whose entries are matched as name spans (the others are single-word cue lists).
CUE_LISTS = ("TITLE", "COMMON")


def entry_tokens(name: str) -> tuple[str, ...]:
    """The normalised tokens of a gazetteer entry ("New York" -> ("new", "york"))."""
    return tuple(norm(t) for t in name.split())


class Gazetteer:
    """Name lists by category, matched against capitalised token sequences."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self.entries: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.cues: dict[str, frozenset[str]] = {}
        build: dict[tuple[str, ...], set[str]] = {}
        for cat, names in lists.items():
            if cat in CUE_LISTS:
                self.cues[cat] = frozenset(norm(n) for n in names)
                continue
            for name in names:
                toks = entry_tokens(name)
                if toks:
                    build.setdefault(toks, set()).add(cat)
        self.entries = {k: tuple(sorted(v)) for k, v in build.items()}
        self.firsts = frozenset(k[0] for k in self.entries if len(k) > 1)
        self.maxlen = max((len(k) for k in self.entries), default=1)

    def cue(self, cat: str) -> frozenset[str]:
        """The normalised words of a single-word cue list (e.g. TITLE)."""
        return self.cues.get(cat, frozenset())

    def match(self, norms: Sequence[str], capital: Sequence[bool]) -> list[list[str]]:
        """Per token, the gazetteer features ("g=LOC:B", "g=LOC:I") of matches starting at a capital."""
        n = len(norms)
        out: list[list[str]] = [[] for _ in range(n)]
        entries = self.entries
        firsts = self.firsts
        for i in range(n):
            if not capital[i]:
                continue
            w = norms[i]
            if w in firsts:
                for length in range(min(self.maxlen, n - i), 1, -1):
                    cats = entries.get(tuple(norms[i : i + length]))
                    if cats:
                        for c in cats:
                            out[i].append("g=" + c + ":B")
                            for j in range(i + 1, i + length):
                                out[j].append("g=" + c + ":I")
                        break
            cats = entries.get((w,))
            if cats:
                for c in cats:
                    out[i].append("g=" + c + ":U")
        return out


def load_lists(
    path: str | Path = GAZETTEER_PATH, international: str | Path | None = INTERNATIONAL_PATH
) -> dict[str, list[str]]:
    """Read the shipped gazetteer lists (category -> names), with the international names merged in
    (given names into FIRST, nationalities into NAT) unless `international` is None."""
    with Path(path).open(encoding="utf-8") as fh:
        data = json.load(fh)
    lists = {str(k): [str(x) for x in v] for k, v in data["lists"].items()}
    if international is not None:
        extra = load_international(str(international))
        for cat, names in (("FIRST", extra.given), ("NAT", extra.nationalities)):
            have = set(lists.get(cat, ()))
            lists[cat] = lists.get(cat, []) + sorted(n for n in names if n not in have)
    return lists


@lru_cache(maxsize=1)
def western_first_names() -> frozenset[str]:
    """The shipped FIRST list without the international names, normalised (Kantrowitz's given names,
    unisex ones such as "Lee" and "Kim" included)."""
    return frozenset(norm(n) for n in load_lists(international=None).get("FIRST", ()))


# Letters that Unicode does not decompose into a base letter and a mark.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})


def fold_accents(name: str) -> str:
    """A name without diacritics ("Özgür" -> "Ozgur", "Nguyễn" -> "Nguyen"), as news often writes it."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class InternationalNames:
    """The hand-written international name lists, each name also without its diacritics."""

    given: tuple[str, ...]  # given names of every region
    genders: dict[str, str]  # given name (lower case) -> "m" / "f" (absent: unisex or not marked)
    surnames_first: frozenset[str]  # normalised family names written before the given name
    nationalities: tuple[str, ...]
    east_asian_given: frozenset[str] = frozenset()  # normalised Chinese, Korean and Vietnamese given names


@lru_cache(maxsize=4)
def load_international(path: str = str(INTERNATIONAL_PATH)) -> InternationalNames:
    """Read the international name lists (see `INTERNATIONAL_PATH`); a name with diacritics is also
    listed without them."""
    with Path(path).open(encoding="utf-8") as fh:
        data = json.load(fh)
    given: dict[str, None] = {}
    sexes: dict[str, set[str]] = {}
    east: set[str] = set()
    for region, by_sex in data["given"].items():
        for sex, names in by_sex.items():
            for name in names:
                for form in (str(name), fold_accents(str(name))):
                    given[form] = None
                    sexes.setdefault(form.casefold(), set()).add(sex)
                    if region in EAST_ASIAN:
                        east.add(norm(form))
    genders = {n: next(iter(s)) for n, s in sexes.items() if len(s) == 1 and s <= {"m", "f"}}
    surnames = frozenset(
        norm(form) for names in data["surname_first"].values() for n in names for form in (n, fold_accents(n))
    )
    nat = tuple(dict.fromkeys(str(n) for n in data.get("nationalities", ())))
    return InternationalNames(tuple(given), genders, surnames, nat, frozenset(east))



def load_relabel(path: str | Path = GAZETTEER_PATH) -> dict[str, str]:
    """Training-label overrides shipped with the lists (single-token name -> entity type)."""
    with Path(path).open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {str(name): str(typ) for typ, names in data.get("relabel", {}).items() for name in names}
