"""Stage 1: bytes or str in, decoded text out, with its kind (text or HTML) sniffed from content.

Decoding order: byte-order mark, then strict UTF-8 (most pages), then a charset the page declares
(<meta charset>, http-equiv), then charset-normalizer. Refuses, with a one-line error, what is not
text at all: empty input, known binary formats, and decodes that come out as control-character soup.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import BinaryInput, DecodeError, EmptyInput, InputTooLarge

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of formats people feed us by mistake (images, archives, documents, executables).
_BINARY_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"%PDF-": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "zip archive",
    b"BZh": "bzip2 archive",
    b"\x28\xb5\x2f\xfd": "zstd archive",
    b"\xfd7zXZ\x00": "xz archive",
    b"7z\xbc\xaf\x27\x1c": "7z archive",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media file",
    b"ID3": "MP3 audio",
    b"OggS": "Ogg media file",
    b"fLaC": "FLAC audio",
}

# What pages declare and what they mean: browsers read these labels as the superset encoding (the
# WHATWG Encoding Standard), and pages rely on it, so a strict EUC-KR decode of a "euc-kr" page fails.
SUPERSETS = {
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "big5": "big5hkscs",
}
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]{1,40})""", re.I)
_HTML_SNIFF = re.compile(
    r"\A\s{0,1000}(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<!--|<div|<p[\s>]|<script|<link|<\?xml)",
    re.I,
)
_HTML_TAGS = re.compile(
    r"</?(?:html|head|body|div|span|p|a|script|meta|link|section|article|main|nav|header|footer|ul|li|h[1-6])\b[^>]{0,500}>",
    re.I,
)


@dataclass(frozen=True)
class Document:
    """Decoded input: the text, whether it is HTML, and the encoding it was read with."""

    text: str
    kind: str  # "text" or "html"
    encoding: str


def load(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and sniff one input. Raises a DeboilerError subclass for input that is not usable text."""
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLarge(f"input is {len(data):,} characters, over the limit of {max_bytes:,}")
        text, encoding = data, "str"
    else:
        if len(data) > max_bytes:
            raise InputTooLarge(f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
        if not data.strip():
            raise EmptyInput("input is empty")
        _refuse_binary(data)
        text, encoding = _decode(data)
    text = _normalise_newlines(text)
    if not text.strip():
        raise EmptyInput("input is empty or only whitespace")
    _refuse_control_soup(text, encoding)
    return Document(text=text, kind=sniff_kind(text), encoding=encoding)


def sniff_kind(text: str) -> str:
    """HTML when the text starts like markup or is dense with tags; otherwise plain text."""
    if _HTML_SNIFF.match(text):
        return "html"
    head = text[:20000]
    tags = len(_HTML_TAGS.findall(head))
    return "html" if tags >= 5 and tags * 200 > len(head) else "text"


def _refuse_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"input is binary ({what}), not a page")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text legitimately holds NUL bytes
    sample = data[:8192]
    if 0 in sample and not _looks_utf16(sample):
        # A stray NUL happens in text; many control bytes besides it do not.
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
        if controls > len(sample) // 100:
            raise BinaryInput("input is binary (NUL and control bytes), not a page")


def _looks_utf16(sample: bytes) -> bool:
    # BOM-less UTF-16 of mostly-ASCII text puts a NUL in every other byte.
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2 or 1
    return max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"input starts with a {name} byte-order mark but does not decode as {name}") from exc
    # BOM-less UTF-16 of mostly-Latin text is often valid UTF-8 too (NULs and low bytes), so it goes first.
    if _looks_utf16(data[:8192]):
        for name in (
            ("utf-16-le", "utf-16-be")
            if data[1::2][:4096].count(0) > data[0::2][:4096].count(0)
            else (
                "utf-16-be",
                "utf-16-le",
            )
        ):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = SUPERSETS.get(name, name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    import charset_normalizer  # imported late: it is slow to import and most input is UTF-8

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("input could not be decoded as text in any known encoding")
    return str(best), best.encoding


def _normalise_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def _refuse_control_soup(text: str, encoding: str) -> None:
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if bad > 0.05 * len(sample):
        raise DecodeError(f"input decodes ({encoding}) to mostly control characters: not a text page")
