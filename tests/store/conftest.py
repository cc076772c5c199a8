"""Fixtures for the store tests: a fresh store per test.

The ``store`` fixture is SQLite in a temporary file. Set BACKCHANNEL_TEST_PG_URL (for instance
``postgresql+psycopg://postgres@localhost:5432/bc_test``, a database the tests may empty) to
run every ``store`` test on PostgreSQL too.
"""

import os
import sys
from pathlib import Path

import pytest

try:
    import backchannel  # noqa: F401
except ImportError:  # the package is not installed in the venv: test the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from backchannel.store import open_store  # noqa: E402
from backchannel.store.schema import metadata  # noqa: E402

PG_URL = os.environ.get("BACKCHANNEL_TEST_PG_URL")


def _empty_postgres(url: str) -> None:
    with open_store(url) as s:
        metadata.drop_all(s.engine)


@pytest.fixture(params=["sqlite", "postgresql"] if PG_URL else ["sqlite"])
def store(request, tmp_path):
    """An empty store, closed (and on PostgreSQL emptied) after the test."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "test.db"))
        yield s
        s.close()
        return
    _empty_postgres(PG_URL)
    s = open_store(PG_URL)
    yield s
    s.close()
    _empty_postgres(PG_URL)


@pytest.fixture
def sqlite_store(tmp_path):
    """An empty SQLite store, for what only SQLite has (pragmas, files)."""
    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()
