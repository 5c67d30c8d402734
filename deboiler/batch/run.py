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
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from deboiler.batch.crossdup import Index
from deboiler.batch.crossdup import key as crossdup_key
from deboiler.batch.dask_engine import ordered as dask_ordered
from deboiler.batch.options import DEFAULT_CHUNK_SIZE, NO_TIME_LIMIT, BatchOptions, Engine
from deboiler.batch.readers.base import Fields, Record
from deboiler.batch.readers.sources import expand, parse, records, total_bytes
from deboiler.batch.report import BatchProgress, Stats, print_sites, print_summary
from deboiler.batch.sites.learning import learned_folder, prepare
from deboiler.batch.worker import (
    IN_FLIGHT_PER_WORKER,
    Options,
    WorkerCrashed,
    bounded_in_order,
    each_alone,
    init_worker,
    work,
)
from deboiler.batch.writers import open_output
from deboiler.batch.writers import output_format as format_of
from deboiler.episode import Episode
from deboiler.errors import DeboilerError, Interrupted, PageTypeError, UsageError
from deboiler.options import CleanOptions
from deboiler.pipeline import default_catalog
from deboiler.stages import langid
from deboiler.stages.load import as_page, check_max_bytes

CHUNK_BYTES = 16 << 20  # a chunk also closes at this many bytes of page text, for very large pages


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ---------------------------------------------------------------------------------------------------
# The library call


def clean_many(
    pages: Iterable[bytes | str],
    *,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    page_timeout: float | None = None,
    options: CleanOptions | None = None,
    **clean_kwargs,
) -> Iterator[Episode | DeboilerError]:
    """Clean many pages on `workers` processes (default: every core; 1 runs in this process).

    Yields one result per page, in input order: the Episode, or for a page that is not usable the
    DeboilerError that `clean` raised (yielded, not raised, so one bad page does not stop the rest).
    Any other exception is a bug and is raised. `clean_kwargs` are `clean`'s (platform, langid_backend,
    catalog, max_bytes, explain, ...), or `options` a CleanOptions; page_timeout: seconds a page may take
    before it yields PageTimeout. Pages are read from `pages` as the workers need them, at most
    2 x workers x chunk_size ahead. With workers > 1 a script needs the usual
    `if __name__ == "__main__":` guard (worker processes start by the forkserver or spawn method).
    """
    if options is None:
        options = CleanOptions(**clean_kwargs)
    elif clean_kwargs:
        raise TypeError("clean_many() takes clean's options as keywords or as options=CleanOptions(...), not both")
    batch = BatchOptions(workers=workers, chunk_size=chunk_size, page_timeout=page_timeout)
    workers, batch, options = _check(batch, options)
    recs = (_page_record(i, page) for i, page in enumerate(pages))
    with closing(_ordered(_chunks(recs, chunk_size), workers, (options, batch), "episodes")) as results:
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


