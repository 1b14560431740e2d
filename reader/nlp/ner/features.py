"""Feature extraction for the entity tagger: lists of features per token.

Features of a word type (its text, shape, affixes, flags, and what it contributes
as context to its neighbours) are computed once and cached in dicts, so a token's
feature list is mostly list concatenation. Per-occurrence features add the
sentence position, headline casing, gazetteer matches and document-level cues.
Training uses the feature strings; the tagger passes a `vocab` so that the lists
hold the models' integer attribute ids instead (features no model has are left out).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import Mapping, Sequence, Union

from reader.nlp.ner.gazetteers import Gazetteer
from reader.nlp.ner.normalize import norm, straighten

_SHAPE = str.maketrans(
    {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
     **{c: "d" for c in "0123456789"}}
)
_RUNS = re.compile(r"(.)\1+")
CONTEXT = (-2, -1, 1, 2)
# Word types whose features are cached (~600 bytes each with a `vocab`); the cache is emptied when full.
_MAX_CACHE = 30_000
# What a feature list holds: feature strings, or with a `vocab` the ids (or canonical strings) it maps them to.
Feature = Union[str, int]
Vocab = Mapping[str, Feature]


def shape(token: str) -> str:
    """Word shape: X for capitals, x for lower case, d for digits ("Paris" -> "Xxxxx")."""
    s = straighten(token)
    out = []
    for c in s:
        if c.isalpha():
            out.append("X" if c.isupper() else "x")
        elif c.isdigit():
            out.append("d")
        else:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=1 << 15)
def short_shape(token: str) -> str:
    """Shape with runs collapsed ("Paris" -> "Xx", "US-made" -> "X-x"); cached (the document cues ask
    for every capitalised word's)."""
    return _RUNS.sub(r"\1", shape(token))


def is_capital(token: str) -> bool:
    """True when the token starts with an upper-case letter."""
    return token[:1].isupper()


def word_features(token: str) -> list[str]:
    """Features of a word type, independent of its context."""
    s = straighten(token)
    low = s.lower()
    n = norm(token)
    sh = shape(token)
    feats = ["b", "w=" + s, "n=" + n, "sh=" + (sh if len(sh) <= 8 else short_shape(token)), "ss=" + short_shape(token)]
    for k in range(1, 5):
        if len(low) > k:
            feats.append(f"p{k}=" + low[:k])
            feats.append(f"s{k}=" + low[-k:])
    alpha = any(c.isalpha() for c in s)
    if s[:1].isupper():
        feats.append("ic")
    if alpha and s.isupper():
        feats.append("ac" if len(s) > 1 else "ac1")
    if any(c.isdigit() for c in s):
        feats.append("hd")
    if "-" in s and len(s) > 1:
        feats.append("hy")
        parts = n.split("-")
        feats.append("h0=" + parts[0])
        feats.append("hl=" + parts[-1])
    if "." in s and alpha:
        feats.append("dot")
    if not alpha and not any(c.isdigit() for c in s):
        feats.append("pu")
    if len(s) == 1 and alpha:
        feats.append("len1")
    return feats


def context_features(token: str, offset: int) -> list[str]:
    """Features a word type contributes to the token `offset` positions away."""
    o = str(offset)
    return ["n" + o + "=" + norm(token), "ss" + o + "=" + short_shape(token)]


_BOUNDARY = {o: ["n" + str(o) + "=<S>"] for o in CONTEXT}


def first_word(tokens: Sequence[str]) -> int:
    """Index of the first token with a letter or digit (after bullets and opening quotes)."""
    for i, t in enumerate(tokens):
        if any(c.isalnum() for c in t):
            return i
    return 0


def headline(tokens: Sequence[str]) -> bool:
    """True for an ALL-CAPS sentence (a headline or dateline)."""
    # Most sentences are not: when the ALL-CAPS tokens (at least `caps` below) are under 80% of the
    # all-letter ones (at most `letters`), `caps` is under 80% of `letters`.
    alpha = sum(map(str.isalpha, tokens))
    if alpha >= 2 and sum(map(str.isupper, tokens)) / alpha < 0.8:
        return False
    letters = [t for t in tokens if t.isalpha() or any(map(str.isalpha, t))]
    if len(letters) < 2:
        return bool(letters) and letters[0].isupper() and len(letters[0]) > 3
    caps = sum(1 for t in letters if t.isupper())
    return caps / len(letters) >= 0.8


def keep(features: list[str], vocab: Vocab | None) -> list[Feature]:
    """The features as a vocab maps them, leaving out those it lacks (all of them as they are without one)."""
    if vocab is None:
        return features  # type: ignore[return-value]
    return [vocab[f] for f in features if f in vocab]


Row = tuple[str, list[Feature], list[Feature], list[Feature], list[Feature], list[Feature]]

# A document of this many tokens or more is long (~300 KB of text): `Featurizer.context` gives its norms as
# a `SentenceNorms` (a 2 MB article's lists would take ~5 MB while it is tagged), and the tagger keeps its
# first-pass tags a byte a token and hands freed memory back between passes; a shorter one is read a little
# faster as lists.
LONG_DOCUMENT_TOKENS = 60_000


class SentenceNorms(Sequence[list[str]]):
    """Each sentence's normalised words, a list made each time a sentence's is read, from a word -> norm
    table that holds every word of the sentences (and must keep them while this is used)."""

    def __init__(self, sentences: Sequence[Sequence[str]], table: Mapping[str, str]) -> None:
        self.sentences = sentences
        self.table = table

    def __len__(self) -> int:
        return len(self.sentences)

    def __getitem__(self, k):  # type: ignore[no-untyped-def,override]
        """The norms of sentence k (a list), or of a slice of the sentences (a list of lists)."""
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        return list(map(self.table.__getitem__, self.sentences[k]))


class Featurizer:
    """Turns a document (sentences of token strings) into per-token feature lists.

    A token's list is its word type's own features, then what the words 2 and 1 before it and
    1 and 2 after it contribute as context (`word` rows), then its per-occurrence `extras`.
    With a `vocab` (feature string -> the attribute id a tagger uses, for the attributes its
    models have weights for), the lists hold ids and leave out features no model has: CRFsuite
    gives them no weight, so the tags are the same. A cached word type then costs list slots
    rather than new strings.
    """

    def __init__(
        self, gazetteer: Gazetteer, doc_features: bool = True, bigrams: bool = False,
        vocab: Vocab | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.doc_features = doc_features
        self.bigrams = bigrams
        self.vocab = vocab
        self.titles = gazetteer.cue("TITLE")
        self.common = gazetteer.cue("COMMON")
        self._first, self._caps, self._title = (keep([f], vocab) for f in ("first", "caps", "title-1"))
        # What a position beyond the sentence edge contributes, in `word` row layout.
        self.pad: Row = ("", [], *(keep(_BOUNDARY[o], vocab) for o in CONTEXT))  # type: ignore[assignment]
        self._word: dict[str, Row] = {}
        self._norms: dict[str, str] = {}  # word -> norm (`context`)
        # Feature lists of the document cues and gazetteer matches (a few hundred kinds) -> what `keep` makes of them.
        self._kept: dict[tuple[str, ...], list[Feature]] = {}

    def word(self, token: str) -> Row:
        """A word type's `row`, cached."""
        row = self._word.get(token)
        if row is None:
            if len(self._word) > _MAX_CACHE:
                self._word.clear()
            row = self._word[token] = self.row(token)
        return row

    def row(self, token: str) -> Row:
        """A word type's (norm, own features, context features it gives the tokens 2 and 1 after it,
        and 1 and 2 before it), not cached (`word` keeps them)."""
        n = norm(token)
        w = word_features(token)
        if token[:1].isupper() and n in self.common:
            w.append("cw")
        lists = [keep(fs, self.vocab) for fs in [w] + [context_features(token, o) for o in CONTEXT]]
        return (n, *lists)  # type: ignore[return-value]

    def _keep(self, features: list[str]) -> list[Feature]:
        """`keep(features, self.vocab)`, cached by the features (do not change the list it gives)."""
        key = tuple(features)
        out = self._kept.get(key)
        if out is None:
            if len(self._kept) > _MAX_CACHE:
                self._kept.clear()
            out = self._kept[key] = keep(features, self.vocab)
        return out

    def document(self, sentences: Sequence[Sequence[str]]) -> list[list[list[Feature]]]:
        """Feature lists for every token of every sentence of one document."""
        norms, caps, dfeats = self.context(sentences)
        return [self.sentence(s, n, c, dfeats) for s, n, c in zip(sentences, norms, caps)]

    def context(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[Sequence[list[str]], list[bool], dict[str, list[Feature]]]:
        """What a document's sentences need besides their own tokens: each sentence's normalised
        words (as lists, or for a long document a `SentenceNorms`), whether it is a headline, and the
        document-level cues (see `extras`).

        The norms come from a table of word -> its norm (as its `word` row has it), kept like the
        rows but ~100 bytes a word type, not ~700: no word type's row is made or kept here."""
        table = self._norms
        if len(table) > _MAX_CACHE:
            table.clear()
        get = table.get

        def add(token: str) -> str:
            n = table[token] = norm(token)
            return n

        norms: Sequence[list[str]]
        if sum(map(len, sentences)) < LONG_DOCUMENT_TOKENS:
            norms = [[get(t) or add(t) for t in s] for s in sentences]
        else:  # a long document: the table gets every word, and a sentence's list is made when read
            for s in sentences:
                for t in s:
                    get(t) or add(t)
            norms = SentenceNorms(sentences, table)
        caps = [headline(s) for s in sentences]
        dfeats = self._doc_cues(sentences, norms, caps) if self.doc_features else {}
        if self.vocab is not None:
            kept = self._keep
            dfeats = {k: kept(fs) for k, fs in dfeats.items()}
        return norms, caps, dfeats  # type: ignore[return-value]

    def sentence(
        self, tokens: Sequence[str], norms: Sequence[str], caps: bool, dfeats: dict[str, list[Feature]]
    ) -> list[list[Feature]]:
        """Feature lists for one sentence's tokens, given its part of a document's `context`.

        Built one sentence at a time, a document's features need not all be in memory at once."""
        get = self._word.get
        rows = [get(t) or self.word(t) for t in tokens]
        pad = self.pad
        padded = [pad, pad, *rows, pad, pad]  # padded[i + 2] is token i
        extras = self.extras(tokens, norms, caps, dfeats)
        # own features, then what tokens i-2, i-1, i+1, i+2 contribute (sentence edges: <S>), then extras
        return [
            [*rows[i][1], *padded[i][2], *padded[i + 1][3], *padded[i + 3][4], *padded[i + 4][5], *x]
            for i, x in enumerate(extras)
        ]

    def extras(
        self, tokens: Sequence[str], norms: Sequence[str], caps: bool, dfeats: dict[str, list[Feature]]
    ) -> list[list[Feature]]:
        """Per-occurrence features of one sentence's tokens, in this order: first word, bigrams,
        headline, gazetteer matches, title before, document cues (for capitalised words)."""
        n = len(tokens)
        vocab = self.vocab
        out: list[list[Feature]] = [[] for _ in range(n)]
        if not n:
            return out
        out[first_word(tokens)] += self._first
        if self.bigrams:
            for i, f in enumerate(out):
                f += keep(["bg-1=" + (norms[i - 1] if i else "<S>") + "|" + norms[i]], vocab)
                f += keep(["bg1=" + norms[i] + "|" + (norms[i + 1] if i + 1 < n else "<S>")], vocab)
        if caps:
            for f in out:
                f += self._caps
        capital = [t[:1].isupper() for t in tokens]
        for i, g in self.gaz.matches(norms, capital).items():
            out[i] += self._keep(g)
        titles = self.titles
        if not titles.isdisjoint(norms):
            for i in range(1, n):
                if norms[i - 1] in titles:
                    out[i] += self._title
        get = dfeats.get
        for i in compress(range(n), capital):
            d = get("^" + norms[i] if tokens[i].isupper() else norms[i])
            if d:
                out[i] += d
        return out

    def _doc_cues(
        self, sentences: Sequence[Sequence[str]], norms: Sequence[Sequence[str]], caps: Sequence[bool]
    ) -> dict[str, list[str]]:
        """Document-level cues per normalised word ("^" + word for its ALL-CAPS form): how the word is
        written elsewhere in the document."""
        cap_mid: set[str] = set()
        lower: set[str] = set()
        after_title: set[str] = set()
        run_first: set[str] = set()
        run_last: set[str] = set()
        mixed: dict[str, str] = {}
        titles = self.titles
        common = self.common
        capitalised: list[tuple[str, str]] = []  # every capitalised token and its norm, in order
        for toks, ns, is_caps in zip(sentences, norms, caps):
            run = 0
            start = first_word(toks)
            for i, t in enumerate(toks):
                c0 = t[:1]
                if not c0.isupper():
                    if c0.islower():
                        lower.add(ns[i])
                    run = 0
                    continue
                capitalised.append((t, ns[i]))
                if is_caps:
                    continue
                if i > start:
                    cap_mid.add(ns[i])
                    if ns[i - 1] in titles:
                        after_title.add(ns[i])
                if ns[i] not in mixed and not t.isupper():
                    mixed[ns[i]] = short_shape(t)
                if ns[i] in titles or (i == start and ns[i] in common):
                    run = 0  # "Mr Smith", "Both Paris": the first word is not part of a name
                    continue
                if run:
                    run_last.add(ns[i])
                    run_first.add(ns[i - 1])
                run += 1
        out: dict[str, list[str]] = {}
        for t, k in capitalised:
            upper = t.isupper()
            key = "^" + k if upper else k
            if key in out:
                continue
            f = ["D:cm" + str(int(k in cap_mid)) + "lo" + str(int(k in lower))]
            if k in after_title:
                f.append("D:title")
            if k in run_last:
                f.append("D:last")
            if k in run_first:
                f.append("D:firstw")
            if upper and k in mixed:
                f.append("D:mix=" + mixed[k])
            out[key] = f
        return out


_COORD = frozenset({"and", "or", ",", "&", "nor"})


def label_cues(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[list[Feature]]]:
    """Second-pass features from a first pass's tags over the whole document (see `LabelCues`)."""
    cues = LabelCues(sentences, tags)
    out: list[list[list[Feature]]] = []
    for toks, ts in zip(sentences, tags):
        sent: list[list[Feature]] = [[] for _ in ts]
        cues.extend(sent, toks, ts)
        out.append(sent)
    return out


class CueTables:
    """What the feature lists get for each label cue string, and for each (tag before, tag, tag
    after) the cues of a token's own and neighbouring tags: the same for every document tagged
    with one `vocab`, so a tagger keeps one. The lists are shared: do not change them."""

    def __init__(self, vocab: Vocab | None = None) -> None:
        self.vocab = vocab
        self._cues: dict[str, list[Feature]] = {}  # cue string -> what the lists get: a handful, built once
        self.around: dict[tuple[str, str, str], list[Feature]] = {}

    def cue(self, name: str) -> list[Feature]:
        """What a feature list gets for a cue string (nothing when the vocab lacks it)."""
        out = self._cues.get(name)
        if out is None:
            out = self._cues[name] = keep([name], self.vocab)
        return out

    def add_around(self, key: tuple[str, str, str]) -> list[Feature]:
        """The cues of a token's tag and its neighbours' (`around[key]`, made and kept)."""
        before, tag, after = key
        cue = self.cue
        out = self.around[key] = cue("P:0=" + tag) + cue("P:-1=" + before) + cue("P:+1=" + after)
        return out


class LabelCues:
    """Second-pass features from a first pass's tags over the whole document, one sentence at a time.

    Each token gets its own first-pass tag and its neighbours', and a capitalised token
    also gets the entity type the first pass gave most often to the same word elsewhere
    in the document (so "Blair" inherits PER from "Tony Blair"), and the type of a
    coordinated neighbour ("France and Corsica"). Only the per-word type counts are kept
    for the document; a sentence's cues are added to its feature lists when it is tagged.
    `norms` (each token's `norm`, as `Featurizer.context` gives them) saves normalising again;
    a `vocab` maps the cues as `Featurizer` maps features (`tables`, made for the same vocab,
    keep what it makes of them from one document to the next).
    """

    def __init__(
        self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
        norms: Sequence[Sequence[str]] | None = None, vocab: Vocab | None = None, tables: CueTables | None = None,
    ) -> None:
        if tables is None or tables.vocab is not vocab:
            tables = CueTables(vocab)
        self.tables = tables
        self._cue = tables.cue
        counts: dict[str, dict[str, int]] = {}
        for k, (toks, ts) in enumerate(zip(sentences, tags)):
            if ts.count("O") == len(ts):
                continue
            ns = norms[k] if norms is not None else None
            for i, t in enumerate(ts):
                if t != "O":
                    w = toks[i]
                    if w[:1].isupper():
                        key = ns[i] if ns is not None else norm(w)
                        c = counts.setdefault(key, {})
                        c[t[2:]] = c.get(t[2:], 0) + 1
        self.counts = counts

    def extend(
        self, feats: Sequence[list[Feature]], toks: Sequence[str], ts: Sequence[str], norms: Sequence[str] | None = None
    ) -> None:
        """Append one sentence's cues to its tokens' feature lists (tags `ts` from the first pass)."""
        for f, cues in zip(feats, self.rows(toks, ts, norms)):
            f += cues

    def rows(self, toks: Sequence[str], ts: Sequence[str], norms: Sequence[str] | None = None) -> list[list[Feature]]:
        """One sentence's cues per token (tags `ts` from the first pass), in `extend`'s order.

        Tokens with the same tags around them and no other cue share one list: do not change it."""
        n = len(ts)
        if not n:
            return []
        get = self.tables.around.get
        add = self.tables.add_around
        out = [get(key) or add(key) for key in zip(["<S>", *ts[:-1]], ts, [*ts[1:], "<S>"])]
        # The other cues, each kind in its own pass: a token's list gets them in the same order.
        cue = self._cue
        if not _COORD.isdisjoint(toks):
            for j in range(n):
                if toks[j] not in _COORD:
                    continue
                if j >= 1 and j + 1 < n and ts[j - 1] != "O":  # "France and Corsica": a conjunct's type
                    out[j + 1] = out[j + 1] + cue("P:co=" + ts[j - 1][2:])
            for j in range(n):
                if toks[j] not in _COORD:
                    continue
                if j >= 1 and j + 1 < n and ts[j + 1][:2] == "B-":
                    out[j - 1] = out[j - 1] + cue("P:co+=" + ts[j + 1][2:])
        counts = self.counts
        if not counts:
            return out
        if norms is None:
            norms = [norm(t) if t[:1].isupper() else "" for t in toks]
        elif counts.keys().isdisjoint(norms):
            return out
        for i in range(n):
            c = counts.get(norms[i])
            if c and toks[i][:1].isupper():
                own = ts[i][2:]
                best, best_n, total = "", 0, 0
                for typ, m in c.items():
                    m -= typ == own
                    total += m
                    if m > best_n:
                        best, best_n = typ, m
                if best:
                    f = out[i] + cue("P:maj=" + best)
                    if best_n < total:
                        f = f + cue("P:mixed")
                    out[i] = f
        return out
