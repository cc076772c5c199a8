"""The LDA name benchmark: the gold labels (always), and the targets on the real filings (needs ../shared)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "bench" / "gold" / "lda-names.csv"
LDA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "records" / "lda" / "aerospace_filings_2016q3-2017q2.xml"


def _bench():
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))  # as when run as a script: its sibling gitinfo.py
    spec = importlib.util.spec_from_file_location("resolve_lda", REPO / "bench" / "resolve_lda.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_file_is_well_formed():
    with GOLD.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    assert rows[0] == ["name", "org"]
    names = [r[0] for r in rows[1:]]
    assert all(len(r) == 2 and r[0].strip() and r[1].strip() for r in rows[1:])
    assert len(names) == len(set(names)) >= 200
    gold = _bench().read_gold(GOLD)
    assert gold["Boeing Employees' Credit Union"] != gold["Boeing"]
    assert gold["Balch & Bingham, LLP on behalf of Blue Origin"] == gold["Balch & Bingham, LLP"]
    assert gold["LOCKHEED MARTIN AERONAUTIC SECTOR"] != gold["LOCKHEED MARTIN"]


def test_pairwise_scoring():
    bench = _bench()
    gold = {"a": "A", "a2": "A", "b": "B", "c": "C"}
    result = bench.score({"a": 1, "a2": 1, "b": 1, "c": 2}, gold)
    assert (result["precision"], result["recall"]) == (0.3333, 1.0)  # (a, a2) right; (a, b), (a2, b) wrong
    assert result["wrongly_merged"] and not result["wrongly_split"]
    result = bench.score({"a": 1, "a2": 2, "b": 3, "c": 4}, gold)
    assert (result["precision"], result["recall"]) == (1.0, 0.0)


@pytest.mark.skipif(not LDA.exists(), reason="../shared/data/records/lda is absent (a fresh clone has none)")
def test_targets_on_the_real_filings():
    from backchannel.resolve import gazetteer_index

    bench = _bench()
    names, filings = bench.read_names(LDA)
    gold = bench.read_gold(GOLD)
    assert filings == 493 and set(names) == set(gold)
    result = bench.run(names, gold, gazetteer_index())
    assert result["precision"] >= 0.98 and result["recall"] >= 0.95
    assert result["mixed_clusters"] == []
    for org, found in result["majors"].items():
        assert found["clusters"] == 1 and not found["other_orgs_in_cluster"], org
