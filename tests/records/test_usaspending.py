"""USAspending: API JSON responses (award detail, search, IDV orders, transactions, recipient lists)
and CSV downloads (bulk transactions, bulk award summaries, legacy), from our own fixtures."""

from __future__ import annotations

from datetime import date

from backchannel.records import AWARD_LEVEL, TRANSACTION_LEVEL

from .conftest import FIXTURES

HLS_KEY = "CONT_AWD_80TEST21C0001_8000_-NONE-_-NONE-"
NASA = "National Aeronautics and Space Administration"


def test_award_detail(read):
    records, problems = read("usaspending", "usaspending_award.json")
    assert problems == []
    [award] = records
    assert (award.kind, award.source, award.level) == ("award", "USAspending", AWARD_LEVEL)
    assert award.record_id == award.award_id == HLS_KEY
    assert award.piid == "80TEST21C0001"
    assert award.modification is None and award.parent_piid is None
    assert award.date == date(2021, 4, 16)  # date_signed, not the period of performance's start
    assert award.amount == 2890000000.0
    assert award.potential_value == 2941000000.0
    assert award.awarding_body == NASA and award.awarding_sub_body == NASA
    assert award.recipient == "SPACE EXPLORATION TECHNOLOGIES CORP."
    assert award.recipient_parent == "SPACE EXPLORATION TECHNOLOGIES CORP."
    assert award.record_type == "DEFINITIVE CONTRACT"
    assert award.description.startswith("HUMAN LANDING SYSTEM OPTION A:")
    assert (award.naics, award.psc) == ("336414", "AR12")
    assert award.url == f"https://www.usaspending.gov/award/{HLS_KEY}"
    assert award.location == f"{FIXTURES / 'usaspending_award.json'}: award"
    # Lobbying fields stay empty on an award.
    assert award.registrant is None and award.client is None and award.bodies_lobbied == () and award.period is None


def test_award_detail_with_an_impossible_date_is_a_problem(read):
    records, problems = read("usaspending", "usaspending_award_bad.json")
    assert records == []
    [problem] = problems
    assert problem.location.endswith("usaspending_award_bad.json: award")
    assert problem.reason == "date_signed '2025-02-30' is not a real date"


def test_search_results(read):
    records, problems = read("usaspending", "usaspending_search.json")
    assert [r.recipient for r in records] == ["SPACE EXPLORATION TECHNOLOGIES CORP.", "BLUE ORIGIN, LLC"]
    spacex, blue = records
    assert spacex.record_id == spacex.award_id == HLS_KEY
    assert spacex.piid == "80TEST21C0001"
    assert spacex.date == date(2021, 4, 20)  # no Base Obligation Date: the start date
    assert spacex.amount == 2890000000.0
    assert (spacex.awarding_body, spacex.awarding_sub_body) == (NASA, NASA)
    assert spacex.record_type == "DEFINITIVE CONTRACT"
    assert spacex.description == "HUMAN LANDING SYSTEM OPTION A"
    assert (spacex.naics, spacex.psc) == ("336414", "AR12")  # given as {"code", "description"}
    assert spacex.level == AWARD_LEVEL
    assert spacex.recipient_parent is None  # the search does not give it
    assert blue.date == date(2023, 5, 19)  # Base Obligation Date
    assert blue.amount == 3400000000.0  # given as a string
    assert blue.parent_piid == "80TEST23D0001"  # read from the award key
    assert (blue.naics, blue.psc) == ("336414", "AR12")  # given as plain strings
    assert blue.url == "https://www.usaspending.gov/award/CONT_AWD_80TEST23F0007_8000_80TEST23D0001_8000"
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("record 3", "no recipient name (Recipient Name): the record is incomplete; check the download"),
        ("record 4", "Award Amount 'about a billion' is not an amount"),
    ]


