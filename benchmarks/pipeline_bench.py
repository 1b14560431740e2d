"""Analysis throughput of the full pipeline, cold start, load times, and a spaCy comparison.

Prints medians of several runs and ratios; never pass/fail. Usage:

    python benchmarks/pipeline_bench.py [--runs 5] [--jobs 2] [--spacy /path/to/python-with-spacy]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, article_paths, article_texts, generated, median_time, word_count  # noqa: E402


def step_times(text: str, runs: int) -> dict[str, float]:
    """Median seconds per pipeline step on one text."""
    from reader.document import Document
    from reader.pipeline import STEPS, load_step

    out: dict[str, list[float]] = {name: [] for name, _ in STEPS}
    gc.disable()  # as `analyze` runs the steps (with the collector on, it dominates some steps' times)
    try:
        for _ in range(runs):
            doc = Document(text=text)
            for name, path in STEPS:
                step = load_step(path)
                t = time.perf_counter()
                doc = step(doc)
                out[name].append(time.perf_counter() - t)
    finally:
        gc.enable()
    return {k: statistics.median(v) for k, v in out.items()}


def cold_start(path: Path, runs: int) -> float:
    """Median wall seconds of `reader analyze PATH --json` in a fresh process."""
    cmd = [sys.executable, "-m", "reader", "analyze", str(path), "--json"]
    return median_time(lambda: subprocess.run(cmd, capture_output=True, check=True), runs)


def import_time(module: str, runs: int) -> float:
    """Median seconds to import a module in a fresh interpreter."""
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    vals = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)]
    return statistics.median(vals)


def main() -> None:
    """Run every measurement and print a report."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--spacy", default=None, help="a Python interpreter with spaCy and en_core_web_sm")
    args = ap.parse_args()

    from reader.pipeline import STEPS, analyze

    texts = article_texts()
    words = sum(word_count(t) for t in texts)
    for t in texts:  # warm up: load models once
        analyze(t)
    print(f"pipeline steps: {', '.join(n for n, _ in STEPS)}")
    secs = median_time(lambda: [analyze(t) for t in texts], args.runs)
    ours = words / secs
    print(f"articles ({len(texts)} files, {words} words): {ours:,.0f} words/s (median of {args.runs})")

    print("\nscaling (words/s should stay flat):")
    for size in (10_000, 100_000, 2_000_000):
        text = generated(size)
        n = word_count(text)
        runs = args.runs if size < 1_000_000 else max(1, args.runs // 2)
        s = median_time(lambda: analyze(text), runs)
        print(f"  {size / 1000:>6,.0f} KB  {n:>8,} words  {s:7.3f} s  {n / s:>9,.0f} words/s")

    text = generated(100_000)
    n = word_count(text)
    print("\nper step on 100 KB (median s, words/s):")
    for name, s in step_times(text, args.runs).items():
        print(f"  {name:<8} {s:7.4f} s  {n / s:>11,.0f} words/s")

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        big = generated(30_000)
        for i in range(24):
            p = Path(tmp) / f"a{i}.txt"
            p.write_text(big, encoding="utf-8")
            files.append(str(p))
        total = word_count(big) * len(files)
        for jobs in (1, args.jobs):
            cmd = [sys.executable, "-m", "reader", "analyze", *files, "--json", "--jobs", str(jobs)]
            s = median_time(lambda: subprocess.run(cmd, capture_output=True, check=True), max(1, args.runs // 2))
            print(f"\nreader analyze 24 files x 30 KB, --jobs {jobs}: {s:.2f} s wall, {total / s:,.0f} words/s")

    short = REPO / "articles" / "prisoner-exchange.txt"
    print(f"\ncold `reader analyze {short.name} --json`: {cold_start(short, args.runs):.3f} s (median)")
    for module in ("reader.cli", "reader.pipeline", "nltk", "pycrfsuite", "textual.app"):
        print(f"import {module}: {import_time(module, args.runs) * 1000:.0f} ms")

    if args.spacy:
        script = Path(__file__).with_name("spacy_bench.py")
        paths = [str(p) for p in article_paths()]
        res = subprocess.run([args.spacy, str(script), *paths], capture_output=True, text=True)
        if res.returncode == 0:
            theirs = json.loads(res.stdout)["words_per_s"]
            print(f"\nspaCy en_core_web_sm on the same articles: {theirs:,.0f} words/s; reader is {ours / theirs:.1f}x")
        else:
            print(f"\nspaCy comparison failed: {res.stderr.strip().splitlines()[-1:]}")


if __name__ == "__main__":
    main()
