"""What the record readers give back: a Record for each good row, a RecordProblem for each bad one.

A Record is one public record as the source wrote it: one contract award (or one action on it) or
one lobbying filing. Names stay exactly as written ("SPACE EXPLORATION TECHNOLOGIES", "Natl
Aeronautics & Space Administration (NASA)"); turning them into entities is resolution's job.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
import datetime as dt

AWARD = "award"
LOBBYING = "lobbying"

# Award records come at two levels, and their amounts must never be added together.
AWARD_LEVEL = "award"  # a whole award: amount is its total obligation
TRANSACTION_LEVEL = "transaction"  # one action (base or modification): amount is that action's obligation


@dataclass(frozen=True, kw_only=True)
class Record:
    """One contract award (or award action) or one lobbying filing, with where it was read.

    Fields that a kind does not have stay None or empty. Amounts are US dollars as floats; they are
    never summed here.
    """

    kind: str  # "award" or "lobbying"
    source: str  # "USAspending", "FPDS", "Senate LDA"
    record_id: str  # the record's own key: USAspending award/transaction id, FPDS transaction key, LDA filing ID
    location: str  # "path: record 12" / "path: line 40", for messages and provenance
    # Awards: the action's date, or the award's signing (else start) date; lobbying: the day the filing
    # was received (XML) or posted (API), else the last day of its period.
    date: dt.date | None = None
    amount: float | None = None  # awards: obligation (see level); lobbying: income, or expenses for a self-filer
    record_type: str | None = None  # as written: "DEFINITIVE CONTRACT", "DELIVERY ORDER", "THIRD QUARTER REPORT"
    description: str | None = None  # award description / specific lobbying issues, shortened
    url: str | None = None  # a link to the record at its source
    # Awards
    level: str | None = None  # "award" or "transaction" (see AWARD_LEVEL); None for lobbying
    awarding_body: str | None = None  # awarding agency or department, as written
    awarding_sub_body: str | None = None  # awarding sub-agency, as written (may equal the agency)
    recipient: str | None = None  # recipient / vendor name as written
    recipient_parent: str | None = None  # the recipient's parent company, when the data names one
    # USAspending's award key (CONT_AWD_.../CONT_IDV_...), built the same way for FPDS and CSV rows:
    # it joins the records of one award across files and sources.
    award_id: str | None = None
    piid: str | None = None  # the contract number (same for every modification)
    modification: str | None = None  # modification number ("0" for the base award); None for award-level records
    parent_piid: str | None = None  # the IDV (indefinite-delivery vehicle) an order is placed under
    award_total: float | None = None  # a transaction's award total obligated to date, when given
    potential_value: float | None = None  # base and all options value, when given
    naics: str | None = None  # NAICS industry code
    psc: str | None = None  # product or service code
    # Lobbying
    registrant: str | None = None  # the lobbying firm, or the organisation itself for a self-filer
    client: str | None = None  # on whose behalf; equals the registrant for a self-filer
    self_filer: bool | None = None  # the registrant lobbies for itself (amount is then its expenses)
    bodies_lobbied: tuple[str, ...] = ()  # government entities as written, in file order, no repeats
    issues: tuple[str, ...] = ()  # general issue areas as written ("AEROSPACE", "Defense")
    lobbyists: tuple[str, ...] = ()  # lobbyist names ("QUINN, ANDREW" in the XML; "Andrew Quinn" from the API)
    period: str | None = None  # reporting period: "2016 Q3", "2007 H1"; None for a registration
    period_start: dt.date | None = None  # first day of the reporting period
    period_end: dt.date | None = None  # last day of the reporting period

    def __post_init__(self) -> None:
        # A wrong kind would silently route a record to the wrong event type downstream.
        if self.kind not in (AWARD, LOBBYING):
            raise ValueError(f"Record kind must be {AWARD!r} or {LOBBYING!r}, not {self.kind!r}")


@dataclass(frozen=True)
class RecordProblem:
    """A row or record that could not be read (the rest of the file still is), or a note on a file
    that holds no records of its own (a recipient list)."""

    location: str  # "path: record 3", "path: line 40", or the path alone for a whole file
    reason: str  # one line: what is wrong and, when the user can act, what to do

    def __post_init__(self) -> None:
        # Reasons quote the data; a CLI prints one line per problem, so fold any line breaks.
        object.__setattr__(self, "reason", " ".join(str(self.reason).split()))

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


class BadValue(ValueError):
    """A field of one record is unusable; the reader turns it into a RecordProblem and goes on."""


def attempt(make: Callable[..., Record], item: object, location: str) -> Record | RecordProblem:
    """``make(item, location)``, or a RecordProblem for that record alone when a field is unusable."""
    try:
        return make(item, location)
    except BadValue as exc:
        return RecordProblem(location, str(exc))


def each(
    make: Callable[..., Record], items: Iterable[object], path: str, what: str = "an object"
) -> Iterator[Record | RecordProblem]:
    """``make`` applied to each JSON object or XML element of a file, located "path: record N"; an
    item of another type (a number in a list of results) is a RecordProblem saying it is not ``what``."""
    for number, item in enumerate(items, start=1):
        location = f"{path}: record {number}"
        if isinstance(item, (dict, ET.Element)):
            yield attempt(make, item, location)
        else:
            yield RecordProblem(location, f"expected {what}, found {type(item).__name__}")
