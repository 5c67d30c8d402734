"""`deboiler batch` end to end: pages/s with 1 and 2 workers, speed-up, peak memory of the whole run.

    python bench/batch.py                      # 100,000 records, 1 and 2 workers, dask with 2
    python bench/batch.py --records 20000      # a quicker look (worker start-up weighs more in a short run)
    python bench/batch.py --records 1000000 --workers 2   # the flat-memory check (~7 GB of records)
    python bench/batch.py --records 10000 --workers 2 --parquet 2   # also Parquet output

Writes N JSONL records made from the corpora gold pages (text dumps and saved HTML, legacy encodings
decoded the way deboiler reads them), each with its own id, then runs the installed `deboiler batch`
command on that file once per worker count, timing the whole command (start-up included).

Memory is sampled every 50 ms (250 ms after the first 10 s) over the batch process and all its
descendants (forkserver, workers): the peak of their summed RSS (shared pages counted in every
process, so an upper bound), of their summed PSS (shared pages split between them), and the peak RSS
in each quarter of the run: flat memory means the last quarter is no higher than the first. "CPU s"
is the CPU time of the whole process tree; when seconds x workers is well above it, other programs
were using the cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deboiler.dev.evaluate import find_gold  # noqa: E402
from deboiler.stages.load import load  # noqa: E402


def write_records(path: Path, n: int, gz: bool) -> tuple[int, float]:
    """n records cycling through the gold pages; returns (pages used, mean page size in KB)."""
    pages = [page for page, _ in find_gold([ROOT / "corpora"])]
    bodies = []
    for page in pages:
        doc = load(page.read_bytes())
        field = "html" if doc.kind == "html" else "text"
        bodies.append(f'"{field}": {json.dumps(doc.text, ensure_ascii=False)}')
    opener = (lambda p: __import__("gzip").open(p, "wt", encoding="utf-8", compresslevel=3)) if gz else None
    with opener(path) if opener else open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f'{{"id": "page-{i:08d}", {bodies[i % len(bodies)]}}}\n')
    mean_kb = sum(len(page.read_bytes()) for page in pages) / len(pages) / 1024
    return len(pages), mean_kb


def tree(pid: int) -> list[int]:
    """pid and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KB, from /proc/PID/smaps_rollup."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith(b"Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.samples, self.done = pid, [], threading.Event()
        self.cpu: dict[int, float] = {}  # the last CPU time seen of every process in the tree

    def run(self) -> None:
        start = time.monotonic()
        while not self.done.is_set():
            rss = pss = 0
            for p in tree(self.pid):
                self.cpu[p] = max(self.cpu.get(p, 0.0), cpu_seconds(p))
                r, s = memory_kb(p)
                rss, pss = rss + r, pss + s
            elapsed = time.monotonic() - start
            self.samples.append((elapsed, rss, pss))
            self.done.wait(0.05 if elapsed < 10 else 0.25)  # walking /proc costs CPU the batch could use


def run(cmd: list[str]) -> dict:
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.monotonic() - start
    sampler.done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"batch failed ({proc.returncode}): {err.decode()}")
    samples = sampler.samples or [(0.0, 0, 0)]
    quarters = []
    for q in range(4):
        part = [rss for t, rss, _ in samples if q * seconds / 4 <= t < (q + 1) * seconds / 4]
        quarters.append(max(part) // 1024 if part else 0)
    return {
        "seconds": seconds,
        "rss_mb": max(s[1] for s in samples) // 1024,
        "pss_mb": max(s[2] for s in samples) // 1024,
        "quarters": quarters,
        "cpu": sum(sampler.cpu.values()),
        "summary": err.decode().strip().split("\n")[0],
    }


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to run")
    parser.add_argument("--dask", default="2", help="worker counts for --engine dask on a LocalCluster ('' to skip)")
    parser.add_argument("--parquet", default="", help="worker counts for Parquet output (-o OUT.parquet)")
    parser.add_argument("--chunk-size", type=int, default=None)
    parser.add_argument("--gzip", action="store_true", help="write the records as .jsonl.gz (less disk)")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the records and outputs")
    args = parser.parse_args()

    exe = shutil.which("deboiler", path=str(Path(sys.executable).parent)) or shutil.which("deboiler")
    if not exe:
        sys.exit("the deboiler command is not installed: pip install -e .")
    work = Path(tempfile.mkdtemp(prefix="deboiler-bench-", dir=args.tmp))
    try:
        records = work / ("records.jsonl.gz" if args.gzip else "records.jsonl")
        t0 = time.monotonic()
        npages, mean_kb = write_records(records, args.records, args.gzip)
        size_mb = records.stat().st_size / 1e6
        print(
            f"# {args.records:,} records cycling {npages} gold pages (mean {mean_kb:.1f} KB), "
            f"{records.name} {size_mb:,.0f} MB, written in {time.monotonic() - t0:.0f} s"
        )
        print(f"# Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")
        rows, outputs = [], []
        runs = [(str(w), int(w), [], "jsonl") for w in args.workers.split(",") if w]
        runs += [(f"dask {w}", int(w), ["--engine", "dask"], "jsonl") for w in args.dask.split(",") if w]
        runs += [(f"pq {w}", int(w), [], "parquet") for w in args.parquet.split(",") if w]
        for workers, count, engine, suffix in runs:
            out = work / f"out-{workers.replace(' ', '-')}.{suffix}"
            cmd = [exe, "batch", str(records), "-o", str(out), "--workers", str(count), "--no-progress", *engine]
            if args.chunk_size:
                cmd += ["--chunk-size", str(args.chunk_size)]
            print("$ " + " ".join(cmd).replace(str(work), "$TMP").replace(exe, "deboiler"), flush=True)
            result = run(cmd)
            if suffix == "parquet":
                import pyarrow.parquet as pq

                lines = pq.ParquetFile(out).metadata.num_rows
            else:
                lines = sum(1 for _ in open(out, "rb"))
                outputs.append(digest(out))  # the JSONL outputs must be the same bytes
            assert lines == args.records, f"{lines} output records for {args.records} records"
            rows.append((workers, result))
            out.unlink()
        print(
            f"{'workers':>7}  {'seconds':>8}  {'pages/s':>8}  {'speed-up':>8}  {'CPU s':>6}  {'peak RSS MB':>11}  {'peak PSS MB':>11}  RSS MB by quarter"
        )
        for workers, r in rows:
            speedup = rows[0][1]["seconds"] / r["seconds"]  # against the first row (1 worker by default)
            quarters = " / ".join(str(q) for q in r["quarters"])
            print(
                f"{workers:>7}  {r['seconds']:>8.1f}  {args.records / r['seconds']:>8,.0f}  {speedup:>7.2f}x  {r['cpu']:>6.1f}  "
                f"{r['rss_mb']:>11,}  {r['pss_mb']:>11,}  {quarters}"
            )
        if len(set(outputs)) == 1 and len(outputs) > 1:
            print("# every JSONL run wrote the same bytes")
        elif len(outputs) > 1:
            print("# WARNING: the runs wrote different outputs")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
