"""`gladi scenario preview`: instantiate a case without writing anything, and show it."""

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from gladi.cli.common import fail
from gladi.db import build_engine
from gladi.errors import GladiError
from gladi.schema import ensure_schema
from gladi.settings import get_settings
from gladi.world import WorldInfo


def _world_engine() -> Engine:
    """The configured database if it holds a seeded world, else an empty in-memory one."""
    url = get_settings().database_url
    parsed = make_url(url)
    usable = parsed.get_backend_name() != "sqlite" or (
        parsed.database not in (None, "", ":memory:") and Path(parsed.database).is_file()
    )
    if usable:
        try:
            engine = build_engine(url)
            with engine.connect() as conn:
                table = WorldInfo.__table__  # type: ignore[attr-defined]
                if conn.execute(select(table.c.id).limit(1)).first() is not None:
                    return engine
        except Exception:
            pass
    engine = build_engine("sqlite://")
    ensure_schema(engine)
    return engine


def run_preview(library: Any, case_id: str, seed: int, persona: str | None) -> dict[str, Any]:
    """Instantiate in a transaction that is rolled back; return what an episode would store."""
    from scenarios import engine as scenario_engine

    with _world_engine().connect() as conn:
        try:
            instance = scenario_engine.instantiate(conn, library, case_id, seed, "preview", persona)
        except GladiError as exc:
            fail(exc.message)
        conn.rollback()
    return {
        "case": case_id,
        "seed": seed,
        "persona": instance.persona,
        "sim_now": instance.sim_now.isoformat(),
        "brief": instance.brief,
        "customer": instance.customer,
        "key": instance.key,
    }


def render_preview(result: dict[str, Any]) -> str:
    """A readable preview for trainers."""
    brief, key = result["brief"], result["key"]
    summary = result["customer"]["summary"]
    lines = [
        f"{result['case']} (seed {result['seed']}, {result['persona']}) - {brief['title']}",
        f"channel: {brief['channel']}   now: {result['sim_now']}",
        f"opening: {brief['opening']}",
        "",
        "customer:",
    ]
    lines += [f"  {k}: {v}" for k, v in summary["identifiers"].items()]
    lines += ["facts:"] + [f"  {k}: {v}" for k, v in summary["facts"].items()]
    expected = key["expected"]
    lines += [
        "",
        f"expected: resolution={expected['resolution']} "
        f"escalation={expected['escalation']} rule={expected['rule']}",
        f"branches: {', '.join(expected['branch'])}",
    ]
    if expected["ticket"]:
        lines.append(f"ticket: KIP {expected['ticket']['kip']}")
        lines += [f"  {k}: {v}" for k, v in expected["ticket"]["fields"].items()]
    if expected["facts"]:
        lines += ["report:"] + [f"  {k}: {v}" for k, v in expected["facts"].items()]
    lines += ["", "steps:"]
    for step in key["steps"]:
        what = step.get("question") or f"{step['request']['method']} {step['request']['path']}"
        params = (step.get("request") or {}).get("params")
        lines.append(
            f"  [{step['sop_ref']}] {step['id']}: {what}" + (f" {params}" if params else "")
        )
    lines.append(f"submit: {key['submit']}")
    return "\n".join(lines)
