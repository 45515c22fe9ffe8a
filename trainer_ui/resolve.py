"""The resolution form of an attempt: resolution, escalation, reported facts (drills), notes."""

from typing import Any

import streamlit as st

from trainer_ui import actions, ui_state
from trainer_ui.i18n import current_language, t
from trainer_ui.i18n import text as text_of
from trainer_ui.views import choices, label_of

P = ui_state.INPUT_PREFIX


DRILL_RESOLUTION = "report"


def resolution_labels(brief: dict[str, Any], lang: str) -> dict[str, str]:
    """Resolution code -> label in the shell's language (a drill only reports facts)."""
    if brief.get("kind") == "drill":
        return {DRILL_RESOLUTION: text_of("report_facts", lang)}
    labels = {}
    for entry in brief.get("resolutions") or []:
        if isinstance(entry, dict) and lang == "en" and entry.get("label_en"):
            labels[str(entry["code"])] = str(entry["label_en"])
    for code, label in choices(brief.get("resolutions")):
        labels.setdefault(code, label)
    return labels


def report_facts(brief: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(fact id, label) of the facts a drill asks for (ids alone, or {id, label, label_en})."""
    found = []
    for entry in brief.get("report_facts") or []:
        if isinstance(entry, dict):
            fact = str(entry.get("id") or entry.get("fact") or "")
            label = entry.get("label_en") if lang == "en" and entry.get("label_en") else None
            found.append((fact, str(label or entry.get("label") or fact)))
        else:
            found.append((str(entry), str(entry)))
    return [(f, label) for f, label in found if f]


def advice_labels(brief: dict[str, Any], lang: str) -> dict[str, str]:
    """Advice code -> label in the shell's language (what the agent tells the customer)."""
    labels = {}
    for entry in brief.get("advice") or []:
        if isinstance(entry, dict) and entry.get("code"):
            label = entry.get("label_en") if lang == "en" and entry.get("label_en") else None
            labels[str(entry["code"])] = str(label or entry.get("label") or entry["code"])
    return labels


def submission(brief: dict[str, Any], state: Any) -> dict[str, Any]:
    """The POST /submit body from what the form holds (empty parts left out)."""
    body: dict[str, Any] = {"resolution": state.get(P + "res_resolution") or ""}
    if state.get(P + "res_escalation"):
        body["escalation"] = state[P + "res_escalation"]
    known = advice_labels(brief, "id")
    advice = [a for a in state.get(P + "res_advice") or [] if a in known]
    if advice:
        body["advice"] = advice
    facts = {}
    for fact, _label in report_facts(brief, "id"):
        typed = str(state.get(P + f"res_fact_{fact}", "") or "").strip()
        if typed:
            facts[str(fact)] = typed
    if facts:
        body["facts"] = facts
    notes = str(state.get(P + "res_notes", "") or "").strip()
    if notes:
        body["notes"] = notes
    return body


def _submit(brief: dict[str, Any]) -> None:
    body = submission(brief, st.session_state)
    if not body["resolution"]:
        st.session_state[ui_state.FLASH] = {"message": t("pick_resolution")}
        return
    actions.submit(body)


def render(attempt: dict[str, Any]) -> None:
    """The form; disabled once submitted."""
    brief = attempt["brief"]
    done = bool(attempt.get("submitted"))
    labels = resolution_labels(brief, current_language())
    st.selectbox(
        t("resolution"),
        list(labels),
        format_func=label_of(labels),
        index=None,
        key=P + "res_resolution",
        placeholder=t("pick_resolution"),
        disabled=done,
        persist_state="session",
    )
    escalations = ["", *(c for c, _ in choices(brief.get("escalations")))]
    st.selectbox(
        t("escalation"),
        escalations,
        key=P + "res_escalation",
        disabled=done,
        format_func=lambda c: c or t("no_escalation"),
        persist_state="session",
    )
    advice = advice_labels(brief, current_language())
    if advice:
        st.multiselect(
            t("advice"),
            list(advice),
            format_func=label_of(advice),
            key=P + "res_advice",
            disabled=done,
            placeholder=t("pick_advice"),
            help=t("advice_help"),
        )
    if brief.get("goal"):
        st.info(f"{t('drill_goal')}: {brief['goal']}")
    for fact, label in report_facts(brief, current_language()):
        st.text_input(
            t("reported_fact", fact=label),
            key=P + f"res_fact_{fact}",
            disabled=done,
            persist_state="session",
            help=t("fact_help"),
        )
    st.text_area(t("notes"), key=P + "res_notes", disabled=done, persist_state="session")
    st.button(
        t("submit"),
        key=P + "res_submit_btn",
        type="primary",
        disabled=done,
        on_click=_submit,
        args=(brief,),
    )
