"""Many pages at once on every core: `deboiler batch` and `deboiler.clean_many`.

The worker function is `deboiler.clean` itself; this module only decides where it runs. Records
stream in chunks to a process pool with a bounded number of chunks in flight (so memory stays flat
however many pages there are), and results come back in input order.

`deboiler batch` writes one output record per input record (JSONL or Parquet, see
deboiler.batch.writers) to OUT.part and renames it to OUT when every record is in. Only the parent
writes, and records are written in input order, so after a kill at any moment OUT.part holds a prefix
of the final output. `--resume` checks that the records already there are the first records of the
inputs (same source and id, in order) and adds the rest. Ctrl-C finishes the chunk being written,
leaves OUT.part resumable and exits 130.

A worker process that dies (out of memory, a crash in a C library) takes its pool down with it: the
chunk the batch is waiting for is re-run one record at a time in a pool of one, and the other chunks
in flight go to a fresh pool (one that breaks it in turn is re-run record by record when its turn
comes), so that only a page that kills a worker on its own becomes an error record (WorkerCrashed)
and every other record is cleaned.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

from deboiler.batch.crossdup import DEFAULT_THRESHOLD, Index
from deboiler.batch.crossdup import key as crossdup_key
from deboiler.batch.page_timeout import time_limit
from deboiler.batch.readers.base import Fields, NotAPage, Record
from deboiler.batch.readers.sources import expand, parse, records, total_bytes
from deboiler.batch.report import BatchProgress, Stats, print_summary
from deboiler.batch.writers import SHARD_ROWS, encoder, open_output
from deboiler.batch.writers import output_format as format_of
from deboiler.catalog.platforms import load_catalog
from deboiler.episode import FIELDS, Episode
from deboiler.errors import DeboilerError, InputNotFound, InputTooLarge, Interrupted, PageTypeError, UsageError
from deboiler.pipeline import clean, default_catalog
from deboiler.stages import langid
from deboiler.stages.load import DEFAULT_MAX_BYTES, as_page, check_max_bytes, read_at_most
from deboiler.warmup import warm_up

DEFAULT_CHUNK_SIZE = 100  # records per task: ~0.1 s of work, so IPC costs little and Ctrl-C stops soon
CHUNK_BYTES = 16 << 20  # a chunk also closes at this many bytes of page text, for very large pages
ENGINES = ("local", "dask")
NO_TIME_LIMIT = 1e7  # seconds (116 days): a --page-timeout this long or longer is no limit at all
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
    catalog, max_bytes, explain), and page_timeout (seconds: a page that takes longer yields PageTimeout). Pages are read from `pages` as the workers need them, at most
    2 x workers x chunk_size ahead. With workers > 1 a script needs the usual
    `if __name__ == "__main__":` guard (worker processes start by the forkserver or spawn method).
    """
    workers = _check(workers, chunk_size, clean_kwargs)
    recs = (_page_record(i, page) for i, page in enumerate(pages))
    with closing(_ordered(_chunks(recs, chunk_size), workers, clean_kwargs, Fields(), "episodes")) as results:
        for _, episodes in results:
            for ep in episodes:
                if isinstance(ep, BaseException) and not isinstance(ep, DeboilerError):
                    raise ep
                yield ep


