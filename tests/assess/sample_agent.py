"""A deliberately lazy agent used by the tests: submits at once."""

from typing import Any

import httpx


def give_up(client: httpx.Client, brief: dict[str, Any]) -> dict[str, Any]:
    """No lookups, no questions: the grader must give 0."""
    return {"resolution": brief["brief"]["resolutions"][0]["code"]}
