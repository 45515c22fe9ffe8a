"""Instantiation: deterministic in (case, seed), clear of the background world, written rows."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select

from gladi.errors import BadInput
from gladi.formats import MSISDN_RE, WORLD_NOW
from gladi.world import OutageNotice, Subscriber
from scenarios import engine
from scenarios.instantiate import sim_now_of
from scenarios.library import Library
from scenarios.models.case import Clock
from tests.scenarios.helpers import make_instance

SUB = Subscriber.__table__
OUTAGES = OutageNotice.__table__


def _dump(instance: engine.Instance) -> str:
    return json.dumps(
        {
            "rows": instance.rows,
            "key": instance.key,
            "customer": instance.customer,
            "brief": instance.brief,
        },
        sort_keys=True,
        default=str,
    )


def test_same_case_and_seed_give_the_same_rows_key_and_customer(
    library: Library, mem_engine: Engine
) -> None:
    first = make_instance(library, mem_engine, "sop001-paid-blocked", seed=5)
    again = make_instance(library, mem_engine, "sop001-paid-blocked", seed=5)
    assert _dump(first) == _dump(again)


def test_another_seed_gives_another_customer_on_the_same_branch(
    library: Library, mem_engine: Engine
) -> None:
    one = make_instance(library, mem_engine, "sop001-paid-blocked", seed=1)
    two = make_instance(library, mem_engine, "sop001-paid-blocked", seed=2)
    assert one.rows["subscriber"][0]["msisdn"] != two.rows["subscriber"][0]["msisdn"]
    assert one.key["expected"]["branch"] == two.key["expected"]["branch"]
    assert one.key["expected"]["rule"] == two.key["expected"]["rule"] == "paid_blocked"


def test_key_and_customer_are_json(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-notified")
    for part in (instance.key, instance.customer, instance.brief):
        assert json.loads(json.dumps(part)) == part


def test_rows_belong_to_the_episode(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-existing-ticket", episode_id="ep-42")
    assert {r["episode_id"] for rows in instance.rows.values() for r in rows} == {"ep-42"}
    with mem_engine.begin() as conn:
        engine.write_instance(conn, instance)
    with mem_engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(SUB).where(SUB.c.episode_id == "ep-42")
        ).scalar()
    assert count == 1


def test_identifiers_that_clash_with_the_background_are_redrawn(
    library: Library, mem_engine: Engine
) -> None:
    first = make_instance(library, mem_engine, "sop001-paid-clear", seed=9)
    taken = dict(first.rows["subscriber"][0], episode_id=None)
    with mem_engine.begin() as conn:
        conn.execute(SUB.insert(), [taken])
    second = make_instance(library, mem_engine, "sop001-paid-clear", seed=9)
    msisdn = second.rows["subscriber"][0]["msisdn"]
    assert msisdn != taken["msisdn"] and MSISDN_RE.match(msisdn)
    assert second.rows["subscriber"][0]["name"] == taken["name"]


def test_customer_area_avoids_background_outages(library: Library, mem_engine: Engine) -> None:
    first = make_instance(library, mem_engine, "sop001-paid-clear", seed=4)
    city = first.rows["subscriber"][0]["location"]
    with mem_engine.begin() as conn:
        conn.execute(
            OUTAGES.insert(),
            [
                {
                    "area": city,
                    "service": "DATA",
                    "title": "x",
                    "standard_answer": "x",
                    "started_at": WORLD_NOW - timedelta(hours=1),
                    "expected_end": WORLD_NOW + timedelta(hours=5),
                    "episode_id": None,
                }
            ],
        )
    second = make_instance(library, mem_engine, "sop001-paid-clear", seed=4)
    assert second.rows["subscriber"][0]["location"] != city
    assert second.facts["outage_in_area"] is False


def test_outage_case_gets_an_outage_running_at_the_episode_clock(
    library: Library, mem_engine: Engine
) -> None:
    instance = make_instance(library, mem_engine, "sop001-outage")
    outage = instance.rows["outage_notice"][0]
    assert outage["started_at"] <= instance.sim_now <= outage["expected_end"]
    assert outage["area"] == instance.rows["subscriber"][0]["location"]


def test_persona_choice(library: Library, mem_engine: Engine) -> None:
    calm = make_instance(library, mem_engine, "sop001-hum-block", persona="cooperative")
    default = make_instance(library, mem_engine, "sop001-hum-block")
    assert calm.persona == "cooperative" and default.persona == "impatient"
    assert calm.brief["opening"] != default.brief["opening"]
    with pytest.raises(BadInput):
        make_instance(library, mem_engine, "sop001-hum-block", persona="angry")


def test_clock(library: Library) -> None:
    case = library.case("sop001-paid-clear")
    assert sim_now_of(case) == WORLD_NOW
    late = case.model_copy(update={"clock": Clock(at="21:30", day_offset=-1)})
    moment = sim_now_of(late)
    assert (moment.hour, moment.minute) == (14, 30)
    assert moment.date() == (WORLD_NOW - timedelta(days=1)).date()


def test_brief_shape(library: Library, mem_engine: Engine) -> None:
    brief = make_instance(library, mem_engine, "sop001-hum-block").brief
    assert {"channel", "opening", "resolutions", "escalations", "sop", "title"} <= set(brief)
    assert {"code", "label"} <= set(brief["resolutions"][0])
    assert "Billco" in brief["escalations"]
    drill = make_instance(library, mem_engine, "sop001-drill-fa-payment").brief
    assert drill["kind"] == "drill" and drill["goal"]
