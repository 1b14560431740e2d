"""The notes store: highlights and notes in SQLite under the user's data dir.

One row per article (identified by the sha256 of its text, plus its last path and title so
notes follow a renamed or edited file) and one row per highlight (span, quoted text, a
little context on each side, note, times). Every change is its own transaction, committed
before the call returns (WAL mode, synchronous=FULL), so a highlight survives `kill -9`.
Several processes may write at once (busy timeout + `BEGIN IMMEDIATE`).

A damaged database is moved aside to `notes.sqlite3.corrupt-<timestamp>` and a fresh one
is started (`NotesStore.warning` says so). When the store cannot be written (read-only
dir, full disk) writes raise `NotesError` with one line, and reading keeps working where
the file can still be read.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, TypeVar

import platformdirs

from reader.document import Document, Span
from reader.notes.anchor import context_of, reanchor

DB_NAME = "notes.sqlite3"
BUSY_TIMEOUT_MS = 15_000

# Each migration is a list of statements; the schema version (PRAGMA user_version) is the
# number of migrations applied. Append new migrations; never edit an old one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX articles_path ON articles (path)",
        """CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT '',
            after TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            anchored INTEGER NOT NULL DEFAULT 1,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (0 <= span_start AND span_start <= span_end)
        )""",
        "CREATE INDEX highlights_article ON highlights (article_id, span_start)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 6, 8, 10, 11, 13, 14, 26

T = TypeVar("T")


class NotesError(Exception):
    """The notes store cannot do what was asked; the message is one line for the user."""


class _Damaged(Exception):
    """The database file is not a SQLite database or is malformed."""


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted span with its quoted text and note; anchored=False if it was not found again."""

    id: int
    start: int
    end: int
    quote: str
    note: str
    created: str
    updated: str
    anchored: bool = True

    @property
    def span(self) -> Span:
        """The highlight's character span."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article the store knows: its text hash, last path and title."""

    id: int
    key: str
    path: str
    title: str
    created: str
    updated: str


def default_db_path() -> Path:
    """The notes database under the user's data dir (honours XDG_DATA_HOME on Linux)."""
    return platformdirs.user_data_path("reader", appauthor=False) / DB_NAME


