"""What a batch tells the person running it: a progress bar while it runs, a summary at the end.

Workers count what they cleaned (status, error class, platform, locale, language, and the explain
view's line labels) into a small Stats per chunk; the parent only adds them up. Both go to stderr,
so stdout stays free; the bar only when stderr is a terminal.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Stats:
    """Counts over some records. Labels are counted for the records cleaned in this run only."""

    records: int = 0
    status: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # error class name -> records
    skipped: Counter = field(default_factory=Counter)  # why a record held no page (WARC request, HTTP 404) -> records
    platform: Counter = field(default_factory=Counter)  # ok records only; "none" for unknown platforms
    locale: Counter = field(default_factory=Counter)
    language: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)  # explain-view label -> lines
    labelled: Counter = field(default_factory=Counter)  # --learn-sites: platform -> lines it labelled (not content)

    def count(self, record: dict) -> None:
        """Count one output record (the dict written as a JSONL line)."""
        self.records += 1
        self.status[record["status"]] += 1
        if record["status"] == "ok":
            self.platform[record.get("platform") or "none"] += 1
            self.locale[record.get("locale") or "none"] += 1
            self.language[record.get("language") or "none"] += 1
        elif record["status"] == "skipped":
            self.skipped[_reason(record.get("error") or "")] += 1
        else:
            self.errors[(record.get("error") or "").split(":", 1)[0]] += 1

    def add(self, other: Stats) -> None:
        self.records += other.records
        for name in ("status", "errors", "skipped", "platform", "locale", "language", "labels", "labelled"):
            getattr(self, name).update(getattr(other, name))


class BatchProgress:
    """A rich progress bar on stderr: pages, pages/s, errors, and (once the input size is known) ETA.

    The bar advances by bytes of input consumed, which is known for every input kind (a JSONL.gz
    file's compressed size included) without reading the inputs twice; `measure` computes the total
    in a background thread, so a large folder does not hold up the start.
    """

    def __init__(self, enabled: bool, measure: Callable[[], int] | None = None, what: str = "cleaning"):
        self.enabled = enabled and sys.stderr.isatty()
        self.what = what
        self.started = time.monotonic()
        self._progress = None
        self._measure = measure

    def __enter__(self) -> BatchProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn(
                "{task.fields[pages]:,} pages  {task.fields[rate]:,.0f} pages/s  {task.fields[errors]:,} errors"
            ),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.what, total=None, pages=0, rate=0.0, errors=0)
        if self._measure is not None:
            threading.Thread(target=self._set_total, daemon=True).start()
        return self

    def _set_total(self) -> None:
        try:
            total = self._measure()
        except OSError:
            return
        if self._progress is not None:
            self._progress.update(self._task, total=max(total, 1))

    def skipped(self, position: int) -> None:
        """Records a resumed run found already done: the bar jumps there, and speed counts from here."""
        self.started = time.monotonic()
        if self._progress is not None:
            self._progress.reset(self._task, completed=position, pages=0, rate=0.0, errors=0)

    def update(self, position: int, pages: int, errors: int) -> None:
        if self._progress is not None:
            rate = pages / max(time.monotonic() - self.started, 1e-6)
            self._progress.update(self._task, completed=position, pages=pages, rate=rate, errors=errors)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def print_summary(
    stats: Stats, resumed: Stats, *, output: str, seconds: float, workers: int, out: TextIO | None = None
) -> None:
    """One screen on stderr: records by status, error class, platform, locale, language; lines by label."""
    out = out or sys.stderr
    total = Stats()
    total.add(resumed)
    total.add(stats)
    rate = stats.records / seconds if seconds > 0 else 0.0
    head = (
        f"deboiler batch: {total.records:,} records in {output} "
        f"({_counts(total.status, top=3) or 'none'}); this run cleaned {stats.records:,} pages "
        f"in {seconds:.1f} s, {rate:,.0f} pages/s, {workers} worker{'s' if workers != 1 else ''}"
    )
    lines = [head]
    if resumed.records:
        lines.append(f"  resumed:   {resumed.records:,} records were already written by an earlier run")
    for name, counter in (
        ("errors", total.errors),
        ("skipped", total.skipped),
        ("platform", total.platform),
        ("locale", total.locale),
        ("language", total.language),
    ):
        if counter:
            lines.append(f"  {name + ':':<10} {_counts(counter)}")
    if stats.labels:
        kept = stats.labels.get("content", 0)
        dropped = Counter({k: v for k, v in stats.labels.items() if k != "content"})
        lines.append(f"  lines:     {kept:,} kept (content); dropped: {_counts(dropped) or 'none'}  (this run)")
    out.write("\n".join(lines) + "\n")
    out.flush()


def _reason(error: str) -> str:
    """A skipped record's reason without its class name, numbers kept ("HTTP status 404", "a request record")."""
    return error.split(": ", 1)[-1]


def _counts(counter: Counter, top: int = 8) -> str:
    items = counter.most_common()
    shown = ", ".join(f"{name} {n:,}" for name, n in items[:top])
    rest = sum(n for _, n in items[top:])
    return shown + (f", {len(items) - top} others {rest:,}" if rest else "")


MAX_LISTED = 25  # sites the summary names; sites.json has them all


def print_sites(
    index: dict, stats: Stats, *, folder: str, reused: bool, pass1_seconds: float, pass2_seconds: float,
    out: TextIO | None = None,
) -> None:
    """--learn-sites: the sites learned (page counts, lines each template labelled in this run), those
    not learned and why, and what pass 1 cost beside pass 2."""
    out = out or sys.stderr
    sites = index.get("sites", [])
    used = [s for s in sites if s.get("used")]
    if reused:
        head = f"  sites:     {len(used)} learned templates read back from {folder} (an earlier run's pass 1)"
    else:
        share = pass1_seconds / (pass1_seconds + pass2_seconds) if pass1_seconds + pass2_seconds > 0 else 0.0
        head = (
            f"  sites:     {len(used)} of {len(sites)} sites with enough pages learned, in {folder}; pass 1 "
            f"(survey and learning) {pass1_seconds:.1f} s, {share:.0%} of the run"
        )
    lines = [head]
    for s in used[:MAX_LISTED]:
        name = s["site"] if not s["site"].startswith("#") else f"{s['platform']} (pages without a URL)"
        cleaned = stats.platform.get(s["platform"], 0)
        labelled = stats.labelled.get(s["platform"], 0)
        lines.append(
            f"    {name}: {s['records']:,} pages, learned from {s['sampled']}; cleaned {cleaned:,} records "
            f"in this run, labelling {labelled:,} lines"
        )
    if len(used) > MAX_LISTED:
        lines.append(f"    and {len(used) - MAX_LISTED:,} more sites learned ({folder}/sites.json lists them all)")
    unused = [s for s in sites if not s.get("used")]
    for s in unused[:MAX_LISTED]:
        lines.append(f"    {s['site']}: {s['records']:,} pages; {s['verdict']}")
    if len(unused) > MAX_LISTED:
        lines.append(f"    and {len(unused) - MAX_LISTED:,} more sites not learned ({folder}/sites.json says why)")
    out.write("\n".join(lines) + "\n")
    out.flush()
