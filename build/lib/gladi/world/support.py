"""Support systems: outage notices, interaction history, tickets, and the world's own record."""

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class WorldInfo(SQLModel, table=True):
    """One row saying which seed and scale built the background world, and when it is 'now'."""

    __tablename__ = "world_info"
    id: int = Field(primary_key=True)
    seed: int
    scale: str
    world_now: datetime
    rows: int


class OutageNotice(SQLModel, table=True):
    """A mass outage notice (informasi gangguan) for an area and service."""

    __tablename__ = "outage_notice"
    id: int = Field(primary_key=True)
    area: str = Field(index=True, description="city / kabupaten, as Subscriber.location")
    service: str = Field(description="VOICE, SMS, DATA, SEMUA, INDIHOME")
    title: str
    started_at: datetime
    expected_end: datetime
    standard_answer: str
    episode_id: str | None = Field(default=None, index=True)


class Interaction(SQLModel, table=True):
    """A past contact with the customer (call, chat, GraPARI visit) about a number."""

    __tablename__ = "interaction"
    id: int = Field(primary_key=True)
    number: str = Field(index=True, description="MSISDN, IndiHome number, SID or account")
    at: datetime
    channel: str
    category: str
    note: str
    episode_id: str | None = Field(default=None, index=True)


class Ticket(SQLModel, table=True):
    """A complaint ticket: past ones in the world, and the ones trainees file in an episode."""

    __tablename__ = "ticket"
    id: int = Field(primary_key=True)
    ticket_id: str = Field(index=True, description="'IN' or 'NN' + 9 digits")
    ticket_type: str = Field(description="IN (numbered) or NN (non numbering)")
    number: str = Field(index=True, description="MSISDN, SID, order id ... the ticket is about")
    created_at: datetime
    kip: str
    escalation: str | None = None
    status: str = Field(description="Open, In Progress, Closed")
    customer_class: str | None = None
    description: str
    fields: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    episode_id: str | None = Field(default=None, index=True)
