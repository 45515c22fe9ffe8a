"""SOP parts the grader checks: ticket field checks, reported facts, forbidden moves."""

from typing import Literal

from pydantic import Field, model_validator

from scenarios.models.common import Condition, Ident, Ref, Strict, Text

Compare = Literal["text", "number", "datetime", "set", "bool", "datetimes", "numbers"]
"""How a reported value is compared; `datetimes` / `numbers` are lists (any order, each item
compared as `datetime` / `number`), e.g. the charge times or prices of several OTT services."""


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
    """A reported fact (`submission.facts[fact]`) whose value is one of `values` (text)."""

    fact: Ident
    values: list[str] = Field(min_length=1)


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
