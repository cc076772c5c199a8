"""The gazetteer as data: its invariants, the parent and owner links, and a few facts it must keep."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from backchannel import ontology
from backchannel.errors import OntologyError
from backchannel.ids import name_key
from backchannel.ontology import _gazetteer_from


@pytest.fixture(scope="module")
def gaz():
    return ontology.gazetteer()


# -- invariants ------------------------------------------------------------------------------
def test_no_two_entries_share_a_folded_name_or_alias(gaz):
    claims = defaultdict(set)
    for entry in gaz.entries:
        for spelling in (entry.name, *entry.aliases):
            claims[name_key(spelling)].add(entry.name)
    shared = {key: names for key, names in claims.items() if len(names) > 1}
    assert not shared


def test_every_parent_and_owner_is_an_entry(gaz):
    names = {e.name for e in gaz.entries}
    for entry in gaz.entries:
        if entry.parent is not None:
            assert entry.parent in names, entry.name
        for owner in entry.owners:
            assert owner in names, entry.name


def test_every_role_starts_before_it_ends(gaz):
    for entry in gaz.entries:
        for role in entry.roles:
            if role.start is not None and role.end is not None:
                assert role.start < role.end, (entry.name, role)


def test_roles_belong_to_known_bodies_and_people_hold_them(gaz):
    for entry in gaz.entries:
        for role in entry.roles:
            assert entry.kind == "Person", entry.name
            assert gaz.lookup(role.of) is not None, (entry.name, role.of)


def test_kinds_and_qids_are_well_formed(gaz):
    for entry in gaz.entries:
        assert entry.kind in ontology.KINDS, entry.name
        assert entry.qid is None or re.fullmatch(r"Q[1-9][0-9]*", entry.qid), entry.name


def test_legal_names_in_capitals_are_not_prose_patterns():
    """'LOCKHEED MARTIN CORP' is for matching federal records; the entity ruler leaves it out."""
    from backchannel.nlp.pipeline import gazetteer_patterns

    patterns = {p["pattern"] for p in gazetteer_patterns()}
    assert "LOCKHEED MARTIN CORP" not in patterns
    assert "Lockheed Martin" in patterns


# -- facts it must keep ----------------------------------------------------------------------
def test_entry_count(gaz):
    assert len(gaz.entries) >= 300


@pytest.mark.parametrize(
    "spelling,name",
    [
        ("SPACE EXPLORATION TECHNOLOGIES CORP", "SpaceX"),
        ("Space Exploration Technologies Corp.", "SpaceX"),
        ("LOCKHEED MARTIN CORP", "Lockheed Martin"),
        ("BOEING COMPANY, THE", "Boeing"),
        ("The Boeing Company", "Boeing"),
        ("GENERAL DYNAMICS CORP", "General Dynamics"),
        ("General Atomics", "General Atomics"),
        ("RAYTHEON COMPANY", "Raytheon"),
        ("Raytheon Technologies", "RTX"),
        ("AWS", "Amazon Web Services"),
        ("Amazon.com, Inc.", "Amazon"),
        ("the Pentagon", "Department of Defense"),
        ("Space and Missile Systems Center", "Space Systems Command"),
        ("Executive Office of the President", "Executive Office of the President"),
    ],
)
def test_spellings_resolve_to_their_entry(gaz, spelling, name):
    assert gaz.lookup(spelling).name == name


@pytest.mark.parametrize("spelling", ["Boeing Employees' Credit Union", "Boeing Capital", "LLC", "Harris"])
def test_near_misses_are_not_entries(gaz, spelling):
    """A credit union named for Boeing is not Boeing; 'Harris' alone is a person's surname, never L3Harris."""
    entry = gaz.lookup(spelling)
    assert entry is None or entry.kind == "Person"


def test_general_dynamics_is_not_general_atomics(gaz):
    assert gaz.lookup("General Atomics") is not gaz.lookup("General Dynamics")
    assert gaz.lookup("General Atomics Aeronautical Systems").parent == "General Atomics"
    assert gaz.lookup("Electric Boat").parent == "General Dynamics"


