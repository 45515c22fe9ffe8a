"""Pure helpers of the trainer UI, tested without Streamlit: views, state, i18n, forms, client."""

import httpx
import pytest

from trainer_ui import authoring_form as af
from trainer_ui import i18n, ui_state, views
from trainer_ui.api import Login, tool_path
from trainer_ui.messages import MESSAGES
from trainer_ui.messages_trainee import TRAINEE_MESSAGES
from trainer_ui.messages_trainer import TRAINER_MESSAGES
from trainer_ui.resolve import submission
from trainer_ui.transport import ApiError, error_from


def test_clock() -> None:
    assert views.clock(0) == "00:00"
    assert views.clock(247) == "04:07"
    assert views.clock(3723) == "1:02:03"


def test_display_and_item_rows_keep_screen_order() -> None:
    assert views.display_rows({"MSISDN": "0812", "Status": "Active"}) == [
        {"Field": "MSISDN", "Nilai": "0812"},
        {"Field": "Status", "Nilai": "Active"},
    ]
    items = [{"display": {"No": "1", "Item": "Disney"}, "price": 1}, {"sid": "9", "x": [1]}]
    assert views.item_rows(items) == [{"No": "1", "Item": "Disney"}, {"sid": "9"}]


def test_group_cases_by_sop_then_difficulty() -> None:
    cases = [
        {"id": "b", "sop": "sop-001", "title": "B", "difficulty": "hard"},
        {"id": "a", "sop": "sop-001", "title": "A", "difficulty": "easy"},
        {"id": "c", "sop": "sop-000", "title": "C", "difficulty": 2},
    ]
    grouped = views.group_cases(cases)
    assert list(grouped) == ["sop-000", "sop-001"]
    assert list(grouped["sop-001"]) == ["easy", "hard"]


def test_timeline_and_expected_rows() -> None:
    events = [
        {
            "kind": "tool",
            "operation": "dsc.hlr",
            "params": {"msisdn": "0812"},
            "at": "2026-10-15T10:00:01+00:00",
            "status": 200,
        },
        {"kind": "ask", "params": {"question": "Kapan?"}, "at": "x", "status": 200},
    ]
    rows = views.timeline_rows(events)
    assert rows[0]["Aksi"] == "DSC: Status HLR" and rows[0]["Detail"] == "msisdn=0812"
    assert rows[1]["Aksi"] == "Tanya pelanggan" and rows[1]["Detail"] == "Kapan?"
    steps = [
        {
            "id": "lookup:hlr",
            "kind": "lookup",
            "request": {"method": "GET", "path": "/dsc/subscribers/0812/hlr", "params": {}},
        },
        {"id": "question:payment", "kind": "question", "question": "Kapan bayar?"},
    ]
    assert [r["Apa"] for r in views.expected_rows(steps)] == [
        "GET /dsc/subscribers/0812/hlr",
        "Kapan bayar?",
    ]


def test_score_points_leave_out_hidden_scores() -> None:
    rows = [
        {"submitted_at": "2026-01-01T00:00:00", "score": 80, "sop": "sop-001"},
        {"submitted_at": "2026-01-02T00:00:00", "score": None, "sop": "sop-001"},
    ]
    assert [p["score"] for p in views.score_points(rows)] == [80]


def test_coverage_and_item_rows() -> None:
    coverage = {
        "sops": [
            {
                "sop": "sop-001",
                "branches": [
                    {"id": "a", "label": "A", "ref": "001:1", "cases": ["c1"]},
                    {"id": "b", "label": "B", "ref": "001:2", "cases": []},
                ],
            }
        ]
    }
    rows = views.coverage_rows(coverage)
    assert [(r["branch"], r["status"]) for r in rows] == [("a", "covered"), ("b", "uncovered")]
    items = [{"sop": "s", "item": "x", "facility": 0.9}, {"sop": "s", "item": "y", "facility": 0.1}]
    assert [r["item"] for r in views.item_analysis_rows(items)] == ["y", "x"]


