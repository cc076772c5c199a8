"""Parse publication dates given by users or found in metadata, refusing anything doubtful."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

from backchannel.errors import DateError

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# RFC 822 / 1123 as in RSS: "Thu, 26 Jun 2025 10:00:00 +0000" (weekday optional).
_RFC822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})")
_EXAMPLE = "give a date like 2025-06-26 or 'June 26, 2025'"

# Absolute dates only: a publication date must not depend on the day the tool runs ("yesterday"),
# and a month alone ("June 2025") is not a day.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _show(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


def parse_date(value: str) -> date:
    """Parse a user or metadata date into a ``datetime.date``.

    Accepts ISO dates and date-times ('2025-06-26', '2025-06-26T10:00:00Z'), RFC 822 dates as in
    feeds ('Thu, 26 Jun 2025 10:00:00 +0000') and written dates ('June 26, 2025', '26 June 2025').
    The date is the one written, before any time-zone conversion, because that is the day readers saw.
    Raises DateError with a one-line message for impossible dates ('2025-02-30'), relative or vague
    ones ('yesterday', 'June 2025'), day/month-ambiguous ones ('06/07/2025') and unparseable text.
    """
    if not isinstance(value, str):
        raise DateError(f"not a date: {value!r}; {_EXAMPLE}")
    text = value.strip()
    if not text:
        raise DateError(f"empty date: {_EXAMPLE}")
    shown = _show(text)

    iso = _ISO.match(text)
    if iso:
        try:
            day = date(*(int(part) for part in iso.groups()))
        except ValueError as exc:
            raise DateError(f"not a real date: {shown} ({exc}); {_EXAMPLE}") from None
        if not text[iso.end() :].strip():
            return day
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass  # e.g. "2025-06-26 10:00 EST": let the general parser try

    if _RFC822.match(text):
        try:
            return email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError) as exc:
            raise DateError(f"not a real date: {shown} ({exc}); {_EXAMPLE}") from None

    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        # 06/07/2025 is 6 July in London and June 7 in New York; guessing would silently shift events.
        if first != second and first <= 12 and second <= 12:
            raise DateError(f"ambiguous date: {shown} could be day/month or month/day; {_EXAMPLE}")

    import dateparser  # slow to import; only written dates need it

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise DateError(f"cannot read {shown} as a day (unknown wording, or no such day): {_EXAMPLE}")
    return parsed.date()
