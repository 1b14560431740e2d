"""The facts and POS steps never raise, whatever the text (hypothesis fuzzing + edge cases)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import Document
from reader.nlp import facts, pos
from tests.facts_helpers import make_doc

WORDS = st.sampled_from(
    "killed 12 people voted 5-4 swapped for in exchange 3,200 twenty-one a dozen Mr President , . – ’s “ ” "
    "Minister who has the of its governor 2019 24 February Thursday $ % abstained against dead toll".split()
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=40), st.text(max_size=30))
def test_never_raises(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    doc = make_doc(text)
    out = facts.run(pos.run(doc))
    for f in out.facts:
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)


def test_empty_documents() -> None:
    assert facts.run(Document(text="")).facts == ()
    assert facts.run(make_doc("   \n\n ")).facts == ()


def test_untagged_tokens_are_tagged_on_the_fly() -> None:
    from reader.nlp.segment import segment

    text = "Two people were killed in the blast."
    sentences, tokens = segment(text)
    doc = Document(text=text).with_layers(sentences=sentences, tokens=tokens)
    (fact,) = facts.run(doc).facts
    assert fact.kind == "casualties" and fact.fields["killed"] == 2
