"""The authoring page's parts: the form, the YAML editor with live validation, preview, save."""

from typing import Any

import streamlit as st

from trainer_ui import api
from trainer_ui import authoring_form as af
from trainer_ui.i18n import t
from trainer_ui.plain import plain
from trainer_ui.shell import error_text, show_error
from trainer_ui.transport import ApiError

F = "auth_f_"
YAML = "auth_yaml"
CHECKED, PREVIEW, SAVED = "auth_checked", "auth_preview", "auth_saved"


def form_values() -> dict[str, Any]:
    """What the form holds now."""
    return {k: st.session_state.get(F + k) for k in af.FORM_KEYS}


def fill_form(text: str) -> None:
    """Callback: put the YAML's values into the form."""
    for key, value in af.from_yaml(text).items():
        st.session_state[F + key] = value


def form_to_yaml() -> None:
    """Callback: write the form's values into the YAML editor (other keys kept)."""
    st.session_state[YAML] = af.to_yaml(form_values(), st.session_state.get(YAML, ""))


def yaml_to_form() -> None:
    """Callback: read the editor's YAML back into the form."""
    fill_form(st.session_state.get(YAML, ""))


def live_check(token: str) -> dict[str, Any] | None:
    """Validate the editor's text when it changed since the last check (kept in the session)."""
    text = st.session_state.get(YAML, "")
    last = st.session_state.get(CHECKED)
    if last is None or last.get("text") != text:
        try:
            result = api.validate_case(token, text)
        except ApiError as exc:
            show_error(exc)
            return None
        st.session_state[CHECKED] = {"text": text, "result": result}
    return st.session_state[CHECKED]["result"]


def _notes(problems: list[dict[str, Any]], key: str) -> None:
    for problem in af.problems_for(problems, key):
        st.caption(f":red[⚠ {plain(af.problem_line(problem))}]")


def _options(known: tuple[str, ...], key: str) -> list[str]:
    """The allowed values plus whatever the YAML holds now (so the form shows it as it is)."""
    current = st.session_state.get(F + key)
    return list(dict.fromkeys([*known, *([str(current)] if current else [])]))


def form(problems: list[dict[str, Any]], sops: list[str], branches: dict[str, list[str]]) -> None:
    """The form, with the problems of each field right under it."""
    state = st.session_state
    st.text_input("id", key=F + "id")
    _notes(problems, "id")
    sop_options = sorted({*sops, state.get(F + "sop") or ""} - {""})
    st.selectbox("SOP", sop_options, key=F + "sop")
    _notes(problems, "sop")
    st.text_input(t("case_title"), key=F + "title")
    _notes(problems, "title")
    cols = st.columns(3)
    cols[0].selectbox(
        t("difficulty"), _options(af.DIFFICULTIES, "difficulty"), key=F + "difficulty"
    )
    cols[1].selectbox(t("channel"), _options(af.CHANNELS, "channel"), key=F + "channel")
    cols[2].selectbox(t("kind"), _options(af.KINDS, "kind"), key=F + "kind")
    for key in ("difficulty", "channel", "kind"):
        _notes(problems, key)
    options = sorted(
        {*branches.get(state.get(F + "sop") or "", []), *(state.get(F + "covers") or [])}
    )
    st.multiselect(t("covers"), options, key=F + "covers")
    _notes(problems, "covers")
    st.text_area(t("conditions"), key=F + "conditions", help=t("conditions_help"))
    _notes(problems, "conditions")
    st.text_area(t("opening"), key=F + "opening")
    _notes(problems, "opening")
    st.selectbox(t("temperament"), _options(af.TEMPERAMENTS, "temperament"), key=F + "temperament")
    _notes(problems, "temperament")
    st.text_input(t("drill_goal"), key=F + "goal")
    _notes(problems, "goal")
    st.button(t("form_to_yaml"), key="auth_form_to_yaml", on_click=form_to_yaml)


def editor(result: dict[str, Any] | None) -> None:
    """The YAML editor, its numbered copy and the live validation messages."""
    st.text_area("YAML", key=YAML, height=420)
    st.button(t("yaml_to_form"), key="auth_yaml_to_form", on_click=yaml_to_form)
    if result is None:
        return
    if result["valid"]:
        st.success(t("yaml_valid", path=result.get("path") or ""))
    else:
        st.error(t("yaml_problems", n=len(result["problems"])))
        for problem in result["problems"]:
            st.markdown(f"- {plain(af.problem_line(problem))}")
    with st.expander(t("numbered_yaml")):
        st.code(st.session_state.get(YAML, ""), language="yaml", line_numbers=True)


def _preview(token: str) -> None:
    state = st.session_state
    try:
        state[PREVIEW] = {
            "ok": api.preview_case(token, state.get(YAML, ""), int(state.get("auth_seed") or 1))
        }
    except ApiError as exc:
        state[PREVIEW] = {"error": exc.as_dict()}


def preview(token: str) -> None:
    """Seed, preview button, and the instantiated customer and key."""
    st.number_input(t("seed"), min_value=0, value=1, step=1, key="auth_seed")
    st.button(t("preview"), key="auth_preview_btn", on_click=_preview, args=(token,))
    found = st.session_state.get(PREVIEW)
    if not found:
        return
    if "error" in found:
        st.error(error_text(found["error"]))
        return
    shown = found["ok"]
    st.markdown(f"**{t('opening')}:** {plain(shown['brief'].get('opening', ''))}")
    left, right = st.columns(2)
    left.markdown(f"**{t('customer')}**")
    left.json(shown.get("customer", {}), expanded=True)
    right.markdown(f"**{t('answer_key')}**")
    right.json(shown.get("key", {}), expanded=False)


def _save(token: str, overwrite: bool) -> None:
    state = st.session_state
    try:
        state[SAVED] = {"ok": api.save_case(token, state.get(YAML, ""), overwrite)}
    except ApiError as exc:
        state[SAVED] = {"error": exc.as_dict(), "exists": exc.status == 409}
    state.pop("auth_overwrite_ok", None)


def save(token: str, valid: bool) -> None:
    """Save (disabled while the YAML has problems); an existing file needs confirmation."""
    st.button(
        t("save"),
        key="auth_save_btn",
        type="primary",
        disabled=not valid,
        on_click=_save,
        args=(token, False),
    )
    found = st.session_state.get(SAVED)
    if not found:
        return
    if "ok" in found:
        done = found["ok"]
        st.success(t("saved_over" if done["overwritten"] else "saved", path=done["path"]))
    elif found.get("exists"):
        st.warning(error_text(found["error"]))
        sure = st.checkbox(t("confirm_overwrite"), key="auth_overwrite_ok")
        st.button(
            t("overwrite"),
            key="auth_overwrite_btn",
            disabled=not sure,
            on_click=_save,
            args=(token, True),
        )
    else:
        st.error(error_text(found["error"]))
