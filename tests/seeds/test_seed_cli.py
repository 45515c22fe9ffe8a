"""`gladi seed`: what a user sees for good and bad input."""

from pathlib import Path

import pytest
from sqlalchemy import insert, select
from typer.testing import CliRunner

from gladi.cli.main import app
from gladi.settings import get_settings
from seeds.loader import TABLES
from tests.seeds.seed_worlds import fresh_engine

runner = CliRunner()


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GLADI_SEED", "GLADI_SCALE", "GLADI_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()


@pytest.mark.parametrize(("args", "message"), [
    (["--seed", "abc"], "gladi: --seed must be a whole number, got 'abc'"),
    (["--seed", "1.5"], "gladi: --seed must be a whole number, got '1.5'"),
    (["--scale", "huge"], "gladi: unknown scale 'huge': choose one of small, default, large"),
    (["--db", "not a url"], "gladi: not a database URL: 'not a url'"),
    (["--db", "mysql://u@h/db"], "gladi: unsupported database 'mysql'"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["seed", "--db", url_of(tmp_path / "x.db"), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.db").exists() or "--db" in args


def test_unreachable_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["seed", "--scale", "small", "--db", url_of(blocker / "x.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("gladi: cannot reach database sqlite:///")
    assert result.stderr.count("\n") == 1


def test_unreachable_postgres_hides_the_password(tmp_path: Path) -> None:
    result = runner.invoke(app, ["seed", "--db", "postgresql://gladi:s3cret@127.0.0.1:1/gladi"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "cannot reach database" in result.stderr and "s3cret" not in result.stderr


def test_seed_then_refuse_then_force(tmp_path: Path) -> None:
    url = url_of(tmp_path / "w.db")
    first = runner.invoke(app, ["seed", "--seed", "5", "--scale", "small", "--db", url])
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("seeded small world (seed 5) into sqlite:///")
    assert first.stderr == ""
    again = runner.invoke(app, ["seed", "--seed", "6", "--scale", "small", "--db", url])
    assert again.exit_code == 2
    assert again.stderr == ("gladi: the database already holds a world (seed 5, scale 'small'); "
                            "use --force to replace it\n")
    forced = runner.invoke(app, ["seed", "--seed", "6", "--scale", "small", "--db", url, "--force"])
    assert forced.exit_code == 0, forced.stderr
    engine = fresh_engine(tmp_path / "w.db")
    with engine.connect() as conn:
        assert conn.execute(select(TABLES["world_info"].c.seed)).scalar_one() == 6
    engine.dispose()


def test_force_replaces_the_background_and_keeps_episode_rows(tmp_path: Path) -> None:
    url = url_of(tmp_path / "w.db")
    first = runner.invoke(app, ["seed", "--seed", "5", "--scale", "small", "--db", url])
    assert first.exit_code == 0
    engine = fresh_engine(tmp_path / "w.db")
    subscriber = TABLES["subscriber"]
    with engine.begin() as conn:
        background = set(conn.execute(select(subscriber.c.msisdn)).scalars())
        row = dict(conn.execute(select(subscriber).limit(1)).mappings().one())
        row.update(id=None, msisdn="081200000001", episode_id="episode-1")
        conn.execute(insert(subscriber), [row])
    forced = runner.invoke(app, ["seed", "--seed", "6", "--scale", "small", "--db", url, "--force"])
    assert forced.exit_code == 0, forced.stderr
    with engine.connect() as conn:
        kept = conn.execute(select(subscriber).where(subscriber.c.episode_id == "episode-1")).all()
        now = set(conn.execute(select(subscriber.c.msisdn)
                               .where(subscriber.c.episode_id.is_(None))).scalars())
        ids = list(conn.execute(select(subscriber.c.id)).scalars())
    engine.dispose()
    assert len(kept) == 1 and now and not now & background
    assert len(ids) == len(set(ids))


def test_defaults_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLADI_DATABASE_URL", url_of(tmp_path / "env.db"))
    monkeypatch.setenv("GLADI_SEED", "9")
    monkeypatch.setenv("GLADI_SCALE", "small")
    get_settings.cache_clear()
    result = runner.invoke(app, ["seed"])
    assert result.exit_code == 0, result.stderr
    assert "seeded small world (seed 9)" in result.stdout and (tmp_path / "env.db").exists()
