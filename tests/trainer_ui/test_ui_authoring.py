"""Authoring page: an invalid case (messages point at lines and fields), then a valid one that
is previewed, saved, refused a silent overwrite, and overwritten after confirmation."""

from pathlib import Path

import httpx
from streamlit.testing.v1 import AppTest

from tests.trainer_ui.conftest import sign_in

INVALID = """id: sop001-ui-draft
sop: sop-001
difficulty: impossible
channel: voice
covers: [no_such_branch]
persona:
  opening: Halo kak
"""


def valid_yaml(scenarios_dir: Path, new_id: str) -> str:
    """An existing sop-001 case file with a new id (a case that surely validates)."""
    source = sorted((scenarios_dir / "cases" / "sop-001").glob("*.yaml"))[0]
    lines = source.read_text(encoding="utf-8").splitlines()
    return "\n".join(f"id: {new_id}" if line.startswith("id:") else line for line in lines) + "\n"


def edit(app: AppTest, text: str) -> None:
    app.text_area(key="auth_yaml").input(text).run()
    assert not app.exception, app.exception


def test_invalid_then_valid_case(
    app: AppTest, account, api_url: str, scenarios_dir: Path, staff_token: str
) -> None:
    sign_in(app, *account("trainer"))
    app.switch_page("app_pages/authoring.py").run()
    assert not app.exception, app.exception
    assert app.text_input(key="auth_f_id").value  # the starter case fills the form

    edit(app, INVALID)
    checked = app.session_state["auth_checked"]["result"]
    assert not checked["valid"]
    fields = {p["field"] for p in checked["problems"]}
    assert {"title", "difficulty"} <= fields
    listed = " ".join(m.value for m in app.markdown)
    assert "line 3 · difficulty" in listed and "title" in listed
    assert app.button(key="auth_save_btn").disabled
    app.button(key="auth_yaml_to_form").click().run()
    assert "line 3 · difficulty" in " ".join(c.value for c in app.caption)  # under the field

    edit(app, valid_yaml(scenarios_dir, "sop001-ui-authored"))
    assert app.session_state["auth_checked"]["result"]["valid"]
    app.button(key="auth_preview_btn").click().run()
    preview = app.session_state["auth_preview"]["ok"]
    assert preview["case"] == "sop001-ui-authored" and preview["key"]["steps"]
    assert preview["customer"]["identifiers"]

    app.button(key="auth_save_btn").click().run()
    target = scenarios_dir / "cases" / "sop-001" / "sop001-ui-authored.yaml"
    assert target.is_file()
    assert app.session_state["auth_saved"]["ok"]["overwritten"] is False
    listed = httpx.get(
        f"{api_url}/api/scenarios", headers={"Authorization": f"Bearer {staff_token}"}
    )
    assert "sop001-ui-authored" in {c["id"] for c in listed.json()}

    changed = valid_yaml(scenarios_dir, "sop001-ui-authored").replace("title:", "title: Baru -", 1)
    edit(app, changed)
    app.button(key="auth_save_btn").click().run()
    assert app.session_state["auth_saved"].get("exists")  # 409: not overwritten silently
    assert "Baru -" not in target.read_text(encoding="utf-8")
    assert app.button(key="auth_overwrite_btn").disabled
    app.checkbox(key="auth_overwrite_ok").check().run()
    app.button(key="auth_overwrite_btn").click().run()
    assert app.session_state["auth_saved"]["ok"]["overwritten"] is True
    assert "Baru -" in target.read_text(encoding="utf-8")
