"""The ``backchannel_names`` component: spread each name a document uses to its other occurrences.

The small model labels a name well once and badly elsewhere ("Trump's chief of staff" as ORG,
"Musk." at a line end as DATE, "SpaceX" not at all). After ``ner`` we collect the full person names
and organisation names the document gives, and label every other occurrence of them (and of a
person's surname) the same way. One bad document never stops a batch: a failure leaves the Doc as
``ner`` made it.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import ontology

log = logging.getLogger(__name__)

# Labels a spread name may overwrite: the small model's usual confusions.
WEAK_LABELS = {"ORG", "DATE", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "CARDINAL", "TIME", "EVENT", "LAW", "MONEY"}
TITLE_WORDS = {"president", "vice", "senator", "sen.", "rep.", "secretary", "administrator", "ceo", "gov.", "governor",
               "dr.", "mr.", "ms.", "mrs.", "former", "founder", "chief", "general", "gen.", "judge"}


# Words that make "NASA Office of Inspector General" or "Senate Office of Public Records" a body of its
# own, not NASA or the Senate.
UNIT_HEADS = {"Office", "Inspector", "Committee", "Subcommittee", "Panel", "Board", "Directorate", "Division",
              "Academy", "Laboratory", "Command", "Bureau", "Agency", "Council"}


def extend_units(doc: Doc) -> None:
    """Extend an organisation name by the unit name that follows it: 'NASA' + 'Office of Inspector General'."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent is None or ent.label_ != "ORG" or ent.end >= len(doc):
            continue
        # "Senate" + "Permanent Subcommittee on Investigations": a unit word within the next few capitals
        ahead = doc[ent.end : min(len(doc), ent.end + 4)]
        capitals = [t for t in ahead if t.text[:1].isupper()]
        if not any(t.text in UNIT_HEADS for t in ahead) or not ahead[0].text[:1].isupper() or len(capitals) < 1:
            continue
        end = ent.end
        while (
            end < len(doc)
            and (doc[end].text[:1].isupper() or doc[end].lower_ in ("of", "and", "for", "on"))
            and doc[end].text not in (".", ",")
            and doc[end].ent_type_ not in ("DATE", "TIME", "PERSON")  # "... General on Thursday"
            # "Office of Science and Technology" goes on; "... General and NASA" is a second name
            and not (doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].ent_iob_ == "B")
        ):
            end += 1
        while end > ent.end and doc[end - 1].lower_ in ("of", "and", "for", "on"):
            end -= 1
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if nxt is not None and nxt.start < end:
            if nxt.label_ == "PERSON":
                continue
            end = max(end, nxt.end)
            ents[k + 1] = None
        ents[k] = Span(doc, ent.start, end, label="ORG")
        changed = True
    if changed:
        doc.ents = filter_spans([e for e in ents if e is not None])


# Country words a company's name may end with: "Austal USA", "Airbus U.S.", "Thales UK".
COUNTRY_SUFFIXES = {"USA", "U.S.", "US", "America", "UK"}


def join_country_suffix(doc: Doc) -> None:
    """'Austal USA' is one company, not Austal and the United States: an organisation name followed
    at once by a country word that ends the noun phrase (not "sold Austal ships to the U.S.")."""
    ents = list(doc.ents)
    out, skip = [], set()  # skip: the country words joined to the name before them
    for k, ent in enumerate(ents):
        if k in skip:
            continue
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        # the name's last word hangs on nothing before it, and the country word on nothing inside the name
        if (ent.label_ == "ORG" and nxt is not None and nxt.start == ent.end and nxt.label_ == "GPE"
                and nxt.text in COUNTRY_SUFFIXES and doc[ent.end - 1].tag_ != "POS"
                and doc[ent.end - 1].head.i >= ent.end - 1 and nxt.root.head.i not in range(ent.start, ent.end)):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            skip.add(k + 1)
        else:
            out.append(ent)
    if skip:
        doc.ents = filter_spans(out)
        for k in skip:  # the company's own id (or none), never the country's
            for tok in ents[k]:
                tok.ent_id_ = ents[k - 1].ent_id_


NUMBER_WORDS = {"million", "billion", "trillion", "thousand", "hundred"}


def trim_amounts(doc: Doc) -> None:
    """'fined Apple 1.8 billion euros': the small model runs the name into the amount after it."""
    ents = list(doc.ents)
    trimmed = []
    for k, ent in enumerate(ents):
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        end = ent.end
        while end > ent.start + 1 and (doc[end - 1].like_num or doc[end - 1].lower_ in NUMBER_WORDS):
            end -= 1
        if end < ent.end:
            ents[k] = Span(doc, ent.start, end, label=ent.label_)
            trimmed.append(k)
    if trimmed:
        doc.ents = filter_spans(ents)


# Titles that only a person carries: the name after one is a person ("General Brown", "Sen. Warren").
PERSON_TITLES = {"general", "gen.", "adm.", "admiral", "sen.", "senator", "rep.", "representative", "gov.", "governor",
                 "judge", "dr.", "mr.", "ms.", "mrs.", "lt.", "col.", "colonel", "maj.", "capt.", "sgt.", "secretary",
                 "president", "minister", "chancellor", "ambassador", "administrator", "commissioner"}


