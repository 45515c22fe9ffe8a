"""When the mock services are down or slow the UI says so plainly and keeps what was typed."""

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from streamlit.testing.v1 import AppTest

from gladi.processes import free_port
from gladi.settings import get_settings
from tests.trainer_ui.conftest import APP
from trainer_ui import transport

DOWN = "Layanan mock tidak dapat dihubungi"
SLOW = "Layanan mock terlalu lambat"


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Forget the settings read with the test's GLADI_API_URL once the test is over."""
    yield
    get_settings.cache_clear()


def fake_attempt() -> dict:
    """An attempt as the session holds it (the API is not reachable to start a real one)."""
    brief = {
        "title": "Kasus uji",
        "channel": "voice",
        "opening": "Halo kak",
        "sop": "sop-001",
        "resolutions": [{"code": "network_refresh", "label": "Refresh jaringan"}],
        "escalations": ["Billco"],
        "questions": [{"id": "payment", "text": "Kapan bayar?"}],
    }
    return {
        "id": "EpisodeThatIsNotThere",
        "scenario": "x",
        "sop": "sop-001",
        "seed": 1,
        "brief": brief,
        "tools": [],
        "mode": "practice",
        "exam_id": None,
        "started_at": time.time(),
        "submitted": False,
    }


def attempt_page(url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The attempt page of a signed-in trainee, with GLADI_API_URL at `url`."""
    monkeypatch.setenv("GLADI_API_URL", url)
    get_settings.cache_clear()
    app = AppTest.from_file(str(APP), default_timeout=30)
    app.session_state["auth"] = {"token": "t", "role": "trainee", "username": "budi"}
    app.session_state["attempt"] = fake_attempt()
    app.session_state["chat"] = [{"role": "customer", "text": "Halo kak"}]
    app.run()
    app.switch_page("app_pages/attempt.py").run()
    assert not app.exception, app.exception
    return app


def type_and_try(app: AppTest) -> None:
    """Type a question, an MSISDN and notes, and press the buttons that send them."""
    app.text_input(key="att_ask_text").input("Kapan Bapak membayar?")
    app.button(key="att_ask_text_btn").click().run()
    app.text_input(key="att_dsc_msisdn").input("081321123321")
    app.button(key="att_dsc_profile_btn").click().run()
    app.selectbox(key="att_res_resolution").set_value("network_refresh")
    app.text_area(key="att_res_notes").input("sudah cek DSC")
    app.button(key="att_res_submit_btn").click().run()
    assert not app.exception, app.exception


def assert_kept(app: AppTest) -> None:
    """Everything typed is still in its box, also after another rerun."""
    for _ in range(2):
        assert app.text_input(key="att_ask_text").value == "Kapan Bapak membayar?"
        assert app.text_input(key="att_dsc_msisdn").value == "081321123321"
        assert app.text_area(key="att_res_notes").value == "sudah cek DSC"
        assert app.selectbox(key="att_res_resolution").value == "network_refresh"
        assert not app.session_state["attempt"]["submitted"]
        app.run()


def test_services_down_message_keeps_input(monkeypatch: pytest.MonkeyPatch) -> None:
    app = attempt_page(f"http://127.0.0.1:{free_port()}", monkeypatch)
    type_and_try(app)
    warnings = " ".join(w.value for w in app.warning)
    assert DOWN in warnings
    assert_kept(app)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    thread.join(timeout=2)
    for conn in held:
        conn.close()
    sock.close()


def test_services_slow_message_keeps_input(
    silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transport, "TIMEOUT", httpx.Timeout(0.3))
    app = attempt_page(silent_server, monkeypatch)
    type_and_try(app)
    assert SLOW in " ".join(w.value for w in app.warning)
    assert_kept(app)
