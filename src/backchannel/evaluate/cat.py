"""Score Backchannel against MEANTIME: TIMEX3 values, event factuality and event participants.

MEANTIME annotates events far more broadly than Backchannel (every verb and eventive noun, not only
political and contracting acts), so this is not an event-detection score. What it measures:

- TIMEX3: how many gold DATE / TIME / DURATION expressions our time spans overlap, and whether our
  TIMEX3 value equals the gold value (exact), or agrees at the gold's granularity (lenient: ours starts
  with the gold value, for calendar values only, so "2008-03-05" is right for a gold "2008-03").
- Factuality: on gold event mentions that one of our triggers overlaps, gold polarity against our
  ``negated``, gold certainty against our sourcing and modality (a plan firmly reported is certain), gold
  FUTURE against modality planned.
- Participants: on gold events whose predicate is one of our trigger lemmas, gold Arg0 against our
  actors and Arg1 against our recipients (swapped for inverse triggers such as win and host, whose
  subject is our recipient).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from .. import ontology
from ..extract.document import extract_doc
from ..ids import content_id, name_key
from ..model import Article, EntityRef, Event, Extraction
from .cat_read import MeantimeDoc, MeantimeEntity, MeantimeEvent, read_meantime

__all__ = ["MeantimeRun", "read_meantime", "run_backchannel", "score_meantime", "score_runs"]

TIMEX_TYPES = ("DATE", "TIME", "DURATION")
# Backchannel's participants are people, organisations and places; products and money are not.
PARTICIPANT_TYPES = {"PER", "ORG", "LOC", None}
CERTAINTY_GOLD = ("CERTAIN", "PROBABLE", "POSSIBLE")
OUR_CERTAINTY = ("certain", "speculative", "hypothetical", "planned", "denied")
NOTES = [
    "MEANTIME annotates only the title, the dateline and the first few sentences of each article; "
    "our findings after the last annotated sentence are not counted as spurious.",
    "The DCT (TIMEX3 CREATION_TIME, or the dateline date where it is missing) is given to the "
    "extractor as the publication date and is not scored.",
    "TIMEX3 of type SET and TIMEX3 without tokens (implied dates) are not scored.",
    "Lenient TIMEX3 value: our value starts with the gold value (calendar values only).",
    "Factuality is scored only where one of our event triggers overlaps a gold event mention; gold "
    "UNDERSPECIFIED or empty attributes are tabled but not scored.",
    "Certainty agreement: CERTAIN ~ asserted/attributed/anonymous with modality actual or planned (a "
    "plan firmly reported; MEANTIME scores its future as time FUTURE, compared with our 'planned' "
    "separately); PROBABLE and POSSIBLE ~ speculative, or modality hypothetical; 'denied' agrees with neither.",
    "Participants: gold predicates are mapped to our types by trigger lemma alone (our triggers also "
    "check their objects and particles), and gold participants of type PRO, FIN or MIX are left out.",
    "Participant matches use character overlap with any mention of our entity, or word containment of "
    "normalised names (gold mention text, instance name, other named mentions of the instance).",
]


@dataclass(frozen=True)
class MeantimeRun:
    """One document with what Backchannel extracted from it; ``lemmas`` maps gold event m_id -> spaCy lemma."""

    doc: MeantimeDoc
    extraction: Extraction
    lemmas: dict[str, str] = field(default_factory=dict)


def run_backchannel(docs: Iterable[MeantimeDoc], nlp: Language, batch_size: int = 8) -> tuple[list[MeantimeRun], list[str]]:
    """Parse and extract every document (published = its DCT); failures come back as one line each."""
    runs, failed = [], []
    docs = list(docs)
    for sdoc, mdoc in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch_size):
        article = Article(content_id(mdoc.text), mdoc.text, title=mdoc.name, published=mdoc.dct, path=mdoc.path)
        try:
            extraction = extract_doc(sdoc, article)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the evaluation
            failed.append(f"{mdoc.name}: {type(exc).__name__}: {exc}")
            continue
        lemmas = {}
        for ev in mdoc.events:
            span = sdoc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is not None:
                lemmas[ev.m_id] = " ".join(t.lemma_.lower() for t in span)
        runs.append(MeantimeRun(mdoc, extraction, lemmas))
    return runs, failed


def score_meantime(docs: Sequence[MeantimeDoc], nlp: Language, *, batch_size: int = 8, max_examples: int = 60) -> dict:
    """Run Backchannel on MEANTIME documents and score it; a JSON-serialisable dict.

    Keys: ``corpus`` (counts, failures), ``timex``, ``factuality``, ``participants``, ``examples``
    (TIMEX3 errors), ``tables`` (each ``{"columns": [...], "rows": [[...]]}``), ``notes`` and ``timing``.
    """
    started = time.perf_counter()
    runs, failed = run_backchannel(docs, nlp, batch_size)
    extracted = time.perf_counter()
    result = score_runs(runs, max_examples=max_examples)
    result["corpus"]["documents"] = len(docs)
    result["corpus"]["failed"] = failed
    if failed:
        result["notes"].append(f"{len(failed)} documents failed extraction and are not scored")
    result["timing"] = {"extract_seconds": round(extracted - started, 2),
                        "score_seconds": round(time.perf_counter() - extracted, 2)}
    return result


def score_runs(runs: Sequence[MeantimeRun], *, max_examples: int = 60) -> dict:
    """Score extractions already made (see ``score_meantime`` for the keys)."""
    timex, examples = _score_timex(runs, max_examples)
    factuality = _score_factuality(runs)
    participants = _score_participants(runs)
    notes = list(NOTES)
    fallback = [r.doc.name for r in runs if r.doc.dct_source == "dateline"]
    if fallback:
        notes.append(f"{len(fallback)} documents have no CREATION_TIME; their dateline date was used: {', '.join(fallback)}")
    missing = [r.doc.name for r in runs if r.doc.dct is None]
    if missing:
        notes.append(f"{len(missing)} documents have no DCT; relative expressions there cannot resolve")
    return {
        "corpus": {"scored": len(runs), "tokens": sum(len(r.doc.tokens) for r in runs),
                   "gold_timex": sum(len(r.doc.timexes) for r in runs),
                   "gold_events": sum(len(r.doc.events) for r in runs),
                   "our_events": sum(len(r.extraction.events) for r in runs),
                   "our_times": sum(len(r.extraction.times) for r in runs)},
        "timex": timex,
        "factuality": factuality,
        "participants": participants,
        "examples": examples,
        "tables": _tables(timex, factuality, participants),
        "notes": notes,
    }


# ---------------------------------------------------------------- helpers


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _lenient(ours: str | None, gold: str) -> bool:
    if ours is None:
        return False
    if ours == gold:
        return True
    return gold[:1].isdigit() and ours.startswith(gold)


def _confusion(counter: Counter, rows: Sequence[str], cols: Sequence[str]) -> dict:
    """{gold: {ours: n}} with every row and column present, so tables line up across runs."""
    rows = list(rows) + sorted({g for g, _ in counter} - set(rows), key=str)
    return {str(g): {c: counter[(g, c)] for c in cols} for g in rows}


# ---------------------------------------------------------------- TIMEX3


def _score_timex(runs: Sequence[MeantimeRun], max_examples: int) -> tuple[dict, dict]:
    stats = {t: Counter() for t in TIMEX_TYPES}
    skipped: Counter = Counter()
    wrong, missed, spurious = [], [], []
    ours_in_region = ours_spurious = 0
    for run in runs:
        doc, times = run.doc, run.extraction.times
        for g in doc.timexes:
            if g.m_id == doc.dct_id:
                continue
            if g.type not in stats:
                skipped[g.type or "?"] += 1
                continue
            s = stats[g.type]
            s["gold"] += 1
            hits = [t for t in times if t.start < g.end and g.start < t.end]
            if not hits:
                s["missed"] += 1
                missed.append({"doc": doc.name, "type": g.type, "text": g.text, "gold": g.value})
                continue
            best = max(hits, key=lambda t: min(t.end, g.end) - max(t.start, g.start))
            s["detected"] += 1
            s["span_exact"] += (best.start, best.end) == (g.start, g.end)
            s["unresolved"] += best.value is None
            exact, lenient = best.value == g.value, _lenient(best.value, g.value)
            s["exact"] += exact
            s["lenient"] += lenient
            if not exact:
                wrong.append({"doc": doc.name, "type": g.type, "text": g.text, "gold": g.value,
                              "our_text": best.text, "ours": best.value, "lenient_ok": lenient})
        gold_spans = [(g.start, g.end) for g in doc.timexes]
        for t in times:
            if t.start >= doc.annotated_end:
                continue
            ours_in_region += 1
            if not _overlaps(gold_spans, t.start, t.end):
                ours_spurious += 1
                spurious.append({"doc": doc.name, "text": t.text, "ours": t.value})
    out: dict = {}
    for type_, s in stats.items():
        out[type_] = {
            "gold": s["gold"], "detected": s["detected"], "missed": s["missed"], "span_exact": s["span_exact"],
            "unresolved": s["unresolved"], "value_exact": s["exact"], "value_lenient": s["lenient"],
            "detection_recall": _ratio(s["detected"], s["gold"]),
            "value_accuracy_detected": _ratio(s["exact"], s["detected"]),
            "value_accuracy_detected_lenient": _ratio(s["lenient"], s["detected"]),
            "value_accuracy_all": _ratio(s["exact"], s["gold"]),
            "value_accuracy_all_lenient": _ratio(s["lenient"], s["gold"]),
        }
    out["ours"] = {"in_annotated_region": ours_in_region, "overlapping_no_gold": ours_spurious,
                   "precision": _ratio(ours_in_region - ours_spurious, ours_in_region)}
    out["not_scored"] = dict(skipped)
    examples = {"timex_wrong_value": wrong[:max_examples], "timex_missed": missed[:max_examples],
                "timex_spurious": spurious[:max_examples],
                "counts": {"timex_wrong_value": len(wrong), "timex_missed": len(missed), "timex_spurious": len(spurious)}}
    return out, examples


# ---------------------------------------------------------------- factuality


def _event_on(extraction: Extraction, spans: Iterable[tuple[int, int]]) -> Event | None:
    """Our first event whose trigger overlaps one of the gold mention's token spans."""
    spans = tuple(spans)
    for e in extraction.events:
        ev = e.evidence
        if ev.trigger_start is not None and ev.trigger_end is not None and _overlaps(spans, ev.trigger_start, ev.trigger_end):
            return e
    return None


