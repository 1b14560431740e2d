"""`reader export` and `reader notes`: output, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import Document
from reader.notes.store import NotesStore, default_db_path
from reader.sources import load_path

ARTICLE = (
    "Council approves evacuation\n\n"
    "The regional council met on Tuesday. The council voted 143 to 4 to approve the plan.\n"
    "Residents were told to leave by Friday.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "council.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _highlight(path: Path, quote: str, note: str) -> None:
    src = load_path(str(path))
    doc = Document(text=src.text, title=src.title, source=src.source)
    start = doc.text.index(quote)
    with NotesStore() as store:
        store.add_highlight(doc, start, start + len(quote), note)


def _one_error_line(err: str) -> str:
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("reader: error: "), err
    return lines[0]


def test_export_markdown_to_stdout(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _highlight(article, "The council voted 143 to 4", "[bold red]check[/] the count")
    assert main(["export", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\ntitle: \"Council approves evacuation\"\n")
    assert "> The council voted 143 to 4\n\n^hl-1\n\n\\[bold red\\]check\\[/\\] the count\n" in out
    assert "## Facts" in out and "## Entities" in out


def test_export_json_to_a_file_refuses_to_overwrite_without_force(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _highlight(article, "leave by Friday", "deadline")
    out = tmp_path / "notes.json"
    assert main(["export", str(article), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == "Council approves evacuation" and data["source"] == str(article)
    assert [(h["quote"], h["note"], h["anchored"]) for h in data["highlights"]] == [("leave by Friday", "deadline", True)]
    capsys.readouterr()

    _highlight(article, "The regional council", "second")
    assert main(["export", str(article), "-f", "json", "-o", str(out)]) == 2
    assert "already exists" in _one_error_line(capsys.readouterr().err)
    assert len(json.loads(out.read_text(encoding="utf-8"))["highlights"]) == 1  # untouched

    assert main(["export", str(article), "-f", "json", "-o", str(out), "--force"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["highlights"]) == 2


def test_export_follows_an_edited_article(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _highlight(article, "The council voted 143 to 4", "n")
    article.write_text("Correction appended at the top.\n\n" + ARTICLE, encoding="utf-8")
    assert main(["export", str(article), "-f", "json"]) == 0
    [hl] = json.loads(capsys.readouterr().out)["highlights"]
    assert hl["anchored"] and article.read_text()[hl["start"] : hl["end"]] == "The council voted 143 to 4"


def test_export_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], article: Path) -> None:
    assert main(["export", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in _one_error_line(capsys.readouterr().err)
    assert main(["export", str(article), "-o", str(tmp_path / "no" / "dir.md")]) == 2
    _one_error_line(capsys.readouterr().err)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["export", str(binary)]) == 2
    _one_error_line(capsys.readouterr().err)


def test_export_with_a_damaged_store_warns_and_still_exports(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = default_db_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database at all" * 100)
    assert main(["export", str(article), "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["highlights"] == []
    assert captured.err.startswith("reader: warning: ") and "damaged" in captured.err
    assert db.read_bytes() == b"not a database at all" * 100  # the read-only CLI never changes it


def test_notes_with_no_store_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes"]) == 0
    assert "No highlights yet." in capsys.readouterr().out
    assert not default_db_path().exists()  # listing never creates the database


def test_notes_table_for_all_and_one_article(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # a wide console, so cells are not wrapped
    other = tmp_path / "other.txt"
    other.write_text("Another article\n\nA quite different story about [link=file:///etc/passwd]x[/link].\n")
    _highlight(article, "leave by Friday", "[bold red]deadline[/]")
    _highlight(other, "different story", "other note")
    assert main(["notes"]) == 0
    out = capsys.readouterr().out
    assert "Council approves evacuation" in out and "Another article" in out
    assert "[bold red]deadline[/]" in out  # shown literally, never parsed as markup
    assert main(["notes", str(article)]) == 0
    out = capsys.readouterr().out
    assert "leave by Friday" in out and "4:24" in out  # line:column of the highlight
    assert "other note" not in out


def test_notes_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", str(tmp_path)]) == 2
    assert "directory" in _one_error_line(capsys.readouterr().err)
