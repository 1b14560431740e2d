"""The analysis child process and the compact document form it answers with."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.analysis_process import AnalysisCancelled, AnalysisFailed, AnalysisPool
from reader.docpack import PackError, pack, unpack
from reader.document import Document, Entity, Fact, Mention, Note, Sentence, Span, Token
from reader.pipeline import analyze

from .analysis_helpers import long_text, process_state, reaped, running, wait_until

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "articles" / "prisoner-exchange.txt"


@pytest.fixture
def pool():
    """A pool that is always closed, even when a test fails."""
    p = AnalysisPool()
    yield p
    p.close()


def hand_doc() -> Document:
    text = "Elena Brandt met the River Council on 14 March. She said 12 boats left, 3.5% of them."
    return Document(
        text=text, title="t", source="s.txt",
        sentences=(Sentence(0, 48, 0, 9), Sentence(49, len(text), 9, 20)),
        tokens=tuple(Token(i * 4, i * 4 + 3, "NN" if i % 2 else "CD") for i in range(20)),
        entities=(Entity("e1", "PERSON", "Elena Brandt", (Mention(0, 12), Mention(49, 52, "pronoun"))),
                  Entity("e2", "ORG", "River Council", (Mention(21, 34),))),
        facts=(Fact("date", Span(38, 46), {"text": "14 March"}),
               Fact("quantity", Span(58, 66), {"value": 3.5, "unit": "%"}),
               Fact("exchange", Span(49, len(text)), {"counts": (12, 3), "what": "boats"})),
        notes=(Note(0, 12, "who?", "n1"),),
    )


def test_pack_round_trip_keeps_every_layer() -> None:
    doc = hand_doc()
    back = unpack(pack(doc), doc.text, doc.title, doc.source)
    assert back.tokens == doc.tokens and back.sentences == doc.sentences
    assert back.entities == doc.entities and back.notes == doc.notes
    assert [f.to_json() for f in back.facts] == [f.to_json() for f in doc.facts]
    assert back.facts[2].fields["counts"] == [12, 3]  # tuples come back as lists, as from the JSON contract
    assert back.text is doc.text  # the receiver's own text, not a copy


def test_pack_round_trip_of_the_real_pipeline_is_exact() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    doc = analyze(text, "Exchange", str(ARTICLE))
    assert doc.tokens and doc.entities
    assert unpack(pack(doc), text, "Exchange", str(ARTICLE)) == doc


def test_facts_with_equal_fields_share_one_dict_and_keep_their_exact_values() -> None:
    text = "x" * 200
    values = [1, 1.0, -0.0, 0.0, True, 1, 2.5, 1, None, "1", [1, 2], [1, 2], 1]
    facts = tuple(Fact("quantity" if i % 3 else "date", Span(i, i + 5), {"value": v, "unit": "km"})
                  for i, v in enumerate(values))
    doc = Document(text=text, facts=facts)
    back = unpack(pack(doc), text)
    assert [f.to_json() for f in back.facts] == [f.to_json() for f in doc.facts]
    assert [type(f.fields["value"]) for f in back.facts] == [type(v) for v in values]
    assert str(back.facts[2].fields["value"]) == "-0.0" and back.facts[4].fields["value"] is True
    dicts = {id(f.fields) for f in back.facts}
    assert len(dicts) == 9  # 1 (four times) and [1, 2] (twice) are one dict each
    assert back.facts[0].fields is back.facts[5].fields is back.facts[7].fields is back.facts[12].fields
    assert back.facts[1].fields is not back.facts[0].fields  # 1.0 is not 1


def test_unpack_refuses_facts_that_point_past_their_tables() -> None:
    import json
    import struct

    doc = Document(text="x" * 50, facts=(Fact("date", Span(0, 4), {"text": "x"}), Fact("date", Span(5, 9), {"text": "y"})))
    data = pack(doc)
    _, size = struct.unpack_from("<4sI", data)
    head = json.loads(data[8:8 + size])
    for fields in ([{"text": "x"}], [{"text": "x"}, 7]):
        bad = json.dumps({**head, "fields": fields}).encode()
        bad += b" " * (-(len(bad) + 8) % 8)
        with pytest.raises(PackError):
            unpack(struct.pack("<4sI", b"RDP3", len(bad)) + bad + data[8 + size:], doc.text)


def test_unpack_refuses_layers_that_do_not_fit_the_text() -> None:
    doc = hand_doc()
    data = pack(doc)
    with pytest.raises(PackError, match="out of range"):
        unpack(data, doc.text[:30])
    with pytest.raises(PackError):
        unpack(b"not a document at all", doc.text)
    with pytest.raises(PackError):
        unpack(data[:-3], doc.text)


def test_pool_analysis_equals_in_process_analysis_and_reuses_the_warm_child(pool: AnalysisPool) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    first = pool.analyse(text, "Exchange", "x.txt")
    assert first == analyze(text, "Exchange", "x.txt")
    second = pool.analyse("Tomas Keller left Port Avel. He came back.", "t", "")
    assert second.sentences and second.text == "Tomas Keller left Port Avel. He came back."
    assert len(pool.spawned) == 1 and pool.pids() == pool.spawned  # one warm child served both


def _run_in_thread(pool: AnalysisPool, text: str) -> tuple[threading.Thread, dict[str, object], object]:
    job = pool.job(text, "big", "")
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["doc"] = job.run()
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    assert wait_until(lambda: job.pid is not None)
    return thread, result, job


def test_cancel_kills_the_child_at_once_and_reaps_it(pool: AnalysisPool) -> None:
    thread, result, job = _run_in_thread(pool, long_text(1_500_000))
    pid = job.pid  # type: ignore[attr-defined]
    assert running(pid)
    job.cancel()  # type: ignore[attr-defined]
    thread.join(10)
    assert not thread.is_alive()
    assert isinstance(result.get("error"), AnalysisCancelled)
    assert reaped(pid)  # killed and waited for: no zombie
    assert pool.analyse("A short one. Done.").sentences  # the pool goes on with a fresh child


def test_a_child_killed_from_outside_is_one_clear_failure(pool: AnalysisPool) -> None:
    thread, result, job = _run_in_thread(pool, long_text(1_500_000))
    pid = job.pid  # type: ignore[attr-defined]
    os.kill(pid, signal.SIGKILL)
    thread.join(10)
    error = result.get("error")
    assert isinstance(error, AnalysisFailed) and not isinstance(error, AnalysisCancelled)
    assert str(error) == "the analysis process was killed (SIGKILL)"
    assert reaped(pid)


def test_a_pipeline_error_is_reported_and_the_child_stays_usable() -> None:
    pool = AnalysisPool(function="tests.analysis_helpers:boom")
    try:
        with pytest.raises(AnalysisFailed, match=r"^RuntimeError: pipeline broke on 5 characters$"):
            pool.analyse("Hello")
        with pytest.raises(AnalysisFailed, match="on 3 characters"):
            pool.analyse("Bye")
        assert len(pool.spawned) == 1 and running(pool.spawned[0])
    finally:
        pool.close()
    assert reaped(pool.spawned[0])


def test_a_grown_child_is_gone_before_its_answer_is_unpacked_and_the_next_text_starts_a_fresh_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.analysis_process as analysis_process

    seen: list[tuple[bool, list[int]]] = []
    real = analysis_process.unpack_parts

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append((reaped(pool.spawned[-1]), pool.pids()))
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis_process, "unpack_parts", watching)
    pool = AnalysisPool(recycle_growth_mb=-1)  # every child counts as grown after a job
    try:
        doc = pool.analyse("Tomas Keller left. Another one.")
        assert doc.entities and seen == [(True, [])]  # stopped and reaped before the Document was built
        assert pool.spawned == pool.spawned[:1] and pool.pids() == []  # no warm child beside the Document
        assert pool.analyse("Mira Castell met the council.").entities
        assert len(pool.spawned) == 2 and reaped(pool.spawned[1])
    finally:
        pool.close()


def test_a_child_that_analysed_a_very_long_text_is_stopped() -> None:
    pool = AnalysisPool(recycle_chars=30)  # texts of 30 characters or more count as very long
    try:
        assert pool.analyse("Tomas Keller met Mira Castell.").entities  # 30 characters
        assert wait_until(lambda: reaped(pool.spawned[0])) and pool.pids() == []
        pool.analyse("Tomas Keller left.")
        assert len(pool.spawned) == 2 and pool.pids() == [pool.spawned[1]]  # a short one: kept warm
    finally:
        pool.close()


def test_a_child_that_did_not_grow_stays_warm_for_the_next_text(pool: AnalysisPool) -> None:
    doc = pool.analyse("Tomas Keller left Port Avel.")
    assert doc.entities and pool.pids() == pool.spawned and len(pool.spawned) == 1
    assert pool.analyse("Mira Castell met the council.").entities and len(pool.spawned) == 1


def test_close_stops_idle_and_busy_children(pool: AnalysisPool) -> None:
    thread, result, job = _run_in_thread(pool, long_text(1_500_000))
    pool.warm()  # an idle child besides the busy one
    assert len(pool.pids()) == 2
    pool.close()
    thread.join(10)
    assert isinstance(result.get("error"), AnalysisCancelled)
    assert all(reaped(pid) for pid in pool.spawned)
    with pytest.raises(AnalysisCancelled):
        pool.analyse("Too late.")


CRASHING_PARENT = """
import threading, time
from reader.analysis_process import AnalysisPool
pool = AnalysisPool(function="tests.analysis_helpers:hang")
job = pool.job("hang here")
threading.Thread(target=job.run, daemon=True).start()
while job.pid is None:
    time.sleep(0.01)
print(job.pid, flush=True)
time.sleep(600)
"""


def test_children_exit_when_the_app_process_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", CRASHING_PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True)
    child = 0
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        assert running(child)
        parent.kill()  # SIGKILL: no cleanup code runs in the parent; the child is stuck in its analysis
        parent.wait()
        assert wait_until(lambda: not running(child), 15), process_state(child)
    finally:
        parent.kill()
        parent.wait()
        if child and running(child):
            os.kill(child, signal.SIGKILL)


def test_an_idle_warm_child_is_stopped_after_a_while_and_a_new_one_serves_the_next_text() -> None:
    pool = AnalysisPool(idle_seconds=1.0)
    try:
        pool.analyse("Tomas Keller left Port Avel.", "t", "")
        (first,) = pool.spawned
        assert pool.pids() == [first]  # kept warm for the next article
        assert wait_until(lambda: not pool.pids() and reaped(first), 15)  # unused: stopped and reaped
        doc = pool.analyse("Mira Castell met the council.", "t", "")
        assert doc.entities and len(pool.spawned) == 2 and pool.pids() == [pool.spawned[1]]
    finally:
        pool.close()
