"""Same seed and scale, same database to the byte; another seed, another world."""

from pathlib import Path

import pytest

from seeds import producer
from seeds.scales import SCALES
from seeds.world import seed_world
from tests.seeds.seed_worlds import dump, fresh_engine


def seeded_dump(path: Path, seed: int, **options: object) -> list[str]:
    engine = fresh_engine(path)
    seed_world(engine, seed, "small", **options)  # type: ignore[arg-type]
    engine.dispose()
    return dump(path)


def test_same_seed_gives_an_identical_dump(tmp_path: Path) -> None:
    first = seeded_dump(tmp_path / "a.db", 21)
    assert first == seeded_dump(tmp_path / "b.db", 21)
    assert any("INSERT INTO \"subscriber\"" in line for line in first)


def test_another_seed_gives_another_world(tmp_path: Path) -> None:
    assert seeded_dump(tmp_path / "a.db", 21) != seeded_dump(tmp_path / "b.db", 22)


def test_generating_in_a_child_process_writes_the_same_rows(tmp_path: Path) -> None:
    here = seeded_dump(tmp_path / "here.db", 5, parallel=False)
    assert here == seeded_dump(tmp_path / "child.db", 5, parallel=True)


@pytest.mark.skipif(not producer.can_fork(), reason="fork is unavailable or unsafe here")
def test_the_child_process_yields_the_rows_generated_here() -> None:
    here: dict[str, list[dict[str, object]]] = {}
    producer.generate_all(5, SCALES["small"], {},
                          lambda table, rows: here.setdefault(table, []).extend(rows))
    there: dict[str, list[dict[str, object]]] = {}
    for table, rows in producer.forked_rows(5, SCALES["small"], {}):
        there.setdefault(table, []).extend(rows)
    assert there == here
