"""The influence timeline: contacts of an entity's circle with government, its awards, flags."""

from datetime import date

import pytest

from backchannel.analysis import influence
from backchannel.ids import content_id
from backchannel.model import Article
from backchannel.store import open_store

ARTICLES = [
    ("2025-01-10", "Wire A", "Jeff Bezos, who founded Blue Origin, met Donald Trump at Mar-a-Lago on Wednesday."),
    ("2025-04-05", "Wire B", "Space Systems Command on Friday awarded Blue Origin a $2.4 billion contract for seven "
                             "national security launch missions."),
    ("2025-06-26", "Wire C", "Dave Limp, the chief executive of Blue Origin, visited the White House on Tuesday to meet "
                             "Susie Wiles."),
    ("2024-02-01", "Wire D", "Blue Origin praised NASA on Monday."),
]


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    from backchannel.extract.document import extract_doc
    from backchannel.nlp import get_pipeline

    nlp = get_pipeline()
    store = open_store(str(tmp_path_factory.mktemp("influence") / "i.db"))
    with store.writer() as w:
        for published, outlet, text in ARTICLES:
            article = Article(content_id(text), text, published=date.fromisoformat(published), outlet=outlet)
            w.add(extract_doc(nlp(text), article))
    yield store.view()
    store.close()


def test_the_circle_holds_founder_and_chief_executive(view):
    result = influence(view, "Blue Origin")
    assert [m["name"] for m in result["circle"]] == ["Blue Origin", "Jeff Bezos", "Dave Limp"]


def test_a_contact_before_an_award_is_flagged(view):
    result = influence(view, "Blue Origin", window=180)
    kinds = [(line["kind"], line["event"]["type"]) for line in result["timeline"]]
    assert ("award", "CONTRACT_AWARD") in kinds
    (meeting,) = [line for line in result["timeline"] if line["event"]["type"] == "CONSULT" and line["date"] == "2025-01-08"]
    (flag,) = meeting["flags"]
    assert (flag["award_date"], flag["days_before"], flag["amount"]) == ("2025-04-04", 86, 2.4e9)
    assert flag["why"] == "the government that awarded it"


def test_a_contact_after_the_award_or_outside_the_window_is_not_flagged(view):
    result = influence(view, "Blue Origin", window=30)
    assert any(line["date"] == "2025-01-08" for line in result["timeline"])  # still shown, 86 days before
    assert all(not line["flags"] for line in result["timeline"])
    after = [line for line in influence(view, "Blue Origin")["timeline"] if line["date"] == "2025-06-24"]
    assert after and not after[0]["flags"]


def test_award_totals(view):
    assert influence(view, "Blue Origin")["awards"] == {"count": 1, "total": 2.4e9}


# -- the rules, on hand-made events (no parsing) ----------------------------------------------

BLUE = {"id": "e-blue", "name": "Blue Origin", "kind": "Company", "aliases": ["Blue Origin"], "mentions": 3}
REFS = {
    ref["id"]: ref
    for ref in (
        {"id": "e-blue", "name": "Blue Origin", "kind": "Company"},
        {"id": "e-bezos", "name": "Jeff Bezos", "kind": "Person"},
        {"id": "e-ssc", "name": "Space Systems Command", "kind": "PublicBody"},
        {"id": "e-ussf", "name": "United States Space Force", "kind": "PublicBody"},
        {"id": "e-nasa", "name": "NASA", "kind": "PublicBody"},
        {"id": "e-roscosmos", "name": "Roscosmos", "kind": "PublicBody"},
        {"id": "e-firm", "name": "Acme Advocacy", "kind": "Company"},
        {"id": "e-jane", "name": "Jane Q. Official", "kind": "Person"},
    )
}
FOUNDER = {"id": "rel-1", "type": "founder_of", "subject": REFS["e-bezos"], "object": REFS["e-blue"]}
AWARD_DAY = "2025-04-04"


def event(id_, type_, actors, recipients, start=None, published="2025-04-30", statuses=("asserted",), **more):
    refs = lambda ids: [REFS[i] for i in ids]  # noqa: E731
    evidence = [{"published": published, "outlet": "Wire", "sentence": id_, "sourcing": {"status": s}} for s in statuses]
    return {"id": id_, "type": type_, "mode": None, "actors": refs(actors), "recipients": refs(recipients), "others": [],
            "start": start, "end": start, "time_text": None, "negated": False, "modality": "actual", "amount": None,
            "record": None, "sourcing": {"status": statuses[0], "source": None, "cue": None}, "evidence": evidence,
            "reports": len(statuses), "independent_sources": 1, **more}


