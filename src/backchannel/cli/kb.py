"""``backchannel kb import FILE...``: add known actors (gazetteer YAML or FollowTheMoney JSON)."""

from __future__ import annotations

import json

import click

from .. import ontology
from ..errors import BackchannelError
from ..resolve.kb import read_kb
from .options import db_option, json_option, store_for


def register(cli: click.Group) -> None:
    cli.add_command(kb)


@click.group()
def kb() -> None:
    """Known actors this store resolves names to, beyond the packaged gazetteer."""


@kb.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
@db_option
@json_option
def import_(paths, db, as_json) -> None:
    """Import known actors from gazetteer-format YAML or FollowTheMoney JSON (lines or an array).

    An entry with a packaged actor's name adds aliases and roles to it; a new name is a new actor.
    Articles ingested afterwards resolve these names; importing the same file again changes nothing.
    """
    store = store_for(db)
    stored = store.view().kb_entries()
    totals = {"read": 0, "new": 0, "changed": 0, "failed": 0, "failures": []}
    for path in paths:
        try:
            found = read_kb(path)
        except BackchannelError as exc:
            totals["failed"] += 1
            totals["failures"].append(str(exc))
            continue
        totals["read"] += len(found.entries) + len(found.problems)
        totals["failed"] += len(found.problems)
        totals["failures"] += found.problems
        good = _holding_together(stored, found.entries, path, totals)
        with store.writer() as w:
            new, changed = w.put_kb_entries(good, source=path)
        stored += good
        totals["new"] += new
        totals["changed"] += changed
    if as_json:
        click.echo(json.dumps(totals, ensure_ascii=False))
    else:
        for line in totals["failures"]:
            click.echo(f"error: {line}", err=True)
        click.echo(f"read {totals['read']}, new {totals['new']}, changed {totals['changed']}, failed {totals['failed']}")
    if totals["failed"]:
        raise click.exceptions.Exit(1)


def _holding_together(stored: list[dict], entries: list[dict], path: str, totals: dict) -> list[dict]:
    """The entries with which the whole gazetteer still holds together (parents named, roles dated).
    The file is checked at once; only when that fails are the entries tried one by one, again while
    that admits more (a unit may come before its parent), to name the bad ones. Rebuilding the
    gazetteer per entry for every file would make a large file quadratic."""
    try:
        ontology.use_extra_entries([*stored, *entries])
        return list(entries)
    except BackchannelError:
        pass
    good: list[dict] = []
    pending, errors = list(entries), {}
    while pending:
        left = []
        for entry in pending:
            try:
                ontology.use_extra_entries([*stored, *good, entry])
                good.append(entry)
            except BackchannelError as exc:
                left.append(entry)
                errors[id(entry)] = exc
        if len(left) == len(pending):
            break
        pending = left
    for entry in pending:
        totals["failed"] += 1
        totals["failures"].append(f"{path}: {entry['name']}: {errors[id(entry)]}")
    return good
