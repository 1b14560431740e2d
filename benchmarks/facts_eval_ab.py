"""Check that the speed files change no facts score: `facts_eval.py` on the working tree and on a copy with the
speed files as at a git revision (see baseline.py), the scores compared with the timings left out.

    python benchmarks/facts_eval_ab.py [--ref HEAD] [--files a.py,b.py] [--split all] [--split dev3] ...

Prints each split's table once and whether both sides agree; exit status 0 when every split agrees. Uses
facts_eval.py's own splits, so a blind split is scored but never shown in more detail than facts_eval prints.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import SPEED_FILES, baseline_tree, snapshot  # noqa: E402

_TIMING = re.compile(r"; facts step [\d.]+ ms total")


def scores(pythonpath: Path, split: str) -> str:
    """facts_eval.py's output for a split, run with `reader` from `pythonpath`, its timings removed."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    cmd = [sys.executable, str(Path(__file__).with_name("facts_eval.py")), "--split", split]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return _TIMING.sub("", out)


def main() -> int:
    """Score each split on both sides and print whether they agree."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", default="HEAD", help="git revision of the baseline speed files")
    ap.add_argument("--files", default=",".join(SPEED_FILES), help="comma-separated files taken at --ref")
    ap.add_argument("--split", action="append", help="a facts_eval.py split (repeatable; default: all, dev3)")
    args = ap.parse_args()
    files = tuple(f for f in args.files.split(",") if f)
    current = snapshot()
    base = baseline_tree(args.ref, files, source=current)
    bad = 0
    try:
        for split in args.split or ["all", "dev3"]:
            old, new = scores(base, split), scores(current, split)
            print(f"== {split}: {'same scores' if old == new else 'SCORES DIFFER'}")
            print(new if old == new else f"old:\n{old}\nnew:\n{new}")
            bad += old != new
    finally:
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(current, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
