"""The founding document: every fact the end-to-end issue asks for (skips without ../shared)."""

from datetime import date

import pytest

from tests.conftest import SEED_RELATIONS, find_event, names


@pytest.fixture(scope="module")
def seed(extract, seed_text):
    return extract(seed_text, "2025-06-26")


def test_bezos_trump_consult_twice_attributed_to_wsj(seed):
    e = find_event(seed, "CONSULT", actor="Jeff Bezos", recipient="Donald Trump")
    assert e is not None
    assert e.count == 2
    assert e.sourcing.status == "attributed"
    assert e.sourcing.source == "The Wall Street Journal"
    assert date(2025, 5, 1) <= e.time.interval_start <= e.time.interval_end <= date(2025, 6, 30)
    assert not e.negated and e.modality == "actual"


def test_limp_visit_is_anonymous(seed):
    e = find_event(seed, "CONSULT", actor="Dave Limp")
    assert e is not None and e.mode == "visit"
    assert names(e.recipients) & {"White House", "Susie Wiles"}
    assert e.sourcing.status == "anonymous"
    assert e.time.value == "2025-06"


@pytest.mark.parametrize("actor,recipient", [("Donald Trump", "Elon Musk"), ("Elon Musk", "Donald Trump")])
def test_trump_and_musk_accuse_each_other(seed, actor, recipient):
    assert find_event(seed, "ACCUSE", actor=actor, recipient=recipient) is not None


def test_blue_origin_bids_towards_nasa_and_pentagon(seed):
    e = find_event(seed, "CONTRACT_BID", actor="Blue Origin")
    assert e is not None
    assert {"NASA", "Department of Defense"} <= names(e.recipients)


@pytest.mark.parametrize(
    "type_,subject,object_",
    SEED_RELATIONS,
)
def test_relations(seed, type_, subject, object_):
    assert any(r.type == type_ and r.subject.name == subject and r.object.name == object_ for r in seed.relations)


def test_rivalry_is_found_either_way(seed):
    assert any(
        r.type == "rival_of" and {r.subject.name, r.object.name} == {"Jeff Bezos", "Elon Musk"} for r in seed.relations
    )


def test_no_reporting_source_is_an_actor(seed):
    for e in seed.events:
        for ref in (*e.actors, *e.recipients, *e.others):
            assert ref.name not in ("The Wall Street Journal",)
            assert "analyst" not in ref.name.lower()


def test_descriptions_resolve(seed):
    by_name = {e.name: e for e in seed.entities}
    assert any(m.text.lower() == "the tech mogul" for m in by_name["Jeff Bezos"].mentions)
    assert any(m.text.lower() == "the former president" for m in by_name["Donald Trump"].mentions)
    assert any(m.text.lower() == "the company" for m in by_name["Blue Origin"].mentions)


def test_every_fact_has_evidence(seed, seed_text):
    for fact in (*seed.events, *seed.relations):
        ev = fact.evidence
        assert seed_text[ev.start : ev.end] == ev.sentence
        assert ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
        assert ev.extractor.startswith("backchannel-rules/")
