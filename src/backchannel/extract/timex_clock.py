"""Clock times and parts of the day: '18:00 UTC', '6 p.m. on Monday', 'Friday morning', 'tonight'.

TimeML writes them as TIMEX3 TIME values: ``2009-12-15T18:00Z`` (Z only when the text says UTC or GMT),
``2010-07-16TMO`` for a morning (AF afternoon, EV evening, NI night). The interval is the day they fall
on, since Backchannel dates events by the day; the value keeps the hour.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from backchannel.extract import timex_calendar as cal
from backchannel.extract.timex_rules import Ctx, Resolution

UTC_ZONES = {"utc", "gmt", "z", "zulu"}

_WD = "|".join(cal.WEEKDAYS)
_ZONE = r"(?P<tz>UTC|GMT|Z|EST|EDT|ET|CST|CDT|CT|MST|MDT|PST|PDT|PT)\b"
_AMPM = r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)"
# The day a clock time is on, when the expression says it: "18:00 UTC Monday", "6 p.m. on Friday".
_ON_DAY = rf"(?:,?\s+(?:on\s+)?(?P<day>today|tonight|tomorrow|yesterday|(?:last\s+|next\s+)?(?:{_WD})))?"


def _day_of(word: str | None, ctx: Ctx) -> date | None:
    """The day a clock time is on: the weekday or relative word given, else the publication date."""
    p = ctx.published
    if p is None:
        return None
    if not word:
        return p
    word = " ".join(word.lower().split())
    if word in ("today", "tonight"):
        return p
    if word == "tomorrow":
        return p + timedelta(days=1)
    if word == "yesterday":
        return p - timedelta(days=1)
    rel, _, name = word.rpartition(" ")
    return cal.weekday_near(p, cal.WEEKDAYS[name], rel, ctx.tense)


def _clock(m: re.Match, ctx: Ctx) -> Resolution | None:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g["mi"] or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif not (g.get("tz") or g["mi"]) or (g.get("sep") == "." and not g.get("tz")):
        return None  # a bare number is no time, "2.35 percent" no clock
    if hour > 23:
        return None
    day = _day_of(g["day"], ctx)
    zone = "Z" if (g.get("tz") or "").lower() in UTC_ZONES else ""
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    if day is None:
        return (f"XXXX-XX-XX{clock}", None, None, "unresolved")
    return f"{day.isoformat()}{clock}", day, day, "day"


def _noon(m: re.Match, ctx: Ctx) -> Resolution | None:
    day = _day_of(m["day"], ctx)
    clock = "T12:00" if m["n"].lower() == "noon" else "T24:00"
    if day is None:
        return (f"XXXX-XX-XX{clock}", None, None, "unresolved")
    return f"{day.isoformat()}{clock}", day, day, "day"


RULES = [
    # "18:00 UTC", "6:40 p.m.", "0800 GMT", "6 p.m. on Friday", "16:00 UTC today"
    (rf"(?<![\d:.$])(?P<h>[0-2]?\d)(?P<sep>[:.])(?P<mi>[0-5]\d)(?!\d)(?:\s*{_AMPM})?(?:\s*{_ZONE})?{_ON_DAY}", _clock),
    (rf"(?<![\d:.$,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*{_ZONE}{_ON_DAY}", _clock),
    (rf"(?<![\d:.$,])(?P<h>1[0-2]|0?[1-9])(?P<mi>)\s*{_AMPM}(?:\s*{_ZONE})?{_ON_DAY}", _clock),
    (rf"(?<!\w)(?P<n>noon|midnight){_ON_DAY}", _noon),
]
RULES = [(re.compile(p, re.IGNORECASE), h) for p, h in RULES]
