"""Date facts: explicit dates in the text ("24 February", "Jan. 5, 2023", "March 2022", "Thursday", "2014")."""

from __future__ import annotations

import re

from reader.document import Document, Fact
from reader.nlp.facts.base import Sent

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE_RE = re.compile(
    rf"""
    (?=[\dJFMASONDTW])  # what every match starts with: `re` then skips most positions at once
    (?<![\w$£€.,])(?:
        \d{{4}}-\d{{2}}-\d{{2}}                                   # 2023-01-05
      | (?:{_WEEKDAY},?\s)?{_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?    # (Monday,) 24 February (2022)
      | (?:{_WEEKDAY},?\s)?{_MONTH}\s{_DAY}(?:,\s?{_YEAR})?(?![\d,]\d)  # (Monday,) Jan. 5, 2023
      | {_MONTH}\s(?:of\s)?{_YEAR}                                # March 2022
      | {_WEEKDAY}(?![’']s\b)                                   # Thursday
      | (?:January|February|April|June|July|August|September|October|November|December)(?=[\s,.;])  # in October
      | {_YEAR}(?![\d,%]|\s?-\s?\d|\s(?:[a-z]+s|per|percent|people|votes)\b)  # 2014
    )(?![\w])
    """,
    re.VERBOSE,
)


def extract(sent: Sent) -> list[Fact]:
    """Date facts in one sentence; the tokens they cover are marked used."""
    text = sent.text
    out: list[Fact] = []
    base = sent.span.start
    for m in DATE_RE.finditer(text):
        s, e = base + m.start(), base + m.end()
        toks = sent.tokens_within(s, e)
        if toks:
            sent.used.update(toks)
        out.append(Fact("date", sent.span, {"text": m.group(0)}))
    return out


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """Date facts, one per distinct date text (the first sentence that mentions it)."""
    seen: set[str] = set()
    out: list[Fact] = []
    for s in sents:
        try:
            facts = extract(s)
        except (IndexError, ValueError):
            continue
        for f in facts:
            key = f.fields["text"].lower()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
