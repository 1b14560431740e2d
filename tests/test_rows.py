"""LazyRows indexes like a list: negative indices, slices, IndexError past either end."""

import pytest

from reader.nlp.ner.step import SentenceSpans, SentenceWords
from reader.nlp.rows import LazyRows


class Squares(LazyRows[int]):
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def _row(self, k: int) -> int:
        return k * k


@pytest.mark.parametrize("n", [0, 1, 5])
def test_indexing_matches_a_list(n: int) -> None:
    lazy, plain = Squares(n), [k * k for k in range(n)]
    assert list(lazy) == plain
    for k in range(-n - 2, n + 2):
        if -n <= k < n:
            assert lazy[k] == plain[k]
        else:
            with pytest.raises(IndexError):
                lazy[k]
    for sl in (slice(None), slice(1, None), slice(None, -1), slice(None, None, -1), slice(-3, 10, 2)):
        assert lazy[sl] == plain[sl]


def test_sentence_layers_index_like_lists() -> None:
    text = "Ann met Bo . Then rain ."
    starts, ends = [0, 4, 8, 11, 13, 18, 23], [3, 7, 10, 12, 17, 22, 24]
    words = SentenceWords(text, starts, ends, [0, 4], [4, 7])
    assert list(words) == [["Ann", "met", "Bo", "."], ["Then", "rain", "."]]
    assert words[-1] == ["Then", "rain", "."] and words[::-1] == list(words)[::-1]
    with pytest.raises(IndexError):
        words[2]
    spans = SentenceSpans()
    spans.append([(0, 1, "PER"), (2, 3, "PER")])
    spans.append([])
    assert list(spans) == [[(0, 1, "PER"), (2, 3, "PER")], []]
    assert spans[-2] == spans[0] and spans[:] == list(spans)
    with pytest.raises(IndexError):
        spans[-3]
