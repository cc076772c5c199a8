"""Opening a record file: refuse what cannot be read, with one line that says why, and tell the
readers what the content looks like (JSON, XML or CSV).

Encoding policy, as for articles (``backchannel.ingest.decoding``): UTF-8, with or without a
byte-order mark, or UTF-16/UTF-32 with one. There is no latin-1 fallback: a guess would silently
corrupt names, which must reach resolution exactly as the agency wrote them. XML files may declare
another encoding; the XML parser honours the declaration.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from backchannel.errors import InputError
from backchannel.ingest.decoding import looks_like_utf16, bom_codec

JSON = "JSON"
XML = "XML"
CSV = "CSV"

_HEAD = 65536  # bytes looked at before reading: enough to see binary data and the format
_CHUNK = 1 << 20
_DECLARED = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")

# Files people download by mistake instead of the data; naming them beats "not UTF-8".
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive: unzip it and give the CSV or XML inside"),
    (b"\x1f\x8b", "a gzip archive: decompress it first"),
    (b"%PDF", "a PDF: download the data as CSV, JSON or XML"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file: export it as CSV"),
)


@dataclass(frozen=True)
class Opened:
    """A record file that passed the first checks: its path, text codec and apparent format."""

    path: str
    codec: str  # Python codec for the text ("utf-8-sig" unless a byte-order mark says otherwise)
    format: str  # JSON, XML or CSV, from the first character of the content


def open_record_file(path: str | os.PathLike) -> Opened:
    """Check that ``path`` is a readable, non-empty text file and guess its format from its content.

    Raises InputError (one line) for a missing file, a directory, an unreadable, empty, binary or
    non-UTF-8 file. A file is JSON when its content starts with '{' or '[', XML with '<', else CSV.
    XML that declares another encoding in its prolog is left to the XML parser to decode.
    """
    path = os.fspath(path)
    if os.path.isdir(path):
        raise InputError(f"{path} is a directory: give the record files inside it one by one")
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file: check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check its permissions") from None
    codec = _codec(head, path)
    if codec == "utf-8-sig":
        _check_nul(head, path)
        if _declares_other_encoding(head):
            return Opened(path, codec, XML)  # the XML parser decodes it as declared
    text = _decode_head(head, codec, path)
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{path}: empty file ({'only white space' if text else 'no bytes'}): nothing to read")
    first = stripped[0]
    fmt = JSON if first in "{[" else XML if first == "<" else CSV
    return Opened(path, codec, fmt)


def _declares_other_encoding(head: bytes) -> bool:
    """True for XML whose prolog declares an encoding other than UTF-8 (ISO-8859-1, windows-1252)."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    match = _DECLARED.match(start)
    if not match:
        return False
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name != "utf-8"
    except LookupError:
        return False  # an unknown encoding: the parser will say so


def _codec(head: bytes, path: str) -> str:
    if codec := bom_codec(head):  # UTF-16 or UTF-32 with a byte-order mark
        return codec
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{path}: binary file, {kind}")
    return "utf-8-sig"


def _check_nul(head: bytes, path: str) -> None:
    if b"\x00" in head:
        if looks_like_utf16(head):
            raise InputError(f"{path}: UTF-16 text without a byte-order mark: re-save the file as UTF-8")
        raise InputError(f"{path}: binary file (NUL bytes): give a UTF-8 CSV, JSON or XML file")


def _decode_head(head: bytes, codec: str, path: str) -> str:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        # final=False: the head may end inside a multi-byte character.
        return decoder.decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise _not_text(path, codec, exc, 0) from None


def _not_text(path: str, codec: str, exc: UnicodeDecodeError, base: int) -> InputError:
    name = "UTF-8" if codec.startswith("utf-8") else codec.upper()
    byte = exc.object[exc.start] if exc.start < len(exc.object) else 0
    return InputError(
        f"{path}: not {name} text (byte 0x{byte:02x} at offset {base + exc.start}): re-save the file as UTF-8"
    )


def read_text(opened: Opened) -> str:
    """The whole file as text; InputError when a byte further in is not in the file's encoding."""
    with open(opened.path, "rb") as handle:
        data = handle.read()
    try:
        return data.decode(opened.codec)
    except UnicodeDecodeError as exc:
        raise _not_text(opened.path, opened.codec, exc, 0) from None


def check_encoding(opened: Opened) -> None:
    """Decode the whole file once, in chunks, so a bad byte deep in a large CSV is refused before
    any record of it is handed out, rather than half-way through an import."""
    decoder = codecs.getincrementaldecoder(opened.codec)()
    offset = 0
    with open(opened.path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise _not_text(opened.path, opened.codec, exc, offset) from None
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise _not_text(opened.path, opened.codec, exc, offset) from None


def parse_json(opened: Opened) -> object:
    """The parsed JSON document; InputError with line and column when it is malformed."""
    text = read_text(opened)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{opened.path}: malformed JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}): "
            "download the response again"
        ) from None
    except RecursionError:
        raise InputError(f"{opened.path}: JSON nested too deeply to read") from None


def parse_xml(opened: Opened) -> ET.Element:
    """The root element of the XML file; InputError with line and column when it is malformed.

    The parser reads bytes, so an encoding declared in the XML prolog is honoured. Expat does not
    fetch external entities, and refuses entity expansion bombs.
    """
    try:
        return ET.parse(opened.path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        raise InputError(
            f"{opened.path}: malformed XML (line {line}, column {column}: {reason}): download the file again"
        ) from None
    except LookupError as exc:  # the prolog names an encoding Python does not know
        raise InputError(f"{opened.path}: XML in an {exc}: re-save the file as UTF-8") from None


def xml_items(opened: Opened, root: str, item: str, what: str) -> list[ET.Element]:
    """The <item> children of the file's root element, which must be <root>; InputError saying the
    file is not ``what`` ("an FPDS ATOM feed") otherwise."""
    top = parse_xml(opened)
    if local_name(top.tag) != root:
        raise InputError(
            f"{opened.path}: not {what}: expected <{root}> with <{item}> elements, found <{local_name(top.tag)}>"
        )
    return list(children(top, item))


def local_name(tag: str) -> str:
    """An element's name without its namespace: FPDS feeds come with several namespace URIs."""
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """The element's children with this local name (none for no element)."""
    return (node for node in (() if element is None else element) if local_name(node.tag) == name)


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The element's first child with this local name, or None."""
    return next(children(element, name), None)


def descendants(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """The element's descendants with this local name, at any depth, in document order."""
    return (node for node in element.iter() if local_name(node.tag) == name)
