"""``backchannel extract``: what Backchannel makes of a text, without storing anything."""

from __future__ import annotations

import sys

import click

from ..extract.document import extract_articles
from ..extract.serialize import extraction_dict
from ..ingest import Defaults, Failure, iter_articles
from ..model import Extraction
from ..nlp import get_pipeline
from . import render
from .options import date_arg, json_option


def register(cli: click.Group) -> None:
    cli.add_command(extract)


@click.command()
@click.argument("path", default="-")
@click.option("--published", metavar="DATE", help="Publication date when the document carries none (YYYY-MM-DD).")
@click.option("--outlet", metavar="NAME", help="Outlet when the document names none.")
@json_option
def extract(path, published, outlet, as_json) -> None:
    """Print the extraction of one document (FILE, or '-' for standard input): entities with offsets,
    events, relations and time expressions. Nothing is stored."""
    defaults = Defaults(published=date_arg(published, "--published"), outlet=outlet)
    items = list(iter_articles([path], defaults, stdin=sys.stdin.buffer))
    failures = [i for i in items if isinstance(i, Failure)]
    for failure in failures:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
    articles = [i for i in items if not isinstance(i, Failure)]
    for result in extract_articles(get_pipeline(), articles):
        if not isinstance(result, Extraction):
            click.echo(f"failed: {result[0].path}: {result[1]}", err=True)
            failures.append(result)
            continue
        data = extraction_dict(result)
        if as_json:
            render.print_json_lines([data])
        else:
            _print(data)
    if failures:
        raise SystemExit(1)


def _print(data: dict) -> None:
    out = render.console()
    art = data["article"]
    out.print(f"[bold]{art['title'] or art['path'] or art['id']}[/bold] (published {art['published'] or 'unknown'})", highlight=False)
    out.print("\n[bold]entities[/bold]")
    for e in data["entities"]:
        spellings = sorted({m["text"] for m in e["mentions"]})
        out.print(f"  {e['name']} ({e['kind']}): {', '.join(spellings)}", highlight=False)
    out.print("\n[bold]times[/bold]")
    for t in data["times"]:
        span = f"{t['interval_start']}..{t['interval_end']}" if t["interval_start"] else "unresolved"
        out.print(f"  {t['text']!r} -> {t['value']} ({span}, {t['granularity']})", highlight=False)
    out.print("\n[bold]events[/bold]")
    for e in data["events"]:
        out.print(f"  {render.when(e):<24} {render.event_line(e)}  {render.flags(e)}  [dim]{render.sourcing(e)}[/dim]", highlight=False)
    out.print("\n[bold]relations[/bold]")
    for r in data["relations"]:
        out.print(f"  {r['subject']['name']} {r['type']} {r['object']['name']}  [dim]{render.sourcing(r)}[/dim]", highlight=False)
