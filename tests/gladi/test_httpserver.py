"""The server's own limits, over real sockets: oversized request heads get 431, heads that do not
arrive in time 408, big bodies still pass; and a 500 leaves the keep-alive connection usable.

This also pins the uvicorn internals gladi.httpserver builds on: an upgrade that moves them
fails here.
"""

import http.client
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI

from gladi.httpserver import uvicorn_options
from gladi.settings import get_settings


@pytest.fixture
def server(app_env: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int]]:
    """The whole app, plus a route that fails, on a free loopback port (head limit 4 KiB,
    head timeout 0.5 s)."""
    from mocks.app import create_app

    monkeypatch.setenv("GLADI_MAX_HEADER_BYTES", "4096")
    monkeypatch.setenv("GLADI_HEADER_TIMEOUT_SECONDS", "0.5")
    get_settings.cache_clear()
    app: FastAPI = create_app()

    @app.get("/boom")
    async def boom() -> dict[str, str]:
        raise RuntimeError("a bug")

    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="on", **uvicorn_options())
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield "127.0.0.1", srv.servers[0].sockets[0].getsockname()[1]
    srv.should_exit = True
    thread.join(timeout=10)
    get_settings.cache_clear()


def _exchange(address: tuple[str, int], raw: bytes, wait: float = 10.0) -> bytes:
    with socket.create_connection(address, timeout=wait) as sock:
        sock.sendall(raw)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_an_oversized_request_head_is_431(server: tuple[str, int]) -> None:
    raw = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 8000 + b"\r\n\r\n"
    answer = _exchange(server, raw)
    assert answer.startswith(b"HTTP/1.1 431") and b"header_too_large" in answer


def test_a_head_that_never_ends_is_closed_with_408(server: tuple[str, int]) -> None:
    answer = _exchange(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: a")
    assert answer.startswith(b"HTTP/1.1 408") and b"header_timeout" in answer


def test_a_connection_that_sends_nothing_is_closed(server: tuple[str, int]) -> None:
    assert _exchange(server, b"").startswith(b"HTTP/1.1 408")


def test_a_big_body_sent_with_its_head_is_not_a_big_head(server: tuple[str, int]) -> None:
    body = b'{"username": "' + b"u" * 60 + b'", "password": "' + b"p" * 150 + b'"}'
    padded = body + b" " * 200_000  # JSON allows trailing whitespace
    raw = (
        b"POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Connection: close\r\nContent-Length: " + str(len(padded)).encode() + b"\r\n\r\n" + padded
    )
    assert _exchange(server, raw).startswith(b"HTTP/1.1 401")


def test_after_a_500_the_same_connection_serves_the_next_request(
    server: tuple[str, int],
) -> None:
    conn = http.client.HTTPConnection(*server, timeout=10)
    conn.request("GET", "/boom")
    failed = conn.getresponse()
    assert failed.status == 500 and b"internal_error" in failed.read()
    assert not failed.will_close
    sock = conn.sock
    conn.request("GET", "/healthz")
    ok = conn.getresponse()
    assert ok.status == 200 and ok.read() and conn.sock is sock
    conn.close()
