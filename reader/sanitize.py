"""Make untrusted article text safe to show in a terminal, one character for one.

Control characters (C0 except newline and tab, DEL, C1) and bidi embedding/override/
isolate characters are replaced with U+FFFD; a carriage return becomes a space (before a
newline) or a newline (a lone old-Mac line end). The length never changes, so every
offset computed on the sanitised text indexes the text that is shown.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 controls except \t (09) and \n (0A) and \r (0D, handled separately), DEL, C1,
# bidi embeddings/overrides U+202A-U+202E and isolates U+2066-U+2069.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CR = re.compile("\r(\n?)")


def _cr(match: re.Match[str]) -> str:
    return " \n" if match.group(1) else "\n"


def sanitize(text: str) -> str:
    """Replace every terminal control and bidi override character, keeping the length."""
    if "\r" in text:
        text = _CR.sub(_cr, text)
    return _UNSAFE.sub(REPLACEMENT, text)


def is_safe(text: str) -> bool:
    """True when the text holds no character that `sanitize` would replace."""
    return "\r" not in text and _UNSAFE.search(text) is None


def printable(text: str) -> str:
    """A name or message for one line of a terminal: unchanged if safe, else with controls escaped (\\x1b)."""
    if is_safe(text) and "\n" not in text and "\t" not in text:
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)
