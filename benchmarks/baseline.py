"""A copy of the `reader` package with some files as they were at a git revision, to compare old and new.

The copy is the working tree's package (so files other helpers are changing are the same in both)
with the listed files replaced by their text at `ref` (`git show`, read-only). Run code against it
with `PYTHONPATH=<tree>`: that directory's `reader` comes before the editable install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from corpus import REPO

# The files issue 7 (throughput) changes: segmentation, NER tagging and decoding, linking, POS, numbers, dates,
# the pipeline.
SPEED_FILES: tuple[str, ...] = (
    "reader/pipeline.py",
    "reader/document.py",
    "reader/nlp/segment.py",
    "reader/nlp/linking.py",
    "reader/nlp/aliases.py",
    "reader/nlp/pronouns.py",
    "reader/nlp/descriptions.py",
    "reader/nlp/pos.py",
    "reader/nlp/ner/step.py",
    "reader/nlp/ner/features.py",
    "reader/nlp/ner/crf.py",
    "reader/nlp/ner/tagger.py",
    "reader/nlp/ner/gazetteers.py",
    "reader/nlp/numbers.py",
    "reader/nlp/facts/dates.py",
    "reader/nlp/person_names.py",
    "reader/nlp/facts/base.py",
)


def git_text(ref: str, path: str) -> str | None:
    """A file's text at a git revision, or None when it did not exist there."""
    res = subprocess.run(["git", "-C", str(REPO), "show", f"{ref}:{path}"], capture_output=True, text=True)
    return res.stdout if res.returncode == 0 else None


def snapshot() -> Path:
    """A temporary directory holding a copy of the working tree's `reader/` (the caller removes it).

    Comparing two copies made together, rather than a copy with the live tree, keeps files that
    others change meanwhile the same on both sides."""
    root = Path(tempfile.mkdtemp(prefix="reader-snapshot-"))
    shutil.copytree(REPO / "reader", root / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def baseline_tree(ref: str = "HEAD", files: tuple[str, ...] = SPEED_FILES, source: Path | None = None) -> Path:
    """A temporary directory holding `reader/` (the working tree's, or that of a `snapshot` directory)
    with `files` as at `ref` (the caller removes it)."""
    root = Path(tempfile.mkdtemp(prefix="reader-baseline-"))
    shutil.copytree((source or REPO) / "reader", root / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    for path in files:
        text = git_text(ref, path)
        target = root / path
        if text is None:
            target.unlink(missing_ok=True)
        else:
            target.write_text(text, encoding="utf-8")
    return root
