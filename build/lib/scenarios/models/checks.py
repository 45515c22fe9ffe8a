"""SOP parts the grader checks: ticket field checks, reported facts, forbidden moves."""

from typing import Literal

from pydantic import Field, model_validator

from scenarios.models.common import Condition, Ident, Ref, Strict, Text

Compare = Literal[
    "text", "number", "datetime", "date", "set", "bool", "datetimes", "numbers", "bill_status"
]
"""How a reported value is compared; `datetimes` / `numbers` are lists (any order, each item
compared as `datetime` / `number`), e.g. the charge times or prices of several OTT services;
`bill_status` compares the paid/unpaid claim (`Sudah lunas` is `Lunas`, `belum` is
`Belum Lunas`)."""


class CheckDef(Strict):
    """How one ticket field is checked; `value` is what the answer key writes."""

    equals: str | None = None
    one_of: list[str] | None = None
    matches: str | None = None
    contains: str | None = None
    nonempty: bool | None = None
    date_of: str | None = None
    all_of: str | None = None
    amount: str | None = Field(
        default=None,
        description="An expression naming a Rupiah amount; the field passes when it names that "
        "amount in any usual form (`Rp50.000`, `50000`, `50.000,00`, `50 ribu`)",
    )
    value: str | None = None
    identifies: bool = Field(
        default=False,
        description="The field says who or what the ticket is about (MSISDN, SID, order id, "
        "serial, e-mail): a wrong value files a ticket about someone else and fails the attempt",
    )
    ref: Ref

    @model_validator(mode="after")
    def _one(self) -> "CheckDef":
        given = [k for k in CHECK_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {', '.join(CHECK_KINDS)}")
        return self

    @property
    def kind(self) -> str:
        """The check's kind (equals, contains ...)."""
        return next(k for k in CHECK_KINDS if getattr(self, k) is not None)


CHECK_KINDS = (
    "equals",
    "one_of",
    "matches",
    "contains",
    "nonempty",
    "date_of",
    "all_of",
    "amount",
)


class ReportFactDef(Strict):
    """A fact the trainee reports in `submission.facts` (drills, lookup-only SOPs)."""

    id: Ident
    expr: str
    compare: Compare = "text"
    lookup: Ident
    label: Text
    label_en: Text
    when: Condition | None = None
    in_cases: bool = False
    critical: bool = Field(
        default=False,
        description="A wrong or missing value fails the attempt whatever the score (the facts a "
        "lookup-only SOP exists to establish, e.g. SOP 003's OTT status)",
    )
    ref: Ref


class TicketFieldDetect(Strict):
    """A filed ticket whose `field` does not match the named regex of gladi.formats."""

    field: str
    not_matches: str


class FactDetect(Strict):
    """A reported fact (`submission.facts[fact]`) whose value is one of `values`: compared as
    text, or (`reading: bill_claim`) as the paid/unpaid claim it makes, qualifiers ignored
    (`Belum Lunas (total account)`, `belum`, `false` all claim `Belum Lunas`)."""

    fact: Ident
    values: list[str] = Field(min_length=1)
    reading: Literal["text", "bill_claim"] = "text"


class Detect(Strict):
    """How a forbidden move shows in the trace or the submission (exactly one)."""

    resolution_in: list[Ident] | None = None
    advice_in: list[str] | None = None
    ticket_field: TicketFieldDetect | None = None
    operation_in: list[str] | None = None
    fact_in: FactDetect | None = None

    @model_validator(mode="after")
    def _one(self) -> "Detect":
        given = [k for k in DETECT_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {', '.join(DETECT_KINDS)}")
        return self


DETECT_KINDS = ("resolution_in", "advice_in", "ticket_field", "operation_in", "fact_in")


class ForbiddenDef(Strict):
    """A move the SOP forbids; it fails the attempt when made while `when` holds."""

    id: Ident
    when: Condition | None = None
    detect: Detect
    message: Text
    pesan: Text
    ref: Ref
