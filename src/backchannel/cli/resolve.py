"""``backchannel merge | split | candidates | judgements``: review which entities and events are one."""

from __future__ import annotations

import getpass

import click

from . import render
from .options import db_option, json_option, store_for


def register(cli: click.Group) -> None:
    for command in (merge, split, candidates, judgements):
        cli.add_command(command)


def _author(by: str | None) -> str:
    try:
        return by or getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


def _entity_or_event(view, item: str, member: bool = False) -> str:
    """An event report id as given, or the id of the entity a name or id denotes; with ``member``,
    an entity id as given too (the member itself, not its cluster's head)."""
    if item.startswith("evt-") or (member and item.startswith("ent-")):
        return item
    return view.find_entity(item)["id"]


@click.command()
@click.argument("first")
@click.argument("second")
@click.option("--reason", help="Why they are the same (kept with the judgement).")
@click.option("--by", help="Who decides [default: the user name].")
@db_option
def merge(first, second, reason, by, db) -> None:
    """Judge two entities (names or ids) or two event reports (evt-... ids) to be the same."""
    store = store_for(db)
    view = store.view()
    a, b = _entity_or_event(view, first), _entity_or_event(view, second)
    with store.writer() as w:
        jid = w.merge(a, b, _author(by), reason)
    click.echo(f"merged {a} and {b} (judgement {jid}); undo with `backchannel split {b}`")


@click.command()
@click.argument("item")
@click.option("--reason", help="Why it is not the same as the others (kept with the judgement).")
@click.option("--by", help="Who decides [default: the user name].")
@db_option
def split(item, reason, by, db) -> None:
    """Take an entity (name or id) or an event report (evt-... id) out of what it was merged with."""
    store = store_for(db)
    view = store.view()
    target = _entity_or_event(view, item, member=True)
    with store.writer() as w:
        ids = w.split(target, _author(by), reason)
    if ids:
        click.echo(f"split {target} from {len(ids)} other(s) ({', '.join(ids)})")
    else:
        click.echo(f"{target} was not merged with anything; nothing to split")


@click.command()
@click.option("--limit", default=50, show_default=True, help="At most this many pairs.")
@db_option
@json_option
def candidates(limit, db, as_json) -> None:
    """Likely duplicate entities, best first, for review with merge or a split."""
    rows = store_for(db).view().candidates(limit=limit)
    if as_json:
        render.print_json_lines(rows)
        return
    if not rows:
        click.echo("no likely duplicates")
        return
    for c in rows:
        click.echo(f"{c['score']:.2f}  {c['left']['name']} [{c['left']['id']}]  ~  {c['right']['name']} "
                   f"[{c['right']['id']}]  ({c['reason']})")


@click.command()
@click.argument("item", required=False)
@db_option
@json_option
def judgements(item, db, as_json) -> None:
    """Every merge and split recorded (or those about one entity or event report), oldest first."""
    rows = store_for(db).view().judgements(item)
    if as_json:
        render.print_json_lines(rows)
        return
    for j in rows:
        click.echo(f"{j['created_at']}  {j['kind']:<16} {j['left']}  {j['right']}  by {j['author']}"
                   + (f"  ({j['reason']})" if j["reason"] else ""))
