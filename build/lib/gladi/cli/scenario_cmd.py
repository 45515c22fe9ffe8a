"""`gladi scenario ...`: validate, list, preview, coverage and the JSON Schema of case files."""

import json
from pathlib import Path
from typing import Any

import typer

from gladi.settings import get_settings

app = typer.Typer(help="The scenario library (SOP encodings and cases).", no_args_is_help=True)


def _library() -> Any:
    from scenarios import engine

    try:
        return engine.load_library(get_settings().scenarios_dir)
    except engine.LibraryError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"gladi: the scenario library has {len(exc.problems)} problem(s)", err=True)
        raise typer.Exit(1) from None


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


@app.command("validate")
def validate(paths: list[Path] = typer.Argument(..., help="Files or folders to check.")) -> None:
    """Check SOP and case files; print every problem as `file:line: field: message`."""
    from scenarios import engine
    from scenarios.library import yaml_files

    problems = engine.validate_files(paths, root=get_settings().scenarios_dir)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(yaml_files(paths))} file(s), no problems")


@app.command("list")
def list_cases(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every case and drill."""
    from scenarios import engine

    cases = engine.list_cases(_library())
    if as_json:
        typer.echo(_dump(cases))
        return
    for c in cases:
        typer.echo(
            f"{c['id']:40} {c['sop']}  {c['kind']:5} {c['channel']:6} "
            f"{c['difficulty']!s:6} {c['title']}"
        )


@app.command("coverage")
def coverage(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Cases per SOP branch; exits 1 when a branch has no case."""
    from scenarios import engine
    from scenarios.coverage import uncovered

    table = engine.coverage(_library())
    if as_json:
        typer.echo(_dump(table))
    else:
        for sop, branches in table.items():
            typer.echo(sop)
            for branch, cases in branches.items():
                typer.echo(f"  {branch:28} {', '.join(cases) if cases else '-- NO CASE --'}")
    missing = uncovered(table)
    if missing:
        typer.echo(
            f"{len(missing)} branch(es) without a case: "
            + ", ".join(f"{s}/{b}" for s, b in missing),
            err=True,
        )
        raise typer.Exit(1)


@app.command("schema")
def schema(
    output: Path = typer.Option(None, "--output", "-o", help="Folder (default scenarios/schema)."),
) -> None:
    """Write the JSON Schemas of case and SOP files (for editors)."""
    from scenarios.schema_gen import write_schemas

    for path in write_schemas(output or get_settings().scenarios_dir / "schema"):
        typer.echo(f"wrote {path}")


@app.command("preview")
def preview(
    case_id: str = typer.Argument(..., help="Case id (see `gladi scenario list`)."),
    seed: int = typer.Option(0, "--seed", help="Instance seed."),
    persona: str = typer.Option(None, "--persona", help="cooperative, vague or impatient."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The instantiated customer and answer key of one case (nothing is written)."""
    from gladi.cli.preview import render_preview, run_preview

    result = run_preview(_library(), case_id, seed, persona)
    typer.echo(_dump(result) if as_json else render_preview(result))
