"""Lexicon and calendar arithmetic for the time-expression rules (``timex_rules``).

Every resolution is a tuple ``(value, interval_start, interval_end, granularity)``:
``value`` in TimeML TIMEX3 notation, the interval in days with both ends inclusive.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Resolution = tuple[str | None, date | None, date | None, str]

MONTHS = {
    name: i + 1
    for i, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december")
    )
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "a couple of": 2, "couple of": 2, "a couple": 2, "a half": 0.5,
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
DECADE_WORDS = {"thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
                "nineties": 9}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_ORDER = ("SP", "SU", "FA", "WI")

# Unit -> (TIMEX3 duration letter, multiplier, approximate days). Decades and centuries are written in
# years (a decade = P10Y) and quarters in months, which is what TimeML annotators do.
UNITS = {
    "minute": ("TM", 1, 1 / 1440), "hour": ("TH", 1, 1 / 24), "day": ("D", 1, 1), "week": ("W", 1, 7),
    "fortnight": ("W", 2, 14), "month": ("M", 1, 30), "quarter": ("M", 3, 91), "year": ("Y", 1, 365),
    "decade": ("Y", 10, 3652), "century": ("Y", 100, 36524),
}
# How far back "recent weeks" / "the past few days" reach, per unit, in days: about four units, but a
# week for days and five years for years, which is what news writers mean by them.
VAGUE_REACH = {"minute": 1, "hour": 1, "day": 7, "week": 28, "fortnight": 28, "month": 182, "quarter": 182,
               "year": 5 * 365, "decade": 30 * 365, "century": 200 * 365}


def unit_name(word: str) -> str:
    """Singular unit name for 'weeks', 'centuries', 'Years'."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") else word


def number(word: str | None) -> float | None:
    """Value of a digit string or number word; None for vague quantities ('several') or no number."""
    if word is None:
        return None
    word = " ".join(word.lower().split())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P2W, P10Y, PT3H; PXW when the amount is vague."""
    letter, mult, _ = UNITS[unit]
    prefix = "PT" if letter.startswith("T") else "P"
    letter = letter[-1]
    if n is None:
        vague = {"decade": "DE", "century": "CE"}.get(unit, letter)
        return f"{prefix}X{vague}"
    amount = n * mult
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"{prefix}{text}{letter}"


def add_months(d: date, n: int) -> date:
    """d moved by n calendar months, the day clamped to the month's length."""
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_units(d: date, n: float, unit: str) -> date:
    """d moved by n units (negative: back); months and longer units move by calendar months."""
    letter, mult, days = UNITS[unit]
    if letter in ("M", "Y"):
        return add_months(d, round(n * mult * (12 if letter == "Y" else 1)))
    return d + timedelta(days=round(n * days))


def day(d: date) -> Resolution:
    return d.isoformat(), d, d, "day"


def week(d: date) -> Resolution:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{y}-W{w:02d}", monday, monday + timedelta(days=6), "week"


def weekend(d: date) -> Resolution:
    value, monday, _, _ = week(d)
    return f"{value}-WE", monday + timedelta(days=5), monday + timedelta(days=6), "week"


def month(y: int, m: int) -> Resolution:
    return f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"


def year(y: int) -> Resolution:
    return f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year"


def fiscal_year(y: int) -> Resolution:
    # The US federal fiscal year (Oct 1 - Sep 30) is the one that matters for contracts and budgets.
    return f"{y:04d}", date(y - 1, 10, 1), date(y, 9, 30), "year"


def quarter(y: int, q: int) -> Resolution:
    first = date(y, 3 * q - 2, 1)
    return f"{y:04d}-Q{q}", first, add_months(first, 3) - timedelta(days=1), "quarter"


def half(y: int, h: int) -> Resolution:
    first = date(y, 6 * h - 5, 1)
    return f"{y:04d}-H{h}", first, add_months(first, 6) - timedelta(days=1), "half"


def season(y: int, code: str) -> Resolution:
    """Meteorological seasons; winter YYYY runs from December YYYY to February YYYY+1."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    first = date(y, start, 1)
    return f"{y:04d}-{code}", first, add_months(first, 3) - timedelta(days=1), "season"


def decade(y: int) -> Resolution:
    first = y - y % 10
    return f"{first // 10}", date(first, 1, 1), date(first + 9, 12, 31), "decade"


def century(c: int) -> Resolution:
    """Century by its TIMEX3 prefix: 20 is 2000-2099 (the 21st century)."""
    return f"{c:02d}", date(c * 100 if c else 1, 1, 1), date(c * 100 + 99, 12, 31), "century"


def season_at(d: date) -> tuple[int, int]:
    """(season-year, index in SEASON_ORDER) of the season containing d."""
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3


def cyclic_index(now: int, target: int, per_year: int, how: str) -> int:
    """Absolute index (year * per_year + position) of the `target` position chosen relative to `now`.

    how: 'past' (latest at or before now), 'future' (earliest at or after now), 'last' (strictly before),
    'next' (strictly after), 'this' (in the same year as now).
    """
    same = now - now % per_year + target
    if how == "this":
        return same
    if how in ("past", "last"):
        strict = how == "last"
        return same if (same < now or (same == now and not strict)) else same - per_year
    strict = how == "next"
    return same if (same > now or (same == now and not strict)) else same + per_year


def weekday_near(p: date, target: int, rel: str, tense: str) -> date:
    """The day named by a weekday (``target``, Monday = 0) relative to ``p``: "last" / "this past" /
    "past" the latest before p, "next" / "this coming" / "coming" the earliest after it, "this" the one
    in p's week; a bare weekday ("") the latest on or before p in past tense (a "Wednesday" in a
    Wednesday's paper is that day), the earliest on or after it in future tense."""
    back = (p.weekday() - target) % 7
    ahead = (target - p.weekday()) % 7
    if rel in ("last", "this past", "past"):
        return p - timedelta(days=back or 7)
    if rel in ("next", "this coming", "coming"):
        return p + timedelta(days=ahead or 7)
    if rel == "this":
        return p + timedelta(days=target - p.weekday())
    return p + timedelta(days=ahead) if tense == "future" else p - timedelta(days=back)


def part(res: Resolution, which: str) -> Resolution:
    """Narrow a resolution's interval to its early / mid / late third, keeping value and granularity."""
    value, start, end, gran = res
    if start is None or end is None:
        return res
    if gran == "year":
        # Month-aligned thirds read better than day thirds: early = Jan-Apr, late = Sep-Dec.
        lo = {"early": 0, "mid": 4, "late": 8}[which]
        return value, add_months(start, lo), add_months(start, lo + 4) - timedelta(days=1), gran
    n = (end - start).days + 1
    cut1, cut2 = start + timedelta(days=n // 3), start + timedelta(days=2 * n // 3)
    if which == "early":
        return value, start, cut1 - timedelta(days=1), gran
    if which == "mid":
        return value, cut1, cut2 - timedelta(days=1), gran
    return value, cut2, end, gran


def clip(res: Resolution, lo: date | None = None, hi: date | None = None) -> Resolution:
    """Keep value and granularity but cut the interval at lo / hi ('earlier this month' ends today)."""
    value, start, end, gran = res
    if start is None or end is None:
        return res
    return value, max(start, lo) if lo else start, min(end, hi) if hi else end, gran
