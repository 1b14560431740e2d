"""Load articles from files and stdin: decode, refuse bad input clearly, sanitise once."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.sanitize import printable, sanitize

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".markdown", ".text")
TITLE_MAX = 120

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


class SourceError(Exception):
    """An article that cannot be loaded; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    """A loaded article: sanitised text, its title, where it came from and its encoding."""

    text: str
    title: str
    source: str
    encoding: str


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes: a BOM, then UTF-8, then a charset detector; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise SourceError(f"{printable(name)}: not valid {encoding} text ({exc.reason})") from None
    if b"\x00" in data:
        raise SourceError(f"{printable(name)}: looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise SourceError(f"{printable(name)}: cannot tell which text encoding this file uses")
    for match in results:  # a tie between single-byte code pages: read it as Western (Windows-1252)
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            best = match
            break
    return str(best), best.encoding


def title_of(text: str, markdown: bool = False) -> str:
    """The title: the first Markdown heading, else the first non-empty line."""
    lines = text.splitlines()
    if markdown:
        for line in lines:
            match = _MD_HEADING.match(line)
            if match:
                return _clip(match.group(1))
    for line in lines:
        if line.strip():
            return _clip(line.strip().lstrip("#").strip())
    return ""


def _clip(title: str) -> str:
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rstrip() + "…"


def from_bytes(data: bytes, name: str, markdown: bool = False) -> Source:
    """Build a source from raw bytes (the file's name is used in messages and as source)."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"{printable(name)}: too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)")
    raw, encoding = decode(data, name)
    text = sanitize(raw)
    return Source(text=text, title=title_of(text, markdown), source=name, encoding=encoding)


def load_path(path: str | os.PathLike[str]) -> Source:
    """Load an article from a path, or from stdin when the path is "-"."""
    name = os.fspath(path)
    if name == "-":
        return load_stream(sys.stdin.buffer, "-")
    p = Path(name)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise SourceError(f"{printable(name)}: no such file") from None
    except OSError as exc:
        raise SourceError(f"{printable(name)}: cannot read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise SourceError(f"{printable(name)}: is a directory, not an article")
    if st.st_size > MAX_BYTES:
        raise SourceError(f"{printable(name)}: too large ({st.st_size / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{printable(name)}: cannot read ({exc.strerror or exc})") from None
    return from_bytes(data, name, markdown=p.suffix.lower() in (".md", ".markdown"))


def load_stream(stream: BinaryIO, name: str = "-") -> Source:
    """Load an article from a binary stream such as stdin."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{printable(name)}: cannot read ({exc.strerror or exc})") from None
    return from_bytes(data, name, markdown=False)


def is_article(path: Path) -> bool:
    """True for a file the library lists as an article (by suffix)."""
    return path.is_file() and path.suffix.lower() in SUFFIXES
