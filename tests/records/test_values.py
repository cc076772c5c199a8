"""Single values: amounts, dates, legacy "code: NAME" columns, descriptions, award keys, periods."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.records import Record, RecordProblem
from backchannel.records import values as v
from backchannel.records.lda import period_of
from backchannel.records.model import BadValue


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (470000, 470000.0),
        (1230942.45, 1230942.45),
        ("470000.00", 470000.0),
        ("$1,230,942.45", 1230942.45),
        ("-6000.0000", -6000.0),
        (" 12 ", 12.0),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_amounts(raw, expected):
    assert v.amount(raw, "Amount") == expected


@pytest.mark.parametrize("raw", ["forty thousand", "12,34x.00", "12O000.00", "nan", "inf", True])
def test_bad_amounts_name_the_field_and_the_value(raw):
    with pytest.raises(BadValue, match=r"^Amount .* is not an amount$"):
        v.amount(raw, "Amount")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2016-10-19", date(2016, 10, 19)),
        ("2016-10-19T21:02:06.793", date(2016, 10, 19)),
        ("2023-10-19T14:02:11-04:00", date(2023, 10, 19)),
        ("2012-10-01 00:00:00", date(2012, 10, 1)),
        ("9/8/2016", date(2016, 9, 8)),
        ("12/23/2008", date(2008, 12, 23)),
        (None, None),
        ("", None),
    ],
)
def test_dates(raw, expected):
    assert v.day(raw, "signedDate") == expected


def test_an_impossible_date_is_refused():
    with pytest.raises(BadValue, match=r"^action_date '2025-02-30' is not a real date$"):
        v.day("2025-02-30", "action_date")


@pytest.mark.parametrize("raw", ["yesterday", "19 October 2016", "2016-13", "20161019"])
def test_a_value_that_is_no_date_is_refused(raw):
    with pytest.raises(BadValue, match="is not a date"):
        v.day(raw, "Received")


def test_legacy_code_and_name_columns():
    assert v.without_code("2000: Department of the Treasury") == "Department of the Treasury"
    assert v.without_code("2033K2: US MINT ARC") == "US MINT ARC"
    assert v.without_code("NASA") == "NASA"
    assert v.without_code(": ") is None
    assert v.without_code("") is None
    assert v.code_of("8135: PACKAGING AND PACKING BULK MATERIALS") == "8135"
    assert v.code_of("541519") == "541519"
    assert v.code_of(": ") is None


def test_text_collapses_white_space_and_blank_is_none():
    assert v.text("  THE BOEING\n COMPANY ") == "THE BOEING COMPANY"
    assert v.text(" \t ") is None
    assert v.text(None) is None
    assert v.text({"name": "x"}) is None
    assert v.text(2016) == "2016"


def test_short_cuts_long_descriptions_at_a_word():
    long = "WORD " * 200
    cut = v.short(long, limit=50)
    assert cut.endswith("…") and len(cut) <= 51 and " WOR…" not in cut
    assert v.short("SHORT ENOUGH") == "SHORT ENOUGH"


def test_unique_keeps_first_seen_order():
    assert v.unique(["SENATE", "HOUSE", " SENATE ", None, ""]) == ("SENATE", "HOUSE")


def test_award_keys_match_usaspending():
    # The keys USAspending itself gives in /work/shared's API responses.
    assert v.award_key("80GSFC18C0008", "8000", None, None) == "CONT_AWD_80GSFC18C0008_8000_-NONE-_-NONE-"
    assert v.award_key("80KSC024FA106", "8000", "NNK14MA74C", "8000") == "CONT_AWD_80KSC024FA106_8000_NNK14MA74C_8000"
    assert v.award_key("80JSC019C0012", "8000", None, None, idv=True) == "CONT_IDV_80JSC019C0012_8000"
    key = v.transaction_key("8000", None, "80GSFC18C0008", "P00065", None, "0")
    assert key == "CONT_TX_8000_-NONE-_80GSFC18C0008_P00065_-NONE-_0"
    assert v.award_key_of_transaction(key) == (
        "CONT_AWD_80GSFC18C0008_8000_-NONE-_-NONE-",
        "80GSFC18C0008",
        None,
        "P00065",
    )
    assert v.award_key_of_transaction("TX-17") is None
    assert v.parent_of_award_key("CONT_AWD_80KSC024FA106_8000_NNK14MA74C_8000") == "NNK14MA74C"
    assert v.parent_of_award_key("CONT_AWD_80GSFC18C0008_8000_-NONE-_-NONE-") is None
    assert v.parent_of_award_key(None) is None


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (("3rd Quarter (July 1 - Sep 30)",), ("2016 Q3", date(2016, 7, 1), date(2016, 9, 30))),
        (("1st Quarter (Jan 1 - Mar 31)",), ("2016 Q1", date(2016, 1, 1), date(2016, 3, 31))),
        (("second_quarter",), ("2016 Q2", date(2016, 4, 1), date(2016, 6, 30))),
        (("fourth_quarter",), ("2016 Q4", date(2016, 10, 1), date(2016, 12, 31))),
        (("UNDETERMINED", "THIRD QUARTER AMENDMENT"), ("2016 Q3", date(2016, 7, 1), date(2016, 9, 30))),
        (("Mid-Year (Jan 1 - Jun 30)",), ("2016 H1", date(2016, 1, 1), date(2016, 6, 30))),
        (("year_end",), ("2016 H2", date(2016, 7, 1), date(2016, 12, 31))),
        (("UNDETERMINED", "REGISTRATION"), (None, None, None)),
    ],
)
def test_lobbying_periods(labels, expected):
    assert period_of(2016, *labels) == expected


def test_no_year_no_period():
    assert period_of(None, "3rd Quarter") == (None, None, None)


def test_record_kind_is_checked():
    with pytest.raises(ValueError, match="kind"):
        Record(kind="grant", source="USAspending", record_id="x", location="f: line 2")


def test_problem_reasons_are_one_line():
    problem = RecordProblem("f.csv: line 4", "bad\nvalue  here")
    assert problem.reason == "bad value here"
    assert str(problem) == "f.csv: line 4: bad value here"
