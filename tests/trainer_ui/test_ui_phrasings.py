"""Phrasing page: a trainee's message the customer did not understand is listed under its SOP;
the trainer adds it to a question's bank with one click and a new episode understands it."""

import httpx
from streamlit.testing.v1 import AppTest

from gladi.episodes.phrasings import key_of
from tests.trainer_ui import seeding
from tests.trainer_ui.conftest import sign_in
from trainer_ui.phrasings_view import row_key

SOP = "sop-001"
ODD = "blorptastic wug snorkelpay?"


def ask(api_url: str, token: str, episode: str, text: str) -> dict:
    response = httpx.post(
        f"{api_url}/api/episodes/{episode}/ask",
        json={"question": text},
        headers=seeding.auth(token),
    )
    response.raise_for_status()
    return response.json()


def new_episode(api_url: str, token: str, scenario: str) -> str:
    started = httpx.post(
        f"{api_url}/api/episodes", json={"scenario": scenario}, headers=seeding.auth(token)
    )
    started.raise_for_status()
    return started.json()["id"]


def test_trainer_adds_a_missed_phrasing_to_the_bank(
    app: AppTest, account, api_url: str, staff_token: str
) -> None:
    case = seeding.first_case(api_url, staff_token, SOP)
    trainee = seeding.login(api_url, *account("trainee"))
    assert ask(api_url, trainee, new_episode(api_url, trainee, case), ODD)["question_ids"] == []

    sign_in(app, *account("trainer"))
    app.switch_page("app_pages/phrasings.py").run()
    assert not app.exception, app.exception
    app.selectbox(key="phr_sop").set_value(SOP).run()
    key = row_key(SOP, key_of(ODD))
    app.selectbox(key=key + "_q").set_value("payment").run()
    app.button(key=key + "_add").click().run()
    assert not app.exception, app.exception
    assert "payment" in " ".join(s.value for s in app.success)
    assert not [b for b in app.button if b.key == key + "_add"]  # no longer waiting

    added = httpx.get(
        f"{api_url}/api/phrasings/review", params={"sop": SOP}, headers=seeding.auth(staff_token)
    ).json()
    mine = [a for q in added["questions"] for a in q["added"] if a["text"] == ODD]
    try:
        assert ask(api_url, trainee, new_episode(api_url, trainee, case), ODD)["question_ids"] == [
            "payment"
        ]
        app.text_input(key="phr_try_text").input(ODD)
        app.button(key="FormSubmitter:phr_try_form-Coba").click().run()
        assert "payment" in " ".join(i.value for i in app.info)
        app.button(key=f"phr_remove_{mine[0]['id']}").click().run()
        assert not app.exception, app.exception
    finally:
        httpx.delete(f"{api_url}/api/phrasings/{mine[0]['id']}", headers=seeding.auth(staff_token))
    assert ask(api_url, trainee, new_episode(api_url, trainee, case), ODD)["question_ids"] == []
