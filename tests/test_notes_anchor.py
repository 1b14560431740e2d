"""Re-anchoring a highlight after the article text changed."""

from __future__ import annotations

from reader.notes.anchor import context_of, reanchor

TEXT = (
    "The regional council met on Tuesday morning. "
    "After a long debate the council voted 143 to 4 to approve the evacuation plan. "
    "Residents were told to leave by Friday. The plan covers three districts."
)
QUOTE = "the council voted 143 to 4"


def _hl(text: str, quote: str) -> tuple[int, int, str, str, str]:
    start = text.index(quote)
    before, after = context_of(text, start, start + len(quote))
    return start, start + len(quote), quote, before, after


def test_same_text_is_exact() -> None:
    start, end, quote, before, after = _hl(TEXT, QUOTE)
    found = reanchor(TEXT, start, end, quote, before, after)
    assert (found.start, found.end, found.how) == (start, end, "exact")


def test_text_inserted_before_moves_the_span() -> None:
    start, end, quote, before, after = _hl(TEXT, QUOTE)
    edited = "UPDATE: this story was revised at noon.\n\n" + TEXT
    found = reanchor(edited, start, end, quote, before, after)
    assert found.how == "moved"
    assert edited[found.start : found.end] == QUOTE
    assert found.start == start + len("UPDATE: this story was revised at noon.\n\n")


def test_repeated_quote_prefers_the_matching_context() -> None:
    text = "Saldo spoke first. Later, in the city, Saldo spoke again. Saldo left."
    start = text.index("Saldo", 20)  # the second one, "in the city, Saldo"
    before, after = context_of(text, start, start + 5)
    edited = "Saldo arrived. " + text  # now the old offset points elsewhere
    found = reanchor(edited, start, start + 5, "Saldo", before, after)
    assert found.anchored
    assert edited[found.start - len("in the city, ") : found.start] == "in the city, "


def test_repeated_quote_without_context_takes_the_nearest() -> None:
    text = "ab xx ab yy ab"
    found = reanchor(text, 10, 12, "ab", "", "")  # "ab" is at 0, 6 and 12; 12 is nearest to 10
    assert found.anchored and found.start == 12


def test_slightly_changed_quote_is_found_fuzzily() -> None:
    start, end, quote, before, after = _hl(TEXT, QUOTE)
    edited = TEXT.replace("voted 143 to 4", "voted 145 to 4")
    found = reanchor(edited, start, end, quote, before, after)
    assert found.how == "fuzzy"
    assert edited[found.start : found.end] == "the council voted 145 to 4"


def test_changed_quote_after_an_insertion_is_found_fuzzily() -> None:
    start, end, quote, before, after = _hl(TEXT, QUOTE)
    edited = "A new first paragraph was added here.\n\n" + TEXT.replace("the council voted", "the councillors voted")
    found = reanchor(edited, start, end, quote, before, after)
    assert found.anchored
    assert edited[found.start : found.end] == "the councillors voted 143 to 4"


def test_deleted_quote_is_not_anchored() -> None:
    start, end, quote, before, after = _hl(TEXT, QUOTE)
    edited = TEXT.replace("After a long debate the council voted 143 to 4 to approve the evacuation plan. ", "")
    found = reanchor(edited, start, end, quote, before, after)
    assert not found.anchored
    assert 0 <= found.start <= found.end <= len(edited)


def test_short_quote_does_not_match_a_random_similar_word() -> None:
    text = "Kherson is a port city."
    start = text.index("port")
    before, after = context_of(text, start, start + 4)
    edited = "Something else entirely, with a sport section and a fort."
    found = reanchor(edited, start, start + 4, "port", before, after)
    # "port" still occurs inside "sport": an exact occurrence is accepted as moved.
    assert found.how == "moved"
    gone = "Nothing of the kind remains in this text at all."
    assert not reanchor(gone, start, start + 4, "port", before, after).anchored


def test_long_quote_with_a_changed_word_is_found_word_by_word() -> None:
    sentences = [f"Paragraph {i} reports that the convoy number {i} reached the bridge before dusk." for i in range(40)]
    text = " ".join(sentences)
    quote = " ".join(sentences[10:16])  # well over the word-level threshold
    start = text.index(quote)
    before, after = context_of(text, start, start + len(quote))
    new_quote = quote.replace("convoy number 12 reached", "convoy number 12 finally reached")
    edited = "Editor's note: figures updated.\n\n" + text.replace(quote, new_quote)
    found = reanchor(edited, start, start + len(quote), quote, before, after)
    assert found.how == "fuzzy"
    assert edited[found.start : found.end] == new_quote
