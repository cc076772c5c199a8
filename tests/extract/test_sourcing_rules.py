"""Sourcing rules: each case a sentence and the status (and source) of its CONSULT event."""

import pytest

from tests.conftest import find_event, names

CASES = [
    ("Jeff Bezos met Donald Trump on Monday.", "asserted", None),
    ("Jeff Bezos met Donald Trump, according to The Wall Street Journal.", "attributed", "The Wall Street Journal"),
    ("According to a report published Wednesday by Reuters, Jeff Bezos met Donald Trump.", "attributed", "Reuters"),
    ("Jeff Bezos met Donald Trump, Bill Nelson said.", "attributed", "Bill Nelson"),
    ("Bill Nelson said that Jeff Bezos met Donald Trump.", "attributed", "Bill Nelson"),
    ("The Washington Post reported that Jeff Bezos met Donald Trump.", "attributed", "The Washington Post"),
    ("Jeff Bezos reportedly met Donald Trump.", "anonymous", None),
    ("Jeff Bezos met Donald Trump, according to people familiar with the matter.", "anonymous", None),
    ("People familiar with the matter said Jeff Bezos met Donald Trump.", "anonymous", None),
    ("Officials who asked not to be named said Jeff Bezos met Donald Trump.", "anonymous", None),
    ("Jeff Bezos is said to have met Donald Trump.", "anonymous", None),
    ("Analysts suggest Jeff Bezos may meet Donald Trump.", "speculative", None),
    ("Jeff Bezos may have met Donald Trump.", "speculative", None),
    ("Jeff Bezos appears to have met Donald Trump.", "speculative", None),
    ("Jeff Bezos denied that he met Donald Trump.", "denied", "Jeff Bezos"),
    ("Blue Origin denied that Jeff Bezos met Donald Trump.", "denied", "Blue Origin"),
]


@pytest.mark.parametrize("text,status,source", CASES)
def test_sourcing(extract, text, status, source):
    ex = extract(text)
    e = find_event(ex, "CONSULT", recipient="Donald Trump")
    assert e is not None, [(x.type, names(x.actors), names(x.recipients)) for x in ex.events]
    assert e.sourcing.status == status, e.sourcing
    assert e.sourcing.source == source
    assert "Jeff Bezos" in names(e.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Jeff Bezos met Donald Trump, according to The Wall Street Journal.",
        "The Washington Post reported that Jeff Bezos met Donald Trump.",
        "Political analysts suggest Jeff Bezos met Donald Trump.",
    ],
)
def test_source_is_never_a_participant(extract, text):
    for e in extract(text).events:
        for ref in (*e.actors, *e.recipients, *e.others):
            assert ref.name not in ("The Wall Street Journal", "The Washington Post")
            assert "analyst" not in ref.name.lower()


@pytest.mark.parametrize(
    "text,status,source",
    [
        ("Two White House officials who asked not to be named told Politico that Jeff Bezos met Donald Trump.", "anonymous", None),
        ("Jeff Bezos met Donald Trump, the NASA Office of Inspector General said.", "attributed", "NASA Office of Inspector General"),
        ("Jeff Bezos met Donald Trump, according to a filing with the Senate Office of Public Records.", "attributed", "Senate Office of Public Records"),
    ],
)
def test_sourcing_from_gold_errors(extract, text, status, source):
    e = find_event(extract(text), "CONSULT", actor="Jeff Bezos")
    assert (e.sourcing.status, e.sourcing.source) == (status, source)
