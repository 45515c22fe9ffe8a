"""The episode API as the trainer UI calls it: one function per endpoint, typed.

Every function raises `ApiError` (see `trainer_ui.transport`) when the API says no or does not
answer. Tool screens go through `call_tool` / `tool_bytes`, which resolve a catalog operation to
its method and path and always send the episode header, so every lookup is recorded.
"""

from dataclasses import dataclass
from typing import Any

from gladi.catalog import operation
from trainer_ui.transport import ApiError, get_json, post_json, send

__all__ = ["ApiError", "Login"]

Json = dict[str, Any]


@dataclass(frozen=True)
class Login:
    """A signed-in user."""

    token: str
    role: str
    username: str


# --- accounts -------------------------------------------------------------------------------


def login(username: str, password: str) -> Login:
    """POST /api/login: a bearer token and the role (401 when the password is wrong)."""
    body = post_json("/api/login", {"username": username, "password": password})
    return Login(token=body["token"], role=body["role"], username=body.get("username", username))


def logout(token: str) -> None:
    """POST /api/logout: end this token's session."""
    post_json("/api/logout", token=token)


def me(token: str) -> Json:
    """GET /api/me: who the token belongs to."""
    return get_json("/api/me", token=token)


def users(token: str, role: str | None = None) -> list[Json]:
    """GET /api/users (staff): accounts, e.g. the trainees to assign an exam to."""
    return get_json("/api/users", token=token, params={"role": role})


# --- scenarios and episodes ------------------------------------------------------------------


def scenarios(token: str) -> list[Json]:
    """GET /api/scenarios: id, sop, title, difficulty, channel, kind of every case."""
    return get_json("/api/scenarios", token=token)


def start_episode(
    token: str, scenario: str, seed: int | None = None, exam_id: int | None = None
) -> Json:
    """POST /api/episodes: a new attempt (a fresh customer) with its brief."""
    body: Json = {"scenario": scenario}
    if seed is not None:
        body["seed"] = seed
    if exam_id is not None:
        body["exam_id"] = exam_id
    return post_json("/api/episodes", body, token=token)


def ask(token: str, episode: str, question: str) -> Json:
    """POST /api/episodes/{id}/ask: the customer's answer (question_id null if unmatched)."""
    return post_json(f"/api/episodes/{episode}/ask", {"question": question}, token=token)


def hint(token: str, episode: str) -> Json:
    """POST /api/episodes/{id}/hint (practice): the SOP passage for the next step."""
    return post_json(f"/api/episodes/{episode}/hint", token=token)


def submit(token: str, episode: str, body: Json) -> Json:
    """POST /api/episodes/{id}/submit: resolution, escalation, facts, notes -> the report."""
    return post_json(f"/api/episodes/{episode}/submit", body, token=token)


def episode_state(token: str, episode: str) -> Json:
    """GET /api/episodes/{id}: state, brief and timeline."""
    return get_json(f"/api/episodes/{episode}", token=token)


def episode_report(token: str, episode: str) -> Json:
    """GET /api/episodes/{id}/report: score, items and the expected path."""
    return get_json(f"/api/episodes/{episode}/report", token=token)


def episode_trace(token: str, episode: str) -> Json:
    """GET /api/episodes/{id}/trace: events and submission (key and report when visible)."""
    return get_json(f"/api/episodes/{episode}/trace", token=token)


def episode_key(token: str, episode: str) -> Json:
    """GET /api/episodes/{id}/key (trainer, assessor): the answer key."""
    return get_json(f"/api/episodes/{episode}/key", token=token)


# --- results and exams -----------------------------------------------------------------------


def my_results(token: str) -> list[Json]:
    """GET /api/me/results: the caller's submitted attempts, oldest first."""
    return get_json("/api/me/results", token=token)


def results(token: str, sop: str | None = None) -> list[Json]:
    """GET /api/results (staff): every submitted attempt as JSON."""
    return get_json("/api/results", token=token, params={"sop": sop})


def results_export(token: str, fmt: str) -> bytes:
    """GET /api/results?format=csv|xapi (staff): the export file's bytes."""
    response = send("GET", "/api/results", token=token, params={"format": fmt})
    return response.content


def cohort(token: str, sop: str | None = None) -> Json:
    """GET /api/results/cohort (staff): attempts, pass rates, trainees, item analysis."""
    return get_json("/api/results/cohort", token=token, params={"sop": sop})


def exams(token: str) -> list[Json]:
    """GET /api/exams: a trainee's assigned exams, or every exam for staff."""
    return get_json("/api/exams", token=token)


def exam(token: str, exam_id: int) -> Json:
    """GET /api/exams/{id} (trainer): one exam and who finished it."""
    return get_json(f"/api/exams/{exam_id}", token=token)


