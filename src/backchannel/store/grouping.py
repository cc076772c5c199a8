"""Reports grouped into events: one dict per real-world event, every report kept as evidence.

A report is one article's account of an event (a row of ``events``); reports judged the same event
share a cluster (``events.cluster_id``, store/clusters.py). An event shows its first report's
wording, participants and sourcing (later reports keep theirs in ``evidence``), the most precise dates any report gives, every report as
evidence (first report first), ``reports`` (articles reporting it) and ``independent_sources``
(outlets, where a syndicated copy of a story, ``articles.copy_of``, counts with its original).
"""

from __future__ import annotations

from datetime import date

def group_reports(reports: list[dict]) -> list[dict]:
    """Fold report dicts (each with private keys ``_cluster``, ``_copy_root``) into event dicts."""
    by_cluster: dict[str, list[dict]] = {}
    for r in reports:
        by_cluster.setdefault(r["_cluster"], []).append(r)
    out = []
    for cluster, members in by_cluster.items():
        # the first report (the cluster's head) leads; the others in the order they were published
        members.sort(key=lambda r: (r["id"] != cluster, r["evidence"][0]["published"] or "9999", r["id"]))
        lead = next((r for r in members if r["id"] == cluster), members[0])
        event = {k: v for k, v in lead.items() if not k.startswith("_")}
        event["id"] = cluster
        event["evidence"] = [ev for r in members for ev in r["evidence"]]
        event["reports"] = len({ev["article"] for ev in event["evidence"]})
        event["independent_sources"] = independent_sources(members)
        dated = [r for r in members if r["start"]]
        if dated:  # the narrowest interval any report gives ("on Wednesday" beats "in recent weeks")
            best = min(dated, key=lambda r: (_span(r), r["id"] != lead["id"]))
            for key in ("start", "end", "time_text", "time_value", "granularity"):
                event[key] = best[key]
        event["count"] = max((r["count"] for r in members if r["count"]), default=lead["count"])
        if event.get("amount") is None:  # a later report may give the amount the first leaves out
            event["amount"] = next((r["amount"] for r in members if r.get("amount") is not None), None)
        for key, empty in (("issues", []), ("description", None)):  # from the record, if one is a member
            if not event.get(key):
                event[key] = next((r[key] for r in members if r.get(key)), empty)
        out.append(event)
    return out


def independent_sources(members: list[dict]) -> int:
    """Distinct outlets among the reports, a syndicated copy counting as its original's outlet;
    a report with no outlet counts once per original article."""
    sources = set()
    for r in members:
        outlet = r.get("_root_outlet")
        sources.add(("outlet", outlet.casefold()) if outlet else ("article", r["_copy_root"]))
    return len(sources)


def _span(report: dict) -> int:
    return (date.fromisoformat(report["end"] or report["start"]) - date.fromisoformat(report["start"])).days
