"""USAspending.gov contract records: API JSON responses here, bulk and legacy CSV downloads in
``usaspending_csv``.

JSON responses handled, recognised by their keys:

- award detail (``/api/v2/awards/<id>/``, contracts and IDVs): one award-level record;
- spending-by-award search results (``Award ID``, ``Recipient Name``, ``Award Amount``...): one
  award-level record per result;
- an IDV's child awards (``/api/v2/idvs/awards/``: ``piid``, ``obligated_amount``...): one
  award-level record per order. The list names no recipient: join on ``award_id`` or ``parent_piid``;
- an award's transactions (``/api/v2/transactions/``: ``action_date``,
  ``federal_action_obligation``...): one transaction-level record each. They name neither recipient
  nor agency; the award key is read from each transaction's own id, so they join to the award
  detail on ``award_id``. A transaction whose id carries no award key is reported as a problem;
- grants and other assistance awards (keys starting ``ASST_``) are reported as problems, one per
  record: the graph is about contracts;
- recipient lists (``/api/v2/recipient/``, spending by category ``recipient``): totals per company,
  not awards. They give one RecordProblem for the whole file saying so, and no records.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from backchannel.errors import InputError
from backchannel.records import values as v
from backchannel.records.files import CSV, JSON, XML, Opened, open_record_file, parse_json
from backchannel.records.model import AWARD, AWARD_LEVEL, TRANSACTION_LEVEL, BadValue, Record, RecordProblem, attempt, each
from backchannel.records.usaspending_csv import read_csv

SOURCE = "USAspending"

_EXPECTED = (
    "expected an award detail (generated_unique_award_id) "
    "or a 'results' list of awards, IDV orders or transactions"
)


def read_usaspending(path: str | os.PathLike) -> Iterator[Record | RecordProblem]:
    """Read a USAspending file: an API JSON response, or a bulk/legacy CSV download.

    Raises InputError (one line) at once when the file cannot be read or is neither format.
    """
    opened = open_record_file(path)
    if opened.format == XML:
        raise InputError(f"{opened.path}: not a USAspending file: this is XML; FPDS feeds are read as kind 'fpds'")
    if opened.format == CSV:
        return read_csv(opened)
    return read_json(opened)


def read_json(opened: Opened) -> Iterator[Record | RecordProblem]:
    """Records from a USAspending API response; see the module docstring for the shapes."""
    assert opened.format == JSON
    data = parse_json(opened)
    path = opened.path
    if isinstance(data, dict) and "generated_unique_award_id" in data:
        return iter([attempt(_award_detail, data, f"{path}: award")])
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise InputError(f"{path}: not a USAspending API response: {_EXPECTED}")
    first = next((item for item in results if isinstance(item, dict)), None)  # tells what the list holds
    if note := _not_awards(data, first or {}):
        return iter([RecordProblem(path, note)])
    reader = _result_reader(first)
    if reader is None:
        raise InputError(f"{path}: not a USAspending API response: {_EXPECTED}")
    return each(reader, results, path)


def _not_awards(data: dict, first: dict) -> str | None:
    """Why a results list holds no awards (recipient lists, spending totals by category), or None."""
    skipped = "not contract awards: no records read from it (download spending_by_award or award details)"
    if category := v.text(data.get("category")):
        return f"spending totals by {category}, {skipped}"
    if "recipient_level" in first or ({"name", "amount"} <= first.keys() and "Award ID" not in first):
        return f"a list of recipients and their totals, {skipped}"
    return None


def _result_reader(first: dict | None):
    """The reader for the kind of result the list holds, judged by its first object."""
    if first is None:
        return _search_result  # no object on the page: nothing to read, nothing wrong
    if "Award ID" in first or "generated_internal_id" in first:
        return _search_result
    if "federal_action_obligation" in first or "action_date" in first:
        return _transaction
    if "generated_unique_award_id" in first or "obligated_amount" in first:
        return _idv_order
    return None


def _required(value: str | None, what: str) -> str:
    if value is None:
        raise BadValue(f"no {what}: the record is incomplete; check the download")
    return value


def _contract_key(key: str | None) -> str | None:
    """The award key, refusing grants and loans: the graph is about contracts, and assistance awards
    (ASST_...) have no PIID, vendor or contracting office."""
    if key and key.upper().startswith("ASST_"):
        raise BadValue(f"{key} is a grant or other assistance award, not a contract: skipped")
    return key


def _award(key: str | None, record_id: str, location: str, **fields) -> Record:
    """An award-level record under USAspending's award key (None when the response gives only a PIID)."""
    return Record(
        kind=AWARD,
        source=SOURCE,
        record_id=record_id,
        location=location,
        level=AWARD_LEVEL,
        award_id=key,
        url=v.usaspending_url(key),
        **fields,
    )


