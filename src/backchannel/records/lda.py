"""Senate Lobbying Disclosure Act filings: the bulk XML download (``<PublicFilings>``) and the LDA
REST API's JSON (``https://lda.senate.gov/api/v1/filings/``): one lobbying record per filing.

Names stay as written: "X on behalf of Y" in a client name, "SPACE EXPLORATION TECHNOLOGIES" against
"Space Exploration Technologies Corp." are resolution's business. A self-filer (an organisation
lobbying for itself) keeps its name as both registrant and client.

The amount is what the filing reports: a lobbying firm's income from the client, or a self-filer's
lobbying expenses. The bulk XML already gives the one that applies (``Amount``); the API gives
both fields, and we take income for a firm and expenses for a self-filer. A filing that reports
neither (registrations, "no activity" reports, reports ticking "less than $5,000") has amount None.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

from backchannel.errors import InputError
from backchannel.records import values as v
from backchannel.records.files import JSON, XML, child, descendants, open_record_file, parse_json, xml_items
from backchannel.records.model import LOBBYING, BadValue, Record, RecordProblem, each

SOURCE = "Senate LDA"

_UUID = re.compile(r"^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$")
_QUARTER = re.compile(r"\b(1st|2nd|3rd|4th|first|second|third|fourth)[ _]quarter\b", re.IGNORECASE)
_HALF = re.compile(r"\b(mid[ _-]?year|year[ _-]?end)\b", re.IGNORECASE)
_QUARTER_NUMBER = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
_EXPECTED_JSON = "expected an LDA API filing, a list of filings or a response with 'results'"


def read_lda(path: str | os.PathLike) -> Iterator[Record | RecordProblem]:
    """Read a Senate LDA bulk XML file or an LDA API JSON response.

    Raises InputError (one line) at once when the file cannot be read or is neither format.
    """
    opened = open_record_file(path)
    if opened.format == XML:
        filings = xml_items(opened, "PublicFilings", "Filing", "an LDA XML file")
        return each(_xml_filing, filings, opened.path)
    if opened.format != JSON:
        raise InputError(
            f"{opened.path}: not an LDA file: expected <PublicFilings> XML or LDA API JSON, found CSV"
        )
    data = parse_json(opened)
    if isinstance(data, dict) and "filing_uuid" in data:
        filings = [data]  # /api/v1/filings/<uuid>/ answers with one filing
    elif isinstance(data, dict) and isinstance(data.get("results"), list):
        filings = data["results"]
    elif isinstance(data, list):
        filings = data  # filings gathered from several pages into one list
    else:
        raise InputError(f"{opened.path}: not an LDA API response: {_EXPECTED_JSON}")
    if filings and not any(isinstance(item, dict) and "filing_uuid" in item for item in filings):
        raise InputError(
            f"{opened.path}: not an LDA API response: no result has a filing_uuid; {_EXPECTED_JSON}"
        )
    return each(_api_filing, filings, opened.path, "a filing object")


def _required(value: str | None, what: str) -> str:
    if value is None:
        raise BadValue(f"no {what}: the filing is incomplete; check the download")
    return value


def _year(value: object) -> int | None:
    raw = v.text(value)
    if raw is None:
        return None
    if not raw.isdigit() or not 1990 <= int(raw) <= 2100:
        raise BadValue(f"filing year {raw!r} is not a year")
    return int(raw)


def period_of(year: int | None, *labels: object) -> tuple[str | None, date | None, date | None]:
    """("2016 Q3", first day, last day) from the year and the first label naming a period:
    "3rd Quarter (July 1 - Sep 30)", "third_quarter", "THIRD QUARTER REPORT", "Mid-Year", "year_end".
    (None, None, None) for a registration or an undetermined period."""
    if year is None:
        return None, None, None
    for label in labels:
        label = v.text(label) or ""
        if match := _QUARTER.search(label):
            quarter = _QUARTER_NUMBER[match.group(1).lower()]
            start = date(year, 3 * quarter - 2, 1)
            end = date(year, 3 * quarter, 30 if quarter in (2, 3) else 31)
            return f"{year} Q{quarter}", start, end
        if match := _HALF.search(label):  # semi-annual reports, before 2008
            if match.group(1).lower().startswith("mid"):
                return f"{year} H1", date(year, 1, 1), date(year, 6, 30)
            return f"{year} H2", date(year, 7, 1), date(year, 12, 31)
    return None, None, None


def _same_name(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _xml_filing(filing: ET.Element, location: str) -> Record:
    """A <Filing> of the Senate's bulk XML: attributes on the filing, parties as child elements."""
    filing_id = _required(v.text(filing.get("ID")), "filing ID")
    registrant_el = child(filing, "Registrant")
    client_el = child(filing, "Client")
    registrant = _required(v.text(_attr(registrant_el, "RegistrantName")), "registrant name (RegistrantName)")
    client = _required(v.text(_attr(client_el, "ClientName")), "client name (ClientName)")
    year = _year(filing.get("Year"))
    period, start, end = period_of(year, filing.get("Period"), filing.get("Type"))
    issues = list(descendants(filing, "Issue"))
    self_filer = (v.text(_attr(client_el, "SelfFiler")) or "").upper() == "TRUE" or _same_name(registrant, client)
    return Record(
        kind=LOBBYING,
        source=SOURCE,
        record_id=filing_id,
        location=location,
        date=v.day(filing.get("Received"), "Received") or end,
        amount=v.amount(filing.get("Amount"), "Amount"),
        record_type=v.text(filing.get("Type")),
        registrant=registrant,
        client=client,
        self_filer=self_filer,
        bodies_lobbied=v.unique(_attrs(filing, "GovernmentEntity", "GovEntityName")),
        issues=v.unique(issue.get("Code") for issue in issues),
        lobbyists=v.unique(_attrs(filing, "Lobbyist", "LobbyistName")),
        description=v.short("; ".join(v.unique(issue.get("SpecificIssue") for issue in issues))),
        period=period,
        period_start=start,
        period_end=end,
        url=_filing_url(filing_id),
    )


