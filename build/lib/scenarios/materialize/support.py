"""Support rows several SOPs need: an outage-free area, an active outage, a prior complaint."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection, select

from gladi.formats import wib_datetime
from scenarios.materialize.base import TABLES, Build
from seeds import ids
from seeds.builders import build_interaction, build_outage, build_ticket

_OUTAGES = TABLES["outage_notice"]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def area_matches(area: str, wanted: str) -> bool:
    """The outage desk's rule: either name inside the other, case-insensitive."""
    a, w = " ".join(area.split()).lower(), " ".join(wanted.split()).lower()
    return a in w or w in a


def background_outage_areas(conn: Connection, now: datetime) -> list[str]:
    """Areas of the background world's outage notices active at `now`."""
    rows = conn.execute(
        select(_OUTAGES.c.area, _OUTAGES.c.started_at, _OUTAGES.c.expected_end).where(
            _OUTAGES.c.episode_id.is_(None)
        )
    ).all()
    return sorted({r.area for r in rows if _aware(r.started_at) <= now <= _aware(r.expected_end)})


def quiet_city(b: Build, names: Sequence[str]) -> str:
    """A city (seeded pick) with no active background outage at the episode's now."""
    noisy = background_outage_areas(b.conn, b.sim_now)
    start = int(b.rng.random() * len(names))
    for step in range(len(names)):
        name = names[(start + step) % len(names)]
        if not any(area_matches(area, name) for area in noisy):
            return name
    raise RuntimeError("every city has an active outage in the background world")


def active_outage(b: Build, area: str, service: str) -> dict[str, Any]:
    """An episode outage notice for `area`, running at the episode's now."""
    row = build_outage(b.rng, b.pools, area=area, service=service, active=True)
    length = row["expected_end"] - row["started_at"]
    started = b.sim_now - timedelta(minutes=30 + int(b.rng.random() * 150))
    end = max(started + length, b.sim_now + timedelta(hours=3))
    row["standard_answer"] = row["standard_answer"].replace(
        wib_datetime(row["expected_end"]), wib_datetime(end)
    )
    row.update(started_at=started, expected_end=end, episode_id=b.episode_id)
    return row


def prior_complaint(
    b: Build, number: str, kip: str, topic: str, fields: dict[str, str], customer_class: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An open ticket about `number` filed a few days ago, and the interaction that filed it."""
    filed = b.sim_now - timedelta(hours=20 + int(b.rng.random() * 50))
    first = ids.ticket_id(b.rng, "IN")
    ticket_id = b.claims.unique(
        first, lambda r: ids.ticket_id(r, "IN"), b.claims.taken_in("ticket", "ticket_id")
    )
    ticket = build_ticket(
        b.rng,
        b.pools,
        number=number,
        kip=kip,
        ticket_id=ticket_id,
        fields=fields,
        created_at=filed,
        status="In Progress",
        escalation=None,
        customer_class=customer_class,
        episode_id=b.episode_id,
    )
    contact = build_interaction(
        b.rng,
        b.pools,
        number=number,
        topic=topic,
        at=filed - timedelta(minutes=7),
        category="Keluhan",
        episode_id=b.episode_id,
    )
    return ticket, contact


def unrelated_contact(b: Build, number: str) -> dict[str, Any]:
    """A harmless earlier contact (not the same complaint) a few weeks ago."""
    at = b.sim_now - timedelta(days=10 + int(b.rng.random() * 40))
    return build_interaction(
        b.rng, b.pools, number=number, topic="general", at=at, episode_id=b.episode_id
    )


def seeded_pick(rng: Random, values: Sequence[Any]) -> Any:
    """One value, drawn with the case's generator."""
    return values[int(rng.random() * len(values))]
