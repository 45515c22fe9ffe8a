"""What tools' forms ask of the caller (name, address, phone, e-mail), as data (`caller.yaml`).

Each detail joins the SOP's bank as the topic `caller:<detail>` unless one of the SOP's own
questions already asks it, so a SOP question is always recorded as itself.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from scenarios.understanding.lexicon import DATA

PREFIX = "caller:"


@dataclass(frozen=True)
class CallerDetail:
    """One detail a form asks of the caller."""

    name: str
    covered_by: frozenset[str]
    topic: str
    reply: str
    phrasings: tuple[str, ...]


@cache
def caller_details() -> tuple[CallerDetail, ...]:
    """The details of data/caller.yaml, in file order."""
    with (DATA / "caller.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)["details"]
    return tuple(
        CallerDetail(
            name=name,
            covered_by=frozenset(spec.get("covered_by") or ()),
            topic=str(spec["topic"]),
            reply=str(spec["reply"]),
            phrasings=tuple(str(p) for p in spec["phrasings"]),
        )
        for name, spec in raw.items()
    )


def detail(name: str) -> CallerDetail:
    """The detail called `name` (KeyError if there is none)."""
    for found in caller_details():
        if found.name == name:
            return found
    raise KeyError(name)


def active_details(question_ids: Iterable[str]) -> list[CallerDetail]:
    """The details none of these SOP questions asks already."""
    asked = set(question_ids)
    return [d for d in caller_details() if not d.covered_by & asked]


def caller_bank(question_ids: Iterable[str]) -> dict[str, list[str]]:
    """Topic `caller:<detail>` -> phrasings, for the details the SOP leaves to the caller."""
    return {PREFIX + d.name: list(d.phrasings) for d in active_details(question_ids)}


def is_caller(topic: str) -> bool:
    """Whether a topic is a caller detail rather than a SOP question."""
    return topic.startswith(PREFIX)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]+", ".", text.lower()).strip(".")


def caller_values(values: Mapping[str, Any]) -> dict[str, str]:
    """The caller's name, address, phone and e-mail as a tool's form asks them, from the
    instance's values (an e-mail is made from the name when the world has none)."""
    name = str(values.get("name") or values.get("pic_name") or "")
    phones = ("pic_phone", "pots_phone", "alt_contact", "msisdn")
    phone = next((str(values[k]) for k in phones if values.get(k)), "")
    address = str(values.get("address") or values.get("location") or "")
    email = str(values.get("email") or "")
    if not email and name:
        person = ".".join(_slug(name).split(".")[:2])
        company = _slug(str(values.get("company") or "")).replace("pt.", "").replace(".", "")
        email = f"{person}@{company}.co.id" if company else f"{person}@gmail.com"
    return {"name": name, "address": address, "phone": phone, "email": email}
