"""Bad input: every case gives a Failure with one line saying what is wrong and what to do."""

from __future__ import annotations

import os

import pytest

from backchannel.ingest import Failure, sources, web
from backchannel.model import Article

GOOD_TEXT = "The ferry service resumed on Monday after a week of storms."
NO_TEXT_PAGE = "<html><head><title>Loading</title><script>render()</script></head><body></body></html>"
EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Times</title></channel></rss>'
BROKEN_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off'
ENTRY_WITHOUT_TEXT = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>'
    "<item><title>Empty item</title></item>"
    "<item><title>Bridge</title><description>The old bridge reopened.</description></item>"
    "</channel></rss>"
)

WANTED = "give a text, HTML, JSON Lines or RSS/Atom file"

BAD_FILES = [
    ("empty.txt", b"", "empty file: nothing to ingest"),
    ("blank.txt", b"  \n\t \r\n", "empty file (only white space): nothing to ingest"),
    ("blank.md", "\u00a0\n\u2003\n", "empty file (only white space): nothing to ingest"),
    ("empty.html", b"", "empty file: nothing to ingest"),
    ("empty.jsonl", b"", "empty file: nothing to ingest"),
    ("blank.jsonl", b"\n\n  \n", "empty file (only white space): nothing to ingest"),
    ("data.bin", b"\x00\x01\x02\x03header\x00", f"binary file (NUL bytes): {WANTED}"),
    ("notes.txt", b"Fine start\x00\x00 then binary", f"binary file (NUL bytes): {WANTED}"),
    ("photo", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", f"binary file (PNG image): convert it to text first, or {WANTED}"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", f"binary file (PDF): convert it to text first, or {WANTED}"),
    ("lines.jsonl", b"\x00\x00\x00\x01\x02", f"binary file (NUL bytes): {WANTED}"),
    ("latin1.txt", "Caf\u00e9 owners met the mayor.".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3): re-save the file as UTF-8"),
    ("latin1", "The na\u00efve plan.".encode("latin-1"), "not UTF-8 text (byte 0xef at offset 6): re-save the file as UTF-8"),
    ("cp1252.txt", "\u201cQuoted\u201d".encode("cp1252"), "not UTF-8 text (byte 0x93 at offset 0): re-save the file as UTF-8"),
    ("utf16.txt", "The tram was late again today.".encode("utf-16-le"), "UTF-16 text without a byte-order mark: re-save the file as UTF-8"),
    ("empty.html", NO_TEXT_PAGE, "HTML page has no main text: save the article page itself, or give its text as a .txt file"),
    ("blank.html", "<html><body>\n</body></html>", "HTML page has no main text: save the article page itself, or give its text as a .txt file"),
    ("quiet.rss", EMPTY_FEED, "feed has no entries: nothing to ingest"),
    ("cut.xml", BROKEN_FEED, "not a readable RSS/Atom feed ("),
    ("page.xml", "This is not XML at all.", "not a readable RSS/Atom feed"),
    ("export.json", '[\n  {"text": "An array of objects."}\n]\n', "JSON but not JSON Lines: put one object per line, in a .jsonl file"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_gives_one_failure(write, run, name, content, reason):
    path = write(name, content)
    [failure] = run(path)
    assert isinstance(failure, Failure)
    assert failure.path == path
    assert failure.reason.startswith(reason)
    assert "\n" not in failure.reason


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_batch_goes_on_after_a_bad_file(tmp_path, write, run, name, content, reason):
    bad = write(f"1/{name}", content)
    good = write("2/good.txt", GOOD_TEXT)
    results = run(bad, good)
    assert isinstance(results[0], Failure)
    assert isinstance(results[-1], Article) and results[-1].path == good


def test_missing_path(tmp_path, run):
    missing = str(tmp_path / "nowhere" / "story.txt")
    assert run(missing) == [Failure(missing, "no such file or directory: check the path")]


def test_broken_symlink_is_missing(tmp_path, run):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "deleted.txt", link)
    assert run(str(link)) == [Failure(str(link), "no such file or directory: check the path")]


@pytest.mark.parametrize("name", ["secret.txt", "secret.jsonl", "secret"])
def test_unreadable_file(monkeypatch, write, run, name):
    path = write(name, GOOD_TEXT)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    assert run(path) == [Failure(path, "permission denied: make it readable, or leave it out")]


def test_unreadable_directory(monkeypatch, tmp_path, write, run):
    write("locked/a.txt", GOOD_TEXT)
    write("open/b.txt", GOOD_TEXT)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    failure, article = run(str(tmp_path))
    assert failure == Failure(str(tmp_path / "locked"), "permission denied: make it readable, or leave it out")
    assert article.path == str(tmp_path / "open" / "b.txt")


@pytest.mark.parametrize(
    ("module", "function", "name", "start"),
    [
        (web.trafilatura, "bare_extraction", "page.html", "HTML could not be parsed (RecursionError: too deep)"),
        (web.feedparser, "parse", "feed.rss", "feed could not be parsed (RecursionError: too deep)"),
    ],
)
def test_library_crash_becomes_a_failure(monkeypatch, write, run, module, function, name, start):
    def crash(*args, **kwargs):
        raise RecursionError("too deep")

    monkeypatch.setattr(module, function, crash)
    path = write(name, "<html><body><p>Some page.</p></body></html>")
    [failure] = run(path)
    assert failure.path == path and failure.reason.startswith(start)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
@pytest.mark.parametrize("name", ["secret.txt", "secret.jsonl"])
def test_unreadable_file_on_disk(tmp_path, write, run, name):
    path = write(name, GOOD_TEXT)
    os.chmod(path, 0)
    try:
        assert run(path) == [Failure(path, "permission denied: make it readable, or leave it out")]
    finally:
        os.chmod(path, 0o600)


def test_feed_entry_without_text(write, run):
    path = write("feed.rss", ENTRY_WITHOUT_TEXT)
    failure, article = run(path)
    assert failure == Failure(path, "feed entry 1 ('Empty item'): no text (neither content nor summary): nothing to ingest")
    assert article.text == "The old bridge reopened."


def test_failure_reason_is_always_one_line():
    assert Failure("x.txt", "first\n  second\tthird ").reason == "first second third"


# --- JSON Lines: bad lines fail alone --------------------------------------------------------

MIXED_LINES = [
    ('{"text": "The council met on Monday.", "published": "2025-06-02"}', None),
    ('{"text": "The mayor spoke", "title": "Speech",}', "malformed JSON on line 2: Expecting property name enclosed in double quotes (column 47); each line must be one JSON object"),
    ("[1, 2, 3]", 'line 3 is an array, not an object: each line must be one JSON object with a "text" field'),
    ('"just a string"', 'line 4 is a string, not an object: each line must be one JSON object with a "text" field'),
    ('{"title": "No body"}', 'line 5 has no "text": give each object a non-empty "text" string'),
    ('{"text": "   "}', 'line 6 has an empty "text": give each object a non-empty "text" string'),
    ('{"text": 42}', 'line 7 has a non-string "text": give each object a non-empty "text" string'),
    ('{"text": "Budget vote delayed.", "published": "2025-02-30"}', "bad \"published\" on line 8: not a real date: '2025-02-30' (day is out of range for month); give a date like 2025-06-26 or 'June 26, 2025'"),
    ('{"text": "Budget vote delayed.", "published": 20250630}', 'line 9: "published" must be a string, not a number'),
    ('{"text": "Budget vote delayed.", "title": ["a", "b"]}', 'line 10: "title" must be a string, not an array'),
    ("", None),  # blank: skipped without a Failure
    ('{"text": "The library extended its hours.", "outlet": "Town Crier"}', None),
]


def test_jsonl_bad_lines_fail_alone(write, run):
    content = "\n".join(line for line, _ in MIXED_LINES) + "\n"
    path = write("mixed.jsonl", content)
    results = run(path)
    expected = [
        Failure(f"{path}:{number}", reason)
        for number, (line, reason) in enumerate(MIXED_LINES, 1)
        if reason is not None
    ]
    assert [item for item in results if isinstance(item, Failure)] == expected
    articles = [item for item in results if isinstance(item, Article)]
    assert [item.path for item in articles] == [f"{path}:1", f"{path}:12"]
    assert articles[1].outlet == "Town Crier"
    # Output keeps line order: failures sit where their lines are.
    assert [item.path for item in results] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12)]


