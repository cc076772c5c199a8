"""Writing: round trips, entity merges, idempotent re-ingest, transactions."""

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from backchannel.errors import StoreError
from backchannel.model import EntityRef
from backchannel.store import schema

from .factory import EXTRACTOR, TEXT_1, bare_article, first_article, second_article


def dump(store) -> dict:
    """Every row of every data table, in a fixed order: the database's content."""
    out = {}
    with store.engine.connect() as conn:
        for table in schema.DATA_TABLES:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return out


def add(store, *extractions) -> list[bool]:
    with store.writer() as w:
        return [w.add(x) for x in extractions]


def test_event_round_trip_every_field(store):
    add(store, first_article())
    events = {e["id"]: e for e in store.view().events()}
    s, e = TEXT_1.index("Jeff"), TEXT_1.index("report.") + len("report.")
    assert events["ev-call"] == {
        "id": "ev-call",
        "type": "CONSULT",
        "mode": "phone",
        "trigger": "conversations",
        "actors": [{"id": "ent-bezos", "name": "Jeff Bezos", "kind": "Person"}],
        "recipients": [{"id": "ent-trump", "name": "Donald Trump", "kind": "Person"}],
        "others": [],
        "start": "2025-06-01",
        "end": "2025-06-24",
        "time_text": "earlier this month",
        "time_value": "2025-06",
        "granularity": "month",
        "count": 2,
        "negated": False,
        "modality": "actual",
        "amount": None,
        "record": None,
        "issues": [],
        "description": None,
        "sourcing": {"status": "attributed", "source": "a report", "cue": "according to"},
        "evidence": [
            {
                "report": "ev-call",
                "sourcing": {"status": "attributed", "source": "a report", "cue": "according to"},
                "article": "art-1",
                "sentence": TEXT_1[s:e],
                "start": s,
                "end": e,
                "trigger_start": TEXT_1.index("conversations"),
                "trigger_end": TEXT_1.index("conversations") + len("conversations"),
                "extractor": EXTRACTOR,
                "published": "2025-06-25",
                "outlet": "Example Times",
            }
        ],
        "reports": 1,
        "independent_sources": 1,
    }


def test_every_event_matches_its_extraction(store):
    ex = first_article()
    add(store, ex)
    stored = {e["id"]: e for e in store.view().events()}
    assert set(stored) == {ev.id for ev in ex.events}
    for ev in ex.events:
        got = stored[ev.id]
        assert (got["type"], got["mode"], got["trigger"], got["count"]) == (ev.type, ev.mode, ev.trigger, ev.count)
        assert (got["negated"], got["modality"]) == (ev.negated, ev.modality)
        assert got["sourcing"] == {"status": ev.sourcing.status, "source": ev.sourcing.source, "cue": ev.sourcing.cue}
        for role, refs in (("actors", ev.actors), ("recipients", ev.recipients), ("others", ev.others)):
            assert got[role] == [{"id": r.id, "name": r.name, "kind": r.kind} for r in refs]
        (evidence,) = got["evidence"]
        assert TEXT_1[evidence["start"] : evidence["end"]] == evidence["sentence"] == ev.evidence.sentence
        assert TEXT_1[evidence["trigger_start"] : evidence["trigger_end"]] == ev.trigger
        if ev.time is None:
            assert (got["start"], got["end"], got["time_text"], got["granularity"]) == (None, None, None, None)


def test_relation_round_trip(store):
    add(store, first_article())
    (rel,) = store.view().relations()
    s = TEXT_1.index("Dave Limp")
    assert rel == {
        "id": "rel-ceo",
        "type": "executive_of",
        "subject": {"id": "ent-limp", "name": "Dave Limp", "kind": "Person"},
        "object": {"id": "ent-blue", "name": "Blue Origin", "kind": "Organization"},
        "start": "2025-06-01",
        "end": None,
        "sourcing": {"status": "asserted", "source": None, "cue": None},
        "evidence": [
            {
                "article": "art-1",
                "sentence": TEXT_1[s:],
                "start": s,
                "end": len(TEXT_1),
                "trigger_start": TEXT_1.index("CEO"),
                "trigger_end": TEXT_1.index("CEO") + 3,
                "extractor": EXTRACTOR,
                "published": "2025-06-25",
                "outlet": "Example Times",
            }
        ],
    }


def test_article_mentions_and_times_are_stored(store):
    ex = first_article()
    add(store, ex)
    with store.engine.connect() as conn:
        art = conn.execute(select(schema.articles)).one()
        stored_mentions = conn.execute(select(schema.mentions)).all()
        stored_times = conn.execute(select(schema.times).order_by(schema.times.c.start)).all()
    a = ex.article
    assert (art.id, art.title, art.published, art.outlet, art.url, art.path, art.text) == (
        a.id,
        a.title,
        a.published,
        a.outlet,
        a.url,
        a.path,
        a.text,
    )
    assert art.ingested_at is not None
    assert len(stored_mentions) == sum(len(e.mentions) for e in ex.entities)
    assert all(TEXT_1[m.start : m.end] == m.text for m in stored_mentions)
    assert [(t.text, t.value, t.interval_start, t.interval_end, t.granularity) for t in stored_times] == [
        (t.text, t.value, t.interval_start, t.interval_end, t.granularity) for t in ex.times
    ]


def test_view_output_is_json_ready(store):
    add(store, first_article(), second_article())
    v = store.view()
    for result in (v.entities(), v.events(), v.relations(), v.summary(), v.most_connected(3), v.counts()):
        json.dumps(result)


