"""Many pages at once on every core: `deboiler batch` and `deboiler.clean_many`.

The worker function is `deboiler.clean` itself; this module only decides where it runs. Records
stream in chunks to a process pool with a bounded number of chunks in flight (so memory stays flat
however many pages there are), and results come back in input order.

`deboiler batch` writes one JSONL line per input record to OUT.part, one whole chunk per write,
flushed per chunk, and renames OUT.part to OUT when every record is in. Only the parent writes, and
records are written in input order, so after a kill at any moment OUT.part is a prefix of the final
output, perhaps followed by one cut-off line. `--resume` drops that cut-off line, checks that the
complete lines are the first records of the inputs (same source and id, in order) and appends the
rest. Ctrl-C finishes the chunk being written, leaves OUT.part resumable and exits 130.

A worker process that dies (out of memory, a crash in a C library) takes its pool down with it: the
chunks then in flight are re-run one record at a time in a pool of one, so that only the page that
kills a worker again becomes an error record (WorkerCrashed) and every other record is cleaned.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

from . import langid
from .batch_report import BatchProgress, Stats, print_summary
from .crossdup import DEFAULT_THRESHOLD, Index
from .crossdup import key as crossdup_key
from .episode import FIELDS, Episode
from .errors import DeboilerError, InputNotFound, InputTooLarge, Interrupted, OutputError, UsageError
from .load import DEFAULT_MAX_BYTES
from .pipeline import clean, default_catalog
from .sources import Fields, Record, expand, parse, records, total_bytes

DEFAULT_CHUNK_SIZE = 100  # records per task: ~0.1 s of work, so IPC costs little and Ctrl-C stops soon
CHUNK_BYTES = 16 << 20  # a chunk also closes at this many bytes of page text, for very large pages
ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 2  # chunks submitted ahead per worker: enough to keep every worker busy


class WorkerCrashed(DeboilerError):
    """The worker process died while cleaning this page (out of memory, or a crash in a C library)."""


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ---------------------------------------------------------------------------------------------------
# The library call


def clean_many(
    pages: Iterable[bytes | str], *, workers: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE, **clean_kwargs
) -> Iterator[Episode | DeboilerError]:
    """Clean many pages on `workers` processes (default: every core; 1 runs in this process).

    Yields one result per page, in input order: the Episode, or for a page that is not usable the
    DeboilerError that `clean` raised (yielded, not raised, so one bad page does not stop the rest).
    Any other exception is a bug and is raised. `clean_kwargs` are `clean`'s (platform, langid_backend,
    catalog, max_bytes, explain). Pages are read from `pages` as the workers need them, at most
    2 x workers x chunk_size ahead. With workers > 1 a script needs the usual
    `if __name__ == "__main__":` guard (worker processes start by the forkserver or spawn method).
    """
    workers = _check(workers, chunk_size, clean_kwargs)
    recs = (Record("", str(i), page=page) for i, page in enumerate(pages))
    with closing(_ordered(_chunks(recs, chunk_size), workers, clean_kwargs, Fields(), as_lines=False)) as results:
        for _, episodes in results:
            for ep in episodes:
                if isinstance(ep, BaseException) and not isinstance(ep, DeboilerError):
                    raise ep
                yield ep


# ---------------------------------------------------------------------------------------------------
# The command


def run_batch(
    inputs: Sequence[str],
    output: str | Path,
    *,
    workers: int | None = None,
    resume: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    fields: Fields = Fields(),
    progress: bool = True,
    dedup: str | None = None,
    dedup_threshold: float = DEFAULT_THRESHOLD,
    engine: str = "local",
    scheduler: str | None = None,
    **clean_kwargs,
) -> Stats:
    """`deboiler batch`: clean every input record into one JSONL file. Returns the counts of this run.

    Raises InputNotFound / UsageError before writing anything, OutputError when OUT cannot be
    written, and Interrupted (exit 130) after Ctrl-C, with OUT.part kept for `resume=True`.

    dedup: None, "exact" or "minhash" (see deboiler.crossdup): every record gets a "duplicate_of"
    field. engine: "local" (a process pool) or "dask" (dask.distributed: `scheduler` is the address
    of a running cluster, else a LocalCluster of `workers` processes is started).
    """
    workers = _check(workers, chunk_size, clean_kwargs)
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    index = None
    if dedup is not None:
        index = Index(dedup, dedup_threshold)  # checks the mode and threshold
        clean_kwargs = {**clean_kwargs, "dedup": dedup}
    out = Path(output)
    if str(output) == "-" or out.is_dir():
        raise UsageError(f"batch writes a file: -o must name a file, not {str(output)!r}")
    part = out.with_name(out.name + ".part")
    own = (out, part)
    paths = expand(inputs, exclude=own)
    handle, renamed = _open_part(out, part, resume)
    started = time.monotonic()
    run, resumed = Stats(), Stats()
    stop = _StopOnCtrlC()
    bar = BatchProgress(progress, measure=lambda: total_bytes(paths, exclude=own))
    try:
        with stop, bar:
            todo = records(paths, exclude=own)
            if resume:
                try:
                    position = _skip_done(todo, fields, part, resumed, stop, bar, index)
                except UsageError:
                    if renamed:  # give the complete output its name back
                        handle.close()
                        os.replace(part, out)
                    raise
                bar.skipped(position)
            if not stop.requested:
                _clean_into(
                    handle,
                    part,
                    todo,
                    run,
                    bar,
                    stop,
                    workers,
                    chunk_size,
                    fields,
                    clean_kwargs,
                    index,
                    engine,
                    scheduler,
                )
        if not stop.requested:
            _finish(handle, part, out)
    finally:
        handle.close()
    seconds = time.monotonic() - started
    print_summary(run, resumed, output=str(part if stop.requested else out), seconds=seconds, workers=workers)
    if stop.requested:
        done = run.records + resumed.records
        raise Interrupted(f"interrupted: {done:,} records are in {part}; run the same command with --resume to finish")
    return run


def _clean_into(
    handle, part: Path, todo, run: Stats, bar, stop, workers, chunk_size, fields, kwargs, index, engine, scheduler
) -> None:
    """Clean the records still to do and append their lines to OUT.part, one write per chunk."""
    chunks = _chunks(todo, chunk_size)
    if engine == "dask":
        from .dask_engine import ordered as dask_ordered

        ordered = dask_ordered(chunks, workers, kwargs, fields, scheduler)
    else:
        ordered = _ordered(chunks, workers, kwargs, fields, as_lines=True)
    with closing(ordered) as results:
        for chunk, (blob, stats, keys) in results:
            if index is not None:
                blob = _tag(blob, keys, index)
            _write(handle, blob, part)
            run.add(stats)
            bar.update(chunk[-1].end, run.records, run.status["error"])
            if stop.requested:
                return


def _tag(blob: bytes, keys: list[tuple[str, object]], index: Index) -> bytes:
    """Add each line's "duplicate_of", deciding in input order (here, in the parent only)."""
    lines = blob.split(b"\n")[:-1]  # every line ends in \n, and _json_line escapes every other break
    out = []
    for line, (rid, k) in zip(lines, keys, strict=True):
        piece = _json_line({"duplicate_of": index.assign(rid, k)})
        out.append(line[:-1] + b", " + piece[1:])
    return b"".join(out)


