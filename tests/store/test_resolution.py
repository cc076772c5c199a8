"""Resolution in the store: copies, entity and event links at ingest, merge and split as judgements."""

from datetime import date

import pytest

from backchannel.ids import content_id
from backchannel.model import Article
from backchannel.store import open_store
from backchannel.store.candidates import score
from backchannel.store.linking import fingerprint

STORY = ("Jeff Bezos held at least two conversations with President Donald Trump in recent weeks, according to a "
         "report published Wednesday by The Wall Street Journal. Blue Origin is competing for NASA contracts. Dave "
         "Limp, Blue Origin's chief executive, visited the White House earlier this month to meet Susie Wiles.")
COPY = STORY.replace("in recent weeks", "in the past few weeks").replace("is competing", "competes")
OTHER = ("Jeff Bezos spoke with President Donald Trump twice this month, people familiar with the matter said. "
         "Elon Musk criticized Donald Trump on Monday.")


@pytest.fixture(scope="module")
def extract_article():
    from backchannel.extract.document import extract_doc
    from backchannel.nlp import get_pipeline

    nlp = get_pipeline()

    def run(text, outlet, published="2025-06-26"):
        article = Article(content_id(text), text, published=date.fromisoformat(published), outlet=outlet)
        return extract_doc(nlp(text), article)

    return run


@pytest.fixture
def db(tmp_path):
    s = open_store(str(tmp_path / "r.db"))
    yield s
    s.close()


def add(store, *extractions):
    with store.writer() as w:
        for x in extractions:
            w.add(x)


def consult(view):
    found = [e for e in view.events(type="CONSULT") if {a["name"] for a in e["actors"]} == {"Jeff Bezos"}]
    assert len(found) == 1, found
    return found[0]


def test_a_syndicated_copy_is_a_second_report_but_not_a_second_source(db, extract_article):
    add(db, extract_article(STORY, "Wire A"), extract_article(COPY, "Site B"))
    e = consult(db.view())
    assert (e["reports"], e["independent_sources"]) == (2, 1)
    assert [ev["outlet"] for ev in e["evidence"]] == ["Wire A", "Site B"]  # the first report leads


def test_another_outlets_report_of_the_same_calls_is_another_source(db, extract_article):
    add(db, extract_article(STORY, "Wire A"), extract_article(COPY, "Site B"), extract_article(OTHER, "Paper C", "2025-06-27"))
    e = consult(db.view())
    assert (e["reports"], e["independent_sources"]) == (3, 2)
    assert sum(db.view().summary()["events_by_type"].values()) == len(db.view().events())


def test_a_later_report_published_earlier_becomes_the_first(db, extract_article):
    add(db, extract_article(OTHER, "Paper C", "2025-06-27"), extract_article(STORY, "Wire A", "2025-06-26"))
    assert consult(db.view())["evidence"][0]["outlet"] == "Wire A"


def test_split_and_merge_of_an_event_are_judgements(db, extract_article):
    add(db, extract_article(STORY, "Wire A"), extract_article(OTHER, "Paper C", "2025-06-27"))
    e = consult(db.view())
    later = e["evidence"][1]["report"]
    with db.writer() as w:
        w.split(later, "tester", "a different call")
    assert len([x for x in db.view().events(type="CONSULT") if {a["name"] for a in x["actors"]} == {"Jeff Bezos"}]) == 2
    with db.writer() as w:
        w.merge(e["id"], later, "tester")
    assert consult(db.view())["reports"] == 2
    kinds = [j["kind"] for j in db.view().judgements() if j["author"] == "tester"]
    assert kinds == ["not_same_event", "same_event"]


def test_reingest_changes_nothing(db, extract_article):
    from tests.store.test_store_writer import dump

    add(db, extract_article(STORY, "Wire A"), extract_article(COPY, "Site B"))
    before = dump(db)
    add(db, extract_article(STORY, "Wire A"), extract_article(COPY, "Site B"))
    assert dump(db) == before


def test_entities_whose_names_fold_together_are_one(db, extract_article):
    add(db, extract_article("Acme Rockets Inc. won a contract from NASA on Monday.", "A"),
        extract_article("Acme Rockets Corporation criticized the Pentagon on Monday.", "B"))
    names = [e for e in db.view().entities() if e["name"].lower().startswith("acme")]
    assert len(names) == 1 and {"Acme Rockets Inc.", "Acme Rockets Corporation"} <= set(names[0]["aliases"])
    (j,) = [j for j in db.view().judgements() if j["kind"] == "same_entity"]
    assert j["author"] == "auto:key"  # the rule that matched: the names fold to one key


def test_a_person_can_undo_an_automatic_merge(db, extract_article):
    add(db, extract_article("Acme Rockets Inc. won a contract from NASA on Monday.", "A"),
        extract_article("Acme Rockets Corporation criticized the Pentagon on Monday.", "B"))
    entity = next(e for e in db.view().entities() if e["name"].lower().startswith("acme"))
    with db.writer() as w:
        w.split(entity["id"], "tester")
    assert len([e for e in db.view().entities() if e["name"].lower().startswith("acme")]) == 2


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("lockheed martin", "lockheed martin corpororation", True),
        ("l3 technologies", "l3 technolgies", True),
        ("boeing", "boeing capital", False),
        ("general dynamics", "general atomics", False),
        ("boeing", "boeing employees credit union", False),
    ],
)
def test_candidate_scores_refuse_a_distinguishing_word(a, b, same):
    assert (score(a, b) >= 0.85) == same


