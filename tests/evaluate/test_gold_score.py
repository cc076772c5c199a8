"""The gold reader, the scorer's matching rules and the co-occurrence baseline."""

import json

import pytest

from backchannel.errors import InputError
from backchannel.evaluate.gold import read_gold
from backchannel.evaluate.run import evaluate_gold

PASSAGES = [
    {"id": "a", "split": "dev", "published": "2025-06-26",
     "text": "Jeff Bezos met Donald Trump on Wednesday, according to Reuters.",
     "entities": [{"name": "Jeff Bezos", "kind": "Person"}, {"name": "Donald Trump", "kind": "Person"},
                  {"name": "Reuters", "kind": "MediaOutlet"}],
     "events": [{"type": "CONSULT", "actors": ["Jeff Bezos"], "recipients": ["Donald Trump"],
                 "start": "2025-06-25", "end": "2025-06-25", "sourcing": {"status": "attributed", "source": "Reuters"},
                 "trigger": "met"}],
     "relations": []},
    {"id": "b", "split": "test", "published": "2025-06-26",
     "text": "SpaceX founder Elon Musk criticized NASA.",
     "entities": [{"name": "SpaceX", "kind": "Company"}, {"name": "Elon Musk", "kind": "Person"}, {"name": "NASA", "kind": "PublicBody"}],
     "events": [{"type": "ACCUSE", "mode": "disapprove", "actors": ["Elon Musk"], "recipients": ["NASA"]}],
     "relations": [{"type": "founder_of", "subject": "Elon Musk", "object": "SpaceX"}]},
]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PASSAGES) + "\n", encoding="utf-8")
    return str(path)


def test_read_gold(gold):
    passages, notes = read_gold(gold)
    assert [p.id for p in passages] == ["a", "b"] and notes == []
    event = passages[0].events[0]
    assert (event.type, event.actors, event.status, event.source) == ("CONSULT", ("Jeff Bezos",), "attributed", "Reuters")


def test_missing_path_is_skipped_with_a_note(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "seed", "path": "absent.txt", "events": []}) + "\n", encoding="utf-8")
    passages, notes = read_gold(str(path))
    assert passages == [] and "absent.txt" in notes[0]


@pytest.mark.parametrize(
    "line,message",
    [("{not json", "malformed JSON"), ('{"id": "x", "text": "t", "events": [{"type": "CHAT"}]}', "unknown event type"),
     ('{"id": "x", "text": "t", "published": "2025-02-30"}', "not an ISO date"), ('{"id": "x"}', "needs a non-empty")],
)
def test_bad_gold_is_one_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_gold(str(path))


def test_rules_score_perfectly_and_beat_the_baseline(gold):
    res = evaluate_gold([gold])
    rules, base = res["systems"]["rules"], res["systems"]["baseline"]
    assert rules["events"]["f1"] == 1.0
    assert rules["sourcing_status"]["accuracy"] == 1.0 and rules["sourcing_source"]["accuracy"] == 1.0
    assert rules["time"]["accuracy"] == 1.0
    assert rules["relations"]["f1"] == 1.0
    assert rules["source_as_actor"] == 0
    # co-occurrence pairs Reuters with the meeting and invents edges
    assert base["events"]["precision"] < 0.5 and base["source_as_actor"] > 0


def test_split_selects_passages(gold):
    assert evaluate_gold([gold], split="test", systems=("rules",))["passages"] == 1


def test_strict_matching_needs_the_right_direction(tmp_path):
    wrong = dict(PASSAGES[1], events=[{"type": "ACCUSE", "actors": ["NASA"], "recipients": ["Elon Musk"]}])
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    res = evaluate_gold([str(path)], systems=("rules",))["systems"]["rules"]
    assert res["events"]["tp"] == 0 and res["events_type_only"]["tp"] == 1


def test_unknown_entity_kind_is_one_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "x", "text": "t", "entities": [{"name": "NASA", "kind": "Agency"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown entity kind"):
        read_gold(str(path))


@pytest.mark.parametrize(
    "gold_event,matches",
    [
        # who is named first in a partnership is wording: the sides may be swapped
        ({"type": "COOPERATE", "actors": ["Boeing"], "recipients": ["Lockheed Martin"]}, True),
        # a criticism has a direction
        ({"type": "ACCUSE", "actors": ["Boeing"], "recipients": ["Lockheed Martin"]}, False),
    ],
)
def test_mutual_acts_match_either_way_round(tmp_path, gold_event, matches):
    text = ("Boeing and Lockheed Martin teamed up on Monday." if gold_event["type"] == "COOPERATE"
            else "Boeing and Lockheed Martin criticized each other on Monday.")
    passage = {"id": "m", "split": "dev", "published": "2025-06-26", "text": text,
               "entities": [{"name": "Boeing", "kind": "Company"}, {"name": "Lockheed Martin", "kind": "Company"}],
               "events": [gold_event], "relations": []}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(passage) + "\n", encoding="utf-8")
    rules = evaluate_gold([str(path)], systems=("rules",))["systems"]["rules"]
    # the system found the event (it names both companies as actors): only the sides decide the match
    assert rules["events_type_only"]["tp"] == 1
    assert (rules["events"]["tp"] == 1) == matches
