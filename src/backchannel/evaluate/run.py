"""Run the extractors over gold files and score them (what `backchannel eval` calls)."""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.document import extract_doc
from ..ids import content_id
from ..model import Article
from ..nlp import get_pipeline
from .baseline import cooccurrence
from .gold import GoldPassage, read_gold
from .score import score

SYSTEMS = {"rules": extract_doc, "baseline": cooccurrence}


def load_passages(paths: Sequence[str], split: str = "all") -> tuple[list[GoldPassage], list[str]]:
    """All passages of the gold files, of one split ('dev', 'test') or all; plus notes."""
    passages, notes = [], []
    for path in paths:
        found, skipped = read_gold(path)
        passages.extend(p for p in found if split == "all" or p.split == split)
        notes.extend(skipped)
    return passages, notes


def evaluate_gold(paths: Sequence[str], split: str = "all", systems: Sequence[str] = ("rules", "baseline")) -> dict:
    """Scores of each system on the passages: {system: scores}, plus notes and the rules' errors."""
    passages, notes = load_passages(paths, split)
    nlp = get_pipeline()
    docs = {p.id: nlp(p.text) for p in passages}
    results: dict = {"split": split, "passages": len(passages), "notes": notes, "systems": {}}
    for name in systems:
        extractor = SYSTEMS[name]

        def run(p: GoldPassage, extractor=extractor):
            return extractor(docs[p.id], Article(content_id(p.text), p.text, published=p.published))

        scores, errors = score(passages, run)
        results["systems"][name] = scores
        if name == "rules":
            results["errors"] = errors
    return results
