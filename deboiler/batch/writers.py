"""Where `deboiler batch` writes: a JSONL file or a Parquet file, each built under OUT.part until complete.

Workers turn each chunk's output rows (dicts: source, id, url, status, error, then the Episode fields)
into the output's own encoding with `encode`: JSONL lines as bytes; for Parquet the rows themselves,
which the batch process turns into Arrow tables. The batch process appends them, in input order, to
OUT.part and gives OUT its name once every record is in. So after a kill at any moment OUT.part holds a prefix of the final output, which `done` reads back
for `--resume`.

- JSONL: OUT.part is one file of whole lines, one flushed write per chunk; a kill leaves a prefix of
  the output plus perhaps one cut line, which `open(resume=True)` drops.
- Parquet: a Parquet file cannot be appended to, and one cut by a kill has no footer and cannot be
  read at all. So OUT.part is a folder of shards 00000000.parquet, 00000001.parquet, ..., each of
  SHARD_ROWS records (--row-group-size; fewer when their Arrow data passes SHARD_BYTES, and the last
  one before a Ctrl-C), written to NAME.tmp and renamed when complete. A kill loses at most the
  records of the shard being filled, which the resumed run cleans again. At the end the shards are
  copied, one row group each, into OUT.part/OUT.tmp, which is fsynced and renamed to OUT, and the
  folder is removed.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from deboiler.episode import FIELDS
from deboiler.errors import OutputError, UsageError

FORMATS = ("jsonl", "parquet")
PARQUET_SUFFIXES = (".parquet", ".pq")
SHARD_ROWS = 5_000  # records per Parquet shard (one row group of OUT): ~2.5 s of work on 2 cores
SHARD_BYTES = 64 << 20  # a shard also closes once its Arrow data passes this, for very long descriptions
COMPRESSION = "zstd"  # text compresses ~4x; every pyarrow wheel has it
RESUME_COLUMNS = ("source", "id", "status", "error", "platform", "locale", "language", "description")


def output_format(output: str | Path, fmt: str | None) -> str:
    """--output-format if given, else from OUT's name: .parquet/.pq is Parquet, anything else JSONL."""
    if fmt is None:
        return "parquet" if str(output).lower().endswith(PARQUET_SUFFIXES) else "jsonl"
    if fmt not in FORMATS:
        raise UsageError(f"--output-format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def open_output(fmt: str, out: Path, resume: bool, dedup: bool, row_group_size: int = SHARD_ROWS):
    """The output named OUT, its OUT.part opened (resume: continued) and ready for `write`."""
    if row_group_size < 1:
        raise UsageError(f"--row-group-size must be 1 or more, not {row_group_size}")
    _refuse_special(out)
    sink = ParquetOutput(out, dedup, row_group_size) if fmt == "parquet" else JsonlOutput(out, dedup)
    sink.open(resume)
    return sink


def encoder(fmt: str):
    """The class whose static methods a worker needs (encode, merge), without opening anything."""
    return ParquetOutput if fmt == "parquet" else JsonlOutput


# ---------------------------------------------------------------------------------------------------
# JSONL


class JsonlOutput:
    def __init__(self, out: Path, dedup: bool = False):
        self.out = out
        self.part = out.with_name(out.name + ".part")
        self.renamed = False  # resuming a finished run: OUT was renamed to OUT.part
        self._handle = None
        self._keep = 0  # bytes of complete lines in OUT.part when it was opened
        self._cut = False  # a partial last line is still to be cut

    # --- in the worker

    @staticmethod
    def encode(rows: list[dict]) -> bytes:
        return b"".join(json_line(row) for row in rows)

    @staticmethod
    def merge(parts: list[bytes]) -> bytes:
        return b"".join(parts)

    # --- in the batch process

    @staticmethod
    def stored(text: str) -> str:
        return text  # JSON keeps whatever a str holds

    @staticmethod
    def tag(blob: bytes, dups: list[str | None]) -> bytes:
        """Each line with a last field "duplicate_of"."""
        lines = blob.split(b"\n")[:-1]  # every line ends in \n, and json_line escapes every other break
        out = []
        for line, dup in zip(lines, dups, strict=True):
            piece = json_line({"duplicate_of": dup})
            out.append(line[:-1] + b", " + piece[1:])
        return b"".join(out)

    def open(self, resume: bool) -> None:
        """Open OUT.part for appending and lock it; a trailing partial line is cut before the first write.

        Nothing is changed before the lock is held and the file is known to be deboiler's: a second
        run on the same OUT is refused, and so is a file that deboiler did not write.
        """
        out, part = self.out, self.part
        _refuse_leftover(part, resume)
        if part.is_dir():
            raise UsageError(
                f"{part} is a folder (a Parquet batch's shards), not a JSONL part: delete it to start over"
            )
        _refuse_special(part)
        source = part if part.exists() else out if resume and out.is_file() else None
        if source is not None:
            _check_ours(source, finished=source == out)
        try:
            self._handle = open(source or part, "ab")
        except OSError as exc:
            raise OutputError(f"cannot write {part}: {exc.strerror or exc}") from None
        _lock(self._handle.fileno(), self.out, self._handle)
        if source == out:
            os.replace(out, part)  # a finished run resumed: only records for new inputs are added
            self.renamed = True
        size = self._handle.seek(0, os.SEEK_END)
        self._keep = _complete_length(part, size)  # a line cut off by a kill: its record is cleaned again
        self._cut = self._keep < size

    @property
    def shown(self) -> Path:
        """The name the kept records are under for the user: OUT when a finished run is resumed."""
        return self.out if self.renamed else self.part

    def done(self) -> Iterator[dict]:
        """The records already in OUT.part, in order (its complete lines)."""
        left = self._keep
        with open(self.part, "rb") as f:
            for n, line in enumerate(f, 1):
                left -= len(line)
                if left < 0:
                    return
                try:
                    row = json.loads(line)
                    row["source"], row["id"], row["status"]  # noqa: B018  (a record has all three)
                except (ValueError, KeyError, TypeError):
                    raise UsageError(
                        f"{self.shown}: line {n} is not a deboiler batch record; delete the file to start over"
                    ) from None
                yield row

    def write(self, blob: bytes) -> None:
        try:
            if self._cut:
                self._handle.truncate(self._keep)
                self._cut = False
            self._handle.write(blob)
            self._handle.flush()
        except OSError as exc:
            raise OutputError(
                f"cannot write {self.part}: {exc.strerror or exc}; the records written so far are kept: "
                "run again with --resume"
            ) from None

    def give_back(self) -> None:
        """Resume refused after renaming a finished OUT: give it its name back."""
        if self.renamed:
            self.close()
            os.replace(self.part, self.out)

    def finish(self) -> None:
        """Make the finished output durable, then give it its name in one atomic step."""
        try:
            if self._cut:
                self._handle.truncate(self._keep)
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self.part, self.out)
        except OSError as exc:
            raise OutputError(f"cannot finish {self.out}: {exc.strerror or exc}") from None
        _fsync_folder(self.out.parent)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def json_line(row: dict) -> bytes:
    text = json.dumps(row, ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:  # line breaks to str.splitlines, not to JSON
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a JSON escape, or a file name): ASCII JSON keeps it
        return (json.dumps(row) + "\n").encode("ascii")