def our_certainty(event: Event) -> str:
    """Our reading of an event's certainty: denied, hypothetical, planned, speculative or certain."""
    if event.sourcing.status == "denied":
        return "denied"
    if event.modality in ("hypothetical", "planned"):
        return event.modality
    return "speculative" if event.sourcing.status == "speculative" else "certain"


def _agreement(counter: Counter, scored: Sequence[str], agree) -> dict:
    pairs = [(g, o, n) for (g, o), n in counter.items() if g in scored]
    total = sum(n for _, _, n in pairs)
    correct = sum(n for g, o, n in pairs if agree(g, o))
    by_gold = Counter()
    for g, _, n in pairs:
        by_gold[g] += n
    majority = max(by_gold.values(), default=0)
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total),
            "majority_baseline": _ratio(majority, total),
            "not_scored": sum(n for (g, _), n in counter.items() if g not in scored)}


def _score_factuality(runs: Sequence[MeantimeRun]) -> dict:
    polarity, certainty, tense = Counter(), Counter(), Counter()
    gold_total = matched = ours_region = ours_on_gold = 0
    for run in runs:
        doc, ex = run.doc, run.extraction
        gold_spans = [s for g in doc.events for s in g.spans]
        for e in ex.events:
            if e.evidence.trigger_start is None or e.evidence.trigger_start >= doc.annotated_end:
                continue
            ours_region += 1
            ours_on_gold += _overlaps(gold_spans, e.evidence.trigger_start, e.evidence.trigger_end)
        for g in doc.events:
            gold_total += 1
            ours = _event_on(ex, g.spans)
            if ours is None:
                continue
            matched += 1
            polarity[(g.polarity or "", "negated" if ours.negated else "affirmed")] += 1
            certainty[(g.certainty or "", our_certainty(ours))] += 1
            tense[(g.time or "", ours.modality)] += 1
    return {
        "gold_events": gold_total, "gold_events_with_our_trigger": matched,
        "our_events_in_annotated_region": ours_region, "our_events_on_gold_event": ours_on_gold,
        "polarity": _agreement(polarity, ("POS", "NEG"), lambda g, o: (g == "NEG") == (o == "negated")),
        "certainty": _agreement(certainty, CERTAINTY_GOLD,
                                # a plan firmly reported is CERTAIN: MEANTIME puts its future in "time"
                                lambda g, o: (g == "CERTAIN" and o in ("certain", "planned"))
                                or (g != "CERTAIN" and o in ("speculative", "hypothetical"))),
        "time": _agreement(tense, ("FUTURE", "NON_FUTURE"), lambda g, o: (g == "FUTURE") == (o == "planned")),
        "confusion": {
            "polarity": _confusion(polarity, ("POS", "NEG", "UNDERSPECIFIED"), ("affirmed", "negated")),
            "certainty": _confusion(certainty, (*CERTAINTY_GOLD, "UNDERSPECIFIED"), OUR_CERTAINTY),
            "time": _confusion(tense, ("NON_FUTURE", "FUTURE", "UNDERSPECIFIED"), ("actual", "planned", "hypothetical")),
        },
    }


