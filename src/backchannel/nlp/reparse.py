"""The ``backchannel_reparse`` component: parse again, with names masked, the sentences whose parse
is broken.

The small model knows "trump" and "musk" as common nouns, and a sentence that starts with one of
them often loses its verb: in "Trump fired Whitaker." it reads "fired" as an adjective of
"Whitaker" and makes the sentence a noun phrase. The same sentence with the names replaced by
ordinary ones ("Smith fired Smith.") parses right. So for each sentence whose root is not a verb
although it holds one, or where a verb is an adjective right after a person's name, we parse a
copy with every name of a person or organisation masked and keep that parse (heads, labels, tags, lemmas of the other
words) when it has a single verbal root and fewer of those adjective verbs. Token boundaries do
not change, so character offsets and entities stay as they were.
"""

from __future__ import annotations

import logging

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import ontology

log = logging.getLogger(__name__)

# What the masked copy runs: the model's own components up to the lemmatizer, never the ner.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# Ordinary names the model parses well; different names get different masks, since a list of identical
# words ("Smith, Smith and Smith") parses as badly as the real names.
FIRST_MASK = "John"
SURNAME_MASKS = ("Smith", "Miller", "Wilson", "Taylor", "Clark", "Lewis", "Walker", "Young")
ORG_MASKS = ("Google", "Intel", "Apple", "Cisco", "Nokia", "Sony", "Pfizer", "Visa")
# Names the parser reads better as "Smith": people ("Trump fired ...") and organisations ("The FAA
# grounded SpaceX's fleet" loses its verb too).
NAME_LABELS = {"PERSON", "ORG"}
ATTRS = [HEAD, DEP, TAG, POS, MORPH, LEMMA]


@Language.factory("backchannel_reparse")
def make_reparse(nlp: Language, name: str) -> Reparser:
    return Reparser(nlp)


class Reparser:
    """Re-parse broken sentences with person names masked."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self._surnames: set[str] | None = None

    @property
    def surnames(self) -> set[str]:
        """One-word aliases of the gazetteer's people ("Trump", "Musk"): names even where untagged."""
        if self._surnames is None:
            gaz = ontology.gazetteer()
            self._surnames = {a for e in gaz.entries if e.kind == "Person" for a in e.aliases if " " not in a}
        return self._surnames

    def __call__(self, doc: Doc) -> Doc:
        try:
            sentences = [s for s in doc.sents if self.suspicious(s)]
            if sentences:
                self.set_annotations(doc, [(s, self.parse_masked(s)) for s in sentences])
            free_object_pronouns(doc)
        except Exception as exc:  # noqa: BLE001 - one odd document must not kill a batch
            log.warning("backchannel_reparse failed on a document (%s); keeping the first parse", exc)
            log.debug("backchannel_reparse failure", exc_info=True)
        return doc

    # -- match ------------------------------------------------------------------------------
    def name_tokens(self, sent: Span) -> list[int]:
        """Sentence-relative indexes of the tokens of names of people and organisations."""
        out = []
        for tok in sent:
            if tok.ent_type_ in NAME_LABELS or (tok.text in self.surnames and tok.text[:1].isupper()):
                out.append(tok.i - sent.start)
        return out

    def suspicious(self, sent: Span) -> bool:
        """A verbless root in a sentence with a verb, or a verb read as an adjective after a name."""
        if not self.name_tokens(sent):
            return False
        root = sent.root
        has_verb = any(t.pos_ == "VERB" or t.tag_ in ("VBD", "VBZ", "VBP") for t in sent)
        if root.pos_ not in ("VERB", "AUX") and has_verb:
            return True
        return _adjective_verbs(sent) > 0 or _tangled_names(sent) > 0

    def parse_masked(self, sent: Span) -> Doc:
        """The sentence as its own Doc, names masked, parsed by the model's own components."""
        words = [t.text for t in sent]
        names = set(self.name_tokens(sent))
        masks: dict[str, str] = {}  # a name's last word -> its mask: different names, different masks
        for k in sorted(names):
            tok = sent[k]
            person = tok.ent_type_ == "PERSON" or not tok.ent_type_
            if k + 1 in names and sent[k + 1].ent_iob_ != "B":
                # inside a name: a person's first names, an organisation's own words ("United Launch")
                if person:
                    words[k] = FIRST_MASK
                continue
            pool = SURNAME_MASKS if person else ORG_MASKS
            if tok.text not in masks:
                masks[tok.text] = pool[sum(1 for m in masks.values() if m in pool) % len(pool)]
            words[k] = masks[tok.text]
        spaces = [bool(t.whitespace_) for t in sent]
        masked = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for name in PARSE_COMPONENTS:
            masked = self.nlp.get_pipe(name)(masked)
        return masked

    # -- set annotations -------------------------------------------------------------------
    def set_annotations(self, doc: Doc, parses: list[tuple[Span, Doc]]) -> None:
        """Copy each better parse into the document; entity spans and offsets are untouched."""
        array = doc.to_array(ATTRS)
        changed = False
        for sent, masked in parses:
            if not self.better(sent, masked):
                continue
            names = set(self.name_tokens(sent))
            new = masked.to_array(ATTRS)
            for k, tok in enumerate(masked):
                row = array[sent.start + k]
                row[0], row[1], row[2], row[3], row[4] = new[k][0], new[k][1], new[k][2], new[k][3], new[k][4]
                # a proper name is its own lemma ("Trump", not the card game's "trump")
                row[5] = new[k][5] if k not in names else doc.vocab.strings.add(sent[k].text)
            changed = True
        if changed:
            ents = list(doc.ents)
            doc.from_array(ATTRS, array)
            doc.ents = ents

    @staticmethod
    def better(sent: Span, masked: Doc) -> bool:
        roots = [t for t in masked if t.dep_ == "ROOT"]
        if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
            return False
        was_verbal = sent.root.pos_ in ("VERB", "AUX")
        fewer = _adjective_verbs(masked[:]) < _adjective_verbs(sent)
        # names that hung inside each other ("picked Anduril and General Atomics") now stand apart
        untangled = _tangled_names(masked[:], spans_of=sent) < _tangled_names(sent)
        return (not was_verbal) or fewer or untangled


