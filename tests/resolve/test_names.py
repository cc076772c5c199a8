"""Name keys: organisation keys, 'on behalf of' filings, notes, people's names, initials, acronyms."""

from __future__ import annotations

import pytest

from backchannel.resolve.names import (
    acronym,
    drop_notes,
    initials_match,
    is_acronym_form,
    org_key,
    other_names,
    person_key,
    person_parts,
    split_on_behalf,
)


# -- org_key: spellings of one organisation fold to one key -----------------------------------
@pytest.mark.parametrize(
    "name,key",
    [
        ("Lockheed Martin", "lockheed martin"),
        ("LOCKHEED MARTIN CORP", "lockheed martin"),
        ("Lockheed Martin Corporation", "lockheed martin"),
        ("Lockheed Martin Corp.", "lockheed martin"),
        ("The Boeing Company", "boeing"),
        ("BOEING COMPANY, THE", "boeing"),
        ("BOEING COMPANY THE", "boeing"),
        ("Boeing Co.", "boeing"),
        ("Raytheon Company", "raytheon"),
        ("United Launch Alliance, L.L.C.", "united launch alliance"),
        ("Blue Origin, LLC", "blue origin"),
        ("Citibank, N.A.", "citibank"),
        ("BAE Systems plc", "bae systems"),
        ("Rolls-Royce Ltd", "rolls royce"),
        ("Rolls-Royce Limited", "rolls royce"),
        ("Capitol Tax Partners, LLP", "capitol tax partners"),
        ("Maynard, Cooper & Gale, P.C.", "maynard cooper and gale"),
        ("C. Baker Consulting, Incorporated", "c baker consulting"),
        ("Aerojet Rocketdyne Holdings, Inc.", "aerojet rocketdyne"),  # Holdings: see ORG_SUFFIXES
        ("Amazon.com, Inc.", "amazon"),
        ("Pratt & Whitney", "pratt and whitney"),
        ("Pratt and Whitney", "pratt and whitney"),
        ("K&L Gates LLP", "k and l gates"),
        ("Nestlé S.A.", "nestle"),
        ("Lockheed\u00a0Martin\u2019s", "lockheed martin"),
        ("L-3 Communications", "l3 communications"),
        ("L3 Communications", "l3 communications"),
        ("L3TECHNOLOGIES(FORMERLY L-3COMMUNICATIONS INC", "l3 technologies"),
        ("AEROJET ROCKETDYNE INC (FKA GENCORP INC ) (FKA AEROJET GENERAL CORPORATION)", "aerojet rocketdyne"),
        ("L3 TECHNOLGIES INC (FORMERLY L-3 COMMUNICATIONS)", "l3 technolgies"),
        ("ORBITAL ATK INC FKA: ALLIANT TECHSYSTEMS OPERATIONS LLC", "orbital atk"),
        ("Emanuel & Associates, Inc. (fka Adam Emanuel)", "emanuel and associates"),
        ("J.A. Green and Company (formerly LLC)", "ja green"),
        ("DLA Piper LLP (US)", "dla piper"),
        ("Cozen O'Connor Public Strategies", "cozen oconnor public strategies"),
        ("Balch & Bingham, LLP on behalf of Blue Origin", "balch and bingham"),
        ("Company", "company"),  # one word always stays
    ],
)
def test_org_key_folds_spellings(name, key):
    assert org_key(name) == key


@pytest.mark.parametrize(
    "a,b",
    [
        ("Boeing", "Boeing Capital Corporation"),
        ("Boeing", "Boeing Employees' Credit Union"),
        ("Lockheed Martin", "Lockheed Martin Aeronautics Company"),
        ("Boeing", "Boeing Defense, Space & Security"),
        ("Amazon", "Amazon Web Services, Inc."),
        ("Amazon", "Amazon Prime Air"),
        ("General Dynamics Corp", "General Atomics"),
        ("Northrop Grumman", "Northrop Grumman Employees Federal Credit Union"),
        ("Capitol Counsel LLC", "Capitol Decisions, Inc."),
        ("Van Scoyoc Associates", "Van Scoyoc Capital"),
    ],
)
def test_org_key_keeps_distinguishing_words(a, b):
    assert org_key(a) != org_key(b)


# -- a firm filing on behalf of a client is the firm ----------------------------------------
@pytest.mark.parametrize(
    "name,filer,client",
    [
        ("Balch & Bingham, LLP on behalf of Blue Origin", "Balch & Bingham, LLP", "Blue Origin"),
        ("Fidelis Government Relations (On behalf of General Dynamics)", "Fidelis Government Relations", "General Dynamics"),
        ("SENECA GROUP LLC ON BEHALF OF LOCKHEED MARTIN", "SENECA GROUP LLC", "LOCKHEED MARTIN"),
        ("Acme Strategies, on behalf of The Boeing Company", "Acme Strategies", "The Boeing Company"),
        ("Balch & Bingham, LLP", "Balch & Bingham, LLP", None),
        ("Bread for the World", "Bread for the World", None),
        ("On behalf of Boeing", "On behalf of Boeing", None),  # no filer: not split
    ],
)
def test_split_on_behalf(name, filer, client):
    assert split_on_behalf(name) == (filer, client)


