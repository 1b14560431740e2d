"""Quantity facts: counted things not already part of a vote, exchange or casualty fact."""

from __future__ import annotations

from typing import Any

from reader.document import Document, Fact
from reader.nlp.facts.base import Sent, SpanIndex, mention_index

CURRENCIES = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB"}
_PERCENT = frozenset({"%", "percent", "per cent", "pc"})
_SKIP_BEFORE = frozenset({"no", "no.", "number", "page", "article", "section", "chapter", "paragraph", "version", "rule"})
_SKIP_NOUNS = frozenset({"of", "am", "pm", "a.m.", "p.m.", "o'clock"})


def _name_tokens(names: SpanIndex[str], sent: Sent) -> set[int]:
    """Tokens inside entity names ("Nord Stream 2", "Apollo 11") are not counts."""
    out: set[int] = set()
    if not sent.starts:
        return out
    for start, end, _ in names.overlapping(sent.starts[0], sent.ends[-1]):
        out.update(sent.tokens_within(start, end))
    return out


def extract(doc: Document, sent: Sent, names_index: SpanIndex[str] | None = None,
            shared: dict[tuple[type, float, str], dict[str, Any]] | None = None) -> list[Fact]:
    """Quantity facts in one sentence; facts with the same value and unit share one fields dict from
    `shared` when it is given (a long text names the same quantities many times)."""
    if not sent.numbers:
        return []
    if names_index is None:
        names_index = mention_index(doc)
    names = _name_tokens(names_index, sent) if names_index else set()
    low = sent.lower
    n = len(sent)
    out: list[Fact] = []
    used = sent.used_so_far()
    for num in sent.numbers:
        toks = range(num.start, num.end)
        if any(k in used or k in names for k in toks) or sent.is_year_token(num):
            continue
        i, e = num.start, num.end
        prev = low[i - 1] if i else ""
        if prev in _SKIP_BEFORE:
            continue
        unit = ""
        if prev in CURRENCIES or sent.words[i - 1:i] == ["US$"]:
            unit = CURRENCIES.get(sent.words[i - 1], "USD")
        elif e < n and (low[e] in _PERCENT or (low[e] == "per" and e + 1 < n and low[e + 1] == "cent")):
            unit = "%"
        else:
            if e < n and (low[e] in _SKIP_NOUNS or sent.words[e] in ("-", "–", ":", "/")):
                continue
            end = sent.noun_run(e, limit=4)
            if end == e:
                continue
            if low[i] in ("one", "a", "an") and end - e == 1 and sent.tags[e] in ("NN", "NNP"):
                # "one person", "a dozen eggs" are fine; "one day" / "one Russian" are not counts worth a fact
                if num.value == 1:
                    continue
            unit = sent.slice(e, end)
        value = num.value
        key = (type(value), value, unit)  # the type too: 2 and 2.0 are equal, but not the same JSON
        fields = None if shared is None else shared.get(key)
        if fields is None:
            fields = {"value": value, "unit": unit}
            if shared is not None:
                shared[key] = fields
        out.append(Fact("quantity", sent.span, fields))
    return out


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """All quantity facts in a document."""
    out: list[Fact] = []
    names = mention_index(doc)
    shared: dict[tuple[type, float, str], dict[str, Any]] = {}
    for s in sents:
        try:
            out.extend(extract(doc, s, names, shared))
        except (IndexError, ValueError):
            continue
    return out