def _complete_length(part: Path, size: int) -> int:
    """Bytes up to and including the last newline: the complete lines."""
    with open(part, "rb") as f:
        pos = size
        while pos > 0:
            step = min(pos, 1 << 16)
            f.seek(pos - step)
            block = f.read(step)
            cut = block.rfind(b"\n")
            if cut >= 0:
                return pos - step + cut + 1
            pos -= step
    return 0


# ---------------------------------------------------------------------------------------------------
# Parquet


def row_schema(dedup: bool = False):
    """One column per output field, in the JSONL field order; map<string,string> for `ids`."""
    import pyarrow as pa

    episode_types = {
        "platform": pa.string(),
        "platform_confidence": pa.float64(),
        "platform_evidence": pa.list_(pa.string()),
        "locale": pa.string(),
        "language": pa.string(),
        "show": pa.string(),
        "title": pa.string(),
        "published": pa.string(),  # ISO date, as in JSONL
        "duration": pa.int64(),
        "episode_count": pa.int64(),
        "ids": pa.map_(pa.string(), pa.string()),
        "description": pa.string(),
    }
    names = ["source", "id", "url", "status", "error", *FIELDS] + (["duplicate_of"] if dedup else [])
    return pa.schema([(name, episode_types.get(name, pa.string())) for name in names])


