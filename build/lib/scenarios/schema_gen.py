"""The JSON Schemas of case and SOP files, generated from the pydantic models."""

import json
from pathlib import Path
from typing import Any

from scenarios.models import Case, Sop

FILES = {"case.schema.json": Case, "sop.schema.json": Sop}


def schema_text(model: Any) -> str:
    """The schema of a model as committed (stable key order, trailing newline)."""
    schema = model.model_json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in FILES.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
