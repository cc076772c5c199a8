"""Fixtures shared by the whole suite: the spaCy pipeline (loaded once) and an extraction helper."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_c91a739fb86ac7df.txt"
# The standing relations the founding article states (issue 2); checked on the extraction and the CLI.
SEED_RELATIONS = [
    ("founder_of", "Jeff Bezos", "Blue Origin"),
    ("founder_of", "Elon Musk", "SpaceX"),
    ("executive_of", "Dave Limp", "Blue Origin"),
    ("contractor_of", "SpaceX", "NASA"),
]


@pytest.fixture(scope="session")
def nlp():
    from backchannel.nlp import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published='2025-06-26') -> Extraction."""
    from backchannel.extract.document import extract_doc
    from backchannel.ids import content_id
    from backchannel.model import Article

    def _extract(text: str, published: str | None = "2025-06-26"):
        pub = date.fromisoformat(published) if published else None
        return extract_doc(nlp(text), Article(content_id(text), text, published=pub))

    return _extract


def names(refs) -> set[str]:
    return {r.name for r in refs}


def find_event(extraction, type_, actor=None, recipient=None):
    """The first event of this type whose actors/recipients include the given names, or None."""
    for e in extraction.events:
        if e.type != type_:
            continue
        if actor and actor not in names(e.actors):
            continue
        if recipient and recipient not in names(e.recipients):
            continue
        return e
    return None


@pytest.fixture(scope="session")
def seed_text():
    if not SEED.exists():
        pytest.skip("../shared/seeds is absent (a fresh clone has none)")
    return SEED.read_text(encoding="utf-8")