def test_idv_orders_name_their_idv_but_no_recipient(read):
    records, problems = read("usaspending", "usaspending_idv_awards.json")
    [order] = records
    assert order.record_id == order.award_id == "CONT_AWD_80TEST22F0010_8000_80TEST14C0007_8000"
    assert (order.piid, order.parent_piid) == ("80TEST22F0010", "80TEST14C0007")
    assert order.date == date(2022, 8, 31)
    assert order.amount == 1436000000.0
    assert order.awarding_body == NASA
    assert order.recipient is None  # the list does not carry it: join on award_id / parent_piid
    assert order.record_type == "DELIVERY ORDER"
    assert order.description == "POST CERTIFICATION MISSIONS 7 THROUGH 9."
    assert order.level == AWARD_LEVEL
    [problem] = problems
    assert problem.location.endswith(": record 2")
    assert problem.reason == "obligated_amount '12,5OO.00' is not an amount"


def test_transactions_join_their_award_through_the_key_in_their_id(read):
    records, problems = read("usaspending", "usaspending_transactions.json")
    base, funding = records
    assert base.record_id == "CONT_TX_8000_-NONE-_80TEST21C0001_0_-NONE-_0"
    assert base.award_id == funding.award_id == HLS_KEY  # the award detail's own key
    assert base.level == funding.level == TRANSACTION_LEVEL
    assert (base.piid, base.modification, base.date, base.amount) == ("80TEST21C0001", "0", date(2021, 4, 16), 2890000000.0)
    assert (funding.modification, funding.date, funding.amount) == ("P00012", date(2024, 6, 3), -1500000.5)
    assert funding.description == "FUNDING ONLY ACTION"
    assert base.recipient is None and base.awarding_body is None
    assert base.url == f"https://www.usaspending.gov/award/{HLS_KEY}"
    [problem] = problems
    assert problem.location.endswith(": record 3")
    assert "carries no award id" in problem.reason and "read the award's detail file" in problem.reason


def test_recipient_lists_are_not_awards(read):
    records, problems = read("usaspending", "usaspending_recipients.json")
    assert records == []
    [note] = problems
    assert note.location == str(FIXTURES / "usaspending_recipients.json")
    assert note.reason.startswith("a list of recipients and their totals, not contract awards")


def test_bulk_transactions_csv(read):
    records, problems = read("usaspending", "usaspending_bulk_transactions.csv")
    nssl, crew = records
    assert nssl.record_id == "CONT_TX_5700_5700_FA881124F0101_0_FA881120D0002_0"
    assert nssl.award_id == "CONT_AWD_FA881124F0101_5700_FA881120D0002_5700"
    assert (nssl.piid, nssl.modification, nssl.parent_piid) == ("FA881124F0101", "0", "FA881120D0002")
    assert nssl.level == TRANSACTION_LEVEL
    assert nssl.date == date(2024, 10, 18)
    assert nssl.amount == 317000000.0 and nssl.award_total == 317000000.0 and nssl.potential_value == 317000000.0
    assert (nssl.awarding_body, nssl.awarding_sub_body) == ("Department of Defense", "Department of the Air Force")
    assert nssl.recipient == nssl.recipient_parent == "SPACE EXPLORATION TECHNOLOGIES CORP."
    assert nssl.record_type == "DELIVERY ORDER"
    # A quoted description over two lines is one value, with its line break folded.
    assert nssl.description == "NSSL PHASE 2 ORDER YEAR 5: LAUNCH SERVICES, MISSION INTEGRATION AND MISSION ASSURANCE"
    assert (nssl.naics, nssl.psc) == ("336414", "V126")
    assert nssl.url == "https://www.usaspending.gov/award/CONT_AWD_FA881124F0101_5700_FA881120D0002_5700/"
    assert nssl.location.endswith("usaspending_bulk_transactions.csv: line 2")
    # Without the unique-key columns the keys are built from the row, as USAspending builds them.
    assert crew.location.endswith(": line 4")  # the first row took lines 2 and 3
    assert crew.record_id == "CONT_TX_8000_-NONE-_80TEST14C0007_P00044_-NONE-_0"
    assert crew.award_id == "CONT_AWD_80TEST14C0007_8000_-NONE-_-NONE-"
    assert crew.amount == -2500000.0 and crew.award_total == 4200000000.0 and crew.potential_value == 4820000000.0
    assert crew.description == "COMMERCIAL CREW TRANSPORTATION CAPABILITY"  # the award's, the action has none
    assert crew.recipient == "THE BOEING COMPANY"
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("line 6", "action_date '2025-02-30' is not a real date"),  # line 5 is blank
        ("line 7", "empty recipient_name: the row is incomplete"),
    ]


