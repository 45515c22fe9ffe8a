"""Serve the app on a free loopback port in a background thread (for in-process runs)."""

import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from gladi.db import get_engine
from gladi.episodes.accounts import remove_user
from gladi.episodes.auth import create_user, login
from gladi.httpserver import uvicorn_options


@contextmanager
def local_server() -> Iterator[str]:
    """Yield the base URL of a real HTTP server running `mocks.app` on the configured DB."""
    from mocks.app import create_app

    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=0, lifespan="on", **uvicorn_options())
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the in-process server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def temporary_assessor() -> Iterator[str]:
    """A throwaway assessor account in the configured DB: yields its token; afterwards the
    account and its sessions are removed (its episodes stay, out of the cohort's results)."""
    name = f"assess_{secrets.token_hex(4)}"
    with get_engine().begin() as conn:
        password = create_user(conn, name, "assessor")
        token, _ = login(conn, name, password, ttl_minutes=24 * 60)
    try:
        yield token
    finally:
        with get_engine().begin() as conn:
            remove_user(conn, name)
