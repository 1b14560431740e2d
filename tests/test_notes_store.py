"""The notes store: persistence, following edited and renamed articles, damage and failure handling."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.document import Document
from reader.notes.store import SCHEMA_VERSION, NotesError, NotesStore, default_db_path

REPO = Path(__file__).resolve().parents[1]

TEXT = (
    "Officials announce evacuation\n\n"
    "The regional council met on Tuesday morning. "
    "After a long debate the council voted 143 to 4 to approve the evacuation plan. "
    "Residents were told to leave by Friday. The plan covers three districts.\n"
)
QUOTE = "the council voted 143 to 4"


def _doc(text: str = TEXT, source: str = "", title: str = "Officials announce evacuation") -> Document:
    return Document(text=text, title=title, source=source)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def _run_worker(code: str, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


# -- location and schema -----------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is a Linux convention")
def test_default_path_honours_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "reader" / "notes.sqlite3"
    store = NotesStore()
    store.add_highlight(_doc(), 0, 8)
    store.close()
    assert (tmp_path / "xdg" / "reader" / "notes.sqlite3").is_file()


def test_new_store_is_wal_with_schema_version(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    NotesStore(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    conn.close()


def test_newer_schema_is_left_alone_and_read_only(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    NotesStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    store = NotesStore(db)
    assert store.read_only and store.warning and "newer" in store.warning
    with pytest.raises(NotesError):
        store.add_highlight(_doc(), 0, 5)
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    conn.close()


# -- saving and reopening ----------------------------------------------------------


def test_highlight_then_reopen_same_file(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    article = tmp_path / "a.txt"
    doc = _doc(source=str(article))
    start, end = _span(TEXT, QUOTE)
    with NotesStore(db) as store:
        made = store.add_highlight(doc, start, end, "check the count")
        assert (made.start, made.end, made.quote, made.note) == (start, end, QUOTE, "check the count")
    with NotesStore(db) as store:
        [got] = store.highlights(doc)
    assert got == made
    assert got.anchored


def test_highlights_are_in_text_order_and_notes_update_and_delete(tmp_path: Path) -> None:
    doc = _doc()
    with NotesStore(tmp_path / "n.db") as store:
        later = store.add_highlight(doc, *_span(TEXT, "three districts"))
        earlier = store.add_highlight(doc, *_span(TEXT, "Tuesday morning"))
        assert [h.id for h in store.highlights(doc)] == [earlier.id, later.id]
        updated = store.update_note(later.id, "which ones?")
        assert updated.note == "which ones?" and updated.created == later.created
        store.delete_highlight(earlier.id)
        assert [h.note for h in store.highlights(doc)] == ["which ones?"]
        with pytest.raises(NotesError):
            store.update_note(earlier.id, "gone")
        with pytest.raises(ValueError):
            store.add_highlight(doc, 5, 5)


def test_notes_follow_a_renamed_file(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    old, new = tmp_path / "old.txt", tmp_path / "sub" / "new.txt"
    with NotesStore(db) as store:
        made = store.add_highlight(_doc(source=str(old)), *_span(TEXT, QUOTE), note="n")
    with NotesStore(db) as store:
        [got] = store.highlights(_doc(source=str(new)))
        assert (got.id, got.start, got.quote, got.anchored) == (made.id, made.start, QUOTE, True)
        [(info, _)] = store.all_highlights()
        assert info.path == str(new)  # the last path is remembered


def test_edited_file_reanchors_and_stores_the_new_spans(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    path = str(tmp_path / "a.txt")
    with NotesStore(db) as store:
        moved = store.add_highlight(_doc(source=path), *_span(TEXT, QUOTE), note="moved")
        changed = store.add_highlight(_doc(source=path), *_span(TEXT, "leave by Friday"), note="changed")
        deleted = store.add_highlight(_doc(source=path), *_span(TEXT, "The plan covers three districts."), note="gone")
    edited = (
        TEXT.replace("Officials announce evacuation\n\n", "Officials announce evacuation\n\nUpdated at noon.\n\n")
        .replace("leave by Friday", "leave by Saturday")
        .replace(" The plan covers three districts.", "")
    )
    with NotesStore(db) as store:
        got = {h.id: h for h in store.highlights(_doc(edited, source=path))}
        assert set(got) == {moved.id, changed.id, deleted.id}  # nothing is dropped
        assert got[moved.id].anchored and edited[got[moved.id].start : got[moved.id].end] == QUOTE
        assert got[changed.id].anchored and got[changed.id].quote == "leave by Saturday"
        assert not got[deleted.id].anchored
        assert got[deleted.id].quote == "The plan covers three districts." and got[deleted.id].note == "gone"
        assert [h.id for h in store.highlights(_doc(edited, source=path))][-1] == deleted.id  # lost ones last
        # The store now holds spans into the edited text: found by hash even from another path.
        stored = store.get(moved.id)
        assert stored is not None and (stored.start, stored.end) == (got[moved.id].start, got[moved.id].end)
        assert [h.id for h in store.highlights(_doc(edited, source=str(tmp_path / "copy.txt")))][:2] == [
            moved.id,
            changed.id,
        ]


def test_edited_text_is_reanchored_even_when_the_store_is_read_only(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    path = str(tmp_path / "a.txt")
    with NotesStore(db) as store:
        made = store.add_highlight(_doc(source=path), *_span(TEXT, QUOTE))
    edited = "Breaking.\n\n" + TEXT
    with NotesStore(db, read_only=True) as store:
        [got] = store.highlights(_doc(edited, source=path))
    assert got.id == made.id and edited[got.start : got.end] == QUOTE
    with NotesStore(db) as store:
        assert store.get(made.id).start == made.start  # a read-only store changed nothing


def test_unknown_article_has_no_highlights(tmp_path: Path) -> None:
    with NotesStore(tmp_path / "n.db") as store:
        store.add_highlight(_doc(source=str(tmp_path / "a.txt")), 0, 8)
        assert store.highlights(_doc("A different article altogether.", source=str(tmp_path / "b.txt"))) == []
        assert store.highlights(_doc("A different article from stdin.", source="-")) == []
        assert len(store.highlights(_doc(source="-"))) == 1  # same text from stdin: found by hash


def test_store_is_usable_from_another_thread(tmp_path: Path) -> None:
    import threading

    store = NotesStore(tmp_path / "n.db")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.add_highlight(_doc(), 0, 8)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert not errors and len(store.highlights(_doc())) == 1
    store.close()


# -- crashes and concurrency -------------------------------------------------------

WORKER = r"""
import sys, time
from reader.document import Document
from reader.notes.store import NotesStore
db, mode = sys.argv[1], sys.argv[2]
text = "".join(f"Sentence number {i} of the article. " for i in range(200))
store = NotesStore(db)
doc = Document(text=text, title="t", source="")
if mode == "loop":
    i = 0
    while True:
        h = store.add_highlight(doc, i % 500, i % 500 + 20, "n%d" % i)
        print(h.id, flush=True)
        i += 1