def test_unresolved_participant_survives(store):
    add(store, first_article())
    (visit,) = [e for e in store.view().events() if e["id"] == "ev-visit"]
    assert visit["recipients"] == [{"id": None, "name": "the White House chief of staff", "kind": "Person"}]
    assert visit["negated"] is True and visit["modality"] == "planned"
    with store.engine.connect() as conn:
        row = conn.execute(
            select(schema.event_participants).where(schema.event_participants.c.entity_id.is_(None))
        ).one()
    assert row.text == "the White House chief of staff"
    # The description did not become an entity.
    assert "the White House chief of staff" not in {e["name"] for e in store.view().entities()}


def test_the_same_entity_id_in_two_articles_is_merged(store):
    add(store, first_article(), second_article())
    blue = store.view().find_entity("ent-blue")
    assert blue["name"] == "Blue Origin"  # the stored name stays
    assert blue["kind"] == "Company"  # 'Organization' gave way to a specific kind
    assert blue["aliases"] == ["Blue Origin", "Blue Origin, LLC"]
    assert blue["mentions"] == 2
    trump = store.view().find_entity("ent-trump")
    assert trump["name"] == "Donald Trump" and trump["mentions"] == 3
    assert trump["aliases"] == ["Donald Trump", "President Trump", "Trump"]
    # Events of the first article now show the merged kind; names are the canonical ones.
    (ceo,) = store.view().relations()
    assert ceo["object"] == {"id": "ent-blue", "name": "Blue Origin", "kind": "Company"}


def test_a_participant_id_not_declared_as_entity_gets_a_row(store):
    add(store, second_article())
    nasa = store.view().find_entity("NASA")
    assert nasa == {"id": "ent-nasa", "name": "NASA", "kind": "PublicBody", "aliases": ["NASA"], "mentions": 0}


@pytest.mark.parametrize(
    "first, then, expected",
    [
        ("Organization", "Company", "Company"),
        (None, "Person", "Person"),
        (None, "Organization", "Organization"),
        ("Organization", None, "Organization"),
        ("Company", "Organization", "Company"),
        ("Company", "Person", "Company"),  # two specific kinds disagree: the first stays
    ],
)
def test_kind_merge(store, first, then, expected):
    add(
        store,
        bare_article("a1", EntityRef(name="Acme", kind=first, id="ent-acme")),
        bare_article("a2", EntityRef(name="ACME Corp", kind=then, id="ent-acme")),
    )
    acme = store.view().find_entity("ent-acme")
    assert acme["kind"] == expected
    assert acme["name"] == "Acme" and acme["aliases"] == ["ACME Corp", "Acme"]


def test_readding_an_article_is_a_no_op(store):
    assert add(store, first_article(), second_article()) == [True, True]
    before_counts, before = store.view().counts(), dump(store)
    assert add(store, first_article()) == [False]
    assert add(store, second_article(), first_article()) == [False, False]
    assert store.view().counts() == before_counts
    assert dump(store) == before  # byte for byte, ingested_at included


def test_readding_within_one_transaction_is_a_no_op(store):
    with store.writer() as w:
        assert w.has_article("art-1") is False
        assert w.add(first_article()) is True
        assert w.has_article("art-1") is True
        assert w.add(first_article()) is False
    assert store.view().article_ids() == {"art-1"}


def test_an_exception_in_the_writer_rolls_everything_back(store):
    with pytest.raises(RuntimeError, match="crash"), store.writer() as w:
        w.add(first_article())
        w.add(second_article())
        raise RuntimeError("crash")
    assert set(store.view().counts().values()) == {0}
    assert store.view().article_ids() == set()


def test_a_bad_extraction_is_refused_and_the_rest_of_the_batch_commits(store):
    good = first_article()
    # An event whose evidence names another article: an extractor bug.
    bad_event = replace(good.events[0], id="ev-bad", evidence=replace(good.events[0].evidence, article="art-2"))
    bad = replace(second_article(), events=(bad_event,))
    with store.writer() as w:
        w.add(good)
        with pytest.raises(StoreError, match="ev-bad cites article art-2 but was extracted from art-3"):
            w.add(replace(bad, article=replace(bad.article, id="art-3")))
        # Nothing of the refused article was left behind in the transaction.
        assert w.has_article("art-3") is False
        w.add(bare_article("art-4"))
    assert store.view().article_ids() == {"art-1", "art-4"}


def test_a_repeated_event_id_across_articles_is_a_store_error(store):
    add(store, bare_article("a1", event_id="ev-same"))
    with pytest.raises(StoreError) as info, store.writer() as w:
        w.add(bare_article("a2", event_id="ev-same"))
    assert "\n" not in str(info.value) and "extractor bug" in str(info.value)
    assert store.view().article_ids() == {"a1"}


def test_a_mention_of_an_undeclared_entity_is_a_store_error(store):
    ex = first_article()
    bezos = ex.entities[0]
    stray = replace(bezos, mentions=(replace(bezos.mentions[0], entity_id="ent-ghost"),))
    with pytest.raises(StoreError, match="ent-ghost"), store.writer() as w:
        w.add(replace(ex, entities=(stray, *ex.entities[1:])))
    assert store.view().article_ids() == set()


def test_duplicate_mentions_and_times_in_one_extraction_are_stored_once(store):
    ex = first_article()
    bezos = ex.entities[0]
    doubled = replace(bezos, mentions=bezos.mentions * 2)
    add(store, replace(ex, entities=(doubled, *ex.entities[1:]), times=ex.times * 2))
    counts = store.view().counts()
    assert counts["mentions"] == sum(len(e.mentions) for e in ex.entities)
    assert counts["times"] == len(ex.times)
