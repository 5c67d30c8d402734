"""Pass 1 of `deboiler batch --learn-sites`, end to end: survey the inputs, learn every site with
enough pages, write the learned folder; or, on --resume, read back the folder an earlier run wrote.

Learning runs in a local process pool of the batch's workers when there are several sites (each
site's result depends on its sample alone, so any number of workers writes the same files).
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from deboiler.batch.readers.base import Fields
from deboiler.batch.readers.sources import parse, records
from deboiler.batch.sites import store
from deboiler.batch.sites.choose import LearnedSites, load
from deboiler.batch.sites.induce import SiteResult, learn_site, platform_id_for
from deboiler.batch.sites.survey import Survey
from deboiler.errors import DeboilerError, Interrupted, UsageError
from deboiler.options import CleanOptions

DEFAULT_MIN_PAGES = 5


@dataclass
class PassOne:
    sites: LearnedSites
    seconds: float  # 0 when an earlier run's folder was read back
    surveyed: int  # records read (0 when read back)
    reused: bool


def learned_folder(output: Path, learned_dir: str | Path | None) -> Path:
    """--learned-dir, else OUT.learned beside the output (and its OUT.part)."""
    return Path(learned_dir) if learned_dir else output.with_name(output.name + ".learned")


def prepare(
    paths, exclude, folder: Path, fields: Fields, options: CleanOptions, min_pages: int, workers: int,
    resume: bool, stop, progress=None,
) -> PassOne:
    """The learned sites for pass 2: read back on resume when the folder is complete, else learned."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--learned-dir must be a folder, not the file {folder}")
    if resume:
        index = store.read(folder)
        if index is not None:
            if index.get("learn_min_pages") != min_pages:
                raise UsageError(
                    f"{folder} was learned with --learn-min-pages {index.get('learn_min_pages')}: resume with the "
                    "same options, or delete it (and the partial output) to start over"
                )
            return PassOne(load(folder, options.catalog), 0.0, 0, True)
    started = time.monotonic()
    survey = Survey()
    for n, rec in enumerate(records(paths, exclude=exclude, fields=fields, max_bytes=options.max_bytes), 1):
        rec = parse(rec, fields)
        page = _page_of(rec, options.max_bytes)
        if page is not None:
            survey.add(str(rec.id), rec.url, page, options.max_bytes)
        if n % 1000 == 0:
            if progress is not None:
                progress.update(rec.end, n, 0)
            if stop.requested:
                raise Interrupted(
                    "interrupted while learning the sites (pass 1), before any record was cleaned: run the same "
                    "command again"
                )
    results = learn_all(survey, options, min_pages, workers)
    store.write(folder, results, min_pages, survey.records)
    return PassOne(load(folder, options.catalog), time.monotonic() - started, survey.records, False)


def _page_of(rec, max_bytes: int) -> bytes | str | None:
    if rec.error is not None:
        return None
    if rec.path is None:
        return rec.page
    try:
        with open(rec.path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError:
        return None  # pass 2 reports it
    return data if len(data) <= max_bytes else None


def learn_all(survey: Survey, options: CleanOptions, min_pages: int, workers: int) -> list[SiteResult]:
    """Every site with `min_pages` sampled pages or more, in the order the sites were first met."""
    todo = [s for s in survey.sites.values() if s.records >= min_pages]
    results: list[SiteResult] = []
    jobs = [(s.key, s.pages(), s.records, options, min_pages) for s in todo if len(s.heap) >= min_pages]
    few = {s.key for s in todo if len(s.heap) < min_pages}
    if workers > 1 and len(jobs) >= 4:
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=ctx) as pool:
            learned = list(pool.map(_learn_job, jobs, chunksize=1))
    else:
        learned = [_learn_job(job) for job in jobs]
    by_key = {r.key: r for r in learned}
    for s in todo:
        if s.key in few:
            results.append(
                SiteResult(s.key, platform_id_for(s.key), s.records, len(s.heap),
                           verdict=f"no template: only {len(s.heap)} different pages could be sampled")
            )
        else:
            results.append(by_key[s.key])
    return results


def _learn_job(job) -> SiteResult:
    key, pages, count, options, min_pages = job
    try:
        return learn_site(key, pages, count, options, min_pages)
    except DeboilerError as exc:
        return SiteResult(key, platform_id_for(key), count, len(pages), verdict=f"no template: {exc}")
