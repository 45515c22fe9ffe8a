"""Bulk writer: rows buffered per table and inserted in chunks with SQLAlchemy Core.

Everything runs on the caller's connection, so the whole world is written in one transaction:
if anything fails, nothing of the new world (and nothing of a replaced one) changes.
"""

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, func, inspect, select

from gladi.world import WORLD_TABLES, WorldInfo
from seeds import fast_sqlite
from seeds.builders.rows import Row

Progress = Callable[[str, int], None]
"""Called with (table name, rows just written)."""

TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[attr-defined,misc]
    for model in WORLD_TABLES
}
WORLD_INFO: Table = WorldInfo.__table__  # type: ignore[attr-defined]
DEFAULT_CHUNK = 5_000


def write_rows(conn: Connection, table: Table, rows: list[Row]) -> None:
    """One executemany of `rows` into `table` (SQLite: pre-converted tuples, same stored text)."""
    if conn.dialect.name == "sqlite" and fast_sqlite.insert(conn, table, rows):
        return
    conn.execute(table.insert(), rows)


Emit = Callable[[str, list[Row]], None]
"""Receives a full buffer: (table name, rows)."""


class Sink:
    """Gives rows their ids and buffers them per table; a full buffer goes to `emit`."""

    def __init__(self, emit: Emit, *, first_ids: dict[str, int] | None = None,
                 chunk: int = DEFAULT_CHUNK) -> None:
        self.emit = emit
        self.chunk = chunk
        self.counts: dict[str, int] = {}
        self._last_id = {name: start - 1 for name, start in (first_ids or {}).items()}
        self._buffers: dict[str, list[Row]] = {}

    def reserve(self, table: str) -> int:
        """The next id of `table` (for a row whose children need it first)."""
        last = self._last_id[table] = self._last_id.get(table, 0) + 1
        return last

    def add(self, table: str, row: Row) -> int:
        """Queue `row`, giving it the next id unless it has one; returns the id."""
        if row.get("id") is None:
            row["id"] = self.reserve(table)
        buffer = self._buffers.get(table)
        if buffer is None:
            buffer = self._buffers[table] = []
        buffer.append(row)
        if len(buffer) >= self.chunk:
            self._flush(table)
        return int(row["id"])

    def extend(self, table: str, rows: list[Row]) -> None:
        """`add` every row of `rows` (the fast way for a list of one table's rows)."""
        buffer = self._buffers.get(table)
        if buffer is None:
            buffer = self._buffers[table] = []
        last = self._last_id.get(table, 0)
        for row in rows:
            if row.get("id") is None:
                last += 1
                row["id"] = last
            buffer.append(row)
        self._last_id[table] = last
        if len(buffer) >= self.chunk:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._buffers.pop(table, [])
        if rows:
            self.emit(table, rows)
            self.counts[table] = self.counts.get(table, 0) + len(rows)

    def close(self) -> dict[str, int]:
        """Emit what is left; returns rows emitted per table."""
        for table in list(self._buffers):
            self._flush(table)
        return dict(self.counts)


def prepare_for_sqlite(table: str, rows: list[Row]) -> list[Any]:
    """The rows as SQLite parameter tuples (`fast_sqlite.as_tuples`), or as they are when a
    row lacks a column (Core fills its default). Done where the rows are generated, so a
    forked generator hands over plain tuples: cheaper to pickle than dicts of datetimes."""
    try:
        return fast_sqlite.as_tuples(TABLES[table], rows)
    except KeyError:
        return rows


class Writer:
    """Writes emitted rows on one connection and reports progress."""

    def __init__(self, conn: Connection, progress: Progress | None = None) -> None:
        self.conn = conn
        self.progress = progress

    def __call__(self, table: str, rows: list[Row]) -> None:
        write_rows(self.conn, TABLES[table], rows)
        if self.progress:
            self.progress(table, len(rows))

    def write_prepared(self, table: str, prepared: list[Any]) -> None:
        """Write what `prepare_for_sqlite` made (tuples, or rows it left as they were)."""
        if prepared and isinstance(prepared[0], tuple):
            fast_sqlite.insert_tuples(self.conn, TABLES[table], prepared)
        else:
            write_rows(self.conn, TABLES[table], prepared)
        if self.progress:
            self.progress(table, len(prepared))


def background_tables() -> Iterable[Table]:
    """The world tables that hold background rows (all but world_info)."""
    return (table for name, table in TABLES.items() if name != WORLD_INFO.name)


def delete_background(conn: Connection) -> None:
    """Remove the background world (episode_id IS NULL) and the world_info row."""
    conn.execute(WORLD_INFO.delete())
    for table in background_tables():
        conn.execute(table.delete().where(table.c.episode_id.is_(None)))


def first_free_ids(conn: Connection) -> dict[str, int]:
    """Per table, the first id above every remaining (episode) row."""
    return {
        table.name: int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        + 1
        for table in background_tables()
    }


class IndexSpec(NamedTuple):
    """A secondary index as the database holds it (whatever the migrations named it)."""

    table: str
    name: str
    columns: tuple[str, ...]
    unique: bool


def drop_indexes(conn: Connection) -> list[IndexSpec]:
    """Drop the plain-column secondary indexes of the world tables; returns them for later."""
    inspector = inspect(conn)
    quote = conn.dialect.identifier_preparer.quote
    specs = []
    for table in background_tables():
        for index in inspector.get_indexes(table.name):
            names = index.get("column_names") or []
            if not index.get("name") or not names or None in names:
                continue  # expression indexes stay
            columns = tuple(str(name) for name in names)
            specs.append(IndexSpec(table.name, str(index["name"]), columns, bool(index["unique"])))
            conn.exec_driver_sql(f"DROP INDEX {quote(str(index['name']))}")
    return specs


def create_indexes(conn: Connection, specs: list[IndexSpec],
                   progress: Progress | None = None) -> None:
    """Re-create dropped indexes after the bulk insert (one sort each instead of N inserts)."""
    quote = conn.dialect.identifier_preparer.quote
    for spec in specs:
        columns = ", ".join(quote(column) for column in spec.columns)
        unique = "UNIQUE " if spec.unique else ""
        conn.exec_driver_sql(
            f"CREATE {unique}INDEX {quote(spec.name)} ON {quote(spec.table)} ({columns})")
        if progress:
            progress("indexes", 1)


def world_info_row(conn: Connection) -> dict[str, Any] | None:
    """The world_info row, if a world has been seeded."""
    row = conn.execute(select(WORLD_INFO)).mappings().first()
    return dict(row) if row else None
