"""Events from triggers and the arguments of the same clause.

A verb trigger ("met", "criticized", "competing") takes its subject as actor and its objects and
type-specific prepositions as recipients; the passive swaps them ("was criticized by"). A noun
trigger ("conversations", "criticism") takes its possessor and prepositions, and when it is the
object of a light verb ("held two conversations", "renewed criticism") that verb's subject; an
inverse light verb ("drew fire from Trump") makes its subject the recipient. Never co-occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from .. import ontology
from ..model import EntityRef
from ..ontology import Trigger
from . import discourse, syntax
from .event_words import (
    ACQUIRE_VERBS,
    AGENT_NOUNS,
    AID_NOUNS,
    COMPOUND_ACTOR_NOUNS,
    CONTRACT_OBJECTS,
    GIVE_VERBS,
    HONOR_WORDS,
    HYPOTHETICAL_MARKS,
    LETTER_NOUNS,
    NUMBER_WORDS,
    OFFICE_TITLES,
    OPPOSED_BY,
    PAYING_VERBS,
    PHYSICAL_TARGETS,
    PLAN_VERBS,
    POST_NOUNS,
    PROCUREMENT_VERBS,
    ROLE_NOUNS,
    TIME_PREPS,
    TRADE_FLOWS,
)
from .folding import fold_purpose_clauses
from .triggers import matching_triggers, sanctions_list
from .entities import DocEntities
from .participants import EVENT_NOUNS, ParticipantReader

@dataclass
class RawEvent:
    """An event under construction, before ids and evidence are attached."""

    trigger: Token
    spec: Trigger
    type: str
    mode: str | None = None
    actors: list[EntityRef] = field(default_factory=list)
    recipients: list[EntityRef] = field(default_factory=list)
    others: list[EntityRef] = field(default_factory=list)
    anchors: list[Token] = field(default_factory=list)  # light verb, clause verbs: for time and sourcing
    count: int | None = None
    negated: bool = False
    modality: str = "actual"
    excluded: frozenset[int] = frozenset()
    parts: list[tuple[EntityRef, list[EntityRef]]] = field(default_factory=list)  # (leaver, bodies) when several
    part: str | None = None  # which of several leavers of one trigger this event is


def _own_company(actors: list[EntityRef], ref: EntityRef) -> bool:
    """True when the gazetteer has one of the actors found, run or own this organisation."""
    gaz = ontology.gazetteer()
    target = gaz.lookup(ref.name)
    if target is None:
        return False
    entries = [gaz.lookup(actor.name) for actor in actors]
    return any(gaz.lookup(role.of) is target for entry in entries if entry is not None for role in entry.roles)


RECEIVING_KINDS = ("Company", "Organization")  # who contracts go to


class EventFinder(ParticipantReader):
    """Find the events of one document."""

    def __init__(self, table: DocEntities, excluded: set[int]):
        super().__init__(table, excluded)
        self.ont = ontology.events()
        self.award_sentences: set[int] = set()  # starts of sentences that report an award by a public body

    # -- participants -----------------------------------------------------------------------
    def find(self) -> list[RawEvent]:
        events: list[RawEvent] = []
        orphans: list[tuple[Token, Trigger]] = []  # meeting and agreement nouns with no parties of their own
        for token in self.doc:
            if token.i in self.excluded:
                continue
            if token.ent_type_ and token.ent_type_ not in ("DATE", "CARDINAL", "ORDINAL"):
                continue  # part of a name: "Blue Origin Federation", "Space Station"
            specs = matching_triggers(token, self.kind_of)
            if len(specs) > 1:  # a trigger whose type's own context words are present goes first
                window = {t.lower_ for t in self.doc[_previous_start(token.sent) : token.sent.end]} | {
                    t.lemma_.lower() for t in token.sent
                }
                specs.sort(key=lambda sp: not (sp.context and sp.context & window))
            for spec in specs:
                raw = self._event_for(token, spec)
                if raw is not None:
                    if raw.type == "CONTRACT_AWARD" and any(a.kind == "PublicBody" for a in raw.actors):
                        self.award_sentences.add(token.sent.start)
                    events.extend(_split_parts(raw))
                    break
            else:
                if specs and specs[0].pos == "NOUN" and specs[0].type in discourse.SHARED_TYPES:
                    orphans.append((token, specs[0]))
        events = fold_purpose_clauses(events)
        events += [e for e in (self._shared_event(t, spec, events) for t, spec in orphans) if e is not None]
        discourse.complete(events, self)
        return events

    def _last_office_body(self, before: Token) -> list[EntityRef]:
        """The body of the last office the text named before this word ("as secretary of the Air Force")."""
        for tok in reversed(self.doc[: before.i]):
            if tok.lemma_.lower() in OFFICE_TITLES and tok.pos_ in ("NOUN", "PROPN"):
                bodies = [r for r in self.refs(syntax.title_owners(tok)) if r.kind in ("PublicBody", "Company", "Organization")]
                if bodies:
                    return bodies
        return []

    def trigger_types(self, token: Token) -> set[str]:
        """The event types a word can trigger ("sanctions": SANCTION)."""
        return {t.type for t in matching_triggers(token, self.kind_of)}

    def _titled_leaver(self, title: Token) -> tuple[EntityRef, list[EntityRef]] | None:
        """(person, bodies) for 'the Navy's top officer, Admiral Lisa Franchetti'."""
        people = [r for r in self.refs([title]) if r.kind == "Person"]
        bodies = [r for r in self.refs(syntax.title_owners(title)) if r.kind != "Person"]
        return (people[0], bodies) if people and bodies else None

    def _shared_event(self, noun: Token, spec: Trigger, events: list[RawEvent]) -> RawEvent | None:
        """'A meeting between X, Y and Z ended without agreement', 'reached an accord with the Pentagon,
        ending months of negotiations': a meeting or agreement noun with no parties of its own is
        between the parties of the event whose clause holds it."""
        host = discourse.host_event(noun, events, meeting=spec.type == "CONSULT")
        if host is None:
            return None
        parties = host.actors + [r for r in host.recipients if r not in host.actors]
        if len(parties) < 2:
            return None
        raw = RawEvent(noun, spec, spec.type, actors=parties, anchors=[noun.head] if noun.head.pos_ in ("VERB", "AUX") else [])
        if not self._retype(raw):
            return None
        raw.mode = self._mode(raw)
        if raw.type == "CONSULT":
            # "during a meeting at the White House": the body whose premises they met on was met too
            # (who visited whom the clause does not say, so the parties stay one side)
            raw.recipients += [r for r in self.refs(syntax.prep_objects(noun, ("at",)))
                               if r.kind == "PublicBody" and r not in raw.actors and r not in raw.recipients]
        raw.negated = self._negated(raw) or noun.head.lower_ == "without"
        raw.modality = self._modality(raw)
        raw.count = self._count(raw)
        return raw

    def _event_for(self, token: Token, spec: Trigger) -> RawEvent | None:
        """The event a trigger makes, or None when its clause does not make it one."""
        governor = token.head.head if token.dep_ == "pcomp" else token.head if token.dep_ == "xcomp" else None
        if governor is not None and governor.lemma_ in OPPOSED_BY:
            return None  # "objected to hosting an official": what is opposed did not happen
        raw = self.verb_event(token, spec) if spec.pos == "VERB" else self.noun_event(token, spec)
        if raw is None:
            return None
        _drop_self_loops(raw)
        # A noun with no actor is a topic, not a report of an act ("Musk's subsidies"); a verb with
        # no actor is an imperative ("visit our website") unless passive or its subject receives.
        # "a gunman shot at Trump", "demonstrators rallied against Musk": a real but unnamed doer
        subj = syntax.subjects(token) if spec.pos == "VERB" else []
        has_subject = any(t.lemma_.lower() in AGENT_NOUNS for t in subj + syntax.prep_objects_of(subj, ("of",)))
        if not raw.actors and (spec.pos == "NOUN" or not (spec.inverse or syntax.is_passive(token) or has_subject)):
            return None
        if spec.needs_recipient and not raw.recipients and len(raw.actors) < 2:
            return None  # "discussed the budget" alone is no meeting; "Musk and Trump spoke" is one
        if not any(r.id for r in raw.actors + raw.recipients):
            return None  # "faces scrutiny from regulators": no one the reader could look up
        if spec.person and not any(r.kind == "Person" for r in (raw.actors if spec.object_leaves else raw.recipients)):
            return None
        if not self._retype(raw):
            return None
        raw.mode = self._mode(raw)
        if raw.type == "CONSULT" and raw.mode is None:
            self._meeting_place(raw)
        raw.negated = self._negated(raw)
        raw.modality = self._modality(raw)
        raw.count = raw.count if raw.count is not None else self._count(raw)
        return raw

    def verb_event(self, verb: Token, spec: Trigger) -> RawEvent:
        raw = self._verb_event(verb, spec)
        if spec.object_leaves:
            # "Ortberg removed Ted Colbert as head of Boeing Defense": Colbert leaves; who removed him
            # is not the one leaving
            held = syntax.passive_subjects(verb) if syntax.is_passive(verb) else syntax.objects(verb)
            leavers = [r for r in self.refs(held) if r.kind == "Person"]  # "Whitaker was fired by Trump": Whitaker
            if leavers:
                raw.actors = leavers
                bodies = self.refs([o for title in syntax.prep_objects(verb, ("as",)) for o in syntax.title_owners(title)])
                raw.recipients = bodies
                # "removed the Navy's top officer, Admiral Lisa Franchetti, and the Air Force's vice chief,
                # General James Slife": each leaves the body their own title names
                titles = held + [c for h in held for a in h.children if a.dep_ == "appos" for c in a.conjuncts]
                raw.parts = [p for p in (self._titled_leaver(h) for h in titles) if p is not None] if not bodies else []
        if spec.type == "DEPART" and verb.lemma_ in ("withdraw", "pull"):
            # "withdrew the nomination of Jared Isaacman to lead NASA": the nominee leaves the race
            for nomination in syntax.objects(verb):
                # "the nomination of Jared Isaacman", "the billionaire's first nomination"
                nominees = self.refs(syntax.prep_objects(nomination, ("of",)) + [c for c in nomination.children if c.dep_ == "poss"])
                if not nominees:  # "nominated the billionaire twice and pulled the first nomination"
                    nominating = [v for v in (verb.head, *verb.children) if v.lemma_ in ("nominate", "renominate") and v != verb]
                    nominees = [r for v in nominating for r in self.refs(syntax.objects(v)) if r.kind == "Person"]
                    raw.actors = []  # whoever pulls a nomination is not the one leaving
                if nominees:
                    raw.actors = nominees
                    clauses = [a for a in nomination.subtree if a.dep_ in ("acl", "relcl")]
                    clauses += [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in ("lead", "head", "run")]
                    raw.recipients = [r for a in clauses for r in self.refs(syntax.objects(a))]
        raw.actors += [r for r in self._on_behalf(verb) + self._companions(verb) if r not in raw.actors]
        if not raw.actors and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("after", "before", "since", "by"):
            # "awarded X a contract to design ..., four months after selecting the company": the parser
            # hangs the time phrase low; its doer is the sentence's subject
            raw.actors = [r for r in self.refs(syntax.subjects(verb.sent.root)) if r not in raw.recipients]
        if not raw.actors and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.lemma_ in ontology.sourcing()["speech_verbs"]:
            # "..., acting Administrator Sean Duffy said, criticising SpaceX": the speaker acts in speaking,
            # though as the source of the rest of the sentence he is never its participant
            speakers = [self.table.entity_at(c) for c in verb.head.children if c.dep_ == "nsubj"]
            raw.actors = [self.table.ref(e) for e in speakers if e is not None]
        if spec.type == "THREATEN" and not raw.recipients:
            # "threatened to cancel the contracts held by Elon Musk's companies", "warned that the company ..."
            for comp in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
                # not the threatener's own company ("threatened to decommission SpaceX's Dragon capsule")
                found = [r for r in self._first_actor_inside(comp) if not _own_company(raw.actors, r)]
                raw.recipients = raw.recipients or found
        sender = verb.head.head if verb.dep_ == "acl" and verb.head.lemma_ in LETTER_NOUNS else verb.head
        if spec.type in ("REQUEST", "ACCUSE", "THREATEN", "SUPPORT") and verb.dep_ in ("advcl", "acl") \
                and sender.lemma_ in ("send", "write", "deliver", "address") and not raw.recipients:
            # "sent a letter to SpaceX asking about its investors": the writer asks the letter's addressee
            raw.actors = raw.actors or self.refs(syntax.subjects(sender))
            to = [c for c in sender.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"]
            addressed = [o for c in to for o in c.children if o.dep_ == "pobj"] + syntax.prep_objects_of(syntax.objects(sender), ("to",))
            raw.recipients = [r for r in self.refs(addressed) if r not in raw.actors]
        if spec.type in ("REQUEST", "LOBBY", "THREATEN", "SUPPORT") and not raw.recipients and verb.dep_ in ("xcomp", "advcl"):
            # "telephoned Frank Kendall to press for more missions": the purpose of a contact is
            # addressed to whoever was contacted
            head = verb.head
            if any(t.type == "CONSULT" for t in matching_triggers(head, self.kind_of)):
                contacted = self.refs(syntax.objects(head) + syntax.prep_objects(head, ("with",)))
                raw.recipients = [r for r in contacted if r not in raw.actors]
        if spec.type in ("AGREE", "COOPERATE", "REQUEST") and not raw.recipients:
            # "agreed to work with Anduril", "pressed to meet with NASA"
            for comp in (c for c in verb.children if c.dep_ == "xcomp"):
                raw.recipients += [r for r in self.refs(syntax.prep_objects(comp, ("with", "to"))) if r not in raw.recipients]
                if spec.type == "AGREE" and comp.lemma_ in ACQUIRE_VERBS:  # "agreed to buy Aerojet"
                    raw.recipients += [r for r in self.refs(syntax.objects(comp)) if r not in raw.recipients]
                if spec.type == "AGREE" and comp.lemma_ in GIVE_VERBS:  # "agreed to hand the government 15%"
                    given = [c for c in comp.children if c.dep_ == "dative"]
                    raw.recipients += [r for r in self.refs(given) if r not in raw.recipients and r not in raw.actors]
        if spec.type == "DEPART" and not [r for r in raw.recipients if r.kind != "Person"]:
            # "He succeeds Frank Kendall, who left the post in January": the post the text last named
            posts = [o for o in syntax.objects(verb) if o.lemma_.lower() in POST_NOUNS and not self.refs([o])]
            if posts:
                raw.recipients += [r for r in self._last_office_body(verb) if r not in raw.recipients]
        if spec.to_list and not raw.actors:
            # "was added to the Commerce Department's entity list": whose list it is
            lists = [o for o in syntax.prep_objects(verb, ("to", "on")) if sanctions_list(o)]
            raw.actors = self.refs([c for o in lists for c in o.children if c.dep_ in ("poss", "compound")])
        if spec.type in ("SANCTION", "AID", "DONATE") and not raw.recipients and not syntax.is_passive(verb):
            # "fined Apple 1.8 billion euros": the parser makes the name a modifier of the amount
            raw.recipients = [r for r in self.names_listed_after(verb, RECEIVING_KINDS + ("Person", "PublicBody"))
                              if r not in raw.actors]
        if spec.type == "SANCTION" and not [r for r in raw.recipients if r not in raw.actors]:
            # "terminated its contract with Accenture Federal Services": the other party to the contract
            deals = [o for o in syntax.objects(verb) if o.lemma_.lower() in CONTRACT_OBJECTS]
            raw.recipients = [r for r in self.refs(syntax.prep_objects_of(deals, ("with", "to"))) if r not in raw.actors]
        if spec.type == "SANCTION" and not raw.recipients:
            # "banned further deliveries of RD-180 engines to the United States": where the trade went
            flows = [o for o in syntax.objects(verb) if o.lemma_.lower() in TRADE_FLOWS]
            holders = [verb, *flows] if flows else []  # the parser often hangs "to" on the verb
            raw.recipients = [r for r in self.refs(syntax.prep_objects_of(holders, ("to",))) if r not in raw.actors]
        if spec.type == "SANCTION" and not raw.recipients:
            # "sanctioned Russian banks", "duties on Chinese steel": the country whose firms or goods are hit
            hit = syntax.objects(verb) + syntax.prep_objects(verb, ("on", "against"))
            raw.recipients = [r for t in hit for r in self.countries_named_by(t) if r not in raw.actors]
        if spec.type == "AGREE" and verb.lemma_ in ("approve", "clear"):
            # "cleared Chevron's takeover of Hess": both sides of the deal the regulator agreed to
            for obj in syntax.objects(verb):
                sides = [c for c in obj.children if c.dep_ == "poss"] + syntax.prep_objects(obj, ("of", "with", "by"))
                raw.recipients += [r for r in self.refs(sides) if r not in raw.recipients and r not in raw.actors]
        if spec.type == "RETREAT":
            # "reversing a 2023 decision by his predecessor, Joe Biden": undoing another's act rejects it;
            # "reversed its decision" is a retreat
            objs = syntax.objects(verb)
            owners = self.refs([c for o in objs for c in o.children if c.dep_ == "poss"]
                               + syntax.prep_objects_of([verb, *objs], ("by",)))
            others = [r for r in owners if r not in raw.actors]
            if others:
                raw.type, raw.recipients = "REJECT", others
        if raw.type == "RETREAT" and not [r for r in raw.recipients if r not in raw.actors]:
            # "dropped its challenge to Microsoft's acquisition", "lifted its tariffs on China": whom it was aimed at
            aimed = syntax.prep_objects_of([verb, *syntax.objects(verb)], ("to", "against", "on", "into"))
            raw.recipients = [r for r in self.refs(aimed) if r not in raw.actors]
        if spec.object_bids:
            # "won the contract, beating Pratt & Whitney" / "beating rival bids from Austal USA and HII": the
            # ones beaten bid for it; the winner is the award's, the body the award's (see discourse)
            objs = syntax.objects(verb)
            bidders = self.refs(syntax.prep_objects_of(objs, ("from", "by")) + [o for o in objs if self.table.entity_at(o)])
            winners = raw.actors
            found = bidders
            raw.actors = list(dict.fromkeys(r for r in found if r.kind in RECEIVING_KINDS and r not in winners))
            raw.recipients = []
        if spec.type == "CONTRACT_AWARD" and not spec.inverse and not syntax.is_passive(verb):
            # "awarded SpaceX and L3Harris Technologies contracts": the parser breaks such lists
            listed = self.names_listed_after(verb, RECEIVING_KINDS)
            raw.recipients += [r for r in listed if r not in raw.recipients and r not in raw.actors]
        if spec.type == "CONTRACT_PROTEST":
            _forums_to_others(raw)
        if spec.from_loses:
            # "reassigned a launch from ULA to SpaceX": ULA loses the work, SpaceX receives it
            holders = [verb] + syntax.objects(verb)
            losers = self.refs(syntax.prep_objects_of(holders, ("from",)))
            losers += [r for o in syntax.objects(verb) for r in self._entities_inside(o) if r not in losers]
            raw.recipients = [r for r in raw.recipients if r not in losers]
            raw.others += [r for r in losers if r not in raw.others and r not in raw.actors]
        return raw

    def _verb_event(self, verb: Token, spec: Trigger) -> RawEvent:
        raw = RawEvent(verb, spec, spec.type, anchors=self._clause_anchors(verb))
        if syntax.is_passive(verb) and spec.inverse:
            # the roles of "host", "win", "succeed" turn round with the voice: "Musk was hosted by
            # Trump" (Musk visits), "the contract was won by SpaceX", "she will be succeeded by Taiclet"
            raw.recipients = self.refs(syntax.agents(verb))
            held = syntax.passive_subjects(verb)
            if spec.object_is_topic:
                raw.others = [r for r in self.refs(held) if r not in raw.recipients]
            elif spec.type == "CONSULT":
                raw.actors = [r for r in self._people_in(held) if r not in raw.recipients]
                # "was hosted by Trump at the White House": the place hosts too
                raw.recipients += [r for r in self.refs(syntax.prep_objects(verb, ("at",))) if r not in raw.recipients and r.kind == "PublicBody"]
            else:  # "NASA's contract was won by SpaceX": NASA gave it
                raw.actors = [r for h in held for r in self._entities_inside(h) if r.kind != "Programme"]
            raw.actors += [r for r in self.refs(syntax.prep_objects(verb, ("from",))) if r not in raw.actors]
        elif syntax.is_passive(verb):
            raw.actors = self.refs(syntax.agents(verb))
            raw.recipients = self.refs(syntax.passive_subjects(verb) + syntax.prep_objects(verb, spec.recipients))
        elif spec.inverse:
            raw.recipients = self.refs(syntax.subjects(verb))
            raw.actors = self.refs(syntax.prep_objects(verb, ("from", "by")))
            for obj in syntax.objects(verb):
                if spec.type == "CONSULT":  # "hosted Musk", "hosted a dinner for Musk" ("for" on the verb too)
                    guests = self.refs(syntax.prep_objects(obj, ("for",)) + syntax.prep_objects(verb, ("for",)))
                    raw.actors.extend(r for r in self._people_in([obj]) + guests if r not in raw.actors and r not in raw.recipients)
                    # "hosted Altman at the White House": the place hosts too
                    raw.recipients += [r for r in self.refs(syntax.prep_objects(verb, ("at", "to"))) if r not in raw.recipients and r.kind == "PublicBody"]
                elif spec.object_is_topic:  # "succeeded Marillyn Hewson": the predecessor is no party
                    raw.others.extend(r for r in self.refs([obj]) if r not in raw.others)
                else:  # "won National Security Space Launch contracts from Space Systems Command"
                    raw.actors.extend(r for r in self._entities_inside(obj) if r not in raw.actors and r.kind != "Programme")
        else:
            raw.actors = self.names_listed_before(syntax.subjects(verb))
            objs = syntax.objects(verb)
            preps = spec.recipients
            if spec.type == "ACCUSE":
                preps = tuple(p for p in preps if p != "on")  # "lashed out at Musk on Truth Social", "on Friday"
            if spec.mode == "visit" and objs:
                # "visit the White House with Sam Altman": companions are visitors too
                preps = tuple(p for p in preps if p != "with")
                raw.actors += [r for r in self.refs(syntax.prep_objects(verb, ("with",))) if r not in raw.actors]
            # "discussed the budget with Trump": what is discussed is no participant
            raw.recipients = self.refs(([] if spec.object_is_topic else objs) + syntax.prep_objects(verb, preps))
            if not raw.recipients and objs and not spec.object_is_topic and not self.refs(objs):
                # "funding a study by Northrop Grumman", "criticized a decision by the Pentagon": in an
                # active clause the parser hangs the object's "by" on the verb
                raw.recipients = [r for r in self.refs(syntax.prep_objects(verb, ("by",))) if r not in raw.actors]
            if not raw.recipients and spec.recipients:
                # the parser hangs "to America PAC" on a noun of the clause: look one level down, and
                # through "of" ("signed a memorandum of understanding with the Space Force")
                all_preps = tuple({c.lower_ for c in verb.children if c.dep_ == "prep"})
                holders = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")] + syntax.prep_objects(verb, all_preps)
                holders += syntax.prep_objects_of(holders, ("of",))
                for child in holders:
                    raw.recipients += [r for r in self.refs(syntax.prep_objects(child, spec.recipients)) if r not in raw.recipients]
            if not objs and spec.type in ("APPOINT", "DEPART", "REQUEST"):
                # "renominated Jared Isaacman to lead NASA" parsed as a clause with its own subject
                for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
                    raw.recipients += [r for r in self.refs([s for s in comp.children if s.dep_ == "nsubj"]) if r not in raw.recipients]
            if spec.type == "DEPART" and not raw.recipients:
                # "stepped down as chief executive of Amazon"
                for title in syntax.prep_objects(verb, ("as",)):
                    raw.recipients += [r for r in self.refs(syntax.title_owners(title)) if r not in raw.recipients]
            if spec.type in ("DEPART", "APPOINT"):
                # "left his government role with DOGE", "left his post leading DOGE", "named him head of NASA";
                # "named Kelly Ortberg chief executive" read as a predicate noun with the name inside it
                for obj in objs or [c for c in verb.children if c.dep_ == "oprd"]:
                    inside = self._entities_inside(obj) + self.refs(
                        [o for a in obj.children if a.dep_ in ("acl", "relcl") for o in syntax.objects(a)]
                    )
                    raw.recipients.extend(r for r in inside if r not in raw.recipients and (spec.type == "APPOINT" or r.kind != "Person"))
                if spec.type == "DEPART" and not [r for r in raw.recipients if r.kind != "Person"]:
                    # the parser hangs "leading X" on the verb ("left his post leading DOGE")
                    heads = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in ("lead", "head", "run")]
                    raw.recipients = [r for h in heads for r in self.refs(syntax.objects(h)) if r.kind != "Person"]
            if spec.type == "CONTRACT_BID":
                # "submitted a proposal to NASA", "bid for the NASA contract"
                for target in syntax.prep_objects(verb, ("for", "to")) + objs:
                    raw.recipients.extend(r for r in self._bodies_inside(target) if r not in raw.recipients)
                raw.others = [r for r in self.refs(syntax.prep_objects(verb, ("with", "against"))) if r not in raw.recipients]
        return raw

    def noun_event(self, noun: Token, spec: Trigger) -> RawEvent | None:
        if spec.parties:
            return self.parties_event(noun, spec)
        raw = RawEvent(noun, spec, spec.type)
        head = noun.head
        actor_preps = set(spec.actors)
        recipient_preps = set(spec.recipients) - actor_preps
        possessors = self.refs([c for c in noun.children if c.dep_ == "poss"])
        of_refs = self.refs(syntax.prep_objects(noun, ("of",))) if spec.poss_recipient else []
        if spec.poss_recipient and not of_refs:
            raw.recipients, possessors = possessors, []  # "Isaacman's nomination"
        elif of_refs:
            raw.recipients = of_refs  # "the Senate's confirmation of Jared Isaacman"
        raw.actors = possessors
        raw.actors += [r for r in self.refs(syntax.prep_objects(noun, actor_preps)) if r not in raw.actors]
        imposed = any(c.dep_ == "relcl" and c.lemma_ in self.ont.light_verbs for c in noun.children)
        if not raw.actors and (noun.lemma_.lower() in EVENT_NOUNS | COMPOUND_ACTOR_NOUNS or imposed):
            # ("the tariffs that Trump imposed on Chinese goods")
            # "a Pentagon request", "the protests that Blue Origin and Dynetics had lodged" (not "the NASA probe")
            # (a programme is no actor: "the HLS award")
            raw.actors = [r for r in self.refs([c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
                          if r.kind != "Programme"]
            for relcl in (c for c in noun.children if c.dep_ == "relcl"):
                subj = [t for s in relcl.children if s.dep_ == "nsubj" for t in syntax.with_conjuncts(s)]
                raw.actors += [r for r in self.refs(subj) if r not in raw.actors]
                raw.recipients += [r for r in self.refs(syntax.prep_objects(relcl, spec.recipients)) if r not in raw.recipients]
        raw.recipients += [r for r in self.refs(syntax.prep_objects(noun, recipient_preps)) if r not in raw.recipients]
        if spec.type == "APPOINT":  # "Trump's nominee, Jared Isaacman", "Isaacman, Trump's pick"
            named = [c for c in noun.children if c.dep_ == "appos"] + ([head] if noun.dep_ == "appos" else [])
            raw.recipients += [r for r in self.refs(named) if r not in raw.recipients and r.kind == "Person"]
        if noun.lemma_.lower() in ROLE_NOUNS and not raw.actors:
            raw.actors = self.refs(_named_as(noun))  # "Blue Origin and Dynetics, the other bidders"
        holders = [noun] + ([head] if noun.dep_ == "nsubj" and head.pos_ == "VERB" else [])
        # "No meeting took place between X and Y": the parser hangs "between" on the verb
        between = self._between([p for h in holders for p in syntax.prep_objects(h, ("between", "among"))])
        raw.actors += [r for r in between if r not in raw.actors]
        light = None
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            light = head
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and (
            head.head.lemma_ in self.ont.light_verbs | self.ont.inverse_light_verbs or (head.lower_ == "in" and head.head.lemma_ == "be")
        ) and not any(c.dep_ == "dobj" and c.ent_type_ != "MONEY" for c in head.head.children):
            # not "hosting an official under sanctions"; but "proposed $633,009 in civil penalties"
            light = head.head  # "came under fire from", "entered into talks with"
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.ent_type_ == "MONEY" and head.head.dep_ == "dobj" \
                and head.head.head.lemma_ in self.ont.light_verbs:
            light = head.head.head  # "proposed $633,009 in civil penalties against SpaceX"
        took_part = head.head.lemma_ == "take" and any(c.lower_ == "part" for c in head.head.children)
        if spec.type == "CONSULT" and noun.dep_ == "pobj" and head.lower_ == "in" and (
            took_part or head.head.lemma_ in ("part", "participate")
        ):
            # "Elon Musk took part in Trump's call with Zelensky": a participant joins its side
            doer = head.head.head if head.head.lemma_ == "part" else head.head
            raw.actors += [r for r in self.refs(syntax.subjects(doer)) if r not in raw.actors and r not in raw.recipients]
        if spec.type == "CONSULT" and not raw.actors and raw.recipients and noun.dep_ == "pobj" \
                and head.lower_ in TIME_PREPS and head.head.pos_ in ("VERB", "AUX"):
            # "made progress during a phone call with Xi": who acted in the call's time took part in it
            # ("Shares of Boeing fell after a meeting with regulators": shares take no part)
            doers = [t for t in syntax.subjects(head.head) if t.pos_ in ("PROPN", "PRON")]
            if any(r.id for r in raw.recipients):
                raw.actors = [r for r in self.refs(doers) if r not in raw.recipients]
        if not raw.actors:
            # "a $20 million penalty imposed by the regulator", "charges brought by the SEC"
            done_by = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            raw.actors = [r for a in done_by for r in self.refs(syntax.agents(a)) if r not in raw.recipients]
        paid = spec.type == "SANCTION" and light is not None and light.lemma_ in PAYING_VERBS
        if light is not None and (light.lemma_ in self.ont.inverse_light_verbs or paid):
            raw.recipients = self.refs(syntax.subjects(light)) + [r for r in raw.recipients]
            payee = ("to",) if paid else ()  # "paid a fine to the FAA"
            raw.actors += [r for r in self.refs(syntax.prep_objects(light, tuple(actor_preps) + payee)) if r not in raw.actors]
            raw.anchors = [light, *self._clause_anchors(light)]
        elif light is not None and (light.lemma_ in self.ont.light_verbs or light.lemma_ == "be"):
            # "Beijing raised its own levies": "its" is the subject's, whoever the pronoun was resolved to
            own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
            subj = syntax.agents(light) if syntax.is_passive(light) else syntax.subjects(light)
            if not raw.actors or (own and self.refs(subj)):
                raw.actors = self.refs(subj)
            raw.recipients += [r for r in self.refs(syntax.prep_objects(light, recipient_preps)) if r not in raw.recipients]
            raw.anchors = [light, *self._clause_anchors(light)]
        if spec.type == "CONTRACT_BID":
            raw.recipients += [r for r in self._bodies_inside(noun) if r not in raw.recipients and r not in raw.actors]
        if spec.type == "CONTRACT_AWARD" and not raw.recipients:
            # a headline's "Space Force awards SpaceX, ULA and Blue Origin $13.7 billion", read as a noun
            raw.recipients = [r for r in self.names_listed_after(noun, RECEIVING_KINDS) if r not in raw.actors]
        if spec.type == "CONTRACT_AWARD" and not raw.recipients:
            # "the agency's selection of SpaceX"; "its award of the lander contract to SpaceX"
            for obj in syntax.prep_objects(noun, ("of",)):
                found = [r for r in self.refs([obj]) if r.kind in ("Company", "Organization")]
                found += self.refs(syntax.prep_objects(obj, recipient_preps))
                raw.recipients += [r for r in found if r not in raw.recipients and r not in raw.actors]
            if not raw.recipients and noun.dep_ == "dobj":
                # "challenging the agency's award of the contract to SpaceX": the parser hangs "to" on the verb
                found = self.refs(syntax.prep_objects(head, recipient_preps))
                raw.recipients += [r for r in found if r.kind == "Company" and r not in raw.actors]
        if spec.type == "CONTRACT_PROTEST":
            _forums_to_others(raw)
        if spec.type == "ACCUSE" and not raw.recipients and noun.dep_ == "dobj" and head.lemma_ in ("settle", "resolve"):
            # "agreed to pay $16 million to settle a lawsuit brought by Trump": the one settling was sued
            raw.recipients = [r for r in self.refs(syntax.subjects(head)) if r not in raw.actors]
        if spec.mode == "investigate" and not raw.recipients:
            # "dropped its investigation into Boeing's role": the parser hangs "into" on any verb
            if noun.dep_ == "dobj" and head.pos_ == "VERB":
                raw.recipients = [r for r in self.refs(syntax.prep_objects(head, ("into",))) if r not in raw.actors]
        if spec.mode == "investigate" and not raw.recipients:
            # "an investigation into whether EchoStar had met its obligations": who is looked into
            holders = [noun, *([light] if light is not None else [])]  # "opened a probe into whether ...": on the verb
            for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("into", "of", "over")):
                for clause in (c for c in prep.children if c.dep_ == "pcomp"):
                    raw.recipients = raw.recipients or [r for r in self._first_actor_inside(clause) if r not in raw.actors]
        if not [r for r in raw.recipients if r not in raw.actors] and recipient_preps:
            # "filed a protest with the GAO over NASA's award": "over" hangs on the GAO
            for holder in [noun, *([light] if light is not None else [])]:
                for pobj in syntax.prep_objects(holder, tuple(recipient_preps) + ("in", "on", "for")):
                    raw.recipients += [r for r in self.refs(syntax.prep_objects(pobj, tuple(recipient_preps))) if r not in raw.recipients]
        raw.recipients = [r for r in raw.recipients if r not in raw.actors or len(between) > 1]
        if spec.type == "CONTRACT_PROTEST":
            _forums_to_others(raw)
        return raw

    def parties_event(self, noun: Token, spec: Trigger) -> RawEvent | None:
        """'the Pentagon's $200 million contract with xAI': a public body and another party, both named
        in the noun's own phrase (one named in its possessor or a name before it, one after a
        preposition). Whichever way round they come, the body acts and the other party receives."""
        named = self.refs([c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")])
        after = self.refs(syntax.prep_objects(noun, spec.recipients))
        if not named or not after:
            return None
        parties = named + [r for r in after if r not in named]
        bodies = [r for r in parties if r.kind == "PublicBody"]
        others = [r for r in parties if r.kind in ("Company", "Organization", "Person")]
        if not bodies or not others:
            return None
        return RawEvent(noun, spec, spec.type, actors=bodies, recipients=others)

    def _clause_anchors(self, verb: Token) -> list[Token]:
        """Verbs above the trigger in the same statement: 'visited ... to meet' -> visited."""
        out = []
        node = verb
        if verb.dep_ == "amod" and verb.head.dep_ == "dobj":  # "spent $2 million lobbying Congress last year"
            out.append(verb.head.head)
            node = verb.head.head
        while node.dep_ in ("xcomp", "advcl", "conj") and node.head != node and len(out) < 4:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                break  # a clause with its own subject is a statement of its own ("..., but it may bid")
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                break
            out.append(node)
        return out

    # -- qualifiers -------------------------------------------------------------------------
    def _retype(self, raw: RawEvent) -> bool:
        """Settle the type from the sentence; False when the trigger is no event here."""
        sent = raw.trigger.sent
        # The previous sentence counts too: "It protested that decision" follows the award it names.
        window = self.doc[_previous_start(sent) : sent.end]
        words = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}
        if raw.spec.context is not None and not (words & raw.spec.context):
            return False
        # "selected X to build the lander", "chose X to keep developing the interceptor": a purpose of
        # making or carrying things is procurement
        purposes = [c for c in raw.trigger.children if c.dep_ in ("xcomp", "advcl")]
        purposes += [g for c in purposes for g in c.children if g.dep_ == "xcomp"]
        purpose = any(c.lemma_ in PROCUREMENT_VERBS for c in purposes)
        if raw.spec.if_person and any(r.kind == "Person" for r in raw.recipients) and not purpose:
            raw.type = raw.spec.if_person  # "picked JD Vance as his running mate" is no contract
            return True
        money = any(t.ent_type_ == "MONEY" for t in window)
        objects = syntax.object_lemmas(raw.trigger) | {p.lemma_.lower() for p in syntax.prep_objects(raw.trigger, ("for",))}
        # a trigger that needs a particular object ("submitted a proposal") is specific enough by itself,
        # unless that object is just "award"
        specific = bool(raw.spec.objects and objects & (set(raw.spec.objects) - {"award", "share", "competition"}))
        if raw.trigger.lemma_ == "award" and raw.trigger.pos_ == "VERB" and any(r.kind == "Company" for r in raw.recipients):
            # "awarded ULA 60 percent of the missions": a company is given work, not a medal
            specific = specific or not (objects & HONOR_WORDS)
        # an award the sentence or the one before reports makes "had also competed" a bid for it
        awarded = any(t.is_sent_start and t.i in self.award_sentences for t in window) or sent.start in self.award_sentences
        if raw.type in self.ont.contract_types and not (words & self.ont.award_context or money or specific or purpose or awarded
                                                        or objects & CONTRACT_OBJECTS):
            if raw.type != "CONTRACT_PROTEST":
                return False
        if raw.spec.if_person and any(r.kind == "Person" for r in raw.recipients) and not purpose:
            raw.type = raw.spec.if_person
        if raw.type == "AGREE" and raw.trigger.lemma_ == "sign" and any(a.kind == "PublicBody" for a in raw.actors) and any(
            o.lemma_.lower() in ("contract", "deal") for o in syntax.objects(raw.trigger)
        ):
            raw.type = "CONTRACT_AWARD"  # "the Air Force signed the block-buy deal with ULA"
        if raw.type == "SUPPORT" and not raw.recipients:
            return False  # "defended the decision": support for whom is not said
        if raw.type == "ACCUSE" and raw.trigger.lemma_ == "attack" and any(
            o.lemma_.lower() in PHYSICAL_TARGETS for o in syntax.objects(raw.trigger)
        ):
            raw.type = "ASSAULT"  # "attacked commercial ships" is no criticism
        if raw.type == "ACCUSE" and raw.spec.mode == "allege" and raw.trigger.lemma_ in ("sue", "lawsuit", "suit"):
            if words & self.ont.award_context:
                raw.type = "CONTRACT_PROTEST"
                _forums_to_others(raw)  # "filed a lawsuit in the Court of Federal Claims": heard there
        if raw.type == "CONTRACT_AWARD" and any(
            o.lemma_.lower() in AID_NOUNS for p in syntax.prep_objects_of([raw.trigger, *syntax.objects(raw.trigger)], ("in",))
            for o in [p]
        ):
            raw.type = "AID"  # "received $7.86 billion in CHIPS Act grants": a grant is aid, not a contract
        if raw.type == "CONTRACT_BID" and raw.trigger.pos_ == "NOUN" and any(
            c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
            and c.lemma_ not in PROCUREMENT_VERBS | {"win", "secure", "supply", "land", "capture"}
            for c in raw.trigger.children
        ):
            return False  # "its bid to overturn the award" is an attempt, not an offer for a contract
        if raw.type == "CONTRACT_PROTEST" and not (words & self.ont.award_context or objects & {"award", "selection"}):
            raw.type = "PROTEST"  # a protest not about an award needs the signs of a street protest
            return bool(words & self.ont.contexts.get("PROTEST", frozenset()))
        return True

    def _meeting_place(self, raw: RawEvent) -> None:
        """'met Pete Hegseth at the Pentagon': a meeting on a public body's premises is a visit to it, and the
        body is met too (as in 'visited the White House to meet Susie Wiles')."""
        places = [r for node in [raw.trigger, *raw.anchors[:1]] for r in self.refs(syntax.prep_objects(node, ("at",)))]
        bodies = [r for r in places if r.kind == "PublicBody" and r not in raw.actors]
        if bodies:
            raw.mode = "visit"
            raw.recipients += [r for r in bodies if r not in raw.recipients]

    def _mode(self, raw: RawEvent) -> str | None:
        """The trigger's mode, or one the clause states: 'spoke by phone', 'a phone call'."""
        if raw.type != raw.spec.type:
            return None
        if raw.type == "CONSULT" and raw.spec.mode is None:
            for node in [raw.trigger, *raw.anchors[:1]]:
                for obj in syntax.prep_objects(node, ("by", "over", "via")) + [
                    c for c in node.children if c.dep_ in ("compound", "amod")
                ]:
                    if obj.lemma_.lower() in ("phone", "telephone", "call", "video", "videoconference"):
                        return "phone"
            if len(raw.actors) + len(raw.recipients) > 2 and raw.trigger.lemma_ in ("summit", "meeting", "talk"):
                return "multilateral"
        return raw.spec.mode

    def _negated(self, raw: RawEvent) -> bool:
        # "has not decided whether to extend the contract": the doubt is the extension's, the "not" the deciding's
        open_question = any(c.dep_ == "mark" and c.lower_ == "whether" for c in raw.trigger.children)
        for node in [raw.trigger, *([] if open_question else raw.anchors[:1])]:
            for c in node.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
                    return True
                if c.dep_ == "det" and c.lower_ == "no":
                    return True
        return False

    def _modality(self, raw: RawEvent) -> str:
        nodes = [raw.trigger, *raw.anchors]
        for node in nodes:
            auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
            if auxes & {"will", "'ll", "shall"}:
                return "planned"
            if auxes & {"could", "might", "may"} and node.pos_ in ("VERB", "AUX"):
                return "hypothetical"  # "could help Blue Origin win more missions"
            if auxes & {"would", "'d"}:
                # "said he would nominate": reported future, not a condition
                speech = node.head if node.dep_ == "ccomp" else None
                if speech is not None and speech.lemma_ in ontology.sourcing()["speech_verbs"] and speech.tag_ == "VBD":
                    return "planned"
                return "hypothetical"
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            if node.dep_ == "advcl" and marks & HYPOTHETICAL_MARKS:
                return "hypothetical"
            if node is raw.trigger and "whether" in marks:
                return "hypothetical"  # "has not decided whether to extend Boeing's contract"
            if node.dep_ == "xcomp" and node.head.lemma_ in PLAN_VERBS:
                if node.head.lemma_ == "go" and not any(c.lower_ == "to" for c in node.children):
                    continue
                return "planned"
        if raw.trigger.pos_ == "NOUN":
            for c in raw.trigger.children:
                if c.dep_ in ("amod", "compound") and c.lower_ in ("planned", "proposed", "upcoming", "scheduled", "future", "possible"):
                    return "planned" if c.lower_ != "possible" else "hypothetical"
        return "actual"

    def _count(self, raw: RawEvent) -> int | None:
        if raw.trigger.pos_ == "NOUN":
            for c in raw.trigger.children:
                if c.dep_ == "nummod":
                    return _number(c.lower_)
        for node in [raw.trigger, *raw.anchors[:1]]:
            for c in node.children:
                if c.dep_ in ("advmod", "npadvmod") and c.lower_ in ("once", "twice", "thrice"):
                    return NUMBER_WORDS[c.lower_]
                if c.dep_ == "npadvmod" and c.lemma_ == "time":
                    nums = [n for n in c.children if n.dep_ == "nummod"]
                    if nums:
                        return _number(nums[0].lower_)
        return None


def _named_as(noun: Token) -> list[Token]:
    """Who a role noun names: the head of its apposition ("Dynetics, the other bidder"), the other side
    of a copula ("the only other bidder was a team led by Dynetics", "X was a bidder")."""
    head = noun.head
    if noun.dep_ == "appos":
        return syntax.with_conjuncts(head)
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        attrs = [c for c in head.children if c.dep_ == "attr"]
        return [a for t in attrs for a in [t, *syntax.agents(next(iter(c for c in t.children if c.dep_ == "acl"), t))]]
    if noun.dep_ == "attr" and head.lemma_ == "be":
        return syntax.subjects(head)
    return [c for c in noun.children if c.dep_ == "appos"]


def _split_parts(raw: RawEvent) -> list[RawEvent]:
    """One event per leaver when each leaves a body of their own; otherwise the event as it is."""
    if len(raw.parts) < 2 or len({person for person, _ in raw.parts}) != len(raw.parts):
        return [raw]
    return [replace(raw, actors=[person], recipients=list(bodies), parts=[], part=person.name) for person, bodies in raw.parts]


def _forums_to_others(raw: RawEvent) -> None:
    """A protest 'with the GAO' or a suit 'in the Court of Federal Claims' is heard there; the
    protest is against the awarding body."""
    # the winner of the award ("challenging the award to SpaceX") is among the others too
    forums = [r for r in raw.recipients if discourse.is_forum(r.name) or r.kind in ("Company", "Person")]
    if forums:
        raw.recipients = [r for r in raw.recipients if r not in forums]
        raw.others += [r for r in forums if r not in raw.others]


def _previous_start(sent) -> int:
    return syntax.sentence_start(sent.doc, syntax.sentence_index(sent[0]) - 1)


def _drop_self_loops(raw: RawEvent) -> None:
    """An actor is not its own recipient ("Musk left his role" is not Musk -> Musk); a programme or a
    place does not receive a contract."""
    if raw.type == "CONTRACT_AWARD":
        raw.recipients = [r for r in raw.recipients if r.kind not in ("Programme", "Place")]
    if raw.type == "CONSULT" and not raw.recipients:
        return
    raw.recipients = [r for r in raw.recipients if r not in raw.actors]
    raw.others = [r for r in raw.others if r not in raw.actors and r not in raw.recipients]


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
