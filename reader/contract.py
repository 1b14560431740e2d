"""Check that a JSON object follows the analysis contract of `reader analyze --json`."""

from __future__ import annotations

from typing import Any

from reader.document import ENTITY_LABELS, FACT_FIELDS, MENTION_KINDS

TOP_KEYS = ("source", "title", "text", "sentences", "entities", "facts")


def _span_errors(obj: Any, where: str, n: int) -> list[str]:
    if not isinstance(obj, dict) or not isinstance(obj.get("start"), int) or not isinstance(obj.get("end"), int):
        return [f"{where}: not a {{start, end}} span of ints"]
    if not 0 <= obj["start"] <= obj["end"] <= n:
        return [f"{where}: span {obj['start']}..{obj['end']} outside the text (length {n})"]
    return []


def _is_count(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def contract_errors(doc: Any) -> list[str]:
    """Every way the object departs from the contract; an empty list means it conforms."""
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    errors = [f"missing key {k!r}" for k in TOP_KEYS if k not in doc]
    if errors:
        return errors
    errors += [f"{k} is not a string" for k in ("source", "title", "text") if not isinstance(doc[k], str)]
    if errors:
        return errors
    n = len(doc["text"])
    prev_end = 0
    for i, sent in enumerate(doc["sentences"]):
        errs = _span_errors(sent, f"sentences[{i}]", n)
        if not errs and sent["start"] < prev_end:
            errs.append(f"sentences[{i}]: overlaps or out of order")
        if not errs:
            prev_end = sent["end"]
        errors += errs
    ids = set()
    for i, ent in enumerate(doc["entities"]):
        where = f"entities[{i}]"
        if not isinstance(ent, dict):
            errors.append(f"{where}: not an object")
            continue
        if not isinstance(ent.get("id"), str) or ent["id"] in ids:
            errors.append(f"{where}: id missing or duplicated")
        ids.add(ent.get("id"))
        if ent.get("label") not in ENTITY_LABELS:
            errors.append(f"{where}: label {ent.get('label')!r} not one of {ENTITY_LABELS}")
        if not isinstance(ent.get("name"), str) or not ent["name"]:
            errors.append(f"{where}: name missing")
        for j, m in enumerate(ent.get("mentions", [])):
            errors += _span_errors(m, f"{where}.mentions[{j}]", n)
            if isinstance(m, dict) and m.get("kind") not in MENTION_KINDS:
                errors.append(f"{where}.mentions[{j}]: kind {m.get('kind')!r}")
    for i, fact in enumerate(doc["facts"]):
        where = f"facts[{i}]"
        if not isinstance(fact, dict) or fact.get("kind") not in FACT_FIELDS:
            errors.append(f"{where}: kind missing or unknown")
            continue
        errors += _span_errors(fact.get("evidence"), f"{where}.evidence", n)
        kind = fact["kind"]
        missing = [f for f in FACT_FIELDS[kind] if f not in fact]
        if missing:
            errors.append(f"{where}: {kind} fact lacks {missing}")
            continue
        if kind == "official" and (not isinstance(fact["role"], str) or fact["person"] not in ids):
            errors.append(f"{where}: official needs a role and the id of an entity")
        elif kind in ("vote", "casualties") and not all(_is_count(fact[f]) for f in FACT_FIELDS[kind]):
            errors.append(f"{where}: counts must be non-negative ints or null")
        elif kind == "exchange" and not (
            isinstance(fact["counts"], list) and len(fact["counts"]) == 2 and all(_is_count(c) for c in fact["counts"])
        ):
            errors.append(f"{where}: exchange counts must be two ints")
        elif kind == "quantity" and not (
            isinstance(fact["value"], (int, float)) and not isinstance(fact["value"], bool) and isinstance(fact["unit"], str)
        ):
            errors.append(f"{where}: quantity needs a numeric value and a unit")
        elif kind == "date" and not isinstance(fact["text"], str):
            errors.append(f"{where}: date needs its text")
    return errors