class ParquetOutput:
    def __init__(self, out: Path, dedup: bool = False, shard_rows: int = SHARD_ROWS):
        self.out = out
        self.part = out.with_name(out.name + ".part")  # a folder of shards
        self.dedup = dedup
        self.shard_rows = shard_rows
        self.renamed = False
        self._buffer: list = []  # Arrow tables not yet in a shard, in order
        self._rows = 0
        self._bytes = 0
        self._next = 0  # number of the next shard
        self._lock: int | None = None  # OUT.part's folder, open and locked for the whole run

    # --- in the worker: the rows as they are. Arrow is built in the batch process only, so that the
    # workers do without pyarrow (~45 MB of memory each) and it costs the batch process little (C++).

    @staticmethod
    def encode(rows: list[dict]) -> list[dict]:
        return rows

    @staticmethod
    def merge(parts: list[list[dict]]) -> list[dict]:
        return [row for part in parts for row in part]

    # --- in the batch process

    @staticmethod
    def stored(text: str) -> str:
        """A source or id as this output stores it (to compare with the input's on --resume)."""
        return _escaped(text)

    @staticmethod
    def tag(rows: list[dict], dups: list[str | None]) -> list[dict]:
        for row, dup in zip(rows, dups, strict=True):
            row["duplicate_of"] = dup
        return rows

    @property
    def shown(self) -> Path:
        return self.out if self.renamed else self.part

    def open(self, resume: bool) -> None:
        out, part = self.out, self.part
        _refuse_leftover(part, resume)
        if part.exists() and not part.is_dir():
            raise UsageError(f"{part} is a file (a JSONL batch's part), not Parquet shards: delete it to start over")
        if resume and not part.exists() and out.is_file():
            _check_parquet(out)
        try:
            made = not part.exists()
            part.mkdir(exist_ok=True)
            self._lock = os.open(part, os.O_RDONLY)
        except OSError as exc:
            raise OutputError(f"cannot write {part}: {exc.strerror or exc}") from None
        _lock(self._lock, out)
        try:
            if resume and made and out.is_file():
                os.replace(out, part / _shard_name(0))  # a finished run resumed: its file is the first shard
                self.renamed = True
            for leftover in part.glob("*.tmp"):  # a shard (or OUT) cut by a kill: its records are redone
                leftover.unlink()
        except OSError as exc:
            raise OutputError(f"cannot write {part}: {exc.strerror or exc}") from None
        shards = self._shards()
        if [p.name for p in shards] != [_shard_name(i) for i in range(len(shards))]:
            raise UsageError(f"{part} holds other files than shards 0 to {len(shards) - 1}: delete it to start over")
        self._next = len(shards)

    def _shards(self) -> list[Path]:
        return sorted(p for p in self.part.iterdir() if not p.name.endswith(".tmp"))

    def done(self) -> Iterator[dict]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for shard in self._shards():
            try:
                pf = pq.ParquetFile(shard)
                names = pf.schema_arrow.names
                missing = [c for c in RESUME_COLUMNS if c not in names]
                if missing:
                    raise UsageError(
                        f"{shard} is not a deboiler batch shard (no {missing[0]} column): delete {self.part}"
                    )
                columns = list(RESUME_COLUMNS) + (["duplicate_of"] if "duplicate_of" in names else [])
                for batch in pf.iter_batches(batch_size=1024, columns=columns):
                    yield from batch.to_pylist()
            except (OSError, pa.ArrowException) as exc:  # a shard damaged outside deboiler
                raise UsageError(f"cannot read {shard}: {exc}; delete it (its records are cleaned again)") from None

    def write(self, rows: list[dict]) -> None:
        import pyarrow as pa

        schema = row_schema(self.dedup)
        try:
            table = pa.Table.from_pylist(rows, schema=schema)
        except UnicodeEncodeError:
            # A lone surrogate: only an input's id, url or file name can hold one (clean's own text has
            # none), and a Parquet string must be UTF-8. It is written as its JSON escape, \udXXX.
            table = pa.Table.from_pylist([_escaped(row) for row in rows], schema=schema)
        self._buffer.append(table)
        self._rows += table.num_rows
        self._bytes += table.nbytes
        while self._rows >= self.shard_rows or self._bytes >= SHARD_BYTES:
            self._flush(self.shard_rows)

    def _flush(self, limit: int | None = None) -> None:
        """Write the first `limit` buffered rows (all of them when None) as the next shard."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        table = pa.concat_tables(self._buffer).combine_chunks()
        take = self._rows if limit is None else min(limit, self._rows)
        shard, rest = table.slice(0, take), table.slice(take)
        self._buffer = [rest] if rest.num_rows else []
        self._rows, self._bytes = rest.num_rows, rest.nbytes
        path = self.part / _shard_name(self._next)
        tmp = path.with_name(path.name + ".tmp")
        try:
            # Not fsynced, like the JSONL part's lines: a shard survives a killed process as it is; after
            # a power cut a damaged shard is named by --resume. The finished OUT is fsynced.
            pq.write_table(shard, tmp, row_group_size=max(shard.num_rows, 1), compression=COMPRESSION)
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(
                f"cannot write {path}: {exc.strerror or exc}; the shards written so far are kept: run again with --resume"
            ) from None
        self._next += 1

    def give_back(self) -> None:
        if self.renamed:
            os.replace(self.part / _shard_name(0), self.out)
            shutil.rmtree(self.part, ignore_errors=True)

    def finish(self) -> None:
        """The shards, in order and one row group each, into one file named OUT."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._flush()
        tmp = self.part / (self.out.name + ".tmp")
        schema = row_schema(self.dedup)  # a finished OUT resumed as shard 0 has it too
        try:
            with open(tmp, "wb") as f:
                with pq.ParquetWriter(f, schema, compression=COMPRESSION) as writer:
                    for shard in self._shards():
                        pf = pq.ParquetFile(shard)
                        for i in range(pf.num_row_groups):  # one at a time: memory stays one row group
                            group = pf.read_row_group(i)
                            writer.write_table(group.cast(schema), row_group_size=max(group.num_rows, 1))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.out)
        except (OSError, pa.ArrowException) as exc:
            raise OutputError(f"cannot finish {self.out}: {getattr(exc, 'strerror', None) or exc}") from None
        _fsync_folder(self.out.parent)
        shutil.rmtree(self.part, ignore_errors=True)

    def close(self) -> None:
        """Interrupted (or failed): the cleaned records still buffered become a shard, so none is redone."""
        try:
            self._flush()
        except OutputError:
            pass  # they are cleaned again on --resume
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _shard_name(n: int) -> str:
    return f"{n:08d}.parquet"


