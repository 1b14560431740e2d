"""Gazetteers: name lists shipped as JSON, and fast longest-match lookup over token lists."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import ItemsView, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress
from pathlib import Path
from typing import Any, Iterable, Sequence

from reader.nlp.ner.normalize import norm, normalize_word

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


class Entries(Mapping[tuple[str, ...], tuple[str, ...]]):
    """A gazetteer's entries as one read-only mapping: normalised tokens -> sorted categories.

    One-word entries are stored by their word (no one-element tuple each), longer ones by their
    token tuple; a lookup by a one-element tuple reads the word table."""

    __slots__ = ("words", "phrases")

    def __init__(self, words: dict[str, tuple[str, ...]], phrases: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        self.words = words
        self.phrases = phrases

    def get(self, key: tuple[str, ...], default: Any = None) -> Any:  # type: ignore[override]
        """The categories of an entry, or `default`."""
        if len(key) == 1:
            return self.words.get(key[0], default)
        return self.phrases.get(key, default)

    def __getitem__(self, key: tuple[str, ...]) -> tuple[str, ...]:
        cats = self.get(key)
        if cats is None:
            raise KeyError(key)
        return cats

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self.get(key) is not None

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return chain(zip(self.words), self.phrases)  # zip of one iterable: its items as 1-tuples

    def __len__(self) -> int:
        return len(self.words) + len(self.phrases)

    def items(self) -> ItemsView[tuple[str, ...], tuple[str, ...]]:
        """(tokens, categories) of every entry, one-word entries first."""
        return _EntryItems(self)


class _EntryItems(ItemsView):  # type: ignore[type-arg]
    """`Entries.items()`, iterated straight from its two tables."""

    def __iter__(self) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
        entries: Entries = self._mapping  # type: ignore[assignment]
        return chain(zip(zip(entries.words), entries.words.values()), entries.phrases.items())


class Gazetteer:
    """Name lists by category, matched against capitalised token sequences.

    Stored compactly: one string object per distinct normalised word, one tuple per distinct set
    of categories, one-word entries keyed by their word (`entries` shows them all as token tuples)."""

    def __init__(self, lists: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]]) -> None:
        """From category -> names, as a mapping or as (category, names) pairs."""
        self.cues: dict[str, frozenset[str]] = {}
        words: dict[str, tuple[str, ...]] = {}
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        same: dict[Any, Any] = {}  # one object per distinct word and per distinct category tuple
        one = same.setdefault
        for cat, names in lists.items() if isinstance(lists, Mapping) else lists:
            if cat in CUE_LISTS:
                self.cues[cat] = frozenset(one(n, n) for n in map(normalize_word, names))
                continue
            for name in names:
                parts = name.split()
                if len(parts) == 1:
                    key: Any = one(w := normalize_word(parts[0]), w)
                    table: dict[Any, tuple[str, ...]] = words
                elif parts:
                    key = tuple(one(w, w) for w in map(normalize_word, parts))
                    table = phrases
                else:
                    continue
                cats = table.get(key, ())
                if cat not in cats:
                    merged = tuple(sorted((*cats, cat)))
                    table[key] = one(merged, merged)
        del same, one
        self.entries = Entries(words, phrases)
        # first word of a longer entry -> the most tokens an entry starting with it has
        self.firsts: dict[str, int] = {}
        for k in phrases:
            if len(k) > self.firsts.get(k[0], 0):
                self.firsts[k[0]] = len(k)
        self.maxlen = max(self.firsts.values(), default=1)  # tokens of the longest entry

    def cue(self, cat: str) -> frozenset[str]:
        """The normalised words of a single-word cue list (e.g. TITLE)."""
        return self.cues.get(cat, frozenset())

    def match(self, norms: Sequence[str], capital: Sequence[bool]) -> list[list[str]]:
        """Per token, the gazetteer features ("g=LOC:B", "g=LOC:I") of matches starting at a capital."""
        out: list[list[str]] = [[] for _ in norms]
        for i, feats in self.matches(norms, capital).items():
            out[i] = feats
        return out

    def matches(self, norms: Sequence[str], capital: Sequence[bool]) -> dict[int, list[str]]:
        """`match` for the tokens that have features only (most have none): token index -> features."""
        n = len(norms)
        out: dict[int, list[str]] = {}
        at = out.setdefault
        words = self.entries.words.get
        phrases = self.entries.phrases.get
        firsts = self.firsts.get
        for i in compress(range(n), capital):
            w = norms[i]
            longest = firsts(w)
            if longest is not None:
                for length in range(min(longest, n - i), 1, -1):
                    cats = phrases(tuple(norms[i : i + length]))
                    if cats:
                        for c in cats:
                            at(i, []).append("g=" + c + ":B")
                            for j in range(i + 1, i + length):
                                at(j, []).append("g=" + c + ":I")
                        break
            cats = words(w)
            if cats:
                feats = at(i, [])
                for c in cats:
                    feats.append("g=" + c + ":U")
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