def _adjective_verbs(span: Span) -> int:
    """Verbs in the past tense read as adjectives right after a name ('Trump fired Whitaker')."""
    count = 0
    for tok in span:
        if tok.dep_ in ("amod", "compound") and tok.tag_ in ("VBD", "VBN") and tok.i > span.start:
            prev = tok.doc[tok.i - 1]
            # "Space Systems Command on Friday picked SpaceX": the day as well as a name
            dated = prev.ent_type_ == "DATE" and prev.head.i >= tok.i
            if prev.pos_ in ("PROPN", "NOUN", "ADJ") and prev.text[:1].isupper() and (prev.head.i > tok.i or dated):
                count += 1
    return count


TIME_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}


def free_object_pronouns(doc: Doc) -> None:
    """'SpaceX hired her months later': the model reads "her months" as a possessive and the time
    phrase swallows the verb's object. Make "her" the object again and take it out of the date."""
    for tok in doc:
        head = tok.head
        if not (tok.lower_ == "her" and tok.dep_ == "poss" and head.lemma_ in TIME_NOUNS and head.dep_ == "npadvmod"):
            continue
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head  # "months later": the adverb hangs on the verb
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children) or verb.i > tok.i:
            continue
        tok.head, tok.dep_, tok.tag_, tok.pos_ = verb, "dobj", "PRP", "PRON"
        if tok.ent_type_:
            ents = [e for e in doc.ents if not (e.start <= tok.i < e.end)]
            ents += [Span(doc, e.start + 1, e.end, label=e.label_) for e in doc.ents if e.start == tok.i and e.end > tok.i + 1]
            doc.ents = sorted(ents, key=lambda e: e.start)


def _names_in(sent: Span) -> dict[int, int]:
    """{sentence-relative token: sentence-relative start of its name} for the names of people and
    organisations wholly inside the sentence, read from the tokens' IOB tags (not by scanning every
    entity of the document, which made long documents quadratic)."""
    out: dict[int, int] = {}
    start = None  # start of the name being read; None outside one or in one begun before the sentence
    current: list[int] = []
    for k, tok in enumerate(sent):
        if tok.ent_iob_ != "I":
            out.update(dict.fromkeys(current, start))
            current, start = [], None
            if tok.ent_iob_ == "B" and tok.ent_type_ in NAME_LABELS:
                start = k
        if start is not None:
            current.append(k)
    runs_on = sent.end < len(sent.doc) and sent.doc[sent.end].ent_iob_ == "I"
    if not runs_on:  # a name that goes on past the sentence is not wholly inside it
        out.update(dict.fromkeys(current, start))
    return out


def _tangled_names(span: Span, spans_of: Span | None = None) -> int:
    """Names hung inside another name ("Anduril" as a modifier of "General Atomics") or dangling
    in a list ("Anthropic, Google (npadvmod), OpenAI and xAI"). ``spans_of`` is the sentence whose
    entities to use when ``span`` is its masked copy (which has none of its own)."""
    source = spans_of if spans_of is not None else span
    ent_of = _names_in(source)
    count = 0
    for k, tok in enumerate(span):
        if k not in ent_of:
            continue
        head_k = tok.head.i - span.start
        if tok.dep_ == "npadvmod":
            count += 1
        elif tok.dep_ in ("nmod", "compound", "amod") and head_k in ent_of and ent_of[head_k] != ent_of[k]:
            count += 1
    return count
