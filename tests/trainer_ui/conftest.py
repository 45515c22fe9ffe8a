"""Trainer UI fixtures: a real API server (subprocess) on the small world, accounts, AppTest."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from gladi.episodes.auth import create_user
from gladi.processes import answers, free_port, stop
from gladi.settings import get_settings
from trainer_ui import transport

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "trainer_ui" / "app.py"


def wait_healthy(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait until GET /healthz answers; fail with the server's output if it died."""
    if answers(f"{url}/healthz", seconds=seconds, watch=[proc]):
        return
    stop(proc)
    out = proc.stdout.read().decode() if proc.stdout else ""
    raise RuntimeError(f"the API server did not come up:\n{out}")


@pytest.fixture(scope="session")
def scenarios_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the scenario library (SOPs and cases) the test server may write into."""
    target = tmp_path_factory.mktemp("library")
    for part in ("sops", "cases"):
        source = ROOT / "scenarios" / part
        if source.is_dir():
            shutil.copytree(source, target / part)
    (target / "cases").mkdir(exist_ok=True)
    return target


@pytest.fixture(scope="session")
def api_url(world_url: str, scenarios_dir: Path) -> Iterator[str]:
    """Base URL of the API served over real HTTP against the small world (own process)."""
    port = free_port()
    env = {
        **os.environ,
        "GLADI_DATABASE_URL": world_url,
        "PYTHONPATH": str(ROOT),
        "GLADI_SCENARIOS_DIR": str(scenarios_dir),
    }
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "mocks.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        transport.close_clients()
        stop(proc)


@pytest.fixture
def ui_env(api_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """GLADI_API_URL pointed at the test server for one test."""
    monkeypatch.setenv("GLADI_API_URL", api_url)
    get_settings.cache_clear()
    yield api_url
    get_settings.cache_clear()


@pytest.fixture
def account(world_engine: Engine):
    """Make an account: `account("trainee")` -> (username, password)."""

    def make(role: str = "trainee", name: str | None = None) -> tuple[str, str]:
        import secrets

        username = name or f"{role}_{secrets.token_hex(4)}"
        with world_engine.begin() as conn:
            return username, create_user(conn, username, role)

    return make


@pytest.fixture
def app(ui_env: str) -> AppTest:
    """The trainer UI, not yet run."""
    return AppTest.from_file(str(APP), default_timeout=30)


def sign_in(app: AppTest, username: str, password: str) -> AppTest:
    """Sign in through the sign-in page's widgets."""
    app.run()
    app.text_input(key="signin_user").input(username)
    app.text_input(key="signin_password").input(password)
    app.button(key="signin_submit").click().run()
    assert app.session_state["auth"]["username"] == username
    return app


@pytest.fixture
def staff_token(api_url: str, account) -> str:
    """A trainer's bearer token (to read answer keys and cohort data in tests)."""
    username, password = account("trainer")
    body = {"username": username, "password": password}
    return httpx.post(f"{api_url}/api/login", json=body).json()["token"]


@pytest.fixture
def shown_id(api_url: str, world_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """`shown_id(case_id)`: the opaque id trainees see for a case on the test server (keyed by
    the deployment secret the server keeps in the world database)."""
    from gladi.episodes.case_ids import opaque_id
    from gladi.secrets import forget_cached

    monkeypatch.setenv("GLADI_DATABASE_URL", world_url)
    get_settings.cache_clear()
    forget_cached()
    yield opaque_id
    forget_cached()
    get_settings.cache_clear()
