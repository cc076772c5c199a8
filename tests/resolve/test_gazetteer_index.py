"""The NameIndex seeded from the gazetteer: ids, kinds, legal names, and no likely duplicates."""

from __future__ import annotations

import pytest

from backchannel import ontology
from backchannel.extract.entities import entity_id
from backchannel.resolve import gazetteer_index


@pytest.fixture(scope="module")
def index():
    return gazetteer_index()


def test_every_entry_is_indexed_under_its_entity_id(index):
    gaz = ontology.gazetteer()
    assert len(index) == len(gaz.entries)
    for entry in gaz.entries:
        assert index.kind(entity_id(entry.name)) == entry.kind
        assert index.match(entry.name, entry.kind).entity_id == entity_id(entry.name), entry.name


@pytest.mark.parametrize(
    "name,kind,canonical",
    [
        ("LOCKHEED MARTIN CORPORATION", "Company", "Lockheed Martin"),
        ("Lockheed Martin Corp.", "Company", "Lockheed Martin"),
        ("LOCKHEED MARTIN AERONAUTIC SECTOR", "Company", "Lockheed Martin Aeronautics"),
        ("BOEING COMPANY THE", "Company", "Boeing"),
        ("BOEING DEFENSE SPACE & SECURITY (FORMERLY KESTREL ENTERPRISES INC (KEI))", "Company",
         "Boeing Defense, Space & Security"),
        ("GENERAL DYNAMICS CORP", "Company", "General Dynamics"),
        ("NORTHROP GRUMMAN CORPORATION", "Company", "Northrop Grumman"),
        ("RAYTHEON CORP", "Company", "Raytheon"),
        ("United Launch Alliance LLC", "Company", "United Launch Alliance"),
        ("Space Exploration Technologies Corp.", "Company", "SpaceX"),
        ("Amazon.com, Inc.", "Company", "Amazon"),
        ("Amazon Prime Air", "Company", "Amazon Prime Air"),
        ("Van Scoyoc Associates (United Launch Alliance)", "Company", "Van Scoyoc Associates"),
        ("National Aeronautics and Space Administration", "PublicBody", "NASA"),
        ("ULA", None, "United Launch Alliance"),
        ("Bezos", "Person", "Jeff Bezos"),
        ("BEZOS, JEFF", "Person", "Jeff Bezos"),
    ],
)
def test_matches(index, name, kind, canonical):
    m = index.match(name, kind)
    assert m is not None and m.entity_id == entity_id(canonical), (name, m)


@pytest.mark.parametrize(
    "name",
    ["Boeing Employees' Credit Union", "Boeing Capital", "Lockheed Martin Corporation/QTC Holdings",
     "SB Strategic Consulting, Inc.", "Balch & Bingham, LLP on behalf of Blue Origin",
     "SENECA GROUP LLC ON BEHALF OF LOCKHEED MARTIN", "Fidelis Government Relations (On behalf of General Dynamics)"],
)
def test_unknown_names_stay_unknown(index, name):
    assert index.match(name, "Company") is None


def test_the_gazetteer_has_no_likely_duplicates(index):
    """Two entries that the rules would merge are one entry twice, or need a distinguishing word."""
    names = {entity_id(e.name): e.name for e in ontology.gazetteer().entries}
    found = [(names[a], names[b], reason) for a, b, _, reason in index.candidates()]
    assert found == []
