"""``backchannel ingest`` and ``backchannel demo`` end to end: files in, rows and JSON lines out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from backchannel.cli.summary import demo_corpus_path
from backchannel.ids import content_id

from .conftest import NEWS_TEXT, counts, dump, json_lines, ok, participants, run, summary_counts

REF_KEYS = {"id", "name", "kind"}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "mentions"}
EVENT_KEYS = {
    "id", "type", "mode", "actors", "recipients", "others", "start", "end", "time_text",
    "count", "negated", "modality", "sourcing", "evidence",
}  # fmt: skip
RELATION_KEYS = {"id", "type", "subject", "object", "start", "end", "sourcing", "evidence"}
SOURCING_KEYS = {"status", "source", "cue"}
EVIDENCE_KEYS = {"article", "sentence", "start", "end", "published", "outlet"}


def _optional(value, type_) -> bool:
    return value is None or isinstance(value, type_)


def _is_iso_date(value) -> bool:
    if value is None:
        return True
    date.fromisoformat(value)
    return True


def check_ref(ref: dict) -> None:
    assert REF_KEYS <= ref.keys()
    assert _optional(ref["id"], str) and isinstance(ref["name"], str) and ref["name"]
    assert _optional(ref["kind"], str)


def check_sourcing(sourcing: dict) -> None:
    assert SOURCING_KEYS <= sourcing.keys()
    assert isinstance(sourcing["status"], str)
    assert sourcing["status"] in {"asserted", "attributed", "anonymous", "speculative", "denied", "record"}
    assert _optional(sourcing["source"], str) and _optional(sourcing["cue"], str)


def check_evidence(evidence: list, article_text: str) -> None:
    assert isinstance(evidence, list) and evidence
    for ev in evidence:
        assert EVIDENCE_KEYS <= ev.keys()
        assert isinstance(ev["article"], str) and isinstance(ev["sentence"], str)
        assert isinstance(ev["start"], int) and isinstance(ev["end"], int)
        # The offsets point into the stored text (the file's text, outer white space stripped).
        assert article_text.strip()[ev["start"] : ev["end"]] == ev["sentence"]
        assert ev["published"] == "2025-06-26"
        assert _optional(ev["outlet"], str)


def check_dates(fact: dict) -> None:
    assert _is_iso_date(fact["start"]) and _is_iso_date(fact["end"])
    if fact["start"] and fact["end"]:
        assert fact["start"] <= fact["end"]


# -- one text file ---------------------------------------------------------------------------


@pytest.fixture
def ingested(news_file, tmp_path) -> Path:
    db = tmp_path / "news.db"
    result = ok("ingest", str(news_file), "--published", "2025-06-26", "--db", str(db))
    assert summary_counts(result) == {"read": 1, "new": 1, "duplicate": 0, "failed": 0}
    assert result.stderr == ""
    return db


def test_ingest_text_file_prints_summary(ingested):
    assert counts(ingested)["articles"] == 1


def test_entities_json_has_documented_keys(ingested):
    rows = json_lines(ok("entities", "--json", "--db", str(ingested)))
    assert {"Jeff Bezos", "Donald Trump", "NASA", "SpaceX", "Blue Origin"} <= {r["name"] for r in rows}
    for row in rows:
        assert ENTITY_KEYS <= row.keys()
        assert isinstance(row["id"], str) and isinstance(row["name"], str)
        assert _optional(row["kind"], str)
        assert isinstance(row["aliases"], list) and all(isinstance(a, str) for a in row["aliases"])
        assert isinstance(row["mentions"], int) and row["mentions"] >= 1


def test_events_json_has_documented_keys(ingested):
    rows = json_lines(ok("events", "--json", "--db", str(ingested)))
    assert rows
    for row in rows:
        assert EVENT_KEYS <= row.keys()
        assert isinstance(row["id"], str) and isinstance(row["type"], str)
        assert _optional(row["mode"], str)
        for role in ("actors", "recipients", "others"):
            assert isinstance(row[role], list)
            for ref in row[role]:
                check_ref(ref)
        check_dates(row)
        assert _optional(row["time_text"], str)
        assert row["count"] is None or (isinstance(row["count"], int) and not isinstance(row["count"], bool))
        assert isinstance(row["negated"], bool)
        assert row["modality"] in {"actual", "planned", "hypothetical"}
        check_sourcing(row["sourcing"])
        check_evidence(row["evidence"], NEWS_TEXT)


def test_events_json_content(ingested):
    rows = json_lines(ok("events", "--json", "--db", str(ingested)))
    by_type = {}
    for row in rows:
        by_type.setdefault(row["type"], []).append(row)
    meeting = by_type["CONSULT"][0]
    assert [a["name"] for a in meeting["actors"]] == ["Jeff Bezos"]
    assert "Donald Trump" in {r["name"] for r in meeting["recipients"]}
    assert meeting["sourcing"]["status"] == "attributed" and meeting["sourcing"]["source"] == "Reuters"
    assert meeting["start"] == "2025-06-24"  # "Tuesday" before Thursday 2025-06-26
    award = by_type["CONTRACT_AWARD"][0]
    assert {"NASA", "SpaceX"} <= participants(award)


def test_relations_json_has_documented_keys(ingested):
    rows = json_lines(ok("relations", "--json", "--db", str(ingested)))
    assert any(r["type"] == "founder_of" and r["subject"]["name"] == "Elon Musk" and r["object"]["name"] == "SpaceX" for r in rows)
    for row in rows:
        assert RELATION_KEYS <= row.keys()
        assert isinstance(row["id"], str) and isinstance(row["type"], str)
        check_ref(row["subject"])
        check_ref(row["object"])
        check_dates(row)
        check_sourcing(row["sourcing"])
        check_evidence(row["evidence"], NEWS_TEXT)


def test_ingest_json_report(news_file, tmp_path):
    db = tmp_path / "report.db"
    result = ok("ingest", str(news_file), "--published", "2025-06-26", "--db", str(db), "--json")
    (report,) = json_lines(result)
    assert report["read"] == 1 and report["new"] == 1 and report["duplicate"] == 0 and report["failed"] == 0
    assert report["failures"] == []


# -- re-ingest -------------------------------------------------------------------------------


def test_second_ingest_is_a_duplicate_and_changes_nothing(ingested, news_file):
    before_counts, before_rows = counts(ingested), dump(ingested)
    result = ok("ingest", str(news_file), "--published", "2025-06-26", "--db", str(ingested))
    assert summary_counts(result) == {"read": 1, "new": 0, "duplicate": 1, "failed": 0}
    assert counts(ingested) == before_counts
    assert dump(ingested) == before_rows


def test_same_text_under_another_name_is_a_duplicate(ingested, tmp_path):
    copy = tmp_path / "copy" / "same.txt"
    copy.parent.mkdir()
    copy.write_text("\n" + NEWS_TEXT + "\n\n", encoding="utf-8")  # outer white space does not count
    before = dump(ingested)
    result = ok("ingest", str(copy), "--published", "2025-06-26", "--db", str(ingested))
    assert summary_counts(result)["duplicate"] == 1
    assert dump(ingested) == before


# -- a batch with bad files ------------------------------------------------------------------

GOOD_LINE = {
    "title": "Senator meets NASA chief",
    "published": "2025-05-14",
    "outlet": "Test Wire",
    "text": "Senator Maria Cantwell met NASA administrator Bill Nelson on Thursday in Washington.",
}


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_news.txt").write_text(NEWS_TEXT, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"Jeff Bezos\x00\x01\x02\x00 met\xff\xfe Trump\x00")
    (folder / "d_feed.jsonl").write_text(json.dumps(GOOD_LINE) + '\n{"title": "broken", "text": "no end\n', encoding="utf-8")
    return folder


def test_batch_with_bad_files(batch, tmp_path):
    db = tmp_path / "batch.db"
    result = run("ingest", str(batch), "--published", "2025-06-26", "--db", str(db))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert summary_counts(result) == {"read": 2, "new": 2, "duplicate": 0, "failed": 3}

    failures = sorted(result.stderr.splitlines())
    assert len(failures) == 3, result.stderr
    expected = {
        "b_empty.txt": str(batch / "b_empty.txt"),
        "c_binary.txt": str(batch / "c_binary.txt"),
        "d_feed.jsonl": str(batch / "d_feed.jsonl") + ":2",  # the file and the broken line
    }
    for line, (name, shown) in zip(failures, sorted(expected.items())):
        assert line.startswith("failed: "), line
        assert shown in line, (shown, line)
        reason = line.split(shown, 1)[1].lstrip(": ")
        assert len(reason) > 5, line  # says why
    assert "empty" in failures[0].lower()
    assert "binary" in failures[1].lower()
    assert "json" in failures[2].lower()

    # Both good articles are stored: the text file and the good JSON Lines line.
    from backchannel.store import open_store

    with open_store(str(db)) as store:
        assert store.view().article_ids() == {content_id(NEWS_TEXT), content_id(GOOD_LINE["text"])}
    rows = json_lines(ok("events", "--json", "--entity", "Maria Cantwell", "--db", str(db)))
    assert rows and rows[0]["evidence"][0]["outlet"] == "Test Wire"
    assert rows[0]["evidence"][0]["published"] == "2025-05-14"  # the line's own date beats --published


def test_batch_json_report_lists_failures(batch, tmp_path):
    result = run("ingest", str(batch), "--db", str(tmp_path / "b.db"), "--json")
    assert result.exit_code == 1
    (report,) = json_lines(result)
    assert report["failed"] == 3 and report["new"] == 2
    assert {Path(f["path"]).name for f in report["failures"]} == {"b_empty.txt", "c_binary.txt", "d_feed.jsonl:2"}
    assert all(f["reason"] for f in report["failures"])


def test_missing_file_is_a_failure_not_a_traceback(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run("ingest", str(missing), "--db", str(tmp_path / "m.db"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("failed: ") and str(missing) in line


# -- standard input --------------------------------------------------------------------------


def test_dash_reads_standard_input(tmp_path):
    db = tmp_path / "stdin.db"
    result = ok("ingest", "-", "--published", "2025-06-26", "--outlet", "Piped News", "--db", str(db), input=NEWS_TEXT)
    assert summary_counts(result) == {"read": 1, "new": 1, "duplicate": 0, "failed": 0}
    rows = json_lines(ok("events", "--json", "--type", "CONSULT", "--db", str(db)))
    assert rows and rows[0]["evidence"][0]["outlet"] == "Piped News"
    # The same text from a file is then a duplicate.
    again = tmp_path / "again.txt"
    again.write_text(NEWS_TEXT, encoding="utf-8")
    assert summary_counts(ok("ingest", str(again), "--db", str(db)))["duplicate"] == 1


def test_empty_standard_input_fails_with_one_line(tmp_path):
    result = run("ingest", "-", "--db", str(tmp_path / "e.db"), input="")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("failed: <stdin>")
    assert "Traceback" not in result.output


# The console-script entry point, run by this interpreter.
BACKCHANNEL = [sys.executable, "-c", "from backchannel.cli import main; main()"]


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHANNEL_")}
    env["NO_COLOR"] = "1"
    return env


def test_dash_reads_a_real_pipe(tmp_path):
    """The console script, with a real pipe on standard input (not CliRunner's stand-in)."""
    db = tmp_path / "pipe.db"
    done = subprocess.run(
        [*BACKCHANNEL, "ingest", "-", "--published", "2025-06-26", "--db", str(db)],
        input=NEWS_TEXT.encode("utf-8"),
        capture_output=True,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().startswith("read 1, new 1, duplicate 0, failed 0")
    assert b"Traceback" not in done.stderr
    assert counts(db)["articles"] == 1


def test_progress_on_a_terminal_keeps_the_summary(tmp_path, news_file):
    """With stderr on a terminal a progress display runs; the summary and exit code are unchanged."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:  # keep the terminal's buffer from filling up and blocking the child
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    db = tmp_path / "tty.db"
    try:
        done = subprocess.run(
            [*BACKCHANNEL, "ingest", str(news_file), "--published", "2025-06-26", "--db", str(db)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=_env(),
            timeout=120,
        )
    finally:
        os.close(slave)
        reader.join(timeout=5)
        os.close(master)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("read 1, new 1, duplicate 0, failed 0")
    assert b"ingesting" in b"".join(shown)
    assert b"Traceback" not in b"".join(shown)
    assert counts(db)["articles"] == 1


# -- bad dates -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "yesterday"])
def test_impossible_published_date_is_one_line_error_and_writes_nothing(news_file, tmp_path, value):
    db = tmp_path / "never.db"
    result = run("ingest", str(news_file), "--published", value, "--db", str(db))
    assert result.exit_code != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "--published" in line
    assert "Traceback" not in result.output
    assert not db.exists()


def test_bad_published_date_leaves_an_existing_database_alone(ingested, news_file, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("NASA awarded Boeing a contract on Monday.", encoding="utf-8")
    before = dump(ingested)
    result = run("ingest", str(other), "--published", "2025-02-30", "--db", str(ingested))
    assert result.exit_code != 0
    assert dump(ingested) == before


# -- demo ------------------------------------------------------------------------------------


def test_demo_corpus_is_bundled():
    lines = Path(demo_corpus_path()).read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    assert len(articles) >= 15
    for a in articles:
        assert a["title"] and a["text"]
        date.fromisoformat(a["published"])
        assert a["outlet"] == "Backchannel sample"
    assert len({content_id(a["text"]) for a in articles}) == len(articles)


def test_demo_ingests_and_summarises_then_adds_nothing(tmp_path):
    db = tmp_path / "demo.db"
    first = ok("demo", "--db", str(db))
    n = sum(1 for line in Path(demo_corpus_path()).read_text(encoding="utf-8").splitlines() if line.strip())
    assert first.stdout.startswith(f"demo corpus: read {n}, new {n}, duplicate 0, failed 0")
    assert first.stderr == ""
    out = first.stdout
    assert "demo records: read 3, new 3, duplicate 0, failed 0" in out
    assert f"{n + 3} articles" in out  # the news and the three records
    assert "USAspending" in out  # the records sit on the same timelines as the news
    assert "What contacts did Blue Origin have" in out and "days before the award of 2025-04-04" in out
    assert "entities by kind:" in out and "Person" in out and "Company" in out and "PublicBody" in out
    assert "events by type:" in out and "CONTRACT_AWARD" in out and "CONSULT" in out
    assert "Timeline:" in out
    assert any(line[:4].isdigit() and line[4] == "-" for line in out.splitlines())  # dated timeline lines
    assert "Backchannel sample" in out

    before_counts, before_rows = counts(db), dump(db)
    assert before_counts["articles"] == n + 3
    second = ok("demo", "--db", str(db))
    assert second.stdout.startswith(f"demo corpus: read {n}, new 0, duplicate {n}, failed 0")
    assert counts(db) == before_counts
    assert dump(db) == before_rows


# -- the database option ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [["ingest", "NEWS"], ["events"], ["summary"]])
def test_db_that_is_a_directory_is_one_line_error(news_file, tmp_path, command):
    args = [str(news_file) if a == "NEWS" else a for a in command]
    result = run(*args, "--db", str(tmp_path))
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "directory" in line
    assert "Traceback" not in result.output
