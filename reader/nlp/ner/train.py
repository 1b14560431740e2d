"""Training the CRF entity tagger on CoNLL-2003 with python-crfsuite.

Lists derived from the training data (entity names by type, words that precede
person names) are used as gazetteer features. So that the model does not learn to
trust them blindly, each training document's features use lists derived from the
*other* folds only; the shipped lists (in the model's JSON sidecar) come from all
of the training data. The training data is augmented with a "modern news style"
copy of some documents (Mr without a period, US instead of U.S., Opec for OPEC,
"Mr Surname" mentions) and a copy of others with their place names swapped for
random gazetteer places. python-crfsuite is used directly (NLTK 3.10's CRFTagger
refuses model paths outside its data path).
"""

from __future__ import annotations

import json
import random
from importlib.metadata import PackageNotFoundError, version
import re
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from reader.nlp.ner.conll import ConllDoc, Score, read_conll, score
from reader.nlp.ner.features import Featurizer, headline, label_cues
from reader.nlp.ner.gazetteers import GAZETTEER_PATH, Gazetteer, load_lists, load_relabel
from reader.nlp.ner.normalize import norm
from reader.nlp.ner.tagger import NerTagger, merge_lists, sidecar

DEFAULT_PARAMS: dict[str, object] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
FOLDS = 5

_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}")
_TITLE_DOT = {"Mr.": "Mr", "Mrs.": "Mrs", "Ms.": "Ms", "Dr.": "Dr", "Gen.": "Gen", "Sen.": "Sen", "Gov.": "Gov",
              "Rep.": "Rep", "Col.": "Col", "Lt.": "Lt", "St.": "St", "Prof.": "Prof"}


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def derive_lists(docs: Sequence[ConllDoc]) -> dict[str, list[str]]:
    """Lists from annotated documents: entity strings by type, title-like words before persons, and
    COMMON words (written in lower case at least 3 times)."""
    names: dict[str, set[str]] = {}
    before: Counter[str] = Counter()
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for doc in docs:
        for sent in doc:
            toks = [t for t, _ in sent]
            tags = [g for _, g in sent]
            i = 0
            while i < len(sent):
                tag = tags[i]
                if i:
                    total[norm(toks[i - 1])] += 1
                if toks[i][:1].islower():
                    lower[norm(toks[i])] += 1
                if tag.startswith("B-") or (tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:])):
                    typ = tag[2:]
                    j = i + 1
                    while j < len(sent) and tags[j] == "I-" + typ:
                        j += 1
                    names.setdefault("tr" + typ, set()).add(" ".join(toks[i:j]))
                    if typ == "PER" and i and tags[i - 1] == "O":
                        before[norm(toks[i - 1])] += 1
                    i = j
                else:
                    i += 1
    titles = {w for w, c in before.items() if c >= 3 and c / total[w] >= 0.3 and any(ch.isalpha() for ch in w)}
    out = {k: sorted(v) for k, v in names.items()}
    out["TITLE"] = sorted(titles)
    out["COMMON"] = sorted(w for w, c in lower.items() if c >= 3)
    return out


def _modern_token(tok: str) -> str:
    if tok in _TITLE_DOT:
        return _TITLE_DOT[tok]
    m = _DOTTED.match(tok)
    if m and (len(tok) == m.end() or tok[m.end()] == "-"):
        return m.group(0).replace(".", "") + tok[m.end():]
    return tok


def modernize(doc: ConllDoc, rng: random.Random) -> ConllDoc | None:
    """A copy of a document in modern BBC/AP style, or None when nothing would change."""
    changed = False
    out: ConllDoc = []
    surnames: set[str] = set()
    for sent in doc:
        toks = [t for t, _ in sent]
        if headline(toks):
            out.append(list(sent))
            continue
        new: list[tuple[str, str]] = []
        for i, (tok, tag) in enumerate(sent):
            t = _modern_token(tok)
            if tag != "O" and t.isalpha() and t.isupper() and len(t) >= 4 and tag[2:] in ("ORG", "MISC") and rng.random() < 0.7:
                t = t.capitalize()
            if tag == "B-PER":
                nxt = sent[i + 1][1] if i + 1 < len(sent) else "O"
                prev = new[-1][0] if new else ""
                if nxt != "I-PER" and tok in surnames and not prev[:1].isupper() and rng.random() < 0.6:
                    new.append((rng.choice(("Mr", "Mr", "Ms", "Mrs")), "O"))
                    changed = True
            changed |= t != tok
            new.append((t, tag))
        for i, (tok, tag) in enumerate(sent):
            if tag == "I-PER" and (i + 1 == len(sent) or sent[i + 1][1] != "I-PER"):
                surnames.add(tok)
        out.append(new)
    return out if changed else None


