"""Amounts of money in an event's clause: "$2.9 billion", "$633,009", "up to $200 million", "1.5 billion euros".

Only US dollars are read as amounts (the field is USD); other currencies are left out rather than
converted at a rate we do not know.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
         "trillion": 1e12}
_AMOUNT = re.compile(r"\$\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|mln|billion|bln|bn|trillion|[mb]\b)?",
                     re.IGNORECASE)


def parse_usd(text: str) -> float | None:
    """The US-dollar amount a phrase states, or None ("$2.9 billion" -> 2.9e9)."""
    m = _AMOUNT.search(text)
    if m is None:
        return None
    try:
        value = float(m["num"].replace(",", ""))
    except ValueError:
        return None
    return value * SCALE.get((m["scale"] or "").lower(), 1)


def amount_near(trigger: Token, anchors: list[Token]) -> float | None:
    """The first dollar amount (a MONEY entity) in the subtree of the trigger or its light verb, in
    the clause only: not one from another clause of the sentence."""
    heads = [trigger, *anchors[:1]]
    for head in heads:
        ents = [e for e in trigger.doc.ents if e.label_ == "MONEY" and _within(e, head)]
        for ent in sorted(ents, key=lambda e: e.start):
            value = parse_usd(trigger.doc[max(ent.start - 1, 0) : ent.end + 1].text)
            if value is not None:
                return value
    return None


def _within(ent: Span, head: Token) -> bool:
    """True when the entity hangs under ``head`` without crossing into another clause."""
    node = ent.root
    for _ in range(12):
        if node == head:
            return True
        if node.head == node or (node != ent.root and node.dep_ in ("ccomp", "advcl", "relcl", "parataxis") and node != head):
            return False
        node = node.head
    return False
