"""Reference agents. An agent is `agent(client, brief) -> submission body`.

`client` is an httpx.Client bound to the episode (bearer token and X-Gladi-Episode already set),
so every tool call it makes is recorded and graded; `brief` is the body POST /api/episodes
returned (id, scenario, sop, brief: channel, opening, resolutions, escalations, questions).
"""

import importlib
import os
import random
import re
import sys
from collections.abc import Callable
from typing import Any

import httpx

from gladi import formats as f
from gladi.assess.client import ToolSessions, call, replay
from gladi.catalog import OPERATIONS

Agent = Callable[[httpx.Client, dict[str, Any]], dict[str, Any]]


def oracle(client: httpx.Client, brief: dict[str, Any]) -> dict[str, Any]:
    """Follow the answer key (needs a trainer or assessor token): the grader must give 100."""
    key = client.get(f"/api/episodes/{brief['id']}/key").raise_for_status().json()
    replay(client, brief["id"], key["steps"])
    return key["submit"]


_GENERIC_QUESTIONS = (
    "Boleh saya tahu nomor Anda?",
    "Kapan kejadiannya?",
    "Lewat channel apa?",
    "Apa nomor ordernya?",
    "Berapa nominalnya?",
    "Apa SID layanan Anda?",
    "Apa nama perusahaan Anda?",
    "Apakah sudah dapat notifikasi?",
)
_IDS = {  # identifier regex (unanchored) -> parameter name it fills
    "msisdn": re.compile(r"\b08(?:11|12|13|21|22|23|51|52|53)\d{6,8}\b"),
    "sid": re.compile(r"\b\d{9}-\d{9}\b|\b\d{9,10}\b"),
    "ao": re.compile(r"\b1-\d{9}\b"),
    "serial": re.compile(r"\b02\d{23}\b"),
    "order_id": re.compile(r"\bGOL\d{12}\b"),
    "indihome": re.compile(r"\b1\d{11}\b"),
    "account": re.compile(r"\b\d{7}\b"),
}


def _found_ids(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, regex in _IDS.items():
        match = regex.search(text)
        if match:
            found[name] = f.normalize_msisdn(match.group()) if name == "msisdn" else match.group()
    return found


def _random_request(rng: random.Random, ids: dict[str, str]) -> dict[str, Any] | None:
    options: list[dict[str, Any]] = []
    for op in OPERATIONS:
        if op.method != "GET" or not op.keys or op.keys[0] not in ids:
            continue
        key = op.keys[0]
        slot = "{" + key + "}"
        if slot in op.path:
            options.append({"method": "GET", "path": op.path.replace(slot, ids[key])})
        elif "{" not in op.path:
            options.append({"method": "GET", "path": op.path, "params": {key: ids[key]}})
    return rng.choice(options) if options else None


def random_agent(client: httpx.Client, brief: dict[str, Any]) -> dict[str, Any]:
    """Plausible but unguided: a few questions and lookups, then a random resolution."""
    rng = random.Random(brief["id"])
    text = brief["brief"].get("opening", "")
    for question in rng.sample(_GENERIC_QUESTIONS, k=rng.randint(1, 3)):
        answer = client.post(f"/api/episodes/{brief['id']}/ask", json={"question": question})
        if answer.status_code == 200:
            text += " " + answer.json()["answer"]
    ids = _found_ids(text)
    sessions = ToolSessions()
    for _ in range(rng.randint(1, 4)):
        request = _random_request(rng, ids)
        if request is not None:
            call(client, sessions, request)
    resolutions = [
        r["code"] if isinstance(r, dict) else r for r in brief["brief"].get("resolutions", [])
    ] or ["create_ticket"]
    escalations = [
        e["code"] if isinstance(e, dict) else e for e in brief["brief"].get("escalations", [])
    ]
    body: dict[str, Any] = {"resolution": rng.choice(resolutions)}
    if escalations and rng.random() < 0.5:
        body["escalation"] = rng.choice(escalations)
    return body


BUILTIN: dict[str, Agent] = {"oracle": oracle, "random": random_agent}


def load_agent(spec: str) -> Agent:
    """'oracle', 'random' or 'package.module:function'."""
    if spec in BUILTIN:
        return BUILTIN[spec]
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"agent {spec!r}: use oracle, random or MODULE:FUNCTION")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())  # agents live in the user's working directory
    try:
        agent = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"agent {spec!r} cannot be loaded: {exc}") from exc
    if not callable(agent):
        raise ValueError(f"agent {spec!r} is not callable")
    return agent