elif mode == "open-transaction":
    for i in range(3):
        print(store.add_highlight(doc, i, i + 10, "committed").id, flush=True)
    store._conn.execute("PRAGMA cache_size = 5")  # spill uncommitted pages into the WAL
    def change(conn):
        for i in range(3000):
            conn.execute(
                "INSERT INTO highlights (article_id, span_start, span_end, quote, note, created, updated) "
                "VALUES (1, 0, 5, 'x', ?, 'c', 'u')", ("uncommitted " * 40,))
        print("in-transaction", flush=True)
        time.sleep(60)
    store._write(change)
elif mode == "concurrent":
    tag, go = sys.argv[3], sys.argv[4]
    import os
    while not os.path.exists(go):
        time.sleep(0.005)
    for i in range(40):
        store.add_highlight(doc, i, i + 7, f"{tag}-{i}")
    print("done", flush=True)
"""


def _start(db: Path, mode: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(db), mode, *extra], stdout=subprocess.PIPE, text=True, cwd=REPO
    )


def _check_db(db: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, note FROM highlights ORDER BY id").fetchall()
    conn.close()
    return rows


def test_kill_while_writing_in_a_loop_keeps_every_commit(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    proc = _start(db, "loop")
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(40)]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    rows = _check_db(db)
    ids = {hid for hid, _ in rows}
    assert set(committed) <= ids
    assert len(ids) <= len(committed) + 2  # at most what was written after the last line we read
    with NotesStore(db) as store:  # the store opens and writes normally afterwards
        assert store.warning is None
        store.add_highlight(_doc(), 0, 5)


def test_kill_in_the_middle_of_a_transaction_leaves_a_valid_db(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    proc = _start(db, "open-transaction")
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(3)]
    assert proc.stdout.readline().strip() == "in-transaction"
    assert (tmp_path / "notes.sqlite3-wal").stat().st_size > 0
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    rows = _check_db(db)
    assert [hid for hid, _ in rows] == committed  # the uncommitted rows are gone, the rest intact
    assert all(note == "committed" for _, note in rows)
    with NotesStore(db) as store:
        assert store.warning is None
        store.add_highlight(_doc(), 0, 5, "after the crash")


def test_highlight_survives_kill_a_moment_later(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    proc = _start(db, "loop")
    assert proc.stdout is not None
    first = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert first in {hid for hid, _ in _check_db(db)}


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"  # not created yet: both also race to create the schema
    go = tmp_path / "go"
    procs = [_start(db, "concurrent", tag, str(go)) for tag in ("a", "b")]
    time.sleep(0.3)
    go.touch()
    outs = [p.communicate(timeout=60)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    notes = sorted(note for _, note in _check_db(db))
    assert notes == sorted(f"{tag}-{i}" for tag in "ab" for i in range(40))
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    conn.close()


# -- damaged databases -------------------------------------------------------------


def test_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    junk = b"these are not the notes you are looking for\n" * 200
    db.write_bytes(junk)
    store = NotesStore(db)
    assert store.warning and "moved it to" in store.warning and "\n" not in store.warning
    [aside] = list(tmp_path.glob("notes.sqlite3.corrupt-*"))
    assert aside.read_bytes() == junk  # the old file is preserved, never overwritten
    assert str(aside) in store.warning
    store.add_highlight(_doc(), 0, 8)
    assert len(store.highlights(_doc())) == 1
    store.close()


def test_malformed_database_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    with NotesStore(db) as store:
        for i in range(300):
            store.add_highlight(_doc(), i % 50, i % 50 + 10, "x" * 200)
    size = db.stat().st_size
    assert size > 8 * 4096
    with db.open("r+b") as fh:  # scribble over pages in the middle of the file
        fh.seek(3 * 4096)
        fh.write(b"\xff\x00garbage" * 1000)
    damaged = db.read_bytes()
    store = NotesStore(db)
    assert store.warning and "damaged" in store.warning
    [aside] = list(tmp_path.glob("notes.sqlite3.corrupt-*"))
    assert aside.read_bytes() == damaged
    assert store.highlights(_doc()) == []
    store.add_highlight(_doc(), 0, 5)
    store.close()


# -- read-only and full disks ------------------------------------------------------


def test_data_dir_that_cannot_be_created_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = NotesStore(blocker / "reader" / "notes.sqlite3")
    assert store.read_only and store.warning
    assert store.highlights(_doc()) == []  # reading still works: there is simply nothing yet
    with pytest.raises(NotesError) as err:
        store.add_highlight(_doc(), 0, 5)
    assert "\n" not in str(err.value) and "cannot save notes" in str(err.value)
    store.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_data_dir_by_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "reader"
    db = folder / "notes.sqlite3"
    with NotesStore(db) as store:
        made = store.add_highlight(_doc(), 0, 8, "kept")
    folder.chmod(0o555)
    db.chmod(0o444)
    try:
        store = NotesStore(db)
        assert store.read_only and store.warning
        assert [h.id for h in store.highlights(_doc())] == [made.id]
        with pytest.raises(NotesError) as err:
            store.add_highlight(_doc(), 0, 5)
        assert "\n" not in str(err.value)
        store.close()
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


READ_ONLY_WORKER = r"""
import json, sys
from reader.document import Document
from reader.notes.store import NotesError, NotesStore
text = sys.argv[2]
store = NotesStore(sys.argv[1])
out = {"read_only": store.read_only, "warning": store.warning}
out["found"] = [[h.id, h.note] for h in store.highlights(Document(text=text))]
try:
    store.add_highlight(Document(text=text), 0, 5)
    out["error"] = None
