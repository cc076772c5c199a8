"""Importing known actors: gazetteer YAML and FollowTheMoney JSON, one line per bad entry, idempotent."""

import json

import pytest
from click.testing import CliRunner

from backchannel import ontology
from backchannel.cli import cli
from backchannel.errors import InputError
from backchannel.resolve.kb import read_kb

YAML = """entities:
- name: Acme Orbital
  kind: Company
  aliases: [Acme Orbital Systems]
- name: SpaceX
  kind: Company
  aliases: [Space Exploration Technologies Test Alias]
- name: Broken
  kind: Spaceship
"""
FTM = [
    {"id": "x1", "schema": "Company", "properties": {"name": ["Stellar Dynamics Inc."], "alias": ["Stellar Dyn"],
                                                      "wikidataId": ["Q999999999"]}},
    {"id": "x2", "schema": "Address", "properties": {"full": ["1 Main St"]}},
    {"id": "x3", "schema": "Person", "properties": {"name": ["Jane Q. Example"]}},
]


@pytest.fixture(autouse=True)
def packaged_gazetteer():
    yield
    ontology.use_extra_entries([])  # other tests see the packaged gazetteer only


def test_yaml_entries_and_a_bad_one(tmp_path):
    path = tmp_path / "kb.yaml"
    path.write_text(YAML, encoding="utf-8")
    found = read_kb(str(path))
    assert [e["name"] for e in found.entries] == ["Acme Orbital", "SpaceX"]
    assert len(found.problems) == 1 and "entity 3" in found.problems[0] and "Spaceship" in found.problems[0]


def test_followthemoney_entities(tmp_path):
    path = tmp_path / "kb.json"
    path.write_text("\n".join(json.dumps(e) for e in FTM) + "\nnot json\n", encoding="utf-8")
    found = read_kb(str(path))
    assert found.entries == [
        {"name": "Stellar Dynamics Inc.", "kind": "Company", "aliases": ["Stellar Dyn"], "qid": "Q999999999"},
        {"name": "Jane Q. Example", "kind": "Person", "aliases": []},
    ]
    assert found.problems == [f"{path}: line 4: malformed JSON (Expecting value); one FollowTheMoney entity per line"]


@pytest.mark.parametrize("content,words", [(b"", "empty"), (b"\xff\xfe\x00bad", "UTF-8"), (b"entities: [", "malformed YAML")])
def test_an_unreadable_file_is_one_line(tmp_path, content, words):
    path = tmp_path / "kb.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=words):
        read_kb(str(path))


def test_imported_actors_resolve_names_in_later_ingests(tmp_path):
    kb, db = tmp_path / "kb.json", str(tmp_path / "k.db")
    kb.write_text("\n".join(json.dumps(e) for e in FTM), encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["kb", "import", str(kb), "--db", db, "--json"])
    assert json.loads(first.output) == {"read": 2, "new": 2, "changed": 0, "failed": 0, "failures": []}
    again = runner.invoke(cli, ["kb", "import", str(kb), "--db", db, "--json"])
    assert json.loads(again.output)["new"] == 0 and again.exit_code == 0
    story = tmp_path / "story.txt"
    story.write_text("Stellar Dyn won a NASA contract on Monday.", encoding="utf-8")
    assert runner.invoke(cli, ["ingest", str(story), "--published", "2025-06-02", "--db", db]).exit_code == 0
    rows = [json.loads(line) for line in runner.invoke(cli, ["entities", "--json", "--db", db]).output.splitlines()]
    assert {"Stellar Dynamics Inc.", "NASA"} <= {r["name"] for r in rows}


def test_an_entry_naming_an_unknown_parent_is_refused(tmp_path):
    path, db = tmp_path / "kb.yaml", str(tmp_path / "k.db")
    path.write_text("- {name: Tiny Unit, kind: Company, parent: No Such Company}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["kb", "import", str(path), "--db", db])
    assert result.exit_code == 1 and "No Such Company" in result.output


def test_an_entry_may_name_a_parent_given_later_in_the_file(tmp_path):
    path, db = tmp_path / "kb.yaml", str(tmp_path / "k.db")
    path.write_text("- {name: Tiny Unit, kind: Company, parent: Tiny Holdings}\n"
                    "- {name: Tiny Holdings, kind: Company}\n"
                    "- {name: Lost Unit, kind: Company, parent: No Such Company}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["kb", "import", str(path), "--db", db])
    assert result.exit_code == 1 and "No Such Company" in result.output and "Tiny" not in result.output
    assert "new 2" in result.output  # the file as a whole fails, so each entry is tried: the unit after its parent
