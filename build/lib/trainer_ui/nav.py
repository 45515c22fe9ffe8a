"""The navigation, built per role: a trainee's menu never lists trainer pages."""

from pathlib import Path

import streamlit as st

from trainer_ui import shell, ui_state
from trainer_ui.i18n import t

PAGES = Path(__file__).resolve().parent / "app_pages"
TRAINEE = ("home", "attempt", "review")
STAFF_PAGES = {
    "trainer": ("library", "authoring", "cohort", "exams", "phrasings", "review"),
    "assessor": ("library", "cohort", "review"),
}
ICONS = {
    "signin": "🔑",
    "home": "🏠",
    "attempt": "🎧",
    "review": "📋",
    "library": "📚",
    "authoring": "✏️",
    "cohort": "📊",
    "exams": "📝",
    "phrasings": "💬",
}


def page(name: str, default: bool = False) -> st.Page:
    """The page file `app_pages/<name>.py` with its translated title."""
    return st.Page(PAGES / f"{name}.py", title=t(f"page_{name}"), icon=ICONS[name], default=default)


def signin_aliases() -> list[st.Page]:
    """Signed out, every other page's address shows the sign-in form (hidden from the menu),
    so a reload of /attempt?episode=... signs in and lands back on the attempt."""
    names = dict.fromkeys([*TRAINEE, *(n for pages in STAFF_PAGES.values() for n in pages)])
    return [
        st.Page(PAGES / "signin.py", title=t("page_signin"), url_path=name, visibility="hidden")
        for name in names
    ]


def pages_for(role: str | None) -> dict[str, list[st.Page]]:
    """Menu sections for a role (signed out: only the sign-in page)."""
    if role is None:
        return {"": [page("signin", default=True), *signin_aliases()]}
    if role == "trainee":
        return {t("section_practice"): [page(n, default=n == "home") for n in TRAINEE]}
    staff = STAFF_PAGES.get(role, ())
    practice = [page(n, default=False) for n in TRAINEE if n != "review"]
    trainer = [page(n, default=n == staff[0]) for n in staff]
    return {t("section_trainer"): trainer, t("section_practice"): practice}


def run() -> None:
    """Build the menu for whoever is signed in, draw the sidebar and run the chosen page."""
    st.set_page_config(page_title="Gladi", page_icon="🎧", layout="wide")
    login = ui_state.login_of(st.session_state)
    current = st.navigation(pages_for(login.role if login else None))
    shell.sidebar()
    current.run()
