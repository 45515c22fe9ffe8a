"""Button callbacks shared by pages: start or retry an attempt, ask, hint, submit.

Callbacks run before the rerun; they keep results and errors in the session state and set a
`goto` the page acts on (st.switch_page is called from the page body, not a callback).
"""

from typing import Any

import streamlit as st

from trainer_ui import api, ui_state
from trainer_ui.transport import ApiError

GOTO = "goto"
P = ui_state.INPUT_PREFIX


def _flash(error: ApiError | str) -> None:
    st.session_state[ui_state.FLASH] = (
        error.as_dict() if isinstance(error, ApiError) else {"message": error}
    )


def start(scenario: str, exam_id: int | None = None) -> None:
    """Start an attempt of `scenario` (a new customer) and go to the attempt page."""
    login = ui_state.login_of(st.session_state)
    if login is None:
        return
    try:
        started = api.start_episode(login.token, scenario, exam_id=exam_id)
    except ApiError as exc:
        _flash(exc)
        return
    ui_state.begin_attempt(st.session_state, started, exam_id=exam_id)
    st.query_params["episode"] = started["id"]  # a reload can bring the attempt back
    st.session_state[GOTO] = "attempt"


def ask(question: str, shown: str | None = None, clear: str | None = None) -> None:
    """Ask the customer; on success log both sides and clear the box `clear`."""
    login, attempt = ui_state.login_of(st.session_state), ui_state.attempt_of(st.session_state)
    if login is None or attempt is None or not question.strip():
        return
    try:
        answer = api.ask(login.token, attempt["id"], question.strip())
    except ApiError as exc:
        _flash(exc)
        return
    st.session_state.pop(ui_state.FLASH, None)
    ui_state.add_chat(st.session_state, "agent", shown or question.strip())
    ui_state.add_chat(st.session_state, "customer", answer.get("answer", ""))
    if clear:
        st.session_state[clear] = ""


def ask_typed() -> None:
    """Ask what is typed in the free-text box."""
    ask(st.session_state.get(P + "ask_text", ""), clear=P + "ask_text")


def ask_listed(questions: dict[str, str]) -> None:
    """Ask the SOP question picked in the list (sent by id, shown as its text)."""
    picked = st.session_state.get(P + "ask_pick")
    if picked:
        ask(picked, shown=questions.get(picked, picked))


def hint() -> None:
    """Practice only: the SOP passage for the next step, shown in the chat."""
    login, attempt = ui_state.login_of(st.session_state), ui_state.attempt_of(st.session_state)
    if login is None or attempt is None:
        return
    try:
        found = api.hint(login.token, attempt["id"])
    except ApiError as exc:
        _flash(exc)
        return
    text = " — ".join(x for x in (found.get("what"), found.get("passage")) if x)
    ref = found.get("sop_ref")
    ui_state.add_chat(st.session_state, "hint", f"[{ref}] {text}" if ref else text)


def submit(body: dict[str, Any]) -> None:
    """Submit the resolution; practice attempts go on to their result page."""
    login, attempt = ui_state.login_of(st.session_state), ui_state.attempt_of(st.session_state)
    if login is None or attempt is None:
        return
    try:
        api.submit(login.token, attempt["id"], body)
    except ApiError as exc:
        if exc.status == 409:
            attempt["submitted"] = True
        _flash(exc)
        return
    st.session_state.pop(ui_state.FLASH, None)
    attempt["submitted"] = True
    if attempt["mode"] == "practice":
        st.session_state[ui_state.REVIEW] = attempt["id"]
        st.session_state[GOTO] = "review"


def resume_from_url(token: str) -> None:
    """After signing in: bring back the open attempt named in the URL (`?episode=`)."""
    episode_id = st.query_params.get("episode")
    if not episode_id or ui_state.attempt_of(st.session_state) is not None:
        return
    try:
        found = api.episode_state(token, str(episode_id))
    except ApiError:
        return
    if ui_state.restore_attempt(st.session_state, found) is None:
        del st.query_params["episode"]


def review(episode_id: str) -> None:
    """Open the result page of an episode."""
    st.session_state[ui_state.REVIEW] = episode_id
    st.session_state[GOTO] = "review"


def follow_goto() -> None:
    """Called at the top of a page body: go where a callback asked to go."""
    target = st.session_state.pop(GOTO, None)
    if target:
        st.switch_page(f"app_pages/{target}.py", query_params=st.query_params.to_dict())
