"""Ticket desk: KIP catalog, filing tickets inside an episode, reading them back."""

import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from gladi.world import Ticket
from mocks.tickets.catalog import CATALOG_PATH, CatalogError, load_catalog
from tests.helpers import episode_headers, make_episode, make_user, trace_of

TICKETS = Ticket.__table__
K22 = "k22-pulsa-belum-bertambah"
K22_FIELDS = {
    "msisdn": "081321123321",
    "customer_name": "Budi Santoso",
    "card_type": "simPATI",
    "incident_time": "Senin, 12 Oktober 2026 09:15",
    "nominal": "50000",
    "failure_notice": "Pulsa belum bertambah",
    "recharge_channel": "Indomaret",
    "serial_or_trx": "0212345678901234567890123",
    "proof": "struk Indomaret",
    "proof_email": "budi@example.com",
    "alt_contact": "081298765432",
}


def k22(**changes: object) -> dict:
    """A complete K22 ticket form (SOP 002), with `changes` applied."""
    body = {
        "ticket_type": "IN",
        "kip": K22,
        "number": "6281321123321",
        "customer_class": "Gold",
        "fields": dict(K22_FIELDS),
    }
    return {**body, **changes}


@pytest.fixture
def episode(world_engine: Engine) -> dict[str, str]:
    """Headers of a call inside a fresh episode of a fresh trainee."""
    user_id, token = make_user(world_engine)
    return episode_headers(token, make_episode(world_engine, user_id))


def ticket_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(TICKETS)).scalar_one()


def test_kip_catalog_serves_the_yaml(client: TestClient) -> None:
    raw = yaml.safe_load(CATALOG_PATH.read_text(encoding="utf-8"))
    body = client.get("/support/kip").json()
    assert [k["code"] for k in body["items"]] == [k["code"] for k in raw["kips"]]
    k44 = next(k for k in body["items"] if k["code"] == "k44-belum-ledger")
    assert k44["ticket_type"] == "IN"
    assert {"id": "msisdn", "label": "MSISDN"} in k44["fields"]
    assert "INT404 BESHQ" in [e["code"] for e in body["escalations"]]
    # The desk shows categories and fields, not which SOP or SOP line they come from.
    assert not {"sop", "ref"} & set(k44) and all("ref" not in f for f in body["all_fields"])
    assert all(set(e) == {"code"} for e in body["escalations"])
    assert body["classes"] == raw["classes"]


@pytest.mark.parametrize(
    ("breakage", "named"),
    [
        (lambda c: c["kips"][0]["fields"].append("no_such_field"), "no_such_field"),
        (lambda c: c["kips"][1].update(ticket_type="XX"), "kips.1.ticket_type"),
        (lambda c: c["fields"]["msisdn"].pop("label"), "fields.msisdn.label"),
    ],
)
def test_a_broken_catalog_fails_loudly_with_file_and_field(
    tmp_path: Path, breakage, named: str
) -> None:
    data = yaml.safe_load(CATALOG_PATH.read_text(encoding="utf-8"))
    breakage(data)
    broken = tmp_path / "kip_catalog.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CatalogError) as failure:
        load_catalog(broken)
    assert str(broken) in str(failure.value) and named in str(failure.value)


def test_outside_an_episode_no_ticket_is_filed(client: TestClient, world_engine: Engine) -> None:
    before = ticket_rows(world_engine)
    response = client.post("/support/tickets", json=k22())
    assert response.status_code == 403
    assert response.json()["field"] == "X-Gladi-Episode"
    assert ticket_rows(world_engine) == before


def test_a_created_ticket_reads_back_and_is_traced(
    client: TestClient, world_engine: Engine, episode: dict
) -> None:
    created = client.post("/support/tickets", json=k22(escalation="int404 beshq"), headers=episode)
    assert created.status_code == 200, created.text
    ticket = created.json()
    assert re.fullmatch(r"IN\d{9}", ticket["ticket_id"])
    assert ticket["number"] == "081321123321" and ticket["status"] == "Open"
    assert ticket["escalation"] == "INT404 BESHQ" and ticket["fields"]["class"] == "Gold"
    assert ticket["display"]["KIP"].startswith("(DE)AKTIVASI PRODUK")
    assert ticket["display"]["Nama pelanggan"] == "Budi Santoso"
    url = f"/support/tickets/{ticket['ticket_id']}"
    assert client.get(url, headers=episode).json()["fields"] == ticket["fields"]
    events = trace_of(world_engine, episode["X-Gladi-Episode"])
    assert events[0]["operation"] == "tickets.create"
    assert events[0]["detail"] == {"ticket_id": ticket["ticket_id"]}


def test_another_episode_and_free_exploration_do_not_see_it(
    client: TestClient, world_engine: Engine, episode: dict
) -> None:
    ticket_id = client.post("/support/tickets", json=k22(), headers=episode).json()["ticket_id"]
    own = client.get("/support/interactions", params={"number": "6281321123321"}, headers=episode)
    assert own.json()["tickets"][0]["ticket_id"] == ticket_id
    user_id, token = make_user(world_engine)
    other = episode_headers(token, make_episode(world_engine, user_id))
    assert client.get(f"/support/tickets/{ticket_id}", headers=other).status_code == 404
    assert client.get(f"/support/tickets/{ticket_id}").status_code == 404
    history = client.get("/support/interactions", params={"number": "081321123321"})
    assert ticket_id not in [t["ticket_id"] for t in history.json()["tickets"]]


