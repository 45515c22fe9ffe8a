"""Case ids as trainees see them: opaque, stable, and keyed by the deployment secret.

A readable id such as `sop001-paid-blocked` names the branch a case goes down, so everything a
trainee is shown (case list, exams, episodes, results, traces) carries `c_` and 16 hex digits
instead: an HMAC of the readable id under a key derived from the deployment secret. The same
case has the same opaque id on every worker and across restarts, and nobody can compute one
without the secret. `resolve` accepts either form, so staff tools and scripts (`gladi assess`,
tests) keep starting cases by their readable ids.
"""

import hashlib
import hmac
from functools import lru_cache
from typing import Any

from gladi.episodes.auth import User
from gladi.errors import NotFound
from gladi.secrets import derived_key
from scenarios.library import Library
from scenarios.models import Case

PREFIX = "c_"
PURPOSE = "case-id"


def opaque_id(case_id: str) -> str:
    """The opaque id of a readable case id (`c_` + 16 hex digits)."""
    digest = hmac.new(derived_key(PURPOSE), case_id.encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest[:16]


@lru_cache(maxsize=8)
def _readable_by_opaque(key: bytes, case_ids: tuple[str, ...]) -> dict[str, str]:
    return {
        PREFIX + hmac.new(key, c.encode(), hashlib.sha256).hexdigest()[:16]: c for c in case_ids
    }


def readable_id(library: Library, given: str) -> str:
    """The readable id of `given` (readable or opaque); NotFound naming `scenario` otherwise."""
    if given in library.cases:
        return given
    if given.startswith(PREFIX):
        found = _readable_by_opaque(derived_key(PURPOSE), tuple(library.cases)).get(given)
        if found is not None:
            return found
    return library.case(given).id  # raises NotFound with the usual message


def public_id(user: User, case_id: str) -> str:
    """The id to show `user`: the readable one to staff, the opaque one to trainees."""
    return case_id if user.sees_keys else opaque_id(case_id)


def trainee_title(case_id: str) -> str:
    """What a trainee sees as a case's name, in lists and as the brief's title: a neutral
    label, never the staff title (which tells the branch). The one place to return
    customer-facing titles once cases carry them."""
    return f"Kasus {opaque_id(case_id)[len(PREFIX) : len(PREFIX) + 6].upper()}"


def require_case(library: Library, given: str) -> Case:
    """The case named by `given` (readable or opaque id)."""
    try:
        return library.cases[readable_id(library, given)]
    except KeyError:
        raise NotFound(f"no scenario {given!r}", field="scenario") from None


def catalog(user: User, library: Library) -> list[dict[str, Any]]:
    """The case list for `user`: staff get every case with its readable id and title;
    trainees get the practice cases only (no exam-only ones), opaque ids and neutral titles,
    ordered by SOP and opaque id (the readable order would group branches)."""
    if user.sees_keys:
        cases = sorted(library.cases.values(), key=lambda c: c.id)
        return [_entry(c, c.id, c.title) for c in cases]
    shown = [(opaque_id(c.id), c) for c in library.cases.values() if not c.exam_only]
    return [
        _entry(c, public, trainee_title(c.id))
        for public, c in sorted(shown, key=lambda pair: (pair[1].sop, pair[0]))
    ]


def _entry(case: Case, shown_id: str, title: str) -> dict[str, Any]:
    return {
        "id": shown_id,
        "sop": case.sop,
        "title": title,
        "difficulty": case.difficulty,
        "channel": case.channel,
        "kind": case.kind,
        "exam_only": case.exam_only,
    }
