"""Server processes started by `gladi up`, the benchmarks and the tests: a free port, waiting
until a server answers, stopping it."""

import socket
import subprocess
import time
from collections.abc import Iterable

import httpx


def free_ports(count: int) -> list[int]:
    """`count` different loopback ports nobody listens on right now."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:  # all bound at once, so the ports differ
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    return free_ports(1)[0]


def answers(
    url: str, *, seconds: float = 60.0, watch: Iterable[subprocess.Popen] = ()
) -> bool:
    """Whether `url` answers (any status below 500) within `seconds`; False as soon as one of
    the `watch`ed processes (the server behind it) has exited."""
    watched = list(watch)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in watched):
            return False
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


def stop(proc: subprocess.Popen, timeout: float = 15.0) -> None:
    """Terminate `proc` (a server and its workers); kill it if it has not stopped in `timeout` s."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
