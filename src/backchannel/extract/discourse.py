"""Participants the sentence leaves to the rest of the article.

A news sentence often names only part of an event and relies on its neighbours: "SpaceX won $5.9
billion" after "Space Systems Command awarded the contracts"; "Relativity Space did not bid" after
"Rocket Lab bid for the Space Force's contracts"; "Anthropic rejected the demand" after an ultimatum;
"the decision was criticised" after the sentence that says who decided. Each rule fills a missing
side only, from the nearest fitting event within a sentence or two.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import syntax

if TYPE_CHECKING:
    from .events import EventFinder, RawEvent

# Responses whose object may be an earlier act: "rejected the demand", "criticised the decision".
RESPONSE_TYPES = {"REJECT", "AGREE", "CONCEDE", "ACCUSE", "SUPPORT", "CONTRACT_PROTEST", "RETREAT"}
DEMAND_NOUNS = {"demand", "request", "ultimatum", "offer", "proposal", "plea", "appeal", "threat", "call"}
DECISION_NOUNS = {"decision", "move", "plan", "delay", "choice", "announcement", "policy", "award", "selection", "ruling"}
# What a refusal refuses, and the type of the event that made it.
REFUSED = {"protest": "CONTRACT_PROTEST", "lawsuit": "CONTRACT_PROTEST", "suit": "CONTRACT_PROTEST",
           "challenge": "CONTRACT_PROTEST", "bid": "CONTRACT_BID", "request": "REQUEST"}


# Bodies that hear protests and suits rather than award contracts.
FORUM_WORDS = ("accountability office", "court")


def is_forum(name: str) -> bool:
    """The GAO or a court: where a protest is heard."""
    return any(w in name.lower() for w in FORUM_WORDS)


# Noun events between parties that the clause around them names ("ended without agreement").
SHARED_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# "during a meeting", "at a dinner": an act done in a meeting is done by those who met.
MEETING_TIME_PREPS = {"during", "at"}
# Verbs that close one event with another: "..., ending months of negotiations".
CLOSING_VERBS = {"end", "conclude", "cap", "culminate", "follow", "close", "finish"}
# What an event came to: "ended without agreement", "ended in a deal", "months of negotiations".
RESULT_PREPS = {"without", "in", "into", "of", "to", "with"}


def host_event(noun: Token, events: list[RawEvent], meeting: bool = False) -> RawEvent | None:
    """The event whose clause holds a party-less event noun: the subject of its verb ("the meeting
    ended without agreement"), or the main event a closing clause follows ("reached an accord ...,
    ending months of negotiations"); for a meeting, the act done during it ("berated Zelensky during
    a meeting at the White House": both sides met)."""
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "the defense secretary's trip": its own party, even unresolved
    by_trigger = {e.trigger.i: e for e in events}
    node = noun
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if meeting and node.pos_ == "ADP" and node.lower_ in MEETING_TIME_PREPS and node.head.i in by_trigger:
            return by_trigger[node.head.i]
        if node.pos_ == "ADP" and node.lower_ not in RESULT_PREPS:
            return None  # "took place during the trip" is when, not what came of it
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_trigger]
        if subjects:
            return by_trigger[subjects[0].i]
        if node.lemma_ in CLOSING_VERBS and node.dep_ in ("advcl", "conj", "xcomp"):
            main = node.head
            for cand in [main, *(c for c in main.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]:
                if cand.i in by_trigger:
                    return by_trigger[cand.i]
        return None
    return None


def _nearest(events: list[RawEvent], raw: RawEvent, keep: Callable[[RawEvent], bool], within: int | None) -> RawEvent | None:
    """The event closest to ``raw`` that ``keep`` accepts, at most ``within`` sentences away."""
    here = syntax.sentence_index(raw.trigger)
    found = [
        e for e in events
        if e is not raw and keep(e) and (within is None or abs(syntax.sentence_index(e.trigger) - here) <= within)
    ]
    return min(found, key=lambda e: abs(e.trigger.i - raw.trigger.i)) if found else None


def _public_award(e: RawEvent) -> bool:
    return e.type == "CONTRACT_AWARD" and bool(e.actors) and all(a.kind == "PublicBody" for a in e.actors)


def complete(events: list[RawEvent], finder: EventFinder) -> None:
    """Fill the sides a sentence leaves out from the events around it."""
    for raw in events:
        if raw.type == "CONTRACT_AWARD" and not raw.actors and raw.recipients:
            award = _nearest(events, raw, _public_award, within=2)
            if award:
                raw.actors = list(award.actors)
            else:  # "influenced the choice of Microsoft" after "the Pentagon's JEDI contract"
                raw.actors = [a for a in contract_owner(raw.trigger, finder) if a not in raw.recipients]
        if raw.type in ("CONTRACT_BID", "CONTRACT_PROTEST") and not raw.recipients:
            award = _nearest(events, raw, _public_award, within=2)
            if award:
                raw.recipients = [a for a in award.actors if a not in raw.actors]
            else:
                same = _nearest(events, raw, lambda e: e.type == raw.type and bool(e.recipients), within=1)
                # "Blue Origin bid for the work ... the watchdog turned down its protest": the body its
                # own bid or protest went to, however far back
                same = same or _nearest(
                    events, raw,
                    lambda e: e.type in ("CONTRACT_BID", "CONTRACT_PROTEST") and bool(e.recipients) and bool(set(e.actors) & set(raw.actors)),
                    within=None,
                )
                if same:
                    raw.recipients = [r for r in same.recipients if r not in raw.actors]
            if not raw.recipients:
                raw.recipients = _contracting_body(raw, events, finder)
        if raw.type == "REJECT" and not raw.recipients:
            wanted = {REFUSED[o.lemma_.lower()] for o in syntax.objects(raw.trigger) if o.lemma_.lower() in REFUSED}
            refused = _nearest(events, raw, lambda e: e.type in wanted and bool(e.actors), within=None)
            if refused:
                raw.recipients = [a for a in refused.actors if a not in raw.actors]
        if raw.type == "DONATE" and not raw.recipients and _same_again(raw):
            # "Amazon has pledged the same amount": to whom the donation just reported went
            earlier = _nearest(events, raw, lambda e: e.type == "DONATE" and bool(e.recipients) and e.trigger.i < raw.trigger.i, within=1)
            if earlier:
                raw.recipients = [r for r in earlier.recipients if r not in raw.actors]
    for raw in events:
        if not raw.recipients and raw.type in RESPONSE_TYPES:
            _answer(raw, events, finder)


def _contracting_body(raw: RawEvent, events: list[RawEvent], finder: EventFinder) -> list:
    """The body a bid or protest with none named goes to: the awarding body of the last award the
    article reported, else the owner of the last contract it named ("the Pentagon's JEDI contract
    ... Oracle, which also bid for the contract"), else the one public body the article names besides
    courts and the GAO ("NASA will open its contract ... a move that could let Blue Origin compete")."""
    earlier = [e for e in events if _public_award(e) and e.trigger.i < raw.trigger.i]
    if earlier:
        return [a for a in earlier[-1].actors if a not in raw.actors]
    owner = contract_owner(raw.trigger, finder)
    if owner:
        return [a for a in owner if a not in raw.actors]
    bodies = {e.id: e for e in finder.table.entities.values()
              if e.kind == "PublicBody" and not is_forum(e.name)}
    if len(bodies) == 1:
        return [finder.table.ref(next(iter(bodies.values())))]
    return []


# Nouns for what is awarded, whose possessor or modifier names the body that awards it.
CONTRACT_NOUNS = {"contract", "program", "programme", "competition", "procurement", "solicitation", "tender"}


def contract_owner(trigger: Token, finder: EventFinder) -> list:
    """The public body named as the owner of the last contract the text mentions up to this word
    ("the Pentagon's $10 billion JEDI cloud computing contract", "the Air Force's program")."""
    for tok in reversed(finder.doc[: trigger.i + 1]):
        if tok.lemma_.lower() not in CONTRACT_NOUNS or tok.pos_ != "NOUN":
            continue
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.i not in finder.excluded]
        bodies = [finder.table.ref(e) for e in (finder.table.entity_at(c) for c in owners) if e is not None and e.kind == "PublicBody"]
        if bodies:
            return bodies
    return []


