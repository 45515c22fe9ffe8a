"""The app the trainer UI tests serve: mocks.app plus any /api router not registered yet."""

import importlib

from fastapi import FastAPI

API_MODULES = ("auth", "scenarios", "episodes", "results", "exams", "authoring")


def create() -> FastAPI:
    """`mocks.app.create_app()`, with the episode API routers mounted if the factory lacks them."""
    from mocks.app import ROUTERS, create_app

    app = create_app()
    for name in API_MODULES:
        try:
            module = importlib.import_module(f"mocks.api.{name}")
        except ImportError:
            continue  # e.g. scenarios.engine has not landed yet
        if module.router not in ROUTERS:
            app.include_router(module.router)
    return app