# ---------------------------------------------------------------- participants


def trigger_types() -> dict[str, dict[str, dict[str, bool]]]:
    """Our trigger lexicon by lemma: {lemma: {pos: {type: inverse}}}."""
    table: dict[str, dict[str, dict[str, bool]]] = {}
    for (pos, lemma), triggers in ontology.events().triggers.items():
        for t in triggers:
            by_type = table.setdefault(lemma.lower(), {}).setdefault(pos, {})
            by_type[t.type] = by_type.get(t.type, False) or t.inverse
    return table


def _types_for(event: MeantimeEvent, lemma: str | None, table: dict) -> tuple[str, dict[str, bool]]:
    """The predicate key and {type: inverse} for a gold event, trying its pred, its text lowercased and
    its spaCy lemma. A gold VERB maps only to our verb triggers and a NOUN to our nouns, as our extractor
    matches them; the key of an unmapped event is its lemma, so "said" and "say" count together."""
    for key in (event.pred, event.text.lower(), lemma):
        entry = table.get((key or "").lower())
        if not entry:
            continue
        if event.pos in ("VERB", "NOUN"):
            if event.pos in entry:
                return key.lower(), entry[event.pos]
            continue
        return key.lower(), {t: inv for by_type in entry.values() for t, inv in by_type.items()}
    return (lemma or event.pred or event.text).lower(), {}


