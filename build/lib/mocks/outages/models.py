"""Response models of the outage notices screen."""

from datetime import datetime

from mocks.screens import Screen


class OutageItem(Screen):
    """One notice: title, service, start and expected end, and the standard answer."""

    area: str
    service: str
    title: str
    started_at: datetime
    expected_end: datetime
    active: bool
    standard_answer: str


class OutageList(Screen):
    """The notices for an area (an empty list when there is no outage there)."""

    area: str
    include_past: bool
    count: int
    items: list[OutageItem]
