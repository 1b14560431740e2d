"""Benchmark inputs (the sample articles, the shared article, generated articles of given sizes) and timing."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
SHARED_ARTICLE = REPO.parent / "shared" / "articles" / "kherson-evacuation.txt"


def article_paths() -> list[Path]:
    """The repo's sample articles plus the shared article when present."""
    paths = sorted(p for p in (REPO / "articles").iterdir() if p.suffix in (".txt", ".md"))
    if SHARED_ARTICLE.is_file():
        paths.append(SHARED_ARTICLE)
    return paths


def article_texts() -> list[str]:
    """The texts of `article_paths()`."""
    return [p.read_text(encoding="utf-8") for p in article_paths()]


def generated(size: int) -> str:
    """An article of about `size` characters made of the sample articles' paragraphs in turn."""
    paragraphs = [p.strip() for t in article_texts() for p in t.split("\n\n") if p.strip()]
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        para = paragraphs[i % len(paragraphs)]
        out.append(para)
        n += len(para) + 2
        i += 1
    return "\n\n".join(out)[:size]


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated runs holding a letter or digit."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def median_time(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of fn() over runs, in seconds."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)

