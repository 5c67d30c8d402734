"""What runs in a batch worker, the same under either engine (run.py's local process pool and
dask_engine.py): `work` cleans one chunk of records with `deboiler.clean`; `bounded_in_order` and
`each_alone` are the parent-side loop both engines drive it with.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import replace

from deboiler.batch.crossdup import key as crossdup_key
from deboiler.batch.options import BatchOptions
from deboiler.batch.page_timeout import time_limit
from deboiler.batch.readers.base import NotAPage, Record
from deboiler.batch.readers.sources import parse
from deboiler.batch.report import Stats
from deboiler.batch.sites.choose import clean_with_sites
from deboiler.batch.writers import encoder
from deboiler.episode import FIELDS, Episode
from deboiler.errors import DeboilerError, InputNotFound, InputTooLarge
from deboiler.options import CleanOptions
from deboiler.pipeline import clean
from deboiler.stages.load import read_at_most
from deboiler.warmup import warm_up

IN_FLIGHT_PER_WORKER = 2  # chunks submitted ahead per worker: enough to keep every worker busy

Options = tuple[CleanOptions, BatchOptions]  # what every worker gets once, when it starts


class WorkerCrashed(DeboilerError):
    """The worker process died while cleaning this page (out of memory, or a crash in a C library)."""


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


def each_alone(chunk: list[Record], alone, options: Options, form: str):
    """One chunk's result from its records run one at a time by `alone(record)`, which raises
    WorkerCrashed when the record killed its worker: that record becomes a WorkerCrashed error record."""
    results = []
    for rec in chunk:
        try:
            results.append(alone(rec))
        except WorkerCrashed as exc:
            rec = parse(rec, options[1].fields)
            results.append(work([Record(rec.source, rec.id, rec.url, error=exc)], form, options))
    if form == "episodes":
        return [ep for r in results for ep in r]
    stats = Stats()
    keys = [] if options[1].dedup else None
    for _, part_stats, part_keys in results:
        stats.add(part_stats)
        if keys is not None:
            keys.extend(part_keys)
    return encoder(form).merge([encoded for encoded, _, _ in results]), stats, keys


_worker_options: list[Options] = []  # the options of this worker process, set when it starts


def init_worker(options: Options, lifeline) -> None:
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


def work(chunk: list[Record], form: str, options: Options | None = None):
    """Clean one chunk.

    form "episodes": a list of Episode or exception (clean_many). Else the batch's output records,
    encoded for the output ("jsonl": bytes of JSON lines; "parquet": the row dicts), with their Stats
    and, with --dedup, each record's (id, dedup key).
    """
    options, batch = options or _worker_options[0]
    chunk = [parse(rec, batch.fields) for rec in chunk]
    explain = options.explain
    dedup = batch.dedup and batch.dedup.value
    clean_options = replace(options, explain=True)  # the labels are counted, and Episode.lines dropped
    limit = batch.page_timeout
    if limit:  # start-up (~1.5 s: compiled phrases, lexicon, trafilatura) must not count against a page's time
        try:
            warm_up(catalog=options.catalog, langid_backend=options.langid_backend)
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
            ep = _clean_record(rec, clean_options, limit, batch.sites)
        except NotAPage as exc:  # a WARC request record, a 404: nothing to clean, and said so
            row.update(status="skipped", error=_one_line(exc), **_ERROR_FIELDS)
        except Exception as exc:  # one bad record is one error record; a bug on one page is too
            row.update(status="error", error=_one_line(exc), **_ERROR_FIELDS)
        else:
            labels = [v.label for v in ep.lines]
            ep.lines = None
            row.update(status="ok", error=None, **ep.to_dict())
            stats.labels.update(labels)
            if batch.sites is not None:  # per template: the summary says what each learned one did
                stats.labelled[ep.platform or "none"] += sum(1 for label in labels if label not in _KEPT)
        stats.count(row)
        rows.append(row)
        if keys is not None:
            keys.append((rec.id, crossdup_key(row["description"], dedup)))
    return output.encode(rows), stats, keys


# Fault injection, for tests/test_batch_crash.py: in a worker process, a page holding this marker
# ends the process at once, as a crash in a C library or the kernel's OOM killer would. Read from the
# environment the workers start with; unset (always, outside that test) it costs one test per page.
_CRASH_MARKER = os.environ.get("DEBOILER_TEST_CRASH_MARKER", "")


_KEPT = ("content", "blank")


def _clean_record(rec: Record, options: CleanOptions, limit: float | None = None, sites=None) -> Episode:
    if rec.error is not None:
        raise rec.error
    page = rec.page if rec.path is None else _read(rec.path, options.max_bytes)
    if _CRASH_MARKER and multiprocessing.parent_process() is not None and _holds(page, _CRASH_MARKER):
        os._exit(70)
    with time_limit(limit):
        if sites is not None:
            return clean_with_sites(page, rec.url, options, sites)
        return clean(page, options=options)


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
