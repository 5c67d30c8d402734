"""Load: bytes or str in, decoded text out, with its kind (text or HTML) sniffed from content.

Decoding order: byte-order mark, then strict UTF-8 (most pages), then, for a page that is mostly
UTF-8, line by line (its other lines in the declared or a detected legacy encoding), then a charset
the page declares (<meta charset>, http-equiv; WHATWG labels only, see charset_labels), then
charset-normalizer. Refuses, with a one-line
error, what is not text at all: empty input, known binary formats, and decodes that come out as
control-character soup.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from deboiler.errors import BinaryInput, DecodeError, EmptyInput, InputTooLarge, PageTypeError, UsageError
from deboiler.stages.charset_labels import codec_for

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
NO_LIMIT = 1 << 62  # a --max-bytes at or over this (no input is that large) is no limit at all


def check_max_bytes(max_bytes: object) -> int:
    """--max-bytes as a usable limit: a whole number of 1 or more (UsageError otherwise), a huge one
    capped, so that reading `max_bytes + 1` bytes never asks for an impossible buffer."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise UsageError(f"--max-bytes must be a whole number of bytes, not {max_bytes!r}")
    if max_bytes < 1:
        raise UsageError(f"--max-bytes must be 1 or more, not {max_bytes}")
    return min(max_bytes, NO_LIMIT)


def read_at_most(fh, max_bytes: int, size: int | None = None) -> bytes:
    """Up to max_bytes + 1 bytes of a binary stream (one more than the limit, so that a caller can tell
    an input over it). `size`, when known (a regular file), is read in one call; otherwise in chunks,
    since a read of max_bytes + 1 at once allocates that much first."""
    if size is not None:
        return fh.read(min(size, max_bytes) + 1)
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = fh.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)

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
    # The input bytes when they are exactly `text` in UTF-8 (no BOM, CR or NUL was taken out), so that
    # the HTML parser can read them as they are instead of re-encoding the str: ~10% of its time.
    utf8: bytes | None = None


def as_page(data: object) -> bytes | str:
    """The page as bytes or str: a bytearray or memoryview as its bytes; anything else PageTypeError."""
    if isinstance(data, (bytes, str)):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    raise PageTypeError(f"a page is bytes or str (or a bytearray or memoryview), not {type(data).__name__}")


