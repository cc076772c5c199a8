"""The commit a benchmark result was measured at, for the results files."""

from __future__ import annotations

import subprocess


def commit() -> str:
    """The short hash of HEAD, marked when tracked files have uncommitted changes."""
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout
    return out + (" (uncommitted changes)" if dirty.strip() else "")
