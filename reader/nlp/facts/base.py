"""A per-sentence view shared by the fact extractors: words, tags, offsets, numbers, names."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence as SequenceABC
from typing import AbstractSet, Callable, Generic, Iterable, Iterator, Sequence, TypeVar, overload

from reader.document import Document, Sentences, Span, Token
from reader.nlp.numbers import NumberSpan, find_numbers, is_year, word_kinds

# Words that make a count fuzzy but keep it a count: "at least nine", "more than a dozen".
COUNT_MODIFIERS: frozenset[str] = frozenset(
    "at least more than nearly almost about around some over roughly approximately up to fewer less "
    "an estimated estimated another further additional".split()
)

# Days and months, as lower-case words.
WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS: frozenset[str] = frozenset(
    "january february march april may june july august september october november december".split()
)

# Nouns for people (counted in casualties, exchanges, votes).
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    people persons person civilians civilian soldiers soldier troops servicemen servicewomen serviceman
    personnel fighters fighter militants militant children child kids babies adults men man women woman
    boys boy girls girl residents resident officers officer policemen police policeman migrants refugees
    workers worker passengers passenger students student pupils teenagers teenager others victims
    prisoners prisoner detainees detainee captives hostages hostage inmates pows pow journalists
    journalist doctors medics paramedics firefighters rescuers villagers protesters protestors
    demonstrators pilgrims tourists guards members member crew crewmembers crewmen sailors marines airmen reservists
    staff employees officials official relatives family families patients miners fishermen farmers
    nationals citizens settlers gunmen attackers suspects insurgents rebels combatants recruits pilots
    businessmen businesswomen diplomats envoys jawans dealers smugglers spies agents traders rangers sepoys constables
    volunteers nurses teachers activists peacekeepers militiamen jihadists terrorists gendarmes troopers
    conscripts cadets infants toddlers youths minors newborns occupants inhabitants locals immigrants
    labourers laborers engineers contractors agents rangers truckers traders vendors herders shepherds
    athletes players runners campers skiers divers parishioners congregants individuals worshipers
    schoolchildren schoolgirls schoolboys elderly seniors aid-workers survivors bandits auxiliaries seamen kidnappers
    abductees convicts
    colleagues comrades classmates neighbours neighbors
    serbs croats turks kurds poles czechs slovaks swedes danes finns scots arabs jews thais uzbeks kazakhs tajiks
    bosniaks greeks cypriots spaniards filipinos filipinas rohingya hazaras tuaregs berbers brits uighurs uyghurs
    tamils sikhs hindus muslims christians pashtuns
    lives americans israelis palestinians ukrainians russians syrians iraqis afghans britons
    worshippers worshipers pedestrians bystanders commuters motorists spectators fans shoppers hikers
    climbers swimmers diners guests visitors cyclists drivers mourners voters supporters servicemembers
    """.split()
)

AUX: frozenset[str] = frozenset(
    "were was is are be been being have has had reportedly also later all both initially subsequently "
    "confirmed believed feared thought said reported known since then".split()
)

DASHES: frozenset[str] = frozenset({"-", "–", "—", "--", "―"})


def _char_span(doc: Document, index: int) -> tuple[int, int]:
    """Sentence `index`'s character offsets (read from the columns of a long text's `Sentences`)."""
    sentences = doc.sentences
    if type(sentences) is Sentences:
        return sentences.starts[index], sentences.ends[index]
    s = sentences[index]
    return s.start, s.end


