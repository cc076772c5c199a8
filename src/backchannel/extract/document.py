"""Doc -> Extraction: entities, events, relations, sourcing and time for one article.

This is the ``extract`` boundary: spaCy objects go in, frozen dataclasses come out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import __version__
from ..ids import make_id
from ..model import Article, Event, Evidence, Extraction, Relation, Sourcing, TimeSpan
from . import coref, syntax
from .amounts import amount_near
from .entities import DocEntities, find_entities
from .events import EventFinder, RawEvent
from .relations import RawRelation, find_relations
from .sourcing import find_attributions, sourcing_for
from .timex import find_times

log = logging.getLogger(__name__)
EXTRACTOR = f"backchannel-rules/{__version__}"
FUTURE_AUX = {"will", "shall", "'ll"}
# Event types whose reports carry an amount of money worth keeping ("a $2.9 billion contract").
MONEY_TYPES = {"CONTRACT_AWARD", "CONTRACT_BID", "DONATE", "AID", "LOBBY", "SANCTION"}


PLAN_LEMMAS = {"plan", "schedule", "expect", "set", "due", "aim", "intend", "hope", "want", "prepare", "slate"}


def _tense_at(doc: Doc):
    """The tense of the clause around a character offset: 'future' or 'past' (for bare weekdays and
    months: "on Friday" is the coming Friday in "will meet on Friday", the last one in "met")."""

    def tense(offset: int) -> str:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return "past"
        tok = span[0]
        clause = syntax.clause_of(tok)
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxes & FUTURE_AUX or "should" in auxes:
            return "future"
        infinitive = "to" in auxes and clause.tag_ == "VB"
        head = clause.head
        if infinitive and (head == clause or head.lemma_ in PLAN_LEMMAS or head.tag_ in ("VBZ", "VBP")):
            return "future"  # "plans to meet Friday", headline "Plant to remain closed until Friday"
        if clause.lemma_ in PLAN_LEMMAS and clause.tag_ in ("VBZ", "VBP", "VBN", "JJ"):
            return "future"  # "is scheduled for Friday", "is due in October"
        if tok.head.lower_ in ("by", "until", "till") and clause.tag_ in ("VBZ", "VBP", "VB", "MD"):
            return "future"
        return "past"

    return tense


class DocumentExtractor:
    """Everything Backchannel extracts from one parsed article."""

    def __init__(self, doc: Doc, article: Article):
        self.doc = doc
        self.article = article
        self.table: DocEntities = find_entities(doc)
        coref.resolve(self.table, article.published)
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        self.times = find_times(doc.text, article.published, spans, tense_at=_tense_at(doc))
        self.time_heads = self._time_heads()
        self.attributions = {s.start: find_attributions(s, self.table) for s in doc.sents}
        self.excluded = {i for atts in self.attributions.values() for a in atts for i in a.tokens}

    def _time_heads(self) -> list[tuple[Token, TimeSpan]]:
        out = []
        for t in self.times:
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((span.root, t))
        return out

    def evidence(self, sent: Span, trigger: Token) -> Evidence:
        return Evidence(
            article=self.article.id,
            sentence=sent.text.strip(),
            start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()),
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            extractor=EXTRACTOR,
        )

    def time_for(self, trigger: Token, anchors: list[Token]) -> TimeSpan | None:
        """The time expression attached to the trigger's own clause, never one from an attribution."""
        targets = {trigger.i, *(a.i for a in anchors)}
        for head, span in self.time_heads:
            if head.i in self.excluded or head.sent != trigger.sent or span.granularity == "duration":
                continue  # "less than an hour after" says how long, not when
            node = head
            for _ in range(8):
                if node.i in targets:
                    return span
                # climb out of an infinitive complement ("renominated X to lead NASA on Tuesday")
                through = node.dep_ == "xcomp" and node.head.i in targets
                if node.head == node or (node != head and node.pos_ in ("VERB", "AUX") and node.i not in targets and not through):
                    break
                node = node.head
        return None

    def events(self) -> list[Event]:
        raws = EventFinder(self.table, self.excluded).find()
        out: list[Event] = []
        first_raws: list[RawEvent] = []
        for raw in raws:
            event = self._event(raw)
            k = next(
                (k for k, e in enumerate(out)
                 if _same_event(e, event) and (_refers_back(raw, e, event) or _definite(first_raws[k]))),
                None,
            )
            if k is None:
                out.append(event)
                first_raws.append(raw)
            elif _definite(first_raws[k]) and not _definite(raw):
                out[k], first_raws[k] = _fill(event, out[k]), raw  # the report of the act itself leads
            else:
                out[k] = _fill(out[k], event)
        return out

    def _event(self, raw: RawEvent) -> Event:
        sent = raw.trigger.sent
        sourcing = sourcing_for(raw.trigger, raw.anchors, self.attributions[sent.start])
        time = self.time_for(raw.trigger, raw.anchors)
        # several leavers of one "removed" are several events (raw.part names which)
        eid = make_id("evt", self.article.id, raw.type, raw.trigger.idx, *([raw.part] if raw.part else []))
        return Event(
            id=eid,
            type=raw.type,
            mode=raw.mode,
            trigger=raw.trigger.text,
            actors=tuple(raw.actors),
            recipients=tuple(raw.recipients),
            others=tuple(raw.others),
            time=time,
            count=raw.count,
            negated=raw.negated,
            modality=raw.modality,
            sourcing=sourcing,
            evidence=self.evidence(sent, raw.trigger),
            amount=amount_near(raw.trigger, raw.anchors) if raw.type in MONEY_TYPES else None,
        )

    def relations(self) -> list[Relation]:
        return [self._relation(raw) for raw in find_relations(self.table, set(), self.article.published)]

    def _relation(self, raw: RawRelation) -> Relation:
        sent = raw.cue.sent
        if raw.time_anchor is None:
            # A title in an apposition or before a name is the outlet's own description.
            sourcing = Sourcing("asserted")
        else:
            sourcing = sourcing_for(raw.cue, [], self.attributions[sent.start])
        start = None
        if raw.time_anchor is not None:
            span = self.time_for(raw.time_anchor, [])
            start = span.interval_start if span else None
        rid = make_id("rel", self.article.id, raw.type, raw.subject.id or raw.subject.name, raw.object.id or raw.object.name, raw.cue.idx)
        return Relation(rid, raw.type, raw.subject, raw.object, start, None, sourcing, self.evidence(sent, raw.cue))

    def run(self) -> Extraction:
        events = self.events()
        relations = self.relations()
        events = [_body_left(e, relations) for e in events]
        return Extraction(self.article, self.table.finished(), tuple(events), tuple(relations), tuple(self.times))


