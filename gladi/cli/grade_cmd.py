"""`gladi grade TRACE.json`: regrade a stored episode trace and compare with its stored report."""

import json
from pathlib import Path
from typing import Any

import typer

from gladi.cli.common import fail


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    except json.JSONDecodeError as exc:
        fail(f"{path}:{exc.lineno}: not JSON: {exc.msg}")
    if not isinstance(data, dict):
        fail(f"{path}: expected an object with events, submission and key")
    for name in ("events", "key"):
        if name not in data:
            fail(f"{path}: missing {name!r} (use GET /api/episodes/{{id}}/trace as a trainer)")
    return data


def grade(
    trace: Path = typer.Argument(..., help="JSON from GET /api/episodes/{id}/trace."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Grade events + submission against the key; say whether a stored report is reproduced."""
    from scenarios import engine
    from scenarios.grading.version import GRADER_VERSION

    data = _load(trace)
    if data.get("state") == "closed":  # ended at an exam's deadline: nothing was submitted
        stored = data.get("report") or {}
        reason = stored.get("reason", "closed without a submission")
        if as_json:
            typer.echo(json.dumps(stored, indent=2, ensure_ascii=False))
        else:
            typer.echo(f"score {stored.get('score', 0)} FAILED: {reason} (nothing to regrade)")
        return
    made_by = (data["key"].get("grading") or {}).get("version")
    regraded = made_by != GRADER_VERSION
    if regraded:
        typer.echo(
            f"note: this key was made for grader version {made_by}; it is regraded with the "
            f"current version {GRADER_VERSION}, so the score and items may differ from the "
            "stored report for that reason alone",
            err=True,
        )
    try:
        report = engine.grade(data["events"], data.get("submission") or {}, data["key"])
    except (KeyError, TypeError, ValueError) as exc:
        fail(f"{trace}: cannot grade: {exc!r}")
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        verdict = "PASSED" if report["passed"] else "FAILED"
        typer.echo(f"score {report['score']} {verdict}")
        for reason in report["fail_reasons"]:
            typer.echo(f"  fails: {reason['en']}")
        for item in report["items"]:
            typer.echo(
                f"  {item['status']:6} {item['kind']:12} [{item['sop_ref'] or '-'}] "
                f"{item['message']}"
            )
    stored = data.get("report")
    if stored is not None:
        same = json.dumps(stored, sort_keys=True) == json.dumps(report, sort_keys=True)
        if same:
            typer.echo("stored report: identical", err=as_json)
        elif regraded:
            typer.echo(
                f"stored report: different (graded by version {made_by}, regraded with "
                f"{GRADER_VERSION})",
                err=as_json,
            )
        else:
            typer.echo("stored report: DIFFERENT", err=as_json)
            raise typer.Exit(1)
