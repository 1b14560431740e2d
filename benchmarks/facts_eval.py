"""Score the facts extractors on the hand-written news eval set (tests/data/facts_eval/).

Each article NN-name.txt has a gold NN-name.json listing the facts a reader would expect:
  official   {"surname", "role": str | [alternatives]}   person entity name must contain the
             surname; every word of one role alternative must appear in the extracted role
  vote       {"for", "against", "abstain"}                all three counts (null == absent)
  exchange   {"counts": [a, b]}                           the two counts, in either order
  casualties {"killed", "injured"}                        both counts (null == absent)
Predicted facts are de-duplicated per article (a figure repeated in the headline and the body
is one fact). Files 01-08 are the dev half, 09-15 the held-out half. tests/data/facts_dev2/ is a
second development set (same format) written later to test generalisation beyond the first set.

Usage: python benchmarks/facts_eval.py [--split dev|heldout|all|dev2|blind|blind2|dev3|dev4|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|blind11|blind12|blind13|blind14|blind15|blind16|blind17] [--articles A-B] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "facts_eval"
DEV2_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "facts_dev2"
# Written by someone who never saw the extractors or the set above (see its README.md).
BLIND_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "facts_blind"
# A second blind set, written the same way after the first one had been read and tuned on.
BLIND2_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "facts_blind2"
# Sets in the blind sets' gold format, by split name: blind1 and blind2 are development sets now;
# dev3, dev4 and blind3 to blind16 were written blind and are now tuned on; blind17 stays blind (see each README.md).
BLIND_FORMAT_DIRS = {
    "blind": BLIND_DIR,
    "blind2": BLIND2_DIR,
    "dev3": BLIND_DIR.parent / "facts_dev3",
    "dev4": BLIND_DIR.parent / "facts_dev4",
    "blind3": BLIND_DIR.parent / "facts_blind3",
    "blind4": BLIND_DIR.parent / "facts_blind4",
    "blind5": BLIND_DIR.parent / "facts_blind5",
    "blind6": BLIND_DIR.parent / "facts_blind6",
    "blind7": BLIND_DIR.parent / "facts_blind7",
    "blind8": BLIND_DIR.parent / "facts_blind8",
    "blind9": BLIND_DIR.parent / "facts_blind9",
    "blind10": BLIND_DIR.parent / "facts_blind10",
    "blind11": BLIND_DIR.parent / "facts_blind11",
    "blind12": BLIND_DIR.parent / "facts_blind12",
    "blind13": BLIND_DIR.parent / "facts_blind13",
    "blind14": BLIND_DIR.parent / "facts_blind14",
    "blind15": BLIND_DIR.parent / "facts_blind15",
    "blind16": BLIND_DIR.parent / "facts_blind16",
    "blind17": BLIND_DIR.parent / "facts_blind17",
}
SPLITS = ("dev", "heldout", "all", "dev2", *BLIND_FORMAT_DIRS)
KINDS = ("official", "vote", "exchange", "casualties")
DEV_LAST = 8  # articles 01..08 are dev, the rest held-out

_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "pres": "president", "amb": "ambassador",
    "atty": "attorney", "supt": "superintendent", "insp": "inspector", "sgt": "sergeant",
    "cmdr": "commander", "adm": "admiral", "defense": "defence", "pm": "prime minister",
}


@dataclass
class Counts:
    """True positives, false positives and false negatives for one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        """Accumulate another article's counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(text: str) -> str:
    """Lower-case and strip accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def role_words(role: str) -> list[str]:
    """A role as normalised words: lower case, no accents, abbreviations expanded."""
    words: list[str] = []
    for word in re.findall(r"[a-z]+", fold(role).replace(".", "")):
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return words


def role_matches(gold: str | list[str], predicted: str) -> bool:
    """True when every word of one gold role alternative occurs in the predicted role."""
    alternatives = [gold] if isinstance(gold, str) else gold
    have = set(role_words(predicted))
    return any(set(role_words(alt)) <= have for alt in alternatives)


def blind_gold(data: dict[str, Any]) -> dict[str, Any]:
    """Convert the blind set's gold format (full person names, plural keys) to this scorer's."""
    return {
        "official": [
            {"surname": o["person"].split()[-1], "role": o["role"]} for o in data.get("officials", [])
        ],
        "vote": list(data.get("votes", [])),
        "exchange": list(data.get("exchanges", [])),
        "casualties": list(data.get("casualties", [])),
    }


