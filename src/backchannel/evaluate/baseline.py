"""The co-occurrence baseline, as dictionary coders such as GDELT's work.

Every ordered pair of entities in a sentence that holds a trigger word becomes an event of that
trigger's type (first named -> second named), and every person/organisation pair in a sentence
with a title word becomes a relation. No syntax, no sourcing, no negation: asserted and actual.
It uses the same entity recognition as Backchannel, so the difference is the rules.
"""

from __future__ import annotations

from itertools import permutations

from spacy.tokens import Doc

from .. import ontology
from ..ids import make_id
from ..model import Article, Event, Evidence, Extraction, Relation, Sourcing
from ..extract.entities import find_entities
from ..extract.timex import find_times

EXTRACTOR = "cooccurrence-baseline"


def _trigger_type(token) -> str | None:
    triggers = ontology.events().triggers
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ == "NOUN" else None
    found = triggers.get((pos, token.lemma_.lower())) if pos else None
    return found[0].type if found else None


def cooccurrence(doc: Doc, article: Article) -> Extraction:
    """Events and relations from co-occurrence in a sentence."""
    table = find_entities(doc)
    titles = ontology.relations()["titles"]
    times = find_times(doc.text, article.published, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"])
    events, relations = [], []
    for sent in doc.sents:
        ents = []
        for tok in sent:
            ent = table.entity_at(tok)
            if ent is not None and ent.kind != "Place" and ent not in ents:
                ents.append(ent)
        sent_times = [t for t in times if sent.start_char <= t.start < sent.end_char]
        evidence = Evidence(article.id, sent.text, sent.start_char, sent.end_char, extractor=EXTRACTOR)
        for tok in sent:
            etype = _trigger_type(tok)
            if etype:
                for a, b in permutations(ents, 2):
                    if ents.index(a) < ents.index(b):
                        events.append(
                            Event(make_id("evt", article.id, etype, tok.idx, a.id, b.id), etype, None, tok.text,
                                  (table.ref(a),), (table.ref(b),), (), sent_times[0] if sent_times else None, None,
                                  False, "actual", Sourcing(), evidence)
                        )
            rtype = titles.get(tok.lower_)
            if rtype:
                for a, b in permutations(ents, 2):
                    if a.kind == "Person" and (b.kind != "Person" or rtype == "rival_of"):
                        relations.append(
                            Relation(make_id("rel", article.id, rtype, a.id, b.id, tok.idx), rtype, table.ref(a),
                                     table.ref(b), None, None, Sourcing(), evidence)
                        )
    return Extraction(article, table.finished(), tuple(events), tuple(relations), tuple(times))
