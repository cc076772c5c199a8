"""Senate LDA filings: the bulk XML and the REST API JSON, names kept as written."""

from __future__ import annotations

from datetime import date

from .conftest import FIXTURES


def test_a_self_filer_in_the_bulk_xml(read):
    records, _ = read("lda", "lda_filings.xml")
    blue = records[0]
    assert (blue.kind, blue.source) == ("lobbying", "Senate LDA")
    assert blue.record_id == "0F0F0F0F-0000-4000-8000-000000000001"
    assert blue.registrant == blue.client == "Blue Origin, LLC"  # both names kept
    assert blue.self_filer is True
    assert blue.amount == 1090000.0
    assert blue.date == date(2021, 7, 20)  # Received
    assert (blue.period, blue.period_start, blue.period_end) == ("2021 Q2", date(2021, 4, 1), date(2021, 6, 30))
    assert blue.record_type == "SECOND QUARTER REPORT"
    # In file order, without the repeated SENATE.
    assert blue.bodies_lobbied == ("Natl Aeronautics & Space Administration (NASA)", "SENATE", "HOUSE OF REPRESENTATIVES")
    assert blue.issues == ("AEROSPACE", "BUDGET/APPROPRIATIONS")
    assert blue.lobbyists == ("SMITH, ALEX", "JONES, SAM")
    assert blue.description == (
        "Human Landing System competition; NASA authorization; "
        "FY2022 Commerce, Justice, Science appropriations: NASA exploration"
    )
    assert blue.url == "https://lda.senate.gov/filings/public/filing/0f0f0f0f-0000-4000-8000-000000000001/print/"
    assert blue.location == f"{FIXTURES / 'lda_filings.xml'}: record 1"
    # Award fields stay empty on a filing.
    assert blue.recipient is None and blue.awarding_body is None and blue.level is None


def test_a_firm_filing_keeps_on_behalf_of_as_written(read):
    records, _ = read("lda", "lda_filings.xml")
    firm = records[1]
    assert firm.registrant == "Capitol Orbit Strategies LLC"
    assert firm.client == "Example Launch Co. on behalf of Example Holdings"
    assert firm.self_filer is False
    assert firm.amount == 40000.0
    assert firm.period == "2021 Q3"
    assert firm.issues == ("DEFENSE", "AEROSPACE")
    assert firm.description == "National security space launch"  # the same text twice, kept once


def test_a_registration_has_no_amount_and_no_period(read):
    records, _ = read("lda", "lda_filings.xml")
    registration = records[2]
    assert registration.record_type == "REGISTRATION"
    assert registration.amount is None
    assert (registration.period, registration.period_start, registration.period_end) == (None, None, None)
    assert registration.date == date(2021, 8, 2)
    assert registration.bodies_lobbied == registration.issues == registration.lobbyists == ()
    assert registration.description is None


def test_bad_xml_filings_are_problems(read):
    records, problems = read("lda", "lda_filings.xml")
    assert len(records) == 3
    assert [(p.location.rsplit(": ", 1)[1], p.reason) for p in problems] == [
        ("record 4", "Amount 'forty thousand' is not an amount"),
        ("record 5", "no client name (ClientName): the filing is incomplete; check the download"),
    ]


def test_a_firm_filing_from_the_api_reports_income(read):
    records, _ = read("lda", "lda_api.json")
    firm = records[0]
    assert firm.record_id == "0f0f0f0f-0000-4000-8000-00000000a001"
    assert (firm.registrant, firm.client, firm.self_filer) == ("Capitol Orbit Strategies LLC", "Example Launch Co.", False)
    assert firm.amount == 60000.0
    assert firm.date == date(2023, 10, 19)  # dt_posted, its time zone dropped
    assert (firm.period, firm.period_start, firm.period_end) == ("2023 Q3", date(2023, 7, 1), date(2023, 9, 30))
    assert firm.record_type == "3rd Quarter - Report"
    # Gathered over both activities, in order, without repeats.
    assert firm.bodies_lobbied == ("SENATE", "National Aeronautics and Space Administration (NASA)", "Defense, Dept of (DOD)")
    assert firm.issues == ("Aerospace", "Defense")
    assert firm.lobbyists == ("Jordan Doe", "Casey Roe")
    assert firm.description == "Commercial launch licensing; NASA commercial LEO destinations; National security space launch"
    assert firm.url == "https://lda.senate.gov/filings/public/filing/0f0f0f0f-0000-4000-8000-00000000a001/print/"
    assert firm.location == f"{FIXTURES / 'lda_api.json'}: record 1"


def test_a_self_filer_from_the_api_reports_expenses(read):
    records, _ = read("lda", "lda_api.json")
    own = records[1]
    assert own.registrant == own.client == "EXAMPLE SPACE CORP"
    assert own.self_filer is True
    assert own.amount == 250000.0  # expenses; income is null
    assert own.bodies_lobbied == ("Office of Science & Technology Policy (OSTP)", "Federal Aviation Administration (FAA)")


def test_a_filing_with_neither_income_nor_expenses_has_no_amount(read):
    records, _ = read("lda", "lda_api.json")
    quiet = records[2]
    assert quiet.amount is None
    assert quiet.record_type == "4th Quarter - No Activity"
    assert quiet.period == "2023 Q4"
    assert quiet.bodies_lobbied == quiet.issues == quiet.lobbyists == ()


def test_bad_api_filings_are_problems(read):
    records, problems = read("lda", "lda_api.json")
    assert len(records) == 3
    [problem] = problems
    assert problem.location.endswith("lda_api.json: record 4")
    assert problem.reason == "dt_posted '2025-02-30T10:00:00-05:00' is not a real date"


def test_a_single_filing_and_a_plain_list_are_read_too(write):
    import json

    from backchannel.records import read_records

    filing = json.loads((FIXTURES / "lda_api.json").read_text(encoding="utf-8"))["results"][0]
    [one] = read_records("lda", write("one.json", json.dumps(filing)))
    assert one.record_id == filing["filing_uuid"]
    listed = list(read_records("lda", write("list.json", json.dumps([filing, filing]))))
    assert [r.location.rsplit(": ", 1)[1] for r in listed] == ["record 1", "record 2"]
