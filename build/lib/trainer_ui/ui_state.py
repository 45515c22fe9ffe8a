"""What the trainer UI keeps in the session: sign-in, the current attempt, chat, tool screens.

Plain functions over a mutable mapping (Streamlit's `st.session_state` in the app, a dict in
tests). Input widgets of an attempt use keys starting with `INPUT_PREFIX`, so starting a new
attempt can clear them while everything typed survives reruns and page switches until then.
"""

import time
from collections.abc import MutableMapping
from datetime import datetime
from typing import Any

from trainer_ui.api import Login

State = MutableMapping[Any, Any]
INPUT_PREFIX = "att_"
AUTH, ATTEMPT, CHAT, SCREENS, SESSIONS, FLASH, REVIEW = (
    "auth",
    "attempt",
    "chat",
    "screens",
    "tool_sessions",
    "flash",
    "review_id",
)
KEEP_ON_SIGN_OUT = ("lang",)


def login_of(state: State) -> Login | None:
    """The signed-in user, if any."""
    found = state.get(AUTH)
    return Login(**found) if isinstance(found, dict) else None


def sign_in(state: State, login: Login) -> None:
    """Remember the user (token, role, name)."""
    state[AUTH] = {"token": login.token, "role": login.role, "username": login.username}


def sign_out(state: State) -> None:
    """Forget everything of the session except the language."""
    for key in list(state.keys()):
        if key not in KEEP_ON_SIGN_OUT:
            del state[key]


def begin_attempt(
    state: State, started: dict[str, Any], exam_id: int | None = None, now: float | None = None
) -> dict[str, Any]:
    """Make the 201 body of POST /api/episodes the current attempt; clear the previous one."""
    clear_inputs(state)
    attempt = {
        "id": started["id"],
        "scenario": started["scenario"],
        "sop": started.get("sop") or started.get("brief", {}).get("sop", ""),
        "seed": started.get("seed"),
        "brief": started.get("brief", {}),
        "tools": list(started.get("tools", [])),
        "mode": "exam" if exam_id is not None else "practice",
        "exam_id": exam_id,
        "started_at": time.time() if now is None else now,
        "submitted": False,
    }
    state[ATTEMPT] = attempt
    state[CHAT] = [{"role": "customer", "text": attempt["brief"].get("opening", "")}]
    state[SCREENS] = {}
    state[SESSIONS] = {}
    state.pop(FLASH, None)
    return attempt


def attempt_of(state: State) -> dict[str, Any] | None:
    """The current attempt, if one was started."""
    found = state.get(ATTEMPT)
    return found if isinstance(found, dict) else None


def clear_inputs(state: State) -> None:
    """Remove every attempt input (new attempt: new customer, empty boxes)."""
    for key in [k for k in state if isinstance(k, str) and k.startswith(INPUT_PREFIX)]:
        del state[key]


def add_chat(state: State, role: str, text: str) -> None:
    """Append one line to the conversation (customer, agent, hint)."""
    state.setdefault(CHAT, []).append({"role": role, "text": text})


def store_screen(state: State, slot: str, data: Any) -> None:
    """Keep what a tool screen answered, so it stays shown across reruns."""
    state.setdefault(SCREENS, {})[slot] = {"ok": data}


def store_error(state: State, slot: str, error: dict[str, Any]) -> None:
    """Keep the error a tool screen answered (shown in place of the result)."""
    state.setdefault(SCREENS, {})[slot] = {"error": error}


def screen_of(state: State, slot: str) -> dict[str, Any] | None:
    """What a tool screen last answered: {"ok": data} or {"error": {...}}, or None."""
    return state.get(SCREENS, {}).get(slot)


def screen_data(state: State, slot: str) -> Any:
    """The last successful answer of a tool screen, or None."""
    found = screen_of(state, slot)
    return found.get("ok") if found else None


def tool_session(state: State, tool: str) -> str | None:
    """The `tool_session` of a tool this attempt logged in to (TOS, UPoint)."""
    return state.get(SESSIONS, {}).get(tool)


def set_tool_session(state: State, tool: str, session: str | None) -> None:
    """Remember (or forget, with None) a tool's login session."""
    sessions = state.setdefault(SESSIONS, {})
    if session:
        sessions[tool] = session
    else:
        sessions.pop(tool, None)


def elapsed_seconds(attempt: dict[str, Any], now: float | None = None) -> int:
    """Whole seconds since the attempt started."""
    return max(0, int((time.time() if now is None else now) - attempt["started_at"]))


def restore_attempt(state: State, episode: dict[str, Any]) -> dict[str, Any] | None:
    """Rebuild the current attempt from GET /api/episodes/{id} (after a browser reload).

    The conversation comes back from the timeline's questions and answers; typed but unsent
    input is gone with the old browser session. Submitted episodes are not restored.
    """
    if episode.get("state") != "open":
        return None
    brief = episode.get("brief") or {}
    started = datetime.fromisoformat(episode["created_at"]).timestamp()
    body = {
        "id": episode["id"],
        "scenario": episode["scenario"],
        "sop": episode["sop"],
        "seed": episode.get("seed"),
        "brief": brief,
        "tools": [],
    }
    attempt = begin_attempt(state, body, exam_id=episode.get("exam_id"), now=started)
    texts = {
        q.get("id"): q.get("text") for q in brief.get("questions") or [] if isinstance(q, dict)
    }
    for event in episode.get("timeline", []):
        if event.get("kind") == "ask":
            asked = str((event.get("params") or {}).get("question", ""))
            add_chat(state, "agent", texts.get(asked) or asked)
            add_chat(state, "customer", str((event.get("detail") or {}).get("answer", "")))
    return attempt
