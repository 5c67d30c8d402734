"""The ScrapingHub article-extraction benchmark (AEB): trafilatura and deboiler's generic path, same run.

    python bench/aeb.py                       # all 181 pages, both tools
    python bench/aeb.py --limit 20            # a quick run on the first 20 pages (sorted by id)
    python bench/aeb.py --settings '{"favor_recall": true}'   # try other trafilatura settings in deboiler

The pages are real news and blog articles from unknown platforms, so deboiler takes its generic
path: trafilatura finds the main text, deboiler keeps its own rendered lines that trafilatura covers.
Both tools get the same gunzipped bytes. The scorer is upstream's evaluate.py, restated from the
benchmark's README (4-token shingles as multisets, per-page normalised tp/fp/fn, corpus P and R as
means over pages, F1 from those means); it is first checked against the saved trafilatura 2.0.0
outputs (P 0.938, R 0.978, F1 0.958). A page where a tool raises is counted and scored as empty.
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


def run_tool(fn, pages: list[bytes]) -> tuple[list[str | None], list[float], list[str]]:
    outputs, times, errors = [], [], []
    for page in pages:
        start = time.perf_counter()
        try:
            out = fn(page)
        except Exception as exc:  # noqa: BLE001 - a failing page is scored as empty output
            out = None
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
        times.append(time.perf_counter() - start)
        outputs.append(out)
    return outputs, times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB, help="benchmark folder (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N pages (sorted by id)")
    parser.add_argument(
        "--settings",
        type=json.loads,
        default=None,
        metavar="JSON",
        help="replace deboiler.generic.TRAFILATURA_SETTINGS for this run (tuning); default: deboiler's own",
    )
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the plain trafilatura row")
    parser.add_argument("--save", type=Path, metavar="DIR", help="write each tool's outputs as DIR/<tool>.json")
    parser.add_argument("--per-page", action="store_true", help="print per-page F1 of both tools (worst first)")
    args = parser.parse_args()

    import trafilatura

    import deboiler.generic

    if args.settings is not None:
        deboiler.generic.TRAFILATURA_SETTINGS = args.settings

    gold_all = json.loads((args.aeb / "ground-truth.json").read_text(encoding="utf-8"))
    print(f"# {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# Python {platform.python_version()}, trafilatura {trafilatura.__version__}, one core")
    print(f"# deboiler TRAFILATURA_SETTINGS = {json.dumps(deboiler.generic.TRAFILATURA_SETTINGS, sort_keys=True)}")

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

    print(f"{'tool':40} {'precision':>9} {'recall':>7} {'F1':>6} {'exact':>6} {'errors':>6} {'pages/s':>8}")
    per_page = {}
    for label, key, fn in tools:
        outputs, times, errors = run_tool(fn, pages)
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
