"""`gladi serve`: the mock tools and the episode API over HTTP (uvicorn)."""

import typer
import uvicorn

from gladi.cli.common import open_engine
from gladi.settings import get_settings

KEEP_ALIVE_SECONDS = 30


def serve(
    host: str = typer.Option(None, "--host", help="Interface to bind (default GLADI_HOST)."),
    port: int = typer.Option(None, "--port", min=1, max=65535, help="Port (default GLADI_PORT)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
) -> None:
    """Serve the mock tools and the episode API; docs at /docs."""
    settings = get_settings()
    open_engine(settings.database_url).dispose()  # schema ready before workers fork
    uvicorn.run(
        "mocks.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level="warning",
        access_log=False,
        http="httptools",
        # The stdlib loop, not uvloop: about the same requests/s on the lookups benchmark,
        # but uvloop served some connections ~10x later than others under load (p99 at 64
        # connections 0.3 s against ~35 ms, re-measured with the background checkpoints).
        loop="asyncio",
        # Idle keep-alive connections outlive the clients' own idle limit (httpx: 5 s), so a
        # client never sends on a connection the server is closing at that same moment.
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
