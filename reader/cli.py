"""The command line: argument parsing and dispatch. Handlers are imported lazily."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from reader import __version__

COMMANDS = ("analyze", "export", "notes", "train-ner", "eval-ner", "train-pos", "open")

# command -> "module:function"; each takes the parsed args and returns an exit code.
HANDLERS: dict[str, str] = {
    "analyze": "reader.analyze_cmd:run",
    "export": "reader.notes.cli:export",
    "notes": "reader.notes.cli:notes",
    "train-ner": "reader.nlp.ner.cli:train",
    "eval-ner": "reader.nlp.ner.cli:evaluate",
    "train-pos": "reader.nlp.pos_cli:train",
    "open": "reader.ui.launch:run",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news articles with their entities, facts and notes made visible.",
        epilog="`reader PATH` opens an article; `reader` or `reader DIR` opens the library.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open an article (or a folder's library) in the reader app")
    p.add_argument("path", nargs="?", default=None, help="article file, folder, or - for stdin")
    p.add_argument("--theme", default=None, help="Textual theme name")

    p = sub.add_parser("analyze", help="analyse articles and print entities and facts")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, or - for stdin")
    p.add_argument("--json", action="store_true", help="print the analysis contract as JSON Lines")
    p.add_argument("--jobs", "-j", type=int, default=1, help="analyse files in N processes")

    p = sub.add_parser("export", help="export an article's highlights, notes and facts")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", "-f", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", default=None, help="output file, or - for stdout (default)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")

    p = sub.add_parser("notes", help="list highlights and notes")
    p.add_argument("path", nargs="?", default=None, metavar="PATH")

    p = sub.add_parser("train-ner", help="train the entity tagger on CoNLL-2003 data")
    p.add_argument("--corpus", required=True, help="folder with train.txt (and dev.txt)")
    p.add_argument("-o", "--output", required=True, help="model file to write")
    p.add_argument("--iterations", type=int, default=None)

    p = sub.add_parser("eval-ner", help="score the entity tagger on a CoNLL-format file")
    p.add_argument("--corpus", required=True, help="CoNLL-format file (token ... NER-tag per line)")
    p.add_argument("--model", default=None, help="model file (default: the shipped model)")

    p = sub.add_parser("train-pos", help="train the part-of-speech tagger on CoNLL-2000 data")
    p.add_argument("--corpus", required=True, help="CoNLL-2000 train.txt")
    p.add_argument("-o", "--output", required=True, help="model file to write (JSON)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")) or args_list[0] == "-":
        args_list = ["open", *args_list]
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        args = parser.parse_args(["open"])
    module, _, func = HANDLERS[args.command].partition(":")
    handler = getattr(importlib.import_module(module), func)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `reader analyze ... | head -1`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
