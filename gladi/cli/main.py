"""Entry point of the `gladi` console command; each verb lives in its own module."""

import typer

from gladi.cli import db_cmd

app = typer.Typer(
    name="gladi",
    help="Gladi: practise contact-center SOPs on mock telecom tools.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db_cmd.app, name="db")


def main() -> None:
    """Run the CLI."""
    app()


if __name__ == "__main__":
    main()
