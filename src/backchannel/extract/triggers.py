"""Which trigger a word is: the ontology's triggers for its lemma, checked against its particles,
objects and complements ("called it a conflict" is no call, "added Huawei to the entity list" is a
sanction, "met its obligations" no meeting)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .. import ontology
from ..ontology import Trigger
from . import syntax

PHRASAL_PARTICLES = {"off", "down", "out", "away", "back", "over", "up"}
ORG_KINDS = {"Company", "Organization", "PublicBody"}


def matching_triggers(token: Token, kind_of: Callable[[Token], str | None] = lambda _: None) -> list[Trigger]:
    """The triggers a token can be, most specific first ("gave $1 million to a campaign": an award or
    a donation; the sentence decides). ``kind_of``: the kind of entity a token stands for once names
    and back-references are resolved ("barred the planemaker": Boeing, a Company)."""
    ont = ontology.events()
    # "Blue Origin bid for the contract": the model tags the verb a noun but gives it a subject
    verb_with_subject = token.pos_ == "NOUN" and token.tag_ in ("NN", "VB", "VBD", "VBP") and any(
        c.dep_ == "nsubj" for c in token.children
    ) and not any(c.dep_ == "det" for c in token.children)
    if token.pos_ == "VERB" or verb_with_subject:
        verb_like = any(c.dep_ == "dobj" for c in token.children) or (token.tag_ == "VBG" and token.head.pos_ == "PROPN")
        if (token.dep_ in ("amod", "acomp", "compound") or token.tag_ == "JJ") and not verb_like:
            return []  # "an appealing design", "makes it appealing": adjectives, not acts ("$2 million lobbying Congress" is one)
        key = ("VERB", token.lemma_.lower())
    elif token.pos_ in ("NOUN",) or (token.pos_ == "PROPN" and token.lower_ in ("talks",)):
        key = ("NOUN", token.lemma_.lower())
    else:
        return []
    candidates = ont.triggers.get(key, ())
    if not candidates:
        return []
    # A particle ("turned it down") anywhere; a preposition only right after the verb ("called on
    # the FAA", not "called Trump on Friday").
    # (adverbs may come between: "opting instead for Northrop Grumman")
    particles = {c.lower_ for c in token.children if c.dep_ == "prt" or (
        c.dep_ in ("prep", "advmod") and c.i > token.i and all(t.pos_ == "ADV" for t in token.doc[token.i + 1 : c.i]))}
    with_particle = [t for t in candidates if t.particle and set(t.particle) & particles]
    # "took over as chief executive", not "took over Twitter" (an object, or the particle's own)
    objects = [c for c in token.children if c.dep_ == "dobj"] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in particles for o in c.children if o.dep_ == "pobj"
    ]
    with_particle = [t for t in with_particle if not (t.no_object and objects)]
    if with_particle:
        return with_particle[:1]
    if {c.lower_ for c in token.children if c.dep_ == "prt"} & PHRASAL_PARTICLES:
        return []  # "backed off", "called off": another verb than "back", "call"
    plain = [t for t in candidates if not t.particle]
    out = []
    for trig in plain:
        # "called it a conflict of interest" is no call; "called Saltzman" misread as a predicate is one
        named_only = not any(c.dep_ == "dobj" for c in token.children)
        if trig.no_predicate and any(
            c.dep_ == "ccomp" or (c.dep_ == "oprd" and not (c.pos_ == "PROPN" and named_only)) for c in token.children
        ):
            continue
        if trig.no_object and any(c.dep_ == "dobj" for c in token.children):
            continue
        if trig.infinitive and not (
            any(c.dep_ in ("dobj", "dative") for c in token.children)
            and any(c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" for a in c.children) for c in token.children)
        ):
            continue  # "told Apple to build", not "told reporters"
        if trig.predicate and not (
            any(c.dep_ == "oprd" for c in token.children)
            and any(o.pos_ == "PROPN" or o.lower_ in ("him", "her", "them") or any(p.dep_ == "poss" for p in o.children)
                    for o in token.children if o.dep_ in ("dobj", "dative", "nsubj") and o.i > token.i)
        ):
            continue  # "called him a small man", "called Trump's bill an abomination"; not "called it a conflict"
        if trig.to_list and not any(sanctions_list(o) for o in syntax.prep_objects(token, ("to", "on"))):
            continue  # "added Huawei to the entity list", not "added a line to the budget"
        if trig.not_objects and syntax.object_lemmas(token) & set(trig.not_objects):
            continue  # "had met its obligations" is no meeting
        if trig.objects is not None:
            objs = syntax.objects(token) + (syntax.passive_subjects(token) if syntax.is_passive(token) else [])
            money = "$money" in trig.objects and any(o.ent_type_ == "MONEY" or o.nbor(-1).text == "$" for o in objs if o.i)
            org = "$org" in trig.objects and any(o.ent_type_ == "ORG" or kind_of(o) in ORG_KINDS for o in objs)
            person = "$person" in trig.objects and any(
                o.ent_type_ == "PERSON" or o.lower_ in ("him", "her", "them") or kind_of(o) == "Person" for o in objs
            )
            if not (money or org or person) and not syntax.object_lemmas(token) & set(trig.objects):
                continue
        out.append(trig)
    return out


LIST_WORDS = {"entity", "sanction", "sanctions", "trade", "export", "unverified", "denied", "watch", "military", "end-user"}


def sanctions_list(noun: Token) -> bool:
    """'the entity list', 'the Commerce Department's trade blacklist', 'a sanctions list'."""
    lemma = noun.lemma_.lower()
    return lemma == "blacklist" or (lemma == "list" and any(c.lower_ in LIST_WORDS for c in noun.children))
