"""Memory of the analysis: peak RSS of analysing generated articles, per pipeline step.

Each size runs in a fresh process (peak RSS never goes down). Prints the baseline (Python
with the models loaded, then with NLTK too, which segmenting imports), then per step the
process RSS after the step and the peak so far, and the time per step (the steps run as
`analyze` runs them: the collector off, free C memory trimmed after each step of a long text). Optionally (--trace)
the Python heap per step from tracemalloc: live after the step and the step's own peak
(slower; excludes C allocations).
With --conll the article is made of CoNLL-2003 training sentences (read by path from
../shared/corpora; ~24,000 word types against the generated article's ~600), which shows
what the per-word caches cost on a text with a real vocabulary. With --received the analysis
runs as the app runs it, in an analysis child process (reader.analysis_process), and the
figures are the receiving process's: its RSS before and after the Document arrives, its peak,
the time to unpack, and the Python memory each layer of the received Document holds (deep
sizes; an int shared by two layers counts in the first), besides the child's own peak. With
--lean the process does what an analysis child does: it imports NLTK's modules without their
package files (`lean_nltk`), and after the steps packs the Document for sending (row "pack").
Never pass/fail. Usage:

    python benchmarks/memory_bench.py [--sizes 100000 2000000] [--trace] [--conll] [--received] [--lean]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, generated, word_count  # noqa: E402


def rss_mb() -> float:
    """The current resident set of this process, in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    """The peak resident set of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CONLL = REPO.parent / "shared" / "corpora" / "conll2003" / "train.txt"


def conll_text(size: int) -> str:
    """About `size` characters of CoNLL-2003 training sentences, one paragraph per document."""
    docs: list[list[str]] = [[]]
    sent: list[str] = []
    for line in CONLL.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(" ".join(sent))
                sent = []
        elif parts[0] == "-DOCSTART-":
            docs.append([])
        else:
            sent.append(parts[0])
    paras = [" ".join(d) for d in docs if d]
    out: list[str] = []
    n = i = 0
    while n < size:
        out.append(paras[i % len(paras)])
        n += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:size]


def measure(size: int, trace: bool, conll: bool = False, lean: bool = False) -> dict[str, object]:
    """Analyse a generated article of `size` characters step by step; RSS and times per step."""
    import tracemalloc

    if lean:
        from reader.analysis_process import lean_nltk

        lean_nltk()
    from reader.document import Document
    from reader.nlp.ner.tagger import load
    from reader.nlp.pos import load_model
    from reader.pipeline import STEPS, TRIM_CHARS, load_step, trim_memory

    text = conll_text(size) if conll else generated(size)
    out: dict[str, object] = {"size": len(text), "words": word_count(text), "python_mb": rss_mb()}
    steps = [(name, load_step(path)) for name, path in STEPS]  # imports every step's module
    load()
    load_model()
    gc.collect()
    out["baseline_mb"] = rss_mb()
    from reader.nlp.segment import segment

    segment("Warm up NLTK. It is imported on first use.")
    gc.collect()
    out["nltk_mb"] = rss_mb()
    if trace:
        tracemalloc.start()
    rows = []
    doc = Document(text=text)
    start = time.perf_counter()
    gc.disable()  # as `analyze` runs the steps
    for name, step in steps:
        if trace:
            tracemalloc.reset_peak()
        t = time.perf_counter()
        doc = step(doc)
        if len(text) >= TRIM_CHARS:  # as `analyze` does between steps
            trim_memory()
        row = {"step": name, "s": time.perf_counter() - t, "rss_mb": rss_mb(), "peak_mb": peak_mb()}
        if trace:
            live, top = tracemalloc.get_traced_memory()
            row["heap_mb"], row["heap_peak_mb"] = live / 2**20, top / 2**20
        rows.append(row)
    out["total_s"] = time.perf_counter() - start
    if lean:  # as the analysis child answers
        from reader.docpack import pack_parts

        if trace:
            tracemalloc.reset_peak()
        t = time.perf_counter()
        parts = pack_parts(doc)
        row = {"step": "pack", "s": time.perf_counter() - t, "rss_mb": rss_mb(), "peak_mb": peak_mb()}
        if trace:
            live, top = tracemalloc.get_traced_memory()
            row["heap_mb"], row["heap_peak_mb"] = live / 2**20, top / 2**20
        rows.append(row)
        del parts
    gc.enable()
    out["steps"] = rows
    out["peak_mb"] = peak_mb()
    out["tokens"] = len(doc.tokens)
    return out


def _deep_size(obj: object, seen: set[int]) -> int:
    """Bytes held by an object and everything it refers to that `seen` does not hold yet."""
    size = 0
    stack = [obj]
    while stack:
        o = stack.pop()
        if id(o) in seen or isinstance(o, type):
            continue
        seen.add(id(o))
        size += sys.getsizeof(o)
        if isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)):
            stack.extend(o)
        elif hasattr(type(o), "__slots__"):
            stack.extend(getattr(o, name) for name in type(o).__slots__ if hasattr(o, name))
    return size


def received(size: int, conll: bool = False) -> dict[str, object]:
    """Analyse in an analysis child (as the app does) and measure the receiving process."""
    from reader.analysis_process import AnalysisPool

    text = conll_text(size) if conll else generated(size)
    out: dict[str, object] = {"size": len(text), "words": word_count(text)}
    pool = AnalysisPool(keep_idle=0)
    pool.analyse("Warm the child up. It loads the models.")  # the app's child is warm too
    gc.collect()
    out["before_mb"], out["before_peak_mb"] = rss_mb(), peak_mb()
    start = time.perf_counter()
    doc = pool.analyse(text)
    out["total_s"] = time.perf_counter() - start
    out["after_mb"], out["peak_mb"] = rss_mb(), peak_mb()
    out["child"] = pool.last_stats
    pool.close()
    from reader.docpack import pack, unpack

    data = pack(doc)
    t = time.perf_counter()
    unpack(data, doc.text)
    out["unpack_s"] = time.perf_counter() - t
    out["packed_mb"] = len(data) / 2**20
    seen: set[int] = {id(doc.text), id(doc.title), id(doc.source)}
    layers = {}
    for name in ("tokens", "sentences", "entities", "facts", "notes"):
        layer = getattr(doc, name)
        layers[name] = {"count": len(layer), "mb": _deep_size(layer, seen) / 2**20}
    out["layers"] = layers
    out["tokens"] = len(doc.tokens)
    return out


def print_received(res: dict) -> None:  # type: ignore[type-arg]
    """Print the --received figures."""
    print(f"== {res['size'] / 1000:,.0f} KB, {res['words']:,} words, {res['tokens']:,} tokens, analysed in a child")
    child = res["child"]
    print(f"child process: RSS after warm-up {child.get('base_mb', 0):.0f} MB, after the analysis "
          f"{child.get('rss_mb', 0):.0f} MB, peak {child.get('peak_mb', 0):.0f} MB")
    print(f"receiving process: RSS {res['before_mb']:.0f} MB before, {res['after_mb']:.0f} MB after; "
          f"peak {res['peak_mb']:.0f} MB; analysis + transfer {res['total_s']:.2f} s "
          f"(packed {res['packed_mb']:.1f} MB, unpack {res['unpack_s']:.2f} s)")
    for name, row in res["layers"].items():
        print(f"  {name:<10} {row['count']:>9,}  {row['mb']:6.1f} MB")


def main() -> None:
    """Measure each size in a fresh process and print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 2_000_000])
    ap.add_argument("--trace", action="store_true", help="also the Python heap per step (tracemalloc; slower)")
    ap.add_argument("--conll", action="store_true", help="an article of CoNLL-2003 sentences (real vocabulary)")
    ap.add_argument("--received", action="store_true",
                    help="analyse in an analysis child process and measure the receiving process")
    ap.add_argument("--lean", action="store_true",
                    help="as an analysis child: NLTK imported without its package files, the Document packed")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        res = (received(args.child, args.conll) if args.received
               else measure(args.child, args.trace, args.conll, args.lean))
        print(json.dumps(res))
        return
    for size in args.sizes:
        if args.conll and not CONLL.is_file():
            print(f"--conll: {CONLL} not found")
            return
        cmd = [sys.executable, __file__, "--child", str(size)] + (["--trace"] if args.trace else [])
        cmd += ["--conll"] if args.conll else []
        cmd += ["--received"] if args.received else []
        cmd += ["--lean"] if args.lean else []
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        if proc.returncode:
            print(proc.stderr.strip().splitlines()[-1:])
            continue
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        if args.received:
            print_received(res)
            continue
        print(f"== {res['size'] / 1000:,.0f} KB, {res['words']:,} words, {res['tokens']:,} tokens")
        print(f"python + text {res['python_mb']:.0f} MB; with the models loaded {res['baseline_mb']:.0f} MB, "
              f"and NLTK {res.get('nltk_mb', res['baseline_mb']):.0f} MB")
        for row in res["steps"]:
            heap = (f"  heap live {row['heap_mb']:6.1f} MB, step peak {row['heap_peak_mb']:6.1f} MB"
                    if "heap_mb" in row else "")
            print(f"  {row['step']:<8} {row['s']:6.2f} s  RSS {row['rss_mb']:5.0f} MB"
                  f"  peak {row['peak_mb']:5.0f} MB{heap}")
        print(f"peak RSS {res['peak_mb']:.0f} MB; first analysis in the process {res['total_s']:.2f} s "
              f"({res['words'] / res['total_s']:,.0f} words/s)")


if __name__ == "__main__":
    main()
