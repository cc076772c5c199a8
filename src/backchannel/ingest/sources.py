"""Where documents come from: paths, directories and standard input; the one public entry point."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from backchannel import settings
from backchannel.errors import InputError
from backchannel.model import Article

from . import sniff as formats
from .base import MARKUP_FACTOR, STDIN, Defaults, Failure, Options, too_large
from .decoding import bom_codec, check_binary, decode
from .readers import read_jsonl, read_text
from .web import read_feed, read_html

_HEAD = 8192  # enough of a JSON Lines file to tell text from binary before streaming it


def iter_articles(
    paths: Sequence[str],
    defaults: Defaults = Defaults(),
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Yield an Article per document found, or a Failure per file (or JSONL line) that cannot be read.

    Each path is a file or a directory (read recursively in sorted order, skipping hidden files and
    dot-directories); '-' reads ``stdin`` (default ``sys.stdin``). The format comes from the extension
    (.txt .md .html .htm .jsonl .ndjson .xml .rss .atom), else from the content. Bad input never raises:
    it yields a Failure with a one-line reason and the batch goes on. Only a malformed
    BACKCHANNEL_MAX_CHARS raises InputError, before anything is read.

    Encodings: UTF-8 (a byte-order mark is allowed), UTF-16/UTF-32 with a byte-order mark, and the
    encoding an HTML or XML file declares when its bytes are not UTF-8. Undeclared latin-1/cp1252 is
    refused rather than guessed (see ``decoding``), so names and quotes are never silently garbled.
    """
    options = Options(defaults=defaults, limit=_limit())
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin, options)
        else:
            yield from _read_path(given, options)


def _limit() -> int:
    try:
        limit = settings.max_article_chars()
    except ValueError:
        limit = 0
    if limit <= 0:
        raise InputError(
            f"BACKCHANNEL_MAX_CHARS must be a positive whole number of characters, not {os.environ.get('BACKCHANNEL_MAX_CHARS')!r}"
        )
    return limit


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory: check the path"
    if isinstance(exc, PermissionError):
        return "permission denied: make it readable, or leave it out"
    return f"cannot read ({exc.strerror or exc}): check the file"


def _read_path(given: str, options: Options) -> Iterator[Article | Failure]:
    try:
        is_dir = os.path.isdir(given)
        os.stat(given)  # raises for missing paths and broken links, with the right reason
    except OSError as exc:
        yield Failure(given, _os_reason(exc))
        return
    if not is_dir:
        yield from _read_file(given, options)
        return
    found = False
    for item in _walk(given, set()):
        if isinstance(item, Failure):
            yield item
        else:
            found = True
            yield from _read_file(item, options)
    if not found:
        yield Failure(given, "directory has no files to ingest (hidden files are skipped)")


def _walk(directory: str, seen: set[str]) -> Iterator[str | Failure]:
    """Files under a directory, sorted by name at each level; hidden entries skipped.

    Symbolic links are followed, but a directory already visited is not entered again (link loops).
    """
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Failure(directory, _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            yield Failure(path, _os_reason(exc))
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif is_file:
            yield path
        else:
            # A FIFO or device in a folder would block or stream forever; only a named one is read.
            yield Failure(path, "not a regular file (pipe, socket, device or broken link): skipped")


def _read_file(path: str, options: Options) -> Iterator[Article | Failure]:
    fmt = formats.format_for_path(path)
    if fmt == formats.JSONL:
        yield from _read_jsonl_file(path, options)
        return
    # Refuse an oversized file unread: UTF-8 needs at most 4 bytes per character.
    cap = options.limit if fmt in (formats.TEXT, formats.MARKDOWN) else options.limit * MARKUP_FACTOR
    try:
        size = os.path.getsize(path)
        if size > 4 * cap:
            yield Failure(path, too_large(size, cap, unit="bytes"))
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield Failure(path, _os_reason(exc))
        return
    yield from _read_document(data, path, fmt, options)


def _read_jsonl_file(path: str, options: Options) -> Iterator[Article | Failure]:
    """Stream a JSON Lines file line by line, so a large corpus is never held in memory at once."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
            if bom_codec(head):
                # UTF-16/32 cannot be split on b"\n"; such files are rare and small enough to decode whole.
                data = head + handle.read()
                yield from _read_document(data, path, formats.JSONL, options)
                return
            try:
                check_binary(head.removeprefix(b"\xef\xbb\xbf"))
            except InputError as exc:
                yield Failure(path, str(exc))
                return
            handle.seek(0)
            yield from read_jsonl(enumerate(handle, 1), path, options)
    except OSError as exc:
        yield Failure(path, _os_reason(exc))


def _read_stdin(stdin: TextIO | BinaryIO | None, options: Options) -> Iterator[Article | Failure]:
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        yield Failure(STDIN, "no standard input: pipe a document in, or give a file path")
        return
    # Read bytes when possible, so the same encoding policy and messages apply as for files.
    stream = getattr(stream, "buffer", stream)
    try:
        data = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        yield Failure(STDIN, f"cannot read standard input ({exc}): pipe a UTF-8 document in")
        return
    yield from _read_document(data, STDIN, None, options, noun="input")


def _read_document(
    data: bytes | str, label: str, fmt: str | None, options: Options, noun: str = "file"
) -> Iterator[Article | Failure]:
    """Decode, detect the format if the extension did not, check the size and run the reader."""
    try:
        text = decode(data, noun=noun)
        fmt = fmt or formats.sniff(text)
        if fmt == formats.JSON:
            raise InputError("JSON but not JSON Lines: put one object per line, in a .jsonl file")
        if fmt in (formats.HTML, formats.FEED) and len(text) > options.limit * MARKUP_FACTOR:
            raise InputError(
                f"too large ({len(text)} characters of markup, limit {options.limit * MARKUP_FACTOR}"
                f" = {MARKUP_FACTOR} x BACKCHANNEL_MAX_CHARS; set BACKCHANNEL_MAX_CHARS)"
            )
        if fmt == formats.JSONL:
            lines = (line.removesuffix("\r") for line in text.split("\n"))
            yield from read_jsonl(enumerate(lines, 1), label, options)
        elif fmt == formats.FEED:
            yield from read_feed(text, label, options)
        elif fmt == formats.HTML:
            yield read_html(text, label, options)
        else:
            yield read_text(text, label, options, markdown=fmt == formats.MARKDOWN)
    except InputError as exc:
        yield Failure(label, str(exc))