def article_key(text: str) -> str:
    """The article's identity: the sha256 of its text (hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def now_iso() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _norm_path(source: str) -> str:
    """The path an article was loaded from, made absolute ("" for stdin or no path)."""
    if not source or source == "-":
        return ""
    return os.path.abspath(source)


def _code(exc: BaseException) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF
    msg = str(exc).lower()
    if "not a database" in msg:
        return _NOTADB
    if "malformed" in msg:
        return _CORRUPT
    if "readonly" in msg or "read-only" in msg:
        return _READONLY
    if "disk is full" in msg or "database or disk is full" in msg:
        return _FULL
    if "locked" in msg:
        return _BUSY
    return -1


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class NotesStore:
    """Highlights and notes for every article, in one SQLite file."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        """Open (or create) the store; a damaged file is moved aside, see `warning`."""
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self.warning: str | None = None
        self._why_read_only = f"the notes database {self.path} was opened read-only"
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._open()

    # -- opening -----------------------------------------------------------------

    def _open(self) -> None:
        if self.read_only:
            self._open_read_only()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._degrade(f"cannot create the notes folder {self.path.parent} ({exc.strerror or exc})")
            return
        try:
            self._conn = self._connect_when_free()
            return
        except _Damaged as exc:
            aside = self._move_aside()
            if aside is None:
                self._degrade(f"the notes database {self.path} is damaged ({exc}) and cannot be moved aside")
                return
            self.warning = f"the notes database was damaged ({exc}); moved it to {aside} and started a new one"
        except (sqlite3.Error, OSError) as exc:
            self._degrade(self._describe(exc))
            return
        try:
            self._conn = self._connect_rw()
        except (_Damaged, sqlite3.Error, OSError) as exc:
            self._degrade(self._describe(exc) if not isinstance(exc, _Damaged) else str(exc))

    def _connect_when_free(self) -> sqlite3.Connection:
        """`_connect_rw`, retried while another process holds the file (creating it, or switching
        it to WAL: SQLite answers "database is locked" there without waiting on the busy timeout)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.01
        while True:
            try:
                return self._connect_rw()
            except sqlite3.OperationalError as exc:
                if _code(exc) not in (_BUSY, _LOCKED) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)

    def _connect_rw(self) -> sqlite3.Connection:
        """A read-write connection with the schema up to date; raises _Damaged for a bad file."""
        conn = sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _Damaged(_one_line(check)[:200])
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _code(exc) in (_CORRUPT, _NOTADB):
                raise _Damaged(_one_line(str(exc))) from None
            raise
        except BaseException:
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self.read_only = True
            self._why_read_only = f"the notes database {self.path} was written by a newer reader; it is read-only here"
            self.warning = self._why_read_only
            return
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    conn.execute(statement)
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _open_read_only(self) -> None:
        """Open the existing file for reading only (no file at all means no notes yet)."""
        if not self.path.is_file():
            return
        uri = self.path.resolve().as_uri()
        for suffix in ("?mode=ro", "?immutable=1"):
            try:
                conn = sqlite3.connect(uri + suffix, uri=True, isolation_level=None, check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.Error as exc:
                if _code(exc) in (_CORRUPT, _NOTADB):
                    self.warning = f"the notes database {self.path} is damaged ({_one_line(str(exc))})"
                    return
                continue
            if version != SCHEMA_VERSION:
                conn.close()
                if version > SCHEMA_VERSION:
                    self.warning = f"the notes database {self.path} was written by a newer reader"
                return
            self._conn = conn
            return
        if self.warning is None:
            self.warning = f"cannot read the notes database {self.path}"

    def _degrade(self, reason: str) -> None:
        """Fall back to reading only, remembering why writes will fail."""
        self.read_only = True
        self._why_read_only = f"cannot save notes: {reason}"
        self.warning = f"notes are read-only: {reason}"
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._open_read_only()

    def _move_aside(self) -> Path | None:
        """Rename a damaged database (and its WAL files) to `*.corrupt-<timestamp>`."""
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        for extra in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + extra)
            if companion.exists():
                try:
                    os.replace(companion, aside.with_name(aside.name + extra))
                except OSError:
                    pass
        return aside

    def _describe(self, exc: BaseException) -> str:
        """One line saying what went wrong with the database file."""
        if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
            return f"{self.path}: {exc.strerror or exc}"
        code = _code(exc)
        if code == _FULL:
            return f"the disk holding {self.path} is full"
        if code in (_READONLY, _PERM):
            return f"{self.path} is read-only"
        if code == _CANTOPEN:
            return f"cannot open {self.path} for writing"
        if code in (_BUSY, _LOCKED):
            return f"{self.path} is busy (another reader is writing); try again"
        if code in (_CORRUPT, _NOTADB):
            return f"{self.path} is damaged; restart reader to move it aside"
        if code == _IOERR:
            return f"write error on {self.path} ({_one_line(str(exc))})"
        return f"{self.path}: {_one_line(str(exc))}"

    # -- transactions ------------------------------------------------------------

    def _write(self, change: Callable[[sqlite3.Connection], T]) -> T:
        """Run one change in its own IMMEDIATE transaction and commit it before returning."""
        with self._lock:
            if self.read_only or self._conn is None:
                raise NotesError(self._why_read_only)
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = change(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        try:
                            conn.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass
                    raise
            except sqlite3.Error as exc:
                reason = self._describe(exc)
                if _code(exc) in (_READONLY, _PERM, _CANTOPEN):
                    self.read_only = True
                    self._why_read_only = f"cannot save notes: {reason}"
                    self.warning = f"notes are read-only: {reason}"
                raise NotesError(f"cannot save notes: {reason}") from None
            return result

    def _read(self, query: Callable[[sqlite3.Connection], T], empty: T) -> T:
        """Run a read; `empty` when there is no database to read."""
        with self._lock:
            if self._conn is None:
                return empty
            try:
                return query(self._conn)
            except sqlite3.Error as exc:
                raise NotesError(f"cannot read notes: {self._describe(exc)}") from None

    # -- articles ----------------------------------------------------------------

    @staticmethod
    def article_key(text: str) -> str:
        """The article's identity: the sha256 of its text (hex)."""
        return article_key(text)

    @staticmethod
    def _find(conn: sqlite3.Connection, doc: Document) -> tuple | None:
        row = conn.execute(
            "SELECT id, key, path, title, created, updated FROM articles WHERE key = ?", (article_key(doc.text),)
        ).fetchone()
        if row is None and (path := _norm_path(doc.source)):
            row = conn.execute(
                "SELECT id, key, path, title, created, updated FROM articles WHERE path = ? "
                "ORDER BY updated DESC, id DESC LIMIT 1",
                (path,),
            ).fetchone()
        return row

    def _upsert_article(self, conn: sqlite3.Connection, doc: Document, create: bool = True) -> int | None:
        """The article's row id after recording its current hash, path and title.

        Found by hash, else by last path (the file was edited: its highlights are re-anchored
        to the new text and stored that way), else created (when `create`).
        """
        key, path, stamp = article_key(doc.text), _norm_path(doc.source), now_iso()
        row = self._find(conn, doc)
        if row is None:
            if not create:
                return None
            cur = conn.execute(
                "INSERT INTO articles (key, path, title, created, updated) VALUES (?, ?, ?, ?, ?)",
                (key, path, doc.title, stamp, stamp),
            )
            return int(cur.lastrowid)
        article_id, old_key, old_path, old_title = row[0], row[1], row[2], row[3]
        if old_key != key:
            self._rebase(conn, article_id, doc.text, stamp)
        if old_key != key or (path and path != old_path) or (doc.title and doc.title != old_title):
            conn.execute(
                "UPDATE articles SET key = ?, path = ?, title = ?, updated = ? WHERE id = ?",
                (key, path or old_path, doc.title or old_title, stamp, article_id),
            )
        return int(article_id)

    @staticmethod
    def _rebase(conn: sqlite3.Connection, article_id: int, text: str, stamp: str) -> None:
        """Re-anchor an article's highlights to its new text and store the new spans."""
        rows = conn.execute(
            "SELECT id, span_start, span_end, quote, before, after FROM highlights WHERE article_id = ?",
            (article_id,),
        ).fetchall()
        for hid, start, end, quote, before, after in rows:
            found = reanchor(text, start, end, quote, before, after)
            if not found.anchored:
                conn.execute("UPDATE highlights SET anchored = 0 WHERE id = ?", (hid,))
                continue
            new_before, new_after = context_of(text, found.start, found.end)
            conn.execute(
                "UPDATE highlights SET span_start = ?, span_end = ?, quote = ?, before = ?, after = ?, "
                "anchored = 1 WHERE id = ?",
                (found.start, found.end, text[found.start : found.end], new_before, new_after, hid),
            )

    # -- highlights --------------------------------------------------------------

    def add_highlight(self, doc: Document, start: int, end: int, note: str = "") -> Highlight:
        """Save a highlight of doc.text[start:end] with an optional note; committed on return."""
        if not 0 <= start < end <= len(doc.text):
            raise ValueError(f"highlight span {start}-{end} is not inside the text (length {len(doc.text)})")
        quote = doc.text[start:end]
        before, after = context_of(doc.text, start, end)
        stamp = now_iso()

        def change(conn: sqlite3.Connection) -> Highlight:
            article_id = self._upsert_article(conn, doc)
            cur = conn.execute(
                "INSERT INTO highlights (article_id, span_start, span_end, quote, before, after, note, "
                "anchored, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (article_id, start, end, quote, before, after, note, stamp, stamp),
            )
            return Highlight(int(cur.lastrowid), start, end, quote, note, stamp, stamp, True)

        return self._write(change)

    def update_note(self, highlight_id: int, note: str) -> Highlight:
        """Replace a highlight's note; committed on return."""
        stamp = now_iso()

        def change(conn: sqlite3.Connection) -> Highlight:
            cur = conn.execute("UPDATE highlights SET note = ?, updated = ? WHERE id = ?", (note, stamp, highlight_id))
            if cur.rowcount == 0:
                raise NotesError(f"highlight {highlight_id} no longer exists")
            return self._get(conn, highlight_id)

        return self._write(change)

    def delete_highlight(self, highlight_id: int) -> None:
        """Delete a highlight (deleting one that is already gone is not an error)."""
        self._write(lambda conn: conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,)))

    def get(self, highlight_id: int) -> Highlight | None:
        """One highlight as stored (its span refers to the last text it was anchored to)."""
        return self._read(lambda conn: self._get(conn, highlight_id, missing_ok=True), None)

    @staticmethod
    def _get(conn: sqlite3.Connection, highlight_id: int, missing_ok: bool = False) -> Highlight:
        row = conn.execute(
            "SELECT id, span_start, span_end, quote, note, created, updated, anchored FROM highlights WHERE id = ?",
            (highlight_id,),
        ).fetchone()
        if row is None:
            if missing_ok:
                return None  # type: ignore[return-value]
            raise NotesError(f"highlight {highlight_id} no longer exists")
        return Highlight(row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]))

    def highlights(self, doc: Document) -> list[Highlight]:
        """The article's highlights re-anchored to doc.text: in text order, unanchored ones last."""
        if self._conn is None:
            return []
        row = self._read(lambda conn: self._find(conn, doc), None)
        if row is None:
            return []
        path = _norm_path(doc.source)
        stale = row[1] != article_key(doc.text) or (path and path != row[2]) or (doc.title and doc.title != row[3])
        if stale and not self.read_only:
            try:  # remember the new path/title, and store re-anchored spans if the text changed
                self._write(lambda conn: self._upsert_article(conn, doc, create=False))
            except NotesError:
                pass

        def query(conn: sqlite3.Connection) -> list[tuple]:
            row = self._find(conn, doc)
            if row is None:
                return []
            return conn.execute(
                "SELECT id, span_start, span_end, quote, before, after, note, created, updated "
                "FROM highlights WHERE article_id = ?",
                (row[0],),
            ).fetchall()

        out: list[Highlight] = []
        for hid, start, end, quote, before, after, note, created, updated in self._read(query, []):
            found = reanchor(doc.text, start, end, quote, before, after)
            shown = doc.text[found.start : found.end] if found.anchored else quote
            out.append(Highlight(hid, found.start, found.end, shown, note, created, updated, found.anchored))
        out.sort(key=lambda h: (not h.anchored, h.start if h.anchored else 0, h.end if h.anchored else 0, h.id))
        return out

    def all_highlights(self) -> list[tuple[ArticleInfo, Highlight]]:
        """Every highlight with its article, as stored: by article title, then position."""

        def query(conn: sqlite3.Connection) -> list[tuple[ArticleInfo, Highlight]]:
            rows = conn.execute(
                "SELECT a.id, a.key, a.path, a.title, a.created, a.updated, h.id, h.span_start, h.span_end, "
                "h.quote, h.note, h.created, h.updated, h.anchored FROM highlights h "
                "JOIN articles a ON a.id = h.article_id ORDER BY a.title, a.id, h.span_start, h.id"
            ).fetchall()
            return [(ArticleInfo(*r[:6]), Highlight(r[6], r[7], r[8], r[9], r[10], r[11], r[12], bool(r[13]))) for r in rows]

        return self._read(query, [])

    def articles(self) -> list[ArticleInfo]:
        """Every article the store knows, most recently updated first."""
        return self._read(
            lambda conn: [
                ArticleInfo(*r)
                for r in conn.execute(
                    "SELECT id, key, path, title, created, updated FROM articles ORDER BY updated DESC, id DESC"
                )
            ],
            [],
        )

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