def run_batch(inputs: Sequence[str], output: str | Path, batch: BatchOptions, options: CleanOptions) -> Stats:
    """`deboiler batch`: clean every input record into one JSONL or Parquet file. Returns the counts of this run.

    Raises InputNotFound / UsageError before writing anything, OutputError when OUT cannot be
    written, and Interrupted (exit 130) after Ctrl-C, with OUT.part kept for `batch.resume`.
    `options` is every page's clean (its catalog goes to every worker). More `batch.workers` than the
    cores available are capped at the cores (said on stderr) unless `batch.force_workers`, or a dask
    `batch.scheduler` is given (its cluster has cores of its own).
    """
    workers, batch, options = _check(batch, options)
    if not batch.force_workers and batch.scheduler is None:
        workers = _capped(workers)
    if batch.scheduler is not None and batch.engine is not Engine.dask:
        raise UsageError("--scheduler needs --engine dask")
    fmt = format_of(output, batch.output_format and batch.output_format.value)
    index = None
    if batch.dedup is not None:
        index = Index(batch.dedup.value, batch.dedup_threshold)  # checks the threshold
    out = Path(output)
    if str(output) == "-" or out.is_dir():
        raise UsageError(f"batch writes a file: -o must name a file, not {str(output)!r}")
    part = out.with_name(out.name + ".part")
    own = (out, part)
    folder = None
    if batch.learn_sites:
        folder = learned_folder(out, batch.learned_dir)
        if folder.exists() and not folder.is_dir():  # before OUT.part exists: a usage error leaves nothing behind
            raise UsageError(f"--learned-dir must be a folder, not the file {folder}")
        own = (out, part, folder)
    paths = expand(inputs, exclude=own)
    sink = open_output(fmt, out, batch.resume, dedup=index is not None, row_group_size=batch.row_group_size)
    started = time.monotonic()
    run, resumed = Stats(), Stats()
    stop = _StopOnCtrlC()
    bar = BatchProgress(batch.progress, measure=lambda: total_bytes(paths, exclude=own))
    fields = batch.fields
    learned = None
    try:
        if folder is not None:  # pass 1: learn the sites, or read back what an earlier run learned
            try:
                with stop, BatchProgress(batch.progress, lambda: total_bytes(paths, exclude=own), "learning sites") as p1:
                    learned = prepare(
                        paths, own, folder, fields, options, batch.learn_min_pages, workers, batch.resume, stop, p1
                    )
            except BaseException:
                if not batch.resume:  # nothing cleaned yet: the OUT.part this run made goes, so a rerun needs no --resume
                    sink.close()
                    _discard_empty(part)
                raise
            batch = replace(batch, sites=learned.sites)
            started_pass2 = time.monotonic()
        with stop, bar:
            todo = records(paths, exclude=own, fields=fields, max_bytes=options.max_bytes)
            if batch.resume:
                try:
                    position = _skip_done(todo, fields, sink, resumed, stop, bar, index)
                except UsageError:
                    sink.give_back()
                    raise
                bar.skipped(position)
            if not stop.requested:
                _clean_into(sink, todo, run, bar, stop, workers, (options, batch), index, fmt)
        if not stop.requested:
            sink.finish()
    finally:
        sink.close()
    seconds = time.monotonic() - started
    print_summary(run, resumed, output=str(part if stop.requested else out), seconds=seconds, workers=workers)
    if learned is not None:
        print_sites(
            learned.sites.index, run, folder=str(folder), reused=learned.reused, pass1_seconds=learned.seconds,
            pass2_seconds=time.monotonic() - started_pass2,
        )
    if stop.requested:
        done = run.records + resumed.records
        raise Interrupted(f"interrupted: {done:,} records are in {part}; run the same command with --resume to finish")
    return run


def _clean_into(sink, todo, run: Stats, bar, stop, workers: int, options: Options, index, fmt: str) -> None:
    """Clean the records still to do and add them to OUT.part, one write per chunk."""
    batch = options[1]
    chunks = _chunks(todo, batch.chunk_size)
    if batch.engine is Engine.dask:
        ordered = dask_ordered(chunks, workers, options, batch.scheduler, fmt)
    else:
        ordered = _ordered(chunks, workers, options, fmt)
    with closing(ordered) as results:
        for chunk, (encoded, stats, keys) in results:
            if index is not None:  # decided here, in input order, so that any number of workers agrees
                encoded = sink.tag(encoded, [index.assign(rid, k) for rid, k in keys])
            sink.write(encoded)
            run.add(stats)
            bar.update(chunk[-1].end, run.records, run.status["error"])
            if stop.requested:
                return


def _discard_empty(part: Path) -> None:
    """Remove an OUT.part that holds no record (a JSONL file of 0 bytes, a Parquet folder of no shard)."""
    try:
        if part.is_file() and part.stat().st_size == 0:
            part.unlink()
        elif part.is_dir() and not any(part.iterdir()):
            part.rmdir()
    except OSError:
        pass


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


