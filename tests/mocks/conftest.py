"""Mock fixtures: every screen of the small world, called once per test session."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.settings import get_settings
from tests.mocks.screen_samples import Answer, collect


@pytest.fixture(scope="session")
def screens(world_url: str, world_engine: Engine) -> list[Answer]:
    """What every tool screen answered for identifiers spread over the world's variants."""
    from mocks.app import create_app

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLADI_DATABASE_URL", world_url)
        get_settings.cache_clear()
        with TestClient(create_app()) as client:
            answers = collect(client, world_engine)
    get_settings.cache_clear()
    return answers
