"""The options of one batch run (`deboiler batch`, `deboiler.clean_many`), as one object beside the
CleanOptions of its pages; the choices are Enums."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from deboiler.batch.crossdup import DEFAULT_THRESHOLD, MODES
from deboiler.batch.readers.base import Fields
from deboiler.batch.writers import FORMATS, SHARD_ROWS
from deboiler.errors import UsageError

DEFAULT_CHUNK_SIZE = 100  # records per task: ~0.1 s of work, so IPC costs little and Ctrl-C stops soon
NO_TIME_LIMIT = 1e7  # seconds (116 days): a page_timeout this long or longer is no limit at all


class Engine(str, Enum):
    """Where the workers run: a local process pool, or dask.distributed."""

    local = "local"
    dask = "dask"


Dedup = Enum("Dedup", {mode: mode for mode in MODES}, type=str)  # crossdup's modes
Dedup.__doc__ = "How records with the same episode text are found: exact or minhash (see batch.crossdup)."
OutputFormat = Enum("OutputFormat", {fmt: fmt for fmt in FORMATS}, type=str)  # the writers' formats
OutputFormat.__doc__ = "The batch output's encoding."


def choice(enum: type[Enum], value, option: str):
    """`value` as a member of `enum` (None stays None); a wrong one is a one-line usage error."""
    if value is None or isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        raise UsageError(f"{option} must be one of {', '.join(m.value for m in enum)}, not {value!r}") from None


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch runs; the pages' own options are a CleanOptions.

    workers: processes (default: every core; 1 runs in this process). chunk_size: records per task.
    page_timeout: seconds one page may take before it becomes a PageTimeout error (NO_TIME_LIMIT or
    more: no limit). The rest is for `deboiler batch` only: force_workers (start every one of
    `workers`; without it more than the cores are capped at the cores, unless a dask `scheduler` is
    given), resume (continue OUT.part), fields (where a record's page, id and url are), progress (the
    bar), dedup and dedup_threshold (mark records with the same episode text, batch.crossdup), engine
    and scheduler (dask: a running cluster's address, else a LocalCluster), output_format (default:
    from OUT's name) and row_group_size (records per Parquet row group and per shard of OUT.part, the
    most a kill can cost). learn_sites: learn each site's template from the batch first (pass 1),
    written to learned_dir (default OUT.learned), for sites with learn_min_pages pages or more.
    """

    workers: int | None = None
    force_workers: bool = False
    chunk_size: int = DEFAULT_CHUNK_SIZE
    page_timeout: float | None = None
    resume: bool = False
    fields: Fields = Fields()
    progress: bool = True
    dedup: Dedup | None = None
    dedup_threshold: float = DEFAULT_THRESHOLD
    engine: Engine = Engine.local
    scheduler: str | None = None
    output_format: OutputFormat | None = None
    row_group_size: int = SHARD_ROWS
    learn_sites: bool = False
    learned_dir: str | None = None
    learn_min_pages: int = 5
    sites: object | None = None  # the LearnedSites pass 1 made (batch.sites.choose), set by run_batch
