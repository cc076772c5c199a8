"""Shared helpers for the ingest tests: write a file into tmp_path, run iter_articles into a list."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:
    import backchannel  # noqa: F401
except ImportError:  # the package is not installed in the venv: test the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from backchannel.ingest import Defaults, iter_articles  # noqa: E402


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> str path; content is str (UTF-8) or bytes; folders are created."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write


@pytest.fixture
def run():
    """run(*paths, defaults=..., stdin=...) -> list of Article | Failure."""

    def _run(*paths: str, defaults: Defaults = Defaults(), stdin=None) -> list:
        return list(iter_articles(list(paths), defaults, stdin=stdin))

    return _run
