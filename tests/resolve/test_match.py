"""NameIndex: which known entity a name denotes, in rule order, and the names it must refuse."""

from __future__ import annotations

import pytest

from backchannel.resolve import FUZZY_THRESHOLD, Match, NameIndex
from backchannel.resolve.fuzzy import TYPO_MIN_LENGTH, core, fuzzy_score, is_typo, similarity, words_agree
from backchannel.resolve.names import org_tokens

# A hand-made index: organisations with their divisions and look-alikes, and a few people. No
# legal-name aliases, so that keys and typos do the work.
ENTRIES = [
    ("boeing", "Boeing", "Company", ["The Boeing Company"]),
    ("boeing-capital", "Boeing Capital", "Company", []),
    ("becu", "Boeing Employees' Credit Union", "Organization", ["BECU"]),
    ("bdss", "Boeing Defense, Space & Security", "Company", []),
    ("lm", "Lockheed Martin", "Company", []),
    ("lm-aero", "Lockheed Martin Aeronautics", "Company", []),
    ("lm-space", "Lockheed Martin Space", "Company", []),
    ("gd", "General Dynamics", "Company", []),
    ("ga", "General Atomics", "Company", []),
    ("ng", "Northrop Grumman", "Company", []),
    ("l3", "L3 Technologies", "Company", []),
    ("s3", "S-3 Group", "Company", []),
    ("ula", "United Launch Alliance", "Company", []),
    ("nasa", "National Aeronautics and Space Administration", "PublicBody", []),
    ("amazon", "Amazon", "Company", []),
    ("aws", "Amazon Web Services", "Company", []),
    ("prime-air", "Amazon Prime Air", "Company", []),
    ("spacex", "SpaceX", "Company", []),
    ("space-com", "Space.com", "MediaOutlet", []),
    ("capitol-counsel", "Capitol Counsel", "Company", []),
    ("capitol-decisions", "Capitol Decisions", "Company", []),
    ("balch", "Balch & Bingham", "Company", []),
    ("blue", "Blue Origin", "Company", []),
    ("tesla", "Tesla", "Company", []),
    ("bezos", "Jeff Bezos", "Person", []),
    ("musk", "Elon Musk", "Person", []),
    ("quinn", "Andrew Quinn", "Person", []),
    ("cruz", "Ted Cruz", "Person", []),
    ("kimbal", "Kimbal Musk", "Person", []),
    ("starship", "Starship", "Programme", []),
]


@pytest.fixture(scope="module")
def index():
    return NameIndex(ENTRIES)


def test_match_is_a_frozen_dataclass(index):
    m = index.match("Boeing")
    assert m == Match("boeing", 1.0, "exact")
    with pytest.raises(AttributeError):
        m.score = 0.5  # type: ignore[misc]


@pytest.mark.parametrize(
    "name,kind,entity,how",
    [
        # exact spellings and aliases, up to case and spaces
        ("Boeing", None, "boeing", "exact"),
        ("THE BOEING COMPANY", None, "boeing", "exact"),
        ("  lockheed   martin ", "Company", "lm", "exact"),
        ("BECU", None, "becu", "exact"),
        # keys
        ("BOEING COMPANY, THE", None, "boeing", "key"),
        ("BOEING COMPANY THE", "Company", "boeing", "key"),
        ("Lockheed Martin Corporation", "Company", "lm", "key"),
        ("LOCKHEED MARTIN CORP", "Company", "lm", "key"),
        ("Boeing Defense Space & Security", "Company", "bdss", "key"),
        ("BOEING DEFENSE SPACE & SECURITY (FORMERLY KESTREL ENTERPRISES INC (KEI))", "Company", "bdss", "key"),
        ("General Dynamics Corp.", "Company", "gd", "key"),
        ("L-3 Technologies, Inc.", "Company", "l3", "key"),
        ("L3TECHNOLOGIES(FORMERLY L-3COMMUNICATIONS INC", "Company", "l3", "key"),
        ("Amazon.com, Inc.", "Company", "amazon", "key"),
        ("Space X", "Company", "spacex", "key"),
        ("Capitol Counsel, LLC", "Company", "capitol-counsel", "key"),
        ("United Launch Alliance, L.L.C.", "Company", "ula", "key"),
        ("QUINN, ANDREW", "Person", "quinn", "key"),
        ("Sen. Ted Cruz", "Person", "cruz", "key"),
        ("QUINN, ANDREW", None, "quinn", "key"),
        # acronyms
        ("ULA", "Company", "ula", "acronym"),
        ("NASA", None, "nasa", "acronym"),
        ("N.A.S.A.", "PublicBody", "nasa", "acronym"),
        # typos
        ("Lockheed Martin Corpororation", "Company", "lm", "fuzzy"),
        ("Lockheed Martni", "Company", "lm", "fuzzy"),
        ("L3 TECHNOLGIES", "Company", "l3", "fuzzy"),
        ("L3 TECHNOLGIES INC (FORMERLY L-3 COMMUNICATIONS)", "Company", "l3", "fuzzy"),
        ("Northrup Grumman Corp", "Company", "ng", "fuzzy"),
        ("General Dynamic", "Company", "gd", "fuzzy"),
        ("Lockheed Martin Aeronautic", "Company", "lm-aero", "fuzzy"),
        ("Boeing Employees Credit Unoin", None, "becu", "fuzzy"),
        ("Jeff Bezoz", "Person", "bezos", "fuzzy"),
        # people by surname, only when one known person fits
        ("Bezos", "Person", "bezos", "surname"),
        ("Mr. Bezos", None, "bezos", "surname"),
        ("J. Bezos", "Person", "bezos", "surname"),
        ("E. Musk", "Person", "musk", "surname"),
        # a firm filing on behalf of a client is the firm
        ("Balch & Bingham, LLP on behalf of Blue Origin", "Company", "balch", "key"),
        # notes: "X (formerly Y)" where only Y is known
        ("Tesla Energy Inc (formerly Tesla Inc)", "Company", "tesla", "key"),
        # a compound whose parts agree
        ("Tesla, Inc. / TESLA", "Company", "tesla", "key"),
    ],
)
def test_match(index, name, kind, entity, how):
    m = index.match(name, kind)
    assert m is not None, name
    assert (m.entity_id, m.how) == (entity, how)
    assert 0 < m.score <= 1


