"""Events that are parts of others: a purpose clause or an event noun folded into the verb that
governs it ("visited the White House to meet with X" is one visit), and acts that are only
threatened or asked for, which have not happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax

if TYPE_CHECKING:
    from .events import RawEvent


def fold_purpose_clauses(events: list[RawEvent]) -> list[RawEvent]:
    """'visited the White House to meet with X' is one visit, 'submitted a bid' one bid: fold the
    purpose clause or the event noun into the verb that governs it."""
    by_trigger = {e.trigger.i: e for e in events}
    out = []
    for event in events:
        parent = by_trigger.get(event.trigger.head.i)
        if parent is None and event.trigger.dep_ == "pobj":  # "won the largest share of the awards"
            parent = by_trigger.get(event.trigger.head.head.i)
        through = event.trigger.head
        if parent is None and event.trigger.dep_ in ("advcl", "xcomp") and through.dep_ in ("xcomp", "advcl"):
            # "agreed to pay $16 million to settle a lawsuit": the settling is the agreement's, through "pay"
            above = by_trigger.get(through.head.i)
            parent = above if above is not None and above.type == event.type else None
        if parent is not None and event.type == "AGREE" and event.trigger.pos_ == "NOUN" and parent is not event:
            continue  # "signed the block-buy deal with ULA": the deal is what the signing event is about
        if parent is not None and parent.type in ("SANCTION", "RETREAT") \
                and event.type == "CONTRACT_AWARD" and event.trigger.pos_ == "NOUN" and event.trigger.dep_ == "dobj":
            continue  # "terminated its contract with Accenture": the contract is what is ended, not an award made then
        if parent is not None and parent.type == "REQUEST" and event.trigger.dep_ in ("dobj", "ccomp") and event.trigger.pos_ == "NOUN":
            # "demanded Whitaker's resignation": what is demanded has not happened; it is whom it is asked of
            if not parent.recipients:
                parent.recipients = [r for r in event.actors + event.recipients if r not in parent.actors]
            continue
        if parent is not None and parent.type in ("ACCUSE", "CONTRACT_PROTEST") and parent.trigger.lemma_ in ("sue", "lawsuit", "suit") \
                and event.trigger.dep_ in ("xcomp", "advcl", "acl") and any(c.lower_ == "to" for c in event.trigger.children):
            continue  # "sued to block the deal", "sued to overturn the award": the aim of a lawsuit, not an act
        light_parent = next((e for e in events if e.anchors and e.anchors[0].i == event.trigger.head.i and e is not event), None)
        threat = parent if parent is not None and parent.type == "THREATEN" else light_parent
        if threat is not None and threat.type == "THREATEN" and event.type == "REQUEST" and event.trigger.dep_ in ("advcl", "acl"):
            continue  # "issued an ultimatum to Anthropic, telling the company to drop its limits": one act
        light = event.anchors[0] if event.anchors and event.trigger.pos_ == "NOUN" else None
        asked = by_trigger.get(light.head.i) if light is not None and light.dep_ == "xcomp" else None
        if asked is not None and asked.type in ("THREATEN", "REQUEST") and asked is not event:
            # "threatened to impose a 100% tariff": the tariff is what is threatened, not an act
            if not asked.recipients:
                asked.recipients = [r for r in event.recipients if r not in asked.actors]
            continue
        if parent is not None and parent.type in ("THREATEN", "REQUEST") and event.trigger.dep_ == "xcomp":
            # "threatened to cancel the contracts": the cancelling is what is threatened, not an act
            if not parent.recipients:
                parent.recipients = [r for r in event.recipients if r not in parent.actors]
            continue
        conj_visit = (
            parent is not None and event.trigger.dep_ == "conj" and parent.mode == "visit" and parent.actors == event.actors
        )  # "visited the Pentagon and met Pete Hegseth"
        # a clause with a subject of its own is a statement of its own ("confirmed X, after Trump nominated him")
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in event.trigger.children)
        if (
            parent is not None
            and parent is not event
            and parent.type == event.type
            and event.trigger.dep_ == "advcl"
            and syntax.own_time(event.trigger)
        ):
            out.append(event)  # "has repeatedly attacked the regulator, last year accusing it": a dated instance
            continue
        if (
            parent is not None
            and parent is not event
            and parent.type == event.type
            and ((event.trigger.dep_ in ("advcl", "xcomp", "dobj", "pobj") and not own_subject) or conj_visit)
            # "chose not to award it to Boeing, opting instead for Northrop": the other choice is an act of its own
            and (event.trigger.dep_ != "advcl" or event.negated == parent.negated)
        ):
            if not parent.actors:
                parent.actors = [r for r in event.actors if r not in parent.recipients]
            parent.recipients += [r for r in event.recipients if r not in parent.recipients]
            parent.negated = parent.negated or event.negated  # "chose not to award the contract to Boeing"
            parent.others += [r for r in event.others if r not in parent.others and r not in parent.recipients]
            continue
        out.append(event)
    return out