def create_exam(
    token: str, title: str, scenario_ids: list[str], deadline: str, trainees: list[str]
) -> Json:
    """POST /api/exams (trainer): assign cases with a deadline (ISO 8601) to trainees."""
    body = {"title": title, "scenarios": scenario_ids, "deadline": deadline, "trainees": trainees}
    return post_json("/api/exams", body, token=token)


# --- authoring (trainer) -------------------------------------------------------------------


def coverage(token: str) -> Json:
    """GET /api/scenarios/coverage (staff): which SOP branches the cases cover."""
    return get_json("/api/scenarios/coverage", token=token)


def library_problems(token: str) -> Json:
    """GET /api/scenarios/problems (staff): files left out of the library, with line and field."""
    return get_json("/api/scenarios/problems", token=token)


def case_file(token: str, case_id: str) -> Json:
    """GET /api/authoring/cases/{id}: the YAML text of a library case."""
    return get_json(f"/api/authoring/cases/{case_id}", token=token)


def validate_case(token: str, yaml_text: str) -> Json:
    """POST /api/authoring/validate: problems (line, field, message) of a case's YAML."""
    return post_json("/api/authoring/validate", {"yaml": yaml_text}, token=token)


def preview_case(token: str, yaml_text: str, seed: int) -> Json:
    """POST /api/authoring/preview: the instantiated customer and the answer key."""
    return post_json("/api/authoring/preview", {"yaml": yaml_text, "seed": seed}, token=token)


def save_case(token: str, yaml_text: str, overwrite: bool) -> Json:
    """POST /api/authoring/save: write the case file (409 if it exists and not overwrite)."""
    body = {"yaml": yaml_text, "overwrite": overwrite}
    return post_json("/api/authoring/save", body, token=token)


# --- phrasing banks (trainer) ----------------------------------------------------------------


def phrasing_review(token: str, sop: str) -> Json:
    """GET /api/phrasings/review: per SOP question, the messages waiting and the additions."""
    return get_json("/api/phrasings/review", token=token, params={"sop": sop})


def add_phrasing(token: str, sop: str, question_id: str, text: str) -> Json:
    """POST /api/phrasings: add a phrasing to a question's bank (new episodes use it)."""
    body = {"sop": sop, "question_id": question_id, "text": text}
    return post_json("/api/phrasings", body, token=token)


def dismiss_phrasing(token: str, sop: str, text: str) -> Json:
    """POST /api/phrasings/dismiss: take a waiting message off the list."""
    return post_json("/api/phrasings/dismiss", {"sop": sop, "text": text}, token=token)


def remove_phrasing(token: str, phrasing_id: int) -> Json:
    """DELETE /api/phrasings/{id}: remove a phrasing a trainer added."""
    return send("DELETE", f"/api/phrasings/{phrasing_id}", token=token).json()


def try_phrasing(token: str, sop: str, text: str) -> Json:
    """POST /api/phrasings/try: what a new episode's customer would understand the text as."""
    return post_json("/api/phrasings/try", {"sop": sop, "text": text}, token=token)


# --- tool screens ----------------------------------------------------------------------------


def tool_path(op_name: str, path_params: dict[str, str] | None = None) -> tuple[str, str]:
    """(method, path) of a catalog operation with its path parameters filled in."""
    op = operation(op_name)
    path = op.path
    for name, value in (path_params or {}).items():
        path = path.replace("{" + name + "}", str(value).strip())
    if "{" in path:
        raise ApiError(f"{op.label}: fill in {path.split('{', 1)[1].split('}')[0]}", field=None)
    return op.method, path


def _tool_send(
    token: str,
    episode: str,
    op_name: str,
    path_params: dict[str, str] | None,
    params: dict[str, Any] | None,
    json: Any,
    tool_session: str | None,
) -> Any:
    method, path = tool_path(op_name, path_params)
    return send(
        method,
        path,
        token=token,
        episode=episode,
        tool_session=tool_session,
        params=params,
        json=json,
    )


def call_tool(
    token: str,
    episode: str,
    op_name: str,
    *,
    path_params: dict[str, str] | None = None,
    params: dict[str, Any] | None = None,
    json: Any = None,
    tool_session: str | None = None,
) -> Json:
    """Call one tool operation inside the episode (recorded in its trace); the JSON screen."""
    response = _tool_send(token, episode, op_name, path_params, params, json, tool_session)
    return response.json()


def tool_bytes(
    token: str,
    episode: str,
    op_name: str,
    *,
    params: dict[str, Any] | None = None,
    tool_session: str | None = None,
) -> bytes:
    """Call a tool operation that answers a file (invoice PDF, CSV export); its bytes."""
    return _tool_send(token, episode, op_name, None, params, None, tool_session).content
