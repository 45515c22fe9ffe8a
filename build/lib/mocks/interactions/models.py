"""Response models of the interaction history."""

from datetime import datetime

from mocks.screens import Screen


class InteractionItem(Screen):
    """A past contact: when, through which channel, about what, and the agent's note."""

    at: datetime
    channel: str
    category: str
    note: str


class TicketSummary(Screen):
    """A ticket about the number: id, time, KIP, status and escalation."""

    ticket_id: str
    created_at: datetime
    kip: str
    kip_label: str
    status: str
    escalation: str | None


class InteractionHistory(Screen):
    """Interactions and tickets of a number (the background world plus the caller's episode)."""

    number: str
    interaction_count: int
    ticket_count: int
    interactions: list[InteractionItem]
    tickets: list[TicketSummary]
