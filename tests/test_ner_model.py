"""The shipped entity model: loading, tagging, the pipeline step and the real-article expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import Document
from reader.nlp.ner.conll import read_conll, score
from reader.nlp.ner.step import run
from reader.nlp.ner.tagger import MODEL_PATH, load, sidecar
from reader.nlp.segment import run as segment

DATA = Path(__file__).resolve().parent / "data"


def _analyse(text: str) -> Document:
    return run(segment(Document(text=text)))


def _names(doc: Document) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in doc.entities:
        out.setdefault(e.name, set()).add(e.label)
    return out


def test_model_files_are_shipped_and_small() -> None:
    assert MODEL_PATH.is_file() and sidecar(MODEL_PATH).is_file()
    total = sum(p.stat().st_size for p in MODEL_PATH.parent.glob("ner*"))
    assert total < 5 * 1024 * 1024


def test_model_tags_a_sentence() -> None:
    tagger = load()
    (tags,) = tagger.tag_document([["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."]])
    assert tags[:2] == ["B-PER", "I-PER"]
    assert tags[3] == "B-LOC"
    assert tags[4:] == ["O", "O", "O"]


def test_step_offsets_titles_and_possessives() -> None:
    text = "Mr Saldo met President Putin in Moscow.\nMoscow’s reply came later, and Mr Saldo left."
    doc = _analyse(text)
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]
    for e in doc.entities:
        assert e.label in ("PERSON", "ORG", "LOC", "MISC")
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text) and m.kind == "name"
            assert text[m.start : m.end] == text[m.start : m.end].strip()
    names = _names(doc)
    assert names.get("Saldo") == {"PERSON"} and names.get("Putin") == {"PERSON"}
    assert names.get("Moscow") == {"LOC"}
    moscow = next(e for e in doc.entities if e.name == "Moscow")
    assert len(moscow.mentions) == 2  # "Moscow’s" loses its possessive and joins the entity
    saldo = next(e for e in doc.entities if e.name == "Saldo")
    assert [text[m.start : m.end] for m in saldo.mentions] == ["Saldo", "Saldo"]
    first = [min(m.start for m in e.mentions) for e in doc.entities]
    assert first == sorted(first)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "x" * 200_000, "’s", "“”", "Zürich’s “Straße” 東京 🚀 naïve Ærø", "A\u0301B " * 50, "-\n-\n-", "MR SALDO. NATO!"],
)
def test_step_never_raises_on_odd_input(text: str) -> None:
    doc = _analyse(text)
    for e in doc.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)


def test_step_segments_when_needed() -> None:
    doc = run(Document(text="Tony Blair spoke in London."))
    assert doc.tokens and {"Tony Blair", "London"} <= set(_names(doc))


def test_modern_news_check() -> None:
    """Held-out, hand-annotated modern news paragraphs (never used for training)."""
    docs = read_conll(DATA / "ner_modern.conll")
    tagger = load()
    gold, pred = [], []
    for d in docs:
        gold.extend([g for _, g in s] for s in d)
        pred.extend(tagger.tag_document([[t for t, _ in s] for s in d]))
    assert score(gold, pred).overall.f1 >= 0.80


KHERSON_LOC = ["Kherson", "Kyiv", "Mykolaiv", "Lviv", "Rostov", "Nova Kakhovka", "Zaporizhzhia", "Luhansk", "Crimea"]
KHERSON_ORG = ["Nato", "Tass", "Kremlin"]
KHERSON_PER = ["Vladimir Saldo", "Marat Khusnullin", "Vasily Golubev", "Vladimir Putin", "Recep Tayyip Erdogan",
               "Jens Stoltenberg", "Saldo", "Khusnullin", "Putin"]
TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "governor", "deputy", "prime", "head", "general"}


@pytest.fixture(scope="module")
def kherson() -> Document:
    path = Path(__file__).resolve().parents[1].parent / "shared" / "articles" / "kherson-evacuation.txt"
    if not path.is_file():
        pytest.skip("shared article not present")
    return _analyse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", KHERSON_LOC)
def test_kherson_places(kherson: Document, name: str) -> None:
    assert _names(kherson).get(name) == {"LOC"}
    for e in kherson.entities:
        if e.label != "LOC":
            assert name not in e.name.split(), e


@pytest.mark.parametrize("name", KHERSON_ORG)
def test_kherson_organisations(kherson: Document, name: str) -> None:
    assert _names(kherson).get(name) == {"ORG"}


@pytest.mark.parametrize("name", KHERSON_PER)
def test_kherson_people(kherson: Document, name: str) -> None:
    assert _names(kherson).get(name) == {"PERSON"}


def test_kherson_people_never_include_titles(kherson: Document) -> None:
    for e in kherson.entities:
        if e.label == "PERSON":
            assert e.name.split()[0].lower().rstrip(".") not in TITLES
            for m in e.mentions:
                assert kherson.text[m.start : m.end].split()[0].lower() not in TITLES


def test_repair_drops_common_words_from_name_starts() -> None:
    from reader.nlp.ner.tagger import repair

    common = frozenset({"of", "the", "de"})
    assert repair(["exception", "of", "Crimea"], ["O", "B-MISC", "I-MISC"], common) == ["O", "O", "B-MISC"]
    assert repair(["of", "the", "Hague"], ["B-LOC", "I-LOC", "I-LOC"], common) == ["O", "O", "B-LOC"]
    assert repair(["de", "Klerk"], ["B-PER", "I-PER"], common) == ["B-PER", "I-PER"]  # a name particle
    assert repair(["the"], ["I-ORG"], common) == ["O"]
    assert repair(["Acme", "of", "Oslo"], ["B-ORG", "I-ORG", "I-ORG"], common) == ["B-ORG", "I-ORG", "I-ORG"]
