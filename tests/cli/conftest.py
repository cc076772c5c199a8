"""Helpers for the end-to-end CLI tests: a runner, hand-written fixture articles, database dumps.

Every fixture text here was written for these tests. The commands run in-process through click's
CliRunner, so the spaCy pipeline loads once for the whole session.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from backchannel.cli import cli
from backchannel.store import open_store

# Three short news items, one sentence per line; dates relative to --published 2025-06-26.
NEWS_TEXT = """\
Jeff Bezos met President Donald Trump at the White House on Tuesday, according to Reuters.
NASA awarded SpaceX a $1.2 billion contract on Monday to launch cargo to the Moon.
Elon Musk, the founder of SpaceX, criticized Jeff Bezos on Wednesday.
Blue Origin is competing for contracts from NASA and the Pentagon.
"""

# A small corpus for the query commands: three articles from two outlets, spread over three months.
QUERY_ARTICLES = [
    {
        "title": "Bezos visits Trump",
        "published": "2025-03-12",
        "outlet": "Test Wire",
        "text": "Jeff Bezos met President Donald Trump at the White House on Tuesday, according to Reuters. "
        "Elon Musk, the founder of SpaceX, criticized Jeff Bezos on Monday.",
    },
    {
        "title": "SpaceX wins cargo deal",
        "published": "2025-05-21",
        "outlet": "Orbit Daily",
        "text": "NASA awarded SpaceX a $1.2 billion contract on Monday to carry cargo to the International "
        "Space Station. Elon Musk praised the agency on Tuesday.",
    },
    {
        "title": "Bezos calls Trump again",
        "published": "2025-06-18",
        "outlet": "Test Wire",
        "text": "Jeff Bezos spoke with Donald Trump by phone on Friday. Blue Origin, which Bezos founded in 2000, "
        "is competing for contracts from NASA and the Pentagon.",
    },
]

SUMMARY_LINE = re.compile(r"^read (\d+), new (\d+), duplicate (\d+), failed (\d+)\b")


def run(*args: str, input: str | bytes | None = None) -> Result:
    """Invoke ``backchannel ARGS`` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args), input=input, prog_name="backchannel")


def ok(*args: str, input: str | bytes | None = None) -> Result:
    """Invoke and insist on exit code 0, showing everything the command printed if not."""
    result = run(*args, input=input)
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result


def json_lines(result: Result) -> list[dict]:
    """Parse --json output: every non-empty line must be one JSON object."""
    lines = result.stdout.splitlines()
    assert all(line.strip() for line in lines), "blank line in --json output"
    rows = [json.loads(line) for line in lines]
    assert all(isinstance(row, dict) for row in rows)
    return rows


def summary_counts(result: Result) -> dict[str, int]:
    """The counts of the ingest summary line (the first line of stdout)."""
    first = result.stdout.splitlines()[0]
    match = SUMMARY_LINE.match(first)
    assert match, f"no summary line: {first!r}"
    return dict(zip(("read", "new", "duplicate", "failed"), map(int, match.groups())))


def counts(db: Path) -> dict[str, int]:
    with open_store(str(db)) as store:
        return store.view().counts()


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, straight from SQLite (not through the library)."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def ref_names(refs: list[dict]) -> set[str]:
    return {r["name"] for r in refs}


def participants(event: dict) -> set[str]:
    return ref_names(event["actors"]) | ref_names(event["recipients"]) | ref_names(event["others"])


@pytest.fixture
def news_file(tmp_path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(NEWS_TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def query_db(tmp_path_factory) -> Path:
    """A database holding QUERY_ARTICLES, ingested once per module."""
    folder = tmp_path_factory.mktemp("query")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in QUERY_ARTICLES), encoding="utf-8")
    db = folder / "query.db"
    ok("ingest", str(source), "--db", str(db))
    return db
