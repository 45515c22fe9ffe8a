"""The episode routes: start, ask, hint, submit, and read state, report, trace and key."""

from typing import Any

from fastapi import Path

from gladi.db import get_engine
from gladi.episodes import service
from mocks.api.deps import CurrentUser, StaffUser, in_transaction
from mocks.api.models import (
    AskIn,
    AskOut,
    EpisodeIn,
    EpisodeOut,
    EpisodeState,
    HintOut,
    KeyOut,
    Report,
    SubmitIn,
    TraceOut,
)
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter

router = PrefixRouter(prefix="/api/episodes", tags=["episodes"], responses=ERROR_RESPONSES)
EpisodeId = Path(
    min_length=8,
    max_length=64,
    pattern=r"^[A-Za-z0-9_-]+$",
    description="The episode id returned by POST /api/episodes",
)


@router.post("", name="api.episode_start", status_code=201)
async def start_episode(body: EpisodeIn, user: CurrentUser) -> EpisodeOut:
    """Start an attempt: a fresh customer for the case (same seed, same customer).

    `scenario` is a case id from GET /api/scenarios (opaque for trainees) or a readable one.
    In an exam (`exam_id`) the server picks the customer (no `seed`), one attempt per case."""
    result = service.start_once(
        get_engine(), user, body.scenario, body.seed, body.persona, body.exam_id
    )
    return EpisodeOut.model_validate(result)


@router.get("", name="api.my_open_episodes")
async def list_open_episodes(user: CurrentUser) -> list[dict[str, Any]]:
    """The caller's open attempts, newest first (to resume one after a reload)."""
    return in_transaction(service.open_episodes, user)


@router.post("/{episode_id}/ask", name="api.episode_ask")
async def ask_customer(body: AskIn, user: CurrentUser, episode_id: str = EpisodeId) -> AskOut:
    """Ask the simulated customer a question (SOP question id or free text)."""
    return AskOut.model_validate(in_transaction(service.ask, user, episode_id, body.question))


@router.post("/{episode_id}/hint", name="api.episode_hint")
async def get_hint(user: CurrentUser, episode_id: str = EpisodeId) -> HintOut:
    """Practice mode: the SOP passage for the next step (recorded; costs points)."""
    return HintOut.model_validate(in_transaction(service.hint, user, episode_id))


@router.post("/{episode_id}/submit", name="api.episode_submit")
async def submit_episode(body: SubmitIn, user: CurrentUser, episode_id: str = EpisodeId) -> Report:
    """Submit the resolution; returns the graded report. A second submit gets 409."""
    report = in_transaction(service.submit, user, episode_id, body.model_dump(exclude_none=True))
    return Report.model_validate(report)


@router.get("/{episode_id}", name="api.episode_state")
async def read_episode(user: CurrentUser, episode_id: str = EpisodeId) -> EpisodeState:
    """State and timeline (owner, trainer or assessor)."""
    return EpisodeState.model_validate(in_transaction(service.state, user, episode_id))


@router.get("/{episode_id}/report", name="api.episode_report")
async def read_report(user: CurrentUser, episode_id: str = EpisodeId) -> Report:
    """The stored report of a submitted episode."""
    return Report.model_validate(in_transaction(service.report, user, episode_id))


@router.get("/{episode_id}/trace", name="api.episode_trace")
async def read_trace(user: CurrentUser, episode_id: str = EpisodeId) -> TraceOut:
    """Events, submission and (when visible) key and report: the input of `gladi grade`."""
    return TraceOut.model_validate(in_transaction(service.trace, user, episode_id))


@router.get("/{episode_id}/key", name="api.episode_key")
async def read_key(user: StaffUser, episode_id: str = EpisodeId) -> KeyOut:
    """The answer key (trainers and assessors only)."""
    key: dict[str, Any] = in_transaction(service.key, user, episode_id)
    return KeyOut.model_validate(key)
