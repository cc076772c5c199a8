"""``backchannel influence NAME``: an entity's dealings with government and its awards, on one timeline."""

from __future__ import annotations

import click

from ..analysis import influence as run
from ..errors import InputError
from . import render
from .options import db_option, json_option, store_for


def register(cli: click.Group) -> None:
    cli.add_command(influence)


@click.command()
@click.argument("name")
@click.option("--window", default=180, show_default=True, metavar="DAYS",
              help="Flag contacts this many days or fewer before an award.")
@db_option
@json_option
def influence(name, window, db, as_json) -> None:
    """One dated timeline: the entity's (and its executives') contacts with government, lobbying and
    donations, and its contract awards; contacts shortly before an award are flagged."""
    if window < 0:
        raise InputError(f"--window {window}: the window is a number of days, 0 or more")
    view = store_for(db).view()
    if as_json:
        render.print_json_lines([run(view, name, window=window)])
        return
    print_influence(view, name, window)


def print_influence(view, name: str, window: int, only_flagged: bool = False) -> None:
    """The readable timeline; ``only_flagged`` keeps the flagged contacts and the awards."""
    result = run(view, name, window=window)
    out = render.console()
    e = result["entity"]
    people = ", ".join(f"{m['name']} ({m['via'].replace('_of', '')})" for m in result["circle"][1:])
    out.print(f"[bold]{e['name']}[/bold] ({e['kind']})" + (f", with {people}" if people else ""), highlight=False)
    out.print(f"awards: {render.award_totals(result['awards'])}; lobbying: {render.lobbying_totals(result['lobbying'])}",
              highlight=False)
    lines = [x for x in result["timeline"] if x["flags"] or x["kind"] == "award"] if only_flagged else result["timeline"]
    out.print(f"\n[bold]timeline[/bold] ({len(lines)} items; flagged: contacts up to {window} days "
              "before an award by the body contacted or its government)", highlight=False)
    for line in lines:
        ev = line["event"]
        mark = "[bold red]![/bold red]" if line["flags"] else " "
        amount = f" {render.money(ev['amount'])}" if ev.get("amount") else ""
        render.event_block(out, ev, f"{mark} [bold]{render.when(ev):<22}[/bold] {line['kind']:<9}", amount)
        for f in line["flags"]:
            money = f", {render.money(f['amount'])}" if f.get("amount") else ""
            out.print(f"{render.INDENT} [red]{f['days_before']} days before the award of {f['award_date']} by "
                      f"{', '.join(f['awarding'])}{money} ({f['why']})[/red]", highlight=False)
