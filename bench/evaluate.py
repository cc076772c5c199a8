"""Extraction quality, committed with date and commit: the gold set (dev and test) and MEANTIME.

    python bench/evaluate.py bench/gold/dev.jsonl [MORE_GOLD...] [--meantime ../shared/data/meantime]

Writes bench/results/eval-YYYY-MM-DD.json (every number) and .md (the headline tables).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from backchannel.evaluate.cat import read_meantime, score_meantime
from backchannel.evaluate.run import evaluate_gold
from backchannel.nlp import get_pipeline
from gitinfo import commit

HEADLINE = [
    ("events (type + actors + recipients), F1", "events", "f1"),
    ("events, precision", "events", "precision"),
    ("events, recall", "events", "recall"),
    ("events (type only), F1", "events_type_only", "f1"),
    ("relations, F1", "relations", "f1"),
    ("entities, F1", "entities", "f1"),
    ("sourcing status accuracy", "sourcing_status", "accuracy"),
    ("sourcing source accuracy", "sourcing_source", "accuracy"),
    ("time interval accuracy", "time", "accuracy"),
    ("negation accuracy", "negation", "accuracy"),
    ("modality accuracy", "modality", "accuracy"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--meantime", help="folder of the MEANTIME corpus (CAT XML)")
    parser.add_argument("--out", default="bench/results")
    args = parser.parse_args()
    today = dt.date.today().isoformat()
    result = {"date": today, "commit": commit(), "gold_files": args.gold, "splits": {}}
    for split in ("dev", "test"):
        result["splits"][split] = evaluate_gold(args.gold, split)
        result["splits"][split].pop("errors", None)
    # each file alone: the sets written blind (without looking at the rules) say how the rules
    # generalise; the older development sets were read while the rules were written
    result["files"] = {}
    for path in args.gold:
        for split in ("dev", "test"):
            res = evaluate_gold([path], split, systems=("rules",))
            if res["passages"]:
                res.pop("errors", None)
                result["files"][f"{Path(path).name} ({split})"] = res
    if args.meantime:
        docs = read_meantime(args.meantime)
        mt = score_meantime(docs, get_pipeline())
        result["meantime"] = {k: mt[k] for k in ("corpus", "timex", "factuality", "participants", "notes") if k in mt}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"eval-{today}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = [f"# Extraction quality, {today}", "", f"Commit `{result['commit']}`; gold: {', '.join(args.gold)}.",
          "Written by `bench/evaluate.py`; matching rules in the README (`backchannel eval`).", ""]
    md.append("| measure | dev: rules | dev: baseline | test: rules | test: baseline |")
    md.append("| --- | ---: | ---: | ---: | ---: |")
    for label, key, field in HEADLINE:
        cells = []
        for split in ("dev", "test"):
            for system in ("rules", "baseline"):
                value = result["splits"][split]["systems"][system][key].get(field)
                cells.append("n/a" if value is None else f"{value:.3f}")
        md.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [str(result["splits"][s]["systems"][y]["source_as_actor"]) for s in ("dev", "test") for y in ("rules", "baseline")]
    md.append("| events whose participant is a report's source | " + " | ".join(cells) + " |")
    md.append("")
    md.append(f"Passages: dev {result['splits']['dev']['passages']}, test {result['splits']['test']['passages']}.")
    md += ["", "## Each gold file (rules)", "",
           "| file (split) | passages | gold events | events P / R / F1 | type-only F1 | sourcing status acc. |",
           "| --- | ---: | ---: | --- | ---: | ---: |"]
    for name, res in result["files"].items():
        r = res["systems"]["rules"]
        ev = r["events"]
        md.append(f"| {name} | {res['passages']} | {ev['tp'] + ev['fn']} | {ev['precision']:.3f} / {ev['recall']:.3f} / "
                  f"{ev['f1']:.3f} | {r['events_type_only']['f1']:.3f} | {r['sourcing_status'].get('accuracy') or 0:.3f} |")
    if "meantime" in result:
        timex = result["meantime"]["timex"]
        md += ["", "## MEANTIME TIMEX3 (value accuracy)", "", "| type | gold | detected | exact on detected | exact on all gold |",
               "| --- | ---: | ---: | ---: | ---: |"]
        for t in ("DATE", "TIME", "DURATION"):
            row = timex.get(t) or timex.get("by_type", {}).get(t)
            if row:
                md.append(f"| {t} | {row.get('gold')} | {row.get('detected')} | {row.get('value_accuracy_detected')} | {row.get('value_accuracy_all')} |")
    (out / f"eval-{today}.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
