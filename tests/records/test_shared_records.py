"""The real public records in /work/shared/data/records: every file reads, with the expected counts
and facts. Skipped where the shared folder is absent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from backchannel.records import AWARD_LEVEL, TRANSACTION_LEVEL, Record, read_records

from .conftest import split

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
RECORDS = SHARED / "data" / "records"

pytestmark = pytest.mark.skipif(not RECORDS.is_dir(), reason=f"no shared records at {RECORDS}")

# (records, problems) per file; the two recipient lists give one note each and no records.
EXPECTED = {
    "fpds/fpds_atom_full_response.xml": (10, 0),
    "lda/aerospace_filings_2016q3-2017q2.xml": (493, 0),
    "usaspending/awards_contract.json": (1, 0),
    "usaspending/awards_idv.json": (1, 0),
    "usaspending/awards_idv_awards.json": (10, 0),
    "usaspending/awards_search_results_contracts.json": (5, 0),
    "usaspending/awards_transactions.json": (3, 0),
    "usaspending/legacy_treasury_contracts_2016-09.csv": (126, 0),
    "usaspending/recipients_search.json": (0, 1),
    "usaspending/spending_by_award_contracts.json": (2, 0),
    "usaspending/spending_by_recipient.json": (0, 1),
}
NASA = "National Aeronautics and Space Administration"


def read(relative: str) -> tuple[list[Record], list]:
    path = RECORDS / relative
    return split(read_records(path.parent.name, path))  # the folder names the kind


@pytest.fixture(scope="module")
def lda() -> list[Record]:
    records, problems = read("lda/aerospace_filings_2016q3-2017q2.xml")
    assert problems == []
    return records


def test_every_file_reads_with_the_expected_counts():
    found = {
        str(path.relative_to(RECORDS)): path
        for path in RECORDS.rglob("*")
        if path.is_file() and not path.name.startswith("LICENSE")
    }
    assert set(found) == set(EXPECTED)  # a new file needs a line here
    counts = {name: tuple(map(len, read(name))) for name in found}
    assert counts == EXPECTED


def test_lda_has_493_filings(lda):
    assert len(lda) == 493
    assert len({r.record_id for r in lda}) == 493
    assert all(r.kind == "lobbying" and r.registrant and r.client for r in lda)


def test_spacex_third_quarter_2016_report(lda):
    [report] = [
        r for r in lda if r.registrant == "SPACE EXPLORATION TECHNOLOGIES" and r.period == "2016 Q3"
    ]
    assert report.client == "SPACE EXPLORATION TECHNOLOGIES" and report.self_filer is True
    assert report.amount == 470000
    assert report.record_type == "THIRD QUARTER REPORT"
    assert report.date == date(2016, 10, 19)
    assert {
        "Natl Aeronautics & Space Administration (NASA)",
        "Defense, Dept of (DOD)",
        "Federal Aviation Administration (FAA)",
        "Office of Science & Technology Policy (OSTP)",
    } <= set(report.bodies_lobbied)
    assert "AEROSPACE" in report.issues


def test_firms_lobbying_for_spacex_keep_their_own_names(lda):
    clients = {r.client for r in lda if "space exploration" in r.client.lower()}
    assert clients == {
        "SPACE EXPLORATION TECHNOLOGIES",
        "Space Exploration Technologies",
        "Space Exploration Technologies (SpaceX)",
        "Space Exploration Technologies Corp.",
    }


def test_nasa_awards_come_with_recipients_and_amounts():
    names = (
        "usaspending/awards_contract.json",
        "usaspending/awards_idv.json",
        "usaspending/awards_search_results_contracts.json",
        "usaspending/spending_by_award_contracts.json",
    )
    awards = [r for name in names for r in read(name)[0]]
    assert len(awards) == 9
    for award in awards:
        assert award.awarding_body == NASA and award.level == AWARD_LEVEL
        assert award.recipient and award.amount is not None and award.amount > 0
        assert award.award_id.startswith(("CONT_AWD_", "CONT_IDV_")) and award.date
    recipients = {a.recipient for a in awards}
    assert {"THE BOEING COMPANY", "LOCKHEED MARTIN CORP", "NORTHROP GRUMMAN SYSTEMS CORPORATION"} <= recipients


def test_nasa_orders_and_transactions_carry_amounts_and_the_key_to_their_recipient():
    # These API lists name no recipient; each record carries the key that joins it to one.
    orders, _ = read("usaspending/awards_idv_awards.json")
    assert all(o.awarding_body == NASA and o.amount is not None for o in orders)
    assert {o.parent_piid for o in orders} == {"NNK14MA74C"}  # the commercial crew IDV
    transactions, _ = read("usaspending/awards_transactions.json")
    [detail], _ = read("usaspending/awards_contract.json")
    assert all(t.level == TRANSACTION_LEVEL and t.amount is not None for t in transactions)
    assert {t.award_id for t in transactions} == {detail.award_id}
    assert detail.recipient == "THE UNIVERSITY OF IOWA"


def test_fpds_awards_come_with_vendors_agencies_and_amounts():
    records, _ = read("fpds/fpds_atom_full_response.xml")
    assert all(r.recipient and r.amount is not None and r.date for r in records)
    assert {(r.awarding_body, r.awarding_sub_body) for r in records} == {
        ("GENERAL SERVICES ADMINISTRATION", "PUBLIC BUILDINGS SERVICE")
    }
    first = records[0]
    assert (first.piid, first.modification, first.amount) == ("1B3G02670", "PA09", 8392.90)
    assert first.recipient == "MC ALLEN CITY OF" and first.recipient_parent == "CITY OF MC ALLEN"


def test_legacy_treasury_csv():
    records, _ = read("usaspending/legacy_treasury_contracts_2016-09.csv")
    assert all(r.awarding_body == "Department of the Treasury" and r.recipient for r in records)
    assert {r.date for r in records} <= {date(2016, 9, d) for d in range(1, 31)}
    sicpa = [r for r in records if r.recipient == "SICPA SECURINK, CORP."]
    assert len(sicpa) == 9 and {r.recipient_parent for r in sicpa} == {"SICPA HOLDING SA"}
