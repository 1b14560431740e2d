"""Pipeline step: tag names and fill the document's entities layer (one entity per distinct name)."""

from __future__ import annotations

import re
import sys
from array import array
from functools import lru_cache
from typing import Iterator, Sequence

from reader.document import Document, Entity, Mention, Mentions
from reader.memory import trim_memory
from reader.nlp import LONG_TEXT_CHARS
from reader.nlp.ner.conll import ordered_spans as entity_spans
from reader.nlp.ner.normalize import norm, straighten
from reader.nlp.facts.roles import singular_role
from reader.nlp.ner.titles import Lists, person_words, split_titles
from reader.nlp.rows import LazyRows

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_POSSESSIVE = ("'s", "’s", "'S", "’S", "'", "’")
_EDGE_PUNCT = "\"'“”‘’«»()[]{},;:"
# A name fused with a lower-case word by a hyphen: "Geneva-based", "Russian-installed", "US-supplied".
# The lower-case half is a participle or a compound-forming word, never a name part
# (Korean given names such as "Dong-soo" or "Mi-kyung" are not compounds, nor are Cantonese and Chinese ones ending
# in a short "-ing" syllable, "Wai-ming", "Ka-shing": an "-ing" participle half has six letters or more, "-leaning").
_FUSED = r"(?:[a-z]+ed|[a-z]{3,}ing|going|born|run|made|held|built|bound|style|era|wide|like|type|class|friendly|wise)"
_COMPOUND = re.compile(r"[-‐‑–]" + _FUSED + r"$")
_LEADING_COMPOUND = re.compile(r"([^\W\d_][\w.]*)[-‐‑–]" + _FUSED + r"(?=\s)")
_TRAINING_LABEL = {"trLOC": "LOC", "trORG": "ORG", "trMISC": "MISC", "trPER": "PERSON"}


@lru_cache(maxsize=16384)
def name_key(label: str, name: str) -> tuple[str, str]:
    """The key two mentions share when they name the same thing: label and case/quote-folded text."""
    return label, " ".join(straighten(name).casefold().split())


def _trim(words: Sequence[str], i: int, j: int, label: str, titles: frozenset[str]) -> tuple[int, int] | None:
    """Token range of a mention without titles, possessives or edge punctuation (None if nothing is left)."""
    while i < j and all(c in _EDGE_PUNCT for c in words[i]):
        i += 1
    while j > i and (words[j - 1] in _POSSESSIVE or all(c in _EDGE_PUNCT for c in words[j - 1])):
        j -= 1
    if label == "PER":
        while j - i > 1 and (norm(words[i]) in titles or singular_role(words[i])):
            i += 1  # "Justices Ana Ruiz": a plural title too
    return (i, j) if j > i else None


_LISTS: dict[int, Lists] = {}
_NO_SPANS: tuple[tuple[int, int, str], ...] = ()  # a sentence without names
_NO_TAGS: list[str] = []  # stands for a sentence's tags once read (never changed)


class SentenceWords(LazyRows[list[str]]):
    """The words of sentences (token ranges [first, stop)) in one flat list, each sentence's list a slice
    of it made when read: a long text's list per sentence would take ~6 bytes a token more."""

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int], firsts: Sequence[int],
                 stops: Sequence[int]) -> None:
        same = {}.setdefault  # one string object per distinct word
        self.words: list[str] = []
        self.bounds = array("I" if len(starts) < 2**32 else "Q", [0])
        for a, b in zip(firsts, stops):
            self.words += [same(w := text[s:e], w) for s, e in zip(starts[a:b], ends[a:b])]
            self.bounds.append(len(self.words))

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def _row(self, k: int) -> list[str]:
        return self.words[self.bounds[k] : self.bounds[k + 1]]

    def __iter__(self) -> Iterator[list[str]]:
        bounds, words = self.bounds, self.words
        for k in range(len(bounds) - 1):
            yield words[bounds[k] : bounds[k + 1]]


def title_lists(tagger) -> Lists:  # type: ignore[no-untyped-def]
    """The word lists the title rules need, from a loaded tagger's gazetteer (built once per tagger)."""
    lists = _LISTS.get(id(tagger))
    if lists is None:
        from reader.nlp.person_names import first_name_genders

        gaz = tagger.featurizer.gaz
        firsts = {k[0] for k, cats in gaz.entries.items() if len(k) == 1 and "FIRST" in cats}
        lists = Lists(frozenset(firsts | set(first_name_genders())), tagger.featurizer.common, gaz.entries)
        _LISTS[id(tagger)] = lists
    return lists


