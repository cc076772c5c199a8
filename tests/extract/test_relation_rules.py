"""Standing relations: appositions, titles before names, copulas and verbs."""

import pytest

CASES = [
    ("Jeff Bezos, founder of Blue Origin, spoke on Monday.", "founder_of", "Jeff Bezos", "Blue Origin"),
    ("SpaceX founder Elon Musk spoke on Monday.", "founder_of", "Elon Musk", "SpaceX"),
    ("Dave Limp, the recently appointed CEO of Blue Origin, spoke on Monday.", "executive_of", "Dave Limp", "Blue Origin"),
    ("The chief executive of United Launch Alliance, Tory Bruno, spoke on Monday.", "executive_of", "Tory Bruno", "United Launch Alliance"),
    ("NASA Administrator Bill Nelson spoke on Monday.", "executive_of", "Bill Nelson", "NASA"),
    ("Blue Origin's chief executive Dave Limp spoke on Monday.", "executive_of", "Dave Limp", "Blue Origin"),
    ("SpaceX remains a top contractor for NASA.", "contractor_of", "SpaceX", "NASA"),
    ("Gwynne Shotwell is the president of SpaceX.", "executive_of", "Gwynne Shotwell", "SpaceX"),
    ("Blue Origin, founded by Jeff Bezos, builds rockets.", "founder_of", "Jeff Bezos", "Blue Origin"),
    ("Jeff Bezos founded Blue Origin in 2000.", "founder_of", "Jeff Bezos", "Blue Origin"),
    ("United Launch Alliance, a joint venture of Boeing and Lockheed Martin, builds rockets.", "owner_of", "Lockheed Martin", "United Launch Alliance"),
]


def test_rival_of_a_person(extract):
    rels = extract("SpaceX founder Elon Musk, a longtime rival of Jeff Bezos, spoke.").relations
    assert any(r.type == "rival_of" and {r.subject.name, r.object.name} == {"Elon Musk", "Jeff Bezos"} for r in rels)


def test_verb_relation_takes_its_date(extract):
    rel = next(r for r in extract("Jeff Bezos founded Blue Origin in 2000.").relations if r.type == "founder_of")
    assert rel.start is not None and rel.start.year == 2000


def test_no_relation_between_a_person_and_a_place(extract):
    rels = extract("U.S. President Donald Trump spoke on Monday.").relations
    assert not [r for r in rels if r.object.kind == "Place"]


GOLD_ERROR_CASES = [
    ("Space Force chief Gen. Chance Saltzman spoke on Tuesday.", "executive_of", "Chance Saltzman", "United States Space Force"),
    ("Defense Secretary Pete Hegseth spoke on Tuesday.", "executive_of", "Pete Hegseth", "Department of Defense"),
    ("xAI, Elon Musk's artificial intelligence company, won a contract.", "owner_of", "Elon Musk", "xAI"),
    ("Elon Musk gave money to America PAC, the committee he founded last year.", "founder_of", "Elon Musk", "America PAC"),
    ("Anduril sells counter-drone systems to the Pentagon.", "contractor_of", "Anduril", "Department of Defense"),
    ("Northrop Grumman, a longtime NASA contractor, will build the module.", "contractor_of", "Northrop Grumman", "NASA"),
]


def test_nominated_to_lead_is_not_leading(extract):
    rels = extract("Donald Trump nominated Jared Isaacman to lead NASA.").relations
    assert not [r for r in rels if r.type == "executive_of"]


EXTRA_DEV_CASES = [
    ("The Pentagon appointed Douglas Matty as head of its Chief Digital and Artificial Intelligence Office.",
     "executive_of", "Douglas Matty", "Chief Digital and Artificial Intelligence Office"),
    ("Anduril builds counter-drone systems for the Pentagon.", "contractor_of", "Anduril", "Department of Defense"),
    ("Tory Bruno, the chief executive of United Launch Alliance, said the rocket was ready.",
     "executive_of", "Tory Bruno", "United Launch Alliance"),
]


WIRE_CASES = [
    ("Rocket Lab founder and chief executive Peter Beck spoke on Monday.", "founder_of", "Peter Beck", "Rocket Lab"),
    ("Rocket Lab founder and chief executive Peter Beck spoke on Monday.", "executive_of", "Peter Beck", "Rocket Lab"),
    ("Troy Meink served as principal deputy director of the National Reconnaissance Office.", "executive_of",
     "Troy Meink", "National Reconnaissance Office"),
]


def test_the_office_not_the_building_it_sits_in(extract):
    rels = extract("Sergio Gor, the head of the Presidential Personnel Office at the White House, spoke.").relations
    assert not [r for r in rels if r.object.name == "White House"]


MORE_WIRE_CASES = [
    ("Meta will hire Scale AI's founder and chief executive, Alexandr Wang.", "founder_of", "Alexandr Wang", "Scale AI"),
    ("Meta will hire Scale AI's founder and chief executive, Alexandr Wang.", "executive_of", "Alexandr Wang", "Scale AI"),
    ("Palmer Luckey, who created the company Anduril, spoke.", "founder_of", "Palmer Luckey", "Anduril"),
    ("OpenAI appointed Paul Nakasone, a retired general who led the National Security Agency, to its board.",
     "member_of", "Paul Nakasone", "OpenAI"),
    ("OpenAI appointed Paul Nakasone, a retired general who led the National Security Agency, to its board.",
     "executive_of", "Paul Nakasone", "National Security Agency"),
    ("Roscosmos banned the engines, its director general, Dmitry Rogozin, said.", "executive_of", "Dmitry Rogozin", "Roscosmos"),
]


def test_starting_a_meeting_founds_nothing(extract):
    assert not [r for r in extract("Jeff Bezos started the meeting with NASA.").relations if r.type == "founder_of"]


@pytest.mark.parametrize("text,type_,subject,object_", CASES + GOLD_ERROR_CASES + EXTRA_DEV_CASES + WIRE_CASES + MORE_WIRE_CASES)
def test_relation(extract, text, type_, subject, object_):
    """One sentence, one standing relation it must state."""
    found = [(r.type, r.subject.name, r.object.name) for r in extract(text).relations]
    assert (type_, subject, object_) in found, found
