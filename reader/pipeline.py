"""The analysis pipeline: a list of named steps, each adding one layer to a Document.

Steps are named by import path and imported on first use, so importing this module (or
the UI) does not load NLTK or the models.
"""

from __future__ import annotations

import gc
import importlib
import sys
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


def analyze(
    text: str, title: str = "", source: str = "", steps: Iterable[str] | None = None, release_models: bool = False
) -> Document:
    """Run the pipeline (all steps, or the named ones in pipeline order) over a text.

    With `release_models`, for a process that analyses nothing after this text (the analysis child of a
    long text, which is stopped once it has answered), a step's models are freed while neither that
    step nor the next one runs (`release_step_models`): a step whose models were freed loads them again
    (the POS model, ~0.1 s), and the process never holds every model beside a long text's working memory.
    The analysis is the same."""
    wanted = None if steps is None else set(steps)
    doc = Document(text=text, title=title, source=source)
    chosen = [(name, path) for name, path in STEPS if wanted is None or name in wanted]
    # The steps build many small objects that hold no reference cycles (tokens, spans, feature lists):
    # the cyclic collector would only walk them again and again, so it waits until the analysis is done.
    collecting = gc.isenabled()
    trim = len(text) >= TRIM_CHARS
    gc.disable()
    try:
        for k, (name, path) in enumerate(chosen):
            if release_models:
                release_step_models(keep={n for n, _ in chosen[k : k + 2]})
            doc = load_step(path)(doc)
            if trim:
                trim_memory()
    finally:
        if collecting:
            gc.enable()
    return doc


def release_step_models(keep: Iterable[str] = ()) -> None:
    """Free the loaded models of every pipeline step but those named in `keep` (each step module's
    `release_models()`, when it has one and is imported), and hand their memory back; a step loads
    its models again when it next runs."""
    kept = set(keep)
    released = False
    for name, path in STEPS:
        module = sys.modules.get(path.partition(":")[0])
        release = getattr(module, "release_models", None)
        if name not in kept and release is not None and release():
            released = True
    if released:
        trim_memory()


def step_names() -> list[str]:
    """The names of the pipeline's steps, in order."""
    return [name for name, _ in STEPS]