def test_jsonl_bad_bytes_fail_their_line_only(write, run):
    content = b'{"text": "Good line."}\n{"text": "Caf\xe9"}\n{"text": "Another good line."}\n'
    path = write("bytes.jsonl", content)
    first, failure, last = run(path)
    assert failure == Failure(f"{path}:2", "not UTF-8 text (byte 0xe9 at offset 13 of the line): re-save the file as UTF-8")
    assert (first.text, last.text) == ("Good line.", "Another good line.")


# --- size limit ------------------------------------------------------------------------------


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setenv("BACKCHANNEL_MAX_CHARS", "50")


def test_too_large_text(small_limit, write, run):
    path = write("long.txt", "word " * 40)  # 200 characters, 199 after stripping
    assert run(path) == [Failure(path, "too large (199 characters, limit 50; set BACKCHANNEL_MAX_CHARS)")]


def test_too_large_file_is_refused_unread(small_limit, write, run):
    path = write("huge.txt", "x" * 1000)
    assert run(path) == [Failure(path, "too large (1000 bytes, limit 50 characters; set BACKCHANNEL_MAX_CHARS)")]


def test_too_large_markup(small_limit, write, run):
    path = write("page", "<html><body><p>" + "word " * 120 + "</p></body></html>")
    [failure] = run(path)
    assert failure.reason == (
        "too large (633 characters of markup, limit 500 = 10 x BACKCHANNEL_MAX_CHARS; set BACKCHANNEL_MAX_CHARS)"
    )


def test_too_large_jsonl_line_fails_alone(small_limit, write, run):
    path = write("mixed.jsonl", '{"text": "Short."}\n{"text": "' + "long " * 20 + '"}\n{"text": "Also short."}\n')
    first, failure, last = run(path)
    assert failure == Failure(f"{path}:2", "too large (99 characters, limit 50; set BACKCHANNEL_MAX_CHARS)")
    assert (first.text, last.text) == ("Short.", "Also short.")


def test_too_large_feed_entry_fails_alone(small_limit, write, run):
    feed = (
        '<rss version="2.0"><channel><title>T</title>'
        f"<item><title>Long</title><description>{'long ' * 20}</description></item>"
        "<item><title>Short</title><description>Short item.</description></item></channel></rss>"
    )
    path = write("feed.rss", feed)
    failure, article = run(path)
    assert failure == Failure(path, "feed entry 1 ('Long'): too large (99 characters, limit 50; set BACKCHANNEL_MAX_CHARS)")
    assert article.text == "Short item."
