"""Instantiate a case for one episode: facts -> rows -> expected outcome -> key and customer.

Deterministic in (case id, seed) for a given background world: identifiers that clash with
the background are re-drawn from a separate generator, so nothing else shifts.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection

from gladi.errors import BadInput
from gladi.formats import WIB, WORLD_NOW, to_wib
from gladi.world import WORLD_TABLES
from scenarios import facts as facts_mod
from scenarios.customer import build_customer, opening
from scenarios.decide import covered, decide
from scenarios.keys.build import build_key
from scenarios.keys.parts import Outcome
from scenarios.library import Library
from scenarios.materialize import Build, Built, Claims, module_for, pools
from scenarios.materialize.base import TABLES, is_new_id
from scenarios.models import Case, Sop
from scenarios.models.case import TEMPERAMENTS


@dataclass
class Instance:
    """One instantiated case: what the episode stores and the rows written beside the world."""

    case_id: str
    sop: str
    seed: int
    episode_id: str
    sim_now: datetime
    persona: str
    brief: dict[str, Any]
    customer: dict[str, Any]
    key: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)


def sim_now_of(case: Case) -> datetime:
    """The episode's simulated now (aware UTC): WORLD_NOW unless the case sets a clock."""
    if case.clock is None:
        return WORLD_NOW
    day = to_wib(WORLD_NOW).date() + timedelta(days=case.clock.day_offset)
    hour, minute = (int(x) for x in (case.clock.at or "10:00").split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(UTC)


def _realise(case: Case, sop: Sop, build: Build) -> tuple[Built, dict[str, Any]]:
    module = module_for(sop.id)
    if module is None:
        raise RuntimeError(f"no materializer for {sop.id}")
    built = module.materialize(build)
    observed = module.observe(build, built)
    facts = facts_mod.with_derived(facts_mod.fact_table(sop), {**build.facts, **observed})
    for name, wanted in case.conditions.items():
        if facts.get(name) != wanted:
            raise RuntimeError(
                f"{sop.id} materializer made {name}={facts.get(name)!r}, case wants {wanted!r}"
            )
    return built, facts


def _outcome(case: Case, sop: Sop, facts: dict[str, Any]) -> Outcome:
    if case.kind == "drill":
        return Outcome(None, None, None, None, None, None, None, [])
    decision = decide(sop, facts)
    branches = [b.id for b in sop.branches if covered(sop, b.id, facts, decision)]
    resolution, escalation = decision.resolution, decision.escalation
    if case.overrides is not None:
        resolution = case.overrides.resolution or resolution
        escalation = case.overrides.escalation or escalation
    rule = decision.rule
    return Outcome(
        rule.id,
        rule.ref,
        rule.label,
        resolution,
        escalation,
        decision.kip,
        decision.kip_ref,
        branches,
    )


def _brief(case: Case, sop: Sop, text: str) -> dict[str, Any]:
    from mocks.tickets.catalog import CATALOG

    brief: dict[str, Any] = {
        "sop": sop.id,
        "title": case.title,
        "kind": case.kind,
        "channel": case.channel,
        "opening": text,
        "resolutions": [
            {"code": r.code, "label": r.label_id, "label_en": r.label_en} for r in sop.resolutions
        ],
        "escalations": [e.code for e in CATALOG.escalations],
        "questions": [{"id": q.id, "text": q.text, "text_en": q.text_en} for q in sop.questions],
        "advice": [
            {"code": a.code, "label": a.label_id, "label_en": a.label_en} for a in sop.advice
        ],
    }
    if case.kind == "drill":
        brief["goal"] = case.goal
        brief["report_facts"] = [r.fact for r in case.report_facts]
    elif reported := [r.id for r in sop.report_facts if r.in_cases]:
        # Every fact a case of this SOP may have to report, whatever this instance's facts
        # (listing only those due would give the branch away); extra reports are not graded.
        brief["report_facts"] = reported
    return brief


def _temperament(case: Case, persona: str | None) -> str:
    temperament = persona or case.persona.temperament_default
    if temperament not in TEMPERAMENTS:
        expected = " | ".join(TEMPERAMENTS)
        raise BadInput(f"unknown persona {temperament!r}", field="persona", expected=expected)
    return temperament


def _build(conn: Connection, case: Case, sop: Sop, seed: int, episode_id: str) -> Build:
    rng = Random(f"{case.id}:{seed}")
    wanted = facts_mod.resolve(sop, case.conditions, case.channel, rng)
    claims = Claims(conn, f"{case.id}:{seed}")
    return Build(
        case=case,
        sop=sop,
        facts=wanted,
        rng=rng,
        pools=pools(),
        sim_now=sim_now_of(case),
        episode_id=episode_id,
        claims=claims,
        conn=conn,
    )


def instantiate(
    conn: Connection,
    library: Library,
    case_id: str,
    seed: int,
    episode_id: str,
    persona: str | None = None,
) -> Instance:
    """A fresh customer for `case_id` (NotFound if unknown), deterministic in (case, seed)."""
    case = library.case(case_id)
    sop = library.sop_of(case)
    temperament = _temperament(case, persona)
    build = _build(conn, case, sop, seed, episode_id)
    built, facts = _realise(case, sop, build)
    context = {"customer": built.customer, "world": built.world, "facts": facts}
    key = build_key(
        sop, case, facts, _outcome(case, sop, facts), context, library.source_lines(sop)
    )
    key["grading"]["seed"] = seed
    key["grading"]["now"] = to_wib(build.sim_now).isoformat()
    values = {**built.customer, **built.world, **built.say}
    summary = {
        "identifiers": dict(built.customer),
        "facts": _jsonable(facts),
        "sim_now": build.sim_now.isoformat(),
        "temperament": temperament,
    }
    customer = build_customer(case, sop, facts, values, temperament, summary)
    customer["opening_discloses"] = list(case.persona.discloses)
    brief = _brief(case, sop, opening(case, values, temperament))
    return Instance(
        case_id=case.id,
        sop=sop.id,
        seed=seed,
        episode_id=episode_id,
        sim_now=build.sim_now,
        persona=temperament,
        brief=brief,
        customer=customer,
        key=key,
        rows=built.rows,
        facts=facts,
    )


def opening_event(instance: Instance) -> dict[str, Any]:
    """The detail of the trace's first event: the customer's opening and the facts it states."""
    return {
        "text": instance.brief["opening"],
        "disclosed": list(instance.customer.get("opening_discloses") or []),
    }


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v if isinstance(v, bool | int | str | type(None)) else str(v)
        for k, v in sorted(values.items())
    }


