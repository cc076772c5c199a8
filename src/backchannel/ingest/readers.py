"""Readers for plain text, Markdown and JSON Lines: decoded content in, Articles and Failures out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from backchannel.errors import DateError, InputError
from backchannel.model import Article

from .base import Failure, Options, build_article
from .dates import parse_date
from .decoding import decode_line

_ATX = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?\s*")
_SETEXT_RULE = re.compile(r"=+|-+")
_MAX_TITLE = 120  # a "short first line" longer than this is a paragraph, not a title
_OBJECT_ONLY = "each line must be one JSON object"
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}


def markdown_title(text: str) -> str | None:
    """The title of a Markdown document: a '# Title' first line, a Setext-underlined first line,
    or a short first line followed by a blank line. None when the first line is ordinary prose."""
    lines = [line.rstrip("\r") for line in text.strip().split("\n")]
    first = lines[0].strip()
    atx = _ATX.fullmatch(first)
    if atx:
        return atx.group(1) or None
    if len(lines) > 1 and first and _SETEXT_RULE.fullmatch(lines[1].strip()):
        return first
    if len(lines) > 2 and len(first) <= _MAX_TITLE and not lines[1].strip():
        return first
    return None


def read_text(text: str, path: str, options: Options, markdown: bool = False) -> Article:
    """A plain-text or Markdown document: the whole content is the text (a title line is kept in it)."""
    title = markdown_title(text) if markdown else None
    return build_article(text, options, path, title=title)


def read_jsonl(lines: Iterable[tuple[int, bytes | str]], path: str, options: Options) -> Iterator[Article | Failure]:
    """Read numbered JSON Lines: one Article per good line, one Failure (path:LINE) per bad line.

    Blank lines are skipped. Each object needs a non-empty string "text"; "title", "published",
    "outlet" and "url" are optional (null counts as absent). Other keys are ignored.
    """
    seen_content = False
    seen_bytes = False
    for number, raw in lines:
        seen_bytes = seen_bytes or bool(raw)
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        try:
            line = decode_line(raw) if isinstance(raw, bytes) else raw
            if not line.strip():
                continue
            seen_content = True
            yield _article_from_line(line, number, path, options)
        except InputError as exc:
            yield Failure(f"{path}:{number}", str(exc))
    if not seen_content:
        reason = "empty file (only white space): nothing to ingest" if seen_bytes else "empty file: nothing to ingest"
        yield Failure(path, reason)


def _article_from_line(line: str, number: int, path: str, options: Options) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON on line {number}: {exc.msg} (column {exc.colno}); {_OBJECT_ONLY}") from None
    except RecursionError:
        raise InputError(f"JSON nested too deeply on line {number}; {_OBJECT_ONLY}") from None
    if not isinstance(record, dict):
        kind = "null" if record is None else _JSON_TYPES.get(type(record), type(record).__name__)
        raise InputError(f"line {number} is {kind}, not an object: {_OBJECT_ONLY} with a \"text\" field")

    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no" if text is None else "has an empty" if isinstance(text, str) else "has a non-string"
        raise InputError(f'line {number} {problem} "text": give each object a non-empty "text" string')

    fields = {}
    for key in ("title", "outlet", "url", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'line {number}: "{key}" must be a string, not {_JSON_TYPES.get(type(value), "an object")}')
        fields[key] = value

    published = None
    if fields["published"] and fields["published"].strip():
        try:
            published = parse_date(fields["published"])
        except DateError as exc:
            raise InputError(f'bad "published" on line {number}: {exc}') from None

    return build_article(
        text,
        options,
        f"{path}:{number}",
        title=fields["title"],
        published=published,
        outlet=fields["outlet"],
        url=fields["url"],
    )