def _check(workers: int | None, chunk_size: int, clean_kwargs: dict) -> int:
    """Refuse a wrong call before any page is read: it would otherwise fail on every page."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if chunk_size < 1:
        raise UsageError(f"--chunk-size must be 1 or more, not {chunk_size}")
    if clean_kwargs.get("platform"):
        (clean_kwargs.get("catalog") or default_catalog()).get(clean_kwargs["platform"])
    langid.identify("", clean_kwargs.get("langid_backend", langid.DEFAULT_BACKEND))  # checks the name only
    return workers or default_workers()


# ---------------------------------------------------------------------------------------------------
# The output file


def _open_part(out: Path, part: Path, resume: bool):
    """Open OUT.part for appending, cut a trailing partial line; (handle, whether OUT was renamed)."""
    if part.exists() and not resume:
        raise UsageError(f"{part} is left from an interrupted run: add --resume to continue it, or delete it")
    renamed = False
    if resume and not part.exists() and out.is_file():
        os.replace(out, part)  # a finished run resumed: only records for new inputs are added
        renamed = True
    try:
        handle = open(part, "ab")
    except OSError as exc:
        raise OutputError(f"cannot write {part}: {exc.strerror or exc}") from None
    size = handle.seek(0, os.SEEK_END)
    keep = _complete_length(part, size)
    if keep < size:
        handle.truncate(keep)  # a line cut off by a kill: its record is cleaned again
    return handle, renamed


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


def _skip_done(
    todo: Iterator[Record], fields: Fields, part: Path, resumed: Stats, stop, bar: BatchProgress, index=None
) -> int:
    """Consume the input records already in OUT.part, checking each one's source and id.

    Returns the input position after them. The partial output is a prefix of the inputs, because it
    is written in input order; anything else means other inputs, and resuming would mix two runs.
    With --dedup, the duplicate index is rebuilt from the kept records' descriptions (re-hashed here,
    in input order, exactly as the first run did), so the records still to do are matched against them.
    """
    position = 0
    with open(part, "rb") as done:
        for n, line in enumerate(done, 1):
            try:
                row = json.loads(line)
                key = (row["source"], row["id"])
            except (ValueError, KeyError, TypeError):
                raise UsageError(
                    f"{part}: line {n} is not a deboiler batch record; delete the file to start over"
                ) from None
            rec = next(todo, None)
            if rec is not None:
                rec = parse(rec, fields)
            else:
                raise UsageError(
                    f"{part} holds more records than the inputs: it was written for other inputs; delete it to start over"
                )
            if (rec.source, rec.id) != key:
                raise UsageError(
                    f"{part} does not match the inputs: its record {n} is {key[0]} id {key[1]}, the input's is "
                    f"{rec.source} id {rec.id}; run the same command from the same folder, or delete it to start over"
                )
            if (index is not None) != ("duplicate_of" in row):
                raise UsageError(
                    f"{part} was written {'without' if index is not None else 'with'} --dedup: "
                    "resume with the same options, or delete it to start over"
                )
            if index is not None:
                index.assign(
                    row["id"], crossdup_key(row.get("description") if row["status"] == "ok" else None, index.mode)
                )
            resumed.count(row)
            position = rec.end
            if stop.requested:
                break
            if n % 1000 == 0:
                bar.update(position, 0, 0)
    return position


def _write(handle, blob: bytes, part: Path) -> None:
    try:
        handle.write(blob)
        handle.flush()
    except OSError as exc:
        raise OutputError(
            f"cannot write {part}: {exc.strerror or exc}; the records written so far are kept: run again with --resume"
        ) from None


def _finish(handle, part: Path, out: Path) -> None:
    """Make the finished output durable, then give it its name in one atomic step."""
    try:
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(part, out)
    except OSError as exc:
        raise OutputError(f"cannot finish {out}: {exc.strerror or exc}") from None
    try:
        fd = os.open(out.parent if str(out.parent) else ".", os.O_RDONLY)
        try:
            os.fsync(fd)  # the rename itself survives a power cut
        finally:
            os.close(fd)
    except OSError:
        pass  # not every filesystem lets a folder be fsynced


class _StopOnCtrlC:
    """The first Ctrl-C asks the batch to stop after the current chunk; a second one stops it at once."""

    requested = False

    def __enter__(self) -> _StopOnCtrlC:
        self._old = None
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc) -> None:
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)


# ---------------------------------------------------------------------------------------------------
# Where clean runs


def _chunks(recs: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    nbytes = 0
    for rec in recs:
        chunk.append(rec)
        nbytes += len(rec.line if rec.line is not None else rec.page or "")
        if len(chunk) >= size or nbytes >= CHUNK_BYTES:
            yield chunk
            chunk, nbytes = [], 0
    if chunk:
        yield chunk


def _ordered(chunks: Iterable[list[Record]], workers: int, kwargs: dict, fields: Fields, as_lines: bool):
    """(chunk, result) for every chunk, in input order, with at most IN_FLIGHT_PER_WORKER x workers submitted."""
    if workers == 1:
        for chunk in chunks:
            yield chunk, _work(chunk, as_lines, (kwargs, fields))
        return
    pool = _pool(workers, kwargs, fields)
    pending: deque = deque()
    chunks = iter(chunks)
    try:
        while True:
            while len(pending) < IN_FLIGHT_PER_WORKER * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_work, chunk, as_lines)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                suspects = [chunk, *(c for c, _ in pending)]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                yield from _one_by_one(suspects, kwargs, fields, as_lines)
                pool = _pool(workers, kwargs, fields)
                continue
            yield chunk, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(suspects: list[list[Record]], kwargs: dict, fields: Fields, as_lines: bool):
    """Re-run the chunks a dead worker took down, each record alone in a pool of one, so that only a
    page that kills its worker again is lost (as a WorkerCrashed error record). Yields (chunk, result)."""
    pool = _pool(1, kwargs, fields)
    try:
        for chunk in suspects:
            results = []
            for rec in chunk:
                try:
                    results.append(pool.submit(_work, [rec], as_lines).result())
                except BrokenProcessPool:
                    pool.shutdown(wait=True)
                    pool = _pool(1, kwargs, fields)
                    rec = parse(rec, fields)
                    crashed = Record(
                        rec.source, rec.id, rec.url, error=WorkerCrashed("the worker process died on this page")
                    )
                    results.append(_work([crashed], as_lines, (kwargs, fields)))
            if not as_lines:
                yield chunk, [ep for r in results for ep in r]
                continue
            yield chunk, merge_results(results, kwargs)
    finally:
        pool.shutdown(wait=True)


def merge_results(results: list[tuple], kwargs: dict) -> tuple:
    """One chunk's result from the results of its records cleaned one at a time."""
    stats = Stats()
    keys = [] if kwargs.get("dedup") else None
    for _, part_stats, part_keys in results:
        stats.add(part_stats)
        if keys is not None:
            keys.extend(part_keys)
    return b"".join(blob for blob, _, _ in results), stats, keys