def _check(batch: BatchOptions, options: CleanOptions) -> tuple[int, BatchOptions, CleanOptions]:
    """Refuse a wrong call before any page is read: it would otherwise fail on every page. Returns the
    number of workers and the options as they run: a huge max_bytes capped, a page_timeout of
    NO_TIME_LIMIT or more none."""
    workers = batch.workers
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if batch.chunk_size < 1:
        raise UsageError(f"--chunk-size must be 1 or more, not {batch.chunk_size}")
    if options.platform:
        (options.catalog or default_catalog()).get(options.platform)
    langid.identify("", options.langid_backend)  # checks the name only
    options = replace(options, max_bytes=check_max_bytes(options.max_bytes))
    limit = batch.page_timeout
    if limit is not None and not limit > 0:  # NaN too
        raise UsageError(f"--page-timeout must be more than 0 seconds, not {limit}")
    if batch.learned_dir is not None and not batch.learn_sites:
        raise UsageError("--learned-dir needs --learn-sites")
    if batch.learn_sites and batch.learn_min_pages < 2:
        raise UsageError(
            f"--learn-min-pages must be 2 or more (a line on one page is never chrome), not {batch.learn_min_pages}"
        )
    if batch.learn_sites and options.platform:
        raise UsageError("--learn-sites and --platform do not go together: a forced platform leaves nothing to learn")
    if limit is not None and limit >= NO_TIME_LIMIT:  # inf, or longer than any batch runs: no limit
        batch = replace(batch, page_timeout=None)
    return workers or default_workers(), batch, options


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


def _ordered(chunks: Iterable[list[Record]], workers: int, options: Options, form: str):
    """(chunk, result) for every chunk in input order, cleaned on a local process pool of `workers`.

    form: "episodes" (clean_many), "jsonl" or "parquet" (the batch output's encoding, see worker.work).
    """
    if workers == 1:
        for chunk in chunks:
            yield chunk, work(chunk, form, options)
        return
    pool = [_pool(workers, options)]  # replaced when a worker dies and takes the pool down

    def submit(chunk):
        return pool[0].submit(work, chunk, form)

    def collect(chunk, future, pending):
        try:
            return future.result()
        except BrokenProcessPool:
            # Any chunk in flight may hold the page that killed the worker: this one is cleaned again
            # one record at a time, the others go to a fresh pool, and a chunk that breaks that one too
            # is cleaned one record at a time when its turn comes.
            pool[0].shutdown(wait=True, cancel_futures=True)
            result = _one_by_one(chunk, options, form)
            pool[0] = _pool(workers, options)
            for i, (later, f) in enumerate(pending):
                if not (f.done() and not f.cancelled() and f.exception() is None):
                    pending[i] = (later, submit(later))
            return result

    try:
        yield from bounded_in_order(chunks, IN_FLIGHT_PER_WORKER * workers, submit, collect)
    finally:
        pool[0].shutdown(wait=True, cancel_futures=True)


def _one_by_one(chunk: list[Record], options: Options, form: str):
    """Re-run a chunk a dead worker took down, each record alone in a pool of one, so that only a page
    that kills its worker again is lost (as a WorkerCrashed error record)."""
    pool = [_pool(1, options)]

    def alone(rec: Record):
        try:
            return pool[0].submit(work, [rec], form).result()
        except BrokenProcessPool:
            pool[0].shutdown(wait=True)
            pool[0] = _pool(1, options)
            raise WorkerCrashed("the worker process died on this page") from None

    try:
        return each_alone(chunk, alone, options, form)
    finally:
        pool[0].shutdown(wait=True)


_lifeline_pipe: tuple = ()  # (read end, write end), made once per process; see _exit_with_parent


def _lifeline():
    global _lifeline_pipe
    if not _lifeline_pipe:
        _lifeline_pipe = multiprocessing.Pipe(duplex=False)
    return _lifeline_pipe[0]


def _pool(workers: int, options: Options) -> ProcessPoolExecutor:
    # forkserver (spawn where there is none): workers start from a clean single-threaded process, not
    # a fork of this one, which runs the progress bar's threads.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["deboiler.batch.worker"])
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=init_worker, initargs=(options, _lifeline())
    )