class Sent:
    """One sentence of a document: token words, lower-cased words, tags and char offsets.

    The lists (and the number phrases) are built from the document on first use and dropped again
    by `release()` (a later use rebuilds them), so only the sentences being looked at hold them;
    `used` (token indices consumed by a fact's count) is kept, in `store` (index -> set) when one is
    given: every view of the sentence made with that store then shares it. Views given one `cues`
    dict share what `has_cue` worked out for the whole document.
    """

    __slots__ = ("doc", "index", "first", "stop", "tagger", "store",
                 "starts", "ends", "words", "tags", "lower", "lowtext", "numbers", "used", "span", "cues", "built")

    starts: list[int]
    ends: list[int]
    words: list[str]
    tags: list[str]
    lower: list[str]
    lowtext: str
    numbers: list[NumberSpan]
    used: set[int]
    span: Span  # the sentence's character span (one object, built on first use)
    built: tuple[str, ...]  # the lists and number phrases built so far, which `release` drops

    def __init__(self, doc: Document, index: int, tagger: Callable[[list[str]], Sequence[str]] | None = None,
                 store: dict[int, set[int]] | None = None, cues: dict[str, bytearray | None] | None = None) -> None:
        sentences = doc.sentences
        if type(sentences) is Sentences:  # a long text's columns: read without making a Sentence
            self.first, self.stop = sentences.firsts[index], sentences.stops[index]
        else:
            s = sentences[index]
            self.first = s.first_token
            self.stop = s.end_token
        self.doc = doc
        self.index = index
        self.tagger = tagger
        self.store = store
        self.cues = cues
        self.built = ()

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        """Build a lazy attribute (only called when the slot is empty)."""
        new: tuple[str, ...] = ()
        if name in ("starts", "ends", "words"):
            text = self.doc.text
            self.starts, self.ends = token_offsets(self.doc.tokens[self.first : self.stop])
            self.words = [text[a:b] for a, b in zip(self.starts, self.ends)]
            new = _WORD_LISTS
        elif name == "tags":
            if self.tagger is not None:
                self.tags = list(self.tagger(self.words))  # (kept by `release`)
            else:
                self.tags = token_tags(self.doc.tokens[self.first : self.stop])
                new = ("tags",)
        elif name == "lower":
            self.lower = [w.lower() for w in self.words]
            new = ("lower",)
        elif name == "lowtext":
            self.lowtext = self.text.lower()
            new = ("lowtext",)
        elif name == "numbers":
            self.numbers = find_numbers(self.words)
            new = ("numbers",)
        elif name == "used":
            self.used = set() if self.store is None else self.store.setdefault(self.index, set())
        elif name == "span":
            self.span = Span(*_char_span(self.doc, self.index))
        else:
            raise AttributeError(name)
        if new:
            self.built += new
        return object.__getattribute__(self, name)

    def used_so_far(self) -> AbstractSet[int]:
        """The token indices marked used, read without making `used` (an empty set, ~200 bytes) for a
        sentence nothing was marked in."""
        try:
            return _USED.__get__(self, Sent)  # type: ignore[no-any-return]
        except AttributeError:
            return _NONE_USED if self.store is None else self.store.get(self.index, _NONE_USED)

    def has_cue(self, key: str, cues: tuple[str, ...]) -> bool:
        """True when the lower-cased sentence text holds one of `cues` (as a substring); `key` names the
        tuple. With a shared `cues` dict, the sentences that do are found once for the whole document."""
        shared = self.cues
        if shared is not None:
            try:
                hits = shared[key]
            except KeyError:
                hits = shared[key] = cue_sentences(self.doc, cues)
            if hits is not None:
                return hits[self.index] == 1
        return any(c in self.lowtext for c in cues)

    def release(self) -> None:
        """Drop the per-token lists and number phrases (rebuilt on next use); tags from an on-the-fly
        tagger are kept."""
        for name in self.built:
            delattr(self, name)
        self.built = ()

    @property
    def text(self) -> str:
        """The sentence text."""
        start, end = _char_span(self.doc, self.index)
        return self.doc.text[start:end]

    def __len__(self) -> int:
        return self.stop - self.first

    def chars(self, i: int, j: int) -> Span:
        """Character span of tokens [i, j)."""
        return Span(self.starts[i], self.ends[j - 1])

    def slice(self, i: int, j: int) -> str:
        """The exact text of tokens [i, j)."""
        if j <= i:
            return ""
        return self.doc.text[self.starts[i] : self.ends[j - 1]]

    def tokens_overlapping(self, a: int, b: int) -> range:
        """The tokens that overlap characters [a, b) (token offsets only grow, so they are a run)."""
        return range(bisect_right(self.ends, a), bisect_left(self.starts, b))

    def tokens_within(self, a: int, b: int) -> range:
        """The tokens that lie inside characters [a, b)."""
        return range(bisect_left(self.starts, a), bisect_right(self.ends, b))

    def number_at(self, i: int) -> NumberSpan | None:
        """The number phrase starting at token i, if any."""
        for n in self.numbers:
            if n.start == i:
                return n
        return None

    def number_ending_before(self, i: int) -> NumberSpan | None:
        """The number phrase ending just before token i, if any."""
        for n in self.numbers:
            if n.end == i:
                return n
        return None

    def count_at(self, i: int) -> NumberSpan | None:
        """A count starting at token i, after skipping modifiers ("at least", "more than")."""
        j = i
        while j < len(self.words) and j - i < 3 and self.lower[j] in COUNT_MODIFIERS:
            j += 1
        if j < len(self.words) and self.lower[j] == "the" and j == i:
            j += 1
        n = self.number_at(j)
        if n is None or self.is_year_token(n):
            return None
        return n

    def is_year_token(self, n: NumberSpan) -> bool:
        """True when a number looks like a year ("2019"), not a count."""
        return n.end - n.start == 1 and is_year(self.words[n.start])

    def noun_run(self, i: int, limit: int = 5) -> int:
        """End of a run of adjectives/nouns starting at i (a count's noun phrase); i if none."""
        j = i
        while j < len(self.words) and j - i < limit:
            t = self.tags[j]
            w = self.words[j]
            participle = (t in ("VBN", "VBD", "VBG") and j + 1 < len(self.words) and self.tags[j + 1].startswith("NN")
                          and self.lower[j] not in AUX)
            if t.startswith(("JJ", "NN")) or participle or (t == "CD" and j > i) or (w[:1].isupper() and t != "DT"):
                if t == "VBN" and self.lower[j] in VERBISH_PARTICIPLES and not (
                    j + 1 < len(self.words) and self.tags[j + 1].startswith("NN")
                ):
                    break
                j += 1
            else:
                break
        # A run must end in a noun.
        while j > i and not self.tags[j - 1].startswith("NN"):
            j -= 1
        return j

    def people_prefix(self, i: int, j: int) -> int:
        """End of the shortest prefix of tokens [i, j) that names people ("people" of "people last year"); 0 if none."""
        for k in range(i + 1, j + 1):
            if self.is_personish(i, k):
                return k
        return 0

    def is_personish(self, i: int, j: int) -> bool:
        """True if tokens [i, j) name people: "people", "Ukrainian soldiers", "Palestinians"."""
        if j <= i:
            return False
        head = self.lower[j - 1]
        if head in PERSON_NOUNS:
            return True
        if ((head + "s" in PERSON_NOUNS or head.endswith("man") and head[:-3] + "men" in PERSON_NOUNS)
                and self.words[j - 1].islower() and self.tags[j - 1] in ("NN", "JJ")):
            return True  # a singular people noun: "one inmate", "a trader", "a businessman"
        if self.words[j - 1][:1].isupper() and head.endswith(_DEMONYM) and any(
                self.lower[t] in _ONE for t in range(max(0, j - 4), j - 1)) and not (
                j < len(self.lower) and self.words[j].islower()
                and (self.tags[j].startswith("JJ") or self.is_personish(j, j + 1))):  # not "an Iranian diplomat"
            return True  # "a single Iranian", "an Israeli", "a single Kosovo Albanian": one person named by a nationality
        return self.tags[j - 1] == "NNPS" or (self.words[j - 1][:1].isupper() and head.endswith(("ans", "ians", "is", "ese")))


