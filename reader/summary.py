"""A readable Rich summary of an analysed document, for `reader analyze` without --json."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.document import Document, fact_summary
from reader.sanitize import printable

LABEL_STYLES = {"PERSON": "magenta", "ORG": "cyan", "LOC": "yellow", "MISC": "green"}
FACT_TITLES = {
    "official": "Officials",
    "vote": "Votes",
    "exchange": "Exchanges",
    "casualties": "Casualties",
    "date": "Dates",
    "quantity": "Numbers",
}


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(doc: Document) -> RenderableType:
    """Entities table and facts list for one document, built from plain strings (no markup)."""
    words = sum(1 for t in doc.tokens if any(ch.isalnum() for ch in doc.text[t.start : t.end]))
    header = Text()
    header.append(doc.title or "(untitled)", style="bold")
    counts = f"{_plural(len(doc.sentences), 'sentence')}  ·  {_plural(words, 'word')}"
    header.append(f"\n{printable(doc.source)}  ·  {counts}", style="dim")

    entities = Table(title="Entities", title_justify="left", expand=False)
    entities.add_column("Label")
    entities.add_column("Name")
    entities.add_column("Mentions", justify="right")
    ranked = sorted(doc.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 0))
    for ent in ranked:
        kinds = Counter(m.kind for m in ent.mentions)
        detail = str(len(ent.mentions))
        extra = [f"{n} {k}" for k, n in kinds.items() if k != "name"]
        if extra:
            detail += f" ({', '.join(extra)})"
        entities.add_row(Text(ent.label, style=LABEL_STYLES.get(ent.label, "")), Text(ent.name), Text(detail))
    if not doc.entities:
        entities.add_row(Text("-"), Text("no entities found", style="dim"), Text(""))

    facts = Table(title="Facts", title_justify="left", expand=False, show_header=True)
    facts.add_column("Kind")
    facts.add_column("Fact")
    facts.add_column("Evidence", style="dim")
    order = list(FACT_TITLES)
    for fact in sorted(doc.facts, key=lambda f: (order.index(f.kind) if f.kind in order else 99, f.evidence.start)):
        facts.add_row(
            Text(FACT_TITLES.get(fact.kind, fact.kind)),
            Text(fact_summary(fact, doc)),
            Text(_clip(doc.slice(fact.evidence))),
        )
    if not doc.facts:
        facts.add_row(Text("-"), Text("no facts found", style="dim"), Text(""))
    return Panel(Group(header, Text(""), entities, Text(""), facts), expand=False)
