"""The SOP encoding (`scenarios/sops/sop-00N.yaml`): facts, lookups, questions, decision ..."""

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from scenarios.models.checks import (
    CHECK_KINDS,
    DETECT_KINDS,
    CheckDef,
    Compare,
    Detect,
    ForbiddenDef,
    ReportFactDef,
    TicketFieldDetect,
)
from scenarios.models.common import Condition, Ident, Ref, Scalar, Strict, Text

__all__ = [
    "CHECK_KINDS",
    "DETECT_KINDS",
    "CheckDef",
    "Compare",
    "Detect",
    "ForbiddenDef",
    "ReportFactDef",
    "TicketFieldDetect",
]

FactType = Literal["bool", "enum", "int", "str"]


class FactSource(Strict):
    """What establishes a fact: a lookup, a question, or the case itself."""

    lookup: Ident | None = None
    question: Ident | None = None
    case: bool | None = None

    @model_validator(mode="after")
    def _one(self) -> "FactSource":
        given = [k for k in ("lookup", "question", "case") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of lookup, question, case")
        return self


class FactDef(Strict):
    """A fact decisions depend on; no default means cosmetic (chosen per instance)."""

    type: FactType
    values: list[Scalar] | None = None
    default: Scalar | None = None
    source: FactSource | None = None
    derived: Condition | None = None
    presumed: Scalar | None = Field(
        default=None,
        description="The value the SOP presumes until the customer says otherwise (000:225: "
        "the customer can be educated to coordinate with the AM at once). A rule that needs "
        "the fact at this value does not need it established by its question or lookup.",
    )
    label: Text
    ref: Ref


class WindowDef(Strict):
    """A date range the lookup must search: it must contain `covers` (SOP 004: 14-day search)."""

    covers: str = Field(description="Expression of the WIB date (YYYY-MM-DD) the range must hold")
    today: str = Field(description="Expression of the episode's WIB date (the tool's default `to`)")
    days: int = Field(default=14, ge=1, le=366, description="The tool's default and longest range")


class LookupDef(Strict):
    """A required tool call: operation, the identifier it is made with, when it applies."""

    id: Ident
    operation: str
    with_: dict[str, str] = Field(default_factory=dict, alias="with")
    body: dict[str, Any] = Field(default_factory=dict)
    send: dict[str, str] = Field(
        default_factory=dict,
        description="Query parameters the key's request sends but the grader does not check "
        "(e.g. the E-Payment asker's name): expressions or literals",
    )
    when: Condition | None = None
    not_found_when: Condition | None = Field(
        default=None,
        description="When this holds the tool answers 'not found' (404) for the right "
        "identifier, and such an answer counts as the lookup done (SOP 000: no invoice shown)",
    )
    window: WindowDef | None = Field(
        default=None,
        description="The call's from/to range (tool defaults applied) must contain a date",
    )
    label: Text | None = None
    ref: Ref


class OptionalLookupDef(Strict):
    """A check the SOP asks for only 'if possible' (it may have no tool at all)."""

    id: Ident
    operation: str | None = None
    note: Text
    ref: Ref


class OrderDef(Strict):
    """Lookup `before` must come before lookup `after`."""

    before: Ident
    after: Ident
    ref: Ref


Phrasing = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class AnswerBy(Strict):
    """An answer that depends on a fact's value: `values` maps the value (as text) to a text."""

    by: Ident
    values: dict[str, Text]


class QuestionDef(Strict):
    """A question the agent puts to the customer, and the default answer template.

    `text`, `text_en`, `keywords` and `phrasings` together are the question's phrasing bank:
    what the simulated customer understands as this question (trainers add more in the UI).
    """

    id: Ident
    text: Text
    text_en: Text
    topic: Text | None = Field(
        default=None,
        description="A few words naming what is asked, as the customer says it when unsure "
        "('maksudnya soal {topic} atau ...?'); the question text when left out",
    )
    keywords: list[str] = Field(
        default_factory=list, description="Short phrases meaning this question (the bank)"
    )
    phrasings: list[Phrasing] = Field(
        default_factory=list,
        description="Ways agents ask this question, as they type them (the bank)",
    )
    reveals: list[Ident] = Field(default_factory=list)
    required: bool | Condition = False
    answer: Text | AnswerBy | None = None
    ref: Ref


class ResolutionDef(Strict):
    """A resolution code a submission may use."""

    code: Ident
    label_id: Text
    label_en: Text
    advises: list[Ident] = Field(
        default_factory=list,
        description="Advice codes this resolution gives the customer by itself (choosing "
        "`network_refresh` is advising the network refresh)",
    )
    ref: Ref


class AdviceDef(Strict):
    """Something the SOP has the agent tell or advise the customer (`submission.advice`)."""

    code: Ident
    label_id: Text
    label_en: Text
    ref: Ref


class TicketSpec(Strict):
    """The ticket a rule requires: a KIP code, or `auto` to pick it from the SOP's `kips`."""

    kip: str


class TicketForm(Strict):
    """How the answer key fills the ticket form's own boxes (expressions or literals)."""

    number: str
    customer_class: str
    ref: Ref


class RuleAdvice(Strict):
    """Advice a rule requires only when a condition holds (002:76: bank top-ups send proof)."""

    code: Ident
    when: Condition


class RuleDef(Strict):
    """One decision rule (first match wins)."""

    id: Ident
    when: Condition
    resolution: Ident
    escalation: str | None = None
    ticket: TicketSpec | None = None
    advice: list[Ident | RuleAdvice] = Field(
        default_factory=list,
        description="Advice the SOP requires with this rule (besides what its resolution "
        "advises by itself): a code, or {code, when} for advice due only when `when` holds",
    )
    label: Text
    ref: Ref


class KipChoice(Strict):
    """Which KIP a ticket gets when the SOP splits KIPs by facts."""

    when: Condition
    kip: str
    ref: Ref


class BranchDef(Strict):
    """A path through the SOP that the library must cover with at least one case."""

    id: Ident
    label: Text
    rule: Ident | None = None
    when: Condition | None = None
    kip: str | None = None
    ref: Ref

    @model_validator(mode="after")
    def _some(self) -> "BranchDef":
        if self.rule is None and self.when is None and self.kip is None:
            raise ValueError("give rule, when or kip (a case covers the branch when all hold)")
        return self


class Sop(Strict):
    """One SOP encoding."""

    id: str = Field(pattern=r"^sop-\d{3}$")
    title: Text
    source: str = Field(pattern=r"^\d{3}_[0-9a-f]+\.txt$")
    pass_score: int = Field(default=70, ge=1, le=100)
    facts: dict[Ident, FactDef]
    lookups: list[LookupDef] = Field(min_length=1)
    order: list[OrderDef] = Field(default_factory=list)
    optional_lookups: list[OptionalLookupDef] = Field(default_factory=list)
    wrong_lookups: list[str] = Field(default_factory=list)
    questions: list[QuestionDef] = Field(default_factory=list)
    resolutions: list[ResolutionDef] = Field(min_length=1)
    advice: list[AdviceDef] = Field(default_factory=list)
    decision: list[RuleDef] = Field(min_length=1)
    kips: list[KipChoice] = Field(default_factory=list)
    ticket_form: TicketForm | None = None
    ticket_checks: dict[str, CheckDef] = Field(default_factory=dict)
    report_facts: list[ReportFactDef] = Field(default_factory=list)
    forbidden: list[ForbiddenDef] = Field(default_factory=list)
    branches: list[BranchDef] = Field(min_length=1)

    @property
    def prefix(self) -> str:
        """The source file prefix every ref of this SOP uses (`001`)."""
        return self.source[:3]

    def lookup(self, lookup_id: str) -> LookupDef | None:
        """The lookup with this id."""
        return next((lk for lk in self.lookups if lk.id == lookup_id), None)

    def question(self, question_id: str) -> QuestionDef | None:
        """The question with this id."""
        return next((q for q in self.questions if q.id == question_id), None)

    def resolution(self, code: str) -> ResolutionDef | None:
        """The resolution with this code."""
        return next((r for r in self.resolutions if r.code == code), None)

    def rule(self, rule_id: str) -> RuleDef | None:
        """The decision rule with this id."""
        return next((r for r in self.decision if r.id == rule_id), None)
