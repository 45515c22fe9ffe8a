"""Tables for users, login sessions, episodes, trace events, exams, question phrasings, the
deployment secret and failed logins."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Integer
from sqlmodel import Field, SQLModel


class UserAccount(SQLModel, table=True):
    """A local account: trainee, trainer or assessor, with an argon2 password hash."""

    __tablename__ = "user_account"
    __table_args__ = {"sqlite_autoincrement": True}  # an id is never handed out twice
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True)
    role: str = Field(description="trainee, trainer or assessor")
    password_hash: str
    created_at: datetime


class AuthSession(SQLModel, table=True):
    """A bearer token (stored as its SHA-256) and when it stops working."""

    __tablename__ = "auth_session"
    token_hash: str = Field(primary_key=True)
    user_id: int = Field(index=True)
    created_at: datetime
    expires_at: datetime = Field(index=True)


class Episode(SQLModel, table=True):
    """One attempt at one case: its customer, clock, answer key and, once submitted, report."""

    __tablename__ = "episode"
    __table_args__ = (
        Index("ix_episode_state_submitted_at", "state", "submitted_at"),
        # One attempt per trainee and exam case (practice episodes have no exam_id: NULLs differ)
        Index("uq_episode_exam_attempt", "exam_id", "user_id", "scenario_id", unique=True),
    )
    id: str = Field(primary_key=True, description="unguessable, secrets.token_urlsafe")
    user_id: int = Field(index=True)
    scenario_id: str = Field(index=True)
    sop: str = Field(index=True)
    seed: int = Field(
        sa_type=BigInteger().with_variant(Integer(), "sqlite"),  # SQLite's INTEGER is 64-bit
        description="exam seeds lie beyond practice's range",
    )
    persona: str
    mode: str = Field(description="practice or exam")
    exam_id: int | None = Field(default=None, index=True)
    state: str = Field(description="open, submitted or closed (ended unsubmitted)")
    created_at: datetime
    submitted_at: datetime | None = None
    deadline: datetime | None = Field(
        default=None, description="exam attempts: the exam's deadline, checked on every call"
    )
    sim_now: datetime = Field(description="the episode's simulated clock")
    brief: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    customer: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    key: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    submission: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    report: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    score: int | None = None
    passed: bool | None = None


class TraceEvent(SQLModel, table=True):
    """One thing done inside an episode: a tool call, a question, a hint or the submission.

    `id` orders events across workers; the grader reads nothing but these rows.
    """

    __tablename__ = "trace_event"
    id: int | None = Field(default=None, primary_key=True)
    episode_id: str = Field(index=True)
    at: datetime
    kind: str = Field(description="tool, ask, hint or submit")
    tool: str | None = None
    operation: str | None = Field(default=None, description="catalog name, e.g. dsc.profile")
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    status: int = 200
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class Exam(SQLModel, table=True):
    """A set of cases a trainer assigns to trainees with a deadline."""

    __tablename__ = "exam"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    created_by: int
    created_at: datetime
    deadline: datetime
    scenarios: list[str] = Field(default_factory=list, sa_column=Column(JSON))


class ExamAssignment(SQLModel, table=True):
    """An exam given to one trainee; `finished_at` is set when the whole set is submitted."""

    __tablename__ = "exam_assignment"
    id: int | None = Field(default=None, primary_key=True)
    exam_id: int = Field(index=True)
    user_id: int = Field(index=True)
    finished_at: datetime | None = None


class QuestionPhrasing(SQLModel, table=True):
    """A phrasing a trainer added to a SOP question's bank: new episodes of the SOP understand
    it (an episode keeps the bank it started with)."""

    __tablename__ = "question_phrasing"
    id: int | None = Field(default=None, primary_key=True)
    sop: str = Field(index=True)
    question_id: str
    text: str
    key: str = Field(description="the phrasing in standard words (duplicates share it)")
    added_by: int
    created_at: datetime


class PhrasingReview(SQLModel, table=True):
    """A trainee's message the customer understood as no SOP question, or barely: listed for
    trainers until one adds it to a question's bank or dismisses it."""

    __tablename__ = "phrasing_review"
    __table_args__ = (Index("ix_phrasing_review_sop_open", "sop", "resolved"),)
    id: int | None = Field(default=None, primary_key=True)
    sop: str
    episode_id: str
    event_id: int
    text: str
    key: str = Field(index=True, description="the message in standard words (groups repeats)")
    outcome: str = Field(description="unmatched, ambiguous or low (understood, low confidence)")
    score: float
    candidates: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime
    resolved: str | None = Field(default=None, description="added:<question id> or dismissed")
    resolved_by: int | None = None
    resolved_at: datetime | None = None


class DeploymentSecret(SQLModel, table=True):
    """The deployment secret generated at first run (when GLADI_SECRET_KEY is not set)."""

    __tablename__ = "deployment_secret"
    name: str = Field(primary_key=True)
    value: str
    created_at: datetime


class LoginFailure(SQLModel, table=True):
    """One failed login: counted per username and per client address to throttle guessing."""

    __tablename__ = "login_failure"
    __table_args__ = (
        Index("ix_login_failure_username_at", "username", "at"),
        Index("ix_login_failure_address_at", "address", "at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    username: str
    address: str
    at: datetime