# Endings of singular nationality nouns ("Iranian", "Israeli", "Pakistani", "Japanese"), not of place names.
_DEMONYM = ("ian", "ean", "ican", "ese", "eli", "stani", "aqi", "eshi", "iti", "ani", "ish")
_ONE = frozenset({"a", "an", "one", "single", "lone", "sole"})

_USED = Sent.__dict__["used"]  # the slot itself: reading an empty one raises instead of filling it
_NONE_USED: frozenset[int] = frozenset()
_WORD_LISTS = ("starts", "ends", "words")
_FILLED = ("starts", "ends", "words", "tags", "lower", "numbers")  # what `_fill` gives a view

# Participles that end a count's noun phrase instead of modifying it.
VERBISH_PARTICIPLES: frozenset[str] = frozenset(
    "killed wounded injured hurt exchanged swapped traded freed released died dead abstained rejected "
    "supported backed approved opposed missing detained arrested evacuated displaced".split()
)


P = TypeVar("P")


class SpanIndex(Generic[P]):
    """(start, end, payload) spans sorted by start, with fast lookup of those overlapping a range."""

    def __init__(self, spans: Iterable[tuple[int, int, P]]) -> None:
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlapping(self, a: int, b: int) -> list[tuple[int, int, P]]:
        """The spans that overlap [a, b), in order; O(log n + k)."""
        lo = bisect_left(self.starts, a - self.longest)
        hi = bisect_left(self.starts, b)
        return [s for s in self.spans[lo:hi] if s[1] > a]