_lifeline_pipe: tuple = ()  # (read end, write end), made once per process; see _exit_with_parent


def _lifeline():
    global _lifeline_pipe
    if not _lifeline_pipe:
        _lifeline_pipe = multiprocessing.Pipe(duplex=False)
    return _lifeline_pipe[0]


def _pool(workers: int, kwargs: dict, fields: Fields) -> ProcessPoolExecutor:
    # forkserver (spawn where there is none): workers start from a clean single-threaded process, not
    # a fork of this one, which runs the progress bar's threads.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["deboiler.batch"])
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=((kwargs, fields), _lifeline())
    )


# ---------------------------------------------------------------------------------------------------
# In the worker

_worker_options: list = []  # [(clean() options, JSONL Fields)] of this worker process, set when it starts


def _init_worker(options: tuple[dict, Fields], lifeline) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    _worker_options[:] = [options]
    threading.Thread(target=_exit_with_parent, args=(lifeline,), daemon=True).start()


def _exit_with_parent(lifeline) -> None:
    """Leave when the parent is gone (killed with SIGKILL): a pool worker would otherwise wait forever.

    The parent holds the only write end of the lifeline pipe, so the read end sees end-of-file the
    moment the parent process ends, even while it is an unreaped zombie (which a pid check misses).
    """
    try:
        lifeline.poll(None)
    except OSError:
        pass
    os._exit(1)


