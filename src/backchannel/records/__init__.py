"""Public records as Records: contract awards (USAspending, FPDS) and lobbying filings (Senate LDA).

Each reader takes one file and yields a Record for every good record and a RecordProblem for every
bad one (with its location), so one bad row never stops a file. A file that cannot be read at all
(missing, empty, binary, not UTF-8, malformed, not the format asked for) raises InputError with one
line, when the reader is called, before any record is handed out; only a CSV whose quoting breaks
part-way raises it on reaching that line. Directories are the caller's business.

    for item in read_records("lda", "filings.xml"):
        if isinstance(item, RecordProblem):
            print(item)          # "filings.xml: record 7: filing year '20x6' is not a year"
        else:
            ...                  # a Record

No data is fetched from the network here, and nothing is stored: that is for the caller.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from backchannel.errors import InputError
from backchannel.records.fpds import read_fpds
from backchannel.records.lda import read_lda
from backchannel.records.model import AWARD, AWARD_LEVEL, LOBBYING, TRANSACTION_LEVEL, Record, RecordProblem
from backchannel.records.usaspending import read_usaspending

READERS = {"usaspending": read_usaspending, "fpds": read_fpds, "lda": read_lda}

__all__ = [
    "AWARD",
    "AWARD_LEVEL",
    "LOBBYING",
    "READERS",
    "TRANSACTION_LEVEL",
    "Record",
    "RecordProblem",
    "read_fpds",
    "read_lda",
    "read_records",
    "read_usaspending",
]


def read_records(kind: str, path: str | os.PathLike) -> Iterator[Record | RecordProblem]:
    """Read one record file of the given kind: "usaspending" (API JSON, bulk or legacy CSV),
    "fpds" (ATOM feed XML) or "lda" (bulk XML or API JSON). The format is told from the content."""
    reader = READERS.get(kind)
    if reader is None:
        raise InputError(f"unknown record kind {kind!r}: use one of {', '.join(READERS)}")
    return reader(path)
