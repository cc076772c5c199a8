"""Name matching on real lobbying filings: cluster every registrant and client name, score against gold.

    python bench/resolve_lda.py PATH_TO_LDA_XML_OR_FOLDER [--gold bench/gold/lda-names.csv] [--out bench/results]

Reads the Senate LDA bulk XML (``Registrant/@RegistrantName``, ``Client/@ClientName``) and clusters
the distinct names with a NameIndex seeded from the gazetteer, in the order the filings were received,
as a live resolver would meet them: a name that matches nothing becomes a new entity, and every name
is remembered as a spelling of its entity, so later names can match it. The clustering is scored
pairwise against the hand-made gold labels. The same names are also clustered with the gazetteer's
canonical names but none of its aliases, and by the rules alone with no gazetteer, to show what the
rules do without the aliases. Writes bench/results/resolve-lda-YYYY-MM-DD.json and .md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from backchannel.records.lda import read_lda
from backchannel.records.model import Record
from backchannel.resolve import NameIndex, gazetteer_index
from gitinfo import commit

# Every spelling of these must end in one cluster that holds no other organisation (issue 4).
MAJORS = ("Lockheed Martin", "Boeing", "General Dynamics", "Northrop Grumman", "Raytheon", "United Launch Alliance")


def read_names(path: Path) -> tuple[Counter, int]:
    """Distinct registrant and client names, in the order of the first filing received that names
    them (registrant before client), with how many times each appears; and the filing count. The
    filings are read by the importer's own reader (``records.lda``)."""
    files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    filings = [r for file in files for r in read_lda(file) if isinstance(r, Record)]
    filings.sort(key=lambda r: r.date or dt.date.min)  # stable: same-day filings keep the file's order
    names: Counter = Counter()
    for filing in filings:
        for name in (filing.registrant, filing.client):
            if name:
                names[name] += 1  # a Counter keeps the order names were first counted
    return names, len(filings)


