"""Trainee home with an assigned exam: deadline and progress, no hints, no feedback until the
exam closes at its deadline."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import Engine, update
from streamlit.testing.v1 import AppTest

from gladi.episodes.tables import Episode, Exam
from tests.trainer_ui import seeding
from tests.trainer_ui.conftest import sign_in


def _close(world_engine: Engine, exam_id: int) -> None:
    """The deadline passes (moved into the past, as time would)."""
    past = datetime.now(UTC) - timedelta(seconds=1)
    with world_engine.begin() as conn:
        conn.execute(
            update(Exam.__table__).where(Exam.__table__.c.id == exam_id).values(deadline=past)
        )
        episodes = Episode.__table__
        conn.execute(update(episodes).where(episodes.c.exam_id == exam_id).values(deadline=past))


def test_exam_gives_no_feedback_until_the_deadline(
    app: AppTest, account, api_url: str, staff_token: str, world_engine: Engine
) -> None:
    cases = httpx.get(f"{api_url}/api/scenarios", headers=seeding.auth(staff_token)).json()
    chosen = sorted(c["id"] for c in cases if c["sop"] == "sop-001" and c["kind"] == "case")[:2]
    assert len(chosen) == 2
    username, password = account("trainee")
    deadline = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    exam = httpx.post(
        f"{api_url}/api/exams",
        headers=seeding.auth(staff_token),
        json={
            "title": "Ujian UI",
            "scenarios": chosen,
            "deadline": deadline,
            "trainees": [username],
        },
    )
    assert exam.status_code == 201, exam.text
    exam_id = exam.json()["id"]

    sign_in(app, username, password)
    assert "Ujian UI" in " ".join(m.value for m in app.markdown)
    assert "0 dari 2" in app.get("progress")[0].proto.text
    token = seeding.login(api_url, username, password)
    shown = httpx.get(f"{api_url}/api/exams", headers=seeding.auth(token)).json()[0]["scenarios"]
    assert not set(shown) & set(chosen)  # trainees are shown opaque ids
    app.button(key=f"home_exam_{exam_id}_{shown[0]}").click().run()
    assert not app.exception, app.exception
    app.switch_page("app_pages/attempt.py").run()
    assert app.session_state["attempt"]["mode"] == "exam"
    assert not [b for b in app.button if b.key == "att_hint_btn"]  # no hints in an exam

    app.selectbox(key="att_res_resolution").set_value("network_refresh")
    app.button(key="att_res_submit_btn").click().run()
    assert not app.exception, app.exception
    assert "setelah batas waktu" in " ".join(s.value for s in app.success)
    assert not app.metric  # no score shown
    assert not [b for b in app.button if b.key == "att_done_review"]

    app.switch_page("app_pages/home.py").run()
    assert "1 dari 2" in app.get("progress")[0].proto.text
    assert not [b for b in app.button if b.key.startswith("home_review_")]

    seeding.attempt(api_url, token, staff_token, shown[1], good=False, exam_id=exam_id)
    app.run()
    assert not [b for b in app.button if b.key.startswith("home_review_")]  # all in, still open
    _close(world_engine, exam_id)
    app.run()
    assert [b for b in app.button if b.key.startswith("home_review_")]  # now results show
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")


def test_trainer_assigns_an_exam_on_the_exams_page(
    app: AppTest, account, api_url: str, staff_token: str
) -> None:
    trainee, _ = account("trainee")
    sign_in(app, *account("trainer"))
    app.switch_page("app_pages/exams.py").run()
    assert not app.exception, app.exception
    case = seeding.first_case(api_url, staff_token)
    app.text_input(key="exam_title").input("Ujian dari halaman")
    app.multiselect(key="exam_cases").set_value([case])
    app.multiselect(key="exam_trainees").set_value([trainee])
    app.button(key="exam_create").click().run()
    assert not app.exception, app.exception
    assert "Ujian dari halaman" in app.success[0].value
    listed = app.dataframe[0].value
    assert "Ujian dari halaman" in set(listed.iloc[:, 1])
    exams = httpx.get(f"{api_url}/api/exams", headers=seeding.auth(staff_token)).json()
    made = next(e for e in exams if e["title"] == "Ujian dari halaman")
    assert made["scenarios"] == [case] and made["assignees"][0]["username"] == trainee