def _page_record(i: int, page: object) -> Record:
    """A clean_many item as a Record; one that is no page (None, a number) carries its PageTypeError,
    which is yielded in its place, so one bad item does not stop the rest."""
    try:
        return Record("", str(i), page=as_page(page))
    except PageTypeError as exc:
        return Record("", str(i), error=exc)


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
    output_format: str | None = None,
    row_group_size: int = SHARD_ROWS,
    platforms_dirs: Sequence[str | Path] = (),
    force_workers: bool = False,
    **clean_kwargs,
) -> Stats:
    """`deboiler batch`: clean every input record into one JSONL or Parquet file. Returns the counts of this run.

    Raises InputNotFound / UsageError before writing anything, OutputError when OUT cannot be
    written, and Interrupted (exit 130) after Ctrl-C, with OUT.part kept for `resume=True`.

    dedup: None, "exact" or "minhash" (see deboiler.batch.crossdup): every record gets a "duplicate_of"
    field. workers: more than the cores available are capped at the cores (said on stderr) unless
    force_workers, or a dask `scheduler` is given (its cluster has cores of its own). engine: "local" (a process pool) or "dask" (dask.distributed: `scheduler` is the address
    of a running cluster, else a LocalCluster of `workers` processes is started). output_format:
    "jsonl" or "parquet" (default: from OUT's name); row_group_size: records per Parquet row group
    (and per shard of OUT.part, the most a kill can cost). platforms_dirs: platform data folders loaded
    next to the built-ins (deboiler.load_catalog), for every worker. clean_kwargs: clean()'s options,
    and page_timeout (seconds one page may take before it becomes a PageTimeout error record).
    """
    if platforms_dirs:
        clean_kwargs = {**clean_kwargs, "catalog": load_catalog(*platforms_dirs)}  # a missing folder: UsageError
    workers = _check(workers, chunk_size, clean_kwargs)
    if not force_workers and scheduler is None:
        workers = _capped(workers)
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    fmt = format_of(output, output_format)
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
    sink = open_output(fmt, out, resume, dedup=index is not None, row_group_size=row_group_size)
    started = time.monotonic()
    run, resumed = Stats(), Stats()
    stop = _StopOnCtrlC()
    bar = BatchProgress(progress, measure=lambda: total_bytes(paths, exclude=own))
    max_bytes = clean_kwargs.get("max_bytes", DEFAULT_MAX_BYTES)
    try:
        with stop, bar:
            todo = records(paths, exclude=own, fields=fields, max_bytes=max_bytes)
            if resume:
                try:
                    position = _skip_done(todo, fields, sink, resumed, stop, bar, index)
                except UsageError:
                    sink.give_back()
                    raise
                bar.skipped(position)
            if not stop.requested:
                _clean_into(
                    sink, todo, run, bar, stop, workers, chunk_size, fields, clean_kwargs, index, engine, scheduler, fmt
                )
        if not stop.requested:
            sink.finish()
    finally:
        sink.close()
    seconds = time.monotonic() - started
    print_summary(run, resumed, output=str(part if stop.requested else out), seconds=seconds, workers=workers)
    if stop.requested:
        done = run.records + resumed.records
        raise Interrupted(f"interrupted: {done:,} records are in {part}; run the same command with --resume to finish")
    return run


def _clean_into(
    sink, todo, run: Stats, bar, stop, workers, chunk_size, fields, kwargs, index, engine, scheduler, fmt
) -> None:
    """Clean the records still to do and add them to OUT.part, one write per chunk."""
    chunks = _chunks(todo, chunk_size)
    if engine == "dask":
        from deboiler.batch.dask_engine import ordered as dask_ordered

        ordered = dask_ordered(chunks, workers, kwargs, fields, scheduler, fmt)
    else:
        ordered = _ordered(chunks, workers, kwargs, fields, fmt)
    with closing(ordered) as results:
        for chunk, (encoded, stats, keys) in results:
            if index is not None:  # decided here, in input order, so that any number of workers agrees
                encoded = sink.tag(encoded, [index.assign(rid, k) for rid, k in keys])
            sink.write(encoded)
            run.add(stats)
            bar.update(chunk[-1].end, run.records, run.status["error"])
            if stop.requested:
                return


def _capped(workers: int) -> int:
    """At most one worker per core: more only add memory (each holds its own parser, models and pages)
    and switching, and are slower; said on stderr, since it is not what was asked for."""
    cores = default_workers()
    if workers <= cores:
        return workers
    print(
        f"deboiler: {workers} workers capped at the {cores} cores available (--force-workers to start them all)",
        file=sys.stderr,
    )
    return cores


