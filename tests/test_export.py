"""Markdown and JSON exports: content parses back, hostile text cannot change the structure, safe writes."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.document import Document, Entity, Fact, Mention, Span, fact_summary
from reader.notes.export import ExportError, default_export_path, to_json, to_markdown, write_output
from reader.notes.store import Highlight
from reader.sanitize import sanitize

EXPORTED = datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)
TEXT = (
    "Saldo orders evacuation\n\n"
    "Vladimir Saldo said on Tuesday that the council voted 143 to 4. "
    "Residents of Kherson were told to leave.\n"
    "Later lines: --- and == and [[not a link]] and > not a quote.\n"
)


def _doc() -> Document:
    saldo = TEXT.index("Vladimir Saldo")
    kherson = TEXT.index("Kherson")
    vote = TEXT.index("the council voted 143 to 4")
    return Document(
        text=TEXT,
        title="Saldo orders evacuation",
        source="articles/saldo.txt",
        entities=(
            Entity("e1", "PERSON", "Vladimir Saldo", (Mention(saldo, saldo + 14),)),
            Entity("e2", "LOC", "Kherson", (Mention(kherson, kherson + 7),)),
            Entity("e3", "ORG", "Council [[of]] | #Kherson", ()),
        ),
        facts=(
            Fact("vote", Span(vote, vote + 26), {"for": 143, "against": 4, "abstain": None}),
            Fact("official", Span(saldo, saldo + 14), {"person": "e1", "role": "governor"}),
        ),
    )


def _hl(hid: int, quote: str, note: str = "", anchored: bool = True, text: str = TEXT) -> Highlight:
    start = text.index(quote) if anchored else 0
    return Highlight(hid, start, start + len(quote), quote, note, "2024-05-01T10:00:00+00:00", "2024-05-01T11:00:00+00:00", anchored)


# -- a tiny parser for the front matter (the YAML subset we write) ------------------

_LINE = re.compile(r'^(?P<key>[a-z]+): (?P<value>".*"|\[\])$')
_ITEM = re.compile(r'^  - (?P<value>".*")$')


def parse_front_matter(md: str) -> tuple[dict[str, object], str]:
    """Parse `---` ... `---` with `key: "json string"` lines and `  - "item"` lists; return (data, body)."""
    lines = md.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    data: dict[str, object] = {}
    last = None
    for line in lines[1:end]:
        assert not re.search("[\u0085\u2028\u2029\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]", line), repr(line)
        if line.endswith(":") and re.fullmatch(r"[a-z]+:", line):
            last = line[:-1]
            data[last] = []
        elif m := _ITEM.match(line):
            assert last is not None
            data[last].append(json.loads(m["value"]))  # type: ignore[union-attr]
        elif m := _LINE.match(line):
            data[m["key"]] = json.loads(m["value"])
            last = None
        else:
            raise AssertionError(f"not in the YAML subset: {line!r}")
    return data, "\n".join(lines[end + 1 :])


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token) -> str:  # noqa: ANN001
    """The plain text of an inline token, failing on any markup (links, emphasis, HTML, code)."""
    out = []
    for child in token.children or []:
        assert child.type in ("text", "softbreak", "hardbreak"), child.type
        out.append(child.content if child.type == "text" else "\n")
    return "".join(out)


def _norm(text: str) -> str:
    return " ".join(sanitize(text).split())


def structure(md: str) -> dict[str, object]:
    """The body's structure: h2 titles, top-level quotes, block ids, notes, facts, entity links."""
    tokens = _md().parse(md)
    bad = {"html_block", "html_inline", "fence", "code_block", "hr", "table_open", "s_open", "code_inline"}
    assert not [t.type for t in tokens if t.type in bad]
    out: dict[str, object] = {"h1": [], "h2": [], "h3": [], "quotes": [], "ids": [], "paragraphs": [], "items": []}
    section = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            text = _inline_text(tokens[i + 1])
            out[tok.tag].append(text)  # type: ignore[union-attr]
            if tok.tag == "h2":
                section = text
            i += 3
            continue
        if tok.type == "blockquote_open" and tok.level == 0:
            depth, parts, j = 1, [], i + 1
            while depth:
                t = tokens[j]
                depth += {"blockquote_open": 1, "blockquote_close": -1}.get(t.type, 0)
                assert t.type in ("blockquote_close", "blockquote_open", "paragraph_open", "paragraph_close", "inline")
                if t.type == "inline":
                    parts.append(_inline_text(t))
                j += 1
            out["quotes"].append(" ".join(parts))  # type: ignore[union-attr]
            i = j
            continue
        if tok.type == "inline" and tok.level == 1 and section == "Highlights":
            text = _inline_text(tok)
            if re.fullmatch(r"\^hl-\d+", tok.content):  # the raw source: an escaped \^ is not an id
                out["ids"].append(text)  # type: ignore[union-attr]
            else:
                out["paragraphs"].append(text)  # type: ignore[union-attr]
        if tok.type == "list_item_open" and section in ("Facts", "Entities"):
            out["items"].append((section, _inline_text(tokens[i + 2])))  # type: ignore[union-attr]
        if tok.type == "inline" and section == "Facts" and tokens[i - 2].type == "blockquote_open":
            out.setdefault("evidence", []).append(_inline_text(tok))  # type: ignore[union-attr]
        i += 1
    return out


