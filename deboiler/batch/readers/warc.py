"""WARC input for `deboiler batch` (.warc, .warc.gz; .arc, .arc.gz too): one Record per WARC record,
read with warcio.

Every WARC record becomes exactly one output record, so nothing in an archive is silently lost:

- a `response` record with HTTP status 200 and a page body (Content-Type text/html,
  application/xhtml+xml or text/plain, or none given) is a page. Its body, with chunked transfer and
  gzip/deflate content encoding undone, is cleaned as deboiler cleans a saved file: the encoding is
  found from the bytes and the page's own declaration (the HTTP header's charset is not used, as it is
  not for a saved file);
- a `resource` record (a document archived without HTTP headers) likewise, by its WARC Content-Type;
- every other record (warcinfo, request, metadata, revisit, a 404, a redirect, an image) is written
  with status "skipped" and the reason in "error" (NotAPage: ...);
- a body over --max-bytes is an error record (InputTooLarge), read no further than the limit;
- an archive that breaks part way is one error record naming the record where reading stopped.

A record's id is its WARC-Record-ID (else its WARC-Target-URI, else PATH:N with N counted from 1), its
url the WARC-Target-URI.

ARC files (.arc, .arc.gz: the Internet Archive's format before WARC) are read the same way, warcio
turning each ARC record into the WARC record it would be (the file header becomes a warcinfo record,
so a "skipped" one). Their ids are PATH:N: the WARC-Record-ID warcio makes up for an ARC record is
new on every read, and an id must be the same on every run for `--resume`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from deboiler.batch.readers.base import BadRecord, NotAPage, Record
from deboiler.errors import InputTooLarge

ARC_SUFFIXES = (".arc", ".arc.gz")
SUFFIXES = (".warc", ".warc.gz", *ARC_SUFFIXES)
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path | str) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def warc_records(path: Path, base: int, max_bytes: int) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    arc = source.lower().endswith(ARC_SUFFIXES)
    n = 0
    try:
        with open(path, "rb", buffering=1 << 20) as raw:
            archive = ArchiveIterator(raw, arc2warc=arc)
            archive.loader = _loader(arc)
            for record in archive:
                if record.format != "warc":  # warcio reads any text as an old ARC record rather than fail
                    raise ValueError(f"not a WARC record (warcio reads it as {record.format})")
                n += 1
                yield _record(record, source, n, base, raw, max_bytes, arc)
    except (
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        ArchiveLoadFailed,
        OverflowError,  # a Content-Length of 26 digits: no read can be that long
    ) as exc:  # not a WARC, a broken gzip, a read error
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        kind = "ARC" if arc else "WARC"
        yield Record(
            source, f"{source}:{n + 1}", error=BadRecord(f"cannot read past {kind} record {n}: {what}"), end=base
        )


def _record(record, source: str, n: int, base: int, raw, max_bytes: int, arc: bool = False) -> Record:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    rid = f"{source}:{n}" if arc else record.rec_headers.get_header("WARC-Record-ID") or uri or f"{source}:{n}"
    end = base + raw.tell()
    why = _not_a_page(record)
    body = None
    if not why:
        try:
            body = record.content_stream().read(max_bytes + 1)
        except (OSError, EOFError, ValueError, zlib.error) as exc:  # a body whose content encoding is broken
            return Record(source, rid, uri, error=BadRecord(f"cannot read the record's body: {exc}"), end=end)
        if len(body) > max_bytes:
            too_large = InputTooLarge(f"the record's body is over the limit of {max_bytes:,} bytes")
            return Record(source, rid, uri, error=too_large, end=end)
    if not why:
        short = _short_of_http_length(record)
        if short:
            return Record(source, rid, uri, error=BadRecord(short), end=end)
    missing = _missing_bytes(record)
    if missing:  # warcio hands over a record cut by the end of the file as if it were whole
        cut = BadRecord(f"the archive ends inside this record: {missing:,} of its bytes are missing")
        return Record(source, rid, uri, error=cut, end=end)
    if why:
        return Record(source, rid, uri, error=NotAPage(why), end=end)
    return Record(source, rid, uri, page=body, end=end)


def _short_of_http_length(record) -> str | None:
    """Why the body is cut short, when the record holds fewer bytes than its HTTP Content-Length says
    (a crawler that stopped mid-download): a fragment of a page is not the page."""
    headers = record.http_headers
    if headers is None or headers.get_header("Transfer-Encoding"):  # chunked: the length does not apply
        return None
    declared = (headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit() or record.payload_length is None or record.payload_length < 0:
        return None
    if int(declared) > record.payload_length:
        return f"the record holds {record.payload_length:,} of the {int(declared):,} bytes its HTTP Content-Length declares"
    return None


def _loader(arc: bool):
    """warcio's record loader, reading a response without a WARC-Target-URI too (warcio's own
    fails on it with AttributeError, which ends the whole archive)."""
    from warcio.recordloader import ArcWarcRecordLoader

    class Loader(ArcWarcRecordLoader):
        def load_http_headers(self, rec_type, uri, stream, length):
            return super().load_http_headers(rec_type, "http:" if uri is None else uri, stream, length)

    return Loader(verify_http=False, arc2warc=arc)


def _missing_bytes(record) -> int:
    """Bytes of the record's declared Content-Length that the file does not hold."""
    stream = record.raw_stream
    if not isinstance(getattr(stream, "limit", None), int):
        return 0
    while stream.read(1 << 16):
        pass
    return stream.limit


def _not_a_page(record) -> str | None:
    """Why a WARC record holds no page to clean, or None when it does."""
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    elif record.rec_type == "response":
        if not record.http_headers or not str(getattr(record.http_headers, "protocol", "")).upper().startswith("HTTP"):
            return "a response record without HTTP headers"
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"HTTP status {status}"
        content_type = record.http_headers.get_header("Content-Type")
        encoding = (record.http_headers.get_header("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", *_decompressors()):
            return f"content encoding {encoding}, which warcio cannot undo here"
    else:
        return f"a {record.rec_type} record"
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in PAGE_TYPES:
        return f"content type {media}"
    return None


def _decompressors() -> tuple[str, ...]:
    from warcio.bufferedreaders import BufferedReader

    return tuple(BufferedReader.get_supported_decompressors())
