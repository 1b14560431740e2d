"""Large and odd inputs through `reader analyze`: nothing crashes, offsets index the shown text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.contract import contract_errors
from reader.pipeline import analyze
from reader.sources import load_path


def _analyze(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(path), "--json"], capture_output=True, timeout=600
    )
    assert result.returncode == 0, result.stderr.decode()[-500:]
    return json.loads(result.stdout)


def test_crlf_offsets_index_the_shown_text(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title line\r\n\r\nMr Smith met Dr Jones in Paris.\r\nThey talked.\r\n")
    doc = _analyze(p)
    assert "\r" not in doc["text"]
    assert contract_errors(doc) == []
    sentences = [doc["text"][s["start"] : s["end"]] for s in doc["sentences"]]
    assert "Mr Smith met Dr Jones in Paris." in sentences


def test_one_long_line_without_punctuation(tmp_path: Path) -> None:
    p = tmp_path / "line.txt"
    p.write_text(" ".join(["word", "Paris", "and", "London", "then"] * 40_000), encoding="utf-8")  # ~1 MB
    doc = _analyze(p)
    assert contract_errors(doc) == []
    assert len(doc["sentences"]) > 100


def test_hostile_text_is_sanitised_and_analysed(tmp_path: Path) -> None:
    raw = (
        "Headline \x1b]0;pwned\x07 [bold red]ALERT[/]\n"
        "Mr Smith\x1b]52;c;ZXZpbA==\x07 said \x1b[2J the [@click=app.quit]link[/] $variable \u202eevil\u202c.\n"
        "\x9b31m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ done."
    )
    p = tmp_path / "hostile.txt"
    p.write_bytes(raw.encode("utf-8"))
    doc = _analyze(p)
    assert len(doc["text"]) == len(raw)
    assert not any(ch in doc["text"] for ch in "\x1b\x07\x9b\u202e\u202c")
    assert "[bold red]ALERT[/]" in doc["text"]
    assert contract_errors(doc) == []


def test_binary_looking_but_valid_utf8(tmp_path: Path) -> None:
    p = tmp_path / "odd.txt"
    p.write_text("☃" * 1000 + "\n" + "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " * 100, encoding="utf-8")
    assert contract_errors(_analyze(p)) == []


def test_file_changing_between_loads(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("First version. It is short.", encoding="utf-8")
    first = load_path(p)
    p.write_text("Second version, longer, with Paris in it. And more.", encoding="utf-8")
    second = load_path(p)
    assert first.text != second.text
    for src in (first, second):
        assert contract_errors(analyze(src.text).to_json()) == []


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", ".", "...", "\ufffd", "Mr", "Mr.", "U.S.", "“", "’s"])
def test_tiny_inputs(text: str) -> None:
    assert contract_errors(analyze(text).to_json()) == []
