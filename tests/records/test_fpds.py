"""FPDS ATOM feeds: awards and IDVs under any namespace URI or prefix, bad entries reported."""

from __future__ import annotations

from datetime import date

from backchannel.records import TRANSACTION_LEVEL

from .conftest import FIXTURES


def test_an_award_under_an_idv(read):
    records, _ = read("fpds", "fpds_feed.xml")
    order = records[0]
    assert (order.kind, order.source, order.level) == ("award", "FPDS", TRANSACTION_LEVEL)
    # Keys as USAspending builds them from these FPDS fields, so the two sources join.
    assert order.record_id == "CONT_TX_8000_8000_80TEST22F0010_0_80TEST14C0007_0"
    assert order.award_id == "CONT_AWD_80TEST22F0010_8000_80TEST14C0007_8000"
    assert (order.piid, order.modification, order.parent_piid) == ("80TEST22F0010", "0", "80TEST14C0007")
    assert order.date == date(2022, 8, 31)
    assert order.amount == 1436000000.0
    assert order.award_total == 1436000000.0 and order.potential_value == 1436000000.0
    assert order.awarding_body == order.awarding_sub_body == "NATIONAL AERONAUTICS AND SPACE ADMINISTRATION"
    assert order.recipient == "SPACE EXPLORATION TECHNOLOGIES CORP."  # vendorHeader/vendorName
    assert order.recipient_parent == "SPACE EXPLORATION TECHNOLOGIES CORP."  # ultimateParentUEIName
    assert order.record_type == "DELIVERY ORDER"
    assert order.description == "POST CERTIFICATION MISSIONS 7 THROUGH 9 TO THE INTERNATIONAL SPACE STATION"
    assert (order.naics, order.psc) == ("336414", "V221")
    assert order.url == "https://www.fpds.gov/ezsearch/search.do?indexName=awardfull&q=80TEST22F0010+8000+"
    assert order.location == f"{FIXTURES / 'fpds_feed.xml'}: record 1"


def test_an_idv_under_another_namespace_uri_and_prefix(read):
    records, _ = read("fpds", "fpds_feed.xml")
    idv = records[1]
    assert idv.award_id == "CONT_IDV_FATEST20D0002_5700"
    assert (idv.piid, idv.modification, idv.parent_piid) == ("FATEST20D0002", "P00003", None)
    assert idv.date == date(2020, 8, 7)
    assert idv.amount == 0.0 and idv.award_total == 337000000.0 and idv.potential_value == 4600000000.0
    # The department is the awarding body, the agency inside it the sub-body.
    assert (idv.awarding_body, idv.awarding_sub_body) == ("DEPT OF DEFENSE", "DEPT OF THE AIR FORCE")
    assert idv.recipient == "UNITED LAUNCH SERVICES, LLC"  # contractorName when vendorName is empty
    assert idv.recipient_parent is None
    assert idv.record_type == "IDC"


def test_bad_entries_are_problems_and_the_rest_is_read(read):
    records, problems = read("fpds", "fpds_feed.xml")
    assert len(records) == 2
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("record 3", "no vendor name (vendorName, contractorName): the entry is incomplete; check the feed"),
        ("record 4", "signedDate '2025-02-30 00:00:00' is not a real date"),
        ("record 5", "the entry holds no FPDS award or IDV (found nothing): skipped"),
    ]


def test_an_empty_feed_has_no_records(write):
    from backchannel.records import read_records

    path = write("empty.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><title>none</title></feed>')
    assert list(read_records("fpds", path)) == []
