"""parse_date: the dates users and documents give, and the ones it must refuse."""

from datetime import date

import pytest

from backchannel.errors import DateError, InputError
from backchannel.ingest import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-26", date(2025, 6, 26)),
        ("  2025-06-26\n", date(2025, 6, 26)),
        ("2025-6-5", date(2025, 6, 5)),
        ("2025-06-26T10:00:00Z", date(2025, 6, 26)),
        ("2025-06-26 10:00", date(2025, 6, 26)),
        # The date as written, not moved to UTC: readers saw the story on the 26th.
        ("2025-06-26T23:30:00-05:00", date(2025, 6, 26)),
        ("June 26, 2025", date(2025, 6, 26)),
        ("26 June 2025", date(2025, 6, 26)),
        ("Thursday, June 26, 2025", date(2025, 6, 26)),
        ("Thu, 26 Jun 2025 10:00:00 +0000", date(2025, 6, 26)),
        ("Thu, 26 Jun 2025 23:30:00 -0500", date(2025, 6, 26)),
        ("26 Jun 2025 10:00:00 GMT", date(2025, 6, 26)),
        ("13/07/2025", date(2025, 7, 13)),  # only one reading is possible
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_parse_date_accepts(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-02-30", "not a real date"),
        ("2025-02-29", "not a real date"),
        ("2025-13-01", "not a real date"),
        ("Thu, 30 Feb 2025 10:00:00 +0000", "not a real date"),
        ("February 30, 2025", "cannot read"),
        ("tomorrowish", "cannot read"),
        ("yesterday", "cannot read"),  # relative: would depend on the day the tool runs
        ("June 2025", "cannot read"),  # a month is not a day
        ("06/07/2025", "ambiguous"),
        ("2025-06-26Tlate", "cannot read"),
        ("", "empty date"),
        ("   ", "empty date"),
    ],
)
def test_parse_date_refuses(value, words):
    with pytest.raises(DateError) as caught:
        parse_date(value)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert "2025-06-26" in message  # says what a good date looks like


def test_parse_date_refuses_non_strings():
    with pytest.raises(DateError):
        parse_date(20250626)  # type: ignore[arg-type]


def test_date_error_is_an_input_error():
    assert issubclass(DateError, InputError)