def tag_spans(  # type: ignore[no-untyped-def]
    tagger, sentences: Sequence[Sequence[str]], compact: bool = False
) -> Sequence[Sequence[tuple[int, int, str]]]:
    """Entity token spans (start, end, type) per sentence: the tagger's, with titles split out; with
    `compact` (a long document), kept as `SentenceSpans`."""
    # Most sentences are tagged all "O": no spans to read or split. A sentence's tags, then its spans, are
    # dropped once read (a long article's would take several MB beside what replaces them).
    tags = tagger.document_tags(sentences)  # a long document's lists are made as they are read
    drop = isinstance(tags, list)
    found: list[Sequence[tuple[int, int, str]]] | SentenceSpans = SentenceSpans() if compact else []
    for k, seq in enumerate(tags):
        found.append(entity_spans(seq) if seq.count("O") != len(seq) else _NO_SPANS)
        if drop:
            tags[k] = _NO_TAGS  # type: ignore[index]
    del tags
    persons = person_words(sentences, found)
    lists = title_lists(tagger)
    if isinstance(found, SentenceSpans):
        split = SentenceSpans()
        for toks, sent in zip(sentences, found):
            split.append(split_titles(toks, sent, lists, persons) if sent else _NO_SPANS)
        return split
    for k, (toks, sent) in enumerate(zip(sentences, found)):
        if sent:
            found[k] = split_titles(toks, sent, lists, persons)
    return found


class SentenceSpans(LazyRows[list[tuple[int, int, str]]]):
    """Token spans (start, end, type) per sentence, kept flat (~9 bytes a span, where a list of tuples
    takes ~150) and each sentence's list made when read; sentences are added in order (`append`)."""

    def __init__(self) -> None:
        self.starts, self.ends, self.types = array("I"), array("I"), array("B")
        self.bounds = array("I", [0])
        self.names: list[str] = []  # the types, by their index in `types`
        self._index: dict[str, int] = {}

    def append(self, spans: Sequence[tuple[int, int, str]]) -> None:
        """Add the next sentence's spans."""
        for i, j, typ in spans:
            self.starts.append(i)
            self.ends.append(j)
            t = self._index.get(typ)
            if t is None:
                t = self._index[typ] = len(self.names)
                self.names.append(typ)
            self.types.append(t)
        self.bounds.append(len(self.starts))

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def _row(self, k: int) -> list[tuple[int, int, str]]:
        a, b = self.bounds[k], self.bounds[k + 1]
        return list(zip(self.starts[a:b], self.ends[a:b], map(self.names.__getitem__, self.types[a:b])))

    def __iter__(self) -> Iterator[list[tuple[int, int, str]]]:
        starts, ends, types, bounds, name = self.starts, self.ends, self.types, self.bounds, self.names.__getitem__
        for k in range(len(bounds) - 1):
            a, b = bounds[k], bounds[k + 1]
            yield list(zip(starts[a:b], ends[a:b], map(name, types[a:b]))) if b > a else []


def mentions(doc: Document) -> list[tuple[str, int, int]]:
    """(label, start, end) of every name the tagger finds, in text order, as character offsets."""
    from reader.nlp.ner.tagger import load

    text = doc.text
    tagger = load()
    starts, ends = doc.tokens.starts, doc.tokens.ends  # arrays: no int object per token is kept
    # the token ranges of the sentences that have tokens, as arrays (a long text's sentences are columns)
    firsts, stops = array(starts.typecode), array(starts.typecode)
    for s in doc.sentences:
        if s.end_token > s.first_token:
            firsts.append(s.first_token)
            stops.append(s.end_token)
    words: Sequence[list[str]]
    if len(text) >= LONG_TEXT_CHARS:  # each sentence's list a slice of one list, made when read
        words = SentenceWords(text, starts, ends, firsts, stops)
    else:  # one string object per distinct word (an article repeats its words)
        same = {}.setdefault
        words = [[same(w := text[s:e], w) for s, e in zip(starts[a:b], ends[a:b])] for a, b in zip(firsts, stops)]
        del same
    del stops
    found = tag_spans(tagger, words, compact=len(text) >= LONG_TEXT_CHARS)
    titles = tagger.featurizer.gaz.cue("TITLE")
    # The offsets go to an array, and become ints and tuples once the tagging's lists are freed: made among
    # those lists, the ints that stay (the mentions' offsets) would keep much of their memory resident.
    labels: list[str] = []
    offsets = array("q")
    for first, ws, sent in zip(firsts, words, found):
        for i, j, typ in sent:
            r = _trim(ws, i, j, typ, titles)
            if r is None:
                continue
            start, end = starts[first + r[0]], ends[first + r[1] - 1]
            for suffix in _POSSESSIVE[:4]:
                if text.endswith(suffix, start, end) and end - start > len(suffix):
                    end -= len(suffix)
                    break
            label = LABELS.get(typ, "MISC")
            lead = _LEADING_COMPOUND.match(text, start, end)
            if lead:  # "Geneva-based World Meteorological Organization": two names
                cut = lead.end(1)
                labels.append(_gazetteer_label(tagger, text[start:cut]) or label)
                offsets.extend((start, cut))
                start = lead.end()
                while start < end and text[start].isspace():
                    start += 1
            compound = _COMPOUND.search(text, start, end)
            if compound and compound.start() > start and text[compound.start() - 1].isalnum():
                end = compound.start()  # the name only: "Geneva" of "Geneva-based"
                label = _gazetteer_label(tagger, text[start:end]) or label
            labels.append(label)
            offsets.extend((start, end))
    del words, found, firsts
    if len(text) >= LONG_TEXT_CHARS:  # before the ints that stay are made (see above)
        clear_caches()
        trim_memory()
    flat = offsets.tolist()
    return list(zip(labels, flat[::2], flat[1::2]))


