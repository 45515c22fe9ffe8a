"""Trainer authoring over HTTP: validate, preview and save a case's YAML; SOP-branch coverage.

The engine validates files, not text, so `check_text` writes the draft to a temporary
`<id>.yaml` and runs `engine.validate_files` on it against the library's SOPs; problems come
back with the line and field path the trainer has to fix.
"""

import tempfile
from pathlib import Path
from typing import Any

import yaml
from fastapi import Path as PathParam
from pydantic import Field

from gladi.db import get_engine
from gladi.errors import BadInput, Conflict, NotFound
from gladi.settings import get_settings
from mocks.api.deps import StaffUser, TrainerUser
from mocks.api.models import Strict
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter
from scenarios import engine
from scenarios.library import Library
from scenarios.models import Case

router = PrefixRouter(prefix="/api", tags=["authoring"], responses=ERROR_RESPONSES)
MAX_YAML = 256 * 1024


class DraftIn(Strict):
    yaml: str = Field(min_length=1, max_length=MAX_YAML, description="The case file's text")


class PreviewIn(DraftIn):
    seed: int = Field(default=1, ge=0, le=2**31 - 1)


class SaveIn(DraftIn):
    overwrite: bool = Field(default=False, description="Replace an existing file of that id")


def _head(text: str) -> dict[str, Any]:
    """The draft's top-level mapping if it parses (else empty): for its id and SOP."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _stem(head: dict[str, Any]) -> str:
    case_id = str(head.get("id") or "draft")
    return case_id if case_id.replace("-", "").isalnum() else "draft"


def check_text(text: str) -> dict[str, Any]:
    """Validate a draft: {valid, id, sop, path, problems: [{line, field, message}]}."""
    head = _head(text)
    root = get_settings().scenarios_dir
    with tempfile.TemporaryDirectory(prefix="gladi-draft-") as folder:
        draft = Path(folder) / f"{_stem(head)}.yaml"
        draft.write_text(text, encoding="utf-8")
        found = engine.validate_files([draft], root=root)
    problems = [{"line": p.line, "field": p.field, "message": p.message} for p in found]
    case_id, sop = head.get("id"), head.get("sop")
    path = f"scenarios/cases/{sop}/{case_id}.yaml" if case_id and sop else None
    return {"valid": not problems, "id": case_id, "sop": sop, "path": path, "problems": problems}


def _valid_case(text: str) -> Case:
    """The draft as a Case, or 422 listing every problem (the first names the field)."""
    checked = check_text(text)
    if not checked["valid"]:
        first = checked["problems"][0]
        raise BadInput(
            f"line {first['line']}: {first['field'] or '(top)'}: {first['message']}",
            field=first["field"] or "yaml",
            extra={"problems": checked["problems"]},
        )
    return Case.model_validate(yaml.safe_load(text))


@router.post("/authoring/validate", name="api.authoring_validate")
async def validate_draft(body: DraftIn, user: TrainerUser) -> dict[str, Any]:
    """Check a case's YAML: every problem with its line and field (trainers only)."""
    return check_text(body.yaml)


def _with_draft(case: Case) -> Library:
    """The library plus the draft case (the cached library itself is not changed)."""
    library = engine.get_library()
    return Library(
        root=library.root,
        sops=library.sops,
        cases={**library.cases, case.id: case},
        problems=list(library.problems),
    )


@router.post("/authoring/preview", name="api.authoring_preview")
async def preview_draft(body: PreviewIn, user: TrainerUser) -> dict[str, Any]:
    """Instantiate a valid draft (nothing is stored): the customer, the brief and the key."""
    case = _valid_case(body.yaml)
    with get_engine().connect() as conn:
        try:
            instance = engine.instantiate(conn, _with_draft(case), case.id, body.seed, "preview")
        except (RuntimeError, ValueError) as exc:  # the materializer cannot make this case
            raise BadInput(f"cannot instantiate this case: {exc}", field="conditions") from exc
        finally:
            conn.rollback()
    return {
        "case": case.id,
        "seed": body.seed,
        "persona": instance.persona,
        "sim_now": instance.sim_now.isoformat(),
        "brief": instance.brief,
        "customer": instance.customer.get("summary", {}),
        "key": {k: instance.key.get(k) for k in ("steps", "expected", "submit")},
    }


@router.post("/authoring/save", name="api.authoring_save", status_code=201)
async def save_draft(body: SaveIn, user: TrainerUser) -> dict[str, Any]:
    """Write a valid draft to scenarios/cases/<sop>/<id>.yaml; 409 if it exists (no overwrite)."""
    case = _valid_case(body.yaml)
    target = get_settings().scenarios_dir / "cases" / case.sop / f"{case.id}.yaml"
    existed = target.exists()
    if existed and not body.overwrite:
        raise Conflict(
            f"case {case.id!r} exists already; confirm to overwrite it",
            field="overwrite",
            expected="overwrite: true to replace the file",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body.yaml if body.yaml.endswith("\n") else body.yaml + "\n", "utf-8")
    engine.clear_cache()
    return {
        "id": case.id,
        "sop": case.sop,
        "path": f"scenarios/cases/{case.sop}/{case.id}.yaml",
        "overwritten": existed,
    }


@router.get("/authoring/cases/{case_id}", name="api.authoring_case")
async def read_case_file(
    user: TrainerUser,
    case_id: str = PathParam(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
) -> dict[str, Any]:
    """The YAML text of a library case, to edit it (trainers only)."""
    case = engine.get_library().case(case_id)
    root = get_settings().scenarios_dir
    target = next((root / "cases").glob(f"**/{case.id}.yaml"), None)
    if target is None:
        raise NotFound(f"no file for case {case_id!r}", field="case_id")
    return {
        "id": case.id,
        "sop": case.sop,
        "path": str(Path("scenarios") / target.relative_to(root)),
        "yaml": target.read_text(encoding="utf-8"),
    }


@router.get("/scenarios/coverage", name="api.scenario_coverage")
async def read_coverage(user: StaffUser) -> dict[str, Any]:
    """Which cases cover each SOP branch (trainers and assessors): the library at a glance."""
    library = engine.get_library()
    table = engine.coverage(library)
    sops: list[dict[str, Any]] = []
    for sop_id, branches in table.items():
        sop = library.sops[sop_id]
        known = {b.id: b for b in sop.branches}
        sops.append(
            {
                "sop": sop_id,
                "title": sop.title,
                "branches": [
                    {
                        "id": branch,
                        "label": known[branch].label if branch in known else branch,
                        "ref": known[branch].ref if branch in known else None,
                        "cases": cases,
                    }
                    for branch, cases in branches.items()
                ],
            }
        )
    uncovered = sum(1 for s in sops for b in s["branches"] if not b["cases"])
    return {"sops": sops, "uncovered": uncovered}
