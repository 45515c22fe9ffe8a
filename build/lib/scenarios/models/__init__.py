"""Pydantic models of the SOP encodings and the cases (shapes only; meaning is checked later)."""

from scenarios.models.case import Case, Persona
from scenarios.models.sop import Sop

__all__ = ["Case", "Persona", "Sop"]
