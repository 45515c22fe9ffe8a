"""`seed_world`: build the background world for a seed and scale and write it in one go."""

import os
import time
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

from gladi.db import reset_sequences
from gladi.formats import WORLD_NOW
from gladi.schema import ensure_schema
from seeds import loader, producer
from seeds.progress import table_bars
from seeds.scales import get_scale

PARALLEL_MIN_CPUS = 2  # the child pays off with a core of its own (2 cores: ~10% faster)


class WorldExists(RuntimeError):
    """The database already holds a background world and `force` was not given."""


@dataclass(frozen=True)
class SeedResult:
    """What a seeding run wrote and how long it took."""

    rows_per_table: dict[str, int]
    seconds: float

    @property
    def rows(self) -> int:
        """Rows written in all."""
        return sum(self.rows_per_table.values())


def _prepare(conn: Connection, force: bool) -> dict[str, int]:
    """Refuse or clear an existing world; returns the first free id of every table."""
    existing = loader.world_info_row(conn)
    if existing and not force:
        raise WorldExists(
            f"the database already holds a world (seed {existing['seed']}, scale "
            f"{existing['scale']!r}); use --force to replace it"
        )
    loader.delete_background(conn)  # first write: opens the transaction (also on SQLite)
    return loader.first_free_ids(conn)


def seed_world(engine: Engine, seed: int, scale: str, force: bool = False,
               progress: loader.Progress | bool | None = None,
               parallel: bool | None = None) -> SeedResult:
    """Write the background world of `seed` at `scale` in one transaction.

    Raises UnknownScale for a bad scale and WorldExists if a world is there and not `force`;
    with `force` the old background rows go and rows of episodes stay. `parallel` (default:
    above the small scale on 2+ CPUs) generates the rows in a forked child process when the
    database is SQLite and forking is safe (no other threads); the rows are the same either way.
    `progress`: a callback (table, rows written), or True for bars on stderr.
    """
    if progress is True:
        with table_bars() as bars:
            return seed_world(engine, seed, scale, force, bars, parallel)
    size = get_scale(scale)
    sqlite = engine.dialect.name == "sqlite"
    if parallel is None:
        parallel = size.name != "small" and (os.cpu_count() or 1) >= PARALLEL_MIN_CPUS
    parallel = parallel and sqlite and producer.can_fork()
    started = time.perf_counter()
    ensure_schema(engine)
    with engine.begin() as conn:
        first_ids = _prepare(conn, force)
        indexes = loader.drop_indexes(conn)
        write = loader.Writer(conn, progress or None)
        if parallel:
            counts = producer.write_forked(seed, size, first_ids, write.write_prepared,
                                           loader.prepare_for_sqlite)
        else:
            counts = producer.generate_all(seed, size, first_ids, write)
        loader.create_indexes(conn, indexes, progress or None)
        conn.execute(loader.WORLD_INFO.insert(), [{
            "id": 1, "seed": seed, "scale": size.name, "world_now": WORLD_NOW,
            "rows": sum(counts.values()) + 1,
        }])
        reset_sequences(conn, list(loader.TABLES))  # PostgreSQL: next ids after ours
    counts["world_info"] = 1
    return SeedResult(rows_per_table=counts, seconds=time.perf_counter() - started)
