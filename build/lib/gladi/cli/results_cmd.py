"""`gladi results export`: every stored episode result as CSV, JSON or xAPI statements."""

import json
from pathlib import Path

import typer

from gladi.cli.common import fail, open_engine
from gladi.episodes import results

app = typer.Typer(help="Stored episode results.", no_args_is_help=True)


@app.command("export")
def export(
    format: str = typer.Option("csv", "--format", help="csv, json or xapi."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    sop: str = typer.Option(None, "--sop", help="Only this SOP, e.g. sop-001."),
    db: str = typer.Option(None, "--db", help="Database URL (default GLADI_DATABASE_URL)."),
    homepage: str = typer.Option(
        "https://gladi.local", "--homepage", help="xAPI account homePage / activity id prefix."
    ),
) -> None:
    """Write every submitted episode's result (csv, json with report items, or xapi)."""
    if format not in ("csv", "json", "xapi"):
        fail(f"unknown format {format!r}; expected csv, json or xapi")
    engine = open_engine(db)
    with engine.connect() as conn:
        rows = results.submitted(conn, sop=sop, with_items=format == "json")
    if format == "csv":
        text = results.to_csv(rows)
    elif format == "json":
        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        text = json.dumps(results.to_xapi(rows, homepage), indent=2, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(rows)} results to {output}", err=True)
    else:
        typer.echo(text, nl=False)
