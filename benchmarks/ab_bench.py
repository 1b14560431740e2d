"""Old against new throughput in one run: the working tree and a baseline revision of the speed files.

Rounds alternate a fresh process for each side (copies of the package made together, see
baseline.py), so both see the same machine load and the same files of others; each process warms up, then times the full analysis of the sample articles, generated
articles of 10 KB, 100 KB and 2 MB, and each pipeline step per short article and at 100 KB.
Prints per measurement the median over rounds for old and new and their ratio; never pass/fail.

    python benchmarks/ab_bench.py [--ref HEAD] [--rounds 5] [--runs 5] [--no-big]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import SPEED_FILES, baseline_tree, snapshot  # noqa: E402
from corpus import article_texts, generated, median_time, word_count  # noqa: E402


def step_times(texts: list[str], runs: int) -> dict[str, float]:
    """Median over runs of the seconds each pipeline step takes over all the texts."""
    from reader.document import Document
    from reader.pipeline import STEPS, load_step

    out: dict[str, list[float]] = {name: [] for name, _ in STEPS}
    gc.disable()  # as `analyze` runs the steps
    try:
        for _ in range(runs):
            total = dict.fromkeys(out, 0.0)
            for text in texts:
                doc = Document(text=text)
                for name, path in STEPS:
                    step = load_step(path)
                    t = time.perf_counter()
                    doc = step(doc)
                    total[name] += time.perf_counter() - t
            for name, secs in total.items():
                out[name].append(secs)
    finally:
        gc.enable()
    return {k: statistics.median(v) for k, v in out.items()}


def worker(runs: int, big: bool) -> dict[str, float]:
    """One side's measurements: words/s, and milliseconds per step ("step:" keys)."""
    from reader.pipeline import analyze

    texts = article_texts()
    for t in texts:  # warm up: models, caches
        analyze(t)
    words = sum(map(word_count, texts))
    res = {"articles words/s": words / median_time(lambda: [analyze(t) for t in texts], runs)}
    for size in (10_000, 100_000) + ((2_000_000,) if big else ()):
        text = generated(size)
        n = max(1, runs // 3) if size > 1_000_000 else runs
        res[f"{size // 1000} KB words/s"] = word_count(text) / median_time(lambda: analyze(text), n)
    for name, secs in step_times(texts, runs).items():
        res[f"step {name}, ms per short article"] = secs / len(texts) * 1000
    for name, secs in step_times([generated(100_000)], runs).items():
        res[f"step {name}, ms at 100 KB"] = secs * 1000
    return res


def main() -> None:
    """Alternate old and new worker processes and print the medians."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", default="HEAD", help="git revision of the baseline speed files")
    ap.add_argument("--files", default=",".join(SPEED_FILES),
                    help="comma-separated files taken at --ref on the old side (default: baseline.SPEED_FILES)")
    ap.add_argument("--rounds", type=int, default=5, help="processes per side")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per measurement in each process")
    ap.add_argument("--no-big", action="store_true", help="leave out the 2 MB article")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.runs, not args.no_big)))
        return

    current = snapshot()
    files = tuple(f for f in args.files.split(",") if f)
    base = baseline_tree(args.ref, files, source=current)
    results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    try:
        for _ in range(args.rounds):
            for side, path in (("old", base), ("new", current)):
                cmd = [sys.executable, __file__, "--worker", "--runs", str(args.runs)] + (["--no-big"] if args.no_big else [])
                out = subprocess.run(cmd, env={**os.environ, "PYTHONPATH": str(path)}, capture_output=True, text=True,
                                     check=True)
                results[side].append(json.loads(out.stdout))
    finally:
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(current, ignore_errors=True)
    print(f"old: {', '.join(files)} at {args.ref}; new: working tree; medians of {args.rounds} processes each")
    print(f"{'':36} {'old':>10} {'new':>10} {'new/old':>8}")
    for key in results["new"][0]:
        old = statistics.median(r[key] for r in results["old"])
        new = statistics.median(r[key] for r in results["new"])
        print(f"{key:36} {old:10,.2f} {new:10,.2f} {new / old:8.2f}")


if __name__ == "__main__":
    main()
