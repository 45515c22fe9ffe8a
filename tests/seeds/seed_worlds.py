"""Helpers of the seeds tests: fresh SQLite files, dumps, and worlds generated in memory."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from gladi.db import build_engine
from seeds.producer import generate_all
from seeds.scales import SCALES

SEED = 11
World = dict[str, list[dict[str, Any]]]


def fresh_engine(path: Path) -> Engine:
    """An engine on a new SQLite file."""
    return build_engine(f"sqlite:///{path}")


def dump(path: Path) -> list[str]:
    """The database as SQL text (sqlite3 .iterdump), for byte-for-byte comparisons."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def generated(seed: int, scale: str = "small") -> World:
    """The rows a seed produces, per table, without any database."""
    world: World = {}

    def keep(table: str, rows: list[dict[str, Any]]) -> None:
        world.setdefault(table, []).extend(rows)

    generate_all(seed, SCALES[scale], {}, keep)
    return world