def relabel(docs: Sequence[ConllDoc], overrides: dict[str, str]) -> list[ConllDoc]:
    """The documents with single-token names relabelled (gazetteers.json "relabel": seats of
    government that CoNLL-2003 tags LOC but modern news uses for the institution)."""
    out = []
    for doc in docs:
        new_doc = []
        for sent in doc:
            new = list(sent)
            for i, (tok, tag) in enumerate(sent):
                nxt = sent[i + 1][1] if i + 1 < len(sent) else "O"
                if tok in overrides and tag.startswith("B-") and not nxt.startswith("I-"):
                    new[i] = (tok, "B-" + overrides[tok])
            new_doc.append(new)
        out.append(new_doc)
    return out


def replace_places(doc: ConllDoc, rng: random.Random, pool: Sequence[str]) -> ConllDoc | None:
    """A copy of a document with every place name swapped, consistently, for a random gazetteer place.

    Teaches the model that an unseen name in a place context is a place.
    """
    mapping: dict[tuple[str, ...], list[str]] = {}
    out: ConllDoc = []
    for sent in doc:
        caps = headline([t for t, _ in sent])
        new: list[tuple[str, str]] = []
        i = 0
        while i < len(sent):
            tok, tag = sent[i]
            if tag != "B-LOC":
                new.append((tok, tag))
                i += 1
                continue
            j = i + 1
            while j < len(sent) and sent[j][1] == "I-LOC":
                j += 1
            key = tuple(t.lower() for t, _ in sent[i:j])
            if key not in mapping:
                mapping[key] = rng.choice(pool).split()
            repl = [w.upper() if caps else w for w in mapping[key]]
            new.extend((w, "B-LOC" if k == 0 else "I-LOC") for k, w in enumerate(repl))
            i = j
        out.append(new)
    return out if mapping else None


def augment(
    docs: Sequence[ConllDoc], seed: int = 13, share: float = 0.5, place_share: float = 0.0,
    places: Sequence[str] = (),
) -> list[tuple[int, ConllDoc]]:
    """Modern-style copies of a share of the documents (only those that change), and copies of
    another share with their places swapped for gazetteer places; each with its source index."""
    rng = random.Random(seed)
    pool = [p for p in places if 1 <= len(p.split()) <= 2 and all(w.isalpha() and w[:1].isupper() for w in p.split())]
    extra = []
    for i, doc in enumerate(docs):
        if rng.random() < share:
            m = modernize(doc, rng)
            if m is not None:
                extra.append((i, m))
        if pool and rng.random() < place_share:
            r = replace_places(doc, rng, pool)
            if r is not None:
                extra.append((i, r))
    return extra


Item = tuple[list[list[str]], list[str]]  # one sentence: feature lists, gold tags


def featurize(
    docs: Sequence[ConllDoc], groups: Sequence[int], base: dict[str, list[str]], folds: int = FOLDS,
    doc_features: bool = True, bigrams: bool = False,
) -> list[list[Item]]:
    """Per document, (features, tags) per sentence; a document in fold k (group % folds) uses lists
    derived from the original documents of the other folds."""
    out: list[list[Item]] = [[] for _ in docs]
    for k in range(folds):
        others = [d for d, g in zip(docs, groups) if g % folds != k and g >= 0 and d is docs[g]]
        fz = Featurizer(Gazetteer(merge_lists(base, derive_lists(others))), doc_features=doc_features, bigrams=bigrams)
        for i, doc in enumerate(docs):
            if groups[i] % folds == k:
                feats = fz.document([[t for t, _ in s] for s in doc])
                out[i] = [(f, [g for _, g in s]) for f, s in zip(feats, doc)]
    return out


def stack(docs: Sequence[ConllDoc], items: Sequence[Sequence[Item]], tags: Sequence[Sequence[Sequence[str]]]) -> list[list[Item]]:
    """Second-pass items: first-pass features plus label cues from first-pass tags."""
    out = []
    for doc, its, tg in zip(docs, items, tags):
        cues = label_cues([[t for t, _ in s] for s in doc], tg)
        out.append([([f + c for f, c in zip(feats, cs)], gold) for (feats, gold), cs in zip(its, cues)])
    return out


def fit(items: Sequence[Sequence[Item]], output: Path, params: dict[str, object]) -> None:
    """Train one CRF on documents' items and write it."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for its in items:
        for feats, tags in its:
            trainer.append(feats, tags)
    trainer.set_params(params)
    trainer.train(str(output))


def predict(model: Path, items: Sequence[Sequence[Item]]) -> list[list[list[str]]]:
    """First-pass tags for documents' items."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [[list(tagger.tag(f)) if f else [] for f, _ in its] for its in items]


