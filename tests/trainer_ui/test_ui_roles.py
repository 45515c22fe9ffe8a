"""Role checks: a trainee's menu has no trainer page, and each trainer page refuses trainees."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.trainer_ui.conftest import APP, sign_in

TRAINER_PAGES = ("library", "authoring", "cohort", "exams", "phrasings")


def test_trainee_menu_has_no_trainer_page(app: AppTest, account) -> None:
    sign_in(app, *account("trainee"))
    assert not app.exception
    for name in TRAINER_PAGES:
        with pytest.raises(ValueError, match="navigation page"):
            app.switch_page(f"app_pages/{name}.py")


@pytest.mark.parametrize("name", TRAINER_PAGES)
def test_trainer_page_stops_for_a_trainee(name: str, ui_env: str, account) -> None:
    username, password = account("trainee")
    from trainer_ui import api

    login = api.login(username, password)
    page = AppTest.from_file(str(APP.parent / "app_pages" / f"{name}.py"), default_timeout=30)
    page.session_state["auth"] = {"token": login.token, "role": "trainee", "username": username}
    page.run()
    assert not page.exception, page.exception
    assert [e.value for e in page.error] == ["Halaman ini hanya untuk trainer."]
    assert not page.dataframe and not page.metric and not page.text_area


def test_trainer_reaches_every_trainer_page(app: AppTest, account) -> None:
    sign_in(app, *account("trainer"))
    for name in TRAINER_PAGES:
        app.switch_page(f"app_pages/{name}.py").run()
        assert not app.exception, (name, app.exception)
        assert not app.error, (name, [e.value for e in app.error])


def test_assessor_sees_library_and_cohort_but_not_authoring(app: AppTest, account) -> None:
    sign_in(app, *account("assessor"))
    app.switch_page("app_pages/cohort.py").run()
    assert not app.exception and not app.error
    with pytest.raises(ValueError):
        app.switch_page("app_pages/authoring.py")


def test_signed_out_user_only_sees_sign_in(app: AppTest) -> None:
    app.run()
    with pytest.raises(ValueError):
        app.switch_page("app_pages/home.py")
