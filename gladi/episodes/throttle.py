"""Login throttling: failed logins counted per username and per client address in the database.

Counting in the database (table `login_failure`) makes the limit hold across every worker and
machine. A username or address with GLADI_LOGIN_FAILURES_PER_USER / _PER_ADDRESS failures in
the last GLADI_LOGIN_WINDOW_SECONDS gets 429 with Retry-After (the seconds until enough of those
failures age out) before its password is even checked. A good login clears its username's
failures; old rows are purged by the housekeeping (gladi.episodes.housekeeping).
"""

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, delete, func, insert, select

from gladi.episodes.tables import LoginFailure
from gladi.errors import TooManyRequests
from gladi.settings import get_settings

_failures = LoginFailure.__table__  # type: ignore[attr-defined]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _retry_after(conn: Connection, column: str, value: str, limit: int, now: datetime) -> int:
    """0 when under the limit, else the seconds until the count drops below it."""
    window = timedelta(seconds=get_settings().login_window_seconds)
    where = (_failures.c[column] == value, _failures.c.at > now - window)
    count = conn.execute(select(func.count()).select_from(_failures).where(*where)).scalar_one()
    if count < limit:
        return 0
    oldest_that_must_go = conn.execute(
        select(_failures.c.at).where(*where).order_by(_failures.c.at).offset(count - limit)
    ).scalar()
    if oldest_that_must_go is None:
        return 1
    return max(1, math.ceil((_aware(oldest_that_must_go) + window - now).total_seconds()))


def check(conn: Connection, username: str, address: str, now: datetime) -> None:
    """TooManyRequests (429, Retry-After) when the username or the address is over its limit."""
    settings = get_settings()
    wait = _retry_after(conn, "username", username, settings.login_failures_per_user, now)
    if wait:
        raise TooManyRequests(
            f"too many failed logins for {username!r}; try again in {wait} s",
            retry_after=wait,
            field="username",
        )
    wait = _retry_after(conn, "address", address, settings.login_failures_per_address, now)
    if wait:
        raise TooManyRequests(
            f"too many failed logins from this address; try again in {wait} s",
            retry_after=wait,
            field="address",
        )


def record_failure(conn: Connection, username: str, address: str, now: datetime) -> None:
    """Count one failed login (the caller commits it even though the request fails)."""
    conn.execute(insert(_failures).values(username=username, address=address, at=now))


def clear(conn: Connection, username: str) -> None:
    """After a good login: that username starts from zero again."""
    conn.execute(delete(_failures).where(_failures.c.username == username))


def purge(conn: Connection, now: datetime) -> int:
    """Delete failures older than the window; returns how many."""
    window = timedelta(seconds=get_settings().login_window_seconds)
    return conn.execute(delete(_failures).where(_failures.c.at <= now - window)).rowcount