def _check(workers: int | None, chunk_size: int, clean_kwargs: dict) -> int:
    """Refuse a wrong call before any page is read: it would otherwise fail on every page."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if chunk_size < 1:
        raise UsageError(f"--chunk-size must be 1 or more, not {chunk_size}")
    if clean_kwargs.get("platform"):
        (clean_kwargs.get("catalog") or default_catalog()).get(clean_kwargs["platform"])
    langid.identify("", clean_kwargs.get("langid_backend", langid.DEFAULT_BACKEND))  # checks the name only
    if "max_bytes" in clean_kwargs:
        clean_kwargs["max_bytes"] = check_max_bytes(clean_kwargs["max_bytes"])
    limit = clean_kwargs.get("page_timeout")
    if limit is not None and not limit > 0:  # NaN too
        raise UsageError(f"--page-timeout must be more than 0 seconds, not {limit}")
    if limit is not None and limit >= NO_TIME_LIMIT:  # inf, or longer than any batch runs: no limit
        clean_kwargs["page_timeout"] = None
    return workers or default_workers()


def _skip_done(
    todo: Iterator[Record], fields: Fields, sink, resumed: Stats, stop, bar: BatchProgress, index=None
) -> int:
    """Consume the input records already in OUT.part, checking each one's source and id.

    Returns the input position after them. The partial output is a prefix of the inputs, because it
    is written in input order; anything else means other inputs, and resuming would mix two runs.
    With --dedup, the duplicate index is rebuilt from the kept records' descriptions (re-hashed here,
    in input order, exactly as the first run did), so the records still to do are matched against them.
    """
    position = 0
    part = sink.shown  # OUT itself when a finished run is resumed: the name the user knows
    for n, row in enumerate(sink.done(), 1):
        key = (row["source"], row["id"])
        rec = next(todo, None)
        if rec is None:
            raise UsageError(
                f"{part} holds more records than the inputs: it was written for other inputs; delete it to start over"
            )
        rec = parse(rec, fields)
        if (sink.stored(rec.source), sink.stored(rec.id)) != key:
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
            # Rebuilding the index re-derives every kept record's duplicate_of: where it differs from
            # the one written, the first run used another mode or threshold, and going on would mix two.
            kept = row.get("description") if row["status"] == "ok" else None
            again = index.assign(row["id"], crossdup_key(kept, index.mode))
            if again != row["duplicate_of"]:
                raise UsageError(
                    f"{part} was written with other --dedup options (its record {n}, id {row['id']}, is marked "
                    f"a duplicate of {row['duplicate_of']!r}, these options make it {again!r}): resume with the "
                    "same options, or delete it to start over"
                )
        resumed.count(row)
        position = rec.end
        if stop.requested:
            break
        if n % 1000 == 0:
            bar.update(position, 0, 0)
    return position


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
    """The records in chunks. When the source raises, the records read before it still come out (as a
    last, shorter chunk) and then its exception: no page read is lost to a later failure."""
    chunk: list[Record] = []
    nbytes = 0
    try:
        for rec in recs:
            chunk.append(rec)
            nbytes += len(rec.line if rec.line is not None else rec.page or "")
            if len(chunk) >= size or nbytes >= CHUNK_BYTES:
                yield chunk
                chunk, nbytes = [], 0
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def bounded_in_order(chunks: Iterable[list[Record]], limit: int, submit, collect):
    """(chunk, result) for every chunk, in input order, with at most `limit` chunks submitted ahead.

    Both engines run through this: the bound keeps memory flat and every worker busy. `submit(chunk)`
    returns a future; `collect(chunk, future, pending)` returns the chunk's result, where `pending` is
    the deque of the later (chunk, future) pairs, which `collect` may submit again (a process pool
    that died took their futures with it).
    """
    pending: deque = deque()
    chunks = iter(chunks)
    failed: Exception | None = None  # the source's own error: raised after the chunks read before it
    try:
        while True:
            while len(pending) < limit and failed is None:
                try:
                    chunk = next(chunks, None)
                except Exception as exc:
                    failed = exc
                    break
                if chunk is None:
                    break
                pending.append((chunk, submit(chunk)))
            if not pending:
                if failed is not None:
                    raise failed
                return
            chunk, future = pending.popleft()
            yield chunk, collect(chunk, future, pending)
    finally:
        for _, future in pending:
            future.cancel()


def _ordered(chunks: Iterable[list[Record]], workers: int, kwargs: dict, fields: Fields, form: str):
    """(chunk, result) for every chunk in input order, cleaned on a local process pool of `workers`.

    form: "episodes" (clean_many), "jsonl" or "parquet" (the batch output's encoding, see _work).
    """
    if workers == 1:
        for chunk in chunks:
            yield chunk, _work(chunk, form, (kwargs, fields))
        return
    pool = [_pool(workers, kwargs, fields)]  # replaced when a worker dies and takes the pool down

    def submit(chunk):
        return pool[0].submit(_work, chunk, form)

    def collect(chunk, future, pending):
        try:
            return future.result()
        except BrokenProcessPool:
            # Any chunk in flight may hold the page that killed the worker: this one is cleaned again
            # one record at a time, the others go to a fresh pool, and a chunk that breaks that one too
            # is cleaned one record at a time when its turn comes.
            pool[0].shutdown(wait=True, cancel_futures=True)
            result = _one_by_one(chunk, kwargs, fields, form)
            pool[0] = _pool(workers, kwargs, fields)
            for i, (later, f) in enumerate(pending):
                if not (f.done() and not f.cancelled() and f.exception() is None):
                    pending[i] = (later, submit(later))
            return result

    try:
        yield from bounded_in_order(chunks, IN_FLIGHT_PER_WORKER * workers, submit, collect)
    finally:
        pool[0].shutdown(wait=True, cancel_futures=True)


def _one_by_one(chunk: list[Record], kwargs: dict, fields: Fields, form: str):
    """Re-run a chunk a dead worker took down, each record alone in a pool of one, so that only a page
    that kills its worker again is lost (as a WorkerCrashed error record)."""
    pool = [_pool(1, kwargs, fields)]

    def alone(rec: Record):
        try:
            return pool[0].submit(_work, [rec], form).result()
        except BrokenProcessPool:
            pool[0].shutdown(wait=True)
            pool[0] = _pool(1, kwargs, fields)
            raise WorkerCrashed("the worker process died on this page") from None

    try:
        return each_alone(chunk, alone, kwargs, fields, form)
    finally:
        pool[0].shutdown(wait=True)


def each_alone(chunk: list[Record], alone, kwargs: dict, fields: Fields, form: str):
    """One chunk's result from its records run one at a time by `alone(record)`, which raises
    WorkerCrashed when the record killed its worker: that record becomes a WorkerCrashed error record."""
    results = []
    for rec in chunk:
        try:
            results.append(alone(rec))
        except WorkerCrashed as exc:
            rec = parse(rec, fields)
            results.append(_work([Record(rec.source, rec.id, rec.url, error=exc)], form, (kwargs, fields)))
    if form == "episodes":
        return [ep for r in results for ep in r]
    stats = Stats()
    keys = [] if kwargs.get("dedup") else None
    for _, part_stats, part_keys in results:
        stats.add(part_stats)
        if keys is not None:
            keys.extend(part_keys)
    return encoder(form).merge([encoded for encoded, _, _ in results]), stats, keys


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
        ctx.set_forkserver_preload(["deboiler.batch.run"])
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


def _work(chunk: list[Record], form: str, options: tuple[dict, Fields] | None = None):
    """Clean one chunk.

    form "episodes": a list of Episode or exception (clean_many). Else the batch's output records,
    encoded for the output ("jsonl": bytes of JSON lines; "parquet": the row dicts), with their Stats
    and, with --dedup, each record's (id, dedup key).
    """
    kwargs, fields = options or _worker_options[0]
    chunk = [parse(rec, fields) for rec in chunk]
    explain = kwargs.get("explain", False)
    dedup = kwargs.get("dedup")
    clean_options = {k: v for k, v in kwargs.items() if k not in ("explain", "dedup", "page_timeout")}
    limit = kwargs.get("page_timeout")
    if limit:  # start-up (~1.5 s: compiled phrases, lexicon, trafilatura) must not count against a page's time
        try:
            warm_up(catalog=clean_options.get("catalog"), langid_backend=clean_options.get("langid_backend", langid.DEFAULT_BACKEND))
        except Exception:  # noqa: BLE001 - a missing backend package: each page reports it, as without warming up
            pass
    if form == "episodes":
        episodes: list = []
        for rec in chunk:
            try:
                ep = _clean_record(rec, clean_options, limit)
            except Exception as exc:  # yielded (DeboilerError) or re-raised (a bug) by clean_many
                episodes.append(exc)
                continue
            if not explain:
                ep.lines = None
            episodes.append(ep)
        return episodes
    output = encoder(form)
    stats = Stats()
    rows: list[dict] = []
    keys: list | None = [] if dedup else None
    for rec in chunk:
        row: dict = {"source": rec.source, "id": rec.id, "url": rec.url}
        try:
            ep = _clean_record(rec, clean_options, limit)
        except NotAPage as exc:  # a WARC request record, a 404: nothing to clean, and said so
            row.update(status="skipped", error=_one_line(exc), **_ERROR_FIELDS)
        except Exception as exc:  # one bad record is one error record; a bug on one page is too
            row.update(status="error", error=_one_line(exc), **_ERROR_FIELDS)
        else:
            labels = [v.label for v in ep.lines]
            ep.lines = None
            row.update(status="ok", error=None, **ep.to_dict())
            stats.labels.update(labels)
        stats.count(row)
        rows.append(row)
        if keys is not None:
            keys.append((rec.id, crossdup_key(row["description"], dedup)))
    return output.encode(rows), stats, keys


# Fault injection, for tests/test_batch_crash.py: in a worker process, a page holding this marker
# ends the process at once, as a crash in a C library or the kernel's OOM killer would. Read from the
# environment the workers start with; unset (always, outside that test) it costs one test per page.
_CRASH_MARKER = os.environ.get("DEBOILER_TEST_CRASH_MARKER", "")


def _clean_record(rec: Record, options: dict, limit: float | None = None) -> Episode:
    if rec.error is not None:
        raise rec.error
    page = rec.page if rec.path is None else _read(rec.path, options.get("max_bytes", DEFAULT_MAX_BYTES))
    if _CRASH_MARKER and multiprocessing.parent_process() is not None and _holds(page, _CRASH_MARKER):
        os._exit(70)
    with time_limit(limit):
        return clean(page, explain=True, **options)


def _holds(page: bytes | str, marker: str) -> bool:
    return (marker.encode() in page) if isinstance(page, bytes) else (marker in page)


def _read(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputTooLarge(f"input is {size:,} bytes, over the limit of {max_bytes:,}")
            return read_at_most(f, max_bytes, size)
    except FileNotFoundError:
        raise InputNotFound(f"no such file: {path}") from None
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}") from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
