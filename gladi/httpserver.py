"""The HTTP server's own limits: request heads of bounded size, sent within bounded time.

uvicorn's httptools protocol accepts a request head of any size (httptools buffers a header
value until it ends) and waits for it forever (a client dripping one byte every few seconds
holds a connection and its memory indefinitely). `GuardedHttpToolsProtocol` counts the bytes of
each request head as they arrive and answers 431 past GLADI_MAX_HEADER_BYTES, and closes with
408 a connection whose head is not complete GLADI_HEADER_TIMEOUT_SECONDS after its first byte
(or after the connection opened). Everything else is uvicorn's own code; this module is the one
place that reaches into its internals, and tests/gladi/test_httpserver.py drives a real server
through it, so an upgrade that moves them fails there.

`uvicorn_options()` is what `gladi serve`, `gladi up` and the in-process assess server pass.
"""

import asyncio
from typing import Any

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from gladi.settings import get_settings

KEEP_ALIVE_SECONDS = 30
"""Idle keep-alive connections outlive the clients' own idle limit (httpx: 5 s), so a client
never sends on a connection the server is closing at that same moment."""
HEAD_END = b"\r\n\r\n"


def _refusal(status: int, reason: str, code: str, message: str) -> bytes:
    body = orjson.dumps({"error": code, "message": message, "field": "headers"})
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a size and a time limit on each request head."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self.max_head = settings.max_header_bytes
        self.head_timeout = settings.header_timeout_seconds
        self.in_head = True
        self.head_size = 0
        self.tail = b""
        self.head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.in_head:
            self._arm()
            seen = self.tail + data
            end = seen.find(HEAD_END)
            self.head_size += len(data) if end < 0 else end + len(HEAD_END) - len(self.tail)
            self.tail = seen[-3:] if end < 0 else b""
            if self.head_size > self.max_head:
                self._refuse(
                    431,
                    "Request Header Fields Too Large",
                    "header_too_large",
                    f"the request head is over {self.max_head} bytes",
                )
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self.in_head = False
        self._disarm()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self.in_head, self.head_size, self.tail = True, 0, b""

    def _arm(self) -> None:
        if self.head_timer is None:
            self.head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        self.head_timer = None
        if self.in_head and (self.cycle is None or self.cycle.response_complete):
            self._refuse(
                408,
                "Request Timeout",
                "header_timeout",
                f"the request head did not arrive within {self.head_timeout:g} s",
            )

    def _refuse(self, status: int, reason: str, code: str, message: str) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.write(_refusal(status, reason, code, message))
            self.transport.close()


def uvicorn_options() -> dict[str, Any]:
    """The server settings every Gladi server runs with."""
    return {
        "http": GuardedHttpToolsProtocol,
        "loop": "asyncio",
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "log_level": "warning",
        "access_log": False,
    }
