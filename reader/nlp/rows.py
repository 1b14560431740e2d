"""A read-only sequence whose rows (one per sentence) are made when read, from compact storage."""

from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

T = TypeVar("T")


class LazyRows(Sequence[T]):
    """Rows made on demand by `_row(k)` for 0 <= k < `__len__()`; indexing takes negative indices and
    slices (a slice gives a list of rows) and raises IndexError past either end."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _row(self, k: int) -> T:
        """Row k, with 0 <= k < len(self)."""
        raise NotImplementedError

    def __getitem__(self, k):  # type: ignore[no-untyped-def,override]
        n = len(self)
        if isinstance(k, slice):
            return [self._row(i) for i in range(*k.indices(n))]
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        return self._row(k)

    def __iter__(self) -> Iterator[T]:
        row = self._row
        for k in range(len(self)):
            yield row(k)

