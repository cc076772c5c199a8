"""USAspending CSV downloads of contracts, in two flavours told apart by the header:

- the current bulk / custom award download (``award_id_piid``, ``recipient_name``,
  ``awarding_agency_name``...). A transactions file (``federal_action_obligation``,
  ``action_date``) gives transaction-level records; a prime award summary file
  (``total_obligated_amount``) gives award-level records;
- the legacy USAspending CSV (before 2017: ``piid``, ``vendorname``, ``dollarsobligated``,
  ``signeddate``, "code: NAME" agency columns), one transaction per row.

Assistance downloads (grants and loans, ``award_id_fain``) are refused: they are not contracts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from backchannel.errors import InputError
from backchannel.records import values as v
from backchannel.records.files import CSV, Opened, check_encoding
from backchannel.records.model import AWARD, AWARD_LEVEL, TRANSACTION_LEVEL, BadValue, Record, RecordProblem, attempt

SOURCE = "USAspending"

_BULK_REQUIRED = ("award_id_piid", "recipient_name", "awarding_agency_name")
_BULK_AMOUNTS = ("federal_action_obligation", "total_obligated_amount", "total_dollars_obligated")
_LEGACY_REQUIRED = ("piid", "vendorname", "dollarsobligated")


def read_csv(opened: Opened) -> Iterator[Record | RecordProblem]:
    """Records from a USAspending CSV; InputError at once for an unknown header or a bad encoding."""
    assert opened.format == CSV
    check_encoding(opened)
    with open(opened.path, encoding=opened.codec, newline="") as handle:
        header = next(csv.reader(handle), [])
    columns = {name.strip().lower() for name in header}
    if "award_id_piid" in columns:
        _require(opened.path, columns, _BULK_REQUIRED, "bulk download")
        if not columns & set(_BULK_AMOUNTS):
            raise InputError(
                f"{opened.path}: USAspending bulk CSV without an amount column "
                f"({', '.join(_BULK_AMOUNTS)}): download the file with all columns"
            )
        transactions = "federal_action_obligation" in columns or "contract_transaction_unique_key" in columns
        return _rows(opened, _bulk_transaction if transactions else _bulk_award)
    if "piid" in columns and "vendorname" in columns:
        _require(opened.path, columns, _LEGACY_REQUIRED, "legacy")
        return _rows(opened, _legacy)
    if "award_id_fain" in columns or "award_id_uri" in columns:
        raise InputError(
            f"{opened.path}: a USAspending assistance download (grants, loans), not contracts: "
            "download prime award contracts instead"
        )
    raise InputError(
        f"{opened.path}: not a USAspending contracts CSV: expected award_id_piid (bulk download) "
        "or piid and vendorname (legacy download) in the header"
    )


def _require(path: str, columns: set[str], required: tuple[str, ...], flavour: str) -> None:
    missing = [name for name in required if name not in columns]
    if missing:
        raise InputError(
            f"{path}: USAspending {flavour} CSV without the column(s) {', '.join(missing)}: "
            "download the file with all columns"
        )


def _rows(opened: Opened, make) -> Iterator[Record | RecordProblem]:
    """One Record or RecordProblem per data row; the location is the row's first line."""
    with open(opened.path, encoding=opened.codec, newline="") as handle:
        # strict: an unbalanced quote is reported instead of swallowing the rest of the file.
        reader = csv.reader(handle, strict=True)
        try:
            header = [name.strip().lower() for name in next(reader)]
            line = reader.line_num + 1
            for row in reader:
                location = f"{opened.path}: line {line}"
                line = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue  # blank lines carry nothing
                if len(row) != len(header):
                    yield RecordProblem(location, f"row has {len(row)} fields, the header has {len(header)}")
                    continue
                yield attempt(make, dict(zip(header, row)), location)
        except csv.Error as exc:
            raise InputError(
                f"{opened.path}: malformed CSV (line {reader.line_num}: {exc}): download the file again"
            ) from None


def _required(value: str | None, column: str) -> str:
    if value is None:
        raise BadValue(f"empty {column}: the row is incomplete")
    return value


