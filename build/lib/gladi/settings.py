"""One settings object for every process, read from GLADI_* environment variables."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as GLADI_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="GLADI_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{ROOT / 'var' / 'gladi.db'}",
        description="SQLAlchemy URL of the one database (SQLite file or postgresql+psycopg://).",
    )
    api_url: str = Field(
        default="http://127.0.0.1:8000", description="Where the trainer UI finds the API."
    )
    host: str = "127.0.0.1"
    port: int = 8000
    ui_port: int = 8501
    token_ttl_minutes: int = Field(default=12 * 60, ge=1)
    scenarios_dir: Path = ROOT / "scenarios"
    seed: int = 42
    scale: str = "default"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache after changing env)."""
    return Settings()
