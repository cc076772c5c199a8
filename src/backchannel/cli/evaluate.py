"""``backchannel eval``: precision, recall and F1 against gold annotations or MEANTIME."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from ..errors import InputError
from . import render


def register(cli: click.Group) -> None:
    cli.add_command(eval_command)


def _is_meantime(path: str) -> bool:
    p = Path(path)
    return p.is_dir() or p.suffix.lower() == ".xml"


@click.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="Which part of a gold file to score.")
@click.option("--system", "systems", type=click.Choice(["rules", "baseline"]), multiple=True,
              help="Extractor(s) to score [default: both].")
@click.option("--errors", "show_errors", is_flag=True, help="List the rules' missed and spurious events.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_command(gold, split, systems, show_errors, as_json) -> None:
    """Score extraction against GOLD files (JSON Lines, see README) or the MEANTIME corpus (a folder of
    CAT XML files): events, relations, sourcing, time and entities; the co-occurrence baseline beside it."""
    for path in gold:
        if not Path(path).exists():
            raise InputError(f"no such file or directory: {path}")
    meantime = [g for g in gold if _is_meantime(g)]
    files = [g for g in gold if not _is_meantime(g)]
    out: dict = {}
    if files:
        from ..evaluate.run import evaluate_gold

        out["gold"] = evaluate_gold(files, split, systems or ("rules", "baseline"))
    if meantime:
        from ..evaluate.cat import read_meantime, score_meantime
        from ..nlp import get_pipeline

        docs = [d for path in meantime for d in read_meantime(path)]
        out["meantime"] = score_meantime(docs, get_pipeline())
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    if "gold" in out:
        _print_gold(out["gold"], show_errors)
    if "meantime" in out:
        _print_meantime(out["meantime"])


def _fmt(d: dict | None) -> str:
    if not d:
        return "-"
    if "f1" in d:
        return f"{d['precision']:.2f} / {d['recall']:.2f} / [bold]{d['f1']:.2f}[/bold]"
    if d.get("accuracy") is None:
        return "n/a"
    return f"{d['accuracy']:.2f} ({d['correct']}/{d['total']})"


def _print_gold(res: dict, show_errors: bool) -> None:
    out = render.console()
    systems = list(res["systems"])
    out.print(f"[bold]{res['passages']} passages[/bold] (split: {res['split']})", highlight=False)
    for note in res["notes"]:
        out.print(f"note: {note}", style="dim", highlight=False)
    table = Table("measure (P / R / F1, or accuracy)", *systems, title="overall")
    rows = [
        ("events (type + actors + recipients)", "events"),
        ("events (type only)", "events_type_only"),
        ("relations", "relations"),
        ("entities (canonical names)", "entities"),
        ("sourcing status, matched events", "sourcing_status"),
        ("sourcing source, attributed/denied", "sourcing_source"),
        ("time interval, matched events", "time"),
        ("negation, matched events", "negation"),
        ("modality, matched events", "modality"),
        ("count, matched events", "count"),
    ]
    for label, key in rows:
        table.add_row(label, *(_fmt(res["systems"][s].get(key)) for s in systems))
    table.add_row("events whose participant is a report's source", *(str(res["systems"][s]["source_as_actor"]) for s in systems))
    out.print(table)
    by_type = Table("event type", *(f"{s} (P / R / F1)" for s in systems), title="events by type (strict)")
    types = sorted({t for s in systems for t in res["systems"][s]["events_by_type"]})
    for t in types:
        by_type.add_row(t, *(_fmt(res["systems"][s]["events_by_type"].get(t)) for s in systems))
    out.print(by_type)
    if show_errors:
        for err in res.get("errors", []):
            out.print(f"{err['passage']}: {err['kind']}: {err['event']}", highlight=False)


def _print_meantime(res: dict) -> None:
    out = render.console()
    out.print("[bold]MEANTIME[/bold]", highlight=False)
    for name, spec in res.get("tables", {}).items():
        table = Table(*(str(c) for c in spec.get("columns", [])), title=name)
        for row in spec.get("rows", []):
            table.add_row(*(str(v) for v in row))
        out.print(table)
    for note in res.get("notes", []):
        out.print(f"note: {note}", style="dim", highlight=False)
