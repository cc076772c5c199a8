"""``backchannel import KIND PATH...``: contract awards and lobbying filings from public records."""

from __future__ import annotations

import json

import click

from ..records import READERS
from ..records.load import import_records
from .options import db_option, json_option, store_for


def register(cli: click.Group) -> None:
    cli.add_command(import_)


@click.command("import")
@click.argument("kind", type=click.Choice(list(READERS)))
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@json_option
def import_(kind, paths, db, as_json) -> None:
    """Import public records: usaspending (API JSON, bulk or legacy CSV), fpds (ATOM XML), lda (Senate
    XML or API JSON). Files and directories; one transaction per file; a bad record is one line."""
    report = import_records(kind, list(paths), store_for(db))
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for location, reason in report.failed:
            click.echo(f"error: {location}: {reason}", err=True)
        for location, reason in report.skipped:
            click.echo(f"skipped: {location}: {reason}", err=True)
        click.echo(f"{report.files} files: read {report.read} records, new {report.new}, duplicate {report.duplicate}, "
                   f"skipped {len(report.skipped)}, failed {len(report.failed)} ({report.events} events stored)")
    if report.failed:
        raise click.exceptions.Exit(1)
