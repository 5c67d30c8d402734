"""The ScrapingHub article-extraction benchmark (AEB): trafilatura and deboiler's generic path, same run.

    python bench/aeb.py                       # all 181 pages, both tools
    python bench/aeb.py --limit 20            # a quick run on the first 20 pages (sorted by id)
    python bench/aeb.py --settings '{"favor_recall": true}'   # try other trafilatura settings in deboiler
    python bench/aeb.py --never-fast          # deboiler never asks trafilatura for its fast mode
    python bench/aeb.py --repeat 3            # time each page 3 times per tool, keep the best

The pages are real news and blog articles from unknown platforms, so deboiler takes its generic
path: trafilatura finds the main text, deboiler keeps its own rendered lines that trafilatura covers.
Both tools get the same gunzipped bytes. The scorer is upstream's evaluate.py, restated from the
benchmark's README (4-token shingles as multisets, per-page normalised tp/fp/fn, corpus P and R as
means over pages, F1 from those means); it is first checked against the saved trafilatura 2.0.0
outputs (P 0.938, R 0.978, F1 0.958). A page where a tool raises is counted and scored as empty.
Speed is CPU time (time.process_time) with the tools taking turns page by page, so that other work
on a shared machine weighs on both alike, after one warm-up call of each tool (whose time, mostly
deboiler loading its catalog and lexicon, is printed apart).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import shlex
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_AEB = ROOT.parent / "shared" / "benchmarks" / "scrapinghub-aeb"
if not DEFAULT_AEB.is_dir():
    DEFAULT_AEB = Path("/work/shared/benchmarks/scrapinghub-aeb")

# --- upstream scoring (article-extraction-benchmark/evaluate.py) -------------------------------

_TOKEN = re.compile(
    r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL
)  # flags as upstream; \w is case-blind


def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # Fewer than n tokens: one shorter shingle; no tokens: none.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(gold: str | None, pred: str | None) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = fp = fn = 0.0
    for key in g.keys() | p.keys():
        cg, cp = g.get(key, 0), p.get(key, 0)
        tp += min(cg, cp)
        fp += max(0, cp - cg)
        fn += max(0, cg - cp)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean([precision_score(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([recall_score(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def accuracy(golds: list[str], preds: list[str | None]) -> float:
    return sum(_TOKEN.findall(g or "") == _TOKEN.findall(p or "") for g, p in zip(golds, preds)) / len(golds)


# --- the tools -----------------------------------------------------------------------------------


def run_trafilatura(html: bytes) -> str | None:
    import trafilatura

    return trafilatura.extract(html)


def run_deboiler(html: bytes) -> str | None:
    import deboiler

    return deboiler.clean(html, langid_backend="none").description


def run_tools(fns: list, pages: list[bytes], repeat: int = 1) -> list[tuple[list[str | None], list[float], list[str]]]:
    """Every tool on every page, the tools taking turns page by page, so that a machine shared with
    other work slows them alike; times are CPU seconds (time.process_time), the best of `repeat`."""
    results = [([], [], []) for _ in fns]
    for page in pages:
        for fn, (outputs, times, errors) in zip(fns, results):
            best = None
            for _ in range(repeat):
                start = time.process_time()
                try:
                    out = fn(page)
                except Exception as exc:  # noqa: BLE001 - a failing page is scored as empty output
                    out = None
                    if best is None:
                        errors.append(f"{type(exc).__name__}: {exc}"[:200])
                spent = time.process_time() - start
                best = spent if best is None else min(best, spent)
            times.append(best)
            outputs.append(out)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB, help="benchmark folder (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N pages (sorted by id)")
    parser.add_argument(
        "--settings",
        type=json.loads,
        default=None,
        metavar="JSON",
        help="replace deboiler.stages.generic.TRAFILATURA_SETTINGS for this run (tuning); default: deboiler's own",
    )
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the plain trafilatura row")
    parser.add_argument("--save", type=Path, metavar="DIR", help="write each tool's outputs as DIR/<tool>.json")
    parser.add_argument("--per-page", action="store_true", help="print per-page F1 of both tools (worst first)")
    parser.add_argument(
        "--never-fast",
        action="store_true",
        help="deboiler always runs trafilatura in full (sets deboiler.stages.generic.FAST_UNLESS_CUT_COPY = False)",
    )
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="time each page N times, keep the best")
    args = parser.parse_args()

    import trafilatura

    import deboiler.stages.generic

    if args.settings is not None:
        deboiler.stages.generic.TRAFILATURA_SETTINGS = args.settings
    if args.never_fast:
        deboiler.stages.generic.FAST_UNLESS_CUT_COPY = False

    gold_all = json.loads((args.aeb / "ground-truth.json").read_text(encoding="utf-8"))
    print(f"# {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# Python {platform.python_version()}, trafilatura {trafilatura.__version__}, one core")
    print(
        f"# deboiler TRAFILATURA_SETTINGS = {json.dumps(deboiler.stages.generic.TRAFILATURA_SETTINGS, sort_keys=True)}, "
        f"FAST_UNLESS_CUT_COPY = {deboiler.stages.generic.FAST_UNLESS_CUT_COPY}"
    )

    ref = json.loads((args.aeb / "reference-outputs" / "trafilatura.json").read_text(encoding="utf-8"))
    ref_counts = [
        tp_fp_fn(gold_all[k].get("articleBody", ""), ref["output"][k].get("articleBody", "")) for k in gold_all
    ]
    m = metrics(ref_counts)
    print(
        f"# sanity check, saved trafilatura {ref['version']} outputs, all {len(ref_counts)} pages: "
        f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} (upstream: P 0.938 R 0.978 F1 0.958)"
    )
    if (round(m["precision"], 3), round(m["recall"], 3), round(m["f1"], 3)) != (0.938, 0.978, 0.958):
        sys.exit("aeb: the scorer does not reproduce upstream's figures")

    ids = sorted(gold_all)[: args.limit]
    golds = [gold_all[k].get("articleBody", "") for k in ids]
    pages = [gzip.decompress((args.aeb / "html" / f"{k}.html.gz").read_bytes()) for k in ids]
    mb = sum(map(len, pages)) / len(pages) / 1e6
    print(f"# {len(pages)} pages, mean {mb * 1e3:.0f} KB of HTML")

    tools = []
    if not args.no_trafilatura:
        tools.append((f"trafilatura {trafilatura.__version__} (defaults)", "trafilatura", run_trafilatura))
    tools.append(("deboiler generic path (--langid none)", "deboiler", run_deboiler))

    # One call each before timing: deboiler loads its platform catalog and UI lexicon, and compiles
    # their phrases, once per process (warm_up: also what only some pages need, such as the months of
    # languages no lexicon file names); that start-up is printed, not spread over the pages.
    for label, name, fn in tools:
        start = time.process_time()
        if name == "deboiler":
            import deboiler

            deboiler.warm_up(langid_backend="none")
        fn(pages[0])
        print(f"# start-up, first call of {label}: {time.process_time() - start:.2f} s CPU")
    print(f"# pages/s: CPU time, tools interleaved page by page, best of {args.repeat} per page")
    print(f"{'tool':40} {'precision':>9} {'recall':>7} {'F1':>6} {'exact':>6} {'errors':>6} {'pages/s':>8}")
    per_page = {}
    results = run_tools([fn for _, _, fn in tools], pages, args.repeat)
    for (label, key, _), (outputs, times, errors) in zip(tools, results):
        counts = [tp_fp_fn(g, p) for g, p in zip(golds, outputs)]
        m = metrics(counts)
        rate = len(pages) / sum(times)
        print(
            f"{label:40} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f} "
            f"{accuracy(golds, outputs):6.3f} {len(errors):6d} {rate:8.1f}"
        )
        for err in errors:
            print(f"#   {key} error: {err}")
        per_page[key] = counts
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            out = {k: {"articleBody": o or ""} for k, o in zip(ids, outputs)}
            (args.save / f"{key}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")

    if args.per_page:

        def f1(c):
            p, r = precision_score(*c), recall_score(*c)
            return 2 * p * r / (p + r) if p + r else 0.0

        keys = list(per_page)
        rows = sorted(range(len(ids)), key=lambda i: f1(per_page[keys[-1]][i]) - f1(per_page[keys[0]][i]))
        print("\n" + " ".join(f"{k:>11}" for k in keys) + "  page")
        for i in rows:
            print(" ".join(f"{f1(per_page[k][i]):11.3f}" for k in keys) + f"  {ids[i][:12]} {gold_all[ids[i]]['url']}")


if __name__ == "__main__":
    main()