@pytest.mark.parametrize(
    "name,kind",
    [
        # close but different organisations: a word in only one name blocks a merge
        ("Boeing Credit Union", None),
        ("General Atomic Aeronautical", "Company"),
        ("Lockheed Martin Aeronautics Sector", "Company"),
        ("Lockheed Martin Missiles and Fire Control", "Company"),
        ("Lockheed", "Company"),
        ("Northrop", "Company"),
        ("Amazon Prime", "Company"),
        ("Amazon Web", "Company"),
        ("S3 Technologies", "Company"),
        ("Capitol Counsel Group", "Company"),
        ("Capitol Decisions Counsel", "Company"),
        ("Blue Origin Federation", "Company"),
        # unknown names are never forced onto the nearest known name
        ("Acme Widgets", None),
        ("Sierra Nevada Corporation", "Company"),
        ("Bread for the World", None),
        ("Andrew Quincy", "Person"),
        ("Jeffrey Bezos", "Person"),  # nicknames are not expanded
        ("Mackenzie Bezos", "Person"),
        ("M. Bezos", "Person"),
        # a surname two known people share is ambiguous
        ("Musk", "Person"),
        ("Mr. Musk", None),
        # kinds: a person's name does not match an organisation and back
        ("Boeing", "Person"),
        ("Jeff Bezos", "Company"),
        ("Starship", "Company"),
        # a compound whose parts are different entities
        ("Lockheed Martin Corporation/QTC Holdings", "Company"),
        ("Boeing / Lockheed Martin", "Company"),
        # "ULA" must not stand for a long name with other initials, nor a long name for another acronym
        ("UAL", "Company"),
        ("Boeing Employees Credit", None),
    ],
)
def test_refuses(index, name, kind):
    assert index.match(name, kind) is None


@pytest.mark.parametrize(
    "name,other",
    [
        ("Boeing", "Boeing Capital"),
        ("Boeing", "Boeing Employees' Credit Union"),
        ("General Dynamics", "General Atomics"),
        ("Lockheed Martin", "Lockheed Martin Aeronautics"),
        ("Amazon", "Amazon Web Services"),
        ("Amazon", "Amazon Prime Air"),
        ("SpaceX", "Space.com"),
    ],
)
def test_close_but_different_names_stay_apart(index, name, other):
    assert index.match(name).entity_id != index.match(other).entity_id
    assert index.match(f"{other} Corporation").entity_id == index.match(other).entity_id
    fresh = NameIndex([("a", name, "Company", [])])
    assert fresh.match(other) is None, (name, other)
    fresh = NameIndex([("b", other, "Company", [])])
    assert fresh.match(name) is None, (other, name)


def test_general_dynamics_is_not_general_atomics_whatever_the_thresholds():
    """Fails when a threshold is loosened so far that General Dynamics matches General Atomics."""
    a, b = core(org_tokens("General Dynamics")), core(org_tokens("General Atomics"))
    assert similarity(a, b) < FUZZY_THRESHOLD  # 0.84: threshold 2 refuses on its own
    assert not is_typo("dynamics", "atomics")  # 4 edits: threshold 1 refuses on its own
    assert not words_agree(a, b)
    assert fuzzy_score("General Dynamics", "General Atomics") is None
    # NameIndex on the bare names: test_close_but_different_names_stay_apart
    assert NameIndex([("ga", "General Atomics", "Company", [])]).match("General Dynamics Corporation") is None


