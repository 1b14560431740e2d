"""Feature extraction for the entity tagger: lists of feature strings per token.

Features of a word type (its text, shape, affixes, flags, and what it contributes
as context to its neighbours) are computed once and cached in dicts, so a token's
feature list is mostly list concatenation. Per-occurrence features add the
sentence position, headline casing, gazetteer matches and document-level cues.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Sequence

from reader.nlp.ner.gazetteers import Gazetteer
from reader.nlp.ner.normalize import norm, straighten

_SHAPE = str.maketrans(
    {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
     **{c: "d" for c in "0123456789"}}
)
_RUNS = re.compile(r"(.)\1+")
CONTEXT = (-2, -1, 1, 2)
# Word types whose features are cached (~600 bytes each with `known`); the cache is emptied when full.
_MAX_CACHE = 30_000


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


def short_shape(token: str) -> str:
    """Shape with runs collapsed ("Paris" -> "Xx", "US-made" -> "X-x")."""
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
# What a position beyond the sentence edge contributes, in `Featurizer._cached` row layout.
_PAD = ("", [], *(_BOUNDARY[o] for o in CONTEXT))


def first_word(tokens: Sequence[str]) -> int:
    """Index of the first token with a letter or digit (after bullets and opening quotes)."""
    for i, t in enumerate(tokens):
        if any(c.isalnum() for c in t):
            return i
    return 0


def headline(tokens: Sequence[str]) -> bool:
    """True for an ALL-CAPS sentence (a headline or dateline)."""
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(letters) < 2:
        return bool(letters) and letters[0].isupper() and len(letters[0]) > 3
    caps = sum(1 for t in letters if t.isupper())
    return caps / len(letters) >= 0.8


class Featurizer:
    """Turns a document (sentences of token strings) into per-token feature lists.

    With `known` (the attributes a trained model has weights for), feature strings the model
    never saw are left out of the cached per-word lists: CRFsuite skips unknown attributes
    anyway, so the tags are the same and the model gets shorter lists to look up. The strings kept
    are the model's own (one object per feature string, shared by every word that has it), so a
    cached word type costs list slots rather than new strings.
    """

    def __init__(
        self, gazetteer: Gazetteer, doc_features: bool = True, bigrams: bool = False,
        known: AbstractSet[str] | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.doc_features = doc_features
        self.bigrams = bigrams
        self.known = known
        self._canon: dict[str, str] | None = None if known is None else {f: f for f in known}
        self.titles = gazetteer.cue("TITLE")
        self.common = gazetteer.cue("COMMON")
        # token -> (norm, word features, features it gives the tokens 2 and 1 after it, 1 and 2 before it)
        self._word: dict[str, tuple[str, list[str], list[str], list[str], list[str], list[str]]] = {}

    def _cached(self, token: str) -> tuple[str, list[str], list[str], list[str], list[str], list[str]]:
        row = self._word.get(token)
        if row is None:
            if len(self._word) > _MAX_CACHE:
                self._word.clear()
            n = norm(token)
            w = word_features(token)
            if token[:1].isupper() and n in self.common:
                w.append("cw")
            lists = [w] + [context_features(token, o) for o in CONTEXT]
            canon = self._canon
            if canon is not None:
                lists = [[canon[f] for f in fs if f in canon] for fs in lists]
            row = self._word[token] = (n, *lists)  # type: ignore[assignment]
        return row  # type: ignore[return-value]

    def document(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Feature lists for every token of every sentence of one document."""
        norms, caps, dfeats = self.context(sentences)
        return [self._sentence(s, n, c, dfeats) for s, n, c in zip(sentences, norms, caps)]

    def context(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[list[list[str]], list[bool], dict[str, list[str]]]:
        """What a document's sentences need besides their own tokens: each sentence's normalised
        words, whether it is a headline, and the document-level cues (see `sentence`)."""
        get = self._word.get
        cached = self._cached
        norms = [[(get(t) or cached(t))[0] for t in s] for s in sentences]
        caps = [headline(s) for s in sentences]
        dfeats = self._doc_cues(sentences, norms, caps) if self.doc_features else {}
        if self.known is not None and dfeats:
            known = self.known
            dfeats = {k: [f for f in fs if f in known] for k, fs in dfeats.items()}
        return norms, caps, dfeats

    def sentence(
        self, tokens: Sequence[str], norms: Sequence[str], caps: bool, dfeats: dict[str, list[str]]
    ) -> list[list[str]]:
        """Feature lists for one sentence's tokens, given its part of a document's `context`.

        Built one sentence at a time, a document's features need not all be in memory at once."""
        return self._sentence(tokens, norms, caps, dfeats)

    def _sentence(
        self, tokens: Sequence[str], norms: Sequence[str], caps: bool, dfeats: dict[str, list[str]],
    ) -> list[list[str]]:
        get = self._word.get
        rows = [get(t) or self._cached(t) for t in tokens]
        n = len(tokens)
        capital = [t[:1].isupper() for t in tokens]
        gaz = self.gaz.match(norms, capital)
        titles = self.titles
        bigrams = self.bigrams
        start = first_word(tokens)
        padded = [_PAD, _PAD, *rows, _PAD, _PAD]  # padded[i + 2] is token i
        out: list[list[str]] = []
        for i in range(n):
            # own features, then what tokens i-2, i-1, i+1, i+2 contribute (sentence edges: <S>)
            f = [*rows[i][1], *padded[i][2], *padded[i + 1][3], *padded[i + 3][4], *padded[i + 4][5]]
            if i == start:
                f.append("first")
            if bigrams:
                f.append("bg-1=" + (norms[i - 1] if i else "<S>") + "|" + norms[i])
                f.append("bg1=" + norms[i] + "|" + (norms[i + 1] if i + 1 < n else "<S>"))
            if caps:
                f.append("caps")
            if gaz[i]:
                f += gaz[i]
            if i and norms[i - 1] in titles:
                f.append("title-1")
            if capital[i]:
                d = dfeats.get("^" + norms[i] if tokens[i].isupper() else norms[i])
                if d:
                    f += d
            out.append(f)
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
        for toks, ns, is_caps in zip(sentences, norms, caps):
            run = 0
            start = first_word(toks)
            for i, t in enumerate(toks):
                c0 = t[:1]
                if c0.islower():
                    lower.add(ns[i])
                if is_caps:
                    continue
                if c0.isupper():
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
                else:
                    run = 0
        out: dict[str, list[str]] = {}
        for toks, ns in zip(sentences, norms):
            for t, k in zip(toks, ns):
                if not t[:1].isupper():
                    continue
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


def label_cues(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Second-pass features from a first pass's tags over the whole document (see `LabelCues`)."""
    cues = LabelCues(sentences, tags)
    out: list[list[list[str]]] = []
    for toks, ts in zip(sentences, tags):
        sent: list[list[str]] = [[] for _ in ts]
        cues.extend(sent, toks, ts)
        out.append(sent)
    return out


class LabelCues:
    """Second-pass features from a first pass's tags over the whole document, one sentence at a time.

    Each token gets its own first-pass tag and its neighbours', and a capitalised token
    also gets the entity type the first pass gave most often to the same word elsewhere
    in the document (so "Blair" inherits PER from "Tony Blair"), and the type of a
    coordinated neighbour ("France and Corsica"). Only the per-word type counts are kept
    for the document; a sentence's cues are added to its feature lists when it is tagged.
    `norms` (each token's `norm`, as `Featurizer.context` gives them) saves normalising again.
    """

    def __init__(
        self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
        norms: Sequence[Sequence[str]] | None = None,
    ) -> None:
        counts: dict[str, dict[str, int]] = {}
        self.own_f: dict[str, str] = {}  # tag -> "P:0=" + tag, and so on: a handful of tags, built once
        self.prev_f: dict[str, str] = {"<S>": "P:-1=<S>"}
        self.next_f: dict[str, str] = {"<S>": "P:+1=<S>"}
        for k, (toks, ts) in enumerate(zip(sentences, tags)):
            ns = norms[k] if norms is not None else None
            for i, t in enumerate(ts):
                if t not in self.own_f:
                    self.own_f[t] = "P:0=" + t
                    self.prev_f[t] = "P:-1=" + t
                    self.next_f[t] = "P:+1=" + t
                if t != "O":
                    w = toks[i]
                    if w[:1].isupper():
                        key = ns[i] if ns is not None else norm(w)
                        c = counts.setdefault(key, {})
                        c[t[2:]] = c.get(t[2:], 0) + 1
        self.counts = counts

    def extend(
        self, feats: Sequence[list[str]], toks: Sequence[str], ts: Sequence[str], norms: Sequence[str] | None = None
    ) -> None:
        """Append one sentence's cues to its tokens' feature lists (tags `ts` from the first pass)."""
        own_f, prev_f, next_f, counts = self.own_f, self.prev_f, self.next_f, self.counts
        n = len(ts)
        for i in range(n):
            f = feats[i]
            f.append(own_f[ts[i]])
            f.append(prev_f[ts[i - 1] if i else "<S>"])
            f.append(next_f[ts[i + 1] if i + 1 < n else "<S>"])
            if i >= 2 and ts[i - 2] != "O" and toks[i - 1] in _COORD:
                f.append("P:co=" + ts[i - 2][2:])  # "France and Corsica": a conjunct's type
            if i + 2 < n and ts[i + 2][:2] == "B-" and toks[i + 1] in _COORD:
                f.append("P:co+=" + ts[i + 2][2:])
            if not toks[i][:1].isupper():
                continue
            c = counts.get(norms[i] if norms is not None else norm(toks[i]))
            if c:
                own = ts[i][2:]
                best, best_n, total = "", 0, 0
                for typ, m in c.items():
                    m -= typ == own
                    total += m
                    if m > best_n:
                        best, best_n = typ, m
                if best:
                    f.append("P:maj=" + best)
                    if best_n < total:
                        f.append("P:mixed")
