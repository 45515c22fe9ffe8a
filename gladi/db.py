"""Database engines: SQLite by default (WAL, one file under var/), PostgreSQL by URL."""

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Result, RowMapping, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from gladi.settings import get_settings


class DatabaseUrlError(ValueError):
    """The configured database URL cannot be used."""


CHECKPOINT_SECONDS = 0.2
"""How often a serving process copies the WAL into the database (background_checkpoints)."""
AUTOCHECKPOINT_PAGES = 20000
"""WAL size (pages) at which a commit checkpoints by itself: a backstop; while serving, the
background thread keeps the WAL far below it."""


def _tune_sqlite(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    cur.close()


def private_file(database: str) -> None:
    """Create the SQLite file readable by its owner only (0600), or take group and world
    access away from one we own: it holds password hashes, sessions and answer keys. SQLite
    gives its -wal and -shm files the same mode."""
    path = Path(database)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        return
    info = path.stat()
    if info.st_uid == os.getuid() and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        path.chmod(stat.S_IMODE(info.st_mode) & ~(stat.S_IRWXG | stat.S_IRWXO))


def build_engine(url: str) -> Engine:
    """Create an engine for `url`; SQLite files get their folder created and WAL mode."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:"):
            engine = create_engine(
                url, connect_args={"check_same_thread": False}, poolclass=StaticPool
            )
        else:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            if not database.startswith("file:"):
                private_file(database)
            engine = create_engine(
                url, connect_args={"check_same_thread": False}, pool_size=8, max_overflow=32
            )
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(False))
        return create_engine(url, pool_size=8, max_overflow=32, pool_pre_ping=True)
    raise DatabaseUrlError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite:/// or postgresql://"
    )


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One shared engine per URL in this process."""
    return build_engine(url)


def get_engine() -> Engine:
    """The engine for the configured GLADI_DATABASE_URL."""
    return engine_for(get_settings().database_url)


@contextmanager
def connect(engine: Engine | None = None) -> Iterator[Connection]:
    """A connection in a transaction that commits on success and rolls back on error."""
    with (engine or get_engine()).begin() as conn:
        yield conn


def first_mapping(result: Result[Any]) -> RowMapping | None:
    """The first row of `result` as a mapping, or None (the result is closed either way).

    Same as `result.mappings().first()`, about a third cheaper: the key lookups run on every
    tool screen, where SQLAlchemy's MappingResult wrapper cost as much as SQLite's own work.
    """
    row = result.first()
    return None if row is None else row._mapping


def reset_sequences(conn: Connection, tables: list[str]) -> None:
    """After bulk loads with explicit ids, move PostgreSQL's id sequences past the max id.

    SQLite needs nothing (it takes max(rowid)+1); PostgreSQL would hand out ids already used.
    """
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    for table in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
            )
        )


class HeldConnection:
    """A SQLite connection one thread keeps open between its uses.

    The event loop of a serving process runs the tool queries inline, one after another;
    checking a pooled connection out and back in for each of them cost about as much as the
    lookup itself (~22 us against SQLite's ~7 us). The loop's thread takes this connection
    instead; every use ends with its transaction committed or rolled back, so nothing (no
    snapshot, no lock) outlives a request. Any other thread, a nested use, and engines other
    than SQLite files (PostgreSQL connections can drop: they keep the pool's pre-ping) get
    None from `take` and use the pool as usual.
    """

    def __init__(self, engine: Engine) -> None:
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self.engine = engine
        self._usable = bool(database) and database != ":memory:"
        self._thread = threading.get_ident()
        self._conn: Connection | None = None
        self._in_use = False

    def take(self) -> Connection | None:
        """The held connection (opened on first use), or None: use the pool instead."""
        if self._in_use or not self._usable or threading.get_ident() != self._thread:
            return None
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            conn = self._conn = self.engine.connect()
        self._in_use = True
        return conn

    def release(self, *, failed: bool = False) -> None:
        """End a use: roll back whatever is uncommitted; after a failure that was not a
        refused request, close the connection (the next use opens a fresh one)."""
        self._in_use = False
        conn = self._conn
        if conn is None:
            return
        try:
            if failed:
                self.close()
            elif conn.in_transaction():
                conn.rollback()
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        """Give the connection back to the pool (e.g. when the app shuts down)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            with suppress(Exception):
                conn.close()


@contextmanager
def held_connection(engine: Engine) -> Iterator[HeldConnection]:
    """A HeldConnection for the calling thread, closed on exit."""
    held = HeldConnection(engine)
    try:
        yield held
    finally:
        held.close()


@contextmanager
def background_checkpoints(engine: Engine, every: float = CHECKPOINT_SECONDS) -> Iterator[None]:
    """While serving from a SQLite file, checkpoint its WAL from a thread every `every` s.

    A commit is durable once it is in the WAL (synchronous=NORMAL); copying the WAL back into
    the database (a checkpoint, with its two fsyncs) is housekeeping. Done by the commit that
    crosses the autocheckpoint size, it blocked the event loop, and so every request in flight,
    for milliseconds; this thread does it with the GIL released instead. No-op elsewhere.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    stop = threading.Event()

    def checkpoint_loop() -> None:
        conn = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
        try:
            while not stop.wait(every):
                with suppress(sqlite3.Error):  # busy or locked: the next round catches up
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            conn.close()

    thread = threading.Thread(target=checkpoint_loop, name="gladi-wal-checkpoint", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
