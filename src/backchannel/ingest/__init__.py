"""Ingest: read text, HTML, JSON Lines and RSS/Atom files (or standard input) into Articles.

``iter_articles`` is the entry point; bad input becomes a ``Failure`` with a one-line reason, never
an exception, so one broken file does not stop a batch.
"""

from .base import Defaults, Failure
from .dates import parse_date
from .sources import iter_articles

__all__ = ["Defaults", "Failure", "iter_articles", "parse_date"]
