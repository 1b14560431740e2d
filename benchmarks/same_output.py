"""Check that the analysis is unchanged: the working tree's `analyze()` against a baseline revision.

Every input is analysed by a copy of the working tree's package and by a copy of it with the speed
files as at `--ref` (see baseline.py), each in its own process, and the full documents (the contract plus
tokens with their POS tags and sentence token ranges) are compared. Each process also analyses
everything a second time in reverse order (warm caches) and checks it gets the same documents.
Inputs: the sample articles, the shared article, tests/data/facts_*/*.txt, generated articles of
10 KB, 100 KB and 2 MB, and a few odd texts. Only file names and layer names are printed, never
article text. Usage:

    python benchmarks/same_output.py [--ref HEAD] [--no-big]

Exit status 0 when every document is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import SPEED_FILES, baseline_tree, snapshot  # noqa: E402
from corpus import REPO, article_paths, generated  # noqa: E402


def odd_texts() -> dict[str, str]:
    """Small made-up inputs for the edge cases of segmentation and tagging."""
    long_block = " ".join(f"word{k} Alpha Beta" for k in range(3000))  # one block over 20,000 chars, no stop
    return {
        "odd:empty": "",
        "odd:blank": "  \n\n \t \n",
        "odd:one-word": "Kyiv",
        "odd:no-stop-block": long_block,
        "odd:caps": "MINISTER SAYS TALKS WILL RESUME IN GENEVA\n\nBy Jane Doe\n\nThe talks resume on Monday.",
        "odd:quotes": "\"He said ''no'' -- and `left`,\" she said. ‘It’s done’, Mr O’Neill’s aide said… (really?)",
        "odd:list": "Key points:\n- Mr Smith resigned\n- 12 people were killed\n1) A vote: 12-3\n# Heading\n> quote",
        "odd:wrapped": "Prime Minister Ana Ruiz said the\nbill would pass, and\nthe Senate agreed.\nShe left.",
    }


def inputs(big: bool) -> dict[str, str]:
    """Name -> text of every input."""
    out: dict[str, str] = {}
    for p in article_paths():
        out[p.name] = p.read_text(encoding="utf-8")
    for p in sorted((REPO / "tests" / "data").glob("facts_*/*.txt")):
        out[f"{p.parent.name}/{p.name}"] = p.read_text(encoding="utf-8")
    for size in (10_000, 100_000) + ((2_000_000,) if big else ()):
        out[f"generated:{size}"] = generated(size)
    out.update(odd_texts())
    return out


def worker(out_dir: Path) -> None:
    """Analyse every input of out_dir/../inputs.json (twice) and write each full document as JSON to out_dir."""
    from reader.pipeline import analyze

    texts = json.loads((out_dir.parent / "inputs.json").read_text(encoding="utf-8"))
    first: dict[str, str] = {}
    for k, (name, text) in enumerate(texts.items()):
        dumped = json.dumps(analyze(text, title="t", source="s").to_full_json(), ensure_ascii=False)
        first[name] = hashlib.sha256(dumped.encode()).hexdigest()
        (out_dir / f"{k}.json").write_text(dumped, encoding="utf-8")
    unstable = []
    for name, text in reversed(texts.items()):
        dumped = json.dumps(analyze(text, title="t", source="s").to_full_json(), ensure_ascii=False)
        if hashlib.sha256(dumped.encode()).hexdigest() != first[name]:
            unstable.append(name)
    (out_dir / "names.json").write_text(json.dumps({"names": list(texts), "unstable": unstable}), encoding="utf-8")


def run_worker(pythonpath: Path, out_dir: Path) -> None:
    """Run `worker` in a fresh interpreter importing `reader` from `pythonpath`."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    cmd = [sys.executable, __file__, "--worker", str(out_dir)]
    subprocess.run(cmd, env=env, check=True)


def first_difference(old: dict, new: dict) -> str:
    """The name of the first layer that differs, and the index of its first differing item."""
    for key in old.keys() | new.keys():
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            return f"{key} (item {k}; {len(a)} vs {len(b)} items)"
        return key
    return "?"


def main() -> int:
    """Compare the working tree with the baseline; print one line per input that differs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", default="HEAD", help="git revision of the baseline speed files")
    ap.add_argument("--files", default=",".join(SPEED_FILES),
                    help="comma-separated files taken at --ref on the old side (default: baseline.SPEED_FILES)")
    ap.add_argument("--no-big", action="store_true", help="leave out the 2 MB article")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(Path(args.worker))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="same-output-"))
    current = snapshot()
    files = tuple(f for f in args.files.split(",") if f)
    base = baseline_tree(args.ref, files, source=current)
    try:
        (tmp / "old").mkdir()
        (tmp / "new").mkdir()
        # Read once for both sides (input files others are writing meanwhile stay the same for both).
        (tmp / "inputs.json").write_text(json.dumps(inputs(not args.no_big), ensure_ascii=False), encoding="utf-8")
        run_worker(base, tmp / "old")
        run_worker(current, tmp / "new")
        old_meta = json.loads((tmp / "old" / "names.json").read_text(encoding="utf-8"))
        new_meta = json.loads((tmp / "new" / "names.json").read_text(encoding="utf-8"))
        bad = 0
        for side, meta in (("old", old_meta), ("new", new_meta)):
            for name in meta["unstable"]:
                print(f"UNSTABLE ({side}): a second analysis of {name} differs from the first")
                bad += 1
        old_index = {name: k for k, name in enumerate(old_meta["names"])}
        names = [name for name in new_meta["names"] if name in old_index]  # inputs added meanwhile: not compared
        for k, name in enumerate(new_meta["names"]):
            if name not in old_index:
                continue
            old = json.loads((tmp / "old" / f"{old_index[name]}.json").read_text(encoding="utf-8"))
            new = json.loads((tmp / "new" / f"{k}.json").read_text(encoding="utf-8"))
            if old != new:
                print(f"DIFF {name}: {first_difference(old, new)}")
                bad += 1
        print(f"{len(names)} inputs, {bad} differences (baseline: {', '.join(files)} at {args.ref})")
        return 1 if bad else 0
    finally:
        for path in (tmp, base, current):
            shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
