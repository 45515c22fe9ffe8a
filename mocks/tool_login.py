"""Tool logins (TOS guest account, UPoint monitor account) as signed session strings.

The real tools make agents log in before any screen; the mocks do the same statelessly: a
login returns `tool_session`, a string naming the tool, the user and when it expires, signed
with a key derived from the deployment secret (gladi.secrets), which later calls send in the
`X-Tool-Session` header. Any worker or machine of the deployment can check it; nothing is kept
in memory. Sessions expire after GLADI_TOOL_SESSION_MINUTES.
"""

import base64
import hashlib
import hmac
import json
import time
from typing import Annotated, Any

from fastapi import Header

from gladi.errors import Unauthorized
from gladi.secrets import derived_key
from gladi.settings import get_settings

PURPOSE = "tool-session"
SessionHeader = Annotated[
    str | None,
    Header(
        description="tool_session from the tool's login",
        alias="X-Tool-Session",
        max_length=2000,
    ),
]


def _mac(payload: str) -> str:
    return hmac.new(derived_key(PURPOSE), payload.encode(), hashlib.sha256).hexdigest()[:32]


def issue(tool: str, claims: dict[str, Any]) -> str:
    """A session string for `tool` carrying `claims` (e.g. user, regional, name)."""
    expires = int(time.time()) + 60 * get_settings().tool_session_minutes
    body = json.dumps({"tool": tool, **claims, "exp": expires})
    payload = base64.urlsafe_b64encode(body.encode()).decode()
    return f"{payload}.{_mac(payload)}"


def _claims(session: str) -> dict[str, Any]:
    payload, _, mac = session.rpartition(".")
    if not payload or not hmac.compare_digest(mac.encode(), _mac(payload).encode()):
        return {}
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode()))
    except ValueError:
        return {}
    return claims if isinstance(claims, dict) else {}


def check(tool: str, session: str | None, login_hint: str) -> dict[str, Any]:
    """The claims of a valid session for `tool`, else Unauthorized telling how to log in."""
    claims = _claims(session) if session else {}
    if claims.get("tool") == tool:
        expires = claims.get("exp")
        if isinstance(expires, int) and expires > time.time():
            return claims
        raise Unauthorized(
            f"the {tool} session has expired: {login_hint}",
            field="X-Tool-Session",
            expected="a fresh tool_session from the tool's login",
        )
    raise Unauthorized(
        f"not logged in to {tool}: {login_hint}",
        field="X-Tool-Session",
        expected="the tool_session returned by the tool's login",
    )
