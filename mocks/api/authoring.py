"""Trainer authoring over HTTP: validate, preview and save a case's YAML; SOP-branch coverage.

`check_text` parses the draft as the file `<id>.yaml` it would be saved as, validates it
against the loaded library's SOPs and builds it on a few seeds (scenarios.validate.buildable);
problems come back with the line and field path the trainer has to fix. Drafts are only ever
parsed by the bounded reader (scenarios.yamlsrc: limits on depth, aliases and size), so no
draft can make a worker expand an alias bomb. A case id is unique across SOPs: saving one that
another file already uses is 409 naming that file, and the library keeps serving.
"""

from pathlib import Path
from typing import Any

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
from scenarios.library import SUFFIXES, Library
from scenarios.models import Case
from scenarios.problems import Problem
from scenarios.validate.buildable import build_problems
from scenarios.validate.case_file import validate_case
from scenarios.yamlsrc import SourceError, parse_text

router = PrefixRouter(prefix="/api", tags=["authoring"], responses=ERROR_RESPONSES)
MAX_YAML = 256 * 1024


class DraftIn(Strict):
    yaml: str = Field(min_length=1, max_length=MAX_YAML, description="The case file's text")


class PreviewIn(DraftIn):
    seed: int = Field(default=1, ge=0, le=2**31 - 1)


class SaveIn(DraftIn):
    overwrite: bool = Field(default=False, description="Replace an existing file of that id")


def _stem(head: dict[str, Any]) -> str:
    case_id = str(head.get("id") or "draft")
    return case_id if case_id.replace("-", "").isalnum() else "draft"


def _check(text: str) -> tuple[dict[str, Any], Case | None]:
    """The validation answer for a draft and, when it has no problem, the case."""
    head: dict[str, Any] = {}
    case = None
    try:
        src = parse_text(text, Path("draft.yaml"))
    except SourceError as exc:
        found = [Problem("draft.yaml", exc.line, "", exc.message)]
    else:
        head = src.data if isinstance(src.data, dict) else {}
        src.path = Path(f"{_stem(head)}.yaml")  # the file it would be saved as
        case, found = validate_case(src, engine.get_library().sops)
        if case is not None and not found:  # a case that validates must also build
            found = build_problems(_with_draft(case), case.id, src)
            case = None if found else case
    problems = [{"line": p.line, "field": p.field, "message": p.message} for p in found]
    case_id, sop = head.get("id"), head.get("sop")
    shown = case_id if isinstance(case_id, str) else None
    path = f"scenarios/cases/{sop}/{case_id}.yaml" if shown and isinstance(sop, str) else None
    checked = {
        "valid": not problems,
        "id": shown,
        "sop": sop if isinstance(sop, str) else None,
        "path": path,
        "problems": problems,
    }
    return checked, case


def check_text(text: str) -> dict[str, Any]:
    """Validate a draft against the library's SOPs: {valid, id, sop, path, problems: [{line,
    field, message}]}."""
    return _check(text)[0]


def _valid_case(text: str) -> Case:
    """The draft as a Case, or 422 listing every problem (the first names the field)."""
    checked, case = _check(text)
    if case is None or not checked["valid"]:
        first = checked["problems"][0]
        raise BadInput(
            f"line {first['line']}: {first['field'] or '(top)'}: {first['message']}",
            field=first["field"] or "yaml",
            extra={"problems": checked["problems"]},
        )
    return case


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


def case_files(root: Path, case_id: str) -> list[Path]:
    """Every file under <root>/cases named `<case_id>.yaml` or `.yml` (whatever its folder)."""
    folder = root / "cases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(f"{case_id}.*") if p.suffix in SUFFIXES)


def _shown(root: Path, path: Path) -> str:
    return str(Path("scenarios") / path.relative_to(root))


def _save_target(root: Path, case: Case, overwrite: bool) -> tuple[Path, bool]:
    """Where to write the case and whether a file is replaced; 409 when the id is taken by
    another SOP's case, or exists in this SOP and `overwrite` is not set."""
    folder = root / "cases" / case.sop
    existing = case_files(root, case.id)
    elsewhere = [p for p in existing if p.parent != folder]
    if elsewhere:
        other = elsewhere[0]
        raise Conflict(
            f"case id {case.id!r} is already used by {_shown(root, other)} "
            f"(SOP {other.parent.name}); case ids are unique across SOPs, choose another id",
            field="id",
            expected="an id no other case uses",
            extra={"other": _shown(root, other)},
        )
    if existing and not overwrite:
        raise Conflict(
            f"case {case.id!r} exists already; confirm to overwrite it",
            field="overwrite",
            expected="overwrite: true to replace the file",
        )
    return (existing[0], True) if existing else (folder / f"{case.id}.yaml", False)


@router.post("/authoring/save", name="api.authoring_save", status_code=201)
async def save_draft(body: SaveIn, user: TrainerUser) -> dict[str, Any]:
    """Write a valid draft to scenarios/cases/<sop>/<id>.yaml; 409 if the file exists (no
    overwrite) or another SOP's case has the id."""
    case = _valid_case(body.yaml)
    root = get_settings().scenarios_dir
    target, existed = _save_target(root, case, body.overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = body.yaml if body.yaml.endswith("\n") else body.yaml + "\n"
    partial = target.with_name(f".{target.name}.saving")
    partial.write_text(text, "utf-8")
    partial.replace(target)  # readers see the old file or the new one, never half of it
    engine.clear_cache()
    return {"id": case.id, "sop": case.sop, "path": _shown(root, target), "overwritten": existed}


@router.get("/authoring/cases/{case_id}", name="api.authoring_case")
async def read_case_file(
    user: TrainerUser,
    case_id: str = PathParam(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
) -> dict[str, Any]:
    """The YAML text of a library case, to edit it (trainers only)."""
    case = engine.get_library().case(case_id)
    root = get_settings().scenarios_dir
    target = next((p for p in case_files(root, case.id) if p.parent.name == case.sop), None)
    if target is None:
        raise NotFound(f"no file for case {case_id!r}", field="case_id")
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NotFound(f"the file of case {case_id!r} cannot be read", field="case_id") from exc
    return {"id": case.id, "sop": case.sop, "path": _shown(root, target), "yaml": text}


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
    return {"sops": sops, "uncovered": uncovered, "problems": len(library.problems)}
