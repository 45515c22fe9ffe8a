"""The phrasing-bank page's parts: actions on waiting messages and their rows (plain logic
beside the Streamlit calls, so keys and labels are tested without a browser)."""

import hashlib
from typing import Any

import streamlit as st

from trainer_ui import api
from trainer_ui.i18n import t
from trainer_ui.plain import plain
from trainer_ui.transport import ApiError

DONE = "phr_done"


def row_key(sop: str, text: str) -> str:
    """A widget key for one waiting message (stable across reruns)."""
    return "phr_" + hashlib.sha256(f"{sop}\n{text}".encode()).hexdigest()[:12]


def _record(outcome: dict[str, Any]) -> None:
    st.session_state[DONE] = outcome


def add(token: str, sop: str, text: str, key: str) -> None:
    """Add the message to the question picked in its row."""
    question = st.session_state.get(key + "_q")
    try:
        api.add_phrasing(token, sop, str(question), text)
    except ApiError as exc:
        _record({"error": exc.as_dict()})
        return
    _record({"ok": t("phr_done_add", question=question)})


def dismiss(token: str, sop: str, text: str) -> None:
    """Take the message off the list."""
    try:
        api.dismiss_phrasing(token, sop, text)
    except ApiError as exc:
        _record({"error": exc.as_dict()})
        return
    _record({"ok": t("phr_done_dismiss")})


def remove(token: str, phrasing_id: int) -> None:
    """Remove a phrasing trainers added."""
    try:
        api.remove_phrasing(token, phrasing_id)
    except ApiError as exc:
        _record({"error": exc.as_dict()})
        return
    _record({"ok": t("phr_done_remove")})


def understood_text(result: dict[str, Any]) -> str:
    """One line naming what a trial phrasing was understood as."""
    what = [*result.get("question_ids", []), *(f"caller:{c}" for c in result.get("caller", []))]
    if not what and result.get("talk") not in (None, "clarify"):
        what = [str(result["talk"])]
    return t("phr_understood", what=", ".join(what) or t("phr_nothing"))


def waiting_rows(token: str, sop: str, items: list[dict[str, Any]], questions: list[str]) -> None:
    """Each waiting message: how often, its closest question preselected, add or dismiss."""
    if not items:
        st.caption(t("phr_none_waiting"))
    for item in items:
        key = row_key(sop, item["key"])
        near = item["question_id"] if item["question_id"] in questions else questions[0]
        text_col, pick_col, add_col, dismiss_col = st.columns([5, 3, 2, 2])
        text_col.markdown(
            f"{plain(item['text'])}  \n{t('phr_times', n=item['count'])} · {item['outcome']}"
            f" · {item['score']:.2f}"
        )
        pick_col.selectbox(
            t("phr_question"),
            questions,
            index=questions.index(near),
            key=key + "_q",
            label_visibility="collapsed",
        )
        add_col.button(
            t("phr_add"), key=key + "_add", on_click=add, args=(token, sop, item["text"], key)
        )
        dismiss_col.button(
            t("phr_dismiss"),
            key=key + "_dismiss",
            on_click=dismiss,
            args=(token, sop, item["text"]),
        )


def added_rows(token: str, added: list[dict[str, Any]]) -> None:
    """Phrasings trainers added to one question, each with a remove button."""
    if not added:
        return
    st.caption(t("phr_added"))
    for row in added:
        text_col, remove_col = st.columns([10, 2])
        text_col.markdown(plain(row["text"]))
        remove_col.button(
            t("phr_remove"), key=f"phr_remove_{row['id']}", on_click=remove, args=(token, row["id"])
        )