def test_session_state_helpers() -> None:
    state: dict = {"lang": "en", "att_old": "typed"}
    ui_state.sign_in(state, Login("tok", "trainee", "budi"))
    started = {
        "id": "E1",
        "scenario": "c",
        "sop": "sop-001",
        "seed": 3,
        "brief": {"opening": "Halo"},
        "tools": ["dsc"],
    }
    attempt = ui_state.begin_attempt(state, started, now=100.0)
    assert "att_old" not in state and state["chat"][0]["text"] == "Halo"
    assert ui_state.elapsed_seconds(attempt, now=165.0) == 65
    ui_state.store_screen(state, "dsc.hlr", {"count": 1})
    ui_state.set_tool_session(state, "tos", "S")
    assert ui_state.screen_data(state, "dsc.hlr") == {"count": 1}
    assert ui_state.tool_session(state, "tos") == "S"
    ui_state.sign_out(state)
    assert state == {"lang": "en"}


def test_messages_have_both_languages_and_no_clashes() -> None:
    parts = (MESSAGES, TRAINEE_MESSAGES, TRAINER_MESSAGES)
    keys = [k for part in parts for k in part]
    assert len(keys) == len(set(keys))
    for entry in i18n.MESSAGES.values():
        assert set(entry) == {"id", "en"} and entry["id"] and entry["en"]
    assert i18n.text("sign_in") == "Masuk"
    assert i18n.text("sign_in", "en") == "Sign in"
    assert i18n.text("home_title", "en", user="Budi") == "Welcome, Budi"


def test_authoring_form_round_trip_keeps_other_keys() -> None:
    base = "id: x\nsop: sop-001\nclock: {at: '09:00'}\npersona: {opening: Hai, knows: {a: b}}\n"
    values = af.from_yaml(base) | {"title": "Judul", "conditions": "payment_posted: true"}
    text = af.to_yaml(values, base)
    again = af.from_yaml(text)
    assert again["title"] == "Judul" and again["conditions"] == "payment_posted: true"
    assert "clock:" in text and "knows:" in text
    problems = [
        {"line": 7, "field": "persona.opening", "message": "m"},
        {"line": 2, "field": "covers[0]", "message": "n"},
    ]
    assert af.problems_for(problems, "opening") == problems[:1]
    assert af.problems_for(problems, "covers") == problems[1:]


def test_submission_body_leaves_out_empty_parts() -> None:
    brief = {"report_facts": ["payment_posted"]}
    state = {
        "att_res_resolution": "report",
        "att_res_escalation": "",
        "att_res_fact_payment_posted": " ya ",
        "att_res_notes": "",
    }
    assert submission(brief, state) == {"resolution": "report", "facts": {"payment_posted": "ya"}}


def test_tool_path_fills_path_parameters() -> None:
    assert tool_path("dsc.hlr", {"msisdn": " 0812 "}) == ("GET", "/dsc/subscribers/0812/hlr")
    with pytest.raises(ApiError):
        tool_path("dsc.hlr", {})


def test_error_from_uniform_body() -> None:
    response = httpx.Response(
        422,
        json={
            "error": "invalid_input",
            "message": "msisdn: bad",
            "field": "msisdn",
            "expected": "an MSISDN",
        },
    )
    error = error_from(response)
    assert (error.status, error.field, error.expected, error.kind) == (
        422,
        "msisdn",
        "an MSISDN",
        "http",
    )
    assert error_from(httpx.Response(503, text="busy")).kind == "down"


def test_plain_escapes_markdown_so_user_text_renders_literally() -> None:
    from trainer_ui.plain import plain

    assert plain("[klik](javascript:alert(1))") == r"\[klik\]\(javascript\:alert\(1\)\)"
    assert plain("<b>x</b> *y* 0812-3456") == r"\<b\>x\</b\> \*y\* 0812\-3456"


def test_the_submission_carries_the_advice_the_sop_offers() -> None:
    from trainer_ui.resolve import advice_labels

    brief = {
        "kind": "case",
        "advice": [
            {"code": "wait_1x24h", "label": "Sarankan menunggu", "label_en": "Advise waiting"},
            {"code": "send_proof_email", "label": "Kirim bukti", "label_en": "Send the proof"},
        ],
    }
    assert advice_labels(brief, "en") == {
        "wait_1x24h": "Advise waiting",
        "send_proof_email": "Send the proof",
    }
    state = {
        ui_state.INPUT_PREFIX + "res_resolution": "create_ticket",
        ui_state.INPUT_PREFIX + "res_advice": ["send_proof_email", "made_up"],
    }
    assert submission(brief, state) == {
        "resolution": "create_ticket",
        "advice": ["send_proof_email"],
    }
