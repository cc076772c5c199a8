"""The masked re-parse: sentences the small model reads without a verb get their verb back."""

import pytest

from tests.conftest import find_event, names

# Each of these parses without a verbal root in en_core_web_sm 3.8 ("trump" is a common noun to it).
BROKEN_PARSES = [
    ("Trump threatened Musk.", "THREATEN", "Donald Trump", "Elon Musk"),
    ("Trump hosted Musk.", "CONSULT", "Elon Musk", "Donald Trump"),
    ("Trump named Isaacman.", "APPOINT", "Donald Trump", "Jared Isaacman"),
    ("Trump nominated Isaacman in December.", "APPOINT", "Donald Trump", "Jared Isaacman"),
    ("Isaacman is a close ally of Elon Musk. Trump first nominated Isaacman in December.", "APPOINT", "Donald Trump",
     "Jared Isaacman"),
    # names tangled into each other: "Anduril" read as a modifier of "General Atomics"
    ("The Air Force picked Anduril and General Atomics on Wednesday to build prototypes for its drone program.",
     "CONTRACT_AWARD", "United States Air Force", "Anduril"),
]


@pytest.mark.parametrize("text,type_,actor,recipient", BROKEN_PARSES)
def test_a_broken_parse_is_repaired(extract, text, type_, actor, recipient):
    ex = extract(text)
    found = [(e.type, sorted(names(e.actors)), sorted(names(e.recipients))) for e in ex.events]
    assert find_event(ex, type_, actor=actor, recipient=recipient) is not None, found


def test_the_repair_gives_a_verbal_root_and_keeps_entities(nlp):
    doc = nlp("Trump fired Whitaker.")
    assert doc[1].dep_ == "ROOT" and doc[1].pos_ == "VERB"
    assert doc[0].head == doc[1] and doc[2].head == doc[1]
    assert [t.text for t in doc if t.ent_type_ == "PERSON"] == ["Trump", "Whitaker"]
    assert doc[0].lemma_ == "Trump"  # a masked name keeps its own lemma


def test_a_good_parse_is_left_alone(nlp):
    reparse = nlp.get_pipe("backchannel_reparse")
    doc = nlp("Donald Trump criticized Elon Musk on Friday.")
    assert not reparse.suspicious(next(doc.sents))


def test_a_sentence_without_names_is_not_parsed_again(nlp):
    reparse = nlp.get_pipe("backchannel_reparse")
    doc = nlp("Photo credit: the agency.")
    assert not reparse.suspicious(next(doc.sents))


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        ("Isaacman praised SpaceX.", "Jared Isaacman", "SpaceX"),
        ("Wiles met Limp.", "Susie Wiles", "Dave Limp"),
    ],
)
def test_a_known_surname_that_starts_a_sentence_is_a_person(extract, text, actor, recipient):
    ex = extract(text)
    assert any(names(e.actors) == {actor} and names(e.recipients) == {recipient} for e in ex.events), ex.events


def test_names_in_a_sentence_are_read_from_the_tags(nlp):
    from spacy.tokens import Doc, Span

    from backchannel.nlp.reparse import _names_in

    words = ["Boeing", "and", "Lockheed", "Martin", "bid", ".", "Blue", "Origin", "won", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * 4 + [False, True] + [False] * 3)
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 2, 4, "ORG"), Span(doc, 5, 7, "ORG")]  # the last crosses over
    first, second = doc.sents
    assert _names_in(first) == {0: 0, 2: 2, 3: 2}  # "Lockheed Martin" is one name; "." + "Blue" runs on
    assert _names_in(second) == {}  # "Origin" belongs to a name begun before the sentence
