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
    assert all(not line["flags"] for line in result["timeline"])
    after = [line for line in influence(view, "Blue Origin")["timeline"] if line["date"] == "2025-06-24"]
    assert after and not after[0]["flags"]


def test_award_totals(view):
    assert influence(view, "Blue Origin")["awards"] == {"count": 1, "total": 2.4e9}
