"""One way to tell the user that a command failed: a single `reader: error: ...` line on stderr."""

from __future__ import annotations

import sys

from reader.sanitize import printable

EXIT_BAD_INPUT = 2


def fail(message: object) -> int:
    """Print one clean error line (controls shown escaped, whitespace folded); return exit code 2."""
    print(f"reader: error: {printable(' '.join(str(message).split()))}", file=sys.stderr)
    return EXIT_BAD_INPUT
