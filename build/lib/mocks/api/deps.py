"""Dependencies of the /api routes: the signed-in user and one transaction per call."""

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header

from gladi.db import get_engine
from gladi.episodes.auth import User, require_role, user_for_token
from mocks.context import bearer

T = TypeVar("T")


async def current_user(
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> User:
    """The user behind the bearer token (401 when missing, unknown or expired)."""
    with get_engine().connect() as conn:
        return user_for_token(conn, bearer(authorization))


CurrentUser = Annotated[User, Depends(current_user)]


def staff(user: CurrentUser) -> User:
    """Trainers and assessors (403 for trainees)."""
    return require_role(user, "trainer", "assessor")


def trainer(user: CurrentUser) -> User:
    """Trainers only."""
    return require_role(user, "trainer")


StaffUser = Annotated[User, Depends(staff)]
TrainerUser = Annotated[User, Depends(trainer)]


def in_transaction(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn(conn, *args, **kwargs)` in one transaction: all of it is stored, or none."""
    with get_engine().begin() as conn:
        return fn(conn, *args, **kwargs)
