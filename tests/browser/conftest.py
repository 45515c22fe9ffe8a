"""Browser test fixtures: `make run`'s two servers on a fresh small world, and headless Chromium.

The servers are what `gladi up` starts (`gladi serve` and `gladi ui`), run as subprocesses on
free ports against a temporary SQLite database seeded with the `small` world. The browser is
Debian's Chromium (/usr/bin/chromium) driven by Playwright through its executable path; a test
that fails leaves a screenshot of the page and the servers' state and output in var/browser/.
"""

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, ViewportSize, sync_playwright

from gladi.processes import answers, free_ports, stop

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "var" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    # No internet here: without these Chromium stalls on refused background connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1600, "height": 1000}
CALL_FAILED = pytest.StashKey[bool]()


@dataclass(frozen=True)
class Servers:
    """The running API and trainer UI, and the accounts made for the test."""

    api_url: str
    ui_url: str
    trainee: tuple[str, str]
    trainer: tuple[str, str]
    procs: dict[str, tuple[subprocess.Popen[bytes], Path]] = field(default_factory=dict)
    database_url: str = ""

    def describe(self) -> str:
        """Whether each server still runs, and the end of its output (for a failure)."""
        parts = []
        for name, (proc, log) in self.procs.items():
            state = "running" if proc.poll() is None else f"exited with {proc.returncode}"
            parts.append(f"--- gladi {name} (pid {proc.pid}): {state}\n{_log_tail(log, 80)}")
        try:
            health = f"{httpx.get(f'{self.api_url}/healthz', timeout=5).status_code}"
        except httpx.HTTPError as exc:
            health = repr(exc)
        return "\n".join([f"API /healthz now: {health}", *parts])

    def token(self, who: tuple[str, str]) -> str:
        """A bearer token for `who` (username, password)."""
        body = {"username": who[0], "password": who[1]}
        response = httpx.post(f"{self.api_url}/api/login", json=body, timeout=10)
        response.raise_for_status()
        return str(response.json()["token"])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Remember whether the test body failed (the page fixture then takes a screenshot)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed


def _log_tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def wait_for(url: str, procs: dict[str, tuple[subprocess.Popen[bytes], Path]]) -> None:
    """Wait until `url` answers; fail with the servers' logs if one exits or it never answers."""
    if answers(url, watch=[proc for proc, _log in procs.values()]):
        return
    logs = "\n".join(f"--- gladi {n}\n{_log_tail(log)}" for n, (_p, log) in procs.items())
    raise RuntimeError(f"{url} did not answer within 60 s (or a server exited)\n{logs}")


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's Chromium; skipped when it is not installed (a failure under CI's services)."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(
            f"Debian chromium not installed at {CHROMIUM} "
            "(apt-get install chromium; .ci/services.sh does it for make ci)"
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def gladi_servers(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """`gladi serve` and `gladi ui` on free ports over a fresh small world, with two accounts."""
    from gladi.db import build_engine
    from gladi.episodes.auth import create_user
    from gladi.schema import ensure_schema
    from seeds.world import seed_world
    from tests.conftest import SMALL_SEED

    home = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{home / 'gladi.db'}"
    engine = build_engine(url)
    ensure_schema(engine)
    seed_world(engine, seed=SMALL_SEED, scale="small", force=True)
    suffix = secrets.token_hex(3)
    with engine.begin() as conn:
        trainee = (f"peserta_{suffix}", create_user(conn, f"peserta_{suffix}", "trainee"))
        trainer = (f"pelatih_{suffix}", create_user(conn, f"pelatih_{suffix}", "trainer"))
    engine.dispose()

    api_port, ui_port = free_ports(2)
    api_url, ui_url = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{ui_port}"
    env = {
        **os.environ,
        "GLADI_DATABASE_URL": url,
        "GLADI_HOST": "127.0.0.1",
        "GLADI_PORT": str(api_port),
        "GLADI_UI_PORT": str(ui_port),
        "GLADI_API_URL": api_url,
        "PYTHONPATH": str(ROOT),
    }
    gladi = [sys.executable, "-m", "gladi.cli.main"]
    commands = {
        "serve": [*gladi, "serve", "--port", str(api_port)],
        "ui": [*gladi, "ui", "--port", str(ui_port), "--api-url", api_url],
    }
    procs: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
    try:
        for name, command in commands.items():
            log = home / f"{name}.log"
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
                )
            procs[name] = (proc, log)
        wait_for(f"{api_url}/healthz", procs)
        wait_for(f"{ui_url}/_stcore/health", procs)
        yield Servers(api_url, ui_url, trainee, trainer, procs, url)
    finally:
        for proc, _log in procs.values():
            stop(proc)


@pytest.fixture
def shown_id(gladi_servers: Servers, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """`shown_id(case_id)`: the opaque id the trainee is shown for a case (keyed by the
    deployment secret the servers keep in their database)."""
    from gladi.episodes.case_ids import opaque_id
    from gladi.secrets import forget_cached
    from gladi.settings import get_settings

    monkeypatch.setenv("GLADI_DATABASE_URL", gladi_servers.database_url)
    get_settings.cache_clear()
    forget_cached()
    yield opaque_id
    forget_cached()
    get_settings.cache_clear()


@pytest.fixture
def servers(gladi_servers: Servers, request: pytest.FixtureRequest) -> Iterator[Servers]:
    """The module's servers; a failing test leaves their state and output in var/browser/."""
    yield gladi_servers
    if request.node.stash.get(CALL_FAILED, False):
        SHOTS.mkdir(parents=True, exist_ok=True)
        dump = SHOTS / f"{request.node.name}-servers.log"
        dump.write_text(gladi_servers.describe(), encoding="utf-8")
        print(f"server state and output of the failing test: {dump}")


@pytest.fixture
def page(chromium: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh headless Chromium page; on failure its screenshot goes to var/browser/."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport=VIEWPORT)
            tab = context.new_page()
            tab.set_default_timeout(30_000)
            yield tab
            if request.node.stash.get(CALL_FAILED, False):
                SHOTS.mkdir(parents=True, exist_ok=True)
                shot = SHOTS / f"{request.node.name}-failure.png"
                try:
                    tab.set_viewport_size({"width": VIEWPORT["width"], "height": 2400})
                    tab.screenshot(path=str(shot))
                    print(f"screenshot of the failing page: {shot}")
                except PlaywrightError as exc:  # the browser itself may be what failed
                    print(f"no screenshot of the failing page: {exc}")
        finally:
            browser.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    """var/browser/, emptied of this test's screenshots and logs of an earlier run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in [
        *SHOTS.glob(f"{request.node.name}-*.png"),
        *SHOTS.glob(f"{request.node.name}-*.log"),
    ]:
        old.unlink()
    return SHOTS
