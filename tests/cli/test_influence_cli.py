"""``backchannel influence`` end to end: the readable timeline, --json, --window and its errors."""

from __future__ import annotations

from .conftest import json_lines, ok, run


def test_influence_prints_circle_totals_and_timeline(query_db):
    out = ok("influence", "SpaceX", "--db", str(query_db)).stdout
    lines = out.splitlines()
    assert lines[0] == "SpaceX (Company), with Elon Musk (founder)"
    assert lines[1] == "awards: 1 ($1.2 billion in all); lobbying: none"
    assert "NASA -CONTRACT_AWARD-> SpaceX $1.2 billion" in out
    assert "Elon Musk -SUPPORT-> NASA" in out  # the founder's dealings with the agency, the day after the award
    assert "first reported by Orbit Daily, 2025-05-21" in out
    assert "days before the award" not in out and not any(line.startswith("!") for line in lines)


def test_influence_json(query_db):
    (row,) = json_lines(ok("influence", "SpaceX", "--json", "--window", "90", "--db", str(query_db)))
    assert row["entity"]["name"] == "SpaceX" and row["window_days"] == 90
    assert [(m["name"], m.get("via")) for m in row["circle"]] == [("SpaceX", None), ("Elon Musk", "founder_of")]
    assert [(line["kind"], line["date"], line["event"]["type"]) for line in row["timeline"]] == [
        ("award", "2025-05-19", "CONTRACT_AWARD"),
        ("contact", "2025-05-20", "SUPPORT"),
    ]
    assert row["awards"] == {"count": 1, "total": 1.2e9}
    assert row["lobbying"]["reports"] == 0


def test_influence_of_a_person_holds_their_contacts_with_office_holders(query_db):
    out = ok("influence", "Bezos", "--db", str(query_db)).stdout
    assert out.splitlines()[0] == "Jeff Bezos (Person)"
    assert "Jeff Bezos -CONSULT/visit-> Donald Trump, White House" in out
    assert "-ACCUSE" not in out  # Musk criticised him, but holds no office: no dealing with government


def test_a_negative_window_is_one_line_error(query_db):
    result = run("influence", "SpaceX", "--window", "-1", "--db", str(query_db))
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: --window")


def test_an_unknown_name_is_one_line_error(query_db):
    result = run("influence", "Nobody Known", "--db", str(query_db))
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "Nobody Known" in line
