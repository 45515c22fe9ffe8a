"""Meaning checks of parsed SOPs and cases (shapes are checked by the pydantic models)."""
