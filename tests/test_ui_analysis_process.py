"""The app's analysis runs in a child process: it lands, fails with one message, and is stopped on
reload, on leaving the article and on quitting, with every child reaped."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from textual.widgets import Static

from reader.analysis_process import AnalysisPool
from reader.sources import load_path
from reader.ui.app import ReaderApp
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView

from .analysis_helpers import long_text, reaped, running

SIZE = (120, 40)


async def until(pilot: object, predicate: object, seconds: float = 30.0) -> bool:
    """Let the app run until the predicate holds (bounded)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    return bool(predicate())  # type: ignore[operator]


def errors(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#status", Static).content)


def running_job_pid(app: ReaderApp) -> int | None:
    job = getattr(app.screen, "analysis_job", None)
    return job.pid if job is not None else None


async def test_the_analysis_lands_from_a_child_process(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Elena Brandt met the River Council in Port Avel. She left on Monday.\n", encoding="utf-8")
    app = ReaderApp(source=load_path(path), store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert await until(pilot, lambda: not screen.analysing)
        assert len(screen.doc.sentences) == 2 and screen.doc.tokens
        assert not errors(app)
        pids = list(app.analysis.spawned)
        assert len(pids) == 1 and running(pids[0])  # kept warm for the next article
        assert os.getpid() not in pids
    assert all(reaped(pid) for pid in pids)  # quitting stopped and reaped it


async def test_a_killed_analysis_shows_one_message_and_the_text_stays(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(long_text(1_500_000), encoding="utf-8")
    app = ReaderApp(source=load_path(path), store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        assert await until(pilot, lambda: running_job_pid(app) is not None)
        pid = running_job_pid(app)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        screen = app.screen
        assert await until(pilot, lambda: not screen.analysing)
        await pilot.pause()
        assert errors(app) == ["Analysis failed: the analysis process was killed (SIGKILL). The text stays readable."]
        assert "Analysing" not in status(app)
        view = app.screen.query_one(ArticleView)
        assert view.render_line(0).text.strip().startswith("A Long Harbour Report")
        await pilot.press("j", "G")
        assert app.is_running
        assert reaped(pid)


async def test_a_pipeline_error_shows_one_message(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text. More text.\n", encoding="utf-8")
    pool = AnalysisPool(function="tests.analysis_helpers:boom")
    app = ReaderApp(source=load_path(path), store_path=tmp_path / "n.db", analysis=pool)
    async with app.run_test(size=SIZE) as pilot:
        assert await until(pilot, lambda: not app.screen.analysing)  # type: ignore[attr-defined]
        await pilot.pause()
        [message] = errors(app)
        assert message.startswith("Analysis failed: RuntimeError: pipeline broke on ")
        assert message.endswith(" characters. The text stays readable.")
    assert all(reaped(pid) for pid in pool.spawned)


async def test_reload_stops_the_running_analysis_and_analyses_the_new_text(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(long_text(1_500_000), encoding="utf-8")
    app = ReaderApp(source=load_path(path), store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        assert await until(pilot, lambda: running_job_pid(app) is not None)
        old = running_job_pid(app)
        assert old is not None and running(old)
        path.write_text("Tomas Keller came back to Port Avel. The harbour reopened.\n", encoding="utf-8")
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert await until(pilot, lambda: not screen.analysing)
        await pilot.pause()
        assert screen.doc.text.startswith("Tomas Keller") and len(screen.doc.sentences) == 2
        assert await until(pilot, lambda: reaped(old), 10)  # killed at once, not left to finish
        assert not errors(app)


async def test_leaving_an_article_stops_its_analysis_and_quitting_stops_all(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "big.txt").write_text(long_text(1_500_000), encoding="utf-8")
    app = ReaderApp(library=folder, analyse=False, store_path=tmp_path / "n.db")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        app.analyse = True  # the library does not count; the article it opens is analysed
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert await until(pilot, lambda: running_job_pid(app) is not None)
        pid = running_job_pid(app)
        assert pid is not None
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert await until(pilot, lambda: reaped(pid), 10)
        await pilot.press("enter")  # open it again: a new analysis, still running when we quit
        assert await until(pilot, lambda: running_job_pid(app) is not None)
        await pilot.press("q")
    spawned = app.analysis.spawned
    assert len(spawned) >= 2 and all(reaped(p) for p in spawned)  # quitting reaped every child
    assert not errors(app)
