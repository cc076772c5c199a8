"""Paths, directories and standard input: what is read, in which order, and under which name."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from backchannel.errors import InputError
from backchannel.ingest import Defaults, Failure
from backchannel.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path, write, run):
    for name in [
        "b.txt",
        "a.txt",
        "sub/c.txt",
        "sub/deeper/d.md",
        "c.txt",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/e.txt",
    ]:
        write(name, f"A short report kept in {name} about the town fair.")
    results = run(str(tmp_path))
    assert all(isinstance(item, Article) for item in results), results
    relative = [os.path.relpath(item.path, tmp_path) for item in results]
    # Sorted by name at each level; a folder's files come where its name sorts.
    assert relative == ["a.txt", "b.txt", "c.txt", "sub/c.txt", "sub/deeper/d.md"]


def test_paths_keep_the_order_given(tmp_path, write, run):
    second = write("z.txt", "The zoo opened a new enclosure.")
    folder = tmp_path / "folder"
    write("folder/m.txt", "The museum extended its hours.")
    first = write("a.txt", "The airport added a runway.")
    results = run(second, str(folder), first)
    assert [item.path for item in results] == [second, str(folder / "m.txt"), first]


def test_failures_do_not_stop_the_batch(tmp_path, write, run):
    write("1.txt", "The first report is fine.")
    write("2.txt", b"")
    write("3.txt", b"\x00\x00binary")
    write("4.txt", "The fourth report is fine too.")
    results = run(str(tmp_path), str(tmp_path / "missing.txt"), str(FIXTURES / "briefing.md"))
    kinds = [type(item).__name__ for item in results]
    assert kinds == ["Article", "Failure", "Failure", "Article", "Failure", "Article"]


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda root: None, "directory has no files to ingest"),
        (lambda root: (root / ".only-hidden.txt").write_text("Hidden."), "directory has no files to ingest"),
    ],
)
def test_directory_without_files(tmp_path, run, setup, reason):
    root = tmp_path / "inbox"
    root.mkdir()
    setup(root)
    [failure] = run(str(root))
    assert failure == Failure(str(root), f"{reason} (hidden files are skipped)")


def test_symlink_loop_is_followed_once(tmp_path, write, run):
    write("news/a.txt", "The harbour froze over.")
    os.symlink(tmp_path / "news", tmp_path / "news" / "loop")
    results = run(str(tmp_path / "news"))
    assert [item.text for item in results] == ["The harbour froze over."]


def test_named_hidden_file_is_read(write, run):
    [article] = run(write(".draft.txt", "A draft report the user asked for by name."))
    assert isinstance(article, Article)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_inside_a_directory_is_skipped(tmp_path, write, run):
    write("a.txt", "The ferry was late.")
    os.mkfifo(tmp_path / "pipe")
    results = run(str(tmp_path))
    assert isinstance(results[0], Article)
    assert results[1] == Failure(
        str(tmp_path / "pipe"), "not a regular file (pipe, socket, device or broken link): skipped"
    )


# --- standard input --------------------------------------------------------------------------

RSS = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
ATOM = (FIXTURES / "feed.atom").read_text(encoding="utf-8")
HTML = (FIXTURES / "article.html").read_text(encoding="utf-8")
JSONL = '{"text": "The first line of input."}\n\n{"text": "The third line of input."}\n'

STDIN_CASES = [
    ("text", "The depot reopened.\n", ["<stdin>"], "The depot reopened."),
    ("html", HTML, ["<stdin>"], "Harbour board approves winter ferry timetable"),
    ("lowercase doctype", HTML.replace("<!DOCTYPE html>", "<!doctype html>"), ["<stdin>"], "Harbour board"),
    ("jsonl", JSONL, ["<stdin>:1", "<stdin>:3"], "The first line of input."),
    ("rss", RSS, ["<stdin>", "<stdin>"], "The Riverside paper mill"),
    ("atom", ATOM, ["<stdin>"], "A senator asked the agency"),
    ("bare rss", RSS.split("\n", 1)[1], ["<stdin>", "<stdin>"], "The Riverside paper mill"),
]


@pytest.mark.parametrize("binary", [False, True], ids=["text-stream", "byte-stream"])
@pytest.mark.parametrize(("kind", "content", "paths", "start"), STDIN_CASES, ids=[c[0] for c in STDIN_CASES])
def test_stdin_is_sniffed(run, binary, kind, content, paths, start):
    stream = io.BytesIO(content.encode("utf-8")) if binary else io.StringIO(content)
    results = run("-", stdin=stream)
    assert all(isinstance(item, Article) for item in results), results
    assert [item.path for item in results] == paths
    assert results[0].text.startswith(start)


def test_stdin_defaults_to_sys_stdin(monkeypatch, run):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The tram line was extended.")))
    [article] = run("-", defaults=Defaults(published=date(2025, 1, 31)))
    assert (article.text, article.path, article.published) == ("The tram line was extended.", "<stdin>", date(2025, 1, 31))


@pytest.mark.parametrize(
    ("stream", "reason"),
    [
        (io.StringIO(""), "empty input: nothing to ingest"),
        (io.BytesIO(b""), "empty input: nothing to ingest"),
        (io.StringIO(" \n\t\n"), "empty input (only white space): nothing to ingest"),
        (io.BytesIO(b"caf\xe9"), "not UTF-8 text (byte 0xe9 at offset 3): re-save the file as UTF-8"),
        (io.StringIO("a\x00b"), "binary input (NUL characters): give a text, HTML, JSON Lines or RSS/Atom file"),
    ],
)
def test_bad_stdin(run, stream, reason):
    assert run("-", stdin=stream) == [Failure("<stdin>", reason)]


def test_stdin_mixed_with_files(run):
    results = run(str(FIXTURES / "briefing.md"), "-", stdin=io.StringIO("The bakery won a prize."))
    assert [item.path for item in results] == [str(FIXTURES / "briefing.md"), "<stdin>"]


# --- settings --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_bad_max_chars_setting_raises_before_reading(monkeypatch, run, value):
    monkeypatch.setenv("BACKCHANNEL_MAX_CHARS", value)
    with pytest.raises(InputError, match="BACKCHANNEL_MAX_CHARS must be a positive whole number"):
        run(str(FIXTURES / "briefing.md"))
