"""Tool logins (TOS guest account, UPoint monitor account) as signed session strings.

The real tools make agents log in before any screen; the mocks do the same statelessly: a
login returns `tool_session`, an HMAC-signed string naming the tool and user, which later calls
send in the `X-Tool-Session` header. Any worker can check it; nothing is kept in memory.
"""

import base64
import hashlib
import hmac
import json
from typing import Annotated, Any

from fastapi import Header

from gladi.errors import Unauthorized

_SECRET = b"gladi-mock-tool-sessions"
SessionHeader = Annotated[
    str | None, Header(description="tool_session from the tool's login", alias="X-Tool-Session")
]


def issue(tool: str, claims: dict[str, Any]) -> str:
    """A session string for `tool` carrying `claims` (e.g. user, regional, name)."""
    payload = base64.urlsafe_b64encode(json.dumps({"tool": tool, **claims}).encode()).decode()
    mac = hmac.new(_SECRET, payload.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{payload}.{mac}"


def check(tool: str, session: str | None, login_hint: str) -> dict[str, Any]:
    """The claims of a valid session for `tool`, else Unauthorized telling how to log in."""
    if session:
        payload, _, mac = session.rpartition(".")
        good = hmac.new(_SECRET, payload.encode(), hashlib.sha256).hexdigest()[:32]
        if payload and hmac.compare_digest(mac, good):
            try:
                claims = json.loads(base64.urlsafe_b64decode(payload.encode()))
            except ValueError:
                claims = {}
            if claims.get("tool") == tool:
                return claims
    raise Unauthorized(
        f"not logged in to {tool}: {login_hint}",
        field="X-Tool-Session",
        expected="the tool_session returned by the tool's login",
    )