# -- notes: former names are other names of the same organisation ----------------------------
@pytest.mark.parametrize(
    "name,kept,others",
    [
        ("TESLA INC (FORMERLY TESLA MOTORS INC)", "TESLA INC", ["TESLA MOTORS INC"]),
        ("ORBITAL ATK INC FKA: ALLIANT TECHSYSTEMS OPERATIONS LLC", "ORBITAL ATK INC", ["ALLIANT TECHSYSTEMS OPERATIONS LLC"]),
        ("L3TECHNOLOGIES(FORMERLY L-3COMMUNICATIONS INC", "L3TECHNOLOGIES", ["L-3COMMUNICATIONS INC"]),
        ("BOEING DEFENSE SPACE & SECURITY (FORMERLY KESTREL ENTERPRISES INC (KEI))", "BOEING DEFENSE SPACE & SECURITY",
         ["KESTREL ENTERPRISES INC"]),
        ("CGCN GROUP, LLC (formerly known as Clark Geduldig Cranford & Nielsen, LLC)", "CGCN GROUP, LLC",
         ["Clark Geduldig Cranford & Nielsen, LLC"]),
        ("Widgets Inc. d/b/a Widgetco", "Widgets Inc.", ["Widgetco"]),
        ("J.A. Green and Company (formerly LLC)", "J.A. Green and Company", []),  # only a legal form
        ("Van Scoyoc Associates (United Launch Alliance)", "Van Scoyoc Associates", []),  # a client, no marker
        ("Space Exploration Technologies (SpaceX)", "Space Exploration Technologies", []),
    ],
)
def test_notes(name, kept, others):
    assert drop_notes(name) == kept
    assert other_names(name) == others


# -- people ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,key",
    [
        ("QUINN, ANDREW", "andrew quinn"),
        ("Andrew Quinn", "andrew quinn"),
        ("ROSE, PETER J.", "peter rose"),
        ("Sen. Ted Cruz", "ted cruz"),
        ("Senator Ted Cruz", "ted cruz"),
        ("Gen. John Raymond", "john raymond"),
        ("Lt. Gen. John Raymond", "john raymond"),
        ("Dr. Jane Smith", "jane smith"),
        ("Mr. Mark Rey", "mark rey"),
        ("Donald J. Trump", "donald trump"),
        ("George H. W. Bush", "george bush"),
        ("J. Keith Kennedy", "keith kennedy"),  # goes by his middle name
        ("J. Bezos", "j bezos"),  # an initial alone stays
        ("J.D. Vance", "jd vance"),
        ("J. D. Vance", "jd vance"),
        ("JD Vance", "jd vance"),
        ("Joe Biden Jr.", "joe biden"),
        ("Smith, John, Jr.", "john smith"),
        ("John Smith III", "john smith"),
        ("Jane Smith, PhD", "jane smith"),
        ('James "Jim" Smith', "james smith"),
        ("José Álvarez", "jose alvarez"),
        ("Ludwig van Beethoven", "ludwig van beethoven"),
        ("Bezos", "bezos"),
    ],
)
def test_person_key(name, key):
    assert person_key(name) == key


@pytest.mark.parametrize(
    "name,surname,generation",
    [
        ("VAN SCOYOC, STU", "van scoyoc", None),
        ("Ludwig van Beethoven", "van beethoven", None),
        ("Joe Biden Jr.", "biden", "jr"),
        ("Smith, John, Sr.", "smith", "sr"),
        ("Pat O'Neill", "oneill", None),
    ],
)
def test_person_parts(name, surname, generation):
    parts = person_parts(name)
    assert (parts.surname, parts.generation) == (surname, generation)


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("J. Bezos", "Jeff Bezos", True),
        ("Jeff Bezos", "J. Bezos", True),
        ("J. P. Bezos", "Jeff P. Bezos", True),
        ("Jeffrey P. Bezos", "Jeffrey Bezos", True),
        ("BEZOS, J.", "Jeff Bezos", True),
        ("J. Bezos", "Mackenzie Bezos", False),
        ("M. Bezos", "Jeff Bezos", False),
        ("Jeff Bezos", "Mark Bezos", False),
        ("J. Bezos", "Jeff Bozos", False),  # surnames must be equal
        ("Bezos", "Jeff Bezos", False),  # no given name: see NameIndex's surname rule
        ("John Smith Jr.", "J. Smith Sr.", False),
    ],
)
def test_initials_match(a, b, same):
    assert initials_match(a, b) is same


# -- acronyms --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,letters",
    [
        ("United Launch Alliance", "ULA"),
        ("United Launch Alliance, LLC", "ULA"),
        ("National Aeronautics and Space Administration", "NASA"),
        ("Office of Management and Budget", "OMB"),
        ("Sierra Nevada Corporation", "SN"),
        ("The Boeing Company", "B"),
    ],
)
def test_acronym(name, letters):
    assert acronym(name) == letters


@pytest.mark.parametrize(
    "name,result",
    [("ULA", True), ("N.A.S.A.", True), ("NASA", True), ("Nasa", False), ("GD", False), ("AEROJETS", False), ("L3", False)],
)
def test_is_acronym_form(name, result):
    assert is_acronym_form(name) is result
