"""Shared fixtures: where the shared corpora and the real article live, and an isolated user dir."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KHERSON = SHARED / "articles" / "kherson-evacuation.txt"
ARTICLES = REPO / "articles"


@pytest.fixture
def kherson_path() -> Path:
    """The shared real article; the test is skipped when it is absent."""
    if not KHERSON.is_file():
        pytest.skip("shared article not present")
    return KHERSON


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's notes or config: point XDG dirs at a temp folder."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
