"""Time expressions: finding them in text and resolving them against the publication date."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from backchannel.extract.timex import find_times, resolve

THU = date(2025, 6, 26)  # a Thursday
WED = date(2025, 6, 25)  # a Wednesday
D = date.fromisoformat
GRANULARITIES = {"day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "duration",
                 "ref", "unresolved"}


def _check(got, value, start, end, granularity):
    assert got == (value, D(start) if start else None, D(end) if end else None, granularity)


ABSOLUTE = [
    ("June 25, 2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("25 June 2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("the 25th of June, 2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("Wednesday, June 25, 2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("Jun. 25", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("June 25", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("June 25th", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("July 10", "2025-07-10", "2025-07-10", "2025-07-10", "day"),  # soon after publication: same year
    ("December 30", "2024-12-30", "2024-12-30", "2024-12-30", "day"),  # > 6 months ahead in the past: last year
    ("2025-06-25", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("6/25/2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("June 2025", "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("in June", "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("in July", "2024-07", "2024-07-01", "2024-07-31", "month"),  # past tense, after the publication month
    ("last March", "2025-03", "2025-03-01", "2025-03-31", "month"),
    ("next May", "2026-05", "2026-05-01", "2026-05-31", "month"),
    ("October of next year", "2026-10", "2026-10-01", "2026-10-31", "month"),
    ("2025", "2025", "2025-01-01", "2025-12-31", "year"),
    ("fiscal 2026", "2026", "2025-10-01", "2026-09-30", "year"),  # US federal fiscal year
    ("FY2026", "2026", "2025-10-01", "2026-09-30", "year"),
    ("the 1990s", "199", "1990-01-01", "1999-12-31", "decade"),
    ("the '90s", "199", "1990-01-01", "1999-12-31", "decade"),
    ("the 21st century", "20", "2000-01-01", "2099-12-31", "century"),
    ("mid-June", "2025-06", "2025-06-11", "2025-06-20", "month"),
    ("early June", "2025-06", "2025-06-01", "2025-06-10", "month"),
    ("late May", "2025-05", "2025-05-21", "2025-05-31", "month"),
    ("early 2025", "2025", "2025-01-01", "2025-04-30", "year"),
    ("late 2024", "2024", "2024-09-01", "2024-12-31", "year"),
    ("the end of 2024", "2024", "2024-09-01", "2024-12-31", "year"),
    ("the first quarter of 2025", "2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
    ("Q1 2025", "2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
    ("fourth-quarter 2024", "2024-Q4", "2024-10-01", "2024-12-31", "quarter"),
    ("the first quarter", "2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
    ("the fourth quarter", "2024-Q4", "2024-10-01", "2024-12-31", "quarter"),  # past tense: the latest one
    ("spring 2024", "2024-SP", "2024-03-01", "2024-05-31", "season"),
    ("last summer", "2024-SU", "2024-06-01", "2024-08-31", "season"),
    ("the second half of 2024", "2024-H2", "2024-07-01", "2024-12-31", "half"),
    ("H1 2025", "2025-H1", "2025-01-01", "2025-06-30", "half"),
]


@pytest.mark.parametrize(("expression", "value", "start", "end", "granularity"), ABSOLUTE)
def test_absolute_dates(expression, value, start, end, granularity):
    _check(resolve(expression, THU), value, start, end, granularity)


RELATIVE = [
    ("today", "2025-06-26", "2025-06-26", "2025-06-26", "day"),
    ("this morning", "2025-06-26TMO", "2025-06-26", "2025-06-26", "day"),  # TIMEX3 TIME, interval the day
    ("tonight", "2025-06-26TNI", "2025-06-26", "2025-06-26", "day"),
    ("yesterday", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("last night", "2025-06-25TNI", "2025-06-25", "2025-06-25", "day"),
    ("tomorrow", "2025-06-27", "2025-06-27", "2025-06-27", "day"),
    ("Wednesday", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("on Monday", "2025-06-23", "2025-06-23", "2025-06-23", "day"),
    ("Thursday", "2025-06-26", "2025-06-26", "2025-06-26", "day"),  # publication day itself
    ("Friday", "2025-06-20", "2025-06-20", "2025-06-20", "day"),
    ("last Tuesday", "2025-06-24", "2025-06-24", "2025-06-24", "day"),
    ("next Friday", "2025-06-27", "2025-06-27", "2025-06-27", "day"),
    ("this week", "2025-W26", "2025-06-23", "2025-06-29", "week"),
    ("last week", "2025-W25", "2025-06-16", "2025-06-22", "week"),
    ("next week", "2025-W27", "2025-06-30", "2025-07-06", "week"),
    ("earlier this week", "2025-W26", "2025-06-23", "2025-06-26", "week"),
    ("last weekend", "2025-W25-WE", "2025-06-21", "2025-06-22", "week"),
    ("this month", "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("earlier this month", "2025-06", "2025-06-01", "2025-06-26", "month"),
    ("later this month", "2025-06", "2025-06-26", "2025-06-30", "month"),
    ("last month", "2025-05", "2025-05-01", "2025-05-31", "month"),
    ("late last month", "2025-05", "2025-05-21", "2025-05-31", "month"),
    ("next month", "2025-07", "2025-07-01", "2025-07-31", "month"),
    ("this year", "2025", "2025-01-01", "2025-12-31", "year"),
    ("last year", "2024", "2024-01-01", "2024-12-31", "year"),
    ("earlier this year", "2025", "2025-01-01", "2025-06-26", "year"),
    ("later this year", "2025", "2025-06-26", "2025-12-31", "year"),
    ("next year", "2026", "2026-01-01", "2026-12-31", "year"),
    ("the previous year", "2024", "2024-01-01", "2024-12-31", "year"),
    ("this quarter", "2025-Q2", "2025-04-01", "2025-06-30", "quarter"),
    ("last quarter", "2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
    ("two days ago", "2025-06-24", "2025-06-24", "2025-06-24", "day"),
    ("three weeks ago", "2025-W23", "2025-06-02", "2025-06-08", "week"),
    ("six months ago", "2024-12", "2024-12-01", "2024-12-31", "month"),
    ("five years ago", "2020", "2020-01-01", "2020-12-31", "year"),
    ("a year ago", "2024", "2024-01-01", "2024-12-31", "year"),
    ("12 days ago", "2025-06-14", "2025-06-14", "2025-06-14", "day"),
    ("two years from now", "2027", "2027-01-01", "2027-12-31", "year"),
    ("in recent weeks", "PAST_REF", "2025-05-29", "2025-06-26", "ref"),
    ("in recent days", "PAST_REF", "2025-06-19", "2025-06-26", "ref"),
    ("in the past few weeks", "PAST_REF", "2025-05-29", "2025-06-26", "ref"),
    ("over the past two weeks", "PAST_REF", "2025-06-12", "2025-06-26", "ref"),
    ("the past year", "PAST_REF", "2024-06-26", "2025-06-26", "ref"),
    ("the last six months", "PAST_REF", "2024-12-26", "2025-06-26", "ref"),
    ("recently", "PAST_REF", "2025-03-28", "2025-06-26", "ref"),
    ("currently", "PRESENT_REF", "2025-06-26", "2025-06-26", "ref"),
    ("now", "PRESENT_REF", "2025-06-26", "2025-06-26", "ref"),
    ("soon", "FUTURE_REF", "2025-06-26", "2025-07-26", "ref"),
    ("in the coming weeks", "FUTURE_REF", "2025-06-26", "2025-07-24", "ref"),
    ("the next two months", "FUTURE_REF", "2025-06-26", "2025-08-26", "ref"),
    ("in the past", "PAST_REF", None, None, "ref"),
]


@pytest.mark.parametrize(("expression", "value", "start", "end", "granularity"), RELATIVE)
def test_relative_to_publication(expression, value, start, end, granularity):
    _check(resolve(expression, THU), value, start, end, granularity)


@pytest.mark.parametrize(("expression", "tense", "expected"), [
    ("Wednesday", "past", "2025-06-25"),  # dateparser moves this to the week before
    ("Wednesday", "future", "2025-06-25"),
    ("on Wednesday", "past", "2025-06-25"),
    ("Thursday", "past", "2025-06-19"),
    ("Thursday", "future", "2025-06-26"),
    ("Tuesday", "past", "2025-06-24"),
    ("Tuesday", "future", "2025-07-01"),
    ("last Wednesday", "past", "2025-06-18"),
    ("next Wednesday", "past", "2025-07-02"),
    ("this Friday", "past", "2025-06-27"),
])
def test_weekdays_published_on_a_wednesday(expression, tense, expected):
    _check(resolve(expression, WED, tense), expected, expected, expected, "day")


@pytest.mark.parametrize(("expression", "tense", "value"), [
    ("in July", "past", "2024-07"),
    ("in July", "future", "2025-07"),
    ("in January", "past", "2025-01"),
    ("in January", "future", "2026-01"),
    ("June", "future", "2025-06"),
])
def test_bare_month_takes_its_year_from_tense(expression, tense, value):
    assert resolve(expression, THU, tense)[0] == value


@pytest.mark.parametrize(("expression", "value"), [
    ("two weeks", "P2W"),
    ("for three months", "P3M"),
    ("a decade", "P10Y"),
    ("18 months", "P18M"),
    ("two-week", "P2W"),
    ("several years", "PXY"),
    ("24 hours", "PT24H"),
])
def test_durations(expression, value):
    _check(resolve(expression, THU), value, None, None, "duration")


@pytest.mark.parametrize(("expression", "value", "start", "end", "granularity"), [
    ("June 25, 2025", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("2025-06-25", "2025-06-25", "2025-06-25", "2025-06-25", "day"),
    ("June 2025", "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("2025", "2025", "2025-01-01", "2025-12-31", "year"),
    ("the 1990s", "199", "1990-01-01", "1999-12-31", "decade"),
    ("Q1 2025", "2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
    ("June 25", None, None, None, "unresolved"),
    ("Wednesday", None, None, None, "unresolved"),
    ("yesterday", None, None, None, "unresolved"),
    ("in June", None, None, None, "unresolved"),
    ("earlier this month", None, None, None, "unresolved"),
    ("three years ago", None, None, None, "unresolved"),
    ("in recent weeks", "PAST_REF", None, None, "unresolved"),
    ("recently", "PAST_REF", None, None, "unresolved"),
    ("currently", "PRESENT_REF", None, None, "unresolved"),
    ("soon", "FUTURE_REF", None, None, "unresolved"),
    ("two weeks", "P2W", None, None, "duration"),  # a duration does not need the date
])
def test_without_publication_date_nothing_relative_is_guessed(expression, value, start, end, granularity):
    _check(resolve(expression, None), value, start, end, granularity)


@pytest.mark.parametrize("expression", [
    "Trump", "previously", "formerly", "at least two", "second", "Phase 3", "Artemis III", "$2.4 billion",
    "28 missions", "",
])
def test_resolve_non_times(expression):
    assert resolve(expression, THU) == (None, None, None, "unresolved")


@pytest.mark.parametrize("text", [
    "Trump said the company may be working on a bid.",
    "May the best bid win, Theresa May said.",
    "Protesters will March on the Capitol.",
    "NASA paid $2.4 billion for 28 missions.",
    "The lander is in Phase 3 of Artemis III.",
    "Bezos held at least two conversations with the president.",
    "It was the second launch of the rocket.",
    "The company employs 2000 people and 1500 engineers.",
    "The Sunday Times reported the deal.",
    "Analysts expect prices to fall sharply after a fall in demand.",
    "He previously ran the agency and formerly led a rival.",
    "The board meets twice a year.",
    "A 10-year-old boy met the astronaut.",
    "She is in her 70s.",
    "The stock rose as soon as possible.",
    "The first half of the game ended and a quarter of the budget was gone.",
    "The day of the vote came.",
])
def test_no_time_in_text(text):
    assert find_times(text, THU) == []


BEZOS = ("Jeff Bezos has held at least two conversations with U.S. President Donald Trump in recent weeks, "
         "according to a report published Wednesday by The Wall Street Journal.")
LIMP = "Dave Limp reportedly visited the White House earlier this month to meet with Trump's chief of staff."


def test_seed_sentence_recent_weeks_and_wednesday():
    times = find_times(BEZOS, THU)
    assert [t.text for t in times] == ["in recent weeks", "Wednesday"]
    recent, wednesday = times
    assert recent.value == "PAST_REF" and recent.granularity == "ref"
    assert D("2025-05-01") <= recent.interval_start < recent.interval_end <= D("2025-06-26")
    assert (wednesday.value, wednesday.interval_start, wednesday.interval_end) == ("2025-06-25", WED, WED)


def test_seed_sentence_earlier_this_month():
    (t,) = find_times(LIMP, THU)
    assert (t.text, t.value, t.interval_start, t.interval_end, t.granularity) == (
        "earlier this month", "2025-06", D("2025-06-01"), D("2025-06-26"), "month")


@pytest.mark.parametrize(("text", "expected"), [
    ("The deal closed in May.", [("May", "2025-05")]),
    ("Talks began May 5 and ended on June 2.", [("May 5", "2025-05-05"), ("June 2", "2025-06-02")]),
    ("He spoke Wednesday, June 25, 2025, in Washington.", [("Wednesday, June 25, 2025", "2025-06-25")]),
    ("Results for the first quarter of 2025 beat forecasts.", [("the first quarter of 2025", "2025-Q1")]),
    ("It won a 2020 award.", [("2020", "2020")]),
    ("The review took two weeks. He resigned two weeks ago.", [("two weeks", "P2W"), ("two weeks ago", "2025-W24")]),
    ("The agency has worked with SpaceX for years.", [("years", "PXY")]),
    ("On Monday the agency met Blue Origin. Later that day it met SpaceX.",
     [("Monday", "2025-06-23"), ("Later that day", "2025-06-23")]),
    ("The Dow ended the day up 2%.", [("the day", "2025-06-26")]),
    ("The contract was signed in fiscal 2026 and in the 1990s before that.",
     [("fiscal 2026", "2026"), ("the 1990s", "199")]),
    ("Sales grew in the spring of 2024 and over the past two weeks.",
     [("the spring of 2024", "2024-SP"), ("over the past two weeks", "PAST_REF")]),
])
def test_find_times_in_sentences(text, expected):
    assert [(t.text, t.value) for t in find_times(text, THU)] == expected


def test_spans_are_exact_sorted_and_disjoint():
    text = BEZOS + " " + LIMP + " In June 2024, and again on 6/25/2025, officials met; a decision is due next week."
    times = find_times(text, THU)
    assert len(times) >= 6
    for t in times:
        assert t.text == text[t.start:t.end]
        assert t.granularity in GRANULARITIES
    assert all(a.end <= b.start for a, b in zip(times, times[1:]))


def test_caller_spans_kept_when_they_resolve_or_look_like_time():
    text = "Musk. said the deal closed on 25.06.2025 and that season ended, in recent weeks."
    spans = [(0, 5), (text.index("25.06"), text.index("25.06") + 10), (text.index("that season"),
             text.index("that season") + 11), (text.index("recent"), text.index("recent") + 12)]
    times = find_times(text, THU, spans)
    assert [(t.text, t.value, t.granularity) for t in times] == [
        ("25.06.2025", "2025-06-25", "day"),  # dateparser fallback for a form the rules lack
        ("that season", None, "unresolved"),  # not resolvable, but a time expression
        ("in recent weeks", "PAST_REF", "ref"),  # the longer rule match beats the caller's "recent weeks"
    ]


def test_caller_span_with_a_weekday_is_not_left_to_dateparser():
    # dateparser would move "Wednesday" a week back; the rule's reading must win over the caller's span.
    text = "The launch is at 10 a.m. Wednesday."
    start = text.index("10")
    times = find_times(text, WED, [(start, start + 17)])
    assert [(t.text, t.value) for t in times] == [("10 a.m. Wednesday", "2025-06-25T10:00")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The jet took off at 18:00 UTC.", ("18:00 UTC", "2025-06-26T18:00Z")),
        ("The markets opened at 0800 GMT.", ("0800 GMT", "2025-06-26T08:00Z")),
        ("It landed at 12:00 UTC Monday.", ("12:00 UTC Monday", "2025-06-23T12:00Z")),
        ("He spoke at 6 p.m. on Friday.", ("6 p.m. on Friday", "2025-06-20T18:00")),
        ("They met Friday morning.", ("Friday morning", "2025-06-20TMO")),
        ("The vote is at noon tomorrow.", ("noon tomorrow", "2025-06-27T12:00")),
    ],
)
def test_clock_times_and_parts_of_the_day(text, expected):
    times = find_times(text, date(2025, 6, 26))
    assert [(t.text, t.value) for t in times] == [expected]
    assert times[0].interval_start == times[0].interval_end  # the day it falls on


@pytest.mark.parametrize("text", ["Shares rose 2.35 percent.", "The fee was $3.50 a month.", "The 1,200 workers"])
def test_numbers_are_no_clock_times(text):
    assert not any("T" in (t.value or "") for t in find_times(text, date(2025, 6, 26)))


def test_unresolved_caller_span_does_not_hide_a_resolved_time():
    text = "Sales fell compared with the same period last year."
    spans = [(text.index("the same"), len(text) - 1)]
    assert [(t.text, t.value) for t in find_times(text, THU, spans)] == [("last year", "2024")]


def test_tense_at_decides_bare_weekdays():
    text = "The launch will happen Friday."
    assert find_times(text, THU)[0].value == "2025-06-20"
    assert find_times(text, THU, tense_at=lambda offset: "future")[0].value == "2025-06-27"


def test_find_times_without_publication_date():
    times = find_times("On Wednesday, June 25, 2025, and again on Friday, in recent weeks.", None)
    assert [(t.text, t.value, t.granularity) for t in times] == [
        ("Wednesday, June 25, 2025", "2025-06-25", "day"),
        ("Friday", None, "unresolved"),
        ("in recent weeks", "PAST_REF", "unresolved"),
    ]
    assert all(t.interval_start is None for t in times[1:])


def test_dateparser_is_not_imported_eagerly():
    code = "import sys, backchannel.extract.timex as t; t.find_times('Wednesday', None); print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["The ice formed 74,000 years ago.", "Stars formed 50,000 years ago in the cloud."])
def test_dates_beyond_the_calendar_do_not_crash(text):
    from backchannel.extract.timex import find_times

    assert all(t.interval_start is None for t in find_times(text, date(2025, 6, 26)))
