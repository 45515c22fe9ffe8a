"""Fixtures for the scenario engine: the repository's library and an empty in-memory world."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gladi.db import build_engine
from gladi.schema import ensure_schema
from scenarios.library import Library, load_library

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
BROKEN = Path(__file__).resolve().parent / "broken"


@pytest.fixture(scope="session")
def library() -> Library:
    """The committed scenario library (must load without problems)."""
    return load_library(SCENARIOS)


@pytest.fixture
def mem_engine() -> Iterator[Engine]:
    """An in-memory SQLite database with the schema and no background world."""
    engine = build_engine("sqlite://")
    ensure_schema(engine)
    yield engine
    engine.dispose()