def train(
    corpus: str | Path,
    output: str | Path,
    iterations: int | None = None,
    params: dict[str, object] | None = None,
    augment_share: float = 0.5,
    place_share: float = 0.3,
    doc_features: bool = True,
    bigrams: bool = False,
    stacked: bool = True,
    gazetteer: str | Path = GAZETTEER_PATH,
    log: Callable[[str], None] = print,
) -> Score | None:
    """Train on corpus/train.txt, write the model(s) and JSON sidecar, score on corpus/dev.txt if present.

    With `stacked`, a first-pass model is written next to the output (`<name>-pass1.crfsuite`)
    and the output model uses its tags over the whole document as extra features; the
    second pass is trained on first-pass tags from models that did not see the document
    (jackknife over the folds).
    """
    from reader.nlp.ner.tagger import NerTagger, pass1_path

    corpus = Path(corpus)
    output = Path(output)
    docs = relabel(read_conll(corpus / "train.txt"), load_relabel(gazetteer))
    base = load_lists(gazetteer)
    t0 = time.perf_counter()
    extra = augment(docs, share=augment_share, place_share=place_share, places=base.get("LOC", []))
    all_docs = list(docs) + [d for _, d in extra]
    groups = list(range(len(docs))) + [i for i, _ in extra]
    items = featurize(all_docs, groups, base, doc_features=doc_features, bigrams=bigrams)
    log(f"{len(docs)} documents (+{len(extra)} augmented), {sum(len(d) for d in items)} sentences, "
        f"features in {time.perf_counter() - t0:.1f}s")
    p = dict(DEFAULT_PARAMS)
    p.update(params or {})
    if iterations:
        p["max_iterations"] = iterations
    output.parent.mkdir(parents=True, exist_ok=True)
    stacked = stacked and len(docs) >= FOLDS  # the jackknife needs a document in every fold
    t0 = time.perf_counter()
    first = pass1_path(output) if stacked else output
    fit(items, first, p)
    log(f"first pass trained in {time.perf_counter() - t0:.0f}s: {first} ({first.stat().st_size // 1024} KB)")
    if stacked:
        tags: list[list[list[str]]] = [[] for _ in all_docs]
        tmp = output.with_name(output.name + ".fold.tmp")
        try:
            for k in range(FOLDS):
                t0 = time.perf_counter()
                fit([its for its, g in zip(items, groups) if g % FOLDS != k], tmp, p)
                held = [i for i, g in enumerate(groups) if g % FOLDS == k]
                for i, tg in zip(held, predict(tmp, [items[i] for i in held])):
                    tags[i] = tg
                log(f"fold {k + 1}/{FOLDS} in {time.perf_counter() - t0:.0f}s")
        finally:
            tmp.unlink(missing_ok=True)
        items = stack(all_docs, items, tags)
        t0 = time.perf_counter()
        fit(items, output, p)
        log(f"second pass trained in {time.perf_counter() - t0:.0f}s: {output} ({output.stat().st_size // 1024} KB)")
    del items
    meta = {
        "format": "reader-ner/1",
        "trainer": "python-crfsuite " + _version("python-crfsuite"),
        "params": dict(p),
        "doc_features": doc_features,
        "bigrams": bigrams,
        "place_share": place_share,
        "stacked": stacked,
        "pass1": first.name if stacked else None,
        "augment_share": augment_share,
        "train_documents": len(docs),
        "lists": derive_lists(docs),
    }
    sidecar(output).write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    dev = corpus / "dev.txt"
    if not dev.is_file():
        return None
    tagger = NerTagger(output, gazetteer)
    result = evaluate_tagger(tagger, read_conll(dev))
    meta["dev"] = {t: [round(c.precision * 100, 2), round(c.recall * 100, 2), round(c.f1 * 100, 2)] for t, c in sorted(result.by_type.items())}
    o = result.overall
    meta["dev"]["ALL"] = [round(o.precision * 100, 2), round(o.recall * 100, 2), round(o.f1 * 100, 2)]
    log("dev " + " ".join(f"{t}={v[2]}" for t, v in meta["dev"].items()))
    sidecar(output).write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return result


def evaluate_tagger(tagger: NerTagger, docs: Sequence[ConllDoc]) -> Score:
    """Score a tagger on annotated documents (exact spans)."""
    gold, pred = [], []
    for doc in docs:
        gold.extend([g for _, g in s] for s in doc)
        pred.extend(tagger.tag_document([[t for t, _ in s] for s in doc]))
    return score(gold, pred)
