"""`deboiler batch --engine dask`: the same per-chunk worker function, run on dask.distributed.

`ordered` is a drop-in for the local pool (run._ordered): it yields (chunk, (encoded, stats, keys)) in
input order through the same bounded loop (worker.bounded_in_order), so the parent writes the same bytes through
the same writer (OUT.part, --resume, Ctrl-C) as the local engine. With `scheduler` it connects to a
running cluster (whose workers must have deboiler installed); without, it starts a LocalCluster of
`workers` worker processes, one thread each, and closes it at the end. The clean() options (with a
--platforms-dir catalog) go to every worker once, not with every task.

Memory: dask's BatchedSend keeps its last `distributed.admin.low-level-log-length` (default 1,000)
messages for debugging, and a task message carries its chunk's pages, so a batch's client and an
in-process scheduler grew by up to 1,000 chunks' worth of pages (hundreds of MB). This engine sets
that log length to 0 while it runs; a separate scheduler process needs the same setting
(DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=0), see README.

A worker that dies is dask's business first (it re-runs the task elsewhere); a chunk that keeps
killing workers (distributed.KilledWorker) is re-run one record at a time, and a record that still
kills its worker becomes a WorkerCrashed error record, as with the local engine.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable

from deboiler.batch.readers.base import Record
from deboiler.batch.worker import IN_FLIGHT_PER_WORKER, Options, WorkerCrashed, bounded_in_order, each_alone, work
from deboiler.errors import UsageError

NO_MESSAGE_LOG = {"distributed.admin.low-level-log-length": 0}


def _client(workers: int, scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError('--engine dask needs dask.distributed: pip install "dask[distributed]"') from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise UsageError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from None
    # The worker processes start with Ctrl-C ignored (SIG_IGN survives their exec): Ctrl-C reaches the
    # whole process group, and the parent decides (finish the chunk in hand, exit 130).
    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )
    finally:
        if main:
            signal.signal(signal.SIGINT, old)
    return Client(cluster), cluster


def ordered(
    chunks: Iterable[list[Record]], workers: int, options: Options, scheduler: str | None = None, form: str = "jsonl"
):
    import dask  # an optional dependency, imported only by a batch that asks for this engine
    from distributed import KilledWorker

    with dask.config.set(NO_MESSAGE_LOG):  # before the client and cluster exist: their comms read it
        client, cluster = _client(workers, scheduler)
        try:
            if scheduler:  # the cluster's size, not ours, decides how much to keep in flight
                workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
            [scattered] = client.scatter([options], broadcast=True, hash=False)  # one copy per worker

            def submit(chunk):
                return client.submit(work, chunk, form, scattered, pure=False)

            def alone(rec: Record):
                try:
                    return submit([rec]).result()
                except KilledWorker:
                    raise WorkerCrashed("the worker process died on this page") from None

            def collect(chunk, future, pending):
                try:
                    return future.result()
                except KilledWorker:
                    return each_alone(chunk, alone, options, form)

            yield from bounded_in_order(chunks, IN_FLIGHT_PER_WORKER * workers, submit, collect)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
