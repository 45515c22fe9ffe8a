"""Shared shapes of tool screens: raw values for machines plus `display`, the screen's labels.

`display` maps the real tool's Indonesian label to the value formatted as the screen shows it
(Rupiah, Indonesian dates), in screen order; the trainer UI renders it as is.
"""

from pydantic import BaseModel, Field


class Screen(BaseModel):
    """Base of every record a tool shows."""

    display: dict[str, str] = Field(
        default_factory=dict, description="Label -> value as the real screen shows it"
    )


def not_found_view(what: str, value: str) -> dict[str, str]:
    """Extra error fields for the tool's own empty-result view."""
    return {"view": f"Data tidak ditemukan ({what}: {value})"}
