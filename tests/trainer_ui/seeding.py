"""Results made over HTTP for the UI tests: attempts that pass (key replayed) or fail."""

import httpx

from gladi.assess.client import episode_client, replay


def auth(token: str) -> dict[str, str]:
    """Bearer header."""
    return {"Authorization": f"Bearer {token}"}


def login(api_url: str, username: str, password: str) -> str:
    """A bearer token for the account."""
    response = httpx.post(f"{api_url}/api/login", json={"username": username, "password": password})
    response.raise_for_status()
    return response.json()["token"]


def attempt(
    api_url: str, token: str, staff: str, scenario: str, *, good: bool, exam_id: int | None = None
) -> dict:
    """Start, (replay the key if `good`), submit; returns the start body and the report."""
    body: dict = {"scenario": scenario}
    if exam_id is not None:
        body["exam_id"] = exam_id
    started = httpx.post(f"{api_url}/api/episodes", json=body, headers=auth(token))
    started.raise_for_status()
    episode = started.json()["id"]
    key = httpx.get(f"{api_url}/api/episodes/{episode}/key", headers=auth(staff)).json()
    if good:
        with episode_client(api_url, token, episode) as client:
            replay(client, episode, key["steps"])
        submission = key["submit"]
    else:
        wrong = [
            r["code"]
            for r in started.json()["brief"]["resolutions"]
            if r["code"] != key["submit"]["resolution"]
        ]
        submission = {"resolution": wrong[0]}
    report = httpx.post(
        f"{api_url}/api/episodes/{episode}/submit", json=submission, headers=auth(token)
    )
    report.raise_for_status()
    return {"episode": episode, "report": report.json()}


def first_case(api_url: str, token: str, sop: str = "sop-001") -> str:
    """The first case (not drill) of a SOP."""
    cases = httpx.get(f"{api_url}/api/scenarios", headers=auth(token)).json()
    return sorted(c["id"] for c in cases if c["sop"] == sop and c.get("kind", "case") == "case")[0]
