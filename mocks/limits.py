"""RequestGuard: what every request must pass before a route sees it, and the last-resort 500.

- A body over GLADI_MAX_BODY_BYTES (1 MiB) is refused with 413 before it is read any further
  (a declared Content-Length is enough; a chunked body is counted as it arrives).
- NUL characters are refused with 422 naming where they are (path, query parameter, JSON field):
  PostgreSQL cannot store them, and no tool screen accepts them.
- A JSON body nested deeper than GLADI_MAX_JSON_DEPTH levels is refused with 422.
- An unexpected exception becomes the uniform 500 body here, without being raised on to the
  server: re-raised, uvicorn closed the keep-alive connection under the client's next request.

A request without a body (GET and friends, the tool screens) costs two substring tests.
"""

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gladi.settings import get_settings

log = logging.getLogger("gladi.requests")
BODYLESS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})
Problem = tuple[int, dict[str, Any]]


def _error(status: int, code: str, message: str, field: str, expected: str) -> Problem:
    return status, {"error": code, "message": message, "field": field, "expected": expected}


def _nul_in_url(scope: Scope) -> Problem | None:
    if "\x00" in scope["path"]:
        return _error(422, "invalid_input", "NUL character in the path", "path", "no NUL")
    query: bytes = scope.get("query_string", b"")
    if b"%00" not in query and b"\x00" not in query:
        return None
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if "\x00" in name or "\x00" in value:
            field = name.replace("\x00", "\\0") or "query"
            return _error(422, "invalid_input", f"NUL character in {field!r}", field, "no NUL")
    return _error(422, "invalid_input", "NUL character in the query", "query", "no NUL")


def _json_problem(data: Any, max_depth: int) -> Problem | None:
    """The first NUL (in a key or a string) or nesting over `max_depth`, with its path."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    while stack:
        node, depth, path = stack.pop()
        if isinstance(node, dict | list) and depth > max_depth:
            message = f"the JSON body is nested deeper than {max_depth} levels"
            return _error(422, "invalid_input", message, path or "body", f"<= {max_depth} levels")
        if isinstance(node, dict):
            for key, value in node.items():
                here = f"{path}.{key}" if path else str(key)
                if "\x00" in key:
                    field = here.replace("\x00", "\\0")
                    return _error(422, "invalid_input", "NUL character in a key", field, "no NUL")
                stack.append((value, depth + 1, here))
        elif isinstance(node, list):
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in enumerate(node))
        elif isinstance(node, str) and "\x00" in node:
            return _error(
                422, "invalid_input", "NUL character in the text", path or "body", "no NUL"
            )
    return None


def _body_problem(body: bytes, max_depth: int) -> Problem | None:
    if b"\\u0000" not in body and body.count(b"[") + body.count(b"{") <= max_depth:
        return None
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc) or "recursion" in str(exc).lower():
            message = f"the JSON body is nested deeper than {max_depth} levels"
            return _error(422, "invalid_input", message, "body", f"<= {max_depth} levels")
        return None  # not JSON: the route's own validation answers
    return _json_problem(data, max_depth)


async def _respond(send: Send, problem: Problem, headers: list[tuple[bytes, bytes]]) -> None:
    status, body = problem
    content = orjson.dumps(body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(content)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


class RequestGuard:
    """The pure ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = _nul_in_url(scope)
        if problem is not None:
            await _respond(send, problem, [])
            return
        if scope["method"] not in BODYLESS:
            read = await self._read_body(scope, receive)
            if isinstance(read, tuple):
                await _respond(send, read, [(b"connection", b"close")])
                return
            receive = _replay(read, receive)
        await self._run(scope, receive, send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | Problem:
        settings = get_settings()
        limit = settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return _too_large(int(declared), limit)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return _too_large(size, limit)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        kind = _header(scope, b"content-type") or b""
        if body and b"json" in kind:
            problem = _body_problem(body, settings.max_json_depth)
            if problem is not None:
                return problem
        return body

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.exception("unexpected error serving %s %s", scope["method"], scope["path"])
            if not started:
                body = {"error": "internal_error", "message": f"unexpected {type(exc).__name__}"}
                await _respond(send, (500, body), [])


def _too_large(size: int, limit: int) -> Problem:
    return _error(
        413,
        "payload_too_large",
        f"the request body is {size} bytes or more; the limit is {limit} bytes",
        "body",
        f"at most {limit} bytes (GLADI_MAX_BODY_BYTES)",
    )


def _replay(body: bytes, receive: Receive) -> Callable[[], Any]:
    """A receive that hands the app the body already read, then the client's own messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
