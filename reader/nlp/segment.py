"""Sentences and tokens with character offsets, using NLTK with no downloaded data.

Sentence splitting is two-level: the text is first cut into blocks at line breaks
(paragraphs, list items, headlines; a line wrapped in the middle of a sentence is
joined back), then NLTK's Punkt splits each block with our own abbreviation list.
Tokens are those of NLTK's `NLTKWordTokenizer.span_tokenize` per sentence (`WordTokenizer`).
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from operator import itemgetter
from typing import Callable, Iterator, MutableSequence

from reader.document import Document, Sentence, Sentences, Tokens, make_tokens
from reader.nlp import LONG_TEXT_CHARS

# Lower-cased, without the final full stop, as Punkt stores them.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col st sgt capt cmdr adm maj brig pres supt insp
    det cpl pvt comr rev fr hon jr sr messrs mme mlle amb atty sens reps govs gens
    cdr cdre cmdre comdr commr lieut ald alds dels cllr msgr rt pfc spc sqn ldr flt wg asst
    drs profs mmes sgts lts cols capts cdrs adms supts insps dets cpls
    u.s u.n u.k e.u u.s.a u.s.s.r d.c l.a n.y
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol fig p pp para approx est dept univ corp inc ltd co bros assn govt
    ave blvd rd mt ft
    a.m p.m e.g i.e etc vs cf al
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

_WRAPPED = re.compile(r"[a-z,;]$")
_LIST_OR_HEADING = re.compile(r"\s*(?:[-*+•–—]\s|#{1,6}\s|>|\d+[.)]\s)")
_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
_MAX_BLOCK = 20_000
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _unwrapped(pattern):  # type: ignore[no-untyped-def]
    """The `regex` pattern inside one of NLTK's `redos` timed wrappers (the same engine and matches; the
    wrapper costs a few Python calls per use, and Punkt uses its patterns several times per block)."""
    return getattr(pattern, "_rx", pattern)


@lru_cache(maxsize=1)
def _punkt():  # type: ignore[no-untyped-def]
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

    class LanguageVars(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = _unwrapped(PunktLanguageVars.re_boundary_realignment)

    class Token(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = _unwrapped(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _unwrapped(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _unwrapped(PunktToken._RE_INITIAL)
        _RE_ALPHA = _unwrapped(PunktToken._RE_ALPHA)

    lang = LanguageVars()
    lang._re_period_context = _unwrapped(lang.period_context_re())  # the slots the methods cache them in
    lang._re_word_tokenizer = _unwrapped(lang._word_tokenizer_re())
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params, lang_vars=lang, token_cls=Token)


def _needs(pattern: str) -> tuple[str, ...] | None:
    """Substrings one of which must be in the text for one of NLTK's tokenizer substitutions to change
    the tokens (None: unknown, always run it).

    Keyed by the pattern source, so a changed NLTK pattern is simply run unguarded. For all but one
    pattern they are substrings every match contains; the substitutions before a pattern only insert
    spaces and turn double quotes into `` or '', so letter runs ("cannot") are never created, only split.
    """
    return _NEEDS.get(pattern)


_CASES = lambda *words: tuple(  # noqa: E731  every upper/lower-case spelling of short words
    "".join(c.upper() if (mask >> k) & 1 else c for k, c in enumerate(w)) for w in words for mask in range(1 << len(w))
)
_NEEDS: dict[str, tuple[str, ...]] = {
    # starting quotes
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"),
    r"^\"": ('"',),
    r"(``)": ("``",),
    r"([ \(\[{<])(\"|\'{2})": ('"', "''"),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": ("'",),
    # punctuation
    r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$": (".",),
    r"([:,])([^\d])": (":", ","),
    r"([:,])$": (":", ","),
    r"\.{2,}": ("..",),
    r"[;@#$%&]": (";", "@", "#", "$", "%", "&"),
    r"[\u2012-\u2015]": ("\u2012", "\u2013", "\u2014", "\u2015"),
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': (".",),
    r"[?!]": ("?", "!"),
    r"([^'])' ": ("' ",),
    r"[*]": ("*",),
    r"[\]\[\(\)\{\}\<\>]": ("]", "[", "(", ")", "{", "}", "<", ">"),
    r"--": ("--",),
    # ending quotes
    "([»”’])": ("»", "”", "’"),
    r"''": ("''",),
    r'"': ('"',),
    # Collapsing whitespace runs matters only to the patterns after it that need an apostrophe: the
    # others (\b, (?=\s)) and the final split() read any run of whitespace as one space.
    r"\s+": ("'",),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": ("'",),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'",),
    # contractions (case-insensitive): a distinctive piece in every spelling
    r"(?i)\b(can)(?#X)(not)\b": _CASES("nnot"),
    r"(?i)\b(d)(?#X)('ye)\b": ("'",),
    r"(?i)\b(gim)(?#X)(me)\b": _CASES("mme"),
    r"(?i)\b(gon)(?#X)(na)\b": _CASES("nna"),
    r"(?i)\b(got)(?#X)(ta)\b": _CASES("tta"),
    r"(?i)\b(lem)(?#X)(me)\b": _CASES("mme"),
    r"(?i)\b(more)(?#X)('n)\b": ("'",),
    r"(?i)\b(wan)(?#X)(na)(?=\s)": _CASES("nna"),
    r"(?i) ('t)(?#X)(is)\b": ("'",),
    r"(?i) ('t)(?#X)(was)\b": ("'",),
}
# Needles made of these characters are in the text a substitution sees only if they were in the
# sentence (in some case): the substitutions before never create them.
_STATIC = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-")
_QUOTE_RUNS = re.compile(r"``|'{2}|\"")


_GROUP_REF = re.compile(r"\\(?:(\d+)|g<(\d+)>)")


def _replacement(template: str):  # type: ignore[no-untyped-def]
    """A function giving what `re` makes of a replacement template for a match, or the template itself
    when it refers to no group (or holds another escape). Python 3.11's `re` expands a template with
    group references in Python, through two calls per match; this is one."""
    pieces = _GROUP_REF.split(template)  # literal, group, g<group>, literal, ...
    literals = pieces[0::3]
    groups = [int(a or b) for a, b in zip(pieces[1::3], pieces[2::3])]
    if not groups or any("\\" in lit for lit in literals):
        return template
    if len(groups) == 1:
        (g,), (a, b) = groups, literals
        return lambda m: a + (m[g] or "") + b
    if len(groups) == 2:
        (g, h), (a, b, c) = groups, literals
        return lambda m: a + (m[g] or "") + b + (m[h] or "") + c
    if len(groups) == 3:
        (g, h, i), (a, b, c, d) = groups, literals
        return lambda m: a + (m[g] or "") + b + (m[h] or "") + c + (m[i] or "") + d
    return lambda m: literals[0] + "".join((m[k] or "") + lit for k, lit in zip(groups, literals[1:]))


# NLTK's two final-period patterns: a match is a character, a full stop, then only closing quotes or brackets
# (and spaces) and white space to the end, so its full stop is the text's last one.
_FINAL_STOP = frozenset((r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$", r'([^\.])(\.)([\]\)}>"\']*)\s*$'))


def _at_last_stop(pattern: re.Pattern[str]):  # type: ignore[no-untyped-def]
    """`pattern.sub` for a `_FINAL_STOP` pattern, trying it only where a match can start: right before the
    last full stop (`re` would try every position of the sentence first)."""
    search = pattern.search

    def sub(repl, text: str) -> str:  # type: ignore[no-untyped-def]
        stop = text.rfind(".")
        m = search(text, stop - 1) if stop > 0 else None
        if m is None:
            return text
        return text[: m.start()] + (repl(m) if callable(repl) else m.expand(repl)) + text[m.end() :]

    return sub


class _Step:
    """One of NLTK's substitutions (a stdlib-compiled pattern and its replacement) and when it can
    change the tokens: `chars`, per needle, the characters the sentence must hold (besides letters and
    the space); `static`, needles to look for in the lower-cased sentence; `dynamic`, needles to look
    for in the text as the substitutions before left it (None: no such check)."""

    __slots__ = ("sub", "repl", "chars", "static", "dynamic")

    def __init__(self, pattern: re.Pattern[str], repl: str, needs: tuple[str, ...] | None) -> None:
        self.sub = _at_last_stop(pattern) if pattern.pattern in _FINAL_STOP else pattern.sub
        self.repl = _replacement(repl)
        self.chars = None if needs is None else tuple(frozenset(c for c in n if c != " " and not c.isalpha()) for n in needs)
        multi = needs is not None and any(len(n) > 1 for n in needs)
        static = multi and all(set(n) <= _STATIC for n in needs)  # type: ignore[union-attr]
        self.static = tuple(dict.fromkeys(n.lower() for n in needs)) if static else None  # type: ignore[union-attr]
        self.dynamic = needs if multi and not static else None


class WordTokenizer:
    """NLTK's `NLTKWordTokenizer.span_tokenize`: its patterns in its order and its span alignment, with
    each substitution run only where it can change the tokens.

    NLTK 3.10 routes every pattern through `nltk.redos` (the `regex` engine under a timeout), a guard
    for caller-supplied patterns; these are NLTK's own fixed patterns, and the stdlib engine gives
    identical spans (checked on all CoNLL-2003 training sentences). Most of the ~35 substitutions cannot
    change a given sentence (no quote, no dash, no "cannot"). The substitutions only insert spaces and
    turn double quotes into `` or '', so the sentence's own characters (with ` and ' when it has a
    quote) bound what any of them can see: the substitutions a set of characters allows are worked out
    once per set; those needing a longer substring check for it before their regex runs.
    """

    def __init__(self) -> None:
        from nltk.tokenize.destructive import NLTKWordTokenizer as base

        def step(pattern, repl: str) -> _Step:  # type: ignore[no-untyped-def]
            if not isinstance(pattern, re.Pattern):
                pattern = re.compile(pattern.pattern, pattern.flags & (re.I | re.M | re.S | re.U | re.X))
            return _Step(pattern, repl, _needs(pattern.pattern))

        # `NLTKWordTokenizer.tokenize`: the head substitutions, " " + text + " ", the tail ones, split().
        self._head = [
            step(p, r) for p, r in (*base.STARTING_QUOTES, *base.PUNCTUATION, base.PARENS_BRACKETS, base.DOUBLE_DASHES)
        ]
        self._tail = [step(p, r) for p, r in base.ENDING_QUOTES]
        self._tail += [step(p, r" \1 \2 ") for p in (*base.CONTRACTIONS2, *base.CONTRACTIONS3)]
        self._alphabet = frozenset().union(*(c for s in self._head + self._tail for c in s.chars or ()))
        self._plans: dict[frozenset[str], tuple[tuple, tuple]] = {}

    def _plan(self, chars: frozenset[str]) -> tuple[tuple, tuple]:
        """The head and tail steps that can matter for a sentence holding these (`_alphabet`) characters."""
        plan = self._plans.get(chars)
        if plan is None:
            seen = chars | {"`", "'"} if chars & {'"', "'"} else chars

            def can(s: _Step) -> bool:
                return s.chars is None or any(c <= seen for c in s.chars)

            plan = tuple(
                tuple((s.sub, s.repl, s.static, s.dynamic) for s in steps if can(s)) for steps in (self._head, self._tail)
            )
            if len(self._plans) > 4096:
                self._plans.clear()
            self._plans[chars] = plan  # type: ignore[assignment]
        return plan  # type: ignore[return-value]

    def tokenize(self, text: str) -> list[str]:
        """`NLTKWordTokenizer().tokenize(text)`."""
        head, tail = self._plan(self._alphabet.intersection(text))
        low = text.lower()
        for k, steps in enumerate((head, tail)):
            if k:
                text = " " + text + " "
            for sub, repl, static, dynamic in steps:
                if static is not None:
                    for n in static:
                        if n in low:
                            break
                    else:
                        continue
                elif dynamic is not None:
                    for n in dynamic:
                        if n in text:
                            break
                    else:
                        continue
                text = sub(repl, text)
        return text.split()

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """`list(NLTKWordTokenizer().span_tokenize(text))`; raises where NLTK's alignment fails."""
        starts: list[int] = []
        ends: list[int] = []
        self.add_spans(text, 0, starts, ends)
        return list(zip(starts, ends))

    def add_spans(self, text: str, offset: int, starts: MutableSequence[int], ends: MutableSequence[int]) -> None:
        """Append the starts and ends of `span_tokenize(text)`, plus `offset`, to the two lists; raises
        where NLTK's alignment fails (having appended some of them)."""
        tokens = self.tokenize(text)
        if '"' in text or "''" in text:
            # The tokenizer turned double quotes into `` and '': put back the text's own, in order.
            quotes = iter([m.group() for m in _QUOTE_RUNS.finditer(text)])
            tokens = [next(quotes) if tok in ('"', "``", "''") else tok for tok in tokens]
        point = 0
        find = text.index
        add_start, add_end = starts.append, ends.append
        for token in tokens:
            start = find(token, point)
            point = start + len(token)
            add_start(start + offset)
            add_end(point + offset)


