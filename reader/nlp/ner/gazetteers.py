"""Gazetteers: name lists shipped as JSON, and fast longest-match lookup over token lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from reader.nlp.ner.normalize import norm

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "models" / "gazetteers.json"

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


def load_lists(path: str | Path = GAZETTEER_PATH) -> dict[str, list[str]]:
    """Read the shipped gazetteer lists (category -> names)."""
    with Path(path).open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {str(k): [str(x) for x in v] for k, v in data["lists"].items()}



def load_relabel(path: str | Path = GAZETTEER_PATH) -> dict[str, str]:
    """Training-label overrides shipped with the lists (single-token name -> entity type)."""
    with Path(path).open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {str(name): str(typ) for typ, names in data.get("relabel", {}).items() for name in names}
