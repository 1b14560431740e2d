"""Export an article's highlights, notes, facts and entities as Markdown or JSON, and write them safely.

The Markdown is Obsidian-friendly: YAML front matter, highlights as block quotes with block
ids (`^hl-<id>`), facts with their evidence, entities as `[[wikilinks]]`. Every piece of
article or user text is escaped so that it can never change the document's structure
(no stray headings, rules, links, highlights, comments or HTML), and terminal control
characters are replaced, so printing an export to a terminal is safe.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

import platformdirs

from reader.document import Document, Entity, fact_summary
from reader.notes.store import Highlight
from reader.sanitize import sanitize

FORMATS = {"md": ".md", "json": ".json"}
LABEL_HEADINGS = (("PERSON", "People"), ("ORG", "Organisations"), ("LOC", "Places"), ("MISC", "Other"))

# ASCII punctuation that means something inline in CommonMark or Obsidian (emphasis, code,
# links and wikilinks, HTML and entities, tables, strikethrough and ==highlights==, tags
# and headings, math, %%comments%%, ^block-ids, quotes). `\` escapes each of them.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~=$%^&])")
# What makes a line special at its start once inline escaping is done: list markers.
_LIST_START = re.compile(r"^([-+])|^(\d+)([.)])")
# Characters YAML does not allow raw in a double-quoted scalar, or reads as line breaks.
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff\ufffe\uffff]")
# Characters kept out of JSON output (json.dumps already escapes C0 controls).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# Characters that cannot appear in an Obsidian link target (or a file name).
_LINK_UNSAFE = re.compile(r"[\[\]|#^\\/:*_\"<>?%=`$~{}!;@+]")


class ExportError(Exception):
    """An export that cannot be written; the message is one line for the user."""


# -- Markdown ----------------------------------------------------------------------


def md_line(line: str) -> str:
    """One line of user or article text made inert as Markdown (inline and line-start syntax)."""
    line = _INLINE.sub(r"\\\1", line.strip())
    return _LIST_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)


def md_lines(text: str) -> list[str]:
    """User or article text as escaped Markdown lines (control characters replaced)."""
    return [md_line(line) for line in sanitize(text).split("\n")]


def md_blockquote(text: str, indent: str = "") -> list[str]:
    """Text as a Markdown block quote: every line prefixed with `> `, blank lines with `>`."""
    return [f"{indent}> {line}" if line else f"{indent}>" for line in md_lines(text)]


def md_paragraphs(text: str) -> list[str]:
    """Text as Markdown paragraph lines (runs of blank lines become one paragraph break)."""
    out: list[str] = []
    for line in md_lines(text):
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def yaml_str(value: str) -> str:
    """A string as a YAML double-quoted scalar (JSON syntax, with unsafe characters escaped)."""
    dumped = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def wikilink(name: str) -> str:
    """An `[[wikilink]]` to a note named after an entity; escaped plain text if nothing usable is left."""
    target = " ".join(_LINK_UNSAFE.sub(" ", sanitize(name)).split()).strip(" .")
    if not target:
        return md_line(" ".join(name.split()))
    return f"[[{target}]]"


def _entity_names(doc: Document) -> list[str]:
    seen: dict[str, None] = {}
    for ent in doc.entities:
        name = " ".join(ent.name.split())
        if name:
            seen.setdefault(name, None)
    return list(seen)


def _when(exported: datetime | None) -> str:
    moment = exported or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def to_markdown(doc: Document, highlights: Sequence[Highlight], exported: datetime | None = None) -> str:
    """The article's highlights, notes, facts and entities as Obsidian-friendly Markdown."""
    names = _entity_names(doc)
    lines = ["---", f"title: {yaml_str(doc.title)}", f"source: {yaml_str(doc.source)}"]
    lines.append(f"exported: {yaml_str(_when(exported))}")
    lines.append("entities:" + ("" if names else " []"))
    lines.extend(f"  - {yaml_str(name)}" for name in names)
    lines += ["---", ""]
    title = md_line(" ".join(sanitize(doc.title).split())) or "Untitled article"
    lines += [f"# {title}", ""]

    lines += ["## Highlights", ""]
    if not highlights:
        lines += ["No highlights.", ""]
    for hl in highlights:
        # Obsidian wants a quote's block id on its own line after the quote.
        lines += [*md_blockquote(hl.quote), "", f"^hl-{int(hl.id)}", ""]
        note = md_paragraphs(hl.note)
        if note:
            lines += [*note, ""]
        if not hl.anchored:
            lines += ["(this passage is no longer in the article's text)", ""]

    lines += ["## Facts", ""]
    if not doc.facts:
        lines += ["No facts found.", ""]
    for fact in doc.facts:
        summary = md_line(" ".join(sanitize(fact_summary(fact, doc)).split())) or md_line(fact.kind)
        lines.append(f"- {summary}")
        evidence = doc.text[fact.evidence.start : fact.evidence.end]
        if evidence.strip():
            lines += md_blockquote(evidence, indent="  ")
    if doc.facts:
        lines.append("")

    lines += ["## Entities", ""]
    groups = _entities_by_label(doc.entities)
    if not groups:
        lines += ["No entities found.", ""]
    for heading, links in groups:
        lines += [f"### {heading}", "", *(f"- {link}" for link in links), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _entities_by_label(entities: Iterable[Entity]) -> list[tuple[str, list[str]]]:
    """Wikilinks grouped under a heading per entity label, each link once."""
    groups: list[tuple[str, list[str]]] = []
    entities = list(entities)
    for label, heading in LABEL_HEADINGS:
        links: dict[str, None] = {}
        for ent in entities:
            if ent.label == label and ent.name.strip():
                links.setdefault(wikilink(ent.name), None)
        if links:
            groups.append((heading, list(links)))
    return groups


# -- JSON --------------------------------------------------------------------------


def export_data(doc: Document, highlights: Sequence[Highlight], exported: datetime | None = None) -> dict[str, Any]:
    """The export as a JSON-ready dict: source, title, exported, highlights, facts, entities."""
    facts = []
    for fact in doc.facts:
        item = fact.to_json()
        item["summary"] = fact_summary(fact, doc)
        item["evidence_text"] = doc.text[fact.evidence.start : fact.evidence.end]
        facts.append(item)
    return {
        "source": doc.source,
        "title": doc.title,
        "exported": _when(exported),
        "highlights": [
            {
                "id": h.id,
                "start": h.start,
                "end": h.end,
                "quote": h.quote,
                "note": h.note,
                "created": h.created,
                "updated": h.updated,
                "anchored": h.anchored,
            }
            for h in highlights
        ],
        "facts": facts,
        "entities": [e.to_json() for e in doc.entities],
    }


def to_json(doc: Document, highlights: Sequence[Highlight], exported: datetime | None = None) -> str:
    """The export as pretty-printed JSON (terminal control characters escaped as \\uXXXX)."""
    dumped = json.dumps(export_data(doc, highlights, exported), ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n"


def render(doc: Document, highlights: Sequence[Highlight], fmt: str, exported: datetime | None = None) -> str:
    """The export in a format: "md" or "json"."""
    if fmt == "md":
        return to_markdown(doc, highlights, exported)
    if fmt == "json":
        return to_json(doc, highlights, exported)
    raise ExportError(f"unknown export format {fmt!r} (use md or json)")


# -- writing -----------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(content: str, output: str | os.PathLike[str] | None, force: bool = False) -> Path | None:
    """Write to stdout (None or "-") or atomically to a file; never overwrite one without `force`."""
    if output is None or os.fspath(output) == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return None
    target = Path(output)
    name = os.fspath(output)
    if target.is_dir():
        raise ExportError(f"{name}: is a directory")
    if target.exists() and not force:
        raise ExportError(f"{name}: already exists (use --force to overwrite it)")
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(f"{name}: the folder {parent} does not exist")
    data = content.encode("utf-8", "replace")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise ExportError(f"{name}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if force:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target, name)
    except OSError as exc:
        raise ExportError(f"{name}: cannot write ({exc.strerror or exc})") from None
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    return target


def _link_no_clobber(tmp: str, target: Path, name: str) -> None:
    """Put the finished temp file in place unless the target appeared meanwhile."""
    try:
        os.link(tmp, target)  # atomic, and fails if the target exists
    except FileExistsError:
        raise ExportError(f"{name}: already exists (use --force to overwrite it)") from None
    except OSError:  # file systems without hard links
        if target.exists():
            raise ExportError(f"{name}: already exists (use --force to overwrite it)") from None
        os.replace(tmp, target)


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe slug of a title: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "article"


def default_export_path(doc: Document, fmt: str) -> Path:
    """A new file under the user's data dir `exports/`: slug of the title + date, never an existing one."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (use md or json)")
    folder = platformdirs.user_data_path("reader", appauthor=False) / "exports"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the exports folder {folder} ({exc.strerror or exc})") from None
    stem = f"{slug(doc.title or Path(doc.source).stem)}-{datetime.now().strftime('%Y-%m-%d')}"
    path = folder / f"{stem}{FORMATS[fmt]}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{FORMATS[fmt]}"
    return path