@lru_cache(maxsize=1)
def _word_tokenizer() -> WordTokenizer:
    """The word tokenizer, built once."""
    return WordTokenizer()


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of text blocks: lines, with mid-sentence wraps joined back."""
    start = None
    prev_end = 0
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip():
            if start is not None and not (
                _WRAPPED.search(text[start:prev_end].rstrip() or " ")
                and line[:1].islower()
                and not _LIST_OR_HEADING.match(line)
            ):
                yield start, prev_end
                start = None
            if start is None:
                start = pos
            prev_end = line_end
        elif start is not None:
            yield start, prev_end
            start = None
        if nl < 0:
            break
        pos = nl + 1
    if start is not None:
        yield start, prev_end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans over the whole text, in order, stripped of surrounding space."""
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for b_start, b_end in blocks(text):
        block = text[b_start:b_end]
        if len(block) > _MAX_BLOCK and not re.search(r"[.!?]", block):
            pieces = _chunk(block)
        else:
            pieces = punkt.span_tokenize(block)
        for s, e in pieces:
            s, e = _strip(text, b_start + s, b_start + e)
            if e > s:
                if spans and spans[-1][1] > b_start and _ends_in_initials(text, spans[-1], s):
                    spans[-1] = (spans[-1][0], e)  # "Superintendent of Police K.V. | Maheswara Rao said ..."
                else:
                    spans.append((s, e))
    return spans


