"""How each fact is sourced: asserted, attributed (with its source), anonymous, speculative, denied.

Attribution is read from the parse: "according to X" attached to the clause or sentence, a speech
verb ("X said", "X reported that") whose complement holds the fact, hedging adverbs ("reportedly"),
modals ("may"), raising verbs ("appears to") and denials ("X denied meeting"). The tokens of an
attribution phrase are returned too, so that the source of a report never becomes its actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import ontology
from ..model import Sourcing
from .entities import DocEntities


@dataclass(frozen=True)
class Attribution:
    """One attribution phrase found in a sentence."""

    status: str
    source: str | None
    cue: str
    tokens: frozenset[int]
    scope: Token  # the clause it governs


def _np_text(token: Token) -> str:
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text


def _source_of(head: Token, table: DocEntities, cues: dict) -> tuple[str, str | None]:
    """(status, source) for the noun phrase that makes a claim: an entity, anonymous people, analysts."""
    words = {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}
    ent = table.entity_at(head)
    if ent is None:
        for tok in head.subtree:
            if tok.dep_ in ("pobj", "compound", "poss", "nsubj") or tok == head:
                cand = table.entity_at(tok)
                if cand is not None and cand.kind != "Place":
                    ent = cand
                    # the agent of "a report published by X" names the outlet, prefer it
                    if tok.head.dep_ == "agent" or tok.head.lower_ == "by":
                        break
    head_lemma = head.lemma_.lower()
    if head_lemma in cues["anonymous_heads"] and words & cues["anonymous_modifiers"]:
        return "anonymous", None  # "two White House officials who asked not to be named"
    if ent is None and head_lemma in cues["speculative_heads"]:
        return "speculative", None
    if ent is None and (head_lemma in cues["anonymous_heads"] and (words & cues["anonymous_modifiers"] or head.tag_ == "NNS")):
        return "anonymous", None
    if ent is None and words & cues["anonymous_modifiers"]:
        return "anonymous", None
    if ent is not None:
        return "attributed", ent.name
    if head_lemma in cues["report_heads"]:
        return "attributed", _np_text(head)
    return "attributed", _np_text(head) if head.pos_ in ("PROPN", "NOUN") else None


def find_attributions(sent: Span, table: DocEntities) -> list[Attribution]:
    """Every attribution phrase of a sentence."""
    cues = ontology.sourcing()
    found = []
    for tok in sent:
        # "according to X"
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            pobj = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            if pobj:
                status, source = _source_of(pobj[0], table, cues)
                tokens = frozenset(t.i for t in tok.subtree) | frozenset(t.i for t in pobj[0].subtree)
                found.append(Attribution(status, source, "according to", tokens, tok.head))
        # "X said (that) ...", "..., X said"
        elif tok.pos_ == "VERB" and tok.lemma_ in cues["speech_verbs"] | cues["denial_verbs"] | cues["speculative_verbs"]:
            if any(c.dep_ == "auxpass" for c in tok.children):
                continue  # "is said to have met": a hedge, read in _hedge, not a named source
            comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "pcomp") or (c.dep_ == "dobj" and c.pos_ == "VERB")]
            if any(c.dep_ in ("dobj", "dative") for c in tok.children) and all(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in comps
            ) and comps:
                continue  # "told Tim Cook to build iPhones": an order, not a report
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "..., X said": the speech verb hangs on the clause it reports (not so for "rejected")
            parenthetical = (
                tok.dep_ in ("parataxis", "ccomp") and tok.head != tok and tok.lemma_ in cues["speech_verbs"]
                and (tok.lemma_ == "tell" or not any(c.dep_ == "dobj" for c in tok.children))
            )
            governed = comps or ([tok.head] if parenthetical else [])
            if not governed or not subj:
                continue
            status, source = _source_of(subj[0], table, cues)
            lemma = tok.lemma_
            if lemma in cues["denial_verbs"] and lemma != "reject":
                status = "denied"
            elif lemma in cues["speculative_verbs"] and lemma not in cues["speech_verbs"] and status == "attributed":
                continue  # "Bezos believes ..." is his view, not a report
            elif lemma in ("say", "argue", "note", "suggest") and subj[0].lemma_.lower() in cues["speculative_heads"]:
                status = "speculative"
            tokens = frozenset(t.i for t in subj[0].subtree) | {tok.i}
            for scope in governed:
                found.append(Attribution(status, source, f"{subj[0].text} {tok.text}", tokens, scope))
    return found


def _in_scope(trigger: Token, scope: Token) -> bool:
    if scope.head == scope:  # an attribution on the root governs the whole sentence
        return True
    return scope.left_edge.i <= trigger.i <= scope.right_edge.i


def sourcing_for(trigger: Token, anchors: list[Token], attributions: list[Attribution]) -> Sourcing:
    """The sourcing of a fact whose trigger (and light verb / clause verbs) are given."""
    cues = ontology.sourcing()
    nearest = None
    for att in attributions:
        if trigger.i in att.tokens:
            continue
        if _in_scope(trigger, att.scope) and (nearest is None or _width(att.scope) < _width(nearest.scope)):
            nearest = att
    if nearest is not None and nearest.status == "denied":
        return Sourcing("denied", nearest.source, nearest.cue)
    hedge = _hedge(trigger, anchors, cues)
    if hedge and hedge[0] == "anonymous" and (nearest is None or nearest.status != "attributed"):
        return Sourcing("anonymous", None, hedge[1])
    if nearest is not None and nearest.status in ("attributed", "anonymous") and not (hedge and hedge[0] == "speculative"):
        return Sourcing(nearest.status, nearest.source, nearest.cue)
    if hedge:
        return Sourcing(hedge[0], nearest.source if nearest else None, hedge[1])
    if nearest is not None:
        return Sourcing(nearest.status, nearest.source, nearest.cue)
    return Sourcing("asserted", None, None)


def _width(tok: Token) -> int:
    return tok.right_edge.i - tok.left_edge.i if tok.head != tok else 10**6


def _hedge(trigger: Token, anchors: list[Token], cues: dict) -> tuple[str, str] | None:
    """A hedge on the trigger's own clause: reportedly, the reported meetings, may, appears to."""
    for node in [trigger, *anchors]:
        for c in node.children:
            low = c.lower_
            if c.dep_ == "advmod" and low in cues["anonymous_adverbs"]:
                return "anonymous", c.text
            if c.dep_ == "amod" and low in cues["anonymous_adjectives"]:
                return "anonymous", c.text
            if c.dep_ == "aux" and low in cues["speculative_modals"]:
                return "speculative", c.text
            if c.dep_ == "advmod" and low in cues["speculative_adverbs"]:
                return "speculative", c.text
        if node.dep_ == "xcomp" and node.head.lemma_ in cues["speculative_raising"]:
            return "speculative", node.head.text
        if node.dep_ == "xcomp" and node.head.lemma_ in ("say", "believe", "report", "rumor", "rumour") and any(
            c.dep_ == "auxpass" for c in node.head.children
        ):
            return "anonymous", f"{node.head.text} to"
    return None
