"""Trainer routes of the phrasing loop: what the customer did not understand, per SOP
question; add a phrasing to a question's bank, dismiss a message, remove an added phrasing,
try a phrasing against the current bank."""

from typing import Any

from fastapi import Path, Query
from pydantic import Field

from gladi.episodes import phrasings
from mocks.api.deps import TrainerUser, in_transaction
from mocks.api.models import Strict
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter

router = PrefixRouter(prefix="/api/phrasings", tags=["phrasings"], responses=ERROR_RESPONSES)
SopQuery = Query(min_length=7, max_length=7, pattern=r"^sop-\d{3}$", description="e.g. sop-002")


class PhrasingIn(Strict):
    sop: str = Field(pattern=r"^sop-\d{3}$", description="The SOP, e.g. sop-002")
    question_id: str = Field(min_length=1, max_length=60, description="A question of the SOP")
    text: str = Field(min_length=1, max_length=phrasings.MAX_TEXT)


class DismissIn(Strict):
    sop: str = Field(pattern=r"^sop-\d{3}$")
    text: str = Field(min_length=1, max_length=phrasings.MAX_TEXT)


class TrialIn(Strict):
    sop: str = Field(pattern=r"^sop-\d{3}$")
    text: str = Field(min_length=1, max_length=1000)


@router.get("/review", name="api.phrasings_review")
async def read_review(user: TrainerUser, sop: str = SopQuery) -> dict[str, Any]:
    """Per SOP question: trainees' messages the customer understood barely or not at all
    (closest to that question; most asked first) and the phrasings trainers added."""
    return in_transaction(phrasings.review, sop)


@router.post("", name="api.phrasing_add", status_code=201)
async def add_phrasing(body: PhrasingIn, user: TrainerUser) -> dict[str, Any]:
    """Add a phrasing to a question's bank: episodes started from now on understand it."""
    return in_transaction(phrasings.add, user, body.sop, body.question_id, body.text)


@router.post("/dismiss", name="api.phrasing_dismiss")
async def dismiss_message(body: DismissIn, user: TrainerUser) -> dict[str, Any]:
    """Take a message off the review list without adding it to any bank."""
    return in_transaction(phrasings.dismiss, user, body.sop, body.text)


@router.post("/try", name="api.phrasing_try")
async def try_phrasing(body: TrialIn, user: TrainerUser) -> dict[str, Any]:
    """What a new episode's customer would understand the text as (nothing is recorded)."""
    return in_transaction(phrasings.trial, body.sop, body.text)


@router.delete("/{phrasing_id}", name="api.phrasing_remove")
async def remove_phrasing(user: TrainerUser, phrasing_id: int = Path(ge=1)) -> dict[str, Any]:
    """Remove a phrasing a trainer added (episodes already started keep their bank)."""
    return in_transaction(phrasings.remove, phrasing_id)
