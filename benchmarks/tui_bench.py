"""TUI benchmark: first paint in a real terminal (tmux), key->frame jump latency and RSS.

Usage: python benchmarks/tui_bench.py [--runs 5] [--jumps 40]

Articles: the shared Kherson article (if present) and a generated ~2 MB article with
hand-placed entities (so the figures do not depend on the NER model's speed).
First paint: wall time from starting `python -m reader PATH` in a 120x40 tmux pane until the
pane shows the article's first words (polled every 5 ms; includes Python start-up).
Jump: in-process headless app; time from posting a key event (n / ] / G / g) until the
screen's next frame has been composed (Textual batches frames at up to 60 fps), median over many presses; plus the cost of drawing one
full frame of visible lines after a jump. RSS: peak resident set of the headless app process.
Both articles are measured again WITH the real analysis (as a user gets it: the app starts
it after first paint; it runs in an analysis process): in tmux, first paint, the time until
the analysis is shown (the status line stops saying "Analysing"), the app process's peak RSS
(VmHWM, read 1 s after the analysis is shown), the largest peak RSS of its child processes (polled
every 20 ms while they live), when each peak was reached (so whether they overlap in time), and
the largest sum of the app's and its children's RSS sampled at one moment (what they hold together);
and for the 2 MB article the time from pressing q while the analysis runs until the app and
its children have exited, and in-process, how late the app's event loop wakes from 10 ms
sleeps WHILE the analysis runs (GIL and CPU contention), then the same jump latency and
peak RSS once it has been delivered. Prints medians; never pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
KHERSON = REPO.parent / "shared" / "articles" / "kherson-evacuation.txt"
NAMES = (
    ("PERSON", "Elena Brandt"), ("PERSON", "Tomas Keller"), ("ORG", "Harbour Authority"),
    ("ORG", "River Council"), ("LOC", "Port Avel"), ("LOC", "North Quay"), ("MISC", "Tidewater Festival"),
)


def generate(path: Path, target_bytes: int = 2 * 1024 * 1024) -> None:
    """Write an invented ~2 MB article (paragraphs of sentences naming a few entities)."""
    parts = ["A Very Long Harbour Report\n\n"]
    size = len(parts[0])
    n = 0
    while size < target_bytes:
        a, b = NAMES[n % len(NAMES)][1], NAMES[(n * 3 + 1) % len(NAMES)][1]
        para = (
            f"On day {n} {a} met officials from {b} to discuss the berths. "
            f"The meeting lasted {n % 9 + 1} hours and {a} said the\ttalks were useful. "
            f"Observers near {b} counted {n * 7 % 1000} boats waiting outside the harbour wall.\n\n"
        )
        parts.append(para)
        size += len(para.encode("utf-8"))
        n += 1
    path.write_text("".join(parts), encoding="utf-8")


def hand_document(text: str, title: str, source: str):  # type: ignore[no-untyped-def]
    """A Document with sentences and entities placed by string search (no models)."""
    import re

    from reader.document import Document, Entity, Mention, Sentence

    sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^\n.]+\.?", text) if m.group().strip())
    entities = []
    for i, (label, name) in enumerate(NAMES):
        mentions = tuple(Mention(m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        entities.append(Entity(f"e{i}", label, name, mentions))  # type: ignore[arg-type]
    return Document(text=text, title=title, source=source, sentences=sentences, entities=tuple(entities))


# ----- first paint in tmux ------------------------------------------------------------------------
@contextmanager
def _reader_in_tmux(path: Path) -> Iterator[tuple[list[str], float]]:
    """Start `python -m reader PATH` in a private 120x40 tmux server with fresh user dirs.

    Yields the tmux command prefix and the perf_counter time the app was launched; the server
    and the temporary dirs are removed afterwards.
    """
    tmp = Path(tempfile.mkdtemp())
    env = f"env XDG_DATA_HOME={tmp}/data XDG_CONFIG_HOME={tmp}/config TERM=xterm-256color"
    cmd = f"{env} {shlex.quote(sys.executable)} -m reader {shlex.quote(str(path))}"
    tm = ["tmux", "-L", f"reader-bench-{uuid.uuid4().hex[:8]}"]
    subprocess.run([*tm, "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", "sleep 60"], check=True)
    try:
        start = time.perf_counter()
        subprocess.run([*tm, "respawn-pane", "-k", "-t", "b", "-c", str(REPO), cmd], check=True)
        yield tm, start
    finally:
        subprocess.run([*tm, "kill-server"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def first_paint(path: Path, needle: str, runs: int) -> list[float]:
    """Seconds from launching the app in tmux until the needle is on screen, per run."""
    times = []
    for _ in range(runs):
        with _reader_in_tmux(path) as (tm, start):
            deadline = start + 30
            while time.perf_counter() < deadline:
                out = subprocess.run([*tm, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout
                if needle in out and "Quit" in out:
                    times.append(time.perf_counter() - start)
                    break
                time.sleep(0.005)
    return times


def _vm_kb(pid: int | str, field: str = "VmHWM") -> int | None:
    """A /proc/PID/status memory field in kB (None when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _children(pid: int | str) -> list[str]:
    """The child process ids of a process (any of its threads)."""
    out: list[str] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += (task / "children").read_text().split()
        except OSError:
            pass
    return out


def first_paint_analysed(path: Path, needle: str, runs: int) -> list[dict[str, float]]:
    """Per run, for `python -m reader PATH` (analysis on) in tmux: seconds to first paint ("paint") and
    until the analysis is shown ("done"); the app process's peak RSS ("app_mb", its VmHWM one second
    after the analysis is shown, so drawing the result counts) and the largest peak RSS of its children
    ("child_mb", each child's VmHWM, read every poll (20 ms) while it lives: a child stopped after the
    analysis (a big one is replaced) is read last up to 20 ms before it goes); "both_mb", the largest sum of the app's and its children's current RSS seen in
    one poll (what the two hold at the same time), and when each peak was reached ("app_at",
    "child_at", "both_at": seconds after launch, to the poll)."""
    out = []
    for _ in range(runs):
        with _reader_in_tmux(path) as (tm, start):
            pid = subprocess.run([*tm, "display", "-p", "-t", "b", "#{pane_pid}"], capture_output=True,
                                 text=True).stdout.strip()
            paint = done = None
            kids: dict[str, int] = {}
            app_kb = both_kb = 0
            app_at = child_at = both_at = 0.0
            deadline = start + 300
            while time.perf_counter() < deadline:
                screen = subprocess.run([*tm, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout
                now = time.perf_counter()
                hwm = _vm_kb(pid) or 0
                if hwm > app_kb:
                    app_kb, app_at = hwm, now - start
                total = _vm_kb(pid, "VmRSS") or 0
                for kid in _children(pid):
                    peak = _vm_kb(kid) or 0
                    if peak > max(kids.values(), default=0):
                        child_at = now - start
                    kids[kid] = max(kids.get(kid, 0), peak)
                    total += _vm_kb(kid, "VmRSS") or 0
                if total > both_kb:
                    both_kb, both_at = total, now - start
                if paint is None and needle in screen and "Quit" in screen:
                    paint = now - start
                if done is None and paint is not None and "Analysing" not in screen and "Quit" in screen:
                    done = now - start
                if done is not None and now - start > done + 1.0:
                    break
                time.sleep(0.005 if paint is None else 0.02)
            if paint is not None and done is not None and app_kb:
                out.append({"paint": paint, "done": done, "app_mb": app_kb / 1024,
                            "child_mb": max(kids.values(), default=0) / 1024, "both_mb": both_kb / 1024,
                            "app_at": app_at, "child_at": child_at, "both_at": both_at})
    return out


def quit_while_analysing(path: Path, needle: str, runs: int) -> list[float]:
    """Seconds from pressing q while the analysis runs until the app and its children are gone."""
    out = []
    for _ in range(runs):
        with _reader_in_tmux(path) as (tm, start):
            pid = subprocess.run([*tm, "display", "-p", "-t", "b", "#{pane_pid}"], capture_output=True,
                                 text=True).stdout.strip()
            while time.perf_counter() < start + 30:
                screen = subprocess.run([*tm, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout
                if needle in screen and "Analysing" in screen:
                    break
                time.sleep(0.02)
            time.sleep(1.0)  # the analysis is well under way
            pids = [pid, *_children(pid)]
            t0 = time.perf_counter()
            subprocess.run([*tm, "send-keys", "-t", "b", "q"], check=True)
            while time.perf_counter() < t0 + 60:
                if all(_vm_kb(p, "VmRSS") is None for p in pids):  # exited (or a zombie: no memory)
                    out.append(time.perf_counter() - t0)
                    break
                time.sleep(0.01)
    return out


# ----- in-process jump latency and RSS -----------------------------------------------------------
async def _jumps(path: Path, jumps: int, worker: bool = False) -> dict[str, object]:
    import resource

    from textual import events

    from reader.document import Document
    from reader.sources import load_path
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_view import ArticleView

    src = load_path(path)
    if worker:  # the text alone: the app's worker runs the real analysis
        doc = Document(text=src.text, title=src.title, source=src.source)
    elif len(src.text) < 200_000:  # a real article: the real pipeline's entities
        from reader.pipeline import analyze

        doc = analyze(src.text, src.title, src.source)
    else:  # the generated 2 MB article: entities placed by string search
        doc = hand_document(src.text, src.title, src.source)
    tmp = Path(tempfile.mkdtemp())
    app = ReaderApp(document=doc, analyse=worker, store_path=tmp / "n.db")
    out: dict[str, object] = {}
    t_start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if worker:  # while the analysis runs: how late does the app's event loop wake from a 10 ms sleep?
            lags: list[float] = []
            while getattr(app.screen, "analysing", False) and time.perf_counter() - t_start < 600:
                t0 = time.perf_counter()
                await asyncio.sleep(0.01)
                lags.append(time.perf_counter() - t0 - 0.01)
            out["analysed_s"] = time.perf_counter() - t_start
            if lags:
                lags.sort()
                out["lag_ms"] = {"median": statistics.median(lags) * 1000, "p95": lags[int(len(lags) * 0.95)] * 1000,
                                 "max": lags[-1] * 1000, "n": len(lags)}
            await pilot.pause()
            doc = app.screen.doc  # type: ignore[attr-defined]
        view = app.screen.query_one(ArticleView)
        screen = app.screen
        frames = 0
        orig = screen._compositor.render_update

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal frames
            frames += 1
            return orig(*args, **kwargs)

        screen._compositor.render_update = counting  # type: ignore[method-assign]
        latencies: dict[str, list[float]] = {"n": [], "]": [], "G/g": []}
        keys = [("]", "right_square_bracket", None), ("n", "n", "n"), ("G/g", "G", "G"), ("n", "n", "n"),
                ("G/g", "g", "g"), ("]", "right_square_bracket", "]")]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        for i in range(jumps):
            label, key, char = keys[i % len(keys)]
            before = frames
            t0 = time.perf_counter()
            app.post_message(events.Key(key, char))
            while frames == before and time.perf_counter() - t0 < 2:
                await asyncio.sleep(0)
            latencies[label].append(time.perf_counter() - t0)
            await pilot.pause()
        # the cost of drawing a full frame of visible lines after a style change (cache cold)
        draw = []
        for _ in range(20):
            view._restyle()
            t0 = time.perf_counter()
            for y in range(view.scrollable_content_region.height):
                view.render_line(y)
            draw.append(time.perf_counter() - t0)
        out["lines"] = len(view.wrapped) if view.wrapped else 0
        out["entities"] = len(doc.entities)
        out["jump_ms"] = {k: statistics.median(v) * 1000 for k, v in latencies.items() if v}
        out["draw_frame_ms"] = statistics.median(draw) * 1000
        t0 = time.perf_counter()
        view.wrapped = None
        view._rewrap()
        out["rewrap_ms"] = (time.perf_counter() - t0) * 1000
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def child(path: str, jumps: int, worker: bool = False) -> None:
    """Run the in-process measurements for one article and print JSON."""
    print(json.dumps(asyncio.run(_jumps(Path(path), jumps, worker))))


def report(path: Path, jumps: int, worker: bool) -> None:
    """Run the in-process measurements in a fresh process and print them."""
    cmd = [sys.executable, __file__, "--child", str(path), "--jumps", str(jumps)] + (["--worker"] if worker else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode:
        print(proc.stderr[-2000:])
        return
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    if worker:
        print(f"in-process: analysis delivered by the worker after {res['analysed_s']:.1f} s")
        if res.get("lag_ms"):
            lag = res["lag_ms"]
            print(f"event-loop lag WHILE the analysis runs (10 ms sleeps): median {lag['median']:.1f} ms, "
                  f"p95 {lag['p95']:.1f} ms, max {lag['max']:.0f} ms ({lag['n']} samples)")
    jumps_ms = ", ".join(f"{k} {v:.1f} ms" for k, v in res["jump_ms"].items())
    print(f"entities: {res['entities']}  wrapped lines: {res['lines']}  (re-wrap at 120x40: {res['rewrap_ms']:.0f} ms)")
    print(f"key->frame jump latency, median: {jumps_ms}")
    print(f"draw one frame (cold cache): {res['draw_frame_ms']:.2f} ms")
    print(f"peak RSS: {res['rss_mb']:.0f} MB" + (f" (largest child process: {res['children_rss_mb']:.0f} MB)"
                                                  if worker and res.get("children_rss_mb") else ""))


def main() -> None:
    """Measure both articles and print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="first-paint runs per article")
    parser.add_argument("--jumps", type=int, default=60, help="key presses for the jump latency")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.jumps, args.worker)
        return
    work = Path(tempfile.mkdtemp())
    big = work / "big-article.txt"
    generate(big)
    articles = [("2 MB generated", big)]
    if KHERSON.is_file():
        articles.insert(0, ("Kherson (shared)", KHERSON))
    for name, path in articles:
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()[:24]
        print(f"== {name}: {path.stat().st_size / 1024:.0f} KB")
        if shutil.which("tmux"):
            times = first_paint(path, first_line, args.runs)
            if times:
                print(f"first paint (tmux, {len(times)} runs): median {statistics.median(times) * 1000:.0f} ms"
                      f"  min {min(times) * 1000:.0f} ms  max {max(times) * 1000:.0f} ms")
        else:
            print("first paint: tmux not installed, skipped")
        report(path, args.jumps, worker=False)
        print(f"== {name} WITH the real analysis")
        if shutil.which("tmux"):
            real = first_paint_analysed(path, first_line, max(1, args.runs // 2) if path == big else args.runs)
            if real:
                med = {k: statistics.median(r[k] for r in real) for k in real[0]}
                print(f"tmux ({len(real)} runs, medians): first paint {med['paint'] * 1000:.0f} ms, analysis shown "
                      f"after {med['done']:.2f} s")
                print(f"  peak RSS: app {med['app_mb']:.0f} MB (reached by {med['app_at']:.1f} s), largest child "
                      f"process {med['child_mb']:.0f} MB (by {med['child_at']:.1f} s); app + children at the same "
                      f"moment, largest sampled: {med['both_mb']:.0f} MB (at {med['both_at']:.1f} s)")
            if path == big:
                quits = quit_while_analysing(path, first_line, max(1, args.runs // 2))
                if quits:
                    print(f"q while analysing -> app and children gone: median {statistics.median(quits):.2f} s")
        if path == big:
            report(path, args.jumps, worker=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
