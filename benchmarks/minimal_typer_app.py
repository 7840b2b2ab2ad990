"""The floor poc's start-up is measured against: a Typer app that prints a one-row Rich table.

Every poc command pays for Python, Typer and Rich; this app pays for exactly that and
nothing else, so ``poc … / minimal app`` is the cost of poc's own work.
"""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    table = Table("id", "title")
    table.add_row("opening", "Opening remarks")
    Console().print(table)


if __name__ == "__main__":
    app()
