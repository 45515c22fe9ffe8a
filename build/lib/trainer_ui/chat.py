"""The conversation pane of an attempt: transcript, SOP question list, free text, hint."""

from typing import Any

import streamlit as st

from trainer_ui import actions, ui_state
from trainer_ui.i18n import current_language, t
from trainer_ui.plain import plain
from trainer_ui.views import clock, label_of

P = ui_state.INPUT_PREFIX
AVATARS = {"customer": "🙋", "agent": "🎧", "hint": "📘"}


def question_labels(brief: dict[str, Any], lang: str) -> dict[str, str]:
    """SOP question id -> its text in the shell's language (Indonesian by default)."""
    labels = {}
    for q in brief.get("questions") or []:
        if isinstance(q, dict) and q.get("id"):
            text = q.get("text_en") if lang == "en" and q.get("text_en") else q.get("text")
            labels[str(q["id"])] = str(text or q["id"])
    return labels


def transcript() -> None:
    """Every line said so far (the customer's opening first)."""
    for line in st.session_state.get(ui_state.CHAT, []):
        role = line["role"]
        name = "user" if role == "agent" else "assistant"
        with st.chat_message(name, avatar=AVATARS.get(role)):
            if role == "hint":
                st.caption(t("hint_label"))
            st.markdown(plain(line["text"]))


def ask_box(attempt: dict[str, Any]) -> None:
    """Pick a SOP question or type one; the hint button in practice mode."""
    labels = question_labels(attempt["brief"], current_language())
    if labels:
        st.selectbox(
            t("sop_questions"),
            list(labels),
            format_func=label_of(labels),
            key=P + "ask_pick",
            index=None,
            placeholder=t("pick_question"),
        )
        st.button(
            t("ask"), key=P + "ask_pick_btn", on_click=actions.ask_listed, args=(_texts(attempt),)
        )
    st.text_input(t("free_question"), key=P + "ask_text", persist_state="session")
    st.button(t("send"), key=P + "ask_text_btn", on_click=actions.ask_typed)
    if attempt["mode"] == "practice":
        st.button(t("hint"), key=P + "hint_btn", on_click=actions.hint, help=t("hint_help"))


def _texts(attempt: dict[str, Any]) -> dict[str, str]:
    """Question id -> Indonesian text (what the agent is shown to have said)."""
    return question_labels(attempt["brief"], "id")


@st.fragment(run_every=1)
def running_clock(attempt: dict[str, Any]) -> None:
    """The time on task, refreshed every second without rerunning the page."""
    if attempt.get("submitted"):
        st.markdown(f"⏱️ {t('clock_stopped')}")
    else:
        st.markdown(f"⏱️ **{clock(ui_state.elapsed_seconds(attempt))}**")
