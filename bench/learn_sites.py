"""`deboiler batch --learn-sites` measured: quality per site, pass 1's cost, and peak memory.

    python bench/learn_sites.py                      # real pages (../shared/real-pages) and generated sites
    python bench/learn_sites.py --records 1000000    # also: peak RSS over that many records, 2 workers

Quality: every page of a set is cleaned three ways and scored against its gold (token F1 of the
description, line recall), per site:
- `usual`: `deboiler batch` without --learn-sites (a built-in platform where one fits, else the
  unknown-site path, one page at a time);
- `learned`: `deboiler batch --learn-sites` (the same batch, learning each site from its own pages);
- `unknown`: the single-page unknown-site path alone (`clean` with no platform at all), the
  baseline a generic extractor would have for a site nobody wrote a platform for.

The generated records are measured again with every URL removed, so that sites are told apart only by
the chrome lines their pages share (three sites already have none). The real pages are text dumps of at most 2,000 bytes with 3-7 pages per site, so they are learned with
--learn-min-pages 3 (the `learned` column of a site with fewer pages equals `usual`). The generated
sites come from bench/generated_sites.py (seeded; 24 sites, 5-50 pages each, 8 UI languages).

Cost: the batch's own summary says how long pass 1 (survey and learning) took beside the whole run;
`--scale N` repeats the generated records N times (new ids) for a run long enough to tell.
Memory: `--records N` cycles the generated records into N (a .jsonl.gz in a temporary folder) and runs
`--learn-sites -w 2` on them, sampling the RSS of the batch and all its worker processes every 0.5 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generated_sites import generate  # noqa: E402
from deboiler.catalog.platforms import Catalog  # noqa: E402
from deboiler.dev.evaluate import overlap, token_f1  # noqa: E402
from deboiler.pipeline import clean  # noqa: E402

REAL = ROOT.parent / "shared" / "real-pages"
DEBOILER = [str(Path(sys.executable).with_name("deboiler"))]  # the venv's command, as a user runs it


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def score(got: str, want: str) -> tuple[float, float]:
    """(token F1, line recall) of a description against the gold's."""
    from collections import Counter

    _, recall = overlap(Counter(_lines(got)), Counter(_lines(want)))
    return token_f1(" ".join(_lines(got)), " ".join(_lines(want))), recall


def run_batch(records: Path, out: Path, *extra: str) -> tuple[dict[str, dict], str, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [*DEBOILER, "batch", str(records), "-o", str(out), "--langid", "none", "--no-progress", *extra],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"deboiler batch failed ({proc.returncode}): {proc.stderr}")
    rows = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    return rows, proc.stderr, seconds


