"""`gladi seed`: build the background fake world (deterministic for a seed and scale)."""

import typer
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from gladi.cli.common import fail
from gladi.db import DatabaseUrlError, build_engine
from gladi.settings import get_settings
from seeds.producer import ProducerFailed
from seeds.progress import table_bars
from seeds.scales import SCALES
from seeds.world import WorldExists, seed_world


def _seed_number(raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        fail(f"--seed must be a whole number, got {raw!r}")


def _engine(url: str) -> Engine:
    """An engine for `url` that has answered once; any problem is a one-line exit 2."""
    shown = _shown_url(url)
    try:
        engine = build_engine(url)
        with engine.connect():
            pass
    except DatabaseUrlError as exc:
        fail(str(exc))
    except (DBAPIError, OSError) as exc:
        fail(f"cannot reach database {shown}: {_one_line(exc)}")
    return engine


def _one_line(error: BaseException) -> str:
    """The driver's message of a database error, on one line."""
    return " ".join(str(getattr(error, "orig", None) or error).split())


def _shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def seed(
    seed: str = typer.Option(None, "--seed", help="Seed (whole number; default GLADI_SEED)."),
    scale: str = typer.Option(None, "--scale", help="small, default or large (GLADI_SCALE)."),
    db: str = typer.Option(None, "--db", help="Database URL (default GLADI_DATABASE_URL)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing background world."),
) -> None:
    """Generate the background world (customers, services, bills, orders ...) into the DB."""
    settings = get_settings()
    number = _seed_number(seed if seed is not None else str(settings.seed))
    scale_name = scale or settings.scale
    if scale_name not in SCALES:
        fail(f"unknown scale {scale_name!r}: choose one of {', '.join(SCALES)}")
    url = db or settings.database_url
    engine = _engine(url)
    try:
        with table_bars() as progress:
            result = seed_world(engine, number, scale_name, force=force, progress=progress)
    except WorldExists as exc:
        fail(str(exc))
    except (DBAPIError, ProducerFailed) as exc:
        fail(f"seeding failed, nothing was written: {_one_line(exc)}", code=1)
    finally:
        engine.dispose()
    rate = result.rows / result.seconds if result.seconds else 0
    typer.echo(
        f"seeded {scale_name} world (seed {number}) into {_shown_url(url)}: "
        f"{result.rows:,} rows in {result.seconds:.1f} s ({rate:,.0f} rows/s)"
    )
