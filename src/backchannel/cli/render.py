"""Readable output: tables and dated timelines for a terminal or a pipe."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click
from rich.console import Console
from rich.table import Table


def console() -> Console:
    # Wide enough for evidence when piped; rich wraps to the terminal when there is one.
    c = Console()
    return c if c.is_terminal else Console(width=160)


def print_json_lines(rows: Iterable[dict]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def names(refs: list[dict]) -> str:
    return ", ".join(r["name"] for r in refs) or "-"


def when(fact: dict) -> str:
    """'2025-06-01..2025-06-26', '2025-06-25', or the unresolved words, or '?'."""
    start, end = fact.get("start"), fact.get("end")
    if start and end and start != end:
        return f"{start}..{end}"
    if start:
        return start
    if fact.get("time_text"):
        return f"'{fact['time_text']}'"
    published = (fact.get("evidence") or [{}])[0].get("published")
    return f"(reported {published})" if published else "?"


def sourcing(fact: dict) -> str:
    s = fact["sourcing"]
    text = s["status"]
    if s.get("source"):
        text += f" ({s['source']})"
    elif s.get("cue") and s["status"] != "asserted":
        text += f" ({s['cue']})"
    return text


def flags(event: dict) -> str:
    out = []
    if event.get("negated"):
        out.append("NOT")
    if event.get("modality") and event["modality"] != "actual":
        out.append(event["modality"])
    if event.get("count"):
        out.append(f"x{event['count']}")
    return " ".join(out)


def event_line(event: dict) -> str:
    """One line: actors -TYPE/mode-> recipients."""
    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    line = f"{names(event['actors'])} -{kind}-> {names(event['recipients'])}"
    if event.get("others"):
        line += f" (with {names(event['others'])})"
    return line


def source_of(fact: dict) -> str:
    """Who reported it first, and how many reports and sources there are when more than one."""
    ev = fact["evidence"][0] if fact.get("evidence") else {}
    outlet = ev.get("outlet") or "unknown outlet"
    text = f"{outlet}, {ev.get('published') or 'undated'}"
    if fact.get("reports", 1) > 1:
        text += f" (+{fact['reports'] - 1} reports, {fact['independent_sources']} sources)"
    return text


def repeated_by(fact: dict) -> str:
    """Who repeated the first report: 'repeated by Site B (2025-06-26), Paper C (2025-06-27)'."""
    later = [f"{ev.get('outlet') or 'unknown outlet'} ({ev.get('published') or 'undated'})" for ev in fact["evidence"][1:]]
    return "repeated by " + ", ".join(later) if later else ""


def entities_table(rows: list[dict]) -> None:
    table = Table("name", "kind", "mentions", "aliases", title=f"{len(rows)} entities")
    for e in rows:
        table.add_row(e["name"], e["kind"] or "?", str(e["mentions"]), "; ".join(a for a in e["aliases"] if a != e["name"]))
    console().print(table)


def events_table(rows: list[dict]) -> None:
    table = Table("when", "event", "flags", "sourcing", "reported by", title=f"{len(rows)} events")
    for e in rows:
        table.add_row(when(e), event_line(e), flags(e), sourcing(e), source_of(e))
    console().print(table)


def relations_table(rows: list[dict]) -> None:
    table = Table("subject", "relation", "object", "since", "sourcing", "reported by", title=f"{len(rows)} relations")
    for r in rows:
        table.add_row(r["subject"]["name"], r["type"], r["object"]["name"], r.get("start") or "", sourcing(r), source_of(r))
    console().print(table)


def timeline(rows: list[dict]) -> None:
    """A dated timeline, one event a line, each with its sourcing and the sentence that claims it."""
    out = console()
    for e in rows:
        event_block(out, e, f"[bold]{when(e):<24}[/bold]")


# Where the lines under an event's first line start: under the event, past its date.
INDENT = " " * 24


def event_block(out: Console, e: dict, lead: str, extra: str = "") -> None:
    """One event of a timeline: ``lead`` (its date, in 24 columns), the event, ``extra`` and its flags;
    then, indented, its sourcing and who reported it first, the sentence that claims it, and who repeated it."""
    out.print(f"{lead} {event_line(e)}{extra}  [dim]{flags(e)}[/dim]", highlight=False)
    out.print(f"{INDENT} {sourcing(e)}; first reported by {source_of(e)}", style="dim", highlight=False)
    if e.get("evidence"):
        out.print(f"{INDENT} \u201c{e['evidence'][0]['sentence']}\u201d", style="italic dim", highlight=False)
    repeated = repeated_by(e)
    if repeated:
        out.print(f"{INDENT} {repeated}", style="dim", highlight=False)


def grouped_relations(rows: list[dict]) -> list[str]:
    """One line per relation, however many articles state it: who says so, and since when."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["subject"]["name"], r["type"], r["object"]["name"]), []).append(r)
    lines = []
    for (subject, type_, object_), reports in groups.items():
        dated = sorted(ev["published"] for r in reports for ev in r["evidence"] if ev.get("published"))
        statuses = sorted({r["sourcing"]["status"] for r in reports})
        first = f", first {dated[0]}" if dated else ""
        count = f"{len(reports)} reports" if len(reports) > 1 else source_of(reports[0])
        lines.append(f"  {subject} {type_} {object_}  [dim]{'/'.join(statuses)}; {count}{first}[/dim]")
    return lines


def money(amount: float | None) -> str:
    """$2.9 billion, $633,009."""
    if amount is None:
        return "?"
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(amount) >= scale:
            return f"${amount / scale:,.1f} {word}".replace(".0 ", " ")
    return f"${amount:,.0f}"


def award_totals(t: dict) -> str:
    return f"{t['count']} ({money(t['total'])} in all)" if t["count"] else "none"


def lobbying_totals(t: dict) -> str:
    if not t["reports"]:
        return "none"
    bodies = ", ".join(t["bodies"][:6]) + (f" and {len(t['bodies']) - 6} more" if len(t["bodies"]) > 6 else "")
    return f"{t['filings']} filings, {t['reports']} reports ({money(t['total'])} in all); bodies lobbied: {bodies or '-'}"
