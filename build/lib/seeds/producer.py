"""Row generation, in this process or in a forked child process that hands rows over.

Generating rows is pure Python and takes longer than storing them, so on SQLite the world
can be generated in a forked child while this process writes (two cores busy instead of
one). The child also turns each chunk into SQLite parameter tuples (`prepare`): tuples of
text and numbers pickle far cheaper than dicts of datetimes, which made the child slower than
generating here. The child runs exactly the same code in the same order, so the rows and
their ids are identical either way.
"""

import multiprocessing
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection as Pipe
from queue import Queue
from typing import Any

from seeds.builders.rows import Row
from seeds.generate.context import Context
from seeds.generate.enterprise import generate_enterprise
from seeds.generate.indihome import generate_indihome
from seeds.generate.mobile import generate_mobile
from seeds.generate.orders import generate_orders
from seeds.generate.support import generate_support
from seeds.loader import Emit, Sink
from seeds.pools import build_pools
from seeds.scales import Scale

GENERATORS = (generate_enterprise, generate_mobile, generate_indihome, generate_orders,
              generate_support)


OUTBOX_CHUNKS = 8
Message = tuple[str, str, Any]
"""("rows", table, prepared rows) | ("done", "", counts) | ("error", "", traceback text)."""
Prepare = Callable[[str, list[Row]], list[Any]]
"""Turns a chunk of one table's rows into what the parent writes (in the child)."""


def _as_they_are(_table: str, rows: list[Row]) -> list[Any]:
    return rows


class ProducerFailed(RuntimeError):
    """The child process that generates rows failed (its traceback is the message)."""


def generate_all(seed: int, scale: Scale, first_ids: dict[str, int], emit: Emit) -> dict[str, int]:
    """Run every domain generator; returns rows emitted per table."""
    sink = Sink(emit, first_ids=first_ids)
    ctx = Context(seed=seed, scale=scale, pools=build_pools(seed, scale.pool_size), sink=sink)
    for generate in GENERATORS:
        generate(ctx)
    return sink.close()


def _send_all(pipe: Pipe, outbox: "Queue[Message | None]") -> None:
    """Forward queued messages to the parent (a thread, so generating never waits on it)."""
    while (message := outbox.get()) is not None:
        pipe.send(message)


def _child(pipe: Pipe, seed: int, scale: Scale, first_ids: dict[str, int],
           prepare: Prepare) -> None:
    outbox: Queue[Message | None] = Queue(maxsize=OUTBOX_CHUNKS)
    sender = threading.Thread(target=_send_all, args=(pipe, outbox), daemon=True)
    sender.start()
    try:
        counts = generate_all(seed, scale, first_ids,
                              lambda table, rows: outbox.put(("rows", table, prepare(table, rows))))
        outbox.put(("done", "", counts))
    except BaseException:  # report anything, the parent decides
        outbox.put(("error", "", traceback.format_exc()))
    finally:
        outbox.put(None)
        sender.join()
        pipe.close()


def forked_rows(seed: int, scale: Scale, first_ids: dict[str, int],
                prepare: Prepare = _as_they_are) -> Iterator[tuple[str, list[Any]]]:
    """(table, prepare(table, rows)) chunks generated in a forked child process.

    Stops the child if the consumer stops early (an error while writing).
    """
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(theirs, seed, scale, first_ids, prepare),
                            daemon=True)
    child.start()
    theirs.close()
    try:
        while True:
            kind, table, payload = ours.recv()
            if kind == "error":
                raise ProducerFailed(payload)
            if kind == "done":
                return
            yield table, payload
    finally:
        ours.close()
        if child.is_alive():
            child.terminate()
        child.join()


def can_fork() -> bool:
    """Whether forking is available and safe here (a process with other threads is not)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def write_forked(seed: int, scale: Scale, first_ids: dict[str, int],
                 write: Callable[[str, list[Any]], None],
                 prepare: Prepare = _as_they_are) -> dict[str, int]:
    """Generate (and `prepare`) in a child and `write` each chunk here; returns rows written
    per table."""
    counts: dict[str, int] = {}
    for table, rows in forked_rows(seed, scale, first_ids, prepare):
        write(table, rows)
        counts[table] = counts.get(table, 0) + len(rows)
    return counts
