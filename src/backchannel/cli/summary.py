"""``backchannel summary`` and ``backchannel demo``: what is in the database, at a glance."""

from __future__ import annotations

from importlib import resources

import click

from ..ingest import Defaults
from ..process import ingest
from ..records.load import import_records
from ..store import View
from . import render
from .influence import print_influence
from .options import db_option, store_for


def register(cli: click.Group) -> None:
    cli.add_command(summary)
    cli.add_command(demo)


def demo_corpus_path() -> str:
    """The bundled demo corpus (JSON Lines, written by the Backchannel team)."""
    return str(resources.files("backchannel").joinpath("demo", "articles.jsonl"))


def demo_records_path() -> str:
    """The bundled demo records (USAspending format, written by the Backchannel team)."""
    return str(resources.files("backchannel").joinpath("demo", "records"))


def print_summary(view: View, limit: int = 25) -> None:
    """Entity count by kind, events by type, and a dated timeline of the most connected entity."""
    out = render.console()
    s = view.summary()
    out.print(f"[bold]{s['articles']} articles[/bold]", highlight=False)
    out.print("entities by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(s["entities_by_kind"].items(), key=lambda kv: -kv[1])), highlight=False)
    out.print("events by type:   " + ", ".join(f"{k} {n}" for k, n in sorted(s["events_by_type"].items(), key=lambda kv: -kv[1])), highlight=False)
    if s.get("relations_by_type"):
        out.print("relations:        " + ", ".join(f"{k} {n}" for k, n in sorted(s["relations_by_type"].items(), key=lambda kv: -kv[1])), highlight=False)
    top = view.most_connected(limit=1)
    if not top:
        return
    entity = top[0]
    events = view.events(entity=entity["id"])
    out.print(f"\n[bold]Most connected: {entity['name']}[/bold] ({entity['kind']}, {entity['events']} events). Timeline:", highlight=False)
    render.timeline(events[:limit] if limit else events)
    if limit and len(events) > limit:
        out.print(f"... and {len(events) - limit} more: backchannel show \"{entity['name']}\"", highlight=False)


@click.command()
@db_option
def summary(db) -> None:
    """Counts by kind and type, and the timeline of the most connected entity."""
    print_summary(store_for(db).view())


@click.command()
@db_option
def demo(db) -> None:
    """Ingest the bundled demo corpus and print the summary (what `make demo` runs)."""
    store = store_for(db)
    report = ingest([demo_corpus_path()], store, Defaults())
    click.echo(f"demo corpus: read {report.read}, new {report.new}, duplicate {report.duplicate}, failed {len(report.failed)}")
    for failure in report.failed:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
    records = import_records("usaspending", [demo_records_path()], store)
    click.echo(f"demo records: read {records.read}, new {records.new}, duplicate {records.duplicate}, "
               f"failed {len(records.failed)}")
    print_summary(store.view())
    click.echo("\nWhat contacts did Blue Origin have with the administration before its last award? "
               "(backchannel influence \"Blue Origin\")")
    print_influence(store.view(), "Blue Origin", window=180, only_flagged=True)
    if report.failed or records.failed:
        raise SystemExit(1)