def _filing_url(filing_id: str) -> str | None:
    """The filing's page on lda.senate.gov. The bulk XML gives no link, but its filing ID is the
    UUID the site (and the API's filing_document_url) files the filing under."""
    if not _UUID.match(filing_id):
        return None
    return f"https://lda.senate.gov/filings/public/filing/{filing_id.lower()}/print/"


def _attr(element: ET.Element | None, name: str) -> str | None:
    return None if element is None else element.get(name)


def _attrs(filing: ET.Element, name: str, attribute: str) -> list[str | None]:
    return [element.get(attribute) for element in descendants(filing, name)]


def _api_filing(filing: dict, location: str) -> Record:
    """A filing from the LDA REST API: parties as objects, activities as a list."""
    filing_id = _required(v.text(filing.get("filing_uuid")), "filing_uuid")
    registrant_obj = v.obj(filing.get("registrant"))
    client_obj = v.obj(filing.get("client"))
    registrant = _required(v.text(registrant_obj.get("name")), "registrant name (registrant.name)")
    client = _required(v.text(client_obj.get("name")), "client name (client.name)")
    self_filer = client_obj.get("client_self_select") is True or _same_name(registrant, client)
    income = v.amount(filing.get("income"), "income")
    expenses = v.amount(filing.get("expenses"), "expenses")
    year = _year(filing.get("filing_year"))
    period, start, end = period_of(
        year, filing.get("filing_period"), filing.get("filing_period_display"), filing.get("filing_type_display")
    )
    activities = [a for a in _items(filing.get("lobbying_activities")) if isinstance(a, dict)]
    return Record(
        kind=LOBBYING,
        source=SOURCE,
        record_id=filing_id,
        location=location,
        date=v.day(filing.get("dt_posted"), "dt_posted") or end,
        amount=_first_given(expenses, income) if self_filer else _first_given(income, expenses),
        record_type=v.text(filing.get("filing_type_display")) or v.text(filing.get("filing_type")),
        registrant=registrant,
        client=client,
        self_filer=self_filer,
        bodies_lobbied=v.unique(
            entity.get("name")
            for a in activities
            for entity in _items(a.get("government_entities"))
            if isinstance(entity, dict)
        ),
        issues=v.unique(a.get("general_issue_code_display") or a.get("general_issue_code") for a in activities),
        lobbyists=v.unique(_lobbyist_name(entry) for a in activities for entry in _items(a.get("lobbyists"))),
        description=v.short("; ".join(v.unique(a.get("description") for a in activities))),
        period=period,
        period_start=start,
        period_end=end,
        url=v.text(filing.get("filing_document_url")) or v.text(filing.get("url")),
    )


def _items(value: object) -> list:
    """A JSON list, or [] when the value is absent or not a list (a malformed filing reads as one
    with nothing listed, rather than stopping the file)."""
    return value if isinstance(value, list) else []


def _lobbyist_name(entry: object) -> str | None:
    """"First Last" from an activity's {"lobbyist": {"first_name": ..., "last_name": ...}}."""
    person = entry.get("lobbyist") if isinstance(entry, dict) else None
    if not isinstance(person, dict):
        return None
    parts = (v.text(person.get("first_name")), v.text(person.get("last_name")))
    return v.text(" ".join(part for part in parts if part))


def _first_given(preferred: float | None, other: float | None) -> float | None:
    # A filing reports one of income and expenses; take the other only when the expected one is absent.
    return preferred if preferred is not None else other
