"""The `open` command: check the path before Textual starts, then run the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.errors import fail
from reader.sources import SourceError, load_path
from reader.ui.config import ConfigError, env_config_path, load_config


def run(args: argparse.Namespace) -> int:
    """Open an article (PATH or -), or the library of a folder (DIR, default ./articles)."""
    path = getattr(args, "path", None)
    try:
        config = load_config(env_config_path())
    except ConfigError as exc:
        return fail(exc)
    source = None
    library: Path | None = None
    if path is None:
        library = Path("articles")
        if not library.is_dir():
            return fail("no ./articles folder here; give an article file or a folder")
    elif path != "-" and Path(path).is_dir():
        library = Path(path)
    else:
        try:
            source = load_path(path)
        except SourceError as exc:
            return fail(exc)
        if path == "-":
            _reattach_stdin()
    from reader.ui.app import ReaderApp

    theme = getattr(args, "theme", None)
    if theme is not None:
        config = type(config)(theme=theme, keymap=config.keymap)
    app = ReaderApp(source=source, library=library, config=config)
    if config.theme and config.theme not in app.available_themes:
        return fail(f"unknown theme {config.theme!r}")
    app.run()
    return app.return_code or 0


def _reattach_stdin() -> None:
    """After reading an article from a pipe, read keys from the terminal."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        fail("no terminal to read keys from")
        raise SystemExit(2) from None
    os.dup2(fd, 0)
    os.close(fd)