def read_gold(path: Path) -> dict[str, str]:
    """name -> org from the gold CSV (lines starting with # are comments)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["name"]: row["org"] for row in rows}


def cluster(names: Counter, index: NameIndex) -> tuple[dict[str, str], Counter]:
    """name -> entity id, matching each name in turn and remembering it as a spelling of its entity."""
    assigned: dict[str, str] = {}
    how: Counter = Counter()
    for name in names:
        found = index.match(name, "Company")
        entity = found.entity_id if found else f"lda:{name}"
        how[found.how if found else "new"] += 1
        index.add(entity, name, "Company")
        assigned[name] = entity
    return assigned, how


def score(assigned: dict[str, str], gold: dict[str, str]) -> dict:
    """Pairwise precision, recall and F1 over pairs of distinct names, with the wrong pairs."""
    names = sorted(n for n in assigned if n in gold)
    tp, merged, split = 0, [], []
    for a, b in combinations(names, 2):
        same_pred, same_gold = assigned[a] == assigned[b], gold[a] == gold[b]
        if same_pred and same_gold:
            tp += 1
        elif same_pred:
            merged.append([a, b, gold[a], gold[b]])
        elif same_gold:
            split.append([a, b, gold[a]])
    precision = tp / (tp + len(merged)) if tp + len(merged) else 1.0
    recall = tp / (tp + len(split)) if tp + len(split) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    clusters = defaultdict(set)
    for name in names:
        clusters[assigned[name]].add(name)
    majors = {}
    for org in MAJORS:
        spellings = {n for n in names if gold[n] == org}
        ids = {assigned[n] for n in spellings}
        others = {gold[n] for i in ids for n in clusters[i]} - {org}
        majors[org] = {"spellings": len(spellings), "clusters": len(ids), "other_orgs_in_cluster": sorted(others)}
    return {
        "names": len(names),
        "gold_orgs": len({gold[n] for n in names}),
        "clusters": len(clusters),
        "true_pairs": tp + len(split),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "wrongly_merged": merged,
        "wrongly_split": split,
        "majors": majors,
        "mixed_clusters": sorted(sorted(c) for c in clusters.values() if len({gold[n] for n in c}) > 1),
    }


def review(assigned: dict[str, str], index: NameIndex) -> tuple[list, dict[str, str]]:
    """The index's proposed merges between clusters (``NameIndex.candidates``), and the clustering
    with every proposal accepted. A live resolver cannot merge two clusters that already exist when a
    bridging name arrives ("L3 COMMUNICATIONS", then "L3 Technologies, Inc.", then "L3 TECHNOLOGIES
    (FORMERLY KNOWN AS L3 COMMUNICATIONS)"); a merge is a judgement for review."""
    members = defaultdict(list)
    for name, entity in assigned.items():
        members[entity].append(name)
    parent = {e: e for e in members}

    def root(e: str) -> str:
        while parent[e] != e:
            e = parent[e]
        return e

    proposals = []
    for a, b, value, reason in index.candidates():
        if a in members and b in members:
            proposals.append([members[a][0], members[b][0], value, reason])
            parent[root(a)] = root(b)
    return proposals, {name: root(entity) for name, entity in assigned.items()}


def run(names: Counter, gold: dict[str, str], index: NameIndex) -> dict:
    assigned, how = cluster(names, index)
    result = score(assigned, gold)
    result["rules"] = dict(how)
    proposals, merged = review(assigned, index)
    accepted = score(merged, gold)
    result["review"] = {"proposals": proposals, "if_all_accepted": {
        k: accepted[k] for k in ("clusters", "precision", "recall", "f1", "wrongly_merged", "wrongly_split")}}
    return result


# The runs: the target is "seeded"; the other two show what the rules do with less knowledge.
RUNS = (
    ("seeded", "gazetteer-seeded (names and aliases)"),
    ("names_only", "gazetteer names and kinds, no aliases"),
    ("rules_only", "rules only, no gazetteer"),
)


def names_only_index() -> NameIndex:
    """The gazetteer's canonical names and kinds without any alias: the rules must find the legal names."""
    from backchannel import ontology
    from backchannel.extract.entities import entity_id

    return NameIndex((entity_id(e.name), e.name, e.kind, ()) for e in ontology.gazetteer().entries)


def _row(label: str, r: dict, a: dict) -> str:
    return (f"| {label} | {r['names']} | {r['gold_orgs']} | {a['clusters']} | {a['precision']:.4f} | "
            f"{a['recall']:.4f} | {a['f1']:.4f} | {len(a['wrongly_merged'])} | {len(a['wrongly_split'])} |")


def markdown(result: dict) -> str:
    md = [f"# Name matching on Senate LDA filings, {result['date']}", "",
          f"Commit `{result['commit']}`; data `{result['data']}` ({result['filings']} filings, "
          f"{result['distinct_names']} distinct registrant and client names); gold `{result['gold']}`.",
          "Written by `bench/resolve_lda.py`; pairwise scores over pairs of distinct name strings.", "",
          "| run | names | gold orgs | clusters | precision | recall | F1 | wrongly merged pairs | wrongly split pairs |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for key, label in RUNS:
        md.append(_row(label, result[key], result[key]))
    for key, label in RUNS:
        md.append(_row(f"{label}, review proposals accepted", result[key], result[key]["review"]["if_all_accepted"]))
    for key, label in RUNS:
        r = result[key]
        md += ["", f"## {label}", "", "Rules that placed each name: "
               + ", ".join(f"{k} {v}" for k, v in sorted(r["rules"].items())) + ".", "",
               "| organisation | spellings | clusters | other organisations in its cluster |", "| --- | ---: | ---: | --- |"]
        for org, m in r["majors"].items():
            md.append(f"| {org} | {m['spellings']} | {m['clusters']} | {', '.join(m['other_orgs_in_cluster']) or '-'} |")
        md += ["", "Wrongly merged pairs (name, name, gold org, gold org):", ""]
        md += [f"- {a!r} + {b!r} ({ga} / {gb})" for a, b, ga, gb in r["wrongly_merged"]] or ["- none"]
        md += ["", "Wrongly split pairs (name, name, gold org):", ""]
        md += [f"- {a!r} / {b!r} ({g})" for a, b, g in r["wrongly_split"]] or ["- none"]
        md += ["", "Merges the index proposes for review after clustering (`NameIndex.candidates`):", ""]
        md += [f"- {a!r} + {b!r}: {why} ({v:.2f})" for a, b, v, why in r["review"]["proposals"]] or ["- none"]
    return "\n".join(md) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="an LDA bulk XML file or a folder of them")
    parser.add_argument("--gold", type=Path, default=Path(__file__).parent / "gold" / "lda-names.csv")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()
    if not args.path.exists():
        print(f"error: {args.path} does not exist", file=sys.stderr)
        return 2
    names, filings = read_names(args.path)
    gold = read_gold(args.gold)
    missing = sorted(set(names) - set(gold))
    today = dt.date.today().isoformat()
    result = {"date": today, "commit": commit(), "data": args.path.name, "gold": args.gold.name,
              "filings": filings, "distinct_names": len(names), "names_without_gold": missing,
              "seeded": run(names, gold, gazetteer_index()), "names_only": run(names, gold, names_only_index()),
              "rules_only": run(names, gold, NameIndex())}
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"resolve-lda-{today}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(result)
    stem.with_suffix(".md").write_text(text, encoding="utf-8")
    print(text)
    if missing:
        print(f"warning: {len(missing)} names have no gold label: {missing[:5]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
