"""The analysis contract: `reader analyze --json` output, its schema and its offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.contract import contract_errors
from reader.document import Document, Entity, Fact, Mention, Note, Span
from reader.pipeline import analyze

from .conftest import ARTICLES


def _analyze_cli(*paths: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", *paths, "--json"], capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_kherson_contract(kherson_path: Path) -> None:
    [doc] = _analyze_cli(str(kherson_path))
    assert contract_errors(doc) == []
    assert doc["source"] == str(kherson_path)
    assert doc["text"] == kherson_path.read_text(encoding="utf-8")
    assert len(doc["sentences"]) > 20
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            if m["kind"] == "name":
                surface = doc["text"][m["start"] : m["end"]]
                assert surface == surface.strip() and surface
                assert not surface.startswith(("Mr ", "Mrs ", "President ", "Dr "))


def test_one_line_per_input_in_order(tmp_path: Path) -> None:
    paths = sorted(str(p) for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md"))
    assert len(paths) >= 3
    docs = _analyze_cli(*paths)
    assert [d["source"] for d in docs] == paths
    for d in docs:
        assert contract_errors(d) == []


def test_human_summary_runs(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("[bold red]not markup[/] said Mr Smith.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reader", "analyze", str(p)], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert "[bold red]not markup[/]" in result.stdout.decode()


def test_latin1_and_empty_files_analyse(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le président a parlé à Genève. Il était très content de l'accord signé.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    a, b = _analyze_cli(str(latin), str(empty))
    assert "président" in a["text"] and contract_errors(a) == []
    assert b["text"] == "" and b["sentences"] == [] and contract_errors(b) == []


def test_errors_are_reported_and_detected() -> None:
    good = Document(text="Hi there").to_json()
    assert contract_errors(good) == []
    bad = dict(good, sentences=[{"start": 5, "end": 99}])
    assert contract_errors(bad)
    bad = dict(good, entities=[{"id": "e1", "label": "GPE", "name": "x", "mentions": []}])
    assert contract_errors(bad)
    bad = dict(good, facts=[{"kind": "vote", "evidence": {"start": 0, "end": 2}, "for": 3, "against": -1, "abstain": None}])
    assert contract_errors(bad)


def test_document_json_round_trip() -> None:
    doc = analyze("Mr Saldo met Jens Stoltenberg in Kyiv. They talked.", title="t", source="s")
    doc = doc.with_layers(
        entities=[Entity("e1", "PERSON", "Jens Stoltenberg", (Mention(13, 29),))],
        facts=[Fact("vote", Span(0, 10), {"for": 3, "against": None, "abstain": 1})],
        notes=[Note(0, 8, "my note", "1")],
    )
    assert Document.from_json(doc.to_full_json()) == doc
    assert contract_errors(json.loads(doc.dumps())) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs",)), max_size=400))
def test_pipeline_never_raises_and_offsets_are_valid(text: str) -> None:
    from reader.sanitize import sanitize

    doc = analyze(sanitize(text))
    assert contract_errors(doc.to_json()) == []
