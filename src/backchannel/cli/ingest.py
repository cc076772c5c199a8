"""``backchannel ingest``: read files into the database."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..ingest import Defaults
from ..process import IngestReport, ingest
from .options import date_arg, db_option, json_option, store_for


def register(cli: click.Group) -> None:
    cli.add_command(ingest_command)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="DATE", help="Publication date for documents that carry none (YYYY-MM-DD).")
@click.option("--outlet", metavar="NAME", help="Outlet for documents that name none.")
@click.option("--url", metavar="URL", help="URL for documents that give none.")
@db_option
@json_option
def ingest_command(paths, published, outlet, url, db, as_json) -> None:
    """Ingest text, HTML, JSON Lines or RSS/Atom files and directories ('-' reads standard input).

    Each article is stored in its own transaction; an article already stored is skipped; a bad file
    is reported and the batch goes on. Exit code 1 when any file failed.
    """
    defaults = Defaults(published=date_arg(published, "--published"), outlet=outlet, url=url)
    store = store_for(db)
    err = Console(stderr=True)
    if err.is_terminal and not as_json:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} documents"),
                      TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            report = ingest(paths, store, defaults, stdin=sys.stdin.buffer,
                            tick=lambda path: progress.update(task, advance=1, description=_short(path)))
    else:
        report = ingest(paths, store, defaults, stdin=sys.stdin.buffer)
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    else:
        _print_report(report)
    if report.failed:
        raise SystemExit(1)


def _short(path: str) -> str:
    return path if len(path) <= 40 else "..." + path[-37:]


def _print_report(report: IngestReport) -> None:
    click.echo(
        f"read {report.read}, new {report.new}, duplicate {report.duplicate}, failed {len(report.failed)}"
        f" ({report.events} events, {report.relations} relations stored)"
    )
    if report.duplicate and not report.new:
        click.echo("nothing new: every article read is already in the database")
    for failure in report.failed:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
