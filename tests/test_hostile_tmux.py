"""Real terminal (tmux): hostile file names in the library, in its rows and in an error notification.

The article text case (OSC 52/0/8, CSI 2J, C1 CSI, bidi, markup) is in test_tmux_ui.py; this covers
what does not come from the article text, so the loader's sanitiser never saw it. (A hostile
paste cannot be sent through tmux, which escapes control characters in pastes itself; the
pilot tests in test_hostile_widgets.py cover pasted controls.)
"""

from __future__ import annotations

import time
from pathlib import Path

from .test_tmux_ui import Tmux, tmux  # noqa: F401  (tmux is a fixture)

import pytest

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

OSC = "\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07"


def _buffers(t: Tmux) -> list[str]:
    return sorted(t("list-buffers", "-F", "#{buffer_name}").split())


def test_hostile_file_names_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / f"[bold red]x{OSC}.txt").write_text(
        "[bold red]literal title[/]\n\nMayor Elena Brandt spoke in Port Avel. The vote passed.\n", encoding="utf-8"
    )
    (folder / f"b\x1b[2J\u009b31m\u202eevil.txt").write_bytes(b"\x00binary")
    tmux.start_reader(folder, tmp_path)
    tmux("set-buffer", "-b", "sentinel", "sentinel-buffer")
    title_before = tmux("display-message", "-p", "-t", "ui", "#{pane_title}")

    screen = tmux.wait_for("Library")
    assert "[bold red]literal title[/]" in tmux.wait_for("literal title")
    screen = tmux.wait_for("[bold red]x")
    assert "PWNED" in screen  # the file name is shown, as text
    # open the binary file: its name goes into an error notification
    tmux("send-keys", "-t", "ui", "j", "Enter")
    screen = tmux.wait_for("binary")
    assert "evil" in screen
    # open the article: its literal markup title, in the title bar too
    tmux("send-keys", "-t", "ui", "k", "Enter")
    tmux.wait_for("Elena Brandt")
    screen = tmux.wait_for("Quit")  # the footer is back once the analysis has finished
    assert screen.count("[bold red]literal title[/]") >= 2
    assert tmux("display-message", "-p", "-t", "ui", "#{pane_title}") == title_before
    assert "PWNED" not in tmux("display-message", "-p", "-t", "ui", "#{pane_title}")
    assert _buffers(tmux) == ["sentinel"]  # no OSC 52 clipboard write made a new buffer
    assert tmux("show-buffer", "-b", "sentinel") == "sentinel-buffer"
    assert "Quit" in screen and "Traceback" not in screen

    tmux("send-keys", "-t", "ui", "q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "Quit" in tmux.screen():
        time.sleep(0.2)
    assert "Traceback" not in tmux.screen()
