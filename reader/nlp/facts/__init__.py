"""The facts layer: officials, votes, exchanges, casualties, quantities and dates.

Each extractor works sentence by sentence over a shared `Sent` view (words, POS tags,
offsets, numbers) and only looks closely at sentences whose cheap trigger words match.
Counts used by a vote, exchange or casualty fact are not reported again as quantities.
"""

from __future__ import annotations

import sys

from reader.document import Document, Fact
from reader.memory import trim_memory
from reader.nlp import LONG_TEXT_CHARS
from reader.nlp.facts.base import build_sents


def extract_facts(doc: Document) -> list[Fact]:
    """Every fact in a document, in extractor order (officials, votes, exchanges, ...)."""
    from reader.nlp.facts import casualties, dates, exchanges, officials, quantities, votes

    if not doc.sentences or not doc.tokens:
        return []
    sents = build_sents(doc)
    long = len(doc.text) >= LONG_TEXT_CHARS
    facts: list[Fact] = []
    for name, extractor in (
        ("official", officials.run_all),
        ("vote", votes.run_all),
        ("exchange", exchanges.run_all),
        ("casualties", casualties.run_all),
        ("date", dates.run_all),
        ("quantity", quantities.run_all),
    ):
        try:
            facts.extend(extractor(doc, sents))
        except Exception as exc:  # one broken extractor must not lose the others' facts
            print(f"reader: {name} facts skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        if long:  # what the extractor freed of its big lists, before the next one makes its small objects
            trim_memory()
    return [_whole_counts(f) for f in facts]


_COUNT_FIELDS = {"vote": ("for", "against", "abstain"), "casualties": ("killed", "injured")}


def _whole_counts(fact: Fact) -> Fact:
    """Counts of people and votes are whole numbers in the contract: 1.5 million -> 1500000."""
    if fact.kind == "exchange":
        return Fact(fact.kind, fact.evidence, {**fact.fields, "counts": [int(c) for c in fact.fields["counts"]]})
    keys = _COUNT_FIELDS.get(fact.kind, ())
    if not keys:
        return fact
    fields = {k: (int(v) if k in keys and v is not None else v) for k, v in fact.fields.items()}
    return Fact(fact.kind, fact.evidence, fields)


def run(doc: Document) -> Document:
    """Pipeline step: fill the facts layer."""
    return doc.with_layers(facts=extract_facts(doc))
