"""`reader train-ner` and `reader eval-ner` end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

DATA = Path(__file__).resolve().parent / "data"

_SENTENCES = [
    [("Anna", "B-PER"), ("Berg", "I-PER"), ("visited", "O"), ("Oslo", "B-LOC"), (".", "O")],
    [("The", "O"), ("Acme", "B-ORG"), ("Corp", "I-ORG"), ("hired", "O"), ("Mr", "O"), ("Lund", "B-PER"), (".", "O")],
    [("Swedish", "B-MISC"), ("fans", "O"), ("cheered", "O"), ("in", "O"), ("Bergen", "B-LOC"), (".", "O")],
]


def _write_corpus(folder: Path, docs: int) -> None:
    lines = []
    for d in range(docs):
        lines.append("-DOCSTART- -X- -X- O\n\n")
        for s in _SENTENCES[d % 3 :] + _SENTENCES[: d % 3]:
            lines.extend(f"{t} NNP B-NP {g}\n" for t, g in s)
            lines.append("\n")
    (folder / "train.txt").write_text("".join(lines), encoding="utf-8")
    (folder / "dev.txt").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")


def test_train_and_eval_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_corpus(tmp_path, docs=6)
    model = tmp_path / "tiny.crfsuite"
    assert main(["train-ner", "--corpus", str(tmp_path), "-o", str(model), "--iterations", "5"]) == 0
    assert model.is_file() and model.with_suffix(".json").is_file()
    assert (tmp_path / "tiny-pass1.crfsuite").is_file()  # stacked: the first pass ships next to it
    out = capsys.readouterr().out
    assert "overall" in out and "PER" in out
    assert main(["eval-ner", "--corpus", str(tmp_path / "dev.txt"), "--model", str(model)]) == 0
    out = capsys.readouterr().out
    for word in ("precision", "recall", "F1", "PER", "LOC", "ORG", "MISC", "overall"):
        assert word in out


def test_eval_shipped_model_on_modern_news(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-ner", "--corpus", str(DATA / "ner_modern.conll")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "overall" in line)
    f1 = float(row.replace("│", " ").split()[3])
    assert 0 <= f1 <= 100


@pytest.mark.parametrize(
    "argv",
    [
        ["eval-ner", "--corpus", "/nonexistent/file.conll"],
        ["eval-ner", "--corpus", "{data}/ner_modern.conll", "--model", "/nonexistent/model.crfsuite"],
        ["eval-ner", "--corpus", "{tmp}/bad.conll"],
        ["eval-ner", "--corpus", "{data}/ner_modern.conll", "--model", "{tmp}/corrupt.crfsuite"],
        ["train-ner", "--corpus", "/nonexistent", "-o", "{tmp}/m.crfsuite"],
        ["train-ner", "--corpus", "{tmp}", "-o", "/nonexistent/dir/m.crfsuite"],
    ],
)
def test_bad_paths_exit_2_with_one_line(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.conll").write_text("word NOT-A-TAG\n", encoding="utf-8")
    (tmp_path / "train.txt").write_text("Oslo B-LOC\n", encoding="utf-8")
    (tmp_path / "corrupt.crfsuite").write_bytes(b"not a model")
    args = [a.format(tmp=tmp_path, data=DATA) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("reader: ")