# -- Markdown ----------------------------------------------------------------------


def test_markdown_front_matter_parses_back() -> None:
    doc = _doc()
    md = to_markdown(doc, [_hl(3, "the council voted 143 to 4", "check")], EXPORTED)
    data, _ = parse_front_matter(md)
    assert data == {
        "title": "Saldo orders evacuation",
        "source": "articles/saldo.txt",
        "exported": "2024-05-01T12:30:00+00:00",
        "entities": ["Vladimir Saldo", "Kherson", "Council [[of]] | #Kherson"],
    }


def test_markdown_sections_quotes_block_ids_notes_facts_and_wikilinks() -> None:
    doc = _doc()
    hls = [
        _hl(3, "the council voted 143 to 4", "check the count\nsecond line"),
        _hl(7, "Residents of Kherson were told to leave.", ""),
        _hl(9, "a passage that was edited away", "still here", anchored=False),
    ]
    md = to_markdown(doc, hls, EXPORTED)
    _, body = parse_front_matter(md)
    s = structure(body)
    assert s["h1"] == ["Saldo orders evacuation"]
    assert s["h2"] == ["Highlights", "Facts", "Entities"]
    assert s["h3"] == ["People", "Organisations", "Places"]
    assert s["quotes"] == [h.quote for h in hls]
    assert s["ids"] == ["^hl-3", "^hl-7", "^hl-9"]
    assert "check the count\nsecond line" in s["paragraphs"] and "still here" in s["paragraphs"]
    assert any("no longer" in p for p in s["paragraphs"])
    facts = [text for section, text in s["items"] if section == "Facts"]
    assert facts == [fact_summary(f, doc) for f in doc.facts] == ["Vote: 143 for / 4 against", "Vladimir Saldo: governor"]
    assert s["evidence"] == ["the council voted 143 to 4", "Vladimir Saldo"]
    links = [text for section, text in s["items"] if section == "Entities"]
    assert links == ["[[Vladimir Saldo]]", "[[Council of Kherson]]", "[[Kherson]]"]
    # Obsidian reads the block id on its own line right after the quote.
    assert "> the council voted 143 to 4\n\n^hl-3\n\ncheck the count\nsecond line\n" in md


def test_markdown_with_nothing_to_show() -> None:
    md = to_markdown(Document(text="Just text.", title="", source="-"), [], EXPORTED)
    data, body = parse_front_matter(md)
    assert data["entities"] == [] and data["title"] == ""
    s = structure(body)
    assert s["h2"] == ["Highlights", "Facts", "Entities"] and s["quotes"] == []


