"""Time expressions in English news text, resolved against the publication date.

Each rule is a regular expression plus a handler that turns the match into a TimeML TIMEX3 value and an
interval of days. ``find_times`` scans text with every rule and keeps the longest non-overlapping
matches; ``resolve`` matches one expression against the same rules. Relative and vague expressions have
their own rules because dateparser gets them wrong or not at all (see DESIGN.md, "Known pitfalls");
dateparser is only a lazy fallback for odd absolute dates in caller-supplied spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from backchannel.extract import timex_calendar as cal
from backchannel.extract import timex_clock
from backchannel.extract.timex_rules import RULES as DATE_RULES
from backchannel.extract.timex_rules import UNRESOLVED, Ctx, Resolution, span_of
from backchannel.model import TimeSpan

__all__ = ["find_times", "resolve"]

RULES = DATE_RULES + timex_clock.RULES

# A caller's span that does not resolve is still kept if it mentions a calendar word ("the year").
_LOOKS_LIKE_TIME = re.compile(
    rf"\b(?:{'|'.join(cal.MONTHS)}|{'|'.join(cal.WEEKDAYS)}|(?:day|week|weekend|month|year|decade|quarter|season)s?|"
    r"century|centuries|spring|summer|autumn|winter|morning|afternoon|evening|night|ago|today|tomorrow|"
    r"yesterday|tonight|[12]\d{3}s?)\b", re.IGNORECASE)
_LEADING_PREP = re.compile(r"^(?:on|in|at|during|since|by|until|till|from|for|of|through|before|after)\s+",
                           re.IGNORECASE)


# What dateparser may try: numeric dates (25.06.2025) or a month name with a number.
_ABSOLUTE_SHAPE = re.compile(
    rf"\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|\b(?:{'|'.join(cal.MONTHS)}|{'|'.join(cal.MONTH_ABBREVIATIONS)})\b.*\d|"
    rf"\d.*\b(?:{'|'.join(cal.MONTHS)}|{'|'.join(cal.MONTH_ABBREVIATIONS)})\b", re.IGNORECASE)
_RELATIVE_WORD = re.compile(
    rf"\b(?:{'|'.join(cal.WEEKDAYS)}|ago|last|next|this|today|tomorrow|yesterday|tonight|now|later|earlier)\b",
    re.IGNORECASE)


def _dateparser_fallback(expression: str, ctx: Ctx) -> Resolution | None:
    """Absolute dates the rules do not know ('25.06.2025'); imported lazily because it is slow to load."""
    has_year = re.search(r"\b[12]\d{3}\b", expression) is not None
    if not _ABSOLUTE_SHAPE.search(expression) or _RELATIVE_WORD.search(expression) \
            or (ctx.published is None and not has_year):
        return None  # weekdays and relative words are where dateparser goes wrong (DESIGN.md)
    import dateparser  # noqa: PLC0415 - seconds to import; most texts never need it

    settings = {"PREFER_DATES_FROM": "future" if ctx.tense == "future" else "past",
                "REQUIRE_PARTS": ["day", "month"] + ([] if ctx.published else ["year"]),
                "RETURN_AS_TIMEZONE_AWARE": False}
    if ctx.published:
        settings["RELATIVE_BASE"] = datetime(ctx.published.year, ctx.published.month, ctx.published.day)
    try:
        found = dateparser.parse(expression, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return cal.day(found.date()) if found else None


def _match_whole(expression: str, ctx: Ctx) -> tuple[Resolution, int, int] | None:
    """Resolution of an expression as a whole, with how many characters were trimmed off each end."""
    stripped = expression.strip()
    lead = len(expression) - len(expression.lstrip())
    trail = len(expression) - len(expression.rstrip())
    variants = [(stripped, lead, trail)]
    bare = stripped.rstrip(".,;:!?)\"'”’")
    variants.append((bare, lead, trail + len(stripped) - len(bare)))
    prep = _LEADING_PREP.match(bare)
    if prep:
        variants.append((bare[prep.end():], lead + prep.end(), trail + len(stripped) - len(bare)))
    for text, a, b in variants:
        if not text:
            continue
        for rx, handler in RULES:
            m = rx.fullmatch(text)
            if m is not None:
                res = _safe(handler, m, ctx)
                if res is not None:
                    return res, a, b
    for text, a, b in variants[1:2]:
        res = _dateparser_fallback(text, ctx)
        if res is not None:
            return res, a, b
    return None


def resolve(expression: str, published: date | None, tense: str = "past") -> Resolution:
    """Resolve one time expression against the publication date.

    Returns ``(value, interval_start, interval_end, granularity)``: a TimeML TIMEX3 value (``2025-06-25``,
    ``2025-W26``, ``2025-Q1``, ``PAST_REF``, ``P2W``), the interval of days it covers (both ends inclusive;
    None for durations, unbounded references and anything unresolved) and a granularity word. ``tense``
    ('past' or 'future') only decides bare weekday, month, quarter and season names ('Wednesday', 'in
    June'). Without a publication date only absolute dates resolve; relative ones come back with value None
    (or PAST_REF / PRESENT_REF / FUTURE_REF) and granularity 'unresolved'. Anything that is not a time
    expression gives ``(None, None, None, 'unresolved')``.
    """
    found = _match_whole(expression, Ctx(published, tense, strict=False))
    if found and found[0][0] and found[0][0].startswith("@"):
        return _anchored(found[0][0], None, published)  # no earlier mention to point back to
    return found[0] if found else UNRESOLVED


def _safe(handler, m, ctx):
    """A rule's resolution, or None when the date falls outside the calendar ("74,000 years ago")."""
    try:
        return handler(m, ctx)
    except (ValueError, OverflowError):
        return None


def find_times(text: str, published: date | None, spans: Iterable[tuple[int, int]] = (), *,
               tense_at: Callable[[int], str] | None = None) -> list[TimeSpan]:
    """All time expressions in ``text``, resolved against ``published``, sorted by start, non-overlapping.

    ``spans`` are extra candidate (start, end) character spans the caller found (spaCy DATE entities, for
    instance): kept when they resolve or at least look like a time expression. ``tense_at(offset)`` gives
    'past' or 'future' for the clause at a character offset (default: past); it only matters for bare
    weekday, month, quarter and season names. Where candidates overlap, resolved ones beat unresolved
    caller spans and then the longest wins. Leading prepositions are not part of a span ("June" in "in
    June") except in idioms such as "in recent weeks", which resolve differently without them.
    """
    def tense(offset: int) -> str:
        return tense_at(offset) if tense_at else "past"

    candidates: list[tuple[int, int, int, int, int, Resolution]] = []
    for order, (rx, handler) in enumerate(RULES):
        for m in rx.finditer(text):
            start, end = span_of(m)
            res = _safe(handler, m, Ctx(published, tense(start), strict=True))
            if res is not None:
                candidates.append((0, start - end, order, start, end, res))
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        found = _match_whole(text[start:end], Ctx(published, tense(start), strict=False))
        if found is not None:
            res, lead, trail = found
            start, end = start + lead, end - trail
            candidates.append((0, start - end, len(RULES), start, end, res))
        elif _LOOKS_LIKE_TIME.search(text[start:end]):
            piece = text[start:end]
            lead, trail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
            candidates.append((1, start - end, len(RULES), start + lead, end - trail, UNRESOLVED))
    chosen: list[tuple[int, int, Resolution]] = []
    for _, _, _, start, end, res in sorted(candidates):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, res))
    chosen.sort(key=lambda c: c[0])
    anchor: date | None = None  # the last day mentioned, for "that day" / "the same day"
    times = []
    for s, e, res in chosen:
        if res[0] and res[0].startswith("@"):
            res = _anchored(res[0], anchor, published)
        elif res[3] == "day":
            anchor = res[1]
        times.append(TimeSpan(text[s:e], s, e, *res))
    return times


def _anchored(marker: str, anchor: date | None, published: date | None) -> Resolution:
    """Resolve a '@<shift>[P]' placeholder from _same_day against the last day mentioned."""
    shift = int(marker[1:].rstrip("P"))
    if anchor is None and marker.endswith("P"):
        anchor = published
    return cal.day(anchor + timedelta(days=shift)) if anchor else UNRESOLVED
