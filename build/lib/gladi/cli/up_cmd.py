"""`gladi up` (what `make run` calls): seed if needed, first trainer, start API and trainer UI."""

import os
import subprocess
import sys
import time

import typer
from sqlalchemy import select

from gladi.cli.common import open_engine
from gladi.episodes.accounts import FIRST_TRAINER, ensure_first_trainer
from gladi.processes import answers
from gladi.settings import get_settings
from gladi.world import WorldInfo


def _seed_if_needed(scale: str, seed: int) -> None:
    from seeds.world import seed_world

    engine = open_engine(None)
    with engine.connect() as conn:
        table = WorldInfo.__table__  # type: ignore[attr-defined]
        seeded = conn.execute(select(table.c.id)).first() is not None
    if seeded:
        typer.echo("world already seeded")
    else:
        typer.echo(f"seeding the {scale} world (seed {seed}) ...")
        seed_world(engine, seed=seed, scale=scale, force=False, progress=True)
    with engine.begin() as conn:
        password = ensure_first_trainer(conn)
    if password:
        typer.echo(
            f"\nFirst run: trainer account created\n  user:     {FIRST_TRAINER}\n"
            f"  password: {password}\n(shown once; reset with `gladi user passwd trainer`)"
        )
    engine.dispose()


def up(
    scale: str = typer.Option(None, "--scale", help="World scale if not seeded yet."),
    seed: int = typer.Option(None, "--seed", help="World seed if not seeded yet."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="API worker processes."),
) -> None:
    """Seed the world if needed, then run the API and the trainer UI until Ctrl-C."""
    settings = get_settings()
    _seed_if_needed(scale or settings.scale, settings.seed if seed is None else seed)
    api = f"http://{settings.host}:{settings.port}"
    env = {**os.environ, "GLADI_API_URL": api}
    gladi = [sys.executable, "-m", "gladi.cli.main"]
    procs = [
        subprocess.Popen([*gladi, "serve", "--workers", str(workers)], env=env),
        subprocess.Popen([*gladi, "ui", "--port", str(settings.ui_port)], env=env),
    ]
    try:
        ok = answers(f"{api}/healthz", watch=procs) and answers(
            f"http://127.0.0.1:{settings.ui_port}", watch=procs
        )
        typer.echo("\nGladi is running:" if ok else "\nGladi did not come up; see the log above")
        typer.echo(f"  trainer UI:  http://127.0.0.1:{settings.ui_port}")
        typer.echo(f"  API + docs:  {api}/docs")
        typer.echo("Press Ctrl-C to stop.")
        while all(p.poll() is None for p in procs):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)
