"""Handing freed memory back to the system, for the analysis of long texts."""

from __future__ import annotations


def trim_memory() -> None:
    """Hand the C allocator's free memory back to the system (glibc's `malloc_trim`; elsewhere nothing).

    Loading the models and analysing a long text free many blocks that the allocator would
    otherwise keep resident (~7 MB after loading, ~12 MB after a 2 MB article); after the first
    call it takes well under a millisecond."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc
        pass