def load(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and sniff one input. Raises a DeboilerError subclass for input that is not usable text."""
    max_bytes = check_max_bytes(max_bytes)
    data = as_page(data)
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLarge(f"input is {len(data):,} characters, over the limit of {max_bytes:,}")
        text, encoding = data, "str"
        # A lone surrogate (U+D800..U+DFFF, e.g. from a "\ud800" JSON escape) is not a character: no
        # encoder accepts it, so the Episode could not be written out as UTF-8 and the fastText backend
        # raised TypeError on it. It becomes U+FFFD, as any decoder makes of a byte it cannot read.
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
    else:
        if len(data) > max_bytes:
            raise InputTooLarge(f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
        if not data or data.isspace():  # isspace: no copy of a page that is not blank
            raise EmptyInput("input is empty")
        _refuse_binary(data)
        text, encoding = _decode(data)
    text = _normalise_newlines(text)
    if not text or text.isspace():
        raise EmptyInput("input is empty or only whitespace")
    strict_utf8 = encoding == "utf-8" and not isinstance(data, str)
    if not (strict_utf8 and _no_control_bytes(data)):
        _refuse_control_soup(text, encoding)
    kind = sniff_kind(text)
    same_bytes = strict_utf8 and kind == "html" and b"\r" not in data and b"\x00" not in data
    return Document(text=text, kind=kind, encoding=encoding, utf8=data if same_bytes else None)


def sniff_kind(text: str) -> str:
    """HTML when the text starts like markup, or is dense with tags from its first line on; otherwise
    plain text. A text dump whose lines start as text and whose description holds a feed's raw tags
    ("<p>Show notes: </p>") stays text: read as HTML, its first lines would run together."""
    if _HTML_SNIFF.match(text):
        return "html"
    head = text[:20000]
    first_line = head.lstrip().split("\n", 1)[0]
    if "<" not in first_line:
        return "text"
    tags = len(_HTML_TAGS.findall(head))
    return "html" if tags >= 5 and tags * 200 > len(head) else "text"


_MAGICS = tuple(_BINARY_MAGIC)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)


def _refuse_binary(data: bytes) -> None:
    if data.startswith(_MAGICS):  # one test for all of them; which one, only when one matches
        what = next(what for magic, what in _BINARY_MAGIC.items() if data.startswith(magic))
        raise BinaryInput(f"input is binary ({what}), not a page")
    if data.startswith(_BOM_PREFIXES):
        return  # UTF-16/32 text legitimately holds NUL bytes
    sample = data[:8192]
    if 0 in sample and not _looks_utf16(sample):
        # A stray NUL happens in text; many control bytes besides it do not. (NUL itself is not
        # counted: it was, so a short note with one stray NUL was refused as binary, while the loader
        # drops NULs from text anyway.)
        controls = sum(1 for b in sample if 0 < b < 9 or 13 < b < 32 or b == 127)
        if controls > len(sample) // 100:
            raise BinaryInput("input is binary (NUL and control bytes), not a page")


def _looks_utf16(sample: bytes) -> bool:
    # BOM-less UTF-16 of mostly-ASCII text puts a NUL in every other byte.
    if 0 not in sample:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2 or 1
    return max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _decode_utf(data, name)
            if text is not None:
                return text, name
            if name != "utf-8-sig":  # a UTF-8 page with some bad lines is read line by line below
                raise DecodeError(f"input starts with a {name} byte-order mark but does not decode as {name}")
            break
    # BOM-less UTF-16 of mostly-Latin text is often valid UTF-8 too (NULs and low bytes), so it goes first.
    if _looks_utf16(data[:8192]):
        # The byte order whose high bytes (the NULs of Latin text) fall in the odd places goes first.
        little_first = data[1:8192:2].count(0) > data[0:8192:2].count(0)
        for name in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
            text = _decode_utf(data, name)
            if text is not None and "\x00" not in text:
                return text, name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    name = None
    if declared:
        name = codec_for(declared.group(1).decode("ascii", "replace"))  # WHATWG labels only
    mixed = _decode_mostly_utf8(data, name)
    if mixed is not None:
        return mixed
    if name:
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    import charset_normalizer  # imported late: it is slow to import and most input is UTF-8

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("input could not be decoded as text in any known encoding")
    return str(best), best.encoding


def _decode_utf(data: bytes, name: str) -> str | None:
    """Strict; for UTF-16/32 a few undecodable units (a lone surrogate: a string cut mid-pair) become
    U+FFFD. Why: strict, one lone surrogate refused a UTF-16 page with a BOM, and without a BOM it made
    the loader take the other byte order, which decodes ASCII text to CJK nonsense. Random bytes hold
    an unpaired surrogate in about one unit in thirty, far over the limit here, so they still fail."""
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        if name.startswith("utf-8"):
            return None
        text = data.decode(name, "replace")
        return text if text.count("\ufffd") <= len(text) // 1000 + 1 else None


_NON_ASCII = bytes(range(128))  # bytes.translate(None, _NON_ASCII) keeps only the non-ASCII bytes
MIN_UTF8_EVIDENCE = 16  # non-ASCII bytes in valid UTF-8 lines; legacy pages in corpora/encodings have 0


def _decode_mostly_utf8(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """A UTF-8 page with some lines that are not UTF-8 (a stray byte, a part pasted in CP1251), read
    line by line; None when UTF-8 is not the page's main encoding.

    Why: one bad byte made strict UTF-8 fail, and charset-normalizer then read the whole page in a
    legacy code page (mac_latin2, cp1251 ...), so every non-ASCII line came out as mojibake and
    mangled chrome ("149 м—җн”јмҶҢл“ң") leaked into the description; a UTF-8 part and a CP1251 part
    together were refused outright (DecodeError). Lines that are valid UTF-8 stay UTF-8; the others
    are read with the declared charset, or charset-normalizer when there is enough of them to judge,
    or else as UTF-8 with U+FFFD for the bytes that are not (what a browser shows)."""
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    good = bad = 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            good += len(line.translate(None, _NON_ASCII))
        except UnicodeDecodeError:
            decoded.append(None)
            bad += len(line.translate(None, _NON_ASCII))
    if good < MIN_UTF8_EVIDENCE or good < bad:
        return None
    rest = b"\n".join(line for line, text in zip(lines, decoded) if text is None)
    other = _read_legacy(rest, declared, bad) or (rest.decode("utf-8", "replace"), "replace")
    it = iter(other[0].split("\n"))
    return "\n".join(text if text is not None else next(it) for text in decoded), f"utf-8+{other[1]}"


def _read_legacy(rest: bytes, declared: str | None, non_ascii: int) -> tuple[str, str] | None:
    """The non-UTF-8 lines of a mostly-UTF-8 page, in the declared or a detected legacy encoding."""
    if declared:
        try:
            if codecs.lookup(declared).name != "utf-8":
                text = rest.decode(declared)
                if text.count("\n") == rest.count(b"\n"):
                    return text, declared
        except (LookupError, UnicodeDecodeError):
            pass
    if non_ascii >= MIN_DETECT_BYTES:
        import charset_normalizer

        best = charset_normalizer.from_bytes(rest, cp_isolation=_WEB_LEGACY).best()
        if best is not None and best.encoding and str(best).count("\n") == rest.count(b"\n"):
            return str(best), best.encoding
    return None


# The legacy encodings browsers read (WHATWG), Mac ones left out: on a few lines, charset-normalizer
# free to choose read b"T\xffOC" as UTF-16 (two CJK characters) and Russian CP1251 as mac_cyrillic.
_WEB_LEGACY = (
    "cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 koi8_r koi8_u cp866 iso8859_2 "
    "iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_10 iso8859_13 iso8859_14 iso8859_15 "
    "iso8859_16 cp949 cp932 euc_jp iso2022_jp gb18030 big5hkscs"
).split()
MIN_DETECT_BYTES = 32  # fewer non-ASCII bytes than this are too few to tell a code page by


def _normalise_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


def _no_control_bytes(data: bytes | str) -> bool:
    """Strict UTF-8 bytes with no control byte and no U+FFFD in reach of _refuse_control_soup's
    sample: then its count is 0, known without decoding a regex scan (a third of load's time)."""
    head = data[: _CONTROL_SAMPLE * 4]  # 4 bytes at most per character of the sample
    return not head.translate(None, _NOT_CONTROL_BYTES) and b"\xef\xbf\xbd" not in head


_SURROGATE = re.compile("[\ud800-\udfff]")

# The control characters a text page does not hold (NUL is dropped from text, CR becomes LF, tab,
# LF and form feed are text). Counted with U+FFFD by _refuse_control_soup, looked for as bytes by
# _no_control_bytes: one list for both.
_CONTROL_CODES = bytes([*range(1, 9), 11, *range(14, 32), 127])
_CONTROL = re.compile("[" + _CONTROL_CODES.decode("ascii") + "\ufffd]")
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_CODES)
_CONTROL_SAMPLE = 20000  # characters


def _refuse_control_soup(text: str, encoding: str) -> None:
    sample = text[:_CONTROL_SAMPLE]
    bad = len(_CONTROL.findall(sample))
    if bad > 0.05 * len(sample):
        raise DecodeError(f"input decodes ({encoding}) to mostly control characters: not a text page")