def measure_set(name: str, records: Path, golds: dict[str, tuple[str, dict]], min_pages: int, work: Path) -> None:
    """Print the per-site table of one page set: golds maps record id -> (site, gold)."""
    slug = re.sub(r"\W+", "-", name.split(" (")[0])
    usual, _, t_usual = run_batch(records, work / f"{slug}-usual.jsonl", "-w", "2")
    learned, summary, t_learned = run_batch(
        records, work / f"{slug}-learned.jsonl", "-w", "2", "--learn-sites", "--learn-min-pages", str(min_pages)
    )
    nothing = Catalog({})
    per_site: dict[str, list] = defaultdict(list)
    for rid, (site, gold) in golds.items():
        want = gold["description"]
        page = json.loads(_record_line(records, rid))["text"]
        alone = clean(page, catalog=nothing, langid_backend="none").description
        u, lrn = usual[rid], learned[rid]
        per_site[site].append(
            (score(u.get("description") or "", want), score(lrn.get("description") or "", want), score(alone, want),
             lrn.get("platform"))
        )
    print(f"\n## {name}: {len(golds)} pages, {len(per_site)} sites (--learn-min-pages {min_pages})\n")
    print("| site | pages | template | F1 usual | F1 learned | F1 unknown path | recall usual | recall learned | recall unknown path |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = defaultdict(list)
    for site in sorted(per_site, key=lambda s: (-len(per_site[s]), s)):
        rows = per_site[site]
        n = len(rows)
        if n < min_pages:
            continue
        templates = sorted({r[3] or "usual path" for r in rows})
        used = ", ".join(templates) if len(templates) <= 2 else f"{len(templates)} kinds"
        cols = [sum(r[k][m] for r in rows) / n for m in (0, 1) for k in (0, 1, 2)]
        for k, v in zip(("f1u", "f1l", "f1x", "ru", "rl", "rx"), cols):
            totals[k].extend([v] * n)
        print(f"| {site} | {n} | {used} | " + " | ".join(f"{v:.3f}" for v in cols) + " |")
    if totals:
        n = len(totals["f1u"])
        print(f"| **all {n} pages of these sites** | {n} | | " + " | ".join(
            f"{sum(totals[k]) / n:.3f}" for k in ("f1u", "f1l", "f1x", "ru", "rl", "rx")) + " |")
    m = re.search(r"pass 1 \(survey and learning\) ([\d.]+) s, (\d+)% of the run", summary)
    learned_line = re.search(r"sites: +(\d+) of (\d+) sites", summary)
    print(f"\nbatch without --learn-sites {t_usual:.1f} s, with {t_learned:.1f} s (2 workers, wall clock, start-up included)"
          + (f"; pass 1 {m.group(1)} s ({m.group(2)}% of the run)" if m else "")
          + (f"; {learned_line.group(1)} of {learned_line.group(2)} sites with enough pages learned" if learned_line else ""))


_LINES: dict[Path, dict[str, str]] = {}


def _record_line(records: Path, rid: str) -> str:
    if records not in _LINES:
        _LINES[records] = {json.loads(line)["id"]: line for line in open(records, encoding="utf-8")}
    return _LINES[records][rid]


def real_set(work: Path) -> tuple[Path, dict] | None:
    manifest = REAL / "manifest.jsonl"
    if not manifest.exists():
        print(f"\n## real pages: skipped, {REAL} is not here (the real pages are not part of the repository)")
        return None
    records, golds = work / "real.jsonl", {}
    with open(records, "w", encoding="utf-8") as out:
        for line in open(manifest, encoding="utf-8"):
            m = json.loads(line)
            page = REAL / "pages" / m["file"]
            gold = page.with_name(page.name[: -len(page.suffix)] + ".gold.json")
            if not gold.exists():
                continue
            text = page.read_bytes().decode("utf-8", "replace")
            out.write(json.dumps({"id": m["file"], "url": m["url"], "text": text}, ensure_ascii=False) + "\n")
            golds[m["file"]] = (m["site"], json.loads(gold.read_text(encoding="utf-8")))
    return records, golds


def generated_set(work: Path, scale: int = 1) -> tuple[Path, dict]:
    folder = work / "generated"
    generate(folder)
    golds = {}
    for line in open(folder / "manifest.jsonl", encoding="utf-8"):
        m = json.loads(line)
        stem = m["file"][:-4]
        golds[stem] = (m["site"], json.loads((folder / "pages" / f"{stem}.gold.json").read_text(encoding="utf-8")))
    records = folder / "records.jsonl"
    if scale > 1:
        scaled = work / f"generated-x{scale}.jsonl"
        lines = records.read_text(encoding="utf-8").splitlines()
        with open(scaled, "w", encoding="utf-8") as out:
            for k in range(scale):
                for line in lines:
                    rec = json.loads(line)
                    if k:
                        rec["id"] = f"{rec['id']}~{k}"
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        records = scaled
    return records, golds


def peak_memory(work: Path, n: int) -> None:
    """Peak RSS (the batch and its workers together) over n records with --learn-sites on 2 workers."""
    import psutil

    folder = work / "generated"
    if not (folder / "records.jsonl").exists():
        generate(folder)
    lines = (folder / "records.jsonl").read_text(encoding="utf-8").splitlines()
    big = work / f"records-{n}.jsonl.gz"
    with gzip.open(big, "wt", encoding="utf-8", compresslevel=1) as out:
        for i in range(n):
            rec = json.loads(lines[i % len(lines)])
            rec["id"] = f"{rec['id']}~{i}"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out_path = work / f"out-{n}.jsonl"
    cmd = [*DEBOILER, "batch", str(big), "-o", str(out_path), "--learn-sites", "-w", "2", "--langid", "none",
           "--no-progress"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, parent_peak, done = [0], [0], threading.Event()

    def sample() -> None:
        me = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [me, *me.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], total)
                parent_peak[0] = max(parent_peak[0], me.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.5)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    done.set()
    watcher.join()
    seconds = time.monotonic() - started
    m = re.search(r"pass 1 \(survey and learning\) ([\d.]+) s, (\d+)% of the run", err)
    print(f"\n## peak memory: {n:,} records (generated pages cycled, {big.stat().st_size / 1e6:.0f} MB gzipped), "
          f"--learn-sites -w 2\n")
    print(f"exit {proc.returncode}; {seconds:.0f} s wall clock ({n / seconds:,.0f} records/s); peak RSS of the batch "
          f"and its workers together {peak[0] / 1e6:.0f} MB (the batch process alone {parent_peak[0] / 1e6:.0f} MB)"
          + (f"; pass 1 {m.group(1)} s, {m.group(2)}% of the run" if m else ""))
    print("\n".join("    " + line for line in err.strip().splitlines()[:4]))
    big.unlink()
    out_path.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=0, help="also measure peak RSS over this many records")
    ap.add_argument("--scale", type=int, default=1, help="repeat the generated records this many times")
    ap.add_argument("--no-quality", action="store_true", help="only the memory run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="deboiler-learn-bench-") as tmp:
        work = Path(tmp)
        if not args.no_quality:
            real = real_set(work)
            if real is not None:
                measure_set("real pages (../shared/real-pages)", real[0], real[1], 3, work)
            records, golds = generated_set(work, args.scale)
            measure_set("generated sites (bench/generated_sites.py)", records, golds, 5, work)
            bare = work / "generated-no-urls.jsonl"  # the same records without a URL: sites told by their chrome
            with open(bare, "w", encoding="utf-8") as out:
                for line in open(records, encoding="utf-8"):
                    out.write(json.dumps({**json.loads(line), "url": None}, ensure_ascii=False) + "\n")
            measure_set("generated sites, every URL removed", bare, golds, 5, work)
        if args.records:
            peak_memory(work, args.records)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