def _linked(row: dict[str, Any], ids: dict[str, Any]) -> dict[str, Any]:
    """The row with every placeholder id of an already written parent replaced by its id."""
    linked = {}
    for column, value in row.items():
        if column != "id" and is_new_id(value):
            if value not in ids:
                raise ValueError(f"{value} is used before its row is written")
            value = ids[value]
        linked[column] = value
    return linked


def write_instance(conn: Connection, instance: Instance) -> None:
    """Insert the instance's rows (in the caller's transaction), parents before children.

    A row whose `id` is a placeholder (`Built.new_id`) is inserted alone and gets the id the
    database assigns; later rows referring to the placeholder get that id.
    """
    ids: dict[str, Any] = {}
    for model in WORLD_TABLES:
        name = str(model.__tablename__)  # type: ignore[attr-defined]
        rows = [_linked(r, ids) for r in instance.rows.get(name) or []]
        plain = [r for r in rows if not is_new_id(r.get("id"))]
        if plain:
            conn.execute(TABLES[name].insert(), plain)
        for row in rows:
            if is_new_id(row.get("id")):
                values = {k: v for k, v in row.items() if k != "id"}
                key = conn.execute(TABLES[name].insert(), values).inserted_primary_key
                if key is None:
                    raise RuntimeError(f"{name}: the database gave the new row no id")
                ids[row["id"]] = key[0]
