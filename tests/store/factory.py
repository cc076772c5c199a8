"""Hand-built extractions for the store tests, modelled on the seed article.

Offsets are computed from the text, so every stored offset can be checked against it.
"""

from __future__ import annotations

from datetime import date

from backchannel.model import (
    Article,
    Entity,
    EntityMention,
    EntityRef,
    Event,
    Evidence,
    Extraction,
    Relation,
    Sourcing,
    TimeSpan,
)

EXTRACTOR = "test-rules-0.1"

TEXT_1 = (
    "Jeff Bezos held two conversations with President Trump earlier this month, according to a report. "
    "Trump criticised Elon Musk on Wednesday. "
    "Dave Limp, the recently appointed CEO of Blue Origin, visited the White House chief of staff."
)
TEXT_2 = "NASA awarded Blue Origin, LLC a lunar lander contract on July 9. Trump praised Bezos."


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    """Character offsets of the first ``words`` at or after ``after``."""
    start = text.index(words, after)
    return start, start + len(words)


def sentence(text: str, words: str) -> tuple[str, int, int]:
    """The sentence holding ``words``, with its offsets (sentences end at '. ')."""
    at = text.index(words)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return text[start:end], start, end


def evidence(article: str, text: str, trigger: str) -> Evidence:
    """Evidence for a fact whose trigger is the first occurrence of ``trigger``."""
    sent, s, e = sentence(text, trigger)
    ts, te = span(text, trigger)
    return Evidence(
        article=article, sentence=sent, start=s, end=e, trigger_start=ts, trigger_end=te, extractor=EXTRACTOR
    )


def mention(entity_id: str, text: str, words: str, after: int = 0, how: str = "name") -> EntityMention:
    s, e = span(text, words, after)
    return EntityMention(entity_id=entity_id, text=words, start=s, end=e, how=how)


def ref(entity: Entity) -> EntityRef:
    """A participant that is a resolved entity."""
    return EntityRef(name=entity.name, kind=entity.kind, id=entity.id)


def time(text: str, words: str, value: str | None, start: date | None, end: date | None, granularity: str) -> TimeSpan:
    s, e = span(text, words)
    return TimeSpan(
        text=words, start=s, end=e, value=value, interval_start=start, interval_end=end, granularity=granularity
    )


def first_article() -> Extraction:
    """The seed-like article: a phone call, a criticism, a visit to an unnamed official."""
    a = Article(
        id="art-1",
        text=TEXT_1,
        title="Bezos calls Trump",
        published=date(2025, 6, 25),
        outlet="Example Times",
        url="https://example.com/1",
        path="/data/1.txt",
    )
    t = TEXT_1
    bezos = Entity("ent-bezos", "Jeff Bezos", "Person", ("Bezos",), (mention("ent-bezos", t, "Jeff Bezos"),))
    trump = Entity(
        "ent-trump",
        "Donald Trump",
        "Person",
        ("Trump", "President Trump"),
        (mention("ent-trump", t, "President Trump"), mention("ent-trump", t, "Trump", after=60, how="short")),
    )
    musk = Entity("ent-musk", "Elon Musk", "Person", (), (mention("ent-musk", t, "Elon Musk"),))
    limp = Entity("ent-limp", "Dave Limp", "Person", (), (mention("ent-limp", t, "Dave Limp"),))
    blue = Entity("ent-blue", "Blue Origin", "Organization", (), (mention("ent-blue", t, "Blue Origin"),))
    this_month = time(t, "earlier this month", "2025-06", date(2025, 6, 1), date(2025, 6, 24), "month")
    wednesday = time(t, "Wednesday", "2025-06-25", date(2025, 6, 25), date(2025, 6, 25), "day")
    call = Event(
        id="ev-call",
        type="CONSULT",
        mode="phone",
        trigger="conversations",
        actors=(ref(bezos),),
        recipients=(ref(trump),),
        others=(),
        time=this_month,
        count=2,
        negated=False,
        modality="actual",
        sourcing=Sourcing("attributed", "a report", "according to"),
        evidence=evidence(a.id, t, "conversations"),
    )
    criticise = Event(
        id="ev-criticise",
        type="ACCUSE",
        mode="disapprove",
        trigger="criticised",
        actors=(ref(trump),),
        recipients=(ref(musk),),
        others=(),
        time=wednesday,
        count=None,
        negated=False,
        modality="actual",
        sourcing=Sourcing(),
        evidence=evidence(a.id, t, "criticised"),
    )
    chief = EntityRef(
        name="the White House chief of staff", kind="Person", id=None, text="the White House chief of staff"
    )
    visit = Event(
        id="ev-visit",
        type="CONSULT",
        mode="visit",
        trigger="visited",
        actors=(ref(limp),),
        recipients=(chief,),
        others=(ref(blue),),
        time=None,
        count=None,
        negated=True,
        modality="planned",
        sourcing=Sourcing("anonymous", None, "reportedly"),
        evidence=evidence(a.id, t, "visited"),
    )
    ceo = Relation(
        id="rel-ceo",
        type="executive_of",
        subject=ref(limp),
        object=ref(blue),
        start=date(2025, 6, 1),
        end=None,
        sourcing=Sourcing(),
        evidence=evidence(a.id, t, "CEO"),
    )
    return Extraction(
        article=a,
        entities=(bezos, trump, musk, limp, blue),
        events=(call, criticise, visit),
        relations=(ceo,),
        times=(this_month, wednesday),
    )


