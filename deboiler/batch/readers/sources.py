"""Where a batch's pages come from: files, folders, globs, JSONL, Parquet and WARC files, read as a stream of Records.

Nothing is read ahead: folders are walked and JSONL files read line by line as the batch asks for the
next record, so memory stays flat however large the input. Every input record becomes exactly one
Record, in a fixed order (arguments in the order given; folders and globs sorted by name), so a
second run over the same inputs sees the same records in the same order (what `--resume` relies on).
A record that cannot be a page (a malformed JSON line, a missing field) is still a Record: one whose
`error` is set, which the batch writes as an error record (status "skipped" when the error is NotAPage:
a WARC request record, a 404).

- a page file: one Record, `source` and `id` both the path; the worker reads the file itself;
- a folder: every file under it, recursively, names starting with "." skipped; a file whose name says
  it is no page (a browser's "save page" puts CSS, scripts, images and fonts in a NAME_files/ folder
  beside the page; a gold .json) becomes a "skipped" record rather than a page of CSS;
- a glob (`'pages/**/*.html'`, quoted or not): its matches, sorted;
- `*.jsonl`, `*.jsonl.gz`, `*.jsonl.zst` (the last with the zstandard package): one Record per
  non-blank line, its page from the `html` field if present, else `text`; `id` from the `id` field,
  else `PATH:LINE`; `url` from the `url` field. All four field names are options.
- `*.parquet`, `*.pq`: one Record per row, the same four names as columns (deboiler.batch.readers.parquet);
- `*.warc`, `*.warc.gz`, `*.arc`, `*.arc.gz`: one Record per WARC (or ARC) record (deboiler.batch.readers.warc).
"""

from __future__ import annotations

import glob
import gzip
import importlib.util
import io
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from deboiler.batch.readers.base import BadRecord, Fields, NotAPage, Record
from deboiler.batch.readers.parquet import is_parquet, parquet_records
from deboiler.batch.readers.warc import is_warc, warc_records
from deboiler.errors import DeboilerError, InputNotFound, InputTooLarge, UsageError
from deboiler.stages.load import DEFAULT_MAX_BYTES

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
# In a folder walk, files with these endings are no pages (named files and globs are taken as given).
NOT_PAGE_SUFFIXES = frozenset(
    ".css .js .mjs .map .json .xml .csv .md .toml .yaml .yml .py .png .jpg .jpeg .gif .webp .avif .svg .ico "
    ".bmp .tif .tiff .woff .woff2 .ttf .otf .eot .mp3 .m4a .mp4 .ogg .wav .webm .pdf .zip .gz .wasm".split()
)


def parse(rec: Record, fields: Fields) -> Record:
    """A JSONL line's record with its id, url and page (or error) read; other records as they are."""
    if rec.line is None:
        return rec
    return _record(rec.line, rec.source, rec.lineno, fields, rec.end)


def expand(inputs: Sequence[str], exclude: Iterable[str | Path] = ()) -> list[Path]:
    """The INPUT arguments as paths: globs expanded (sorted), every path checked to exist.

    Raises InputNotFound for a missing path or a glob that matches nothing, and UsageError for a
    .jsonl.zst file when zstandard is not installed, before anything is read.
    """
    paths: list[Path] = []
    skip = own_files(exclude)
    for arg in inputs:
        if os.path.lexists(arg) or not glob.has_magic(arg):
            if not os.path.exists(arg):
                raise InputNotFound(f"no such file or directory: {arg}")
            if _real(arg) in skip:
                raise UsageError(f"{arg} is the batch's own output, not an input")
            paths.append(Path(arg))
            continue
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            raise InputNotFound(f"no files match {arg}")
        paths.extend(Path(m) for m in matches)
    paths = [p for p in paths if _real(p) not in skip]  # a glob may match the output
    for p in paths:
        if p.is_file() and p.name.lower().endswith(".jsonl.zst") and not _has_zstandard():
            raise UsageError(f"{p}: reading .jsonl.zst needs the zstandard package (pip install zstandard)")
    return paths


