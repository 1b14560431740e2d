"""Drive the real app in tmux with a hostile article: it stays up and nothing leaks to the terminal."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
HOSTILE = (
    "Hostile Article\n\n"
    "Clipboard \x1b]52;c;cHduZWQ=\x07 write. Title \x1b]0;PWNED\x07 change. Clear \x1b[2J screen. "
    "Link \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here. C1 \u009b31m csi. "
    "Bidi \u202eesrever\u202c text.\n\n"
    "Markup [bold red]literal[/] and [@click=app.quit]do not quit[/] and $variable stay text. "
    "Mayor Elena Brandt visited Port Avel on Tuesday.\n"
)


class Tmux:
    """A private tmux server (its own socket) with one 120x40 session."""

    def __init__(self) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        if check and out.returncode:
            raise AssertionError(f"tmux {args}: {out.stderr}")
        return out.stdout

    def start_reader(self, target: Path, home: Path) -> None:
        """Start `reader TARGET` in session "ui" with a clean environment and user dirs under `home`."""
        env = {
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
        }
        command = " ".join(
            ["env", "-i", *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
             shlex.quote(sys.executable), "-m", "reader", shlex.quote(str(target)), "; sleep 30"]
        )
        self("new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", "-c", str(REPO), command)

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "ui")

    def wait_for(self, needle: str, seconds: float = 30.0) -> str:
        deadline = time.monotonic() + seconds
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if needle in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} never appeared; screen was:\n{text}")


@pytest.fixture
def tmux() -> Tmux:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    t = Tmux()
    yield t
    t("kill-server", check=False)


def test_hostile_article_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_bytes(HOSTILE.encode("utf-8"))
    tmux.start_reader(article, tmp_path)
    tmux("set-buffer", "sentinel-buffer")
    title_before = tmux("display-message", "-p", "-t", "ui", "#{pane_title}")

    screen = tmux.wait_for("Quit")
    assert "[bold red]literal[/]" in screen
    assert "[@click=app.quit]do not quit[/]" in screen
    assert "$variable" in screen

    for keys in (["]"], ["n"], ["j", "j"], ["/"], ["literal", "Enter"], ["n"], ["s"], ["s"], ["?"], ["Escape"],
                 ["a"], ["[@click=app.quit]note[/]"], ["C-s"], ["Tab"], ["Enter"], ["Tab"], ["t"]):
        tmux("send-keys", "-t", "ui", *keys)
        time.sleep(0.3)
    screen = tmux.wait_for("Quit")
    assert "[bold red]literal[/]" in screen
    assert "PWNED" not in tmux("display-message", "-p", "-t", "ui", "#{pane_title}")
    assert tmux("display-message", "-p", "-t", "ui", "#{pane_title}") == title_before
    assert tmux("show-buffer") == "sentinel-buffer"
    assert "\ufffd" in screen  # control characters are shown as U+FFFD, never sent to the terminal

    tmux("send-keys", "-t", "ui", "q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "Quit" in tmux.screen():
        time.sleep(0.2)
    assert "Quit" not in tmux.screen()  # q quit the app (the pane now runs the trailing sleep)
    assert "Traceback" not in tmux.screen()
    from reader.notes.store import NotesStore

    databases = [p for p in (tmp_path / "data").rglob("*") if p.suffix in (".sqlite3", ".db")]
    assert databases
    with NotesStore(databases[0]) as store:
        notes = [h.note for _, h in store.all_highlights()]
    assert notes == ["[@click=app.quit]note[/]"]
