"""`deboiler batch --engine dask`: the same per-chunk worker function, run on dask.distributed.

`ordered` is a drop-in for batch._ordered (as_lines=True): it yields (chunk, (blob, stats, keys)) in
input order with at most IN_FLIGHT_PER_WORKER x workers chunks submitted, so the parent writes the
same bytes through the same writer (OUT.part, --resume, Ctrl-C) as the local engine. With
`scheduler` it connects to a running cluster (whose workers must have deboiler installed); without,
it starts a LocalCluster of `workers` worker processes, one thread each, and closes it at the end.

A worker that dies is dask's business first (it re-runs the task elsewhere); a chunk that keeps
killing workers (distributed.KilledWorker) is re-run one record at a time, and a record that still
kills its worker becomes a WorkerCrashed error record, as with the local engine.
"""

from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Iterable

from .errors import UsageError
from .sources import Fields, Record, parse


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


def ordered(chunks: Iterable[list[Record]], workers: int, kwargs: dict, fields: Fields, scheduler: str | None = None):
    from distributed import KilledWorker

    from .batch import IN_FLIGHT_PER_WORKER, _work

    client, cluster = _client(workers, scheduler)
    options = (kwargs, fields)
    if scheduler:  # the cluster's size, not ours, decides how much to keep in flight
        workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
    pending: deque = deque()
    chunks = iter(chunks)
    try:
        while True:
            while len(pending) < IN_FLIGHT_PER_WORKER * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, client.submit(_work, chunk, True, options, pure=False)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except KilledWorker:
                result = _one_by_one(client, chunk, options)
            yield chunk, result
    finally:
        for _, future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _one_by_one(client, chunk: list[Record], options: tuple[dict, Fields]):
    from distributed import KilledWorker

    from .batch import WorkerCrashed, _work, merge_results

    kwargs, fields = options
    results = []
    for rec in chunk:
        try:
            results.append(client.submit(_work, [rec], True, options, pure=False).result())
        except KilledWorker:
            rec = parse(rec, fields)
            crashed = Record(rec.source, rec.id, rec.url, error=WorkerCrashed("the worker process died on this page"))
            results.append(_work([crashed], True, options))
    return merge_results(results, kwargs)
