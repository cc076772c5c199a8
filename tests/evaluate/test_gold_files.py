"""The committed gold sets: they parse, they are consistent, and the rules beat co-occurrence on them."""

from pathlib import Path

import pytest

from backchannel.evaluate.gold import read_gold
from backchannel.evaluate.run import evaluate_gold
from backchannel.ids import name_key

GOLD = sorted((Path(__file__).resolve().parents[2] / "bench" / "gold").glob("*.jsonl"))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_file_is_consistent(path):
    passages, _notes = read_gold(path)
    assert passages
    ids = [p.id for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
        known = {name_key(n) for n, _ in p.entities}
        for e in p.events:
            for name in (*e.actors, *e.recipients):
                assert name_key(name) in known, (p.id, name)
            if e.trigger:
                assert e.trigger.lower() in p.text.lower(), (p.id, e.trigger)
            if e.start and e.end:
                assert e.start <= e.end, p.id
        for r in p.relations:
            assert {name_key(r.subject), name_key(r.object)} <= known, (p.id, r)


def test_rules_beat_the_co_occurrence_baseline_on_the_development_set():
    res = evaluate_gold([str(p) for p in GOLD], split="dev")
    rules, base = res["systems"]["rules"], res["systems"]["baseline"]
    assert rules["events"]["f1"] > base["events"]["f1"] + 0.4
    assert rules["source_as_actor"] == 0 < base["source_as_actor"]
    assert rules["sourcing_status"]["accuracy"] >= 0.9
