"""RegexpParser chunk grammars over POS tags plus our own marks (ROLE, PER, INR, HON).

A role phrase may carry up to two prepositional phrases: "head of the Commission of
Detainees' Affairs", whose object may itself be a role ("adviser to the president"). Two nouns joined by "and" stay
in one role ("work and pensions secretary"), and a number may end it ("president of Local 418")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

# Tags used besides Penn Treebank ones:
#   PER  a token of a PERSON entity's name      ROLE a role noun or title ("minister", "Sen.")
#   INR  a preposition that can follow a role ("of", "for", "to", "at", "in", "on")
#   HON  an honorific ("Mr", "Dr")              DATE a weekday or month name
#   PARTY a party-state tag ("D-Ore.")
ROLE_GRAMMAR = r"""
ROLE_NP: {<DT|PRP\$>?<RB>?(<JJ.*|NN.*|VBN|CD|POS|ROLE|HYPH>|<NN.*><CC><JJ.*|NN.*>)*<ROLE><VBG>?<ROLE>?}
ROLE_PP: {<ROLE_NP><INR>(<ROLE_NP>|<DT|PRP\$>?(<JJ.*|NN.*|VBN|VBG|CD|POS|ROLE>|<NN.*><CC><JJ.*|NN.*>)*((<NN.*><CC>)?<NN.*|ROLE><CD>?|<JJ.*><CD>))(<INR>(<ROLE_NP>|<DT|PRP\$>?(<JJ.*|NN.*|VBN|VBG|CD|POS|ROLE>|<NN.*><CC><JJ.*|NN.*>)*((<NN.*><CC>)?<NN.*|ROLE><CD>?|<JJ.*><CD>)))?}
"""


@lru_cache(maxsize=1)
def role_parser():  # type: ignore[no-untyped-def]
    """The compiled role-phrase chunker (NLTK RegexpParser)."""
    from nltk.chunk import RegexpParser

    return RegexpParser(ROLE_GRAMMAR)


_BRACES = re.compile(r"[{}]")


@lru_cache(maxsize=1)
def _stages() -> tuple[tuple[str, tuple[tuple[re.Pattern[str], str], ...]], ...]:
    """The role parser's stages as (chunk label, ((stdlib pattern, replacement), ...)).

    NLTK 3.10 runs chunk rules through `nltk.redos` (the `regex` engine under a timeout), a
    guard for caller-supplied patterns; ours is the fixed grammar above, and the stdlib
    engine gives identical chunks (checked on every sentence of the sample articles, the
    facts evaluation texts and generated text) at a fraction of the per-sentence cost.
    """
    flags = re.I | re.M | re.S | re.U | re.X
    return tuple(
        (stage._chunk_label, tuple((re.compile(r._regexp.pattern, r._regexp.flags & flags), r._repl) for r in stage._rules))
        for stage in role_parser()._stages
    )


# The tags a ROLE_NP chunk can hold (besides any JJ* or NN* tag): a chunk never spans a token of any other tag.
_NP_TAGS = frozenset({"DT", "PRP$", "RB", "VBN", "CD", "POS", "ROLE", "HYPH", "CC", "VBG"})
_NP_PREFIXES = ("JJ", "NN")


def role_chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Top-level (label, first token, end token) items of the role parse of a tag sequence.

    A token outside every chunk is (its tag, k, k + 1); a chunk is (ROLE_NP or ROLE_PP, its
    first token, its end token). Same result as flattening `role_parser().parse(...)`:
    NLTK's ChunkString algorithm (tags as "<t1><t2>...", each rule wraps its matches in
    braces, empty braces dropped, the string split back into chunks) run without Tree objects.
    Each stage has one rule, so no chunk of its own stage is there yet when it runs (NLTK's
    not-inside-a-chunk lookahead always holds). A ROLE_NP match is a run of tags of `_NP_TAGS`
    holding a ROLE tag, so the rule runs on such runs alone (a match never crosses another tag,
    and each run is matched left to right as in the whole string); ROLE_PP opens on
    "<ROLE_NP><INR>", so it runs only when a chunk is followed by an INR tag.
    """
    items = [(t, k, k + 1) for k, t in enumerate(tags)]
    if not items:
        return items
    (np_label, np_rules), (pp_label, pp_rules) = _stages()
    pp = "ROLE_NP" in tags  # whether a ROLE_NP is followed by an INR tag, what every ROLE_PP match opens on
    if "ROLE" in tags:
        out: list[tuple[str, int, int]] = []
        n = len(items)
        done = k = 0
        while k < n:
            t = items[k][0]
            if t not in _NP_TAGS and not t.startswith(_NP_PREFIXES):
                k += 1
                continue
            a = k
            role = False
            while k < n and ((t := items[k][0]) in _NP_TAGS or t.startswith(_NP_PREFIXES)):
                role = role or t == "ROLE"
                k += 1
            if role:  # a run that may hold a chunk
                out.extend(items[done:a])
                _apply(np_label, np_rules, items[a:k], out)
                done = k
                # (INR holds no chunk, so a chunk it follows ends the run)
                pp = pp or (k < n and items[k][0] == "INR" and out[-1][0] == np_label and out[-1][2] == k)
        out.extend(items[done:])
        items = out
    if pp:
        out = []
        _apply(pp_label, pp_rules, items, out, "<ROLE_NP><INR>")
        items = out
    return items


def _apply(label: str, rules: tuple[tuple[re.Pattern[str], str], ...], items: list[tuple[str, int, int]],
           out: list[tuple[str, int, int]], opening: str = "") -> None:
    """Run one stage's rules over the items, appending its chunks and the items left outside them to `out`
    (the items alone when the tags lack `opening`, what every match of the stage starts with)."""
    s = "<" + "><".join([x[0] for x in items]) + ">"
    if opening not in s:
        out.extend(items)
        return
    for rx, repl in rules:
        s = rx.sub(repl, s).replace("{}", "")
    if "{" not in s:
        out.extend(items)
        return
    index = 0
    inside = False
    for piece in _BRACES.split(s):
        n = piece.count("<")
        if inside:
            out.append((label, items[index][1], items[index + n - 1][2]))
        else:
            out.extend(items[index : index + n])
        index += n
        inside = not inside