_ERROR_FIELDS = dict.fromkeys(FIELDS)


def _work(chunk: list[Record], as_lines: bool, options: tuple[dict, Fields] | None = None):
    """Clean one chunk. as_lines: (the JSONL lines as bytes, Stats); else a list of Episode or exception."""
    kwargs, fields = options or _worker_options[0]
    chunk = [parse(rec, fields) for rec in chunk]
    explain = kwargs.get("explain", False)
    dedup = kwargs.get("dedup")
    clean_options = {k: v for k, v in kwargs.items() if k not in ("explain", "dedup")}
    if not as_lines:
        episodes: list = []
        for rec in chunk:
            try:
                ep = _clean_record(rec, clean_options)
            except Exception as exc:  # yielded (DeboilerError) or re-raised (a bug) by clean_many
                episodes.append(exc)
                continue
            if not explain:
                ep.lines = None
            episodes.append(ep)
        return episodes
    stats = Stats()
    lines: list[bytes] = []
    keys: list | None = [] if dedup else None
    for rec in chunk:
        row: dict = {"source": rec.source, "id": rec.id, "url": rec.url}
        try:
            ep = _clean_record(rec, clean_options)
        except Exception as exc:  # one bad record is one error record; a bug on one page is too
            row.update(status="error", error=_one_line(exc), **_ERROR_FIELDS)
        else:
            stats.labels.update(v.label for v in ep.lines)
            ep.lines = None
            row.update(status="ok", error=None, **ep.to_dict())
        stats.count(row)
        lines.append(_json_line(row))
        if keys is not None:
            keys.append((rec.id, crossdup_key(row["description"], dedup)))
    return b"".join(lines), stats, keys


def _clean_record(rec: Record, options: dict) -> Episode:
    if rec.error is not None:
        raise rec.error
    page = rec.page if rec.path is None else _read(rec.path, options.get("max_bytes", DEFAULT_MAX_BYTES))
    return clean(page, explain=True, **options)


def _read(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputTooLarge(f"input is {size:,} bytes, over the limit of {max_bytes:,}")
            return f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputNotFound(f"no such file: {path}") from None
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}") from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _json_line(row: dict) -> bytes:
    text = json.dumps(row, ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:  # line breaks to str.splitlines, not to JSON
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a JSON escape, or a file name): ASCII JSON keeps it
        return (json.dumps(row) + "\n").encode("ascii")
