"""`gladi ui`: run the Streamlit trainer (trainer_ui/app.py) headless, pointed at the API."""

import os
import sys

import typer

from gladi.settings import ROOT, get_settings

APP = ROOT / "trainer_ui" / "app.py"


def streamlit_command(port: int, address: str) -> list[str]:
    """The `streamlit run` command line for the trainer app."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def ui(
    port: int = typer.Option(
        None, "--port", min=1, max=65535, help="Port (default GLADI_UI_PORT)."
    ),
    api_url: str = typer.Option(None, "--api-url", help="API base URL (default GLADI_API_URL)."),
) -> None:
    """Serve the trainer UI (Streamlit, headless) until Ctrl-C; replaces this process."""
    settings = get_settings()
    env = {
        **os.environ,
        "GLADI_API_URL": api_url or settings.api_url,
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    }
    command = streamlit_command(port or settings.ui_port, settings.host)
    typer.echo(
        f"trainer UI on http://{settings.host}:{port or settings.ui_port} "
        f"(API {env['GLADI_API_URL']})"
    )
    os.chdir(ROOT)
    # exec, not a child: `gladi up` stops the UI by signalling this very process.
    os.execve(sys.executable, command, env)
