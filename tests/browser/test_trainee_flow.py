"""A trainee solves a SOP 001 case in headless Chromium through `make run`'s servers.

Sign in, start "paid but still blocked" from the home page, read the customer's opening, ask
in the chat, do the DSC lookups (profile, device, FA payments, HLR), check the interaction
history and the outages in the customer's area, file the k44 ticket at the desk, choose the
resolution, submit, and read score and verdict on the result page. Every action goes through
the page; the API is used only as a trainer, to know the expected values (the answer key) and
to check afterwards that the trace holds the lookups the browser made.
"""

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page

from mocks.tickets.catalog import CATALOG
from tests.browser.conftest import Servers
from tests.browser.streamlit_page import StreamlitPage, fields

CASE = "sop001-paid-blocked"
DSC_SCREENS = {  # button key -> (screen title, cells only that screen shows)
    "profile": ("Profil", ("Nama Pelanggan", "Status")),
    "device": ("Device", ("Perangkat",)),
    "fa_payments": ("FA Payment", ("Hasil", "Sudah masuk ledger")),
    "hlr": ("Status HLR", ("VOICE", "DATA")),
}
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def api_get(servers: Servers, token: str, path: str) -> Any:
    """GET an API path with a bearer token."""
    response = httpx.get(
        f"{servers.api_url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    response.raise_for_status()
    return response.json()


def sign_in(ui: StreamlitPage, url: str, username: str, password: str, shown: str) -> None:
    """Open the UI and sign in; the home page lists the practice cases (under the opaque ids
    trainees are shown: `shown` is CASE's)."""
    ui.page.goto(url)
    ui.type("signin_user", username)
    ui.type("signin_password", password)
    ui.press("signin_submit")
    ui.until(lambda: ui.widget(f"home_start_{shown}").count(), "the home page's practice cases")


def start_case(ui: StreamlitPage, shown: str) -> str:
    """Press the case's start button; returns the episode id the attempt page's URL holds."""
    ui.press(f"home_start_{shown}")
    ui.until(lambda: "episode=" in ui.page.url and ui.chat_lines(), "the attempt page")
    found = re.search(r"[?&]episode=([\w-]+)", ui.page.url)
    assert found, ui.page.url
    return found.group(1)


def ask(ui: StreamlitPage, question: str, *, typed: bool = False) -> str:
    """Ask from the SOP question list (or type it freely); returns the customer's answer."""
    before = len(ui.chat_lines())
    if typed:
        ui.type("att_ask_text", question)
        ui.press("att_ask_text_btn")
    else:
        ui.choose("att_ask_pick", question)
        ui.press("att_ask_pick_btn")
    lines = ui.until(
        lambda: (found := ui.chat_lines()) and len(found) >= before + 2 and found,
        "the customer's answer",
    )
    assert lines[before] == question, lines
    return str(lines[before + 1])


def dsc_screens(ui: StreamlitPage, msisdn: str) -> dict[str, list[list[list[str]]]]:
    """DSC > Subscriber: type the MSISDN, open each screen the SOP needs, read its tables."""
    panel = ui.tab("DSC")
    ui.type("att_dsc_msisdn", msisdn)
    screens = {}
    for name, (title, cells) in DSC_SCREENS.items():
        ui.press(f"att_dsc_{name}_btn")
        header = panel.get_by_text(f"DSC > {title}", exact=True)
        ui.until(header.count, f"DSC > {title}")
        screens[name] = ui.tables(panel, *cells)
    return screens


def file_ticket(
    ui: StreamlitPage, kip: str, number: str, customer_class: str, form: dict[str, str], text: str
) -> dict[str, str]:
    """Ticket desk: load the KIP catalog, fill in the form, file it; returns the ticket screen."""
    panel = ui.tab("Tiket")
    ui.press("att_tk_catalog_btn")
    ui.choose("att_tk_kip", CATALOG.kip_label(kip))
    for field_id, value in form.items():  # the KIP's mandatory fields appear (keys tk_f_*)
        ui.type(f"att_tk_f_{field_id}", value)
    ui.type("att_tk_number", number)
    ui.choose("att_tk_class", customer_class)
    ui.type("att_tk_description", text)
    ui.press("att_tk_create_btn")
    return fields(ui.tables(panel, "No. Tiket")[0])


def test_trainee_solves_a_case_in_chromium(
    servers: Servers, page: Page, shots: Path, shown_id: Any
) -> None:
    trainer = servers.token(servers.trainer)
    ui = StreamlitPage(page)

    sign_in(ui, servers.ui_url, *servers.trainee, shown_id(CASE))
    episode = start_case(ui, shown_id(CASE))
    key = api_get(servers, trainer, f"/api/episodes/{episode}/key")
    brief = api_get(servers, trainer, f"/api/episodes/{episode}")["brief"]
    ticket = next(s for s in key["steps"] if s["id"] == "action:ticket")["request"]["json"]
    expected = ticket["fields"]

    # The customer's opening names the number; everything after starts from it.
    opening = ui.chat_lines()[0]
    named = re.search(r"\b08\d{8,11}\b", opening)
    assert named, opening
    msisdn = named.group(0)
    assert msisdn == ticket["number"]

    # DSC lookups, in the SOP's order: profile first.
    screens = dsc_screens(ui, msisdn)
    profile = fields(screens["profile"][0])
    hlr = fields(screens["hlr"][0])
    paid_at, channel, _amount, _ref, ledger = screens["fa_payments"][1][0]
    assert profile["MSISDN"] == hlr["MSISDN"] == msisdn and ledger == "Sudah masuk ledger"
    # What the ticket needs, as the screens show it (and as the key expects it). The HLR screen
    # lists the services; which are blocked, and why, is the trainee's summary.
    blocked = [f"{name} ({why})" for name, state, why, _ in screens["hlr"][1] if state != "Active"]
    seen: dict[str, str] = {
        "class": profile["Kelas Pelanggan"],
        "msisdn": msisdn,
        "customer_name": profile["Nama Pelanggan"],
        "card_type": profile["Jenis Kartu"],
        "payment_date": paid_at[:10],
        "payment_channel": channel,
        "collection_status": profile["Status"],
        "hlr_status": "Terblokir: " + ", ".join(blocked) if blocked else "Semua layanan aktif",
        "location": profile["Lokasi"],
        "alt_contact": profile["CP Lain"],
    }
    assert seen == {name: expected[name] for name in seen}

    # The SOP's questions: two from the list, one typed freely.
    questions = {q["id"]: q["text"] for q in brief["questions"]}
    paid = ask(ui, questions["payment"])
    assert channel in paid
    ask(ui, questions["notification"])
    services = ask(ui, questions["services"], typed=True)
    assert "Internet" in services

    # Interaction history of the number, then outages where the customer is (profile's Lokasi).
    panel = ui.tab("Interaksi")
    ui.type("att_ih_number", msisdn)
    ui.press("att_ih_search_btn")
    history = fields(ui.tables(panel, "Nomor")[0])
    assert history["Nomor"] == msisdn and history["Tiket"] == "0 tiket"

    panel = ui.tab("Info gangguan")
    ui.type("att_out_area", profile["Lokasi"])
    ui.press("att_out_search_btn")
    outages = fields(ui.tables(panel, "Area")[0])
    assert outages["Area"] == profile["Lokasi"]
    assert outages["Hasil"].startswith("Tidak ada")

    # The k44 ticket: fields as read above; the two summaries (profile info, services in the
    # desk's wording) as the key words them.
    form = {name: str(value) for name, value in expected.items()} | seen
    description = ticket.get("description") or ""
    filed = file_ticket(ui, ticket["kip"], msisdn, profile["Kelas Pelanggan"], form, description)
    assert re.fullmatch(r"IN\d+", filed["No. Tiket"]), filed

    # Resolution and submit; the result page opens.
    resolutions = {r["code"]: r["label"] for r in brief["resolutions"]}
    ui.choose("att_res_resolution", resolutions[key["submit"]["resolution"]])
    ui.type("att_res_notes", key["submit"].get("notes") or "")
    ui.press("att_res_submit_btn")
    metrics = ui.page.get_by_test_id("stMetricValue")
    ui.until(lambda: metrics.count() == 2, "the score on the result page")
    score, verdict = (m.strip() for m in metrics.all_inner_texts())

    report = api_get(servers, trainer, f"/api/episodes/{episode}/report")
    not_ok = [i for i in report["items"] if i["status"] != "ok"]
    assert score == f"{report['score']} / 100" == "100 / 100", not_ok
    assert verdict == "LULUS" and report["passed"]
    page.set_viewport_size({"width": 1600, "height": 1500})  # the whole result page
    page.screenshot(path=str(shots / "test_trainee_solves_a_case_in_chromium-result.png"))

    # The trace holds what the browser did, with the number it typed.
    events = api_get(servers, trainer, f"/api/episodes/{episode}/trace")["events"]
    done = {e.get("operation") for e in events}
    lookups = {"dsc.profile", "dsc.device", "dsc.fa_payments", "dsc.hlr"}
    assert lookups | {"interactions.history", "outages.by_area", "tickets.create"} <= done
    for event in events:
        if event["operation"] in lookups:
            assert event["params"]["msisdn"] == msisdn and event["status"] == 200, event
    assert sum(e.get("kind") == "ask" for e in events) == 3


PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script> ' OR '1'='1",
    "[klik](javascript:alert(1))",
)


def test_html_and_script_in_the_chat_stay_text(
    servers: Servers, page: Page, shots: Path, shown_id: Any
) -> None:
    """Hostile input typed by a trainee comes back as the same text, and nothing runs."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ui = StreamlitPage(page)
    sign_in(ui, servers.ui_url, *servers.trainee, shown_id(CASE))
    start_case(ui, shown_id(CASE))
    for payload in PAYLOADS:
        ui.type("att_ask_text", payload)
        ui.press("att_ask_text_btn")
        ui.until(lambda p=payload: p in ui.chat_lines(), f"the question {payload!r} as text")
    page.screenshot(path=str(shots / "test_html_and_script_in_the_chat_stay_text.png"))
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert dialogs == []
