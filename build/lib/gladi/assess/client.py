"""HTTP helpers an agent uses: an episode-bound client and a replayer for key steps."""

from typing import Any

import httpx


def tool_of(path: str) -> str:
    """'/tos/tibs-non-pots/...' -> 'tos' (the tool a tool_session belongs to)."""
    return path.strip("/").split("/", 1)[0]


def episode_client(base_url: str, token: str, episode_id: str) -> httpx.Client:
    """A client whose every call carries the bearer token and the episode header."""
    return httpx.Client(
        base_url=base_url,
        timeout=30.0,
        headers={"Authorization": f"Bearer {token}", "X-Gladi-Episode": episode_id},
    )


class ToolSessions:
    """Remembers each tool's `tool_session` from its login and sends it back."""

    def __init__(self) -> None:
        self.by_tool: dict[str, str] = {}

    def headers(self, path: str) -> dict[str, str]:
        """Headers for a call to `path`."""
        session = self.by_tool.get(tool_of(path))
        return {"X-Tool-Session": session} if session else {}

    def learn(self, path: str, response: httpx.Response) -> None:
        """Keep the session a login response returns."""
        if response.headers.get("content-type", "").startswith("application/json"):
            body = response.json()
            if isinstance(body, dict) and body.get("tool_session"):
                self.by_tool[tool_of(path)] = body["tool_session"]


def call(client: httpx.Client, sessions: ToolSessions, request: dict[str, Any]) -> httpx.Response:
    """Send one key-step request (method, path, params, json) with the tool's session."""
    path = request["path"]
    response = client.request(
        request["method"],
        path,
        params=request.get("params") or None,
        json=request.get("json"),
        headers=sessions.headers(path),
    )
    sessions.learn(path, response)
    return response


def replay(client: httpx.Client, episode_id: str, steps: list[dict[str, Any]]) -> list[int]:
    """Replay answer-key steps inside an episode; returns the status of each step."""
    sessions = ToolSessions()
    statuses = []
    for step in steps:
        if step["kind"] == "question":
            response = client.post(
                f"/api/episodes/{episode_id}/ask", json={"question": step["question"]}
            )
        else:
            response = call(client, sessions, step["request"])
        statuses.append(response.status_code)
    return statuses