def test_bulk_award_summary_csv(read):
    records, problems = read("usaspending", "usaspending_bulk_awards.csv")
    blue, spacex = records
    assert blue.level == spacex.level == AWARD_LEVEL
    assert blue.record_id == blue.award_id == "CONT_AWD_80TEST23F0007_8000_80TEST23D0001_8000"
    assert (blue.piid, blue.parent_piid, blue.modification) == ("80TEST23F0007", "80TEST23D0001", None)
    assert blue.recipient == "BLUE ORIGIN, LLC" and blue.recipient_parent is None
    assert blue.date == date(2023, 5, 19)  # award_base_action_date
    assert blue.amount == 3400000000.0 and blue.award_total is None
    assert blue.description == "HUMAN LANDING SYSTEM SUSTAINING LUNAR DEVELOPMENT"
    assert spacex.record_id == spacex.award_id == HLS_KEY  # the same award as the API's, by key
    assert spacex.date == date(2021, 4, 20)  # no base action date: the period of performance's start
    assert spacex.potential_value == 2941000000.0
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("line 4", "total_obligated_amount '12O000.00' is not an amount"),
        ("line 5", "row has 5 fields, the header has 19"),
    ]


def test_legacy_csv(read):
    records, problems = read("usaspending", "usaspending_legacy.csv")
    spacex, orbital = records
    assert spacex.record_id == "0a0a0a0a-test-4000-8000-000000000001"  # unique_transaction_id
    assert spacex.level == TRANSACTION_LEVEL
    assert spacex.award_id == "CONT_AWD_NNTEST08C0001_8000_-NONE-_-NONE-"
    assert (spacex.piid, spacex.modification, spacex.parent_piid) == ("NNTEST08C0001", "0", None)
    assert spacex.date == date(2008, 12, 23)  # 12/23/2008
    assert spacex.amount == 1600000000.0
    # "8000: National Aeronautics ..." columns lose their code.
    assert spacex.awarding_body == NASA
    assert spacex.awarding_sub_body == "NATIONAL AERONAUTICS AND SPACE ADMINISTRATION"
    assert spacex.recipient == "SPACE EXPLORATION TECHNOLOGIES CORP"
    assert orbital.recipient_parent == "ORBITAL ATK INC."  # mod_parent
    assert spacex.record_type == "DEFINITIVE CONTRACT"
    assert spacex.description == "COMMERCIAL RESUPPLY SERVICES TO THE INTERNATIONAL SPACE STATION"
    assert (spacex.naics, spacex.psc) == ("336414", "AR14")
    assert spacex.url is None
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("line 4", "dollarsobligated '12,34x.00' is not an amount"),
        ("line 5", "empty vendorname: the row is incomplete"),
    ]


def test_grants_are_reported_not_read(write):
    from backchannel.records import read_records

    search = {
        "results": [
            {
                "Award ID": "80NSSC24K0001",
                "Recipient Name": "THE UNIVERSITY OF IOWA",
                "Award Amount": 500000.0,
                "Awarding Agency": NASA,
                "generated_internal_id": "ASST_NON_80NSSC24K0001_8000",
            }
        ]
    }
    import json

    [problem] = read_records("usaspending", write("grants.json", json.dumps(search)))
    assert problem.reason == "ASST_NON_80NSSC24K0001_8000 is a grant or other assistance award, not a contract: skipped"
