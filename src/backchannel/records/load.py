"""Importing record files into the store: one transaction per file, one line per bad record.

Each good record becomes a document with its events (records/convert.py) and is stored through the
writer like an article, so re-importing a file changes nothing (a record's document id is a hash of
its source and id) and resolution links its names and events to what the news said. A record that
cannot be read or stored is reported with its location; the rest of the file is stored.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .. import ontology
from ..errors import BackchannelError, InputError
from ..store import Store
from . import RecordProblem, read_records
from .convert import to_extraction
from .model import AWARD, Record


@dataclass
class ImportReport:
    """What an import did: records read, stored, already stored, and each problem with its place."""

    files: int = 0
    read: int = 0
    new: int = 0
    duplicate: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # good records or files we cannot use

    def as_dict(self) -> dict:
        return {"files": self.files, "read": self.read, "new": self.new, "duplicate": self.duplicate,
                "events": self.events, "failed": len(self.failed),
                "failures": [{"location": loc, "reason": why} for loc, why in self.failed],
                "skipped": len(self.skipped),
                "skips": [{"location": loc, "reason": why} for loc, why in self.skipped]}


def record_files(paths: list[str]) -> Iterator[str]:
    """The files named, and the files under the directories named (hidden ones skipped), in order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.lower().endswith((".txt", ".md")):
                        yield os.path.join(root, name)
        else:
            yield path


def import_records(kind: str, paths: list[str], store: Store) -> ImportReport:
    """Read and store every record file of ``kind`` (usaspending, fpds, lda) under ``paths``."""
    report = ImportReport()
    ontology.use_extra_entries(store.view().kb_entries())
    by_file: dict[str, list] = {}
    for path in record_files(paths):
        report.files += 1
        try:
            by_file[path] = list(read_records(kind, path))
        except InputError as exc:
            report.failed.append((path, str(exc).removeprefix(f"{path}: ")))
    # an award's actions may come in one file and its details in another: join over every file given
    every = [i for items in by_file.values() for i in items if isinstance(i, Record)]
    known = _known_awards(every)
    for path, items in by_file.items():
        report.read += len(items)
        for p in (i for i in items if isinstance(i, RecordProblem)):
            # a note on a whole file (a list of recipients, not of awards) is a skip, not an error
            (report.skipped if p.location == path else report.failed).append((p.location, p.reason))
        records = _joined([i for i in items if isinstance(i, Record)], known, report)
        with store.writer() as w:
            for record in records:
                try:
                    extraction = to_extraction(record)
                    added = w.add(extraction)
                except BackchannelError as exc:
                    report.failed.append((record.location, str(exc)))
                    continue
                if added:
                    report.new += 1
                    report.events += len(extraction.events)
                else:
                    report.duplicate += 1
    return report


def _known_awards(records: list[Record]) -> dict[str, Record]:
    """Records that name an award's recipient and agency, by award key and by contract number."""
    known: dict[str, Record] = {}
    for r in records:
        if r.kind == AWARD and r.recipient and r.awarding_body:
            for key in (r.award_id, r.piid):
                if key:
                    known.setdefault(key, r)
    return known


def _joined(records: list[Record], known: dict[str, Record], report: ImportReport) -> list[Record]:
    """Awards whose recipient or agency only another record of the same award gives (an order under
    a contract, a transaction of an award) take them from it; those still without are skipped, with
    the reason: the data does not say who received them."""
    out = []
    for r in records:
        if r.kind == AWARD and not (r.recipient and r.awarding_body):
            base = known.get(r.award_id or "") or known.get(r.parent_piid or "")
            if base is None:
                under = f" (an order under {r.parent_piid})" if r.parent_piid else ""
                report.skipped.append((r.location, f"award {r.award_id or r.piid}{under} names no recipient or agency, "
                                       "and no record given names them: import the award's own record with it"))
                continue
            r = replace(r, recipient=r.recipient or base.recipient, awarding_body=r.awarding_body or base.awarding_body,
                        awarding_sub_body=r.awarding_sub_body or base.awarding_sub_body,
                        recipient_parent=r.recipient_parent or base.recipient_parent)
        out.append(r)
    return out

