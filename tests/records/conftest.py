"""Helpers for the record parser tests: the fixture folder and a reader that splits the results."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.records import Record, RecordProblem, read_records

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def split(items) -> tuple[list[Record], list[RecordProblem]]:
    """(records, problems) from a reader's output, each in file order; nothing else is allowed."""
    records, problems = [], []
    for item in items:
        assert isinstance(item, (Record, RecordProblem)), item
        (records if isinstance(item, Record) else problems).append(item)
    return records, problems


@pytest.fixture
def read():
    """read(kind, fixture_name) -> (records, problems)."""

    def _read(kind: str, name: str):
        return split(read_records(kind, FIXTURES / name))

    return _read


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> Path; str content is written as UTF-8, bytes as they are."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