def test_thresholds_still_accept_the_typos_they_are_for():
    assert FUZZY_THRESHOLD >= 0.9 and TYPO_MIN_LENGTH >= 5
    assert fuzzy_score("Lockheed Martin Corpororation", "Lockheed Martin") == 1.0
    assert fuzzy_score("L3 TECHNOLGIES", "L3 Technologies, Inc.") >= FUZZY_THRESHOLD
    assert fuzzy_score("Jeff Bezoz", "Jeff Bezos", person=True) >= FUZZY_THRESHOLD


@pytest.mark.parametrize(
    "a,b,typo",
    [
        ("technolgies", "technologies", True),
        ("corpororation", "corporation", True),
        ("aeronautic", "aeronautics", True),
        ("capitol", "capital", True),
        ("grumman", "grumamn", True),
        ("grumman", "grumann", False),  # two edits in a 7-letter word
        ("dynamics", "atomics", False),
        ("space", "spacex", False),
        ("north", "worth", False),  # the first letter must agree
        ("boing", "bong", False),  # too short
        ("l3", "s3", False),
        ("2016", "2017", False),
    ],
)
def test_is_typo(a, b, typo):
    assert is_typo(a, b) is typo


def test_surname_needs_exactly_one_person():
    index = NameIndex([("bezos", "Jeff Bezos", "Person", [])])
    assert index.match("Bezos", "Person") == Match("bezos", 0.8, "surname")
    index.add("mackenzie", "MacKenzie Scott", "Person", ["MacKenzie Bezos"])
    assert index.match("Bezos", "Person") is None
    assert index.match("J. Bezos", "Person").entity_id == "bezos"  # the initial still tells them apart


def test_ambiguous_key_is_refused():
    index = NameIndex([("a", "Acme Corp", "Company", []), ("b", "ACME, Inc.", "Company", [])])
    assert index.match("Acme LLC") is None
    assert index.match("Acme Corp").entity_id == "a"  # an exact spelling still decides


def test_ambiguous_fuzzy_is_refused():
    index = NameIndex([("a", "Grumman Aerospace", "Company", []), ("b", "Grumann Aerospace", "Company", [])])
    assert index.match("Grumnan Aerospace") is None


def test_add_extends_a_known_entity():
    index = NameIndex()
    assert len(index) == 0
    index.add("x", "Widget Works", "Company")
    index.add("x", "WW Holdings Group")
    assert len(index) == 1 and index.kind("x") == "Company"
    assert index.match("WW Holdings Group Inc").entity_id == "x"


def test_former_names_are_indexed_with_the_name():
    index = NameIndex([("l3", "L3 Technologies (formerly L-3 Communications)", "Company", [])])
    assert index.match("L3 COMMUNICATIONS").entity_id == "l3"
    assert index.match("L3 Technologies, Inc.").entity_id == "l3"


def test_candidates_lists_likely_duplicates_for_review():
    index = NameIndex([
        ("lm-1", "Lockheed Martin", "Company", []),
        ("lm-2", "LOCKHEED MARTIN CORP", "Company", []),
        ("lm-3", "Lockheed Martin Corpororation", "Company", []),
        ("lm-aero", "Lockheed Martin Aeronautics", "Company", []),
        ("gd", "General Dynamics", "Company", []),
        ("ga", "General Atomics", "Company", []),
        ("ula", "ULA", "Company", []),
        ("ula-2", "United Launch Alliance", "Company", []),
        ("b1", "Jeff Bezos", "Person", []),
        ("b2", "J. Bezos", "Person", []),
        ("cap", "Capitol Counsel", "Company", []),
        ("cap-2", "Capital Counsel", "Company", []),
    ])
    found = index.candidates()
    pairs = {(a, b) for a, b, _, _ in found}
    # Not the division, not General Atomics; "Capitol" / "Capital" is one letter off, so it is listed.
    assert pairs == {("lm-1", "lm-2"), ("lm-1", "lm-3"), ("lm-2", "lm-3"), ("ula", "ula-2"), ("cap", "cap-2")}
    for a, b, score, reason in found:
        assert a < b and FUZZY_THRESHOLD <= score <= 1 and reason
    assert [s for _, _, s, _ in found] == sorted((s for _, _, s, _ in found), reverse=True)
    assert dict(((a, b), r) for a, b, _, r in found)[("lm-1", "lm-2")] == "same key 'lockheed martin'"
    # Surname and initials score 0.85: listed only when the threshold allows it.
    assert {(a, b) for a, b, _, _ in index.candidates(threshold=0.85)} == pairs | {("b1", "b2")}
    assert index.candidates(threshold=0.99) == []
