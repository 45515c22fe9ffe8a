"""ToolContext: runs one tool query for a caller and, inside an episode, records the call.

A call without `X-Gladi-Episode` is free exploration: it sees the background world and is
recorded nowhere. With the header it must carry the bearer token of the episode's owner; it then
also sees that episode's rows and clock, and the call (operation, parameters, status) is
appended to the episode's trace and committed before the response is sent. An exam attempt
past its deadline is refused (409 `deadline_passed`), checked in the same query that finds the
caller and the episode.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Request
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, bindparam

from gladi.catalog import BY_NAME
from gladi.db import HeldConnection, get_engine
from gladi.episodes.auth import SESSION_USER, session_user, token_hash
from gladi.episodes.tables import Episode, UserAccount
from gladi.episodes.trace import append_event
from gladi.errors import Conflict, DeadlinePassed, Forbidden, GladiError, NotFound
from mocks.scope import BACKGROUND, Scope

T = TypeVar("T")
_episodes = Episode.__table__  # type: ignore[attr-defined]
_users = UserAccount.__table__  # type: ignore[attr-defined]


def bearer(authorization: str | None) -> str | None:
    """The token in an `Authorization: Bearer <token>` header."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


_CALLER_AND_EPISODE = SESSION_USER.add_columns(
    _episodes.c.user_id.label("owner_id"),
    _episodes.c.state,
    _episodes.c.sim_now,
    _episodes.c.deadline,
).outerjoin_from(_users, _episodes, _episodes.c.id == bindparam("episode_id"))
"""The caller's session and user and the named episode (if it exists), in one round trip."""


def open_episode_scope(conn: Connection, episode_id: str, token: str | None) -> Scope:
    """Check that the caller owns the open episode and return its scope."""
    row = conn.execute(
        _CALLER_AND_EPISODE, {"token_hash": token_hash(token), "episode_id": episode_id}
    ).first()
    user = session_user(row)
    assert row is not None
    if row.owner_id is None:
        raise NotFound(f"no episode {episode_id!r}", field="X-Gladi-Episode")
    if row.owner_id != user.id:
        raise Forbidden("this episode belongs to someone else", field="X-Gladi-Episode")
    if row.state != "open":
        raise Conflict(f"this episode is {row.state}; start a new one", field="X-Gladi-Episode")
    if row.deadline is not None:
        deadline = row.deadline if row.deadline.tzinfo else row.deadline.replace(tzinfo=UTC)
        if deadline <= datetime.now(UTC):
            raise DeadlinePassed(
                f"the exam deadline passed at {deadline.isoformat()}; this attempt is closed",
                field="X-Gladi-Episode",
            )
    now = row.sim_now if row.sim_now.tzinfo else row.sim_now.replace(tzinfo=UTC)
    return Scope(episode_id=episode_id, now=now)


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    return value


@dataclass
class ToolContext:
    """Everything a tool route needs to answer one call."""

    engine: Engine
    operation: str
    episode_id: str | None
    token: str | None
    held: HeldConnection | None = None
    """The serving loop's connection (used when this thread may), else the pool's."""

    def run(
        self,
        query: Callable[..., T],
        *,
        detail: Callable[[T], dict[str, Any]] | None = None,
        **params: Any,
    ) -> T:
        """Call `query(conn, scope, **params)`; inside an episode, record and commit the call."""
        held = self.held
        conn = held.take() if held is not None else None
        if conn is None:
            with self.engine.connect() as pooled:
                return self._run(pooled, query, detail, params)
        assert held is not None
        try:
            result = self._run(conn, query, detail, params)
        except GladiError:
            held.release()
            raise
        except BaseException:
            held.release(failed=True)
            raise
        held.release()
        return result

    def _run(
        self,
        conn: Connection,
        query: Callable[..., T],
        detail: Callable[[T], dict[str, Any]] | None,
        params: dict[str, Any],
    ) -> T:
        if self.episode_id is None:
            return query(conn, BACKGROUND, **params)
        scope = open_episode_scope(conn, self.episode_id, self.token)
        try:
            result = query(conn, scope, **params)
        except GladiError as exc:
            self._record(conn, params, exc.status, {"error": exc.code})
            raise
        self._record(conn, params, 200, detail(result) if detail else {})
        return result

    def _record(
        self, conn: Connection, params: dict[str, Any], status: int, detail: dict[str, Any]
    ) -> None:
        assert self.episode_id is not None
        stored = {k: _jsonable(v) for k, v in params.items() if v is not None}
        append_event(
            conn,
            self.episode_id,
            "tool",
            tool=BY_NAME[self.operation].tool,
            operation=self.operation,
            params=stored,
            status=status,
            detail=detail,
        )
        conn.commit()


def context_for(request: Request, episode: str | None, authorization: str | None) -> ToolContext:
    """The context of the tool route serving `request` (operation = the route's name), given
    the values of its `X-Gladi-Episode` and `Authorization` headers."""
    route = request.scope.get("route")
    name = getattr(route, "name", "")
    if name not in BY_NAME:
        raise RuntimeError(f"route {name!r} is not in gladi.catalog.OPERATIONS")
    engine = get_engine()
    held = getattr(request.app.state, "held_connection", None)
    if held is not None and held.engine is not engine:
        held = None
    return ToolContext(engine, name, episode or None, bearer(authorization), held)


async def tool_context(
    request: Request,
    x_gladi_episode: Annotated[
        str | None, Header(description="Episode to record this call in")
    ] = None,
    authorization: Annotated[
        str | None, Header(description="Bearer token (needed with X-Gladi-Episode)")
    ] = None,
) -> ToolContext:
    """Dependency: the context of the current tool route (operation = the route's name).

    Tool routers (mocks.routing.ToolRouter) serve most routes without solving it: they read
    the two headers straight from the request and call `context_for` themselves. Declared
    here, the headers are documented in OpenAPI on every tool route either way."""
    return context_for(request, x_gladi_episode, authorization)


ToolCtx = Annotated[ToolContext, Depends(tool_context)]
