"""gladi.processes: free ports, waiting for a server to answer, stopping it."""

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gladi.processes import answers, free_port, free_ports, stop


class _Status(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(503 if self.path == "/broken" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Status)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _python(code: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", code])


def test_free_ports_differ_and_can_be_bound() -> None:
    ports = free_ports(3)
    assert len(set(ports)) == 3
    assert 1024 <= free_port() <= 65535


def test_a_server_answering_below_500_counts_and_a_failing_one_does_not(server: str) -> None:
    assert answers(f"{server}/anything", seconds=5)
    assert not answers(f"{server}/broken", seconds=0.5)


def test_nobody_listening_is_not_an_answer() -> None:
    started = time.monotonic()
    assert not answers(f"http://127.0.0.1:{free_port()}/", seconds=0.6)
    assert time.monotonic() - started >= 0.6


def test_a_watched_process_that_exits_ends_the_wait_at_once() -> None:
    proc = _python("pass")
    proc.wait(timeout=10)
    started = time.monotonic()
    assert not answers(f"http://127.0.0.1:{free_port()}/", seconds=30, watch=[proc])
    assert time.monotonic() - started < 5


def test_stop_terminates_and_kills_what_ignores_sigterm() -> None:
    polite = _python("import time; time.sleep(60)")
    stop(polite)
    assert polite.returncode is not None
    stubborn = _python(
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"
    )
    time.sleep(0.5)  # let it install the handler
    stop(stubborn, timeout=1)
    assert stubborn.returncode == -9
