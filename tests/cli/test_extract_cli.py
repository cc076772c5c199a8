"""`backchannel extract`: the whole extraction of one document, nothing stored."""

import json

from click.testing import CliRunner

from backchannel.cli import cli

TEXT = "Jeff Bezos met Donald Trump on Wednesday, according to Reuters. SpaceX founder Elon Musk criticized NASA."


def run(args, stdin=None):
    return CliRunner().invoke(cli, args, input=stdin)


def test_extract_json_from_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(["extract", "-", "--published", "2025-06-26", "--json"], TEXT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"article", "entities", "events", "relations", "times"}
    bezos = next(e for e in data["entities"] if e["name"] == "Jeff Bezos")
    m = bezos["mentions"][0]
    assert TEXT[m["start"] : m["end"]] == "Jeff Bezos"
    assert data["times"] == [
        {"text": "Wednesday", "start": TEXT.index("Wednesday"), "end": TEXT.index("Wednesday") + 9, "value": "2025-06-25",
         "interval_start": "2025-06-25", "interval_end": "2025-06-25", "granularity": "day"}
    ]
    consult = next(e for e in data["events"] if e["type"] == "CONSULT")
    assert consult["sourcing"]["source"] == "Reuters"
    assert any(r["type"] == "founder_of" for r in data["relations"])
    assert not list(tmp_path.iterdir()), "extract must not create a database"


def test_extract_readable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run(["extract", str(path), "--published", "2025-06-26"])
    assert result.exit_code == 0
    assert "Jeff Bezos -CONSULT-> Donald Trump" in result.output
    assert "'Wednesday' -> 2025-06-25" in result.output


def test_extract_bad_input_is_one_line(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = run(["extract", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