def _words(text: str | None) -> str:
    key = name_key(text or "")
    return f" {key} " if len(key) >= 3 else ""


class _Participants:
    """Match gold participants of one document against our EntityRefs."""

    def __init__(self, run: MeantimeRun):
        self.doc, self.ex = run.doc, run.extraction
        self.entities = {e.m_id: e for e in self.doc.entities}
        self.spans = {e.id: [(m.start, m.end) for m in e.mentions] for e in self.ex.entities}
        self.links: dict[str, list] = {}
        for p in self.doc.participants:
            self.links.setdefault(p.event, []).append(p)
        self.instance_names: dict[str, set[str]] = {}
        for e in self.doc.entities:
            if e.instance and e.syntactic_type == "NAM":
                self.instance_names.setdefault(e.instance, set()).add(e.text)

    def gold_args(self, event_id: str) -> tuple[dict[str, list[MeantimeEntity]], int]:
        """Arg0 and Arg1 entity mentions of a gold event, and how many were left out for their type."""
        args: dict[str, list[MeantimeEntity]] = {"Arg0": [], "Arg1": []}
        left_out = 0
        for p in self.links.get(event_id, []):
            ent = self.entities.get(p.entity)
            if p.sem_role in args and ent is not None:
                if ent.type in PARTICIPANT_TYPES:
                    args[p.sem_role].append(ent)
                else:
                    left_out += 1
        return args, left_out

    def gold_names(self, g: MeantimeEntity) -> set[str]:
        found = {g.name} | self.instance_names.get(g.instance or "", set())
        if g.syntactic_type != "PRO":
            found.add(g.text)
        return {w for w in map(_words, found) if w}

    def ref_spans(self, ref: EntityRef, event: Event) -> list[tuple[int, int]]:
        if ref.id and ref.id in self.spans:
            return self.spans[ref.id]
        text = ref.text or ref.name
        at = event.evidence.sentence.find(text) if text else -1
        return [(event.evidence.start + at, event.evidence.start + at + len(text))] if at >= 0 else []

    def same(self, ref: EntityRef, event: Event, g: MeantimeEntity) -> bool:
        if any(_overlaps(g.spans, s, e) for s, e in self.ref_spans(ref, event)):
            return True
        ours = {w for w in (_words(ref.name), _words(ref.text)) if w}
        return any(a in b or b in a for a in ours for b in self.gold_names(g))

    def count(self, c: Counter, event: Event, refs: Sequence[EntityRef], wanted: list, other: list) -> None:
        """Add one event's role to the counts: gold found, ours right, ours in the other gold role."""
        def hits(r: EntityRef, golds: list) -> bool:
            return any(self.same(r, event, g) for g in golds)

        c["gold"] += len(wanted)
        c["gold_found"] += sum(any(self.same(r, event, g) for r in refs) for g in wanted)
        c["ours"] += len(refs)
        c["ours_right"] += sum(hits(r, wanted) for r in refs)
        c["ours_in_other_role"] += sum(not hits(r, wanted) and hits(r, other) for r in refs)