HOSTILE = [
    "---",
    "line one\n---\n# heading\n> quote\n=== \n==marked==",
    "[[Wiki link]] and ]] and [x](http://e.com) ![img](x.png) <script>alert(1)</script>",
    "```\ncode fence\n```\n    indented code",
    "%%hidden comment%%\n$$math$$ ^hl-1 #tag | a | b |\n|---|---|\n- item\n1. item\n+ item",
    "***\n___\n* * *\n\\\n&amp; &copy;",
    "  leading spaces\n\n\n\ntrailing backslash \\",
    "[bold red]markup[/] [@click=app.quit]x[/] \x1b]52;c;SGVsbG8=\x07 \x9b2J",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_quotes_and_notes_keep_the_structure(hostile: str) -> None:
    text = "Intro.\n" + hostile + "\nOutro."
    start = text.index(hostile)
    doc = Document(
        text=sanitize(text),
        title=hostile,
        source=hostile,
        entities=(Entity("e1", "PERSON", hostile, ()),),
        facts=(Fact("date", Span(start, start + len(hostile)), {"text": hostile}),),
    )
    hl = Highlight(5, start, start + len(hostile), hostile, hostile, "c", "u", True)
    md = to_markdown(doc, [hl, Highlight(6, 0, 6, "Intro.", "", "c", "u", True)], EXPORTED)
    assert "\x1b" not in md and "\x9b" not in md and "\x07" not in md
    data, body = parse_front_matter(md)
    assert data["title"] == hostile and data["source"] == hostile
    s = structure(body)
    assert s["h2"] == ["Highlights", "Facts", "Entities"]
    assert s["quotes"] == [_norm_lines(hostile), "Intro."]
    assert s["ids"] == ["^hl-5", "^hl-6"]
    [link] = [text for section, text in s["items"] if section == "Entities"]
    assert link.count("[[") <= 1 and link.count("]]") <= 1 and "|" not in link.strip("[]")
    assert_obsidian_syntax_escaped(body)


def assert_obsidian_syntax_escaped(body: str) -> None:
    """Obsidian-only syntax (not CommonMark) is escaped wherever user or article text appears."""
    user_part = body.split("\n## Entities")[0]
    lines = [re.sub(r"^#{1,3} ", "", line) for line in user_part.split("\n") if not re.fullmatch(r"\^hl-\d+", line)]
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "\0", "\n".join(lines))
    for syntax in ("[[", "]]", "==", "%%", "$$", "^", "~~", "#"):
        assert syntax not in unescaped, syntax


def _norm_lines(text: str) -> str:
    """A quote as CommonMark gives it back: lines stripped, blank lines separating paragraphs."""
    lines = [" ".join(line.split()) for line in sanitize(text).split("\n")]
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return " ".join(paragraphs)


# Arbitrary text, mixed with the pieces of Markdown and Obsidian syntax most likely to break out.
_MD_PIECES = ["---", "===", ">", "==", "[[", "]]", "# ", "\n", "\n\n", " ", "    ", "a", "1. ", "- ", "* ", "_",
              "`", "```", "[", "](x)", "<b>", "!", "%%", "^hl-1", "|", "\\", "&amp;", "$$", "~~", "+ ", "\t"]
_text = st.lists(
    st.one_of(st.sampled_from(_MD_PIECES), st.characters(exclude_categories=("Cs",))), max_size=25
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    quote=_text.filter(lambda q: q.strip()),
    note=_text,
    title=_text,
    name=_text.filter(lambda n: n.strip()),
    before=_text,
)
def test_markdown_stays_well_formed_for_any_text(quote: str, note: str, title: str, name: str, before: str) -> None:
    text = sanitize(before + quote + "\nend")
    start, end = len(before), len(before) + len(quote)
    shown = text[start:end]
    doc = Document(
        text=text,
        title=title,
        source=name,
        entities=(Entity("e1", "MISC", name, ()),),
        facts=(Fact("date", Span(start, end), {"text": note}),),
    )
    md = to_markdown(doc, [Highlight(1, start, end, shown, note, "c", "u", True)], EXPORTED)
    data, body = parse_front_matter(md)
    assert data["title"] == title and data["source"] == name
    assert data["entities"] == [" ".join(name.split())]
    s = structure(body)
    assert s["h2"] == ["Highlights", "Facts", "Entities"]
    assert len(s["h1"]) == 1
    assert [_norm(q) for q in s["quotes"]] == [_norm(shown)]
    assert s["ids"] == ["^hl-1"]
    assert _norm(" ".join(s["paragraphs"])) == _norm(note)
    facts = [t for sec, t in s["items"] if sec == "Facts"]
    assert len(facts) == 1
    entities = [t for sec, t in s["items"] if sec == "Entities"]
    assert len(entities) == 1
    assert_obsidian_syntax_escaped(body)


