"""Records in the graph: `backchannel import`, resolution to the news' entities, influence and show."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from backchannel.cli import cli
from backchannel.records.convert import body_spellings, resolve, tidy_body

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "records"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def lines(result):
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "name,kind,canonical",
    [
        ("SPACE EXPLORATION TECHNOLOGIES CORP", "Company", "SpaceX"),
        ("LOCKHEED MARTIN CORP", "Company", "Lockheed Martin"),
        ("Lockheed Martin Corpororation", "Company", "Lockheed Martin"),
        ("BOEING COMPANY, THE", "Company", "Boeing"),
        ("Boeing Employees' Credit Union", "Company", "Boeing Employees' Credit Union"),
        ("Natl Aeronautics &amp; Space Administration (NASA)", "PublicBody", "NASA"),
        ("Defense, Dept of (DOD)", "PublicBody", "Department of Defense"),
        ("SENATE", "PublicBody", "United States Senate"),
        ("Labor, Dept of (DOL)", "PublicBody", "Department of Labor"),
    ],
)
def test_record_names_resolve_to_the_news_entities(name, kind, canonical):
    assert resolve(name, kind).name == canonical


def test_a_lobbying_firm_is_a_company_whatever_its_name_says():
    assert resolve("Fidelis Government Relations", "Company", firm=True).kind == "Company"
    assert resolve("County of Example Government Office", "Company").kind == "PublicBody"  # a client may be one


def test_body_spellings_and_tidy_names():
    assert "Department of Defense" in body_spellings("Defense, Dept of (DOD)") and "DOD" in body_spellings("Defense, Dept of (DOD)")
    assert tidy_body("Natl Guard") == "National Guard"


def test_lobbying_filings_import_with_a_line_per_bad_record(tmp_path):
    db = tmp_path / "r.db"
    result = run("import", "lda", FIXTURES / "lda_filings.xml", "--db", db, "--json")
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["new"] == 3 and report["failed"] == 2
    assert all("lda_filings.xml: record" in f["location"] for f in report["failures"])
    events = lines(run("events", "--type", "LOBBY", "--db", db, "--json"))
    blue = next(e for e in events if {a["name"] for a in e["actors"]} == {"Blue Origin"})
    assert blue["amount"] == 1090000 and blue["record"] == "0F0F0F0F-0000-4000-8000-000000000001"
    assert {r["name"] for r in blue["recipients"]} == {"NASA", "United States Senate", "House of Representatives"}
    assert (blue["start"], blue["end"], blue["sourcing"]["status"]) == ("2021-04-01", "2021-06-30", "record")
    assert blue["issues"] == ["AEROSPACE", "BUDGET/APPROPRIATIONS"] and "Human Landing System" in blue["description"]
    firm = next(e for e in events if "Capitol Orbit Strategies LLC" in {a["name"] for a in e["actors"]})
    assert {a["kind"] for a in firm["actors"] if a["name"] == "Capitol Orbit Strategies LLC"} == {"Company"}
    again = json.loads(run("import", "lda", FIXTURES / "lda_filings.xml", "--db", db, "--json").output)
    assert again["new"] == 0 and again["duplicate"] == 3  # idempotent


def test_an_award_record_joins_the_news_report_of_it(tmp_path):
    db = tmp_path / "r.db"
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"text": "NASA selected SpaceX on Friday for the Human Landing System contract, worth "
                                         "$2.89 billion.", "published": "2021-04-20", "outlet": "Orbit Daily"}) + "\n",
                     encoding="utf-8")
    assert run("ingest", story, "--db", db).exit_code == 0
    assert run("import", "usaspending", FIXTURES / "usaspending_search.json", "--db", db).exit_code == 1  # bad rows
    (award,) = [e for e in lines(run("events", "--type", "CONTRACT_AWARD", "--entity", "SpaceX", "--db", db, "--json"))]
    assert award["reports"] == 2 and [ev["outlet"] for ev in award["evidence"]] == ["Orbit Daily", "USAspending"]
    assert award["amount"] == pytest.approx(2.89e9)
    assert award["description"] == "HUMAN LANDING SYSTEM OPTION A" and award["issues"] == []
    show = lines(run("show", "SpaceX", "--db", db, "--json"))[0]
    assert show["awards"]["count"] == 1


def test_a_file_that_is_not_records_is_one_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<html><body>not filings</body></html>", encoding="utf-8")
    result = run("import", "lda", bad, "--db", tmp_path / "r.db")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] and "Traceback" not in result.output


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/records is absent (a fresh clone has none)")
def test_the_shared_records_import_and_meet_the_issue(tmp_path):
    db = tmp_path / "shared.db"
    for kind in ("lda", "usaspending", "fpds"):
        report = json.loads(run("import", kind, SHARED / kind, "--db", db, "--json").output)
        assert report["failed"] == 0, report["failures"]
    shown = lines(run("show", "SpaceX", "--db", db, "--json"))[0]
    q3 = [e for e in shown["events"] if e["type"] == "LOBBY" and e["amount"] == 470000 and e["start"] == "2016-07-01"]
    assert q3, "SpaceX's 2016 Q3 report"
    bodies = {r["name"] for r in q3[0]["recipients"]}
    assert {"NASA", "Department of Defense", "Federal Aviation Administration", "Office of Science and Technology Policy"} <= bodies
    assert 470000 <= shown["lobbying"]["total"]
    timeline = lines(run("influence", "SpaceX", "--db", db, "--json"))[0]["timeline"]
    assert any(line["event"].get("record") == q3[0]["record"] for line in timeline)
    nasa = [e for e in lines(run("events", "--type", "CONTRACT_AWARD", "--entity", "NASA", "--db", db, "--json"))]
    assert nasa and all(e["recipients"] and e["amount"] is not None for e in nasa)
    names = [e["name"] for e in lines(run("entities", "--json", "--db", db))]
    for company in ("Lockheed Martin", "Boeing", "General Dynamics", "Northrop Grumman", "Raytheon", "United Launch Alliance"):
        assert names.count(company) == 1
    # no legal spelling left as an entity of its own ("Lockheed Martin Corporation/QTC Holdings" is QTC's)
    assert not any(n.upper().startswith(("LOCKHEED MARTIN CORP", "BOEING COMPANY", "GENERAL DYNAMICS CORP")) and "/" not in n
                   for n in names)