def second_article() -> Extraction:
    """A later article: Blue Origin again (another spelling, a specific kind), NASA only as a participant."""
    a = Article(id="art-2", text=TEXT_2, title=None, published=date(2025, 7, 10), outlet="Other Wire")
    t = TEXT_2
    blue = Entity(
        "ent-blue",
        "Blue Origin, LLC",
        "Company",
        ("Blue Origin",),
        (mention("ent-blue", t, "Blue Origin, LLC"),),
    )
    trump = Entity("ent-trump", "Trump", "Person", (), (mention("ent-trump", t, "Trump"),))
    bezos = Entity("ent-bezos", "Bezos", "Person", (), (mention("ent-bezos", t, "Bezos"),))
    nasa = EntityRef(name="NASA", kind="PublicBody", id="ent-nasa", text="NASA")
    july9 = time(t, "July 9", "2025-07-09", date(2025, 7, 9), date(2025, 7, 9), "day")
    award = Event(
        id="ev-award",
        type="CONTRACT_AWARD",
        mode=None,
        trigger="awarded",
        actors=(nasa,),
        recipients=(ref(blue),),
        others=(),
        time=july9,
        count=None,
        negated=False,
        modality="actual",
        sourcing=Sourcing(),
        evidence=evidence(a.id, t, "awarded"),
    )
    praise = Event(
        id="ev-praise",
        type="SUPPORT",
        mode=None,
        trigger="praised",
        actors=(ref(trump),),
        recipients=(ref(bezos),),
        others=(),
        time=None,
        count=None,
        negated=False,
        modality="actual",
        sourcing=Sourcing(),
        evidence=evidence(a.id, t, "praised"),
    )
    return Extraction(article=a, entities=(blue, trump, bezos), events=(award, praise), times=(july9,))


def bare_article(article_id: str, *refs: EntityRef, event_id: str | None = None) -> Extraction:
    """A one-sentence article whose only content is one event among ``refs``."""
    text = f"Article {article_id} says the parties met."
    a = Article(id=article_id, text=text, published=date(2025, 1, 1))
    ev = Event(
        id=event_id or f"ev-{article_id}",
        type="CONSULT",
        mode=None,
        trigger="met",
        actors=refs,
        recipients=(),
        others=(),
        time=None,
        count=None,
        negated=False,
        modality="actual",
        sourcing=Sourcing(),
        evidence=evidence(article_id, text, "met"),
    )
    return Extraction(article=a, events=(ev,))