# Initials before a name: "K.V.", "A.B.C.", "Ch." (two letters), after a capitalised word or a comma.
_INITIALS_END = re.compile(r"(?:[A-Z][\w’'-]*,?|,)\s+(?:(?:[A-Z]\.){2,}|[A-Z][a-z]\.)$")


def _ends_in_initials(text: str, prev: tuple[int, int], start: int) -> bool:
    """True when the sentence `prev` ends in a person's initials and the next one (at `start`) goes on with a
    capitalised name on the same line: Punkt took the initials' stop for a sentence end."""
    end = prev[1]
    if text[end - 1 : end] != "." or not (text[end - 2 : end - 1].isupper() or text[end - 3 : end - 2].isupper()):
        return False  # the cheap test first: most sentences do not end in a capital and a stop
    if "\n" in text[end:start] or not text[start : start + 1].isupper():
        return False
    return _INITIALS_END.search(text, max(prev[0], prev[1] - 40), prev[1]) is not None


def _chunk(block: str) -> Iterator[tuple[int, int]]:
    """Cut a huge block with no sentence punctuation at whitespace every ~2,000 chars."""
    pos = 0
    while pos < len(block):
        end = min(len(block), pos + 2000)
        if end < len(block):
            space = block.rfind(" ", pos + 1000, end)
            end = space if space > pos else end
        yield pos, end
        pos = end


