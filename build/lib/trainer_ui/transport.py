"""The HTTP transport of the trainer UI: one pooled client, uniform errors, plain outage messages.

Every call goes to the API at GLADI_API_URL. A 4xx/5xx answer becomes `ApiError` carrying the
uniform body's message and field; a refused connection or a timeout becomes `ApiError` with
`kind` "down" or "slow", which the pages turn into a plain sentence (the input stays where it is).
"""

import threading
from typing import Any, Literal

import httpx

from gladi.settings import get_settings

ErrorKind = Literal["http", "down", "slow"]
TIMEOUT = httpx.Timeout(10.0, connect=3.0)
"""Generous for a page action (target < 300 ms); past it the UI says the services are slow."""

_clients: dict[str, httpx.Client] = {}
_lock = threading.Lock()


class ApiError(Exception):
    """A call that did not succeed: an error body from the API, or no answer at all."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        kind: ErrorKind = "http",
        field: str | None = None,
        expected: str | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.kind: ErrorKind = kind
        self.field = field
        self.expected = expected
        self.body = body or {}

    @property
    def unreachable(self) -> bool:
        """True when the services did not answer (down or slow), not when they said no."""
        return self.kind != "http"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-able copy to keep in the session state."""
        return {
            "message": self.message,
            "status": self.status,
            "kind": self.kind,
            "field": self.field,
            "expected": self.expected,
            "view": self.body.get("view"),
        }


def base_url() -> str:
    """Where the API is (GLADI_API_URL), without a trailing slash."""
    return get_settings().api_url.rstrip("/")


def client() -> httpx.Client:
    """The pooled client for the current base URL (keep-alive makes page actions fast)."""
    url = base_url()
    with _lock:
        found = _clients.get(url)
        if found is None or found.is_closed:
            found = httpx.Client(base_url=url, timeout=TIMEOUT)
            _clients[url] = found
        return found


def close_clients() -> None:
    """Close every pooled client (tests and benchmarks, before their server stops)."""
    with _lock:
        for found in _clients.values():
            found.close()
        _clients.clear()


def headers(
    token: str | None, episode: str | None = None, tool_session: str | None = None
) -> dict[str, str]:
    """Bearer token, episode header (records the call) and the tool's login session."""
    result: dict[str, str] = {}
    if token:
        result["Authorization"] = f"Bearer {token}"
    if episode:
        result["X-Gladi-Episode"] = episode
    if tool_session:
        result["X-Tool-Session"] = tool_session
    return result


def send(
    method: str,
    path: str,
    *,
    token: str | None = None,
    episode: str | None = None,
    tool_session: str | None = None,
    params: dict[str, Any] | None = None,
    json: Any = None,
) -> httpx.Response:
    """Send one request; ApiError for an error answer, a refused connection or a timeout."""
    clean = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    try:
        response = client().request(
            method,
            path,
            params=clean or None,
            json=json,
            headers=headers(token, episode, tool_session),
        )
    except httpx.TimeoutException as exc:
        raise ApiError("timeout", kind="slow") from exc
    except httpx.TransportError as exc:
        raise ApiError(f"cannot reach {base_url()}: {exc}", kind="down") from exc
    if response.status_code >= 400:
        raise error_from(response)
    return response


def error_from(response: httpx.Response) -> ApiError:
    """The ApiError of an error answer (uniform body when there is one)."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    message = body.get("message") or response.reason_phrase or f"HTTP {response.status_code}"
    kind: ErrorKind = "down" if response.status_code in (502, 503, 504) else "http"
    return ApiError(
        str(message),
        status=response.status_code,
        kind=kind,
        field=body.get("field"),
        expected=body.get("expected"),
        body=body,
    )


def get_json(path: str, **kwargs: Any) -> Any:
    """GET and decode JSON."""
    return send("GET", path, **kwargs).json()


def post_json(path: str, body: Any = None, **kwargs: Any) -> Any:
    """POST a JSON body and decode the JSON answer (None for 204)."""
    response = send("POST", path, json=body, **kwargs)
    return response.json() if response.content else None
