"""Sign-in page: right and wrong password, language switch, the menu per role."""

from streamlit.testing.v1 import AppTest


def test_wrong_password_is_refused(app: AppTest, account) -> None:
    username, _ = account("trainee")
    app.run()
    app.text_input(key="signin_user").input(username)
    app.text_input(key="signin_password").input("not-the-password")
    app.button(key="signin_submit").click().run()
    assert not app.exception
    assert "salah" in app.error[0].value
    assert "auth" not in app.session_state


def test_right_password_signs_in_and_shows_trainee_home(app: AppTest, account) -> None:
    username, password = account("trainee")
    app.run()
    app.text_input(key="signin_user").input(username)
    app.text_input(key="signin_password").input(password)
    app.button(key="signin_submit").click().run()
    assert not app.exception
    assert app.session_state["auth"]["role"] == "trainee"
    assert app.session_state["auth"]["username"] == username


def test_english_switch_in_the_sidebar(app: AppTest) -> None:
    app.run()
    assert app.title[0].value == "Gladi — masuk"
    app.sidebar.selectbox(key="lang").set_value("en").run()
    assert app.title[0].value == "Gladi — sign in"
    assert app.button(key="signin_submit").label == "Sign in"