def load_eval_set(split: str = "all") -> list[tuple[str, str, dict[str, Any]]]:
    """The eval articles as (name, text, gold) for one of SPLITS."""
    if split in BLIND_FORMAT_DIRS:
        return [
            (txt.stem, txt.read_text(encoding="utf-8"),
             blind_gold(json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))))
            for txt in sorted(BLIND_FORMAT_DIRS[split].glob("*.txt"))
        ]
    items = []
    if split == "dev2":
        for txt in sorted(DEV2_DIR.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            items.append((txt.stem, txt.read_text(encoding="utf-8"), gold))
        return items
    for txt in sorted(EVAL_DIR.glob("*.txt")):
        number = int(txt.name.split("-", 1)[0])
        if split == "dev" and number > DEV_LAST or split == "heldout" and number <= DEV_LAST:
            continue
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        items.append((txt.stem, txt.read_text(encoding="utf-8"), gold))
    return items


def predicted_keys(doc: Any) -> dict[str, list[Any]]:
    """The document's facts of the scored kinds as de-duplicated comparable keys."""
    names = {entity.id: entity.name for entity in doc.entities}
    out: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for fact in doc.facts:
        f = fact.fields
        if fact.kind == "official":
            key: Any = (names.get(f.get("person"), ""), str(f.get("role", "")))
        elif fact.kind == "vote":
            key = (f.get("for"), f.get("against"), f.get("abstain"))
        elif fact.kind == "exchange":
            key = tuple(sorted(f.get("counts") or ()))
        elif fact.kind == "casualties":
            key = (f.get("killed"), f.get("injured"))
        else:
            continue
        if key not in out[fact.kind]:
            out[fact.kind].append(key)
    return out


def gold_keys(gold: dict[str, Any]) -> dict[str, list[Any]]:
    """The gold facts as comparable keys (officials stay as dicts)."""
    return {
        "official": list(gold.get("official", [])),
        "vote": [(v.get("for"), v.get("against"), v.get("abstain")) for v in gold.get("vote", [])],
        "exchange": [tuple(sorted(e["counts"])) for e in gold.get("exchange", [])],
        "casualties": [(c.get("killed"), c.get("injured")) for c in gold.get("casualties", [])],
    }


def _official_match(gold: dict[str, Any], pred: tuple[str, str]) -> bool:
    return fold(gold["surname"]) in fold(pred[0]) and role_matches(gold["role"], pred[1])


def score_kind(kind: str, gold: list[Any], pred: list[Any], label: str = "") -> Counts:
    """Match one article's predicted facts of a kind against its gold facts."""
    counts = Counts()
    same = _official_match if kind == "official" else (lambda g, p: g == p)
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
        if hit is None:
            counts.fn += 1
            counts.errors.append(f"{label} MISS {kind} {g}")
        else:
            used.add(hit)
            counts.tp += 1
    for i, p in enumerate(pred):
        if i in used:
            continue
        if any(same(g, p) for g in gold):  # a second phrasing of a matched fact
            continue
        counts.fp += 1
        counts.errors.append(f"{label} FALSE {kind} {p}")
    return counts


def score_document(doc: Any, gold: dict[str, Any], label: str = "") -> dict[str, Counts]:
    """Per-kind counts for one analysed article."""
    pred, want = predicted_keys(doc), gold_keys(gold)
    return {kind: score_kind(kind, want[kind], pred[kind], label) for kind in KINDS}


def evaluate(items: Iterable[tuple[str, str, dict[str, Any]]]) -> tuple[dict[str, Counts], float]:
    """Analyse every article and total the per-kind counts; also the seconds spent on facts."""
    from reader.pipeline import STEPS, analyze, load_step

    names = [name for name, _ in STEPS if name != "facts"]
    facts_step = load_step(dict(STEPS)["facts"])
    totals = {kind: Counts() for kind in KINDS}
    facts_seconds = 0.0
    for name, text, gold in items:
        doc = analyze(text, title=name, steps=names)
        started = time.perf_counter()
        doc = facts_step(doc)
        facts_seconds += time.perf_counter() - started
        for kind, counts in score_document(doc, gold, name).items():
            totals[kind].add(counts)
    return totals, facts_seconds


def format_table(title: str, totals: dict[str, Counts]) -> str:
    """A per-kind P/R/F1 table."""
    lines = [f"{title}", f"  {'kind':<11} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn"]
    for kind in KINDS:
        c = totals[kind]
        lines.append(f"  {kind:<11} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}  {c.tp:3d} {c.fp:3d} {c.fn:3d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print per-kind precision/recall/F1 for the dev and held-out halves."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--show", action="store_true", help="list every miss and false fact")
    parser.add_argument("--articles", metavar="A-B", help="only articles numbered A to B (e.g. 1-12)")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        items = load_eval_set(split)
        if args.articles:
            low, _, high = args.articles.partition("-")
            items = [it for it in items if int(low) <= int(it[0].split("-", 1)[0]) <= int(high or low)]
        totals, seconds = evaluate(items)
        print(format_table(f"{split} ({len(items)} articles; facts step {seconds * 1000:.1f} ms total)", totals))
        if args.show:
            for kind in KINDS:
                for error in totals[kind].errors:
                    print("   ", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
