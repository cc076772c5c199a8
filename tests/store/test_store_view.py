"""Reading: entity lookup, event filters and ordering, summaries."""

from datetime import date

import pytest

from backchannel.errors import DateError, NotFoundError
from backchannel.model import EntityRef

from .factory import bare_article, first_article, second_article


@pytest.fixture
def filled(store):
    """A store holding both seed-like articles."""
    with store.writer() as w:
        w.add(first_article())
        w.add(second_article())
    return store


def ids(facts):
    return [f["id"] for f in facts]


def test_events_are_ordered_by_date_undated_at_their_publication(filled):
    # call 06-01, criticise 06-25, undated visit (published 06-25, after the dated events of that day),
    # award 07-09, undated praise (published 07-10)
    assert ids(filled.view().events()) == ["ev-call", "ev-criticise", "ev-visit", "ev-award", "ev-praise"]


@pytest.mark.parametrize(
    "entity, expected",
    [
        ("Donald Trump", ["ev-call", "ev-criticise", "ev-praise"]),
        ("blue origin", ["ev-visit", "ev-award"]),  # as an 'other' participant, and as recipient
        ("NASA", ["ev-award"]),
        ("Elon Musk", ["ev-criticise"]),
    ],
)
def test_events_filtered_by_entity(filled, entity, expected):
    assert ids(filled.view().events(entity=entity)) == expected


@pytest.mark.parametrize("type_", ["consult", "CONSULT", "Consult"])
def test_events_filtered_by_type_ignore_case(filled, type_):
    assert ids(filled.view().events(type=type_)) == ["ev-call", "ev-visit"]


@pytest.mark.parametrize(
    "since, until, expected",
    [
        (date(2025, 6, 20), date(2025, 6, 24), ["ev-call"]),  # overlaps the end of "earlier this month"
        (date(2025, 6, 24), date(2025, 6, 25), ["ev-call", "ev-criticise"]),
        (date(2025, 6, 25), None, ["ev-criticise", "ev-award"]),  # undated events are left out
        (None, date(2025, 6, 1), ["ev-call"]),
        (date(2025, 6, 26), date(2025, 7, 8), []),
        ("2025-07-09", "2025-07-09", ["ev-award"]),  # ISO strings as the CLI passes them
    ],
)
def test_events_filtered_by_date_overlap(filled, since, until, expected):
    assert ids(filled.view().events(since=since, until=until)) == expected


def test_events_filters_combine(filled):
    v = filled.view()
    assert ids(v.events(entity="Trump", type="accuse", since=date(2025, 6, 2))) == ["ev-criticise"]
    assert v.events(entity="Trump", type="contract_award") == []


def test_a_bad_date_is_a_date_error(filled):
    with pytest.raises(DateError, match="since 'last week' is not a date: use YYYY-MM-DD"):
        filled.view().events(since="last week")


def test_events_for_an_unknown_entity_raise_not_found(filled):
    with pytest.raises(NotFoundError):
        filled.view().events(entity="the White House chief of staff")


def test_relations_filtered_by_entity(filled):
    v = filled.view()
    assert ids(v.relations(entity="Dave Limp")) == ["rel-ceo"]
    assert ids(v.relations(entity="Blue Origin")) == ["rel-ceo"]
    assert v.relations(entity="Elon Musk") == []


@pytest.mark.parametrize(
    "name",
    [
        "ent-trump",  # id
        "Donald Trump",  # exact name
        "donald trump",  # case
        "President Trump",  # alias
        "PRESIDENT TRUMP",
        "Trump's",  # possessive folded away
    ],
)
def test_find_entity_by_id_name_alias_and_case(filled, name):
    assert filled.view().find_entity(name)["id"] == "ent-trump"


@pytest.mark.parametrize("name", ["The Blue Origin", "blue origin llc", "Blue Origin, LLC", "the blue-origin"])
def test_find_entity_folds_the_and_punctuation(filled, name):
    assert filled.view().find_entity(name)["id"] == "ent-blue"


