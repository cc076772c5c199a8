"""Each format read with its metadata, and defaults filling only the gaps."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from backchannel.ids import content_id
from backchannel.ingest import Defaults, Failure
from backchannel.model import Article

FIXTURES = Path(__file__).parent / "fixtures"

DEFAULTS = Defaults(published=date(2024, 1, 2), outlet="Given Outlet", url="https://given.example/page")


def only_article(results: list) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


# --- plain text and Markdown ---------------------------------------------------------------


def test_text_file_is_the_whole_text(write, run):
    path = write("note.txt", "\n  The bridge closed on Monday.\n\n  Repairs will take a week.  \n\n")
    article = only_article(run(path))
    # Inner white space as in the source, outer white space stripped.
    assert article.text == "The bridge closed on Monday.\n\n  Repairs will take a week."
    assert article.id == content_id(article.text)
    assert (article.title, article.published, article.outlet, article.url) == (None, None, None, None)
    assert article.path == path


def test_text_file_takes_every_default(write, run):
    article = only_article(run(write("note.txt", "The bridge closed on Monday."), defaults=DEFAULTS))
    assert (article.published, article.outlet, article.url) == (
        date(2024, 1, 2),
        "Given Outlet",
        "https://given.example/page",
    )


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("# Council votes on budget\n\nThe council voted on Monday.", "Council votes on budget"),
        ("## Council votes on budget ##\n\nThe council voted on Monday.", "Council votes on budget"),
        ("Council votes on budget\n=======================\n\nThe council voted.", "Council votes on budget"),
        ("Council votes on budget\n\nThe council voted on Monday.", "Council votes on budget"),
        ("The council voted on Monday.\nThe mayor was absent.", None),
        ("The council voted on Monday.", None),
        ("The council voted on Monday after a long debate " * 4 + "\n\nMore follows.", None),
    ],
)
def test_markdown_title(write, run, content, title):
    article = only_article(run(write("story.md", content)))
    assert article.title == title
    assert article.text == content.strip()  # the title line stays in the text


def test_markdown_fixture(run):
    article = only_article(run(str(FIXTURES / "briefing.md")))
    assert article.title == "Port authority names new director"
    assert article.text.startswith("# Port authority names new director\n\nThe port authority named")


def test_txt_file_has_no_title_even_with_a_heading(write, run):
    article = only_article(run(write("story.txt", "# Council votes\n\nThe council voted on Monday.")))
    assert article.title is None


# --- HTML ------------------------------------------------------------------------------------

BARE_PAGE = """<html><body><article>
<p>The water board said on Tuesday that reservoir levels had fallen to their lowest point in a decade.</p>
<p>Residents were asked to limit garden watering until the autumn rains arrive.</p>
</article></body></html>"""


def test_html_fixture_with_metadata(run):
    article = only_article(run(str(FIXTURES / "article.html")))
    assert article.title == "Harbour board approves winter ferry timetable"
    assert article.published == date(2025, 3, 14)
    assert article.outlet == "Northport Ledger"
    assert article.url == "https://ledger.example/2025/harbour-ferry"
    assert "Board chair Ruth Okafor said the evening boat carried nurses" in article.text
    assert "Sport" not in article.text and "Copyright" not in article.text  # navigation, footer
    assert article.id == content_id(article.text)


def test_html_metadata_wins_over_defaults(run):
    article = only_article(run(str(FIXTURES / "article.html"), defaults=DEFAULTS))
    assert article.published == date(2025, 3, 14)
    assert article.outlet == "Northport Ledger"
    assert article.url == "https://ledger.example/2025/harbour-ferry"


def test_html_defaults_fill_gaps(write, run):
    article = only_article(run(write("page.html", BARE_PAGE), defaults=DEFAULTS))
    assert article.text.startswith("The water board said on Tuesday")
    assert (article.published, article.outlet, article.url) == (
        date(2024, 1, 2),
        "Given Outlet",
        "https://given.example/page",
    )


def test_html_without_date_is_never_dated_today(write, run):
    article = only_article(run(write("page.html", BARE_PAGE)))
    assert article.published is None


@pytest.mark.parametrize(("defaults", "outlet"), [(Defaults(), "news.example.org"), (DEFAULTS, "Given Outlet")])
def test_html_host_name_is_only_a_fallback_outlet(write, run, defaults, outlet):
    page = BARE_PAGE.replace("<html>", '<html><head><link rel="canonical" href="https://news.example.org/water"></head>')
    article = only_article(run(write("page.html", page), defaults=defaults))
    assert article.outlet == outlet
    assert article.url == "https://news.example.org/water"


def test_html_declared_latin1_charset(write, run):
    page = BARE_PAGE.replace("<html>", '<html><head><meta charset="iso-8859-1"></head>').replace(
        "The water board", "The caf\u00e9 owners and the water board"
    )
    article = only_article(run(write("page.html", page.encode("latin-1"))))
    assert "The caf\u00e9 owners" in article.text


def test_malformed_html_still_yields_its_text(write, run):
    page = (
        "<html><body><div><p>The school board <b>met late on Monday to discuss the new lunch"
        " programme and its cost to families.<p>A decision is expected next week, officials said.<div>"
    )
    article = only_article(run(write("broken.html", page)))
    assert "met late on Monday" in article.text
    assert "A decision is expected next week" in article.text


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_fixture(run):
    path = str(FIXTURES / "corpus.jsonl")
    results = run(path)
    assert all(isinstance(item, Article) for item in results)
    first, second, third = results
    assert first.path == f"{path}:1"
    assert (first.title, first.published, first.outlet, first.url) == (
        "Council passes budget",
        date(2025, 5, 6),
        "Metro Daily",
        "https://metro.example/budget",
    )
    assert second.path == f"{path}:3"  # line 2 is blank: skipped, but lines keep their numbers
    assert second.published == date(2025, 5, 7)
    assert third.title == "Teachers to vote" and third.published is None  # null means absent


def test_jsonl_defaults_fill_gaps_only(run):
    first, second, third = run(str(FIXTURES / "corpus.jsonl"), defaults=DEFAULTS)
    assert (first.published, first.outlet, first.url) == (
        date(2025, 5, 6),
        "Metro Daily",
        "https://metro.example/budget",
    )
    assert (second.published, second.outlet, second.url) == (date(2025, 5, 7), "Given Outlet", "https://given.example/page")
    assert third.published == date(2024, 1, 2)


def test_jsonl_with_crlf_and_bom(write, run):
    content = '\ufeff{"text": "Line one is here."}\r\n{"text": "Line two is here."}\r\n'
    results = run(write("windows.jsonl", content))
    assert [item.text for item in results] == ["Line one is here.", "Line two is here."]


# --- RSS and Atom ----------------------------------------------------------------------------


def test_rss_fixture(run):
    path = str(FIXTURES / "feed.rss")
    mill, bus = run(path)
    assert mill.title == "Paper mill reopens after two-year closure"
    assert mill.outlet == "Valley Courier"
    assert mill.url == "https://courier.example/mill-reopens"
    assert mill.published == date(2025, 6, 26)
    # Full content is preferred to the summary, and tags are stripped.
    assert mill.text == (
        "The Riverside paper mill reopened on Wednesday, two years after a fire shut its main line.\n"
        "About 140 workers returned, the owners said. More hires are planned for the autumn."
    )
    assert bus.text.startswith("County officials are studying a bus route")
    assert bus.published is None
    assert mill.path == bus.path == path


def test_rss_defaults_fill_gaps_only(run):
    mill, bus = run(str(FIXTURES / "feed.rss"), defaults=DEFAULTS)
    assert mill.published == date(2025, 6, 26)
    assert bus.published == date(2024, 1, 2)
    assert mill.outlet == bus.outlet == "Valley Courier"
    assert mill.url == "https://courier.example/mill-reopens"


def test_atom_fixture(run):
    article = only_article(run(str(FIXTURES / "feed.atom")))
    assert article.title == "Senator questions satellite contract"  # HTML title, tags stripped
    assert article.outlet == "Capitol Wire"
    assert article.published == date(2025, 6, 20)
    assert article.url == "https://wire.example/satellite-contract"
    assert "A senator asked the agency on Friday" in article.text
    assert "short summary" not in article.text


def test_feed_declared_encoding(write, run):
    feed = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Le Courrier</title>'
        "<item><title>March\u00e9</title><description>Le march\u00e9 rouvre samedi.</description></item>"
        "</channel></rss>"
    )
    article = only_article(run(write("latin.rss", feed.encode("latin-1"))))
    assert article.title == "March\u00e9"
    assert article.text == "Le march\u00e9 rouvre samedi."


# --- detection by content --------------------------------------------------------------------

SNIFFED = [
    ("page", BARE_PAGE, "The water board said on Tuesday"),
    ("page.dat", "<!DOCTYPE html>\n" + BARE_PAGE, "The water board said on Tuesday"),
    ("feed", (FIXTURES / "feed.atom").read_text(encoding="utf-8"), "A senator asked the agency"),
    ("feed.dat", (FIXTURES / "feed.rss").read_text(encoding="utf-8"), "The Riverside paper mill"),
    ("lines", '{"text": "First record."}\n\n{"text": "Second record."}\n', "First record."),
    ("story", "{Braces} open this story about the fair.\nIt ran all weekend.", "{Braces} open this story"),
    ("README", "The library opened a new wing on Saturday.", "The library opened"),
]


@pytest.mark.parametrize(("name", "content", "start"), SNIFFED)
def test_unknown_extension_is_sniffed(write, run, name, content, start):
    results = run(write(name, content))
    assert results and all(isinstance(item, Article) for item in results), results
    assert results[0].text.startswith(start)


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        ("\ufeffThe ferry sailed at dawn.".encode("utf-8"), "UTF-8 with BOM"),
        ("The ferry sailed at dawn, caf\u00e9 open.".encode("utf-16"), "UTF-16 with BOM"),
        ("\ufeffThe ferry sailed at dawn.".encode("utf-16-be"), "UTF-16 big-endian with BOM"),
        ("\ufeffThe ferry sailed at dawn.".encode("utf-32-le"), "UTF-32 with BOM"),
    ],
)
def test_byte_order_marks(write, run, encoded, label):
    article = only_article(run(write("note.txt", encoded)))
    assert article.text.startswith("The ferry sailed at dawn"), label


def test_stdin_text_stream_is_not_confused_with_a_path(run):
    # A str on stdin that looks like a path must be read as text, never opened.
    article = only_article(run("-", stdin=io.StringIO("/etc/hostname")))
    assert article.text == "/etc/hostname"
    assert not isinstance(article, Failure)
