"""The `open` command: check the path before Textual starts, then run the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.sanitize import printable
from reader.sources import SourceError, load_path
from reader.ui.config import ConfigError, env_config_path, load_config


def run(args: argparse.Namespace) -> int:
    """Open an article (PATH or -), or the library of a folder (DIR, default ./articles)."""
    path = getattr(args, "path", None)
    try:
        config = load_config(env_config_path())
    except ConfigError as exc:
        print(f"reader: {printable(str(exc))}", file=sys.stderr)
        return 2
    source = None
    library: Path | None = None
    if path is None:
        library = Path("articles")
        if not library.is_dir():
            print("reader: no ./articles folder here; give an article file or a folder", file=sys.stderr)
            return 2
    elif path != "-" and Path(path).is_dir():
        library = Path(path)
    else:
        try:
            source = load_path(path)
        except SourceError as exc:
            print(f"reader: {printable(str(exc))}", file=sys.stderr)
            return 2
        if path == "-":
            _reattach_stdin()
    from reader.ui.app import ReaderApp

    theme = getattr(args, "theme", None)
    if theme is not None:
        config = type(config)(theme=theme, keymap=config.keymap)
    app = ReaderApp(source=source, library=library, config=config)
    if config.theme and config.theme not in app.available_themes:
        print(f"reader: unknown theme {config.theme!r}", file=sys.stderr)
        return 2
    app.run()
    return app.return_code or 0


def _reattach_stdin() -> None:
    """After reading an article from a pipe, read keys from the terminal."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        print("reader: no terminal to read keys from", file=sys.stderr)
        raise SystemExit(2) from None
    os.dup2(fd, 0)
    os.close(fd)
