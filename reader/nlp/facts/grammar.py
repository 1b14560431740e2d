"""RegexpParser chunk grammars over POS tags plus our own marks (ROLE, PER, INR, HON).

A role phrase may carry up to two prepositional phrases: "head of the Commission of
Detainees' Affairs"."""

from __future__ import annotations

from functools import lru_cache

# Tags used besides Penn Treebank ones:
#   PER  a token of a PERSON entity's name      ROLE a role noun or title ("minister", "Sen.")
#   INR  a preposition that can follow a role ("of", "for", "to", "at", "in", "on")
#   HON  an honorific ("Mr", "Dr")              DATE a weekday or month name
#   PARTY a party-state tag ("D-Ore.")
ROLE_GRAMMAR = r"""
ROLE_NP: {<DT|PRP\$>?<RB>?<JJ.*|NN.*|VBN|CD|POS|ROLE|HYPH>*<ROLE><VBG>?<ROLE>?}
ROLE_PP: {<ROLE_NP><INR><DT|PRP\$>?<JJ.*|NN.*|VBN|VBG|CD|POS|ROLE>*<NN.*|ROLE>(<INR><DT|PRP\$>?<JJ.*|NN.*|VBN|VBG|CD|POS|ROLE>*<NN.*|ROLE>)?}
"""


@lru_cache(maxsize=1)
def role_parser():  # type: ignore[no-untyped-def]
    """The compiled role-phrase chunker (NLTK RegexpParser)."""
    from nltk.chunk import RegexpParser

    return RegexpParser(ROLE_GRAMMAR)