def _escaped(value):
    r"""The value with every lone surrogate in its strings written as its JSON escape, \udXXX."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {_escaped(k): _escaped(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------------------------------


def _refuse_special(path: Path) -> None:
    """OUT (and OUT.part) must be regular files or absent: a finished batch renames OUT.part over OUT,
    which would replace a device, a FIFO or a symlink (to /dev/stdout, say) with a plain file."""
    try:
        st = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UsageError(f"{path} is a symlink: batch replaces OUT when it is done, so -o must name the file itself")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        raise UsageError(f"{path} is not a regular file (a device or a pipe): -o must name a file batch may replace")


def _lock(fd: int, out: Path, handle=None) -> None:
    """Hold an exclusive lock on OUT.part for the whole run: two runs appending to it would mix records."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        if handle is not None:
            handle.close()
        else:
            os.close(fd)
        raise UsageError(f"another deboiler batch is writing {out} now: wait for it to finish") from None


JSONL_START = b'{"source": '  # how every line deboiler writes begins


def _check_ours(path: Path, finished: bool) -> None:
    """Refuse, without changing it, a JSONL file that deboiler did not write (before --resume cuts or renames it)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(JSONL_START))
            size = f.seek(0, os.SEEK_END)
            if size:
                f.seek(size - 1)
                last = f.read(1)
    except OSError as exc:
        raise OutputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not size:
        return
    # A part may end in a line cut by a kill (even its first); a finished OUT ends with a newline.
    ours = head == JSONL_START and last == b"\n" if finished else head == JSONL_START[: len(head)]
    if not ours:
        raise UsageError(f"{path} was not written by deboiler batch: --resume leaves it alone; name another -o")


def _check_parquet(path: Path) -> None:
    """Refuse a finished OUT that is not a deboiler Parquet output before making it shard 0."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        names = pq.ParquetFile(path).schema_arrow.names
    except (OSError, pa.ArrowException):
        names = []
    if any(c not in names for c in RESUME_COLUMNS):
        raise UsageError(f"{path} was not written by deboiler batch: --resume leaves it alone; name another -o")


def _refuse_leftover(part: Path, resume: bool) -> None:
    if part.exists() and not resume:
        raise UsageError(f"{part} is left from an interrupted run: add --resume to continue it, or delete it")


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
        try:
            os.fsync(fd)  # the rename itself survives a power cut
        finally:
            os.close(fd)
    except OSError:
        pass  # not every filesystem lets a folder be fsynced