# -- JSON --------------------------------------------------------------------------


def test_json_export_parses_back() -> None:
    doc = _doc()
    hls = [_hl(3, "the council voted 143 to 4", "check"), _hl(9, "edited away", "n", anchored=False)]
    data = json.loads(to_json(doc, hls, EXPORTED))
    assert set(data) == {"source", "title", "exported", "highlights", "facts", "entities"}
    assert (data["source"], data["title"], data["exported"]) == (doc.source, doc.title, "2024-05-01T12:30:00+00:00")
    assert data["highlights"][0] == {
        "id": 3,
        "start": hls[0].start,
        "end": hls[0].end,
        "quote": "the council voted 143 to 4",
        "note": "check",
        "created": hls[0].created,
        "updated": hls[0].updated,
        "anchored": True,
    }
    assert data["highlights"][1]["anchored"] is False
    assert [Fact.from_json(f).fields["for"] for f in data["facts"][:1]] == [143]
    assert data["facts"][0]["summary"] == "Vote: 143 for / 4 against"
    assert data["facts"][0]["evidence_text"] == "the council voted 143 to 4"
    assert data["facts"][1]["person"] == "e1"
    assert [Entity.from_json(e) for e in data["entities"]] == list(doc.entities)


def test_json_escapes_terminal_controls_but_keeps_the_text() -> None:
    note = "a\x1b]0;title\x07b \x9b2J \u202eevil"
    out = to_json(Document(text="Hello there."), [Highlight(1, 0, 5, "Hello", note, "c", "u")], EXPORTED)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e]", out.replace("\n", ""))
    assert json.loads(out)["highlights"][0]["note"] == note


# -- writing -----------------------------------------------------------------------


def test_write_output_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_output("hello\n", None) is None
    assert write_output("again\n", "-") is None
    assert capsys.readouterr().out == "hello\nagain\n"


def test_write_output_is_atomic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert write_output("first\n", str(target), force=False) == target
    assert target.read_text() == "first\n"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # a normal file, not the temp file's mode
    with pytest.raises(ExportError) as err:
        write_output("second\n", str(target), force=False)
    assert "already exists" in str(err.value) and "\n" not in str(err.value)
    assert target.read_text() == "first\n"
    write_output("third\n", str(target), force=True)
    assert target.read_text() == "third\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temp files left


def test_write_output_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        write_output("x", str(tmp_path / "missing" / "out.md"))
    assert "does not exist" in str(err.value)
    with pytest.raises(ExportError) as err:
        write_output("x", str(tmp_path))
    assert "directory" in str(err.value)


def test_default_export_path_is_new_under_the_data_dir(tmp_path: Path) -> None:
    doc = Document(text="x", title="Kherson: «Evacuation» / update!", source="a.txt")
    first = default_export_path(doc, "md")
    assert first.parent == Path(os.environ["XDG_DATA_HOME"]) / "reader" / "exports"
    assert first.name.startswith("kherson-evacuation-update-") and first.suffix == ".md"
    write_output("x", str(first))
    second = default_export_path(doc, "md")
    assert second != first and not second.exists()
    assert default_export_path(doc, "json").suffix == ".json"
    with pytest.raises(ExportError):
        default_export_path(doc, "pdf")
