"""Loading articles: encodings, titles, and one clear error for each kind of bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.sources import MAX_BYTES, SourceError, from_bytes, load_path, load_stream, title_of


def test_utf8_text_is_loaded_exactly(tmp_path: Path) -> None:
    text = "Héllo “world” – 24 February.\nSecond line.\n"
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    src = load_path(p)
    assert src.text == text
    assert src.title == "Héllo “world” – 24 February."
    assert src.encoding == "utf-8"


def test_latin1_is_detected(tmp_path: Path) -> None:
    text = "Le ministre a déclaré à Genève que l'accord était signé. Très bien, a-t-il ajouté. " * 4
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("latin-1"))
    src = load_path(p)
    assert src.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("Kyiv and Lviv\n".encode("utf-16"))
    assert load_path(p).text == "Kyiv and Lviv\n"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffTitle\n".encode("utf-8"))
    assert load_path(p).text == "Title\n"


def test_empty_file_is_an_empty_article(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    src = load_path(p)
    assert src.text == "" and src.title == ""


def test_markdown_title_is_the_heading(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("---\n\n# The *real* title #\n\nBody.\n", encoding="utf-8")
    assert load_path(p).title == "The *real* title"


def test_title_is_clipped() -> None:
    assert len(title_of("x" * 500)) == 120


def test_control_characters_are_sanitised_at_load() -> None:
    raw = "Title\x1b[2J\nBody\x9b\u202e\r\n"
    src = from_bytes(raw.encode("utf-8"), "t.txt")
    assert "\x1b" not in src.text and "\r" not in src.text and "\x9b" not in src.text
    assert len(src.text) == len(raw)


@pytest.mark.parametrize(
    "make, needle",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
    ],
)
def test_bad_paths(tmp_path: Path, make, needle: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SourceError, match=needle):
        load_path(make(tmp_path))


def test_binary_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00binary")
    with pytest.raises(SourceError, match="binary"):
        load_path(p)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(SourceError, match="too large"):
        load_path(p)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    with pytest.raises(SourceError, match="cannot read"):
        load_path(p)


def test_stream() -> None:
    assert load_stream(io.BytesIO(b"From stdin.\n")).text == "From stdin.\n"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, timeout=120)


@pytest.mark.parametrize("kind", ["missing", "dir", "binary", "huge", "undecodable"])
def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.txt"
    if kind == "dir":
        target = tmp_path
    elif kind == "binary":
        target.write_bytes(b"abc\x00def")
    elif kind == "huge":
        with target.open("wb") as fh:
            fh.truncate(MAX_BYTES + 10)
    elif kind == "undecodable":
        target.write_bytes(bytes(range(0x80, 0x100)) * 3 + b"\xff\xfe\xfd")
    result = _run("analyze", str(target), "--json")
    err = result.stderr.decode()
    if kind == "undecodable" and result.returncode == 0:
        pytest.skip("the charset detector found an encoding for these bytes")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("reader: error: ")
    assert result.stdout == b""


def test_cli_reads_stdin() -> None:
    result = _run("analyze", "-", "--json", stdin="Piped in. Works.\n".encode())
    assert result.returncode == 0, result.stderr.decode()
    assert b'"source":"-"' in result.stdout
