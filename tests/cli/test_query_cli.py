"""The query commands end to end: entities, events, relations, show, summary; and the seed article."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.store import open_store
from tests.conftest import SEED_RELATIONS

from .conftest import dump, json_lines, ok, participants, ref_names, run

# -- events filters --------------------------------------------------------------------------

# What QUERY_ARTICLES yields, as (type, start) per event: the case table below selects from it.
BEZOS_MARCH = ("CONSULT", "2025-03-11")  # "met ... on Tuesday", published Wednesday 2025-03-12
MUSK_MARCH = ("ACCUSE", "2025-03-10")  # "criticized ... on Monday"
BEZOS_JUNE = ("CONSULT", "2025-06-13")  # "spoke with ... on Friday", published 2025-06-18
NASA_MAY = ("CONTRACT_AWARD", "2025-05-19")  # "awarded ... on Monday", published 2025-05-21


def event_keys(rows: list[dict]) -> set[tuple]:
    return {(r["type"], r["start"]) for r in rows}


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--entity", "Jeff Bezos", "--type", "CONSULT"], {BEZOS_MARCH, BEZOS_JUNE}),
        (["--entity", "Bezos", "--type", "consult"], {BEZOS_MARCH, BEZOS_JUNE}),  # alias; type ignores case
        (["--entity", "Jeff Bezos", "--type", "CONSULT", "--since", "2025-04-01"], {BEZOS_JUNE}),
        (["--entity", "Jeff Bezos", "--type", "CONSULT", "--until", "2025-04-01"], {BEZOS_MARCH}),
        (["--entity", "Jeff Bezos", "--type", "CONSULT", "--since", "2025-06-13", "--until", "2025-06-13"], {BEZOS_JUNE}),
        (["--entity", "Jeff Bezos", "--type", "CONSULT", "--since", "2025-06-14"], set()),
        (["--entity", "Jeff Bezos", "--since", "2025-03-01", "--until", "2025-03-31"], {BEZOS_MARCH, MUSK_MARCH}),
        (["--type", "CONTRACT_AWARD"], {NASA_MAY}),
        (["--entity", "SpaceX", "--since", "2025-05-01", "--until", "2025-05-31", "--type", "CONTRACT_AWARD"], {NASA_MAY}),
    ],
)
def test_events_filters(query_db, args, expected):
    rows = json_lines(ok("events", "--json", *args, "--db", str(query_db)))
    assert event_keys(rows) == expected


def test_events_entity_filter_keeps_only_its_events(query_db):
    rows = json_lines(ok("events", "--json", "--entity", "Elon Musk", "--db", str(query_db)))
    assert rows and all("Elon Musk" in participants(r) for r in rows)
    every = json_lines(ok("events", "--json", "--db", str(query_db)))
    assert len(rows) < len(every)


def test_events_date_filters_use_interval_overlap(query_db):
    since, until = "2025-04-01", "2025-05-31"
    rows = json_lines(ok("events", "--json", "--since", since, "--until", until, "--db", str(query_db)))
    assert rows
    for r in rows:
        assert r["start"] and r["end"]  # undated events are left out of a date filter
        assert r["end"] >= since and r["start"] <= until


def test_events_are_in_time_order(query_db):
    dated = [r["start"] for r in json_lines(ok("events", "--json", "--db", str(query_db))) if r["start"]]
    assert dated == sorted(dated)


def test_events_unknown_entity_is_one_line_error(query_db):
    result = run("events", "--entity", "Nobody Known", "--db", str(query_db))
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "Nobody Known" in line


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_events_bad_date_is_one_line_error(query_db, option):
    result = run("events", option, "2025-02-30", "--db", str(query_db))
    assert result.exit_code != 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and option in line
    assert "Traceback" not in result.output


# -- readable tables -------------------------------------------------------------------------


def test_entities_table(query_db):
    out = ok("entities", "--db", str(query_db)).stdout
    for name in ("Jeff Bezos", "Donald Trump", "Elon Musk", "NASA", "SpaceX", "Blue Origin", "Department of Defense"):
        assert name in out
    assert "Person" in out and "PublicBody" in out and "Company" in out
    assert "Pentagon" in out  # an alias column


def test_entities_kind_filter(query_db):
    rows = json_lines(ok("entities", "--kind", "Person", "--json", "--db", str(query_db)))
    assert {"Jeff Bezos", "Donald Trump", "Elon Musk"} <= {r["name"] for r in rows}
    assert {r["kind"] for r in rows} == {"Person"}


def test_events_table(query_db):
    out = ok("events", "--db", str(query_db)).stdout
    assert "Jeff Bezos -CONSULT/visit-> Donald Trump, White House" in out  # met him at the White House
    assert "NASA -CONTRACT_AWARD-> SpaceX" in out
    assert "2025-03-11" in out and "2025-06-13" in out
    assert "attributed (Reuters)" in out
    assert "Test Wire, 2025-03-12" in out and "Orbit Daily, 2025-05-21" in out


def test_relations_table(query_db):
    out = ok("relations", "--db", str(query_db)).stdout
    lines = out.splitlines()
    assert any("Jeff Bezos" in l and "founder_of" in l and "Blue Origin" in l for l in lines)
    assert any("Elon Musk" in l and "founder_of" in l and "SpaceX" in l for l in lines)


def test_relations_entity_filter(query_db):
    rows = json_lines(ok("relations", "--entity", "SpaceX", "--json", "--db", str(query_db)))
    assert rows and all("SpaceX" in {r["subject"]["name"], r["object"]["name"]} for r in rows)


# -- show ------------------------------------------------------------------------------------


def test_show_prints_kind_aliases_relations_and_timeline(query_db):
    out = ok("show", "Jeff Bezos", "--db", str(query_db)).stdout
    lines = out.splitlines()
    assert lines[0].startswith("Jeff Bezos (Person)")
    assert any(l.startswith("also written:") and "Bezos" in l for l in lines)
    assert any("founder_of" in l and "Blue Origin" in l for l in lines)
    assert "timeline" in out
    # A dated timeline, oldest first, each event with its sourcing and where it was reported.
    dated = [l.split()[0] for l in lines if l[:4] == "2025"]
    assert dated == sorted(dated) and {"2025-03-10", "2025-03-11", "2025-06-13"} <= set(dated)
    assert "attributed (Reuters); first reported by Test Wire, 2025-03-12" in out
    assert "Test Wire, 2025-06-18" in out
    assert "Jeff Bezos spoke with Donald Trump by phone on Friday." in out  # the evidence sentence


def test_show_finds_an_alias(query_db):
    by_alias = ok("show", "bezos", "--db", str(query_db)).stdout
    assert by_alias == ok("show", "Jeff Bezos", "--db", str(query_db)).stdout


def test_show_json(query_db):
    (row,) = json_lines(ok("show", "SpaceX", "--json", "--db", str(query_db)))
    assert row["name"] == "SpaceX" and row["kind"] == "Company"
    assert {"aliases", "mentions", "relations", "events"} <= row.keys()
    assert any(e["type"] == "CONTRACT_AWARD" for e in row["events"])
    assert any(r["type"] == "founder_of" and r["subject"]["name"] == "Elon Musk" for r in row["relations"])
    assert row["awards"] == {"count": 1, "total": 1.2e9}
    assert row["lobbying"] == {"filings": 0, "reports": 0, "total": None, "bodies": []}


def test_show_prints_awards_received_and_lobbying(query_db):
    lines = ok("show", "SpaceX", "--db", str(query_db)).stdout.splitlines()
    assert "awards received: 1 ($1.2 billion in all)" in lines
    assert "lobbying: none" in lines
    nasa = ok("show", "NASA", "--db", str(query_db)).stdout.splitlines()
    assert "awards received: none" in nasa  # it gave the award


def test_show_unknown_name_is_one_line_error(query_db):
    before = dump(query_db)
    result = run("show", "Nobody Known", "--db", str(query_db))
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "Nobody Known" in line
    assert "Traceback" not in result.output
    assert dump(query_db) == before


# -- summary ---------------------------------------------------------------------------------


def test_summary_counts_by_kind_and_type(query_db):
    out = ok("summary", "--db", str(query_db)).stdout
    with open_store(str(query_db)) as store:
        totals = store.view().summary()
    assert "3 articles" in out
    kinds = next(l for l in out.splitlines() if l.startswith("entities by kind:"))
    for kind, n in totals["entities_by_kind"].items():
        assert f"{kind} {n}" in kinds
    types = next(l for l in out.splitlines() if l.startswith("events by type:"))
    for type_, n in totals["events_by_type"].items():
        assert f"{type_} {n}" in types
    assert "Person 3" in kinds and "CONSULT 2" in types
    assert "Most connected:" in out


def test_summary_of_an_empty_database(tmp_path):
    out = ok("summary", "--db", str(tmp_path / "empty.db")).stdout
    assert "0 articles" in out


# -- the seed article (skips without ../shared) ------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seed_text):
    folder = tmp_path_factory.mktemp("seed")
    source = folder / "seed.txt"
    source.write_text(seed_text, encoding="utf-8")
    db = folder / "seed.db"
    ok("ingest", str(source), "--published", "2025-06-26", "--db", str(db))
    return db


@pytest.fixture(scope="module")
def seed_events(seed_db):
    return json_lines(ok("events", "--json", "--db", str(seed_db)))


@pytest.fixture(scope="module")
def seed_relations(seed_db):
    return json_lines(ok("relations", "--json", "--db", str(seed_db)))


def find(events, type_, actor=None, recipient=None):
    return [
        e
        for e in events
        if e["type"] == type_
        and (actor is None or actor in ref_names(e["actors"]))
        and (recipient is None or recipient in ref_names(e["recipients"]))
    ]


def test_seed_bezos_calls_trump_twice_per_wsj(seed_events):
    (e,) = find(seed_events, "CONSULT", "Jeff Bezos", "Donald Trump")
    assert e["count"] == 2
    assert e["sourcing"]["status"] == "attributed"
    assert e["sourcing"]["source"] == "The Wall Street Journal"
    assert e["start"] and e["end"]
    assert date(2025, 5, 1) <= date.fromisoformat(e["start"]) <= date.fromisoformat(e["end"]) <= date(2025, 6, 30)
    assert e["negated"] is False and e["modality"] == "actual"


def test_seed_limp_consult_is_anonymous(seed_events):
    found = find(seed_events, "CONSULT", "Dave Limp")
    assert found
    assert found[0]["sourcing"]["status"] == "anonymous"


@pytest.mark.parametrize("actor,recipient", [("Donald Trump", "Elon Musk"), ("Elon Musk", "Donald Trump")])
def test_seed_trump_and_musk_accuse_each_other(seed_events, actor, recipient):
    assert find(seed_events, "ACCUSE", actor, recipient)


def test_seed_blue_origin_bids_to_nasa_and_pentagon(seed_events):
    found = find(seed_events, "CONTRACT_BID", "Blue Origin")
    assert found
    assert {"NASA", "Department of Defense"} <= ref_names(found[0]["recipients"])


@pytest.mark.parametrize(
    "type_,subject,object_",
    SEED_RELATIONS,
)
def test_seed_relations(seed_relations, type_, subject, object_):
    assert any(
        r["type"] == type_ and r["subject"]["name"] == subject and r["object"]["name"] == object_ for r in seed_relations
    )


def test_seed_rivalry_either_way(seed_relations):
    assert any(
        r["type"] == "rival_of" and {r["subject"]["name"], r["object"]["name"]} == {"Jeff Bezos", "Elon Musk"}
        for r in seed_relations
    )


def test_seed_no_reporting_source_is_a_participant(seed_events):
    for e in seed_events:
        for name in participants(e):
            assert name != "The Wall Street Journal"
            assert "analyst" not in name.lower()


def test_seed_show_bezos(seed_db):
    out = ok("show", "Jeff Bezos", "--db", str(seed_db)).stdout
    assert "Jeff Bezos (Person)" in out
    assert "founder_of" in out and "Blue Origin" in out
    assert "attributed (The Wall Street Journal)" in out


def test_show_groups_a_relation_stated_by_several_articles(tmp_path):
    from click.testing import CliRunner

    from backchannel.cli import cli

    db = str(tmp_path / "g.db")
    corpus = tmp_path / "c.jsonl"
    lines = [
        {"text": "SpaceX founder Elon Musk spoke on Monday.", "published": "2025-01-06", "outlet": "A"},
        {"text": "SpaceX founder Elon Musk spoke again on Tuesday.", "published": "2025-01-07", "outlet": "B"},
    ]
    import json

    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db]).exit_code == 0
    out = CliRunner().invoke(cli, ["show", "Musk", "--db", db]).output
    assert out.count("Elon Musk founder_of SpaceX") == 1
    assert "2 reports, first 2025-01-06" in out