def titled_people(doc: Doc) -> None:
    """Relabel as PERSON a short capitalised name the model calls an organisation or a building when a
    person's title comes right before it ("General Brown", "Senator Warren"), dropping the title."""
    ents, changed = [], False
    for ent in doc.ents:
        words = list(ent)
        titled = words[0].lower_ in PERSON_TITLES
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        names = words[1:] if titled else words
        if (
            ent.label_ in ("ORG", "FAC", "GPE", "NORP", "PRODUCT", "WORK_OF_ART")
            and not ent.ent_id_
            and (titled or before in PERSON_TITLES)
            and 1 <= len(names) <= 3
            and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in names)
        ):
            ents.append(Span(doc, names[0].i, names[-1].i + 1, label="PERSON"))
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = filter_spans(ents)


@Language.factory("backchannel_names")
def make_names(nlp: Language, name: str) -> "NameSpreader":
    return NameSpreader()


class NameSpreader:
    """Relabel later (or earlier) mentions of names the document itself gives."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            matches = self.match(doc)
            self.set_annotations(doc, matches)
            extend_units(doc)
            join_country_suffix(doc)
            trim_amounts(doc)
            titled_people(doc)
        except Exception as exc:  # noqa: BLE001 - one odd document must not kill a batch
            log.warning("backchannel_names failed on a document (%s); keeping the model's entities", exc)
            log.debug("backchannel_names failure", exc_info=True)
        return doc

    def match(self, doc: Doc) -> list[Span]:
        """Spans to label: every occurrence of a known full name, surname or organisation name."""
        gaz = ontology.gazetteer()
        persons: dict[tuple[str, ...], str] = {}  # token texts -> ent_id (canonical name or "")
        orgs: dict[tuple[str, ...], tuple[str, str]] = {}
        for ent in doc.ents:
            words = [t for t in ent if not t.is_punct and not t.is_space and t.text.lower() not in TITLE_WORDS]
            if not words:
                continue
            key = tuple(t.text for t in words)
            if ent.label_ == "PERSON":
                entry = None if ent.ent_id_ else gaz.lookup(" ".join(key))
                canonical = ent.ent_id_ or (entry.name if entry else "")
                if len(key) >= 2:
                    persons.setdefault(key, canonical)
                    persons.setdefault(key[-1:], canonical)
            elif ent.label_ in ("ORG", "PRODUCT") or ent.ent_id_:
                orgs.setdefault(key, (ent.label_, ent.ent_id_))
        # A surname the gazetteer knows is a person even when the document never gives the full name.
        for token in doc:
            # the small model tags a sentence's first word "Wiles" or "Isaacman" as a common noun
            name_like = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"))
            if name_like and token.text[:1].isupper() and (token.text,) not in persons:
                entry = gaz.lookup(token.text)
                if entry and entry.kind == "Person" and token.text in entry.aliases:
                    persons[(token.text,)] = entry.name
        # A one-word "organisation" that is also a person's surname here is the model's confusion.
        orgs = {k: v for k, v in orgs.items() if k not in persons}
        # One pass over the tokens, looking up each token's text among the names' first words.
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for key, canonical in persons.items():
            index.setdefault(key[0], []).append((key, "PERSON", canonical))
        for key, (label, ent_id) in orgs.items():
            index.setdefault(key[0], []).append((key, label, ent_id))
        texts = [t.text for t in doc]
        spans = []
        for i, text in enumerate(texts):
            for key, label, ent_id in index.get(text, ()):
                n = len(key)
                if tuple(texts[i : i + n]) != key or (n == 1 and not text[:1].isupper()):
                    continue
                spans.append(Span(doc, i, i + n, label=label, span_id=ent_id or 0))
        return spans

    @staticmethod
    def set_annotations(doc: Doc, spans: list[Span]) -> None:
        """Merge the spans into doc.ents: they win over weak labels, never over a longer PERSON/ORG."""
        keep = []
        for ent in doc.ents:
            overlapping = [s for s in spans if s.start < ent.end and ent.start < s.end]
            if not overlapping:
                keep.append(ent)
                continue
            longest = max(len(s) for s in overlapping)
            # A longer organisation name that contains the person's name stays whole
            # ("Trump-Vance Inaugural Committee", "Trump Organization").
            keeps_name = ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") and len(ent) > longest + 1
            if ent.label_ in WEAK_LABELS and not keeps_name and not (ent.ent_id_ and len(ent) >= longest):
                continue  # the spread name replaces it
            if ent.label_ == "PERSON" and any(s.label_ == "PERSON" and len(s) > len(ent) for s in overlapping):
                continue
            keep.append(ent)
            spans = [s for s in spans if not (s.start < ent.end and ent.start < s.end)]
        new = []
        for span in spans:
            if span.id_:
                span = Span(doc, span.start, span.end, label=span.label_, span_id=span.id_)
            new.append(span)
        doc.ents = filter_spans(keep + new)