def mention_index(doc: Document, label: str | None = None) -> SpanIndex[str]:
    """The name mentions of a document (of one label, or all), indexed by position; payload: entity id."""
    return SpanIndex(
        (m.start, m.end, e.id)
        for e in doc.entities
        if label is None or e.label == label
        for m in e.mentions
        if m.kind == "name"
    )


class Sents(SequenceABC[Sent]):
    """The sentences of a document as `Sent` views; iterating releases each view's lists once passed.

    While sentence k is being looked at, k - 1 (an extractor's `prev`) still holds its lists;
    indexing any sentence rebuilds what it needs. A document of at most `keep_tokens` tokens keeps
    every view's lists for all the extractors (building them once is most of the facts step's cost);
    a longer one releases them, so its memory stays that of a few sentences. Its views are made when
    first read and dropped once iterated past (the POS step's tags read, none made on the fly), their
    `used` marks kept in one store: a view read again is a new one, with the same marks. The views
    share one `cues` dict (`Sent.has_cue` searches the whole lower-cased text once a cue tuple).
    """

    def __init__(self, items: list[Sent | None], keep: bool = False, doc: Document | None = None,
                 tagger: Callable[[list[str]], Sequence[str]] | None = None,
                 cues: dict[str, bytearray | None] | None = None) -> None:
        self._items = items
        self._keep = keep
        self._doc = doc
        self._tagger = tagger
        self._store: dict[int, set[int]] = {}
        self._cues = cues
        self._drop = not keep and tagger is None and doc is not None

    def __len__(self) -> int:
        return len(self._items)

    def _view(self, k: int) -> Sent:
        """Sentence k's view (made now if there is none)."""
        view = self._items[k]
        if view is None:
            assert self._doc is not None
            view = self._items[k] = Sent(self._doc, k % len(self._items), self._tagger, self._store, self._cues)
        return view

    @overload
    def __getitem__(self, k: int) -> Sent: ...

    @overload
    def __getitem__(self, k: slice) -> list[Sent]: ...

    def __getitem__(self, k: int | slice) -> Sent | list[Sent]:
        if isinstance(k, slice):
            return [self._view(i) for i in range(*k.indices(len(self._items)))]
        view = self._items[k]
        return self._view(k) if view is None else view

    def __iter__(self) -> Iterator[Sent]:
        items = self._items
        if self._keep:
            yield from items  # type: ignore[misc]
            return
        try:
            for k in range(len(items)):
                yield self._view(k)
                if k:
                    self._pass(k - 1)
        finally:
            for k in range(max(0, len(items) - 2), len(items)):
                self._pass(k)

    def _pass(self, k: int) -> None:
        """Release sentence k's view (and drop it, when views are made as read)."""
        view = self._items[k]
        if view is not None:
            view.release()
            if self._drop:
                self._items[k] = None


