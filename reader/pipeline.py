"""The analysis pipeline: a list of named steps, each adding one layer to a Document.

Steps are named by import path and imported on first use, so importing this module (or
the UI) does not load NLTK or the models.
"""

from __future__ import annotations

import gc
import importlib
from typing import Callable, Iterable

from reader.document import Document
from reader.memory import trim_memory
from reader.nlp import LONG_TEXT_CHARS

Step = Callable[[Document], Document]

# (name, "module:function"), in order. Each function takes and returns a Document.
STEPS: tuple[tuple[str, str], ...] = (
    ("segment", "reader.nlp.segment:run"),
    ("ner", "reader.nlp.ner.step:run"),
    ("link", "reader.nlp.linking:run"),
    ("pos", "reader.nlp.pos:run"),
    ("facts", "reader.nlp.facts:run"),
)


# From this many characters on, the C allocator's free memory goes back to the system after each step
# (`trim_memory`): a step's working memory, freed, would otherwise stay resident beside the next step's.
TRIM_CHARS = LONG_TEXT_CHARS


def load_step(path: str) -> Step:
    """Import a step function from its "module:function" path."""
    module, _, func = path.partition(":")
    return getattr(importlib.import_module(module), func)


def analyze(text: str, title: str = "", source: str = "", steps: Iterable[str] | None = None) -> Document:
    """Run the pipeline (all steps, or the named ones in pipeline order) over a text."""
    wanted = None if steps is None else set(steps)
    doc = Document(text=text, title=title, source=source)
    # The steps build many small objects that hold no reference cycles (tokens, spans, feature lists):
    # the cyclic collector would only walk them again and again, so it waits until the analysis is done.
    collecting = gc.isenabled()
    trim = len(text) >= TRIM_CHARS
    gc.disable()
    try:
        for name, path in STEPS:
            if wanted is None or name in wanted:
                doc = load_step(path)(doc)
                if trim:
                    trim_memory()
    finally:
        if collecting:
            gc.enable()
    return doc


def step_names() -> list[str]:
    """The names of the pipeline's steps, in order."""
    return [name for name, _ in STEPS]
