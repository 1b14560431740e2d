"""A sidebar group lists at most GROUP_ROWS_MAX rows and says how many more there are."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.document import Document, Entity, Fact, Mention, Sentence, Span
from reader.ui.app import ReaderApp
from reader.ui.widgets.sidebar import GROUP_ROWS_MAX

SIZE = (120, 40)


def many_facts_doc(extra: int) -> Document:
    """A document with GROUP_ROWS_MAX + extra quantity facts, 2 date facts and one entity."""
    count = GROUP_ROWS_MAX + extra
    lines = [f"Observers counted {n} boats." for n in range(count)]
    text = "\n".join(lines)
    sentences, facts = [], []
    at = 0
    for n, line in enumerate(lines):
        sentences.append(Sentence(at, at + len(line)))
        number = at + len("Observers counted ")
        facts.append(Fact("quantity", Span(number, number + len(str(n)) + 6), {"value": n, "unit": "boats"}))
        at += len(line) + 1
    facts += [Fact("date", Span(0, 9), {"text": "day one"}), Fact("date", Span(0, 9), {"text": "day two"})]
    entities = (Entity("e1", "MISC", "Observers", (Mention(0, 9),)),)
    return Document(text=text, title="Many", sentences=tuple(sentences), entities=entities, facts=tuple(facts))


async def facts_rows(tmp_path: Path, extra: int) -> tuple[list[str], bool]:
    """The Facts tab's rows for many_facts_doc(extra), and whether its last row is disabled."""
    app = ReaderApp(document=many_facts_doc(extra), analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lst = app.screen.query_one("#facts-list", OptionList)
        rows = [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]
        return rows, bool(lst.get_option_at_index(lst.option_count - 1).disabled)


async def test_a_huge_fact_group_is_cut_with_a_count_of_the_rest(tmp_path: Path) -> None:
    rows, last_disabled = await facts_rows(tmp_path, extra=1234)
    assert rows[:3] == ["Dates (2)", "day one", "day two"]
    numbers = rows.index(f"Numbers ({GROUP_ROWS_MAX + 1234})")
    listed = rows[numbers + 1 : -1]
    assert len(listed) == GROUP_ROWS_MAX and listed[0] == "0 boats" and listed[-1] == f"{GROUP_ROWS_MAX - 1} boats"
    assert rows[-1] == "… and 1,234 more (ctrl+p searches them all)"
    assert last_disabled


async def test_a_group_at_the_limit_is_listed_whole(tmp_path: Path) -> None:
    rows, last_disabled = await facts_rows(tmp_path, extra=0)
    assert rows[-1] == f"{GROUP_ROWS_MAX - 1} boats"
    assert not any("more (ctrl+p" in r for r in rows)
    assert not last_disabled
