"""Reading single values out of records: names, amounts, dates, codes, and the award keys that let
an award's records from USAspending and FPDS be joined.

Each parser returns None for an absent value and raises BadValue for a present but unusable one, so
a reader can turn a bad field into a RecordProblem for that record alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date

from backchannel.ingest.base import clean_field
from backchannel.records.model import BadValue

DESCRIPTION_LIMIT = 600  # characters kept of an award description or of a filing's specific issues

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:$| )")
_CODE_PREFIX = re.compile(r"^[A-Za-z0-9]{1,10}:\s*")
_NONE = "-NONE-"  # USAspending's placeholder for an empty part of a key


def text(value: object) -> str | None:
    """A one-line value with white space collapsed, or None when absent, blank, or a JSON object or
    list where a single value belongs."""
    return None if isinstance(value, (dict, list)) else clean_field(value)


def obj(value: object) -> dict:
    """A nested JSON object, or {} when it is absent or not an object, so a malformed record reads as
    one with missing fields (a problem for that record) instead of stopping the file."""
    return value if isinstance(value, dict) else {}


def without_code(value: object) -> str | None:
    """The name in a legacy "code: NAME" value ("2000: Department of the Treasury"), else the value.

    Legacy USAspending columns write codes and names together; the name is what resolution needs.
    A value that is only a code with an empty name (": ") gives None.
    """
    value = text(value)
    if value is None:
        return None
    if ":" in value and _CODE_PREFIX.match(value):
        return text(_CODE_PREFIX.sub("", value, count=1))
    return text(value.lstrip(":"))


def code_of(value: object) -> str | None:
    """The code in a legacy "code: NAME" value ("8135: PACKAGING ..." gives "8135"), else the value."""
    value = text(value)
    if value is None:
        return None
    return text(value.split(":", 1)[0]) if ":" in value else value


def amount(value: object, field: str) -> float | None:
    """A dollar amount from a number or a string such as "470000.00", "$1,230,942.45" or "-6000.0000".

    Raises BadValue when the value is present but is not a finite number.
    """
    if value is None:
        return None
    if isinstance(value, (bool, list, dict)):
        raise BadValue(f"{field} {value!r} is not an amount")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        raw = text(value)
        if raw is None:
            return None
        cleaned = raw.replace(",", "").replace("$", "").replace(" ", "")
        try:
            number = float(cleaned)
        except ValueError:
            raise BadValue(f"{field} {raw!r} is not an amount") from None
    if not math.isfinite(number):
        raise BadValue(f"{field} {value!r} is not an amount")
    return number


def day(value: object, field: str) -> date | None:
    """The date in "2016-10-19", "2016-10-19T21:02:06.793", "2012-10-01 00:00:00" or "9/8/2016".

    The time and time zone of a timestamp are dropped: records are placed on days. Raises BadValue
    for a value that is no date, or an impossible one such as 2025-02-30.
    """
    if isinstance(value, (list, dict)):
        raise BadValue(f"{field} {value!r} is not a date")
    raw = text(value)
    if raw is None:
        return None
    if match := _ISO_DATE.match(raw):
        year, month, dom = (int(g) for g in match.groups())
    elif match := _US_DATE.match(raw):  # legacy USAspending: month/day/year
        month, dom, year = (int(g) for g in match.groups())
    else:
        raise BadValue(f"{field} {raw!r} is not a date (expected YYYY-MM-DD)")
    try:
        return date(year, month, dom)
    except ValueError:
        raise BadValue(f"{field} {raw!r} is not a real date") from None


def short(value: object, limit: int = DESCRIPTION_LIMIT) -> str | None:
    """A description cut to ``limit`` characters at a word boundary, marked with an ellipsis."""
    value = text(value)
    if value is None or len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0] or value[:limit]
    return cut.rstrip(" ,;:") + "…"


def unique(values: Iterable[object]) -> tuple[str, ...]:
    """The non-blank values, collapsed, in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for value in values:
        value = text(value)
        if value is not None:
            seen.setdefault(value, None)
    return tuple(seen)


def award_key(
    piid: str, agency: str | None, parent_piid: str | None, parent_agency: str | None, idv: bool = False
) -> str:
    """USAspending's key for a contract award (CONT_AWD_...) or an IDV (CONT_IDV_...).

    USAspending builds it from the FPDS fields, so the same award read from FPDS, from a USAspending
    CSV or from the API gets the same key (checked against the keys in the API's own responses).
    """
    if idv:
        return f"CONT_IDV_{piid}_{agency or _NONE}".upper()
    parts = (piid, agency, parent_piid, parent_agency)
    return "CONT_AWD_" + "_".join(part or _NONE for part in parts).upper()


def transaction_key(
    agency: str | None,
    parent_agency: str | None,
    piid: str,
    modification: str | None,
    parent_piid: str | None,
    number: str | None,
) -> str:
    """USAspending's key for one contract action (CONT_TX_...), from the same FPDS fields."""
    parts = (agency, parent_agency, piid, modification, parent_piid, number)
    return "CONT_TX_" + "_".join(part or _NONE for part in parts).upper()


def award_key_of_transaction(key: str) -> tuple[str, str, str | None, str] | None:
    """(award key, PIID, parent PIID, modification) from a CONT_TX_ key, or None if it is not one.

    The API's transaction list gives no award id of its own, but each transaction's key carries it.
    """
    parts = key.split("_")
    if len(parts) != 8 or parts[:2] != ["CONT", "TX"]:
        return None
    agency, parent_agency, piid, modification, parent_piid, _number = parts[2:]
    if piid == _NONE:
        return None
    award = award_key(piid, agency, _real(parent_piid), _real(parent_agency))
    return award, piid, _real(parent_piid), modification


def parent_of_award_key(key: str | None) -> str | None:
    """The parent IDV's PIID in a CONT_AWD_<piid>_<agency>_<parent piid>_<parent agency> key, if any."""
    parts = (key or "").split("_")
    if len(parts) == 6 and parts[:2] == ["CONT", "AWD"]:
        return _real(parts[4])
    return None


def _real(part: str) -> str | None:
    return None if part == _NONE else part


def usaspending_url(award: str | None) -> str | None:
    """The public page of an award on usaspending.gov, from its CONT_AWD_/CONT_IDV_ key."""
    return f"https://www.usaspending.gov/award/{award}" if award else None
