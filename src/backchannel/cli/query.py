"""``backchannel entities | events | relations | show``: read the database."""

from __future__ import annotations

import click

from ..analysis.influence import awards_to, lobbying_by, lobbying_totals, totals
from . import render
from .options import date_arg, db_option, json_option, store_for


def register(cli: click.Group) -> None:
    for command in (entities, events, relations, show):
        cli.add_command(command)


@click.command()
@click.option("--kind", help="Only entities of this kind (Person, Company, PublicBody, ...).")
@db_option
@json_option
def entities(kind, db, as_json) -> None:
    """List entities with their kind, aliases and number of mentions."""
    rows = store_for(db).view().entities(kind=kind)
    render.print_json_lines(rows) if as_json else render.entities_table(rows)


@click.command()
@click.option("--entity", metavar="NAME", help="Only events this entity takes part in.")
@click.option("--type", "type_", metavar="TYPE", help="Only events of this type (CONSULT, ACCUSE, CONTRACT_BID, ...).")
@click.option("--since", metavar="DATE", help="Only events whose dates overlap this day or later.")
@click.option("--until", metavar="DATE", help="Only events whose dates overlap this day or earlier.")
@db_option
@json_option
def events(entity, type_, since, until, db, as_json) -> None:
    """List events with participants, dates, sourcing and evidence."""
    rows = store_for(db).view().events(
        entity=entity, type=type_, since=date_arg(since, "--since"), until=date_arg(until, "--until")
    )
    render.print_json_lines(rows) if as_json else render.events_table(rows)


@click.command()
@click.option("--entity", metavar="NAME", help="Only relations of this entity.")
@db_option
@json_option
def relations(entity, db, as_json) -> None:
    """List standing relations (founder_of, executive_of, rival_of, ...)."""
    rows = store_for(db).view().relations(entity=entity)
    render.print_json_lines(rows) if as_json else render.relations_table(rows)


@click.command()
@click.argument("name")
@db_option
@json_option
def show(name, db, as_json) -> None:
    """Everything about one entity: kind, aliases, relations, and a dated timeline of its events."""
    view = store_for(db).view()
    entity = view.find_entity(name)
    rels = view.relations(entity=entity["id"])
    evts = view.events(entity=entity["id"])
    awards = totals(awards_to(evts, {entity["id"]}))
    lobbying = lobbying_totals(lobbying_by(evts, {entity["id"]}))
    if as_json:
        render.print_json_lines([{**entity, "awards": awards, "lobbying": lobbying, "relations": rels, "events": evts}])
        return
    out = render.console()
    out.print(f"[bold]{entity['name']}[/bold] ({entity['kind']}), {entity['mentions']} mentions", highlight=False)
    others = [a for a in entity["aliases"] if a != entity["name"]]
    if others:
        out.print("also written: " + "; ".join(others), highlight=False)
    out.print(f"awards received: {render.award_totals(awards)}", highlight=False)
    out.print(f"lobbying: {render.lobbying_totals(lobbying)}", highlight=False)
    if rels:
        out.print("\n[bold]relations[/bold]")
        for line in render.grouped_relations(rels):
            out.print(line, highlight=False)
    out.print(f"\n[bold]timeline[/bold] ({len(evts)} events)")
    render.timeline(evts)
