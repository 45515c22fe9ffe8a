"""Request and response bodies of the episode API (the public contract)."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["trainee", "trainer", "assessor"]
MAX_ID = 2**31 - 1
"""The largest id an integer column holds (PostgreSQL INTEGER)."""


class Strict(BaseModel):
    """Request bodies refuse unknown fields, so typos are reported, not ignored."""

    model_config = ConfigDict(extra="forbid")


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)


class LoginOut(BaseModel):
    token: str
    role: Role
    username: str
    expires_in_minutes: int


class ScenarioOut(BaseModel):
    """A case as the caller may see it: trainees get an opaque id and a neutral title."""

    id: str = Field(description="Readable id for staff; opaque `c_...` for trainees")
    sop: str
    title: str
    difficulty: str | int
    channel: str
    kind: str = "case"
    exam_only: bool = False


class EpisodeIn(Strict):
    scenario: str = Field(
        min_length=1, max_length=120, description="A case id from GET /api/scenarios"
    )
    seed: int | None = Field(
        default=None, ge=0, le=2**31 - 1, description="Practice only; exams pick their own"
    )
    persona: Literal["cooperative", "vague", "impatient"] | None = None
    exam_id: int | None = Field(default=None, ge=1, le=MAX_ID)


class Brief(BaseModel):
    model_config = ConfigDict(extra="allow")
    channel: str
    opening: str


class EpisodeOut(BaseModel):
    id: str
    scenario: str
    sop: str
    seed: int
    brief: Brief
    tools: list[str]
    deadline: str | None = None


class AskIn(Strict):
    question: str = Field(min_length=1, max_length=1000)


class AskOut(BaseModel):
    question_id: str | None = Field(
        description="The first SOP question the message was understood as (null: none)"
    )
    question_ids: list[str] = Field(
        description="Every SOP question the message was understood as, in order ([] for "
        "small talk, caller details or a request to clarify)"
    )
    answer: str
    talk: str | None = Field(
        default=None,
        description="What else the message was: greeting, identity, thanks, hold, apology, "
        "empathy, acknowledge, closing; caller_info (the caller's name, address, phone or "
        "e-mail a form needs); clarify (the customer did not understand and asks). Null when "
        "the message only asked SOP questions",
    )


class SubmitIn(Strict):
    resolution: str = Field(min_length=1, max_length=100)
    escalation: str | None = Field(default=None, max_length=100)
    facts: dict[str, Any] | None = None
    notes: str | None = Field(default=None, max_length=5000)
    advice: list[str] | None = Field(default=None, max_length=20)


class ReportItem(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    kind: str
    status: Literal["ok", "missed", "wrong", "extra"]
    evidence: Any = None
    sop_ref: str | None = None
    message: str


class Report(BaseModel):
    """The graded report; in an exam before it closes, `withheld` and no score; an exam
    attempt closed at its deadline unsubmitted has score 0 and `reason` "deadline passed"."""

    model_config = ConfigDict(extra="allow")
    score: int | None
    passed: bool | None
    items: list[ReportItem]
    withheld: bool = False
    reason: str | None = None


class HintOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    step_id: str | None = None
    sop_ref: str | None = None
    passage: str


class EpisodeState(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    scenario: str
    sop: str
    state: Literal["open", "submitted", "closed"]
    mode: str
    timeline: list[dict[str, Any]]
    score: int | None = None
    passed: bool | None = None


class TraceOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    episode: str
    events: list[dict[str, Any]]
    submission: dict[str, Any] | None = None
    key: dict[str, Any] | None = None
    report: dict[str, Any] | None = None


class KeyOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    submit: dict[str, Any]
    steps: list[dict[str, Any]]
    expected: dict[str, Any]
