"""A small hand-written agent for SOP 001 (the README's example; tested in tests/assess)."""

import re

import httpx


def agent(client: httpx.Client, brief: dict) -> dict:
    """Look the number up in DSC the way SOP 001 says, then decide."""
    msisdn = re.search(r"08\d{8,11}", brief["brief"]["opening"]).group()
    episode = brief["id"]
    ask = lambda q: client.post(f"/api/episodes/{episode}/ask", json={"question": q}).json()  # noqa: E731
    ask("Kapan tanggal pembayaran dan lewat channel apa?")
    ask("Layanan apa yang tidak bisa digunakan?")
    profile = client.get(f"/dsc/subscribers/{msisdn}").json()
    payments = client.get(f"/dsc/subscribers/{msisdn}/fa-payments").json()
    hlr = client.get(f"/dsc/subscribers/{msisdn}/hlr").json()
    client.get("/support/interactions", params={"number": msisdn})
    client.get("/support/outages", params={"area": profile["location"]})
    posted = any(p["posted_to_ledger"] for p in payments["items"])
    blocked = any(s["state"] == "Blocked" for s in hlr["items"])
    if posted and not blocked:
        return {"resolution": "network_refresh"}
    return {"resolution": "create_ticket"}