def _participants(e: Event) -> tuple[frozenset, frozenset]:
    return frozenset(r.id or r.name for r in e.actors), frozenset(r.id or r.name for r in e.recipients)


def _same_event(a: Event, b: Event) -> bool:
    """Two reports in one article of the same event: same type, polarity and modality, the same
    actors (for a meeting, the same people on either side), one's recipients within the other's
    ("sued NASA" ... "filed the lawsuit"), and overlapping times."""
    if a.type != b.type or a.negated != b.negated or a.modality != b.modality:
        return False
    (act_a, rec_a), (act_b, rec_b) = _participants(a), _participants(b)
    if a.type == "CONSULT" and (act_a | rec_a) == (act_b | rec_b):
        pass
    elif act_a != act_b or not (rec_a <= rec_b or rec_b <= rec_a):
        return False
    if a.time and b.time and a.time.interval_start and b.time.interval_start:
        return not (a.time.interval_end < b.time.interval_start or b.time.interval_end < a.time.interval_start)
    return True


def _refers_back(raw: RawEvent, first: Event, later: Event) -> bool:
    """A later mention is the same event when it refers back ("the lawsuit", "the conversations",
    "Bezos's conversations") or adds nothing new; "drawing fire from Trump" after "Trump's criticism"
    is a second act."""
    trig = raw.trigger
    anaphoric = trig.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another") for c in trig.children)
    if "denied" in (first.sourcing.status, later.sourcing.status) and first.sourcing.status != later.sourcing.status:
        return False  # a denial of a call is not the report of it
    if later.evidence.start == first.evidence.start and _elaborates(trig):
        return True  # one sentence, one act told twice: "filed a lawsuit ... challenging the award"
    if later.evidence.start == first.evidence.start and _participants(first) == _participants(later) \
            and trig.dep_ == "relcl" and not syntax.own_time(trig):
        return True  # "Palantir beat RTX, which had also bid for the program": RTX's one bid
    if anaphoric:
        return True
    return first.sourcing.status == later.sourcing.status and (not later.recipients or not first.recipients)


def _elaborates(trig: Token) -> bool:
    """A participle that says more about the act before it ("filed a lawsuit ..., challenging the
    award"), not one set at another time ("four months after selecting the company")."""
    if trig.tag_ != "VBG" or trig.dep_ not in ("acl", "advcl", "xcomp", "pcomp"):
        return False
    markers = {c.lower_ for c in trig.children if c.dep_ == "mark"} | ({trig.head.lower_} if trig.dep_ == "pcomp" else set())
    if syntax.own_time(trig):
        return False  # "has repeatedly attacked the regulator, last year accusing it of overreach": a dated instance
    return not markers & {"after", "before", "since", "following", "until", "while", "when"}


def _definite(raw: RawEvent) -> bool:
    """A definite mention of an award ("NASA's $2.9 billion contract with SpaceX", "its award of the
    contract to Microsoft") points at the award the article reports elsewhere, before or after."""
    trig = raw.trigger
    return raw.type == "CONTRACT_AWARD" and trig.pos_ == "NOUN" and (
        raw.spec.parties or any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in trig.children)
    )


def _body_left(event: Event, relations: list[Relation]) -> Event:
    """'Boeing chief executive Dave Calhoun will step down': he leaves the body the same sentence says
    he heads."""
    if event.type != "DEPART" or event.recipients or not event.actors:
        return event
    actor = event.actors[0].id
    bodies = tuple(
        r.object for r in relations
        if r.subject.id == actor and r.type in ("executive_of", "employee_of", "member_of")
        and r.evidence.start == event.evidence.start
    )
    return replace(event, recipients=bodies[:1]) if bodies else event


def _fill(first: Event, later: Event) -> Event:
    """The first report, completed by what a later mention adds: count, time, recipients."""
    recipients = first.recipients + tuple(r for r in later.recipients if r not in first.recipients and r not in first.actors)
    return replace(first, count=first.count or later.count, time=first.time or later.time, recipients=recipients)


def extract_doc(doc: Doc, article: Article) -> Extraction:
    """Extract one parsed article."""
    return DocumentExtractor(doc, article).run()


def extract_articles(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction | tuple[Article, str]]:
    """Parse and extract articles in a stream; a document that fails yields (article, reason)."""
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        try:
            yield extract_doc(doc, article)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            log.debug("extraction failed for %s", article.path or article.id, exc_info=True)
            yield article, f"extraction failed: {type(exc).__name__}: {exc}"
