"""POST /api/login, POST /api/logout, GET /api/me."""

from typing import Annotated

from fastapi import Header, Request

from gladi.db import get_engine
from gladi.episodes import auth
from gladi.settings import get_settings
from mocks.api.deps import CurrentUser
from mocks.api.models import LoginIn, LoginOut
from mocks.context import bearer
from mocks.errors import ERROR_RESPONSES, THROTTLED_RESPONSE
from mocks.routing import PrefixRouter

router = PrefixRouter(prefix="/api", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/login", name="api.login", responses=THROTTLED_RESPONSE)
def login(body: LoginIn, request: Request) -> LoginOut:
    """Exchange a username and password for a bearer token (expires; 401 when wrong).

    Failed logins are throttled per username and per client address: 429 with Retry-After."""
    ttl = get_settings().token_ttl_minutes
    address = request.client.host if request.client else "unknown"
    token, user = auth.sign_in(get_engine(), body.username, body.password, address, ttl)
    return LoginOut.model_validate(
        {"token": token, "role": user.role, "username": user.username, "expires_in_minutes": ttl}
    )


@router.post("/logout", name="api.logout", status_code=204)
async def logout(
    user: CurrentUser,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> None:
    """End the session of this token."""
    token = bearer(authorization)
    with get_engine().begin() as conn:
        auth.logout(conn, token or "")


@router.get("/me", name="api.me")
async def me(user: CurrentUser) -> dict[str, str | int]:
    """Who the token belongs to."""
    return {"id": user.id, "username": user.username, "role": user.role}
