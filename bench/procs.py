"""Process helpers for benchmarks: starting `gladi serve`, finding its workers (free ports and
stopping a server: gladi.processes)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from gladi.processes import answers, stop

ROOT = Path(__file__).resolve().parent.parent


def start_server(url: str, port: int, workers: int = 1, timeout: float = 60) -> subprocess.Popen:
    """`gladi serve` on `url` and `port`; returns once /healthz answers."""
    env = {**os.environ, "GLADI_DATABASE_URL": url}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gladi.cli.main",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=ROOT,
    )
    if not answers(f"http://127.0.0.1:{port}/healthz", seconds=timeout, watch=[proc]):
        stop(proc)
        raise RuntimeError(f"gladi serve did not answer on port {port}")
    time.sleep(1.0 if workers > 1 else 0)  # let every worker come up
    return proc


def child_pids(pid: int) -> list[int]:
    """Worker processes of a uvicorn supervisor (its children running Python)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children.extend(int(c) for c in text)
    workers = []
    for child in children:
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        if b"resource_tracker" not in cmdline:
            workers.append(child)
    return workers