def test_find_entity_prefers_the_most_mentioned(filled):
    # A second entity also known as "Trump", with no mentions: the folded name matches both.
    with filled.writer() as w:
        w.add(bare_article("art-x", EntityRef(name="Trump Media", kind="Company", id="ent-tmtg")))
        w.add(bare_article("art-y", EntityRef(name="Trump", kind="Company", id="ent-tmtg")))
    assert filled.view().find_entity("trump")["id"] == "ent-trump"
    assert filled.view().find_entity("Trump Media")["id"] == "ent-tmtg"


def test_find_entity_prefers_an_exact_name_over_a_folded_alias(store):
    with store.writer() as w:
        w.add(bare_article("a1", EntityRef(name="the Times", kind="MediaOutlet", id="ent-1")))
        w.add(bare_article("a2", EntityRef(name="Times", kind="MediaOutlet", id="ent-2")))
    assert store.view().find_entity("Times")["id"] == "ent-2"
    assert store.view().find_entity("the Times")["id"] == "ent-1"


@pytest.mark.parametrize("name", ["Nobody", "", "   "])
def test_find_entity_not_found_message(filled, name):
    with pytest.raises(NotFoundError) as info:
        filled.view().find_entity(name)
    assert str(info.value) == f"no entity named '{name}': run `backchannel entities` to list them"


def test_entities_sorted_by_mentions_then_name(filled):
    found = filled.view().entities()
    assert [(e["name"], e["mentions"]) for e in found] == [
        ("Donald Trump", 3),
        ("Blue Origin", 2),
        ("Jeff Bezos", 2),
        ("Dave Limp", 1),
        ("Elon Musk", 1),
        ("NASA", 0),
    ]
    assert found[2] == {
        "id": "ent-bezos",
        "name": "Jeff Bezos",
        "kind": "Person",
        "aliases": ["Bezos", "Jeff Bezos"],
        "mentions": 2,
    }


def test_entities_filtered_by_kind(filled):
    v = filled.view()
    assert [e["name"] for e in v.entities(kind="Person")] == ["Donald Trump", "Jeff Bezos", "Dave Limp", "Elon Musk"]
    assert [e["name"] for e in v.entities(kind="PublicBody")] == ["NASA"]
    assert v.entities(kind="Place") == []


def test_summary(filled):
    assert filled.view().summary() == {
        "articles": 2,
        "entities_by_kind": {"Person": 4, "Company": 1, "PublicBody": 1},
        "events_by_type": {"CONSULT": 2, "ACCUSE": 1, "CONTRACT_AWARD": 1, "SUPPORT": 1},
        "relations_by_type": {"executive_of": 1},
    }


def test_summary_of_an_empty_store(store):
    assert store.view().summary() == {
        "articles": 0,
        "entities_by_kind": {},
        "events_by_type": {},
        "relations_by_type": {},
    }


def test_most_connected(filled):
    v = filled.view()
    (top,) = v.most_connected()
    assert top["id"] == "ent-trump" and top["events"] == 3 and top["mentions"] == 3
    assert top["aliases"] == ["Donald Trump", "President Trump", "Trump"]
    # Blue Origin and Bezos both take part in two events and have two mentions: name decides.
    assert [(e["name"], e["events"]) for e in v.most_connected(limit=3)] == [
        ("Donald Trump", 3),
        ("Blue Origin", 2),
        ("Jeff Bezos", 2),
    ]
    assert len(v.most_connected(limit=None)) == 6  # every entity that takes part in an event


def test_most_connected_of_an_empty_store(store):
    assert store.view().most_connected() == []


def test_article_ids_and_counts(filled):
    v = filled.view()
    assert v.article_ids() == {"art-1", "art-2"}
    assert v.counts() == {
        "articles": 2,
        "entities": 6,
        "entity_aliases": 10,
        "mentions": 9,
        "events": 5,
        "event_participants": 11,
        "relations": 1,
        "times": 3,
        "judgements": 0,
        "kb_entries": 0,
    }