def tokenize_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans of one sentence, as absolute offsets."""
    sentence = text[start:end]
    try:
        spans = _word_tokenizer().span_tokenize(sentence)
    except Exception:  # NLTK's span alignment can fail on odd quote runs: never let it crash
        spans = [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]
    if "’" not in sentence:
        return [(start + s, start + e) for s, e in spans if e > s]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if e <= s:
            continue
        # NLTK splits "Moscow’s" into "Moscow", "’", "s": keep the clitic "’s" whole.
        if out and sentence[s:e] in ("s", "S") and out[-1][1] == s and sentence[out[-1][0] : out[-1][1]] == "’":
            prev = out.pop()
            s = prev[0]
        out.append((s, e))
    return [(start + s, start + e) for s, e in out]


def segment(text: str) -> tuple[list[Sentence], Tokens]:
    """Split a text into sentences and tokens, each sentence knowing its token range."""
    sentences: list[Sentence] = []
    add = sentences.append
    tokens = _segment(text, lambda s, e, first, stop: add(Sentence(s, e, first, stop)))
    return sentences, tokens


def segment_columns(text: str) -> tuple[Sentences, Tokens]:
    """`segment`'s sentences as columns (`Sentences`: four integer arrays, ~16 bytes a sentence where a
    Sentence object with its ints takes ~170), for a long text: they stay through every later step."""
    code = "i" if len(text) < 2**31 else "q"
    columns = array(code), array(code), array(code), array(code)
    add_start, add_end, add_first, add_stop = (c.append for c in columns)

    def add(s: int, e: int, first: int, stop: int) -> None:
        add_start(s)
        add_end(e)
        add_first(first)
        add_stop(stop)

    tokens = _segment(text, add)
    return Sentences(*columns), tokens


def _segment(text: str, add_sentence: Callable[[int, int, int, int], None]) -> Tokens:
    """The text's tokens; each sentence's (start, end, first token, token stop) goes to `add_sentence`."""
    # offsets go straight into arrays (4 bytes each), so no int object outlives its append
    starts = array("i" if len(text) < 2**31 else "q")
    ends = array(starts.typecode)
    add_spans = _word_tokenizer().add_spans
    for s, e in split_sentences(text):
        first = len(starts)
        sentence = text[s:e]
        if "’" not in sentence:  # no clitic to join: `tokenize_sentence` without its lists of pairs
            try:
                add_spans(sentence, s, starts, ends)
            except Exception:  # NLTK's alignment failed: `tokenize_sentence` falls back
                del starts[first:], ends[first:]
            else:
                add_sentence(s, e, first, len(starts))
                continue
        spans = tokenize_sentence(text, s, e)
        starts.extend(map(_FIRST, spans))
        ends.extend(map(_SECOND, spans))
        add_sentence(s, e, first, len(starts))
    return make_tokens(starts, ends)


def run(doc: Document) -> Document:
    """Pipeline step: fill the sentence and token layers."""
    text = doc.text
    sentences, tokens = segment_columns(text) if len(text) >= LONG_TEXT_CHARS else segment(text)
    return doc.with_layers(sentences=sentences, tokens=tokens)
