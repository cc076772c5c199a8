"""The rule table behind ``timex``: regular expressions and the handlers that resolve their matches.

A handler gets the match and a ``Ctx`` (publication date, tense, strictness) and returns a resolution
``(value, interval_start, interval_end, granularity)``, or None when the match is not a time expression
after all ("may be working", "Theresa May", "2000 employees"). Strict mode is for running text, where
case and the surrounding words must confirm the reading; ``resolve`` on one expression is lenient.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.extract import timex_calendar as cal

Resolution = cal.Resolution
UNRESOLVED: Resolution = (None, None, None, "unresolved")


@dataclass(frozen=True)
class Ctx:
    """What a rule handler needs besides its match."""

    published: date | None
    tense: str  # 'past' or 'future'
    strict: bool  # True when scanning running text: case and context must confirm the reading


# --- regular-expression pieces ------------------------------------------------------------------------
_MONTH_FULL = "|".join(cal.MONTHS)
_MON = rf"(?P<mon>(?:{_MONTH_FULL}|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b\.?)"
_WD = rf"(?P<wd>{'|'.join(cal.WEEKDAYS)})\b"
_YEAR = r"(?P<year>[12]\d{3})(?!\d|,\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_NUM = (r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a\s+couple\s+of|couple\s+of|a\s+couple|a\s+few|"
        r"a\s+number\s+of|half\s+an?|" + "|".join(sorted(
            (w for w in cal.NUMBER_WORDS if " " not in w and w not in ("a", "an")), key=len, reverse=True))
        + r"|several|few|some|many|an?)")
_UNIT = r"(?P<unit>minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)\b"
_PART = r"(?P<mod>early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of)"
_PARTS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
          "late": "late", "end": "late"}

# Words after which a capitalised "May" / "March" is the month ("in May", not "Theresa May", "may be").
_TIME_PREPS = {"in", "since", "until", "till", "by", "of", "during", "through", "from", "before", "after",
               "to", "between", "and", "or", "last", "next", "this", "early", "late", "mid", "on", "around",
               "for", "throughout", "that", "than", "circa", "as", "at"}
# Words that make a following four-digit number a year even before a plural noun ("in 2020 sales rose",
# "the 2020 elections"); "and 1500 engineers" stays an amount.
_YEAR_PREV = {"in", "since", "until", "till", "by", "of", "during", "through", "throughout", "from", "before",
              "after", "circa", "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "'s", "fiscal",
              "calendar", "year", "early", "mid", "late", "summer", "spring", "autumn", "fall", "winter"}
# Before a bare season: "in the fall", "during summer" (not "to fall", "a fall in prices").
_SEASON_PREPS = {"in", "during", "since", "until", "till", "by", "through", "throughout", "over", "before",
                 "after", "from", "this", "last", "next", "that", "early", "late"}
_COUNT_NOUNS = {"people", "men", "women", "children", "staff", "personnel", "feet", "miles", "km", "kg",
                "pounds", "tons", "tonnes", "dollars", "euros", "percent", "per", "mph", "meters", "metres"}
_WEEKDAY_NAMES = {"black", "cyber", "super", "good", "ash", "holy", "maundy", "easter", "bloody", "fat",
                  "giving", "blue"}


def _word_before(m: re.Match, start: int | None = None) -> str:
    end = m.start() if start is None else start
    before = m.string[max(0, end - 80) : end]  # the previous word is near: never scan the whole text
    found = re.search(r"([\w'’.$€£]+)\W*$", before)
    return found.group(1) if found else ""


def _word_after(m: re.Match, skip: str = r"[\s,]*") -> str:
    found = re.match(skip + r"([\w'’$%]+)", m.string[m.end():])
    return found.group(1) if found else ""


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _sentence_start(m: re.Match) -> bool:
    return re.search(r"(^|[.!?:;\"“]\s*|\n)\s*$", m.string[: m.start()]) is not None


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return cal.MONTHS.get(word) or cal.MONTH_ABBREVIATIONS[word]


def _two_digit_year(yy: str, published: date | None) -> int:
    # '82 is 1982 and '07 is 2007: up to five years past publication is this century. Without a date the
    # pivot is fixed (never today's date, so results do not drift).
    pivot = ((published.year if published else 2025) + 5) % 100
    return (2000 if int(yy) <= pivot else 1900) + int(yy)


def _relative(ctx: Ctx, make: Callable[[date], Resolution], vague: str | None = None) -> Resolution:
    """Resolve against the publication date; without one keep the expression, unresolved."""
    if ctx.published is None:
        return (vague, None, None, "unresolved")
    return make(ctx.published)


def _with_part(res: Resolution, mod: str | None) -> Resolution:
    if not mod:
        return res
    key = mod.lower().split()[-2] if " of" in mod.lower() else mod.lower()
    return cal.part(res, _PARTS[key])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --- absolute dates -----------------------------------------------------------------------------------
def _iso(m: re.Match, ctx: Ctx) -> Resolution | None:
    d = _safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return cal.day(d) if d else None


def _numeric(m: re.Match, ctx: Ctx) -> Resolution | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    month_, day_ = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    d = _safe_date(_two_digit_year(y, ctx.published) if len(y) == 2 else int(y), month_, day_)
    return cal.day(d) if d else None


def _day_in_year(month_: int, day_: int, year_: str | None, ctx: Ctx) -> Resolution | None:
    if year_:
        d = _safe_date(int(year_), month_, day_)
        return cal.day(d) if d else None
    if _safe_date(2024, month_, day_) is None:  # 2024 is a leap year: Feb 29 is a real date
        return None
    if ctx.published is None:
        return UNRESOLVED
    p = ctx.published
    d = _safe_date(p.year, month_, day_) or date(p.year, 2, 28)
    # A past-tense date more than ~6 months ahead is last year's; a future-tense one that far back, next year's.
    if ctx.tense != "future" and d > p + timedelta(days=183):
        d = _safe_date(p.year - 1, month_, day_) or date(p.year - 1, 2, 28)
    elif ctx.tense == "future" and d < p - timedelta(days=183):
        d = _safe_date(p.year + 1, month_, day_) or date(p.year + 1, 2, 28)
    return cal.day(d)


def _names_ok(m: re.Match, ctx: Ctx) -> bool:
    """In running text month and weekday names must be capitalised ('may' is a modal verb)."""
    return not ctx.strict or all(_capitalised(_g(m, g)) for g in ("mon", "wd") if _g(m, g))


def _mdy(m: re.Match, ctx: Ctx) -> Resolution | None:
    if not _names_ok(m, ctx):
        return None
    return _day_in_year(_month_number(m["mon"]), int(m["day"]), m["year"], ctx)


def _dmy(m: re.Match, ctx: Ctx) -> Resolution | None:
    if not _names_ok(m, ctx):
        return None
    before = _word_before(m)
    # "Phase 3 March ..." / "Artemis 2 May ...": a number after a name is not a day of the month.
    if ctx.strict and not m["wd"] and not m["year"] and _capitalised(before) and not _sentence_start(m) \
            and before.lower() not in _TIME_PREPS:
        return None
    return _day_in_year(_month_number(m["mon"]), int(m["day"]), m["year"], ctx)


def _month_year(m: re.Match, ctx: Ctx) -> Resolution | None:
    if not _names_ok(m, ctx):
        return None
    mon = _month_number(m["mon"])
    if m["rel"]:  # "October of next year"
        shift = {"next": 1, "last": -1}.get(m["rel"].lower(), 0)
        return _with_part(_relative(ctx, lambda p: cal.month(p.year + shift, mon)), m["mod"])
    y = int(m["year"]) if m["year"] else _two_digit_year(m["y2"], ctx.published)
    return _with_part(cal.month(y, mon), m["mod"])


def _cyclic(ctx: Ctx, target: int, per_year: int, how: str | None, make: Callable[[int, int], Resolution],
            now: Callable[[date], int]) -> Resolution:
    """A month / quarter / half named without a year: pick the year from tense or 'last'/'next'/'this'."""
    def go(p: date) -> Resolution:
        k = cal.cyclic_index(now(p), target, per_year, how or ("future" if ctx.tense == "future" else "past"))
        return make(k // per_year, k % per_year + 1)
    return _relative(ctx, go)


def _month_bare(m: re.Match, ctx: Ctx) -> Resolution | None:
    name = m["mon"]
    rel = (m["rel"] or "").lower()
    if ctx.strict:
        before, after = _word_before(m), _word_after(m)
        if not _capitalised(name):
            return None
        # "Theresa May", "June Carter", "the Women's March": a name next to a name is not a month.
        if not rel and not m["mod"]:
            prep = before.lower() in _TIME_PREPS
            if name.lower() in ("may", "march") and not prep:
                return None
            if _capitalised(after) and not prep and after.lower() not in cal.MONTHS:
                return None
            if _capitalised(before) and not prep and not _sentence_start(m):
                return None
    how = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}.get(
        " ".join(rel.split()))
    res = _cyclic(ctx, _month_number(name) - 1, 12, how, cal.month, lambda p: p.year * 12 + p.month - 1)
    return _with_part(res, m["mod"])


def _year(m: re.Match, ctx: Ctx) -> Resolution | None:
    y = int(m["year"])
    fy = (m["fy"] or "").lower()
    before = _word_before(m, m.start("year") if not fy and not m["mod"] else None).lower()
    if ctx.strict and not fy and not m["mod"]:
        if before in ("no.", "number", "#", "flight", "route", "model", "boeing", "airbus", "$", "nasdaq"):
            return None
        after = _word_after(m).lower()
        plural = after in _COUNT_NOUNS or (after.endswith("s") and not after.endswith("'s") and len(after) > 3)
        if plural and before not in _YEAR_PREV:
            return None  # "2000 employees": an amount, not a year
        if y < 1900 and before not in _YEAR_PREV:
            return None
    if y > 2199:
        return None
    if fy.startswith("fy") or fy.startswith("fiscal"):
        return _with_part(cal.fiscal_year(y), m["mod"])
    return _with_part(cal.year(y), m["mod"])


def _fiscal_short(m: re.Match, ctx: Ctx) -> Resolution | None:
    if ctx.strict and m.group(0).startswith("fy"):
        return None
    return cal.fiscal_year(2000 + int(m["y2"]))


def _apostrophe_year(m: re.Match, ctx: Ctx) -> Resolution | None:
    if ctx.strict and _word_before(m).lower() not in _TIME_PREPS | set(cal.SEASONS):
        return None
    return cal.year(_two_digit_year(m["y2"], ctx.published))


def _decade(m: re.Match, ctx: Ctx) -> Resolution | None:
    if m["word"]:
        first = 1900 + 10 * cal.DECADE_WORDS[m["word"].lower()]
    elif m["d4"]:
        first = int(m["d4"] + m["d2"])
    else:
        two = m["d2b"] or m["d2c"]
        # "the 90s" needs "the" (else "in his 70s" is an age); "'90s" is a decade on its own.
        listed = re.search(r"\d0['’]?s\s+(?:and|or|to|through)\s+$", m.string[: m.start()])
        if m["d2b"] is None and not m["the"] and not listed:
            return None
        first = _two_digit_year(two, ctx.published)
    if m["word"] and not m["the"]:
        return None
    res = cal.decade(first)
    if m["mod"]:
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m["mod"].lower()]
        res = (res[0], date(first + lo, 1, 1), date(first + hi, 12, 31), "decade")
    return res


_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "eighteenth": 18}


def _century(m: re.Match, ctx: Ctx) -> Resolution | None:
    ordinal = m["ord"].lower()
    n = _CENTURY_WORDS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
    return cal.century(n - 1) if 1 <= n <= 22 else None


def _quarter_or_half(m: re.Match, ctx: Ctx, per_year: int) -> Resolution | None:
    make = cal.quarter if per_year == 4 else cal.half
    words = {**cal.ORDINALS, "final": per_year, "latter": 2, "back": 2, "last": per_year}
    ordinal = (_g(m, "ord") or _g(m, "q") or "").lower()
    n = int(ordinal) if ordinal.isdigit() else words[ordinal]
    if ctx.strict and m.group(0)[0] in "qh":
        return None  # "q1" / "h1" in lower case is not how anyone writes a quarter
    if _g(m, "year") or _g(m, "y2"):
        return make(int(m["year"]) if _g(m, "year") else 2000 + int(m["y2"]), n)
    rel = " ".join((_g(m, "rel") or "").lower().split())
    if rel:
        shift = {"last": -1, "next": 1, "the previous": -1}.get(rel, 0)
        return _relative(ctx, lambda p: make(p.year + shift, n))
    if per_year == 2:
        return None  # a bare "the second half" is more often a game or a speech than a year
    if ordinal == "last":  # "the last quarter" without a year: the quarter before this one
        return _relative(ctx, lambda p: _unit_at(p, "quarter", -1))
    return _cyclic(ctx, n - 1, 4, None, make, lambda p: p.year * 4 + (p.month - 1) // 3)


def _season(m: re.Match, ctx: Ctx) -> Resolution | None:
    code = cal.SEASONS[m["season"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if m["year"]:
        return cal.season(int(m["year"]), code)
    if ctx.strict:
        before, after = _word_before(m).lower(), _word_after(m).lower()
        if after == "of" or (rel in ("", "the", "early", "late", "mid") and before not in _SEASON_PREPS):
            return None  # "a fall in prices", "the spring of discontent", "hot springs"
    idx = cal.SEASON_ORDER.index(code)

    def go(p: date) -> Resolution:
        sy, si = cal.season_at(p)
        now = sy * 4 + si
        if rel == "this":
            y = p.year - 1 if code == "WI" and p.month <= 2 else p.year
            return cal.season(y, code)
        how = {"last": "last", "this past": "last", "next": "next", "this coming": "next"}.get(
            rel, "future" if ctx.tense == "future" else "past")
        k = cal.cyclic_index(now, idx, 4, how)
        return cal.season(k // 4, code)

    res = _relative(ctx, go)
    return cal.part(res, rel) if rel in ("early", "mid", "late") else res


# --- relative to the publication date ----------------------------------------------------------------
def _unit_at(p: date, unit: str, shift: int) -> Resolution:
    """The week / month / quarter / year / decade / century containing p, moved by shift units."""
    if unit in ("week", "weekend"):
        d = p + timedelta(weeks=shift)
        return cal.weekend(d) if unit == "weekend" else cal.week(d)
    if unit == "month":
        d = cal.add_months(p, shift)
        return cal.month(d.year, d.month)
    if unit == "quarter":
        k = p.year * 4 + (p.month - 1) // 3 + shift
        return cal.quarter(k // 4, k % 4 + 1)
    if unit == "year":
        return cal.year(p.year + shift)
    if unit == "decade":
        return cal.decade(p.year + 10 * shift)
    return cal.century(p.year // 100 + shift)


def _today(m: re.Match, ctx: Ctx) -> Resolution | None:
    text = " ".join(m.group(0).lower().split())
    shift = 0
    if "yesterday" in text or "last night" in text or "last evening" in text:
        shift = -2 if "before yesterday" in text else -1
    elif "tomorrow" in text:
        shift = 2 if "after tomorrow" in text else 1
    part = next((w for w in ("morning", "afternoon", "evening", "night", "tonight") if w in text.split()), None)
    return _relative(ctx, lambda p: _part_of_day(cal.day(p + timedelta(days=shift)), part))


def _part_of_day(res: Resolution, word: str | None) -> Resolution:
    """'2010-07-16' -> '2010-07-16TMO' for a morning (TIMEX3 TIME values; the interval stays the day)."""
    code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}.get(word or "")
    return (f"{res[0]}T{code}", *res[1:]) if code and res[0] else res


def _weekday(m: re.Match, ctx: Ctx) -> Resolution | None:
    if not _names_ok(m, ctx):
        return None
    rel = " ".join((m["rel"] or "").lower().split())
    if ctx.strict and not rel:
        before, after = _word_before(m), _word_after(m)
        if before.lower() in _WEEKDAY_NAMES:
            return None  # "Black Monday", "Super Tuesday": named days, not this week's
        if _capitalised(after) and not m["tod"] and after.lower() not in cal.MONTHS \
                and before.lower() not in _TIME_PREPS and not _sentence_start(m):
            return None  # "the Sunday Times"
    target = cal.WEEKDAYS[m["wd"].lower()]

    tod = (m["tod"] or "").lower() or None
    return _relative(ctx, lambda p: _part_of_day(cal.day(cal.weekday_near(p, target, rel, ctx.tense)), tod))


def _this_unit(m: re.Match, ctx: Ctx) -> Resolution | None:
    rel = " ".join((m["rel"] or "").lower().split())
    unit = m["unit"].lower()
    mod = (m["mod"] or "").lower()
    if rel == "the" and not mod and unit != "weekend":
        return None  # "the year" alone says nothing
    if rel == "the" and unit == "weekend" and ctx.strict and _word_before(m).lower() not in _TIME_PREPS | {"over"}:
        return None
    shift = {"last": -1, "this past": -1, "the previous": -1, "next": 1, "this coming": 1}.get(rel, 0)

    def go(p: date) -> Resolution:
        s = shift
        if unit == "weekend" and rel in ("this", "the") and ctx.tense != "future":
            # "this weekend" / "over the weekend" told in the past on a Monday-Friday is the one just gone
            s = -1 if p.weekday() < 5 else 0
        res = _unit_at(p, unit, s)
        if mod == "earlier":
            return cal.clip(res, hi=p)
        if mod == "later":
            return cal.clip(res, lo=p)
        return _with_part(res, mod or None)

    return _relative(ctx, go)


_DAY_VERBS = {"end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing",
              "start", "started", "starting", "open", "opened", "for"}


def _same_day(m: re.Match, ctx: Ctx) -> Resolution | None:
    """'that day', 'the same day', 'the next day', 'ended the day': the day last mentioned (see find_times).

    Returns a placeholder value '@<shift>' ('@0P' when the publication date is a fair default, as in
    market reports: "the Dow ended the day up 2%"); find_times swaps in the anchor.
    """
    ana = " ".join(m["ana"].lower().split())
    after = _word_after(m, r"\s*").lower()
    if not m["when"] and after in ("of", "before", "after", "when", "that", "which", "on", "in", "to", "is", "was"):
        return None  # "the day of the vote", "the day after the election": not an anaphoric day
    shift = {"the next": 1, "the following": 1, "the previous": -1}.get(ana, 0)
    if ana == "the":
        if not m["when"] and _word_before(m).lower() not in _DAY_VERBS:
            return None  # a bare "the day" is usually not a date
        return "@0P", None, None, "unresolved"
    return f"@{shift}", None, None, "unresolved"


def _ago(m: re.Match, ctx: Ctx) -> Resolution | None:
    unit = cal.unit_name(m["unit"])
    n = cal.number(m["num"])
    future = not m["dir"].lower().startswith("ago")
    sign = 1 if future else -1
    kind = "FUTURE_REF" if future else "PAST_REF"

    def go(p: date) -> Resolution:
        if n is None:  # "a few weeks ago", "years ago": somewhere two to six units back
            far, near = cal.add_units(p, sign * 6, unit), cal.add_units(p, sign * 2, unit)
            if unit == "day":
                far = p + timedelta(days=sign * 7)
            return (kind, min(far, near), max(far, near), "ref")
        d = cal.add_units(p, sign * n, unit)
        if unit in ("minute", "hour", "day"):
            return cal.day(d)
        if unit in ("week", "fortnight"):
            return cal.week(d)
        if unit in ("month", "quarter"):
            return cal.month(d.year, d.month)
        return cal.year(d.year)

    return _relative(ctx, go)


def _span_ref(m: re.Match, ctx: Ctx) -> Resolution | None:
    """'the past two weeks', 'in recent weeks', 'in the coming months': a vague stretch up to / from P."""
    unit = cal.unit_name(m["unit"])
    direction = (_g(m, "dir") or _g(m, "dir2") or "recent").lower()
    if (unit == "quarter" or direction == "previous") and not _g(m, "num"):
        return None  # "the last quarter", "the previous year": calendar units (quarter / this-unit rules)
    n = cal.number(_g(m, "num"))
    if n is None and not m["unit"].lower().endswith("s") and not _g(m, "num"):
        n = 1  # "the past week"
    future = direction in ("coming", "next", "upcoming") or bool(_g(m, "ahead"))
    kind = "FUTURE_REF" if future else "PAST_REF"

    def go(p: date) -> Resolution:
        far = cal.add_units(p, n if future else -n, unit) if n else \
            p + timedelta(days=cal.VAGUE_REACH[unit] * (1 if future else -1))
        return (kind, min(p, far), max(p, far), "ref")

    return _relative(ctx, go, kind)


_VAGUE = {  # phrase -> (value, days before P, days after P); None: no interval (unbounded)
    "recently": ("PAST_REF", 90, 0), "lately": ("PAST_REF", 90, 0), "more recently": ("PAST_REF", 90, 0),
    "most recently": ("PAST_REF", 90, 0), "until recently": ("PAST_REF", 90, 0),
    "currently": ("PRESENT_REF", 0, 0), "now": ("PRESENT_REF", 0, 0), "right now": ("PRESENT_REF", 0, 0),
    "at present": ("PRESENT_REF", 0, 0), "at the moment": ("PRESENT_REF", 0, 0),
    "nowadays": ("PRESENT_REF", 0, 0), "these days": ("PRESENT_REF", 0, 0), "presently": ("PRESENT_REF", 0, 0),
    "soon": ("FUTURE_REF", 0, 30), "shortly": ("FUTURE_REF", 0, 30),
    "in the near future": ("FUTURE_REF", 0, 90), "in the near term": ("FUTURE_REF", 0, 182),
    "in the short term": ("FUTURE_REF", 0, 182), "the near term": ("FUTURE_REF", 0, 182),
    "in the future": ("FUTURE_REF", None, None), "in the long term": ("FUTURE_REF", None, None),
    "the long term": ("FUTURE_REF", None, None), "in the past": ("PAST_REF", None, None),
}


def _vague(m: re.Match, ctx: Ctx) -> Resolution | None:
    phrase = " ".join(m.group(0).lower().split())
    if ctx.strict:
        before, after = _word_before(m).lower(), _word_after(m).lower()
        if phrase == "soon" and (before == "as" or after in ("after", "afterwards", "afterward", "thereafter")):
            return None
        if phrase == "shortly" and (ctx.tense != "future" or after in ("after", "before", "afterwards")):
            return None
        if phrase == "now" and before == "from":
            return None
    value, back, ahead = _VAGUE[phrase]
    if back is None:
        return (value, None, None, "ref" if ctx.published else "unresolved")
    return _relative(ctx, lambda p: (value, p - timedelta(days=back), p + timedelta(days=ahead), "ref"), value)


def _duration(m: re.Match, ctx: Ctx) -> Resolution | None:
    unit = cal.unit_name(m["unit"])
    num = (_g(m, "num") or "").lower()
    if ctx.strict and not _g(m, "for"):
        before, after = _word_before(m).lower(), _word_after(m).lower()
        if _g(m, "adj") == "-old" or before in ("once", "twice", "thrice", "times", "per", "every", "each"):
            return None  # an age, or a frequency (SET)
        if unit == "quarter" and (num in ("a", "an") or after == "of"):
            return None  # "a quarter of the budget"
        if num == "one" and unit == "day" and before not in _TIME_PREPS | {"within", "over", "only", "just"}:
            return None  # "one day" is usually "some day"
    n = cal.number(num) if num else None
    return cal.duration_value(n, unit), None, None, "duration"


# --- the rule table: order breaks ties between equally long matches ---------------------------------------
_MOD_SEP = r"[\s-]+"
RULES: list[tuple[re.Pattern, Callable[[re.Match, Ctx], Resolution | None]]] = [
    (rf"(?<![\d/.-]){_YEAR}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])", _iso),
    (r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])", _numeric),
    (rf"(?:{_WD},?[ \t]+)?{_MON}\s*{_DAY}(?:(?:\s*,\s*|\s+){_YEAR})?", _mdy),
    (rf"(?:{_WD},?[ \t]+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?", _dmy),
    (rf"(?:{_PART}{_MOD_SEP})?{_MON},?\s+(?:of\s+)?(?:{_YEAR}|['’](?P<y2>\d\d)\b|(?P<rel>next|last|this)\s+year\b)",
     _month_year),
    (rf"(?:{_PART}{_MOD_SEP}|(?P<rel>this\s+past|this\s+coming|last|next|this)\s+)?"
     rf"(?P<mon>{_MONTH_FULL}|sept\.)(?![\w-])", _month_bare),
    (r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<word>thirties|forties|fifties|sixties|"
     r"seventies|eighties|nineties)|(?:(?P<d4>1\d|20)(?P<d2>\d0)|['’](?P<d2b>\d0)|(?P<d2c>\d0))['’]?s)\b",
     _decade),
    (r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first|eighteenth)[\s-]+century\b",
     _century),
    (r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?"
     rf"(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?{_YEAR}|(?P<rel>this|last|next|the\s+current|the\s+previous|the)"
     r"\s+(?:fiscal\s+)?year))?", lambda m, c: _quarter_or_half(m, c, 4)),
    (rf"\bq(?P<q>[1-4])(?:\s*{_YEAR}|\s*['’]?(?P<y2>\d\d)\b|\b)", lambda m, c: _quarter_or_half(m, c, 4)),
    (r"\b(?P<q>[1-4])Q\s?(?P<y2>\d\d)\b", lambda m, c: _quarter_or_half(m, c, 4)),
    (r"(?:the\s+)?(?P<ord>first|second|latter|back|1st|2nd)[\s-]+half\s+(?:of\s+)?"
     rf"(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?{_YEAR}|(?P<rel>this|last|next|the\s+current|the)\s+"
     r"(?:fiscal\s+)?year)", lambda m, c: _quarter_or_half(m, c, 2)),
    (rf"\bh(?P<q>[12])\s*(?:{_YEAR}|['’]?(?P<y2>\d\d)\b)", lambda m, c: _quarter_or_half(m, c, 2)),
    (r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|early|late|mid|the)[\s-]+)?"
     rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR})?\b", _season),
    (rf"(?:{_PART}{_MOD_SEP})?(?:(?P<fy>fiscal(?:\s+year)?|fy|the\s+year|calendar(?:\s+year)?)[\s-]*)?"
     rf"(?<![\d$€£¥.,/#]){_YEAR}(?![%]|[./]\d|-\d\d-)", _year),
    (r"\b(?:fy|fiscal\s+)['’]?(?P<y2>\d\d)\b", _fiscal_short),
    (r"(?<![\w'’])['’](?P<y2>\d\d)\b(?!['’]?s)", _apostrophe_year),
    (r"(?:(?:earlier|later|early|late)\s+)?(?:(?:today|tonight|tomorrow|yesterday)"
     r"(?:\s+(?:morning|afternoon|evening|night))?|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)|"
     r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b", _today),
    (rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|early|late|earlier|later)\s+(?:on\s+)?)?{_WD}"
     r"(?:\s+(?P<tod>morning|afternoon|evening|night))?", _weekday),
    (r"(?:(?P<mod>earlier|later|early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of)"
     r"[\s-]+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+current|the\s+previous|the)\s+"
     r"(?P<unit>weekend|week|month|year|decade|century|quarter)\b", _this_unit),
    (rf"(?:{_NUM}\s+)?{_UNIT}\s+(?P<dir>ago|from\s+now|hence)\b", _ago),
    (r"(?:(?P<when>later|earlier|late|early)\s+(?:in\s+)?)?(?P<ana>that\s+same|that|the\s+same|the\s+next|"
     r"the\s+following|the\s+previous|the)\s+day\b", _same_day),
    (rf"(?:(?:in|over|during|within|throughout|for)\s+)?the\s+(?P<dir>past|last|previous|coming|next|upcoming)"
     rf"\s+(?:{_NUM}\s+)?{_UNIT}", _span_ref),
    (r"(?:(?:in|over|during|within|throughout)\s+)?(?:(?P<dir>recent|coming)|the\s+(?P<dir2>coming))\s+"
     r"(?P<unit>days|weeks|months|years|decades)\b", _span_ref),
    (r"(?:in|over|during)\s+the\s+(?P<unit>days|weeks|months|years)\s+(?P<ahead>ahead|to\s+come)\b", _span_ref),
    (r"\b(?:" + "|".join(sorted((k.replace(" ", r"\s+") for k in _VAGUE), key=len, reverse=True))
     + r")\b(?!-)", _vague),
    (rf"(?:{_NUM}[\s-]+){_UNIT}(?P<adj>-long|-old)?(?!\s+(?:ago|earlier|later|prior|from\s+now|hence|"
     r"back|ahead|before\s+that|after\s+that)\b)", _duration),
    (r"(?P<for>for)\s+(?P<t>(?P<unit>days|weeks|months|years|decades|centuries))\b(?!\s+(?:ago|to\s+come))",
     _duration),
]
RULES = [(re.compile(p, re.IGNORECASE), h) for p, h in RULES]


def span_of(m: re.Match) -> tuple[int, int]:
    """The reported span of a match: group 't' when the rule has one ("years" in "for years")."""
    return m.span("t") if _g(m, "t") is not None else m.span()

