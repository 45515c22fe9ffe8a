"""Cohort dashboard with seeded results: figures, per-trainee drill-down, item analysis, export."""

from streamlit.testing.v1 import AppTest

from tests.trainer_ui import seeding
from tests.trainer_ui.conftest import sign_in


def test_cohort_page_shows_seeded_results(
    app: AppTest, account, api_url: str, staff_token: str
) -> None:
    case = seeding.first_case(api_url, staff_token)
    good_name, good_pw = account("trainee")
    weak_name, weak_pw = account("trainee")
    good = seeding.login(api_url, good_name, good_pw)
    weak = seeding.login(api_url, weak_name, weak_pw)
    made = [seeding.attempt(api_url, good, staff_token, case, good=True) for _ in range(2)]
    made += [seeding.attempt(api_url, weak, staff_token, case, good=False) for _ in range(2)]
    assert [m["report"]["passed"] for m in made] == [True, True, False, False]

    sign_in(app, *account("trainer"))
    app.switch_page("app_pages/cohort.py").run()
    assert not app.exception, app.exception
    attempts = int(app.metric[0].value)
    assert attempts >= 4
    people = app.dataframe[1].value if len(app.dataframe) > 1 else None
    assert people is not None and {good_name, weak_name} <= set(people["username"])
    items = app.dataframe[-1].value
    assert {"facility", "discrimination", "sop_ref"} <= set(items.columns)
    assert len(items) > 0

    app.selectbox(key="cohort_trainee").set_value(weak_name).run()
    episode = made[-1]["episode"]
    app.selectbox(key="cohort_episode").set_value(episode).run()
    app.button(key="cohort_open").click().run()
    assert not app.exception, app.exception
    assert app.session_state["review_id"] == episode
    assert app.metric[0].value == f"{made[-1]['report']['score']} / 100"

    app.switch_page("app_pages/cohort.py").run()
    app.button(key="cohort_prepare_export").click().run()
    assert not app.exception, app.exception
    assert {b.key for b in app.get("download_button")} >= {"cohort_dl_csv", "cohort_dl_xapi"}
    exports = app.session_state["cohort_exports"]
    assert exports["csv"].startswith(b"episode,username") and weak_name.encode() in exports["csv"]
    assert b'"verb"' in exports["xapi"]
