"""A case (`scenarios/cases/<sop>/<case-id>.yaml`): one customer situation of one SOP."""

from typing import Literal

from pydantic import Field, model_validator

from scenarios.models.common import Ident, Scalar, Strict, Text
from scenarios.models.sop import AnswerBy

Temperament = Literal["cooperative", "vague", "impatient"]
TEMPERAMENTS: tuple[str, ...] = ("cooperative", "vague", "impatient")


class Persona(Strict):
    """The simulated customer: opening line, answers by question id, what they do not know."""

    opening: Text = Field(description="First words of the customer (Indonesian, templated)")
    knows: dict[Ident, Text | AnswerBy] = Field(
        default_factory=dict,
        description="Question id -> answer template overriding the SOP's default answer",
    )
    does_not_know: list[Ident] = Field(
        default_factory=list, description="Question ids the customer cannot answer"
    )
    discloses: list[Ident] = Field(
        default_factory=list,
        description="Facts the opening already states (question-sourced facts only): the "
        "conversation has established them, so their questions need not be asked again",
    )
    temperament_default: Temperament = "cooperative"


class Overrides(Strict):
    """Expected-outcome overrides; `reason` says why the SOP rules do not apply as written."""

    resolution: Ident | None = None
    escalation: str | None = None
    reason: Text


class Clock(Strict):
    """The episode's simulated now: `at` (HH:MM WIB) on WORLD_NOW's date plus `day_offset`."""

    at: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    day_offset: int = Field(default=0, ge=-30, le=0)


class DrillFact(Strict):
    """A fact a drill asks for, and the lookup (tool) it must be found with."""

    fact: Ident
    lookup: Ident


class Case(Strict):
    """A case or a lookup drill."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    sop: str = Field(pattern=r"^sop-\d{3}$")
    title: Text
    difficulty: Literal[1, 2, 3, "easy", "medium", "hard"]
    channel: Literal["voice", "chat", "email", "social"]
    kind: Literal["case", "drill"] = "case"
    exam_only: bool = Field(
        default=False, description="Only in exams: never offered to trainees for practice"
    )
    covers: list[Ident] = Field(default_factory=list)
    conditions: dict[Ident, Scalar] = Field(default_factory=dict)
    persona: Persona
    overrides: Overrides | None = None
    clock: Clock | None = None
    goal: Text | None = Field(default=None, description="Drills: what to find")
    report_facts: list[DrillFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _drill_shape(self) -> "Case":
        if self.kind == "drill" and (not self.goal or not self.report_facts):
            raise ValueError("a drill needs a goal and report_facts")
        if self.kind == "case" and self.report_facts:
            raise ValueError("report_facts belong to drills (cases report the SOP's facts)")
        return self
