"""Speed of the POS step against NLTK's own tagger over the same weights, and of the facts step.

Run: python benchmarks/pos_speed.py [--size CHARS] [--conll] [--runs N] [ARTICLE ...]
The input is a generated article of --size characters (default 100,000, made of the sample
articles' paragraphs; with --conll, of CoNLL-2003 training sentences, a real vocabulary),
or the given articles joined. Prints medians of --runs runs, the
ratio to NLTK's `PerceptronTagger.tag`, and how many tags differ from NLTK's (should be 0).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generated, median_time  # noqa: E402
from memory_bench import conll_text  # noqa: E402
from nltk.tag.perceptron import PerceptronTagger  # noqa: E402

from reader.document import Document  # noqa: E402
from reader.nlp import facts, pos  # noqa: E402
from reader.nlp.segment import segment  # noqa: E402


def main(argv: list[str]) -> int:
    """Benchmark model loading, the POS step, bare tagging against NLTK, and the facts step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--size", type=int, default=100_000, help="characters of generated text")
    parser.add_argument("--conll", action="store_true", help="generate from CoNLL-2003 sentences (../shared)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if args.articles:
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in args.articles)
    else:
        text = conll_text(args.size) if args.conll else generated(args.size)
    sentences, tokens = segment(text)
    doc = Document(text=text).with_layers(sentences=sentences, tokens=tokens)
    n = len(tokens)
    types = len({text[t.start : t.end] for t in tokens})
    print(f"input: {len(text):,} chars, {n:,} tokens ({types:,} distinct), {len(sentences):,} sentences")

    raw = pos.MODEL_PATH.read_text(encoding="utf-8")
    t_json = median_time(lambda: json.loads(raw), args.runs)
    t_load = median_time(lambda: pos.PosModel.load(pos.MODEL_PATH), args.runs)
    print(f"model load: {t_load * 1000:.0f} ms "
          f"(json {t_json * 1000:.0f} ms + arrays {(t_load - t_json) * 1000:.0f} ms)")

    model = pos.load_model()
    t_step = median_time(lambda: pos.run(doc), args.runs)
    print(f"pos step: {t_step * 1000:.1f} ms = {n / t_step:,.0f} tokens/s")

    words = [[pos.normalize_token(text[t.start : t.end]) for t in doc.sentence_tokens(s)] for s in doc.sentences]
    data = json.loads(raw)
    nltk_tagger = PerceptronTagger(load=False)
    nltk_tagger.decode_json_params((data["weights"], data["tagdict"], data["classes"]))
    ours = model.tag_sents(words)
    theirs = [[t for _, t in nltk_tagger.tag(w)] for w in words]
    differ = sum(a != b for o, t in zip(ours, theirs) for a, b in zip(o, t))
    t_ours = median_time(lambda: model.tag_sents(words), args.runs)
    t_nltk = median_time(lambda: [nltk_tagger.tag(w) for w in words], max(1, args.runs // 2))
    print(f"tagging alone: ours {t_ours * 1000:.1f} ms, NLTK PerceptronTagger.tag {t_nltk * 1000:.0f} ms "
          f"(ours {t_nltk / t_ours:.1f}x faster; tags differing from NLTK's: {differ})")

    tagged = pos.run(doc)
    t_facts = median_time(lambda: facts.run(tagged), args.runs)
    print(f"facts step (no entities): {t_facts * 1000:.1f} ms = {n / t_facts:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