AWARD = event("award", "CONTRACT_AWARD", ["e-ssc"], ["e-blue"], start=AWARD_DAY, amount=2.4e9)


class FakeView:
    """The three View methods influence() reads, over hand-made events."""

    def __init__(self, events, kb=()):
        self._events, self._kb = events, list(kb)

    def kb_entries(self):
        return self._kb

    def find_entity(self, name):
        assert name == "Blue Origin"
        return BLUE

    def relations(self, entity):
        return [FOUNDER]

    def events(self, entity):
        return [e for e in self._events if entity in {r["id"] for r in e["actors"] + e["recipients"] + e["others"]}]


@pytest.fixture
def packaged_gazetteer():
    yield
    from backchannel import ontology

    ontology.use_extra_entries([])  # other tests see the packaged gazetteer only


def lines_of(events, **kw):
    return {line["event"]["id"]: line for line in influence(FakeView(events, **kw), "Blue Origin")["timeline"]}


def test_a_contact_with_a_body_above_the_awarding_one_is_flagged_as_that_body():
    lines = lines_of([AWARD, event("meet", "CONSULT", ["e-bezos"], ["e-ussf"], start="2025-03-01")])
    (flag,) = lines["meet"]["flags"]
    assert flag["why"] == "the body that awarded it"  # Space Systems Command is part of the Space Force
    assert (flag["days_before"], flag["awarding"]) == (34, ["Space Systems Command"])


def test_a_contact_dated_only_by_its_article_is_shown_but_never_flagged():
    lines = lines_of([AWARD, event("mention", "CONSULT", ["e-bezos"], ["e-ussf"], published="2025-03-20")])
    assert lines["mention"]["date"] == "2025-03-20" and lines["mention"]["flags"] == []


def test_a_contact_with_a_foreign_body_is_not_flagged_for_a_us_award():
    lines = lines_of([AWARD, event("abroad", "CONSULT", ["e-bezos"], ["e-roscosmos"], start="2025-03-01")])
    assert lines["abroad"]["flags"] == []


def test_bids_and_protests_are_dealings_never_flagged():
    lines = lines_of([AWARD, event("bid", "CONTRACT_BID", ["e-blue"], ["e-ssc"], start="2025-03-01")])
    assert lines["bid"]["kind"] == "contact" and lines["bid"]["flags"] == []


@pytest.mark.parametrize(
    "changes,counted",
    [
        ({}, True),
        ({"statuses": ("speculative",)}, False),
        ({"statuses": ("denied",)}, False),
        ({"statuses": ("speculative", "asserted")}, True),  # a later report states it
        ({"negated": True}, False),
        ({"modality": "hypothetical"}, False),
    ],
)
def test_which_awards_count(changes, counted):
    award = event("award", "CONTRACT_AWARD", ["e-ssc"], ["e-blue"], start=AWARD_DAY, **changes)
    result = influence(FakeView([award]), "Blue Origin")
    assert (result["awards"]["count"] == 1) is counted
    assert ("award" in {line["event"]["id"] for line in result["timeline"]}) is counted


def test_lobbying_is_what_the_circle_does_not_what_is_done_to_it():
    own = event("own", "LOBBY", ["e-firm", "e-blue"], ["e-nasa"], start="2025-01-01", record="lda-1", amount=50000.0)
    of_it = event("of-it", "LOBBY", ["e-firm"], ["e-blue"], start="2025-01-01", record="lda-2", amount=90000.0)
    result = influence(FakeView([own, of_it]), "Blue Origin")
    assert result["lobbying"] == {"filings": 1, "reports": 1, "total": 50000.0, "bodies": ["NASA"]}
    assert [line["event"]["id"] for line in result["timeline"]] == ["own"]


def test_an_imported_official_is_the_government_side(packaged_gazetteer):
    meeting = event("meet", "CONSULT", ["e-bezos"], ["e-jane"], start="2025-03-01")
    assert "meet" not in lines_of([AWARD, meeting])  # not known to the packaged gazetteer
    kb = [{"name": "Jane Q. Official", "kind": "Person", "roles": [{"title": "administrator", "of": "NASA",
                                                                   "start": "2024-01-01"}]}]
    (flag,) = lines_of([AWARD, meeting], kb=kb)["meet"]["flags"]
    assert flag["why"] == "the government that awarded it"