def test_near_identical_texts_have_close_fingerprints():
    a, b = fingerprint(STORY), fingerprint(COPY)
    far = fingerprint(OTHER)
    assert bin((a ^ b) & (2**64 - 1)).count("1") <= 24 < bin((a ^ far) & (2**64 - 1)).count("1")


def test_fingerprints_are_stable_across_versions():
    # stored fingerprints are compared with new ones: the value of a text may never change
    assert fingerprint(STORY) == -921424679747259248
    assert fingerprint("") == -1970711489451281740


def lobbying_extraction():
    from backchannel.records.convert import to_extraction
    from backchannel.records.model import Record

    record = Record(kind="lobbying", source="Senate LDA", record_id="F-1", location="test: record 1",
                    date=date(2024, 10, 18), registrant="Orbital Policy LLC", client="Acme Rockets Inc.",
                    bodies_lobbied=("NASA",), amount=20000.0, period="2024 Q3", record_type="THIRD QUARTER REPORT",
                    period_start=date(2024, 7, 1), period_end=date(2024, 9, 30), issues=("Aerospace",),
                    description="Launch ranges")
    return to_extraction(record)


def test_a_version_1_database_is_migrated(tmp_path):
    import sqlalchemy as sa

    from backchannel.store.migrate import MIGRATIONS, migrate
    from backchannel.store.schema import metadata

    path = tmp_path / "v1.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    old = sa.MetaData()
    for table in metadata.sorted_tables:  # the version 1 tables: today's without the version 2 columns
        if table.name in ("judgements", "kb_entries"):
            continue
        cols = [c._copy() for c in table.columns
                if c.name not in ("fingerprint", "copy_of", "canonical_id", "cluster_id", "match_key", "amount", "record_id",
                                  "issues", "description")]
        sa.Table(table.name, old, *cols)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version VALUES (1, '2026-11-25 00:00:00')"))
        conn.execute(sa.text("INSERT INTO entities (id, name, kind) VALUES ('ent-x', 'Lockheed Martin Corp', 'Company')"))
        conn.execute(sa.text("INSERT INTO entity_aliases (entity_id, alias, name_key) VALUES ('ent-x', 'LOCKHEED MARTIN CORP', 'lockheed martin corp')"))
    assert migrate(engine) == len(MIGRATIONS)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT match_key FROM entity_aliases")).scalar() == "lockheed martin"
    engine.dispose()
    with open_store(str(path)) as s:
        assert s.view().entities()[0]["name"] == "Lockheed Martin Corp"
        with s.writer() as w:  # the version 3 columns are there: a record's issues are stored
            w.add(lobbying_extraction())
        (lobby,) = s.view().events(type="LOBBY")
        assert lobby["issues"] == ["Aerospace"] and lobby["description"] == "Launch ranges"


def test_show_names_the_first_report_and_who_repeated_it(tmp_path, extract_article):
    from click.testing import CliRunner

    from backchannel.cli import cli

    path = tmp_path / "show.db"
    with open_store(str(path)) as s:
        add(s, extract_article(STORY, "Wire A"), extract_article(COPY, "Site B"))
    out = CliRunner().invoke(cli, ["show", "Bezos", "--db", str(path)]).output
    assert "first reported by Wire A, 2025-06-26 (+1 reports, 1 sources)" in out
    assert "repeated by Site B (2025-06-26)" in out


@pytest.fixture(scope="module")
def seed_demo_db(tmp_path_factory, extract_article):
    """The demo corpus, the founding article, and a copy of it under another outlet."""
    import json as _json
    from pathlib import Path

    from tests.conftest import SEED

    if not SEED.exists():
        pytest.skip("../shared/seeds is absent (a fresh clone has none)")
    demo = Path(__file__).resolve().parents[2] / "src" / "backchannel" / "demo" / "articles.jsonl"
    seed = SEED.read_text(encoding="utf-8")
    copy = seed.replace("in recent weeks", "in the past few weeks").replace("according to", "as reported in")
    s = open_store(str(tmp_path_factory.mktemp("seed") / "seed.db"))
    rows = [_json.loads(line) for line in demo.read_text(encoding="utf-8").splitlines() if line.strip()]
    add(s, *(extract_article(r["text"], r["outlet"], r["published"]) for r in rows))
    add(s, extract_article(seed, "Wire A"), extract_article(copy, "Site B"))
    yield s
    s.close()


def test_seed_copy_and_demo_reports_of_the_june_calls_are_one_event(seed_demo_db):
    found = [e for e in seed_demo_db.view().events(type="CONSULT", since="2025-06-01")
             if {a["name"] for a in e["actors"]} == {"Jeff Bezos"} and {r["name"] for r in e["recipients"]} == {"Donald Trump"}]
    assert len(found) == 1
    (e,) = found
    outlets = [ev["outlet"] for ev in e["evidence"]]
    assert {"Wire A", "Site B", "Backchannel sample"} <= set(outlets)
    # the copy is the same source as the original; the demo articles are one outlet
    assert e["independent_sources"] == 2 and e["reports"] == len(outlets)


def test_seed_and_demo_give_one_entity_per_actor(seed_demo_db):
    from backchannel.ids import match_key

    rows = seed_demo_db.view().entities()
    keys = {}
    for r in rows:
        for alias in r["aliases"]:
            k = (r["kind"] == "Person", match_key(alias, r["kind"]))
            assert keys.setdefault(k, r["id"]) == r["id"], (alias, r["name"])
    names = [r["name"] for r in rows]
    for actor in ("Jeff Bezos", "Donald Trump", "Elon Musk", "Blue Origin", "SpaceX", "NASA", "Department of Defense"):
        assert names.count(actor) == 1, actor
