"""Build reader/nlp/models/first_names.json (first name -> gender) from the names corpus.

Reads ../shared/corpora/names/{male,female}.txt by path (never copied into the repo). Names
listed in both files are left out: an unknown gender is compatible with both pronouns.
Usage: python scripts/build_first_names.py [NAMES_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "corpora" / "names"
OUT = REPO / "reader" / "nlp" / "models" / "first_names.json"


def read_names(path: Path) -> set[str]:
    """Lower-cased names, one a line, skipping blanks."""
    return {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def build(names_dir: Path) -> dict[str, list[str]]:
    """The two unambiguous name lists, sorted."""
    male = read_names(names_dir / "male.txt")
    female = read_names(names_dir / "female.txt")
    both = male & female
    return {"male": sorted(male - both), "female": sorted(female - both)}


def main(argv: list[str]) -> int:
    """Write the JSON model; one line on stderr and exit 1 if the corpus is missing."""
    names_dir = Path(argv[0]) if argv else DEFAULT_DIR
    try:
        data = build(names_dir)
    except OSError as exc:
        print(f"build_first_names: cannot read names corpus: {exc}", file=sys.stderr)
        return 1
    data = {"source": "Names Corpus 1.3 (Mark Kantrowitz), names in both lists removed", **data}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['male'])} male, {len(data['female'])} female)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
