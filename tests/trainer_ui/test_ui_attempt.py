"""Attempts through the attempt page: questions, lookups in the tool tabs, ticket, submit, score.

Every case of the library is solved the way a trainee would: a trainer's key says what to do,
and the driver does it with the page's widgets only (menus, boxes, buttons).
"""

import os
from pathlib import Path

import httpx
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests.trainer_ui import driver
from tests.trainer_ui.conftest import ROOT, sign_in


def _library(kind: str) -> list[tuple[str, str]]:
    """(SOP, id) of the cases or drills in the repository's library, by file name."""
    found = []
    for path in sorted((ROOT / "scenarios" / "cases").glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("kind", "case") == kind:
            found.append((str(data.get("sop", "")), str(data.get("id", Path(path).stem))))
    return found


def library_cases() -> list[str]:
    """Ids of the cases (not drills) in the repository's library."""
    return [case for _, case in _library("case")]


def cases_to_drive() -> list[str]:
    """The first case and the first drill of every SOP; every one with GLADI_UI_ALL_CASES=1."""
    chosen: dict[tuple[str, str], str] = {}
    for kind in ("case", "drill"):
        for sop, case in _library(kind):
            if os.environ.get("GLADI_UI_ALL_CASES") == "1":
                chosen[(sop, case)] = case
            else:
                chosen.setdefault((sop, kind), case)
    return list(chosen.values())


def key_of(api_url: str, token: str, episode: str) -> dict:
    """The answer key, read with a trainer's token."""
    response = httpx.get(
        f"{api_url}/api/episodes/{episode}/key", headers={"Authorization": f"Bearer {token}"}
    )
    response.raise_for_status()
    return response.json()


def not_ok(api_url: str, token: str, episode: str) -> list[dict]:
    """The report items that are not ok (to say why a score is short)."""
    response = httpx.get(
        f"{api_url}/api/episodes/{episode}/report", headers={"Authorization": f"Bearer {token}"}
    )
    return [i for i in response.json().get("items", []) if i["status"] != "ok"]


def start_from_home(app: AppTest, case_id: str) -> str:
    """Press the case's start button on the home page (`case_id` as the trainee is shown it);
    the attempt page opens."""
    app.switch_page("app_pages/home.py").run()
    app.button(key=f"home_start_{case_id}").click().run()
    assert not app.exception, app.exception
    attempt = app.session_state["attempt"]
    assert attempt["scenario"] == case_id
    assert app.subheader and app.chat_message  # the attempt page is showing
    # AppTest keeps the page a test last switched to; follow the app's own switch explicitly.
    app.switch_page("app_pages/attempt.py").run()
    return attempt["id"]


def solve(app: AppTest, key: dict) -> None:
    """Do every key step on the page, then submit the key's resolution."""
    for step in key["steps"]:
        driver.do_step(app, step)
        assert not app.exception, (step, app.exception)
    driver.submit(app, key["submit"])
    assert not app.exception, app.exception


@pytest.mark.parametrize("case_id", cases_to_drive())
def test_case_solved_through_the_page_scores_100(
    case_id: str, app: AppTest, account, api_url: str, staff_token: str, shown_id
) -> None:
    sign_in(app, *account("trainee"))
    episode = start_from_home(app, shown_id(case_id))
    assert app.chat_message[0].markdown[0].value  # the customer's opening
    key = key_of(api_url, staff_token, episode)
    solve(app, key)
    assert app.session_state.get("review_id") == episode  # the result page opened
    scores = [m.value for m in app.metric]
    assert scores and scores[0] == "100 / 100", (
        case_id,
        scores,
        [e.value for e in app.error],
        not_ok(api_url, staff_token, episode),
    )
    assert "LULUS" in scores[1]
    items = app.dataframe[0].value
    assert len(items) > 0 and set(items["Status"]) <= {"ok"}
    assert len(app.dataframe) >= 3  # expected path beside the trainee's own timeline


def test_retry_gives_a_new_customer_and_empty_boxes(app: AppTest, account, shown_id) -> None:
    sign_in(app, *account("trainee"))
    first = start_from_home(app, shown_id(library_cases()[0]))
    app.text_input(key="att_dsc_msisdn").input("081321123321").run()
    code = app.session_state["attempt"]["brief"]["resolutions"][0]["code"]
    app.selectbox(key="att_res_resolution").set_value(code).run()
    app.button(key="att_res_submit_btn").click().run()
    assert app.session_state["review_id"] == first
    app.button(key="review_retry").click().run()
    assert not app.exception, app.exception
    second = app.session_state["attempt"]["id"]
    assert second != first and not app.session_state["attempt"]["submitted"]
    app.switch_page("app_pages/attempt.py").run()
    assert app.text_input(key="att_dsc_msisdn").value == ""
    assert app.selectbox(key="att_res_resolution").value is None


def test_hint_in_practice_is_shown_in_the_chat(app: AppTest, account, shown_id) -> None:
    sign_in(app, *account("trainee"))
    start_from_home(app, shown_id(library_cases()[0]))
    app.button(key="att_hint_btn").click().run()
    assert not app.exception, app.exception
    chat = app.session_state["chat"]
    assert chat[-1]["role"] == "hint" and chat[-1]["text"].startswith("[")


def test_reload_brings_the_open_attempt_back(app: AppTest, account, ui_env: str, shown_id) -> None:
    username, password = account("trainee")
    sign_in(app, username, password)
    episode = start_from_home(app, shown_id(library_cases()[0]))
    assert app.query_params["episode"] in (episode, [episode])
    first_question = app.session_state["attempt"]["brief"]["questions"][0]["id"]
    app.selectbox(key="att_ask_pick").set_value(first_question).run()
    app.button(key="att_ask_pick_btn").click().run()
    answer = app.session_state["chat"][-1]["text"]

    reloaded = AppTest.from_file(app._script_path, default_timeout=30)  # a new browser session
    reloaded.query_params["episode"] = episode
    sign_in(reloaded, username, password)
    attempt = reloaded.session_state["attempt"]
    assert attempt["id"] == episode and not attempt["submitted"]
    assert reloaded.session_state["chat"][-1]["text"] == answer