def _score_participants(runs: Sequence[MeantimeRun]) -> dict:
    table = trigger_types()
    roles = {r: Counter() for r in ("actors", "recipients")}
    mapped, unmapped, by_pred = Counter(), Counter(), {}
    left_out = 0
    for run in runs:
        match = _Participants(run)
        for g in run.doc.events:
            pred, types = _types_for(g, run.lemmas.get(g.m_id), table)
            if not types:
                unmapped[pred] += 1
                continue
            row = by_pred.setdefault(pred, {"types": sorted(types), "gold": 0, "with_our_event": 0, "same_type": 0})
            row["gold"] += 1
            ours = _event_on(run.extraction, g.spans)
            if ours is None:
                continue
            row["with_our_event"] += 1
            row["same_type"] += ours.type in types
            args, dropped = match.gold_args(g.m_id)
            left_out += dropped
            first, second = ("Arg1", "Arg0") if types.get(ours.type, False) else ("Arg0", "Arg1")
            match.count(roles["actors"], ours, ours.actors, args[first], args[second])
            match.count(roles["recipients"], ours, ours.recipients, args[second], args[first])
    for row in by_pred.values():
        for key in ("gold", "with_our_event", "same_type"):
            mapped[key] += row[key]
    out = {"gold_events_mapped": mapped["gold"], "gold_mapped_with_our_event": mapped["with_our_event"],
           "same_type": mapped["same_type"], "gold_participants_left_out": left_out}
    gold_roles = {"actors": "Arg0 (Arg1 for inverse triggers)", "recipients": "Arg1 (Arg0 for inverse triggers)"}
    for field_, c in roles.items():
        out[field_] = {"gold_role": gold_roles[field_], "gold": c["gold"], "gold_found": c["gold_found"],
                       "ours": c["ours"], "ours_right": c["ours_right"],
                       "ours_in_other_role": c["ours_in_other_role"],
                       "precision": _ratio(c["ours_right"], c["ours"]), "recall": _ratio(c["gold_found"], c["gold"])}
    out["mapped_predicates"] = [{"pred": p, **row} for p, row in sorted(by_pred.items(), key=lambda kv: -kv[1]["gold"])]
    out["unmapped_predicates"] = [[p, n] for p, n in unmapped.most_common(30)]
    out["unmapped_events"] = sum(unmapped.values())
    return out


# ---------------------------------------------------------------- tables


def _tables(timex: dict, fact: dict, parts: dict) -> dict:
    def t(columns, rows):
        return {"columns": list(columns), "rows": [list(r) for r in rows]}

    tx_cols = ("type", "gold", "detected", "recall", "exact", "lenient", "acc_detected", "acc_detected_lenient",
               "acc_all", "acc_all_lenient", "unresolved")
    tx_rows = [(k, v["gold"], v["detected"], v["detection_recall"], v["value_exact"], v["value_lenient"],
                v["value_accuracy_detected"], v["value_accuracy_detected_lenient"], v["value_accuracy_all"],
                v["value_accuracy_all_lenient"], v["unresolved"]) for k, v in timex.items() if k in TIMEX_TYPES]
    fa_rows = [(k, fact[k]["correct"], fact[k]["total"], fact[k]["accuracy"], fact[k]["majority_baseline"],
                fact[k]["not_scored"]) for k in ("polarity", "certainty", "time")]
    tables = {
        "timex": t(tx_cols, tx_rows),
        "factuality": t(("attribute", "agree", "scored", "accuracy", "majority_baseline", "not_scored"), fa_rows),
        "participants": t(("our field", "gold role", "gold", "gold found", "recall", "ours", "ours right", "precision",
                           "ours in other role"),
                          [(f, parts[f]["gold_role"], parts[f]["gold"], parts[f]["gold_found"], parts[f]["recall"],
                            parts[f]["ours"], parts[f]["ours_right"], parts[f]["precision"],
                            parts[f]["ours_in_other_role"]) for f in ("actors", "recipients")]),
        "mapped_predicates": t(("pred", "our types", "gold", "with our event", "same type"),
                               [(r["pred"], ",".join(r["types"]), r["gold"], r["with_our_event"], r["same_type"])
                                for r in parts["mapped_predicates"]]),
        "unmapped_predicates": t(("pred", "gold events"), parts["unmapped_predicates"]),
    }
    for name, matrix in fact["confusion"].items():
        cols = list(next(iter(matrix.values())).keys()) if matrix else []
        tables[f"confusion_{name}"] = t(("gold \\ ours", *cols), [(g, *row.values()) for g, row in matrix.items()])
    return tables
