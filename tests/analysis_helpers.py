"""Helpers for the analysis-process tests: a failing pipeline, a long invented article, process state."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reader.document import Document

NAMES = ("Elena Brandt", "Tomas Keller", "the River Council", "Port Avel", "the Harbour Authority")


def boom(text: str, title: str = "", source: str = "") -> Document:
    """A pipeline that always fails (run in the analysis child by its "module:function" path)."""
    raise RuntimeError(f"pipeline broke on {len(text)} characters")


def hang(text: str, title: str = "", source: str = "") -> Document:
    """A pipeline that never finishes a text starting with "hang" (and is quick on any other)."""
    if text.startswith("hang"):
        time.sleep(600)
    return Document(text=text, title=title, source=source)


def long_text(target_chars: int) -> str:
    """An invented article of about `target_chars` characters (seconds of analysis per MB)."""
    parts = ["A Long Harbour Report\n\n"]
    size = len(parts[0])
    n = 0
    while size < target_chars:
        a, b = NAMES[n % len(NAMES)], NAMES[(n * 3 + 1) % len(NAMES)]
        para = (f"On day {n} {a} met officials from {b} to discuss the berths. "
                f"Observers near {b} counted {n * 7 % 1000} boats waiting outside the wall.\n\n")
        parts.append(para)
        size += len(para)
        n += 1
    return "".join(parts)


def process_state(pid: int) -> str:
    """A process's state letter from /proc (R, S, D, Z, ...), or "" when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[0]


def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    return process_state(pid) not in ("", "Z", "X")


def reaped(pid: int) -> bool:
    """Whether this process's child `pid` has been waited for (no zombie left behind)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def wait_until(predicate: object, seconds: float = 20.0) -> bool:
    """Poll a no-argument predicate until it is true or the time is up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return bool(predicate())  # type: ignore[operator]