@pytest.mark.parametrize(
    "child,parent",
    [
        ("Sikorsky", "Lockheed Martin"),
        ("Bell Textron", "Textron"),
        ("Raytheon", "RTX"),
        ("Amazon Web Services", "Amazon"),
        ("Dynetics", "Leidos"),
        ("Starshield", "SpaceX"),
        ("Jet Propulsion Laboratory", "NASA"),
        ("United States Space Force", "Department of the Air Force"),
    ],
)
def test_parents(gaz, child, parent):
    assert gaz.lookup(child).parent == parent


def test_joint_ventures_have_owners_not_a_parent(gaz):
    ula = gaz.lookup("ULA")
    assert ula.name == "United Launch Alliance"
    assert set(ula.owners) == {"Boeing", "Lockheed Martin"}
    assert ula.parent is None


def test_a_lobbying_firm_is_not_its_client(gaz):
    firm = gaz.lookup("Ballard Partners")
    assert firm.name == "Ballard Partners" and firm.parent is None and not firm.owners


@pytest.mark.parametrize(
    "title,body,day,holder",
    [
        ("administrator", "NASA", "2019-06-01", "Jim Bridenstine"),
        ("administrator", "NASA", "2012-06-01", "Charles Bolden"),
        ("administrator", "NASA", "2017-06-01", "Robert Lightfoot"),
        ("secretary of defense", "Department of Defense", "2018-01-01", "Jim Mattis"),
        ("secretary of defense", "Department of Defense", "2019-07-18", "Richard V. Spencer"),
        ("chief of staff", "White House", "2018-03-01", "John Kelly"),
        ("chief executive", "Boeing", "2022-01-01", "Dave Calhoun"),
        ("chief executive", "Lockheed Martin", "2019-01-01", "Marillyn Hewson"),
        ("chief executive", "Blue Origin", "2024-06-01", "Dave Limp"),
        ("administrator", "Federal Aviation Administration", "2024-01-01", "Mike Whitaker"),
        ("chief of space operations", "United States Space Force", "2021-01-01", "John Raymond"),
        ("founder", "Anduril", "2025-01-01", "Palmer Luckey"),
        ("president", "China", "2025-01-01", "Xi Jinping"),
        ("prime minister", "Russia", "2010-01-01", "Vladimir Putin"),
        ("prime minister", "Turkey", "2010-01-01", "Tayyip Erdogan"),
    ],
)
def test_office_holders_by_date(gaz, title, body, day, holder):
    assert holder in [e.name for e in gaz.holders(title, body, date.fromisoformat(day))]


# -- the loader ------------------------------------------------------------------------------
def _data(*entities):
    return {"entities": list(entities)}


def test_parent_and_owners_are_loaded():
    gaz = _gazetteer_from(_data(
        {"name": "Alpha", "kind": "Company"},
        {"name": "Beta", "kind": "Company", "parent": "Alpha"},
        {"name": "Gamma", "kind": "Company", "owners": ["Alpha", "Beta"]},
    ))
    assert gaz.lookup("Beta").parent == "Alpha"
    assert gaz.lookup("Gamma").owners == ("Alpha", "Beta")
    assert gaz.lookup("Alpha").parent is None and gaz.lookup("Alpha").owners == ()


@pytest.mark.parametrize(
    "entities",
    [
        ({"name": "Beta", "kind": "Company", "parent": "Alpha"},),
        ({"name": "Alpha", "kind": "Company"}, {"name": "Gamma", "kind": "Company", "owners": ["Alpha", "Delta"]}),
        ({"name": "Alpha", "kind": "Company", "parent": "Alpha"},),
        ({"name": "Alpha", "kind": "Company", "parent": "Beta"}, {"name": "Beta", "kind": "Company", "parent": "Alpha"}),
        ({"name": "Alpha", "kind": "Company"}, {"name": "Alpha", "kind": "Company"}),
        ({"name": "Alpha", "kind": "Firm"},),
        ({"name": "Alpha", "kind": "Company", "owners": "Beta"},),
        ({"name": "Al", "kind": "Person", "roles": [{"title": "chief executive", "of": "X", "start": "2020-01-01",
                                                      "end": "2019-01-01"}]},),
    ],
    ids=["unknown parent", "unknown owner", "own parent", "cycle", "same name twice", "bad kind", "owners not a list",
         "role ends before it starts"],
)
def test_bad_links_and_entries_are_refused(entities):
    with pytest.raises(OntologyError):
        _gazetteer_from(_data(*entities))
