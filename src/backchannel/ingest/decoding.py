"""Turn the bytes of a file into text, or say exactly why not.

Policy: UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 with a byte-order mark, and, for
HTML and XML that *declare* another encoding (``<meta charset>``, ``<?xml encoding=...?>``), that
encoding, but only when the bytes are not valid UTF-8. There is deliberately no cp1252/latin-1
fallback for undeclared text: almost any byte string decodes "cleanly" as cp1252, so a guess would
silently corrupt names and quotes, which this tool must reproduce exactly. Such files fail with a
reason that says to re-save them as UTF-8.
"""

from __future__ import annotations

import codecs
import re

from backchannel.errors import InputError

_BOMS = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Formats people drop into an input folder by mistake; naming them beats "not UTF-8".
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
)

_WANTED = "give a text, HTML, JSON Lines or RSS/Atom file"

_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)""",
    re.IGNORECASE,
)
# The WHATWG encoding standard reads these labels as windows-1252; browsers do, so we do.
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}


def bom_codec(data: bytes) -> str | None:
    """The Python codec named by a UTF-16/UTF-32 byte-order mark at the start, if any."""
    for bom, codec, _ in _BOMS:
        if data.startswith(bom) and codec != "utf-8-sig":
            return codec
    return None


def check_binary(data: bytes) -> None:
    """Raise InputError if the bytes (without a byte-order mark) are clearly not text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}): convert it to text first, or {_WANTED}")
    if b"\x00" in data:
        if looks_like_utf16(data):
            raise InputError("UTF-16 text without a byte-order mark: re-save the file as UTF-8")
        raise InputError(f"binary file (NUL bytes): {_WANTED}")


def looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # ASCII text in UTF-16 has a NUL in every other byte and almost none in the others.
    return (odd > 0.6 * half and even < 0.05 * half) or (even > 0.6 * half and odd < 0.05 * half)


def _declared_codec(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if name.startswith(("utf_16", "utf_32")):
        return None  # without a byte-order mark these were refused as binary already
    return "cp1252" if name in _AS_CP1252 else name


def _not_utf8(data: bytes, exc: UnicodeDecodeError, of: str = "") -> InputError:
    byte = data[exc.start]
    return InputError(f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start}{of}): re-save the file as UTF-8")


def decode(data: bytes | str, noun: str = "file") -> str:
    """Decode a whole file (or standard input) to text, following the module's encoding policy.

    ``noun`` names the input in messages ("file", "input"). Raises InputError for empty, white-space
    only, binary or wrongly encoded input.
    """
    if not data:
        raise InputError(f"empty {noun}: nothing to ingest")
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        if "\x00" in text:
            raise InputError(f"binary {noun} (NUL characters): {_WANTED}")
    else:
        text = _decode_bytes(data)
    if not text.strip():
        raise InputError(f"empty {noun} (only white space): nothing to ingest")
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {name} text ({exc.reason} at offset {exc.start}): re-save the file as UTF-8"
                ) from None
    check_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        error = _not_utf8(data, exc)
    declared = _declared_codec(data)
    if declared and declared != "utf_8":
        for codec in (declared, "latin_1") if declared == "cp1252" else (declared,):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
        raise InputError(f"{error} (the file declares {declared}, but its bytes do not match)")
    raise error


def decode_line(raw: bytes) -> str:
    """Decode one JSON Lines line as UTF-8; the error gives the offset so the line can be fixed."""
    if b"\x00" in raw:
        raise InputError(f"binary data (NUL bytes) on this line: {_WANTED}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(raw, exc, of=" of the line") from None
