"""One settings object for every process, read from GLADI_* environment variables."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
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

    secret_key: SecretStr | None = Field(
        default=None,
        description="The deployment secret (>= 32 characters). Unset: one is generated at "
        "first run and kept in the database, so every worker and machine shares it.",
    )
    tool_session_minutes: int = Field(
        default=8 * 60, ge=1, description="Lifetime of a TOS / UPoint tool login."
    )
    max_body_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="Larger request bodies are refused with 413."
    )
    max_json_depth: int = Field(
        default=32, ge=4, description="Deeper nesting in a JSON body is refused with 422."
    )
    max_header_bytes: int = Field(
        default=16 * 1024, ge=1024, description="Larger request heads are refused with 431."
    )
    header_timeout_seconds: float = Field(
        default=10.0, gt=0, description="A request head not complete by then closes the link."
    )
    login_window_seconds: int = Field(
        default=300, ge=1, description="Failed logins are counted over this window."
    )
    login_failures_per_user: int = Field(
        default=10, ge=1, description="Failed logins per username in the window before 429."
    )
    login_failures_per_address: int = Field(
        default=100, ge=1, description="Failed logins per client address in the window."
    )
    login_hash_concurrency: int = Field(
        default=2, ge=1, description="Password hashes a worker computes at once (memory bound)."
    )
    library_check_seconds: float = Field(
        default=1.0, ge=0, description="How often a worker looks for changed case files."
    )
    housekeeping_seconds: float = Field(
        default=30.0,
        gt=0,
        description="How often a worker closes overdue exam attempts and "
        "purges expired sessions and old login failures.",
    )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache after changing env)."""
    return Settings()