def _bulk_common(row: dict, location: str, level: str) -> dict:
    """The fields a transactions file and a prime award summary file share."""
    piid = _required(v.text(row.get("award_id_piid")), "award_id_piid")
    parent_piid = v.text(row.get("parent_award_id_piid"))
    award = v.text(row.get("contract_award_unique_key")) or v.award_key(
        piid, v.text(row.get("awarding_sub_agency_code")), parent_piid, v.text(row.get("parent_award_agency_id"))
    )
    return dict(
        kind=AWARD,
        source=SOURCE,
        location=location,
        level=level,
        award_id=award,
        piid=piid,
        parent_piid=parent_piid,
        awarding_body=_required(v.text(row.get("awarding_agency_name")), "awarding_agency_name"),
        awarding_sub_body=v.text(row.get("awarding_sub_agency_name")),
        recipient=_required(v.text(row.get("recipient_name")), "recipient_name"),
        recipient_parent=v.text(row.get("recipient_parent_name")),
        potential_value=v.amount(row.get("potential_total_value_of_award"), "potential_total_value_of_award"),
        record_type=v.text(row.get("award_type")),
        naics=v.text(row.get("naics_code")),
        psc=v.text(row.get("product_or_service_code")),
        url=v.text(row.get("usaspending_permalink")) or v.usaspending_url(award),
    )


def _bulk_transaction(row: dict, location: str) -> Record:
    """A row of a contract transactions download: one action on an award."""
    fields = _bulk_common(row, location, TRANSACTION_LEVEL)
    modification = v.text(row.get("modification_number"))
    key = v.text(row.get("contract_transaction_unique_key")) or v.transaction_key(
        v.text(row.get("awarding_sub_agency_code")),
        v.text(row.get("parent_award_agency_id")),
        fields["piid"],
        modification,
        fields["parent_piid"],
        v.text(row.get("transaction_number")),
    )
    description = row.get("transaction_description") or row.get("prime_award_base_transaction_description")
    return Record(
        **fields,
        record_id=key,
        modification=modification,
        date=v.day(row.get("action_date"), "action_date"),
        amount=v.amount(row.get("federal_action_obligation"), "federal_action_obligation"),
        award_total=v.amount(row.get("total_dollars_obligated"), "total_dollars_obligated"),
        description=v.short(description or row.get("award_description")),
    )


def _bulk_award(row: dict, location: str) -> Record:
    """A row of a prime award summary download: one award with its totals."""
    fields = _bulk_common(row, location, AWARD_LEVEL)
    start = v.day(row.get("award_base_action_date"), "award_base_action_date")
    description = row.get("prime_award_base_transaction_description") or row.get("award_description")
    return Record(
        **fields,
        record_id=fields["award_id"],
        date=start or v.day(row.get("period_of_performance_start_date"), "period_of_performance_start_date"),
        amount=v.amount(row.get("total_obligated_amount"), "total_obligated_amount"),
        description=v.short(description),
    )


def _legacy(row: dict, location: str) -> Record:
    """A row of the legacy USAspending contracts CSV: one action, agencies as "code: NAME"."""
    piid = _required(v.text(row.get("piid")), "piid")
    modification = v.text(row.get("modnumber"))
    agency = v.code_of(row.get("agencyid")) or v.code_of(row.get("contractingofficeagencyid"))
    parent_piid = v.text(row.get("idvpiid"))
    parent_agency = v.code_of(row.get("idvagencyid"))
    key = v.text(row.get("unique_transaction_id")) or v.transaction_key(
        agency, parent_agency, piid, modification, parent_piid, v.text(row.get("transactionnumber"))
    )
    return Record(
        kind=AWARD,
        source=SOURCE,
        record_id=key,
        location=location,
        level=TRANSACTION_LEVEL,
        award_id=v.award_key(piid, agency, parent_piid, parent_agency) if agency else None,
        piid=piid,
        modification=modification,
        parent_piid=parent_piid,
        date=v.day(row.get("signeddate"), "signeddate"),
        amount=v.amount(row.get("dollarsobligated"), "dollarsobligated"),
        awarding_body=_required(
            v.without_code(row.get("maj_agency_cat"))
            or v.without_code(row.get("mod_agency"))
            or v.without_code(row.get("contractingofficeagencyid")),
            "maj_agency_cat",
        ),
        awarding_sub_body=v.without_code(row.get("contractingofficeagencyid"))
        or v.without_code(row.get("agencyid")),
        recipient=_required(v.text(row.get("vendorname")), "vendorname"),
        # mod_parent is the legacy file's name for the vendor's parent company.
        recipient_parent=v.text(row.get("mod_parent")),
        record_type=v.without_code(row.get("contractactiontype")),
        description=v.short(row.get("descriptionofcontractrequirement")),
        naics=v.code_of(row.get("principalnaicscode")),
        psc=v.code_of(row.get("productorservicecode")),
    )
