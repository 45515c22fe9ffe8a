"""Request and response models of the ticket desk."""

import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from gladi import formats as f
from mocks.screens import Screen

FieldId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
FieldValue = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


def _number(value: object) -> object:
    """A mobile number in any form (62..., +62 ..., 0812-...) -> 0812...; others stripped."""
    if not isinstance(value, str):
        return value
    compact = "".join(value.split()).replace("-", "")
    if re.fullmatch(r"(\+?62|0)8\d{8,11}", compact):
        return f.normalize_msisdn(compact)
    return value.strip()


class TicketRequest(BaseModel):
    """The ticket form: type, KIP, number, class, optional escalation, the KIP's fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    ticket_type: Annotated[Literal["IN", "NN"], BeforeValidator(_upper)] = Field(
        description="IN (Numbering: about a service number) or NN (Non Numbering)"
    )
    kip: str = Field(min_length=1, max_length=200, description="KIP code from GET /support/kip")
    number: Annotated[str, BeforeValidator(_number)] = Field(
        min_length=1,
        max_length=60,
        description="What the ticket is about: MSISDN (IN tickets), SID, order id, SN ...",
    )
    customer_class: str = Field(min_length=1, max_length=30, description="Class, e.g. Gold")
    escalation: str | None = Field(default=None, max_length=40, description="Escalation target")
    fields: dict[FieldId, FieldValue] = Field(
        default_factory=dict, max_length=60, description="Field id -> value (mandatory fields)"
    )
    description: str | None = Field(default=None, max_length=2000, description="Keterangan")


class TicketView(Screen):
    """A ticket as the desk shows it."""

    ticket_id: str
    ticket_type: str
    kip: str
    kip_label: str
    number: str
    customer_class: str | None
    escalation: str | None
    status: str
    created_at: datetime
    description: str
    fields: dict[str, str]


class KipField(BaseModel):
    """A mandatory field of a KIP: its id (the key in a ticket's `fields`) and desk label."""

    id: str
    label: str


class KipEntry(Screen):
    """A KIP: code, desk label, ticket type and mandatory fields."""

    code: str
    label: str
    ticket_type: str
    fields: list[KipField]


class Escalation(BaseModel):
    """An escalation target."""

    code: str


class KipCatalogView(Screen):
    """Kategori KIP: every KIP, the optional fields, escalation targets and customer classes."""

    count: int
    items: list[KipEntry]
    all_fields: list[KipField] = Field(description="every field id a ticket may carry")
    escalations: list[Escalation]
    classes: list[str]
    ticket_types: dict[str, str]
