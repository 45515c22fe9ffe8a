"""Entry point of the `gladi` console command; each verb lives in its own module."""

import typer

from gladi.cli import assess_cmd, db_cmd, results_cmd, serve_cmd, ui_cmd, up_cmd, user_cmd
from gladi.cli.grade_cmd import grade as grade_command
from gladi.cli.scenario_cmd import app as scenario_app
from gladi.cli.seed_cmd import seed as seed_command

app = typer.Typer(
    name="gladi",
    help="Gladi: practise contact-center SOPs on mock telecom tools.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db_cmd.app, name="db")
app.command("seed")(seed_command)
app.add_typer(user_cmd.app, name="user")
app.command("serve")(serve_cmd.serve)
app.command("assess")(assess_cmd.assess)
app.add_typer(results_cmd.app, name="results")
app.command("up")(up_cmd.up)
app.command("ui")(ui_cmd.ui)
app.add_typer(scenario_app, name="scenario")
app.command("grade")(grade_command)


def main() -> None:
    """Run the CLI."""
    app()


if __name__ == "__main__":
    main()