def _same_again(raw: RawEvent) -> bool:
    """'pledged the same amount', 'gave a similar sum': a repeat of an act the text just reported."""
    heads = syntax.objects(raw.trigger) + ([raw.trigger] if raw.trigger.pos_ == "NOUN" else [])
    return any(c.dep_ == "amod" and c.lower_ in ("same", "similar", "matching", "identical") for o in heads for c in o.children)


def _answer(raw: RawEvent, events: list[RawEvent], finder: EventFinder) -> None:
    """'rejected the demand': the one who made it; 'the decision was criticised': who decided."""
    objs = syntax.objects(raw.trigger) + [c for c in raw.trigger.children if c.dep_ == "nsubjpass"]
    if raw.trigger.pos_ == "NOUN" and raw.anchors:  # "the decision drew criticism from Democrats"
        objs += [c for c in raw.anchors[0].children if c.dep_ == "nsubj"]
    for obj in objs:
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
            continue
        lemma = obj.lemma_.lower()
        if lemma in DECISION_NOUNS:
            raw.recipients = _decider(raw, finder)
        else:
            # "rejected the demand": who made it; "condemned the sanctions": who imposed them
            types = {"REQUEST", "THREATEN"} if lemma in DEMAND_NOUNS else finder.trigger_types(obj) - {raw.type}
            earlier = [e for e in events if e.trigger.i < raw.trigger.i and e.type in types and e.actors]
            if earlier:
                raw.recipients = [r for r in earlier[-1].actors if r not in raw.actors]
        if raw.recipients:
            return


def _decider(raw: RawEvent, finder: EventFinder) -> list:
    """Who made 'the move' a reaction answers: the subject of the sentence before, or of the one before
    that when it names no one else; a speaker counts ("He told reporters ... Polis condemned the move")."""
    sent = raw.trigger.sent
    for _ in range(2):
        if sent.start == 0:
            return []
        sent = finder.doc[sent.start - 1].sent
        subjects = [t for s in sent.root.children if s.dep_ == "nsubj" for t in syntax.with_conjuncts(s)]
        named = [finder.table.entity_at(t) for t in subjects]
        found = [finder.table.ref(e) for e in named if e is not None and e.kind in ("Person", "PublicBody", "Company", "Organization")]
        found = [r for r in found if r not in raw.actors]
        if found:
            return found
    return []