def test_a_missing_mandatory_field_is_refused_naming_it(
    client: TestClient, world_engine: Engine, episode: dict
) -> None:
    fields = {k: v for k, v in K22_FIELDS.items() if k != "serial_or_trx"}
    fields["nominal"] = "   "
    response = client.post("/support/tickets", json=k22(fields=fields), headers=episode)
    assert response.status_code == 422
    body = response.json()
    assert body["missing"] == ["nominal", "serial_or_trx"]
    assert body["field"] == "fields.nominal"
    assert trace_of(world_engine, episode["X-Gladi-Episode"])[0]["status"] == 422


def test_an_nn_ticket_for_imes_seat_management(client: TestClient, episode: dict) -> None:
    fields = {
        "serial_number": "SN-8812-XA",
        "company": "PT Contoh Makmur",
        "product": "IMES Seat Management",
        "address": "Jl. Sudirman 1, Jakarta",
        "pic": "Rina",
    }
    body = {
        "ticket_type": "nn",
        "kip": "nn-imes-seat-management",
        "number": "SN-8812-XA",
        "customer_class": "Enterprise",
        "escalation": "AM",
        "fields": fields,
    }
    response = client.post("/support/tickets", json=body, headers=episode)
    assert response.status_code == 200, response.text
    assert re.fullmatch(r"NN\d{9}", response.json()["ticket_id"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kip": "k99-tidak-ada"}, "kip"),
        ({"ticket_type": "NN"}, "ticket_type"),
        ({"ticket_type": "XX"}, "ticket_type"),
        ({"number": "0212345678"}, "number"),
        ({"number": ""}, "number"),
        ({"customer_class": "Emas"}, "customer_class"),
        ({"escalation": "Pak RT"}, "escalation"),
        ({"fields": {**K22_FIELDS, "shoe_size": "42"}}, "fields.shoe_size"),
        ({"fields": {**K22_FIELDS, "msisdn": "0999"}}, "fields.msisdn"),
        ({"fields": {**K22_FIELDS, "nominal": "9" * 501}}, "fields.nominal"),
        ({"fields": "msisdn=0812"}, "fields"),
        ({"description": "x" * 2001}, "description"),
        ({"priority": "high"}, "priority"),
    ],
)
def test_malformed_ticket_forms_name_the_field(
    client: TestClient, episode: dict, changes: dict, field: str
) -> None:
    response = client.post("/support/tickets", json=k22(**changes), headers=episode)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


def test_background_tickets_read_and_bad_ids(client: TestClient, world_engine: Engine) -> None:
    with world_engine.connect() as conn:
        ticket_id = conn.execute(
            select(TICKETS.c.ticket_id).where(TICKETS.c.episode_id.is_(None))
        ).scalar()
    assert client.get(f"/support/tickets/{ticket_id}").json()["ticket_id"] == ticket_id
    missing = client.get("/support/tickets/IN000000000")
    assert missing.status_code == 404 and missing.json()["field"] == "ticket_id"
    malformed = client.get("/support/tickets/XX123")
    assert malformed.status_code == 422 and malformed.json()["field"] == "ticket_id"


def test_someone_elses_episode_is_forbidden(
    client: TestClient, world_engine: Engine, episode: dict
) -> None:
    _, stranger = make_user(world_engine)
    headers = episode_headers(stranger, episode["X-Gladi-Episode"])
    assert client.post("/support/tickets", json=k22(), headers=headers).status_code == 403
    assert trace_of(world_engine, episode["X-Gladi-Episode"]) == []


def test_a_ticket_filed_by_mistake_can_be_cancelled_once(
    client: TestClient, world_engine: Engine, episode: dict[str, str]
) -> None:
    filed = client.post("/support/tickets", json=k22(), headers=episode).json()
    path = f"/support/tickets/{filed['ticket_id']}/cancel"
    cancelled = client.post(path, headers=episode)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "Cancelled"
    assert cancelled.json()["display"]["Status"] == "Cancelled"
    read = client.get(f"/support/tickets/{filed['ticket_id']}", headers=episode).json()
    assert read["status"] == "Cancelled"
    again = client.post(path, headers=episode)
    assert again.status_code == 409 and again.json()["field"] == "ticket_id"
    events = trace_of(world_engine, episode["X-Gladi-Episode"])
    cancels = [e for e in events if e["operation"] == "tickets.cancel"]
    assert [e["status"] for e in cancels] == [200, 409]
    assert cancels[0]["params"] == {"ticket_id": filed["ticket_id"]}


def test_only_the_episodes_own_tickets_can_be_cancelled(
    client: TestClient, world_engine: Engine, episode: dict[str, str]
) -> None:
    filed = client.post("/support/tickets", json=k22(), headers=episode).json()
    user_id, token = make_user(world_engine)
    other = episode_headers(token, make_episode(world_engine, user_id))
    refused = client.post(f"/support/tickets/{filed['ticket_id']}/cancel", headers=other)
    assert refused.status_code == 404 and refused.json()["field"] == "ticket_id"
    outside = client.post(f"/support/tickets/{filed['ticket_id']}/cancel")
    assert outside.status_code == 403
    malformed = client.post("/support/tickets/XX1/cancel", headers=episode)
    assert malformed.status_code == 422 and malformed.json()["field"] == "ticket_id"
    with world_engine.connect() as conn:
        status = conn.execute(
            select(TICKETS.c.status).where(TICKETS.c.ticket_id == filed["ticket_id"])
        ).scalar_one()
    assert status == "Open"
