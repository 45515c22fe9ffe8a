"""The app factory: every tool router and the episode API, registered from one list."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from gladi.catalog import TOOLS
from gladi.db import background_checkpoints, get_engine, held_connection
from gladi.episodes.housekeeping import background_housekeeping
from gladi.schema import ensure_schema
from gladi.secrets import deployment_secret
from gladi.settings import get_settings
from mocks.am.router import router as am_router
from mocks.api import auth as api_auth
from mocks.api import authoring as api_authoring
from mocks.api import episodes as api_episodes
from mocks.api import exams as api_exams
from mocks.api import library as api_library
from mocks.api import phrasings as api_phrasings
from mocks.api import results as api_results
from mocks.api import scenarios as api_scenarios
from mocks.dsc.router import router as dsc_router
from mocks.epayment.router import router as epayment_router
from mocks.errors import install_error_handlers
from mocks.indira.router import router as indira_router
from mocks.interactions.router import router as interactions_router
from mocks.limits import RequestGuard
from mocks.ncx.router import router as ncx_router
from mocks.outages.router import router as outages_router
from mocks.tickets.router import router as tickets_router
from mocks.tos.router import router as tos_router
from mocks.upoint.router import router as upoint_router

ROUTERS: list[APIRouter] = [
    ncx_router,
    tos_router,
    epayment_router,
    dsc_router,
    indira_router,
    upoint_router,
    tickets_router,
    outages_router,
    am_router,
    interactions_router,
    api_auth.router,
    api_scenarios.router,
    api_episodes.router,
    api_results.router,
    api_exams.router,
    api_authoring.router,
    api_phrasings.router,
    api_library.router,
]
"""Adding a tool is a folder under mocks/ and a line here."""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Make sure the schema and the deployment secret exist before the first request;
    checkpoint SQLite's WAL aside; close overdue exam attempts and purge expired sessions now
    and then; hold one connection for the tool queries the event loop runs
    (gladi.db.HeldConnection)."""
    engine = get_engine()
    ensure_schema(engine)
    deployment_secret()
    every = get_settings().housekeeping_seconds
    with (
        background_checkpoints(engine),
        background_housekeeping(engine, every),
        held_connection(engine) as held,
    ):
        app.state.held_connection = held
        try:
            yield
        finally:
            del app.state.held_connection


def create_app() -> FastAPI:
    """Build the Gladi API: mock tools under /<tool>, episodes under /api, docs at /docs."""
    app = FastAPI(
        title="Gladi mock tools and episode API",
        version="0.1.0",
        description="Mock NCXtools, TOS, E-Payment, DSC, Indira, UPoint and support systems "
        "over a seeded fake world, and the episode API that records and grades attempts.",
        openapi_tags=[{"name": name, "description": label} for name, label in TOOLS.items()],
        lifespan=lifespan,
        # FastAPI's native OpenTelemetry hooks check for providers on every request; Gladi
        # exports no traces, metrics or logs, so they are off.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_error_handlers(app)
    app.add_middleware(RequestGuard)
    for router in ROUTERS:
        app.include_router(router)
    app.add_api_route("/healthz", healthz, methods=["GET"], tags=["health"], name="healthz")
    return app


async def healthz() -> dict[str, str]:
    """Liveness: the process answers (used by `gladi up` and the load tests)."""
    return {"status": "ok"}
