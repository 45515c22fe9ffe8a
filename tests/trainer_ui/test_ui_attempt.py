"""An attempt through the attempt page: questions, lookups in the tool tabs, ticket, submit."""

import httpx
import pytest
from streamlit.testing.v1 import AppTest

from tests.trainer_ui import driver
from tests.trainer_ui.conftest import sign_in


def one_case_per_sop(api_url: str, token: str) -> list[str]:
    """The first case (not drill) of every SOP the library has."""
    cases = httpx.get(f"{api_url}/api/scenarios", headers={"Authorization": f"Bearer {token}"})
    firsts: dict[str, str] = {}
    for case in sorted(cases.json(), key=lambda c: c["id"]):
        if case.get("kind", "case") == "case":
            firsts.setdefault(case["sop"], case["id"])
    return sorted(firsts.values())


def key_of(api_url: str, token: str, episode: str) -> dict:
    """The answer key, read with a trainer's token."""
    response = httpx.get(
        f"{api_url}/api/episodes/{episode}/key", headers={"Authorization": f"Bearer {token}"}
    )
    response.raise_for_status()
    return response.json()


def start_from_home(app: AppTest, case_id: str) -> str:
    """Press the case's start button on the home page; the attempt page opens."""
    app.button(key=f"home_start_{case_id}").click().run()
    assert not app.exception, app.exception
    attempt = app.session_state["attempt"]
    assert attempt["scenario"] == case_id
    assert app.title[0].value != app.session_state.get("lang")  # the attempt page is showing
    # AppTest keeps the page a test last switched to; follow the app's own switch explicitly.
    app.switch_page("app_pages/attempt.py").run()
    return attempt["id"]


def test_every_sop_can_be_solved_through_the_page(
    app: AppTest, account, api_url: str, staff_token: str
) -> None:
    cases = one_case_per_sop(api_url, staff_token)
    if not cases:
        pytest.skip("the scenario library has no cases yet")
    sign_in(app, *account("trainee"))
    for case_id in cases:
        app.switch_page("app_pages/home.py").run()
        episode = start_from_home(app, case_id)
        assert app.chat_message[0].markdown[0].value  # the customer's opening
        key = key_of(api_url, staff_token, episode)
        for step in key["steps"]:
            driver.do_step(app, step)
            assert not app.exception, (step, app.exception)
            assert (
                not app.session_state["screens"].get(step.get("operation", ""), {}).get("error")
            ), step
        driver.submit(app, key["submit"])
        assert not app.exception, app.exception
        scores = [m.value for m in app.metric]
        assert scores and scores[0] == "100 / 100", (case_id, scores, [e.value for e in app.error])