def _gazetteer_label(tagger, name: str) -> str | None:  # type: ignore[no-untyped-def]
    """The label a name cut out of a compound gets from the lists, or None (keep the tagger's).

    A listed place is LOC and a nationality MISC; otherwise the one type the training data
    gives the name ("Nato" ORG, "US" LOC), if it gives exactly one.
    """
    from reader.nlp.ner.gazetteers import entry_tokens

    cats = tagger.featurizer.gaz.entries.get(entry_tokens(name), ())
    if "LOC" in cats:
        return "LOC"
    if "NAT" in cats:
        return "MISC"
    trained = {_TRAINING_LABEL[c] for c in cats if c in _TRAINING_LABEL}
    return trained.pop() if len(trained) == 1 else None


def entities(doc: Document) -> list[Entity]:
    """One entity per distinct (label, name), ids e1, e2, ... in order of first mention.

    A long text's entities keep their mentions as columns (`Mentions`: ~9 bytes a mention where a
    Mention object with its ints takes ~110), read by the link step."""
    groups: dict[tuple[str, str], list[Mention] | tuple[array, array]] = {}
    names: dict[tuple[str, str], str] = {}
    columns = len(doc.text) >= LONG_TEXT_CHARS
    code = doc.tokens.starts.typecode
    for label, start, end in mentions(doc):
        name = " ".join(doc.text[start:end].split())
        key = name_key(label, name)
        if columns:
            group = groups.get(key)
            if group is None:
                group = groups[key] = (array(code), array(code))
            group[0].append(start)  # type: ignore[union-attr]
            group[1].append(end)  # type: ignore[index]
        else:
            groups.setdefault(key, []).append(Mention(start, end, "name"))  # type: ignore[union-attr]
        if key not in names or (names[key].isupper() and not name.isupper()):
            names[key] = name
    return [
        Entity(id=f"e{n}", label=key[0], name=names[key], mentions=_mentions(ms))  # type: ignore[arg-type]
        for n, (key, ms) in enumerate(groups.items(), 1)
    ]


def _mentions(group: list[Mention] | tuple[array, array]) -> Sequence[Mention]:
    """An entity's name mentions: a tuple of them, or `Mentions` columns from (starts, ends) arrays."""
    if isinstance(group, list):
        return tuple(group)
    starts, ends = group
    return Mentions(starts, ends, array("B", bytes(len(starts))), ("name",))


def run(doc: Document) -> Document:
    """Pipeline step: fill the entities layer from the trained tagger (segmenting first if needed)."""
    if not doc.sentences and doc.text.strip():
        from reader.nlp.segment import run as segment

        doc = segment(doc)
    doc = doc.with_layers(entities=entities(doc))
    if len(doc.text) >= LONG_TEXT_CHARS:  # `mentions` cleared the others
        name_key.cache_clear()
    return doc


def release_models() -> bool:
    """Free the loaded tagger (weights, lists, caches) and what this module keeps of it; the next use
    loads it again. True if one was loaded (see `reader.pipeline.release_step_models`)."""
    tagger = sys.modules.get("reader.nlp.ner.tagger")
    if tagger is None:
        return False
    loaded = tagger.load.cache_info().currsize > 0
    tagger.load.cache_clear()
    _LISTS.clear()
    name_key.cache_clear()
    return loaded


def clear_caches() -> None:
    """Empty the tagger's and normalisation's per-word caches (~1 KB a word type), as after a long text."""
    from reader.nlp.ner.features import short_shape
    from reader.nlp.ner.tagger import load

    load().clear_caches()
    norm.cache_clear()
    short_shape.cache_clear()
