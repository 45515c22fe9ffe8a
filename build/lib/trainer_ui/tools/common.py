"""What every tool tab shares: inputs that survive reruns, recorded calls, screen rendering.

A tool action is a button whose callback calls the operation inside the current episode (the
episode header is always sent, so the call is recorded) and keeps the answer, or the error,
under a slot in the session; the tab then draws whatever the slot holds.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from trainer_ui import api, ui_state
from trainer_ui.shell import show_error
from trainer_ui.transport import ApiError
from trainer_ui.views import display_rows, item_rows

P = ui_state.INPUT_PREFIX


def field(label: str, name: str, **kwargs: Any) -> str:
    """A text box of the attempt (key `att_<name>`), kept for the whole session."""
    value = st.text_input(label, key=P + name, persist_state="session", **kwargs)
    return (value or "").strip()


def value(name: str, default: Any = "") -> Any:
    """What the attempt input `name` holds right now (usable inside callbacks)."""
    found = st.session_state.get(P + name, default)
    return found.strip() if isinstance(found, str) else found


def call(
    slot: str,
    op_name: str,
    *,
    path_params: dict[str, str] | None = None,
    params: dict[str, Any] | None = None,
    json: Any = None,
    tool: str | None = None,
    raw: bool = False,
) -> Any:
    """Run one operation in the current episode; keep its answer (or error) under `slot`."""
    state = st.session_state
    login, attempt = ui_state.login_of(state), ui_state.attempt_of(state)
    if login is None or attempt is None:
        return None
    session = ui_state.tool_session(state, tool) if tool else None
    try:
        if raw:
            data: Any = api.tool_bytes(
                login.token, attempt["id"], op_name, params=params, tool_session=session
            )
        else:
            data = api.call_tool(
                login.token,
                attempt["id"],
                op_name,
                path_params=path_params,
                params=params,
                json=json,
                tool_session=session,
            )
    except ApiError as exc:
        ui_state.store_error(state, slot, exc.as_dict())
        return None
    ui_state.store_screen(state, slot, data)
    return data


def button(label: str, key: str, action: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """A tool button (key `att_<key>`) that runs `action(*args)` before the rerun."""
    st.button(label, key=P + key, on_click=action, args=args, **kwargs)


def show_display(display: dict[str, Any] | None) -> None:
    """A screen's label/value block in screen order."""
    rows = display_rows(display)
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)


def show_items(items: list[dict[str, Any]] | None, empty: str = "") -> None:
    """A list screen's rows as the tool shows them."""
    rows = item_rows(items)
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    elif empty:
        st.caption(empty)


def show_screen(slot: str, *, items: str = "items") -> dict[str, Any] | None:
    """Draw what `slot` holds: the error, or the header block and the list rows."""
    found = ui_state.screen_of(st.session_state, slot)
    if not found:
        return None
    if "error" in found:
        show_error(found["error"])
        view = found["error"].get("view")
        if view:
            st.caption(view)
        return None
    data = found["ok"]
    if isinstance(data, dict):
        show_display(data.get("display"))
        if isinstance(data.get(items), list):
            show_items(data[items])
    return data if isinstance(data, dict) else None


def found_values(slot: str, field_name: str) -> list[str]:
    """The values of one field over the rows a list screen found (for a detail picker)."""
    data = ui_state.screen_data(st.session_state, slot)
    if not isinstance(data, dict):
        return []
    return [str(i[field_name]) for i in data.get("items", []) if i.get(field_name)]


def has_screen(slot: str) -> bool:
    """Whether `slot` holds an answer or an error."""
    return ui_state.screen_of(st.session_state, slot) is not None


def screen_title(slot: str, title: str) -> None:
    """A screen's breadcrumb title, drawn once the screen has something to show."""
    if has_screen(slot):
        st.markdown(f"**{title}**")


def picker(label: str, slot: str, field_name: str, target: str) -> None:
    """A select box over the rows `slot` found; picking one copies it into the box `target`."""
    options = found_values(slot, field_name)
    if not options:
        return

    def copy() -> None:
        picked = st.session_state.get(P + target + "_pick")
        if picked:
            st.session_state[P + target] = picked

    st.selectbox(label, options, key=P + target + "_pick", index=None, on_change=copy)