except NotesError as exc:
    out["error"] = str(exc)
print(json.dumps(out))
"""


def test_read_only_file_system_keeps_reading(tmp_path: Path) -> None:
    """A data dir on a read-only mount (a private mount namespace, so it also works as root)."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare with user and mount namespaces is not available")
    folder = tmp_path / "reader"
    db = folder / "notes.sqlite3"
    with NotesStore(db) as store:
        made = store.add_highlight(_doc(), 0, 8, "kept")
    script = (
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && exec "$2" -c "$3" "$4" "$5"'
    )
    proc = subprocess.run(
        [unshare, "-rm", "sh", "-c", script, "sh", str(folder), sys.executable, READ_ONLY_WORKER, str(db), TEXT],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["read_only"] and out["warning"]
    assert out["found"] == [[made.id, "kept"]]
    assert out["error"] and "\n" not in out["error"] and "cannot save notes" in out["error"]


FULL_DISK_WORKER = r"""
import json, os, resource, signal, sys
from reader.document import Document
from reader.notes.store import NotesError, NotesStore
db, text = sys.argv[1], sys.argv[2]
store = NotesStore(db)
doc = Document(text=text)
first = store.add_highlight(doc, 0, 5, "small")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = max(os.path.getsize(db), os.path.getsize(db + "-wal")) + 8192
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
out = {}
try:
    store.add_highlight(doc, 0, 5, "x" * 2_000_000)
    out["error"] = None
except NotesError as exc:
    out["error"] = str(exc)
out["found"] = [h.note for h in store.highlights(doc)]
print(json.dumps(out))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_full_disk_gives_one_line_and_reading_still_works(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    proc = _run_worker(FULL_DISK_WORKER, str(db), TEXT)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["error"] and "\n" not in out["error"] and out["error"].startswith("cannot save notes")
    assert out["found"] == ["small"]
    assert [note for _, note in _check_db(db)] == ["small"]
