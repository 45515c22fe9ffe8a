"""Progress display of a seeding run: one bar per table on stderr (only on a terminal).

Refreshed on each write, without rich's refresh thread, so the run may still fork.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from seeds.loader import Progress as ProgressCallback


@contextmanager
def table_bars(console: Console | None = None) -> Iterator[ProgressCallback]:
    """A progress callback drawing a bar (rows written so far) per table; full bars at the end."""
    console = console or Console(stderr=True)
    bars = Progress(TextColumn("{task.description:<20}"), BarColumn(),
                    TextColumn("{task.completed:>10,.0f}"), TimeElapsedColumn(),
                    console=console, disable=not console.is_terminal, auto_refresh=False)
    tasks: dict[str, TaskID] = {}

    def advance(table: str, rows: int) -> None:
        if table not in tasks:
            tasks[table] = bars.add_task(table, total=None)
        bars.advance(tasks[table], rows)
        bars.refresh()

    with bars:
        yield advance
        for task in bars.tasks:
            bars.update(task.id, total=task.completed)
        bars.refresh()
