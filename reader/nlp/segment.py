"""Sentences and tokens with character offsets, using NLTK with no downloaded data.

Sentence splitting is two-level: the text is first cut into blocks at line breaks
(paragraphs, list items, headlines; a line wrapped in the middle of a sentence is
joined back), then NLTK's Punkt splits each block with our own abbreviation list.
Tokens come from `NLTKWordTokenizer.span_tokenize` per sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from reader.document import Document, Sentence, Token

# Lower-cased, without the final full stop, as Punkt stores them.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col st sgt capt cmdr adm maj brig pres supt insp
    det cpl pvt rev fr hon jr sr messrs mme mlle
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


@lru_cache(maxsize=1)
def _punkt():  # type: ignore[no-untyped-def]
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


class _Guarded:
    """A compiled pattern whose `sub` first checks a cheap necessary condition for a match.

    `needs` lists substrings one of which must be in the text for the pattern to match
    anywhere (None: always run). When none is present the text is returned unchanged,
    exactly what `sub` would return, without a regex scan.
    """

    __slots__ = ("pattern", "needs")

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...] | None) -> None:
        self.pattern = pattern
        self.needs = needs

    def sub(self, repl: str, text: str) -> str:
        """`re.sub` when the text can match, else the text itself."""
        needs = self.needs
        if needs is not None:
            for n in needs:
                if n in text:
                    break
            else:
                return text
        return self.pattern.sub(repl, text)


def _needs(pattern: str) -> tuple[str, ...] | None:
    """Substrings one of which every match of one of NLTK's tokenizer patterns contains (None: unknown).

    Keyed by the pattern source, so a changed NLTK pattern is simply run unguarded. The
    substitutions before a pattern only insert spaces and turn double quotes into `` or '',
    so letter runs ("cannot") are never created, only split.
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


@lru_cache(maxsize=1)
def _word_tokenizer():  # type: ignore[no-untyped-def]
    """NLTK's word tokenizer with its patterns compiled by the stdlib `re`, each behind a cheap guard.

    NLTK 3.10 routes every pattern through `nltk.redos` (the `regex` engine under a
    timeout), a guard for caller-supplied patterns; these are NLTK's own fixed patterns,
    and the stdlib engine gives identical spans (checked on all CoNLL-2003 training
    sentences) about 15% faster. Most of the ~35 patterns cannot match a given sentence
    (no quote, no dash, no "cannot"): `_Guarded` skips those scans with a substring test.
    """
    from nltk.tokenize import NLTKWordTokenizer

    def std(pattern):  # type: ignore[no-untyped-def]
        if not isinstance(pattern, re.Pattern):
            pattern = re.compile(pattern.pattern, pattern.flags & (re.I | re.M | re.S | re.U | re.X))
        return _Guarded(pattern, _needs(pattern.pattern))

    base = NLTKWordTokenizer

    class StdlibWordTokenizer(NLTKWordTokenizer):
        STARTING_QUOTES = [(std(p), r) for p, r in base.STARTING_QUOTES]
        ENDING_QUOTES = [(std(p), r) for p, r in base.ENDING_QUOTES]
        PUNCTUATION = [(std(p), r) for p, r in base.PUNCTUATION]
        PARENS_BRACKETS = (std(base.PARENS_BRACKETS[0]), base.PARENS_BRACKETS[1])
        DOUBLE_DASHES = (std(base.DOUBLE_DASHES[0]), base.DOUBLE_DASHES[1])
        CONTRACTIONS2 = [std(p) for p in base.CONTRACTIONS2]
        CONTRACTIONS3 = [std(p) for p in base.CONTRACTIONS3]

    return StdlibWordTokenizer()


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
                spans.append((s, e))
    return spans


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
        spans = list(_word_tokenizer().span_tokenize(sentence))
    except Exception:  # NLTK's span alignment can fail on odd quote runs: never let it crash
        spans = [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]
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


def segment(text: str) -> tuple[list[Sentence], list[Token]]:
    """Split a text into sentences and tokens, each sentence knowing its token range."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for s, e in split_sentences(text):
        first = len(tokens)
        tokens.extend(Token(a, b) for a, b in tokenize_sentence(text, s, e))
        sentences.append(Sentence(s, e, first, len(tokens)))
    return sentences, tokens


def run(doc: Document) -> Document:
    """Pipeline step: fill the sentence and token layers."""
    sentences, tokens = segment(doc.text)
    return doc.with_layers(sentences=sentences, tokens=tokens)