def records(
    paths: Sequence[Path],
    exclude: Iterable[str | Path] = (),
    fields: Fields = Fields(),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Every input record, in order, read lazily. `exclude`: files and folders to pass over (the batch's own output).

    JSONL lines come unparsed (`parse` reads them), so that the one process reading the inputs only
    splits lines and the JSON decoding happens in the workers. Parquet rows and WARC records come
    read (their decoding is arrow's C++ and warcio's header parsing; `fields` names the Parquet
    columns, and `max_bytes` bounds how much of a WARC body is read).
    """
    skip = own_files(exclude)
    base = 0  # bytes of the inputs before the current file
    for path, size, walked, why in _files(paths, skip):
        source = str(path)
        if why is not None:
            yield Record(source, source, error=why, end=base)
        elif size is None:
            yield Record(source, source, error=InputNotFound(f"cannot read {source}"), end=base)
        elif is_jsonl(path):
            yield from _jsonl(path, base, max_bytes)
            base += size
        elif is_parquet(path):
            yield from parquet_records(path, base, size, fields)
            base += size
        elif is_warc(path):
            yield from warc_records(path, base, max_bytes)
            base += size
        elif walked and path.suffix.lower() in NOT_PAGE_SUFFIXES:  # (.jsonl.gz, .warc.gz: read above)
            base += size
            why = f"not a page: a {path.suffix.lower()} file found in a folder (name it to clean it)"
            yield Record(source, source, error=NotAPage(why), end=base)
        else:
            base += size
            yield Record(source, source, path=source, end=base)


def total_bytes(paths: Sequence[Path], exclude: Iterable[str | Path] = ()) -> int:
    """The size of every input file: the total that `Record.end` counts up to."""
    skip = own_files(exclude)
    return sum(size or 0 for _, size, _, _ in _files(paths, skip))


def own_files(exclude: Iterable[str | Path]) -> set[str]:
    """The real paths of the batch's own files, symlinks resolved: an input reached through a symlinked
    folder, or a symlink to OUT, is still OUT."""
    return {_real(p) for p in exclude}


def _real(path: str | Path) -> str:
    return os.path.realpath(path)


def is_jsonl(path: Path | str) -> bool:
    return str(path).lower().endswith(JSONL_SUFFIXES)


def _files(paths: Sequence[Path], skip: set[str]) -> Iterator[tuple[Path, int | None, bool, DeboilerError | None]]:
    """(file, size, found by walking a folder, why it is no page) for every file the paths name,
    folders walked depth first in name order. `why` is set for what a walk finds that is not a
    regular file (a FIFO would block the reader for ever, a device never ends) and for a folder that
    a symlink leads back to (a loop would walk it again and again)."""
    for path in paths:
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for found, size, why in _walk(str(path), skip, seen):
                yield found, size, True, why
        elif _real(path) not in skip:
            yield path, _size(path), False, None


def _walk(folder: str, skip: set[str], seen: set[tuple[int, int]]) -> Iterator[tuple[Path, int | None, DeboilerError | None]]:
    try:
        st = os.stat(folder)
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield Path(folder), None, None  # unreadable folder: one error record rather than silence
        return
    for entry in entries:
        if entry.name.startswith(".") or _real(entry.path) in skip:  # skip: the batch's own output
            continue
        try:
            st = os.stat(entry.path)
        except OSError as exc:  # a broken symlink, a symlink loop, or the file went away
            yield Path(entry.path), None, InputNotFound(f"cannot read {entry.path}: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen:
                yield Path(entry.path), 0, NotAPage("a symlink to a folder already walked (a loop)")
            else:
                yield from _walk(entry.path, skip, seen)
        elif stat.S_ISREG(st.st_mode):
            yield Path(entry.path), st.st_size, None
        else:
            yield Path(entry.path), 0, NotAPage(f"not a regular file ({_kind(st.st_mode)})")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _has_zstandard() -> bool:
    return importlib.util.find_spec("zstandard") is not None


def _jsonl(path: Path, base: int, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    source = str(path)
    name = source.lower()
    lineno = 0
    # The longest line that can hold a page of max_bytes: JSON may write one byte as six (\u0001), plus
    # the record's other fields. A longer line is over the limit
    # whatever it holds, and is skipped without being read whole (one line of a .gz can be gigabytes).
    longest = 6 * max_bytes + (1 << 16)
    try:
        with open(path, "rb", buffering=1 << 20) as raw:
            if name.endswith(".gz"):
                stream = gzip.GzipFile(fileobj=raw)
            elif name.endswith(".zst"):
                if not _has_zstandard():
                    raise UsageError("reading .jsonl.zst needs the zstandard package (pip install zstandard)")
                import zstandard

                stream = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw), 1 << 16)
            else:
                stream = raw
            while line := stream.readline(longest):
                lineno += 1
                if len(line) >= longest and not line.endswith(b"\n"):
                    size = len(line) + _skip_line(stream)
                    too_long = InputTooLarge(
                        f"line {lineno} is {size:,} bytes, too long for a page of at most {max_bytes:,} bytes (--max-bytes)"
                    )
                    yield Record(source, f"{source}:{lineno}", error=too_long, end=base + raw.tell())
                    continue
                if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.isspace() and line:
                    yield Record(source, None, line=line, lineno=lineno, end=base + raw.tell())
    except DeboilerError as exc:
        yield Record(source, f"{source}:{lineno + 1}", error=exc, end=base)
    except (OSError, EOFError, zlib.error, ValueError) as exc:  # truncated or corrupt archive, read error
        what = f"{type(exc).__name__}: {exc}"
        yield Record(
            source, f"{source}:{lineno + 1}", error=BadRecord(f"cannot read past line {lineno}: {what}"), end=base
        )


def _skip_line(stream) -> int:
    """Read to the end of the current line, 1 MiB at a time; the number of bytes passed over."""
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _record(line: bytes, source: str, lineno: int, fields: Fields, end: int) -> Record:
    fallback_id = f"{source}:{lineno}"
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8/16/32
        return Record(source, fallback_id, error=BadRecord(f"line {lineno} is not valid JSON: {exc}"), end=end)
    if not isinstance(obj, dict):
        what = type(obj).__name__
        return Record(source, fallback_id, error=BadRecord(f"line {lineno} is a JSON {what}, not an object"), end=end)
    rid = obj.get(fields.id)
    rid = fallback_id if rid is None else rid if isinstance(rid, str) else json.dumps(rid, sort_keys=True)
    url = obj.get(fields.url)
    url = url if isinstance(url, str) else None
    page = next((obj[f] for f in fields.page if obj.get(f) is not None), None)
    if page is None:
        names = " or ".join(repr(f) for f in fields.page)
        return Record(source, rid, url, error=BadRecord(f"line {lineno} has no {names} field"), end=end)
    if not isinstance(page, str):
        what = type(page).__name__
        return Record(
            source, rid, url, error=BadRecord(f"line {lineno}: the page is a JSON {what}, not a string"), end=end
        )
    return Record(source, rid, url, page=page, end=end)
