"""Where one pipeline step spends its time: cProfile over the sample articles and a generated article.

The step runs (warm, with the cyclic GC paused as `analyze` runs it) on documents that already
have the layers before it. Functions are listed by own time and by cumulative time, in
milliseconds per short article and per 100 KB article; the profiler slows everything down, so
every figure is scaled by (the step's time without the profiler / its time with it). Usage:

    python benchmarks/step_profile.py facts [--top 15] [--runs 20] [--size 100000]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_texts, generated  # noqa: E402


def _timed(fn: Callable[[], object], runs: int) -> float:
    """Seconds for `runs` calls of fn (GC paused)."""
    gc.disable()
    try:
        t = time.perf_counter()
        for _ in range(runs):
            fn()
        return time.perf_counter() - t
    finally:
        gc.enable()


def profile(step: str, texts: list[str], runs: int) -> tuple[pstats.Stats, float]:
    """The step's profile over `runs` passes over the texts, and the real/profiled time ratio."""
    from reader.pipeline import STEPS, analyze, load_step

    names = [n for n, _ in STEPS]
    before = names[: names.index(step)]
    docs = [analyze(t, steps=before) for t in texts]
    fn = load_step(dict(STEPS)[step])

    def once() -> None:
        for d in docs:
            fn(d)

    once()
    real = _timed(once, runs)
    prof = cProfile.Profile()
    gc.disable()
    try:
        t = time.perf_counter()
        prof.runcall(lambda: [once() for _ in range(runs)])
        profiled = time.perf_counter() - t
    finally:
        gc.enable()
    return pstats.Stats(prof), real / profiled


def report(title: str, stats: pstats.Stats, scale: float, per: float, top: int) -> None:
    """Print the top functions by own and cumulative time, in scaled ms per document."""
    rows = []
    for (path, line, func), (_cc, calls, own, cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if Path(path).name == Path(__file__).name or func == "<lambda>" and "profile" in path:
            continue  # this script's own frames
        where = f"{Path(path).name}:{line}({func})" if line else func
        rows.append((where, calls / per, own * scale * 1000 / per, cum * scale * 1000 / per))
    for label, key in (("own time", 2), ("cumulative time", 3)):
        print(f"\n{title}, by {label} (ms per document; calls per document)")
        for where, calls, own, cum in sorted(rows, key=lambda r: -r[key])[:top]:
            print(f"  {own:8.3f} own {cum:8.3f} cum {calls:9.1f} calls  {where}")


def main() -> None:
    """Profile the named step on the sample articles and on a generated article."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", help="a pipeline step name (segment, ner, link, pos, facts)")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--size", type=int, default=100_000, help="characters of the generated article")
    args = ap.parse_args()
    texts = article_texts()
    stats, scale = profile(args.step, texts, args.runs)
    report(f"{args.step} on {len(texts)} sample articles", stats, scale, args.runs * len(texts), args.top)
    runs = max(2, args.runs // 10)
    stats, scale = profile(args.step, [generated(args.size)], runs)
    report(f"{args.step} on a generated {args.size // 1000} KB article", stats, scale, runs, args.top)


if __name__ == "__main__":
    main()
