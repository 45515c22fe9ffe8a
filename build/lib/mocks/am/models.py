"""Response models of the AM lookup."""

from mocks.screens import Screen


class AmRecord(Screen):
    """An account's AM (name, NIK, phone, e-mail, segment, witel) and its EOS contact."""

    company: str
    account_number: str
    sid: str | None = None
    am_name: str
    am_nik: str
    am_phone: str
    am_email: str
    segment: str
    witel: str
    eos_name: str
    eos_phone: str


class AmLookup(Screen):
    """The lookup result: one record for an SID, one per matching account for a company."""

    count: int
    items: list[AmRecord]