def build_sents(doc: Document) -> Sents:
    """A lazy `Sent` for each sentence, tagging on the fly if the POS step has not run."""
    need_tags = not all(token_tags(doc.tokens[:50]))
    tagger = None
    if need_tags:
        from reader.nlp.pos import tag_words

        tagger = tag_words
    keep = len(doc.tokens) <= KEEP_TOKENS
    if not keep and tagger is None:  # views made as they are read
        return Sents([None] * len(doc.sentences), keep=False, doc=doc, cues={})
    cues: dict[str, bytearray | None] = {}
    items = [Sent(doc, idx, tagger, cues=cues) for idx in range(len(doc.sentences))]
    if keep and tagger is None:
        _fill(doc, items)
    return Sents(items, keep=keep, cues=cues)  # type: ignore[arg-type]


def cue_sentences(doc: Document, cues: tuple[str, ...]) -> bytearray | None:
    """A byte a sentence, 1 for the sentences whose lower-cased text holds one of `cues`, found by
    searching the lower-cased text once a cue (a run of sentences of up to `_CUE_CHARS` characters at
    a time); None when that could differ from lower-casing each sentence (a character whose lower case
    is longer, or a capital sigma, whose lower case depends on what follows), or the sentences are not
    in order."""
    text = doc.text
    if "\u03a3" in text or not all(cues):
        return None
    sentences = doc.sentences
    if type(sentences) is Sentences:  # a long text's columns: its arrays as they are
        starts, ends = sentences.starts, sentences.ends
    else:
        starts, ends = array("q", [s.start for s in sentences]), array("q", [s.end for s in sentences])
    last = 0
    for a, b in zip(starts, ends):
        if not last <= a <= b:
            return None
        last = b
    count = len(starts)
    hits = bytearray(count)
    i = 0
    while i < count:
        j = i + 1
        while j < count and ends[j] - starts[i] <= _CUE_CHARS:
            j += 1
        base, stop = starts[i], ends[j - 1]
        low = text[base:stop].lower()
        if len(low) != stop - base:
            return None
        for cue in cues:
            n = len(cue)
            p = low.find(cue)
            while p >= 0:
                k = bisect_right(starts, base + p, i, j) - 1
                if k >= i and base + p + n <= ends[k]:
                    hits[k] = 1
                    p = low.find(cue, ends[k] - base)  # (the rest of that sentence need not be read)
                else:
                    p = low.find(cue, p + 1)
        i = j
    return hits


# How much text `cue_sentences` lower-cases at a time (a long text is not copied whole).
_CUE_CHARS = 1 << 16


def _fill(doc: Document, items: list[Sent]) -> None:
    """Give every sentence view its lists and number phrases at once (what `Sent.__getattr__` builds one
    sentence and one list at a time): the extractors use them all in most sentences of a short document."""
    text = doc.text
    starts, ends = token_offsets(doc.tokens)
    words = [text[a:b] for a, b in zip(starts, ends)]
    tags = token_tags(doc.tokens)
    lower = [w.lower() for w in words]
    kinds = word_kinds(words)
    for s in items:
        a, b = s.first, s.stop
        s.starts, s.ends, s.words, s.tags, s.lower = starts[a:b], ends[a:b], words[a:b], tags[a:b], lower[a:b]
        s.numbers = find_numbers(s.words, kinds[a:b])
        s.built = _FILLED


def token_offsets(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """The tokens' start and end offsets as two lists; read from the columns of a `Tokens` layer
    when it has them (iterating it builds a Token object per token)."""
    starts = getattr(tokens, "starts", None)
    if starts is None:
        return [t.start for t in tokens], [t.end for t in tokens]
    return starts.tolist(), tokens.ends.tolist()  # type: ignore[attr-defined]


def token_tags(tokens: Sequence[Token]) -> list[str]:
    """The tokens' POS tags as a list, from the columns of a `Tokens` layer when it has them."""
    tags = getattr(tokens, "tags", None)
    return [t.pos for t in tokens] if tags is None else tags()


# Up to this many tokens (a 300 KB article), the sentence views keep their lists (about 150 bytes a token).
KEEP_TOKENS = 60_000