def _award_detail(item: dict, location: str) -> Record:
    """/api/v2/awards/<id>/: the award with its latest totals."""
    key = v.text(item.get("generated_unique_award_id"))
    key = _contract_key(_required(key, "award id (generated_unique_award_id)"))
    recipient = v.obj(item.get("recipient"))
    agency = v.obj(item.get("awarding_agency"))
    contract = v.obj(item.get("latest_transaction_contract_data"))
    period = v.obj(item.get("period_of_performance"))
    return _award(
        key,
        key,
        location,
        piid=v.text(item.get("piid")),
        parent_piid=v.text(v.obj(item.get("parent_award")).get("piid")) or v.parent_of_award_key(key),
        date=v.day(item.get("date_signed"), "date_signed") or v.day(period.get("start_date"), "start_date"),
        amount=v.amount(item.get("total_obligation"), "total_obligation"),
        potential_value=v.amount(item.get("base_and_all_options"), "base_and_all_options"),
        awarding_body=_required(v.text(v.obj(agency.get("toptier_agency")).get("name")), "awarding agency"),
        awarding_sub_body=v.text(v.obj(agency.get("subtier_agency")).get("name")),
        recipient=_required(v.text(recipient.get("recipient_name")), "recipient name"),
        recipient_parent=v.text(recipient.get("parent_recipient_name")),
        record_type=v.text(item.get("type_description")) or v.text(item.get("type")),
        description=v.short(item.get("description")),
        naics=v.text(contract.get("naics")),
        psc=v.text(contract.get("product_or_service_code")),
    )


def _search_result(item: dict, location: str) -> Record:
    """/api/v2/search/spending_by_award/: one row of the award search."""
    key = _contract_key(v.text(item.get("generated_internal_id")))
    piid = v.text(item.get("Award ID"))
    return _award(
        key,
        _required(key or piid, "award id (Award ID)"),
        location,
        piid=piid,
        parent_piid=v.parent_of_award_key(key),
        # The search has no signing date; "Base Obligation Date" is the base award's, when asked for.
        date=v.day(item.get("Base Obligation Date"), "Base Obligation Date")
        or v.day(item.get("Start Date"), "Start Date"),
        amount=v.amount(item.get("Award Amount"), "Award Amount"),
        awarding_body=_required(v.text(item.get("Awarding Agency")), "awarding agency (Awarding Agency)"),
        awarding_sub_body=v.text(item.get("Awarding Sub Agency")),
        recipient=_required(v.text(item.get("Recipient Name")), "recipient name (Recipient Name)"),
        record_type=v.text(item.get("Contract Award Type")) or v.text(item.get("Award Type")),
        description=v.short(item.get("Description")),
        naics=_code(item.get("NAICS")),
        psc=_code(item.get("PSC")),
    )


def _code(value: object) -> str | None:
    """A NAICS or PSC code, which the search gives as {"code": ..., "description": ...} or as a string."""
    return v.text(value.get("code")) if isinstance(value, dict) else v.text(value)


def _idv_order(item: dict, location: str) -> Record:
    """/api/v2/idvs/awards/: an order placed under an IDV. The list names no recipient."""
    key = _contract_key(v.text(item.get("generated_unique_award_id")))
    piid = v.text(item.get("piid"))
    return _award(
        key,
        _required(key or piid, "award id (generated_unique_award_id or piid)"),
        location,
        piid=piid,
        parent_piid=v.parent_of_award_key(key),
        date=v.day(item.get("period_of_performance_start_date"), "period_of_performance_start_date"),
        amount=v.amount(item.get("obligated_amount"), "obligated_amount"),
        awarding_body=_required(v.text(item.get("awarding_agency")), "awarding agency"),
        record_type=v.text(item.get("award_type")),
        description=v.short(item.get("description")),
    )


def _transaction(item: dict, location: str) -> Record:
    """/api/v2/transactions/: one action on an award, tied to it through the award key in its id."""
    tx_id = _contract_key(_required(v.text(item.get("id")), "transaction id"))
    parsed = v.award_key_of_transaction(tx_id)
    if parsed is None:
        raise BadValue(
            f"transaction {tx_id!r} carries no award id, so it has no recipient or agency: "
            "read the award's detail file instead"
        )
    award, piid, parent_piid, modification = parsed
    return Record(
        kind=AWARD,
        source=SOURCE,
        record_id=tx_id,
        location=location,
        level=TRANSACTION_LEVEL,
        award_id=award,
        piid=piid,
        parent_piid=parent_piid,
        modification=v.text(item.get("modification_number")) or modification,
        date=v.day(item.get("action_date"), "action_date"),
        amount=v.amount(item.get("federal_action_obligation"), "federal_action_obligation"),
        record_type=v.text(item.get("type_description")) or v.text(item.get("type")),
        description=v.short(item.get("description")),
        url=v.usaspending_url(award),
    )
