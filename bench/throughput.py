"""Throughput on the gold pages, one core, side by side with trafilatura on the same pages.

    python bench/throughput.py                # every corpora/ text page, ~5 s per row
    python bench/throughput.py --seconds 10 --pages corpora/seeds
    python bench/throughput.py --html         # every corpora/ saved-HTML page
    python bench/throughput.py --pages ../shared/real-pages/pages   # real pages of ~50 sites

Text mode: trafilatura reads HTML, not text dumps, so it gets each page as the simplest faithful
HTML (one <p> per line). HTML mode: both read the same saved HTML. Both outputs are scored against
the same gold (token F1 of the description).

Pages are split by their gold's platform: a known platform (its template labels the page) and an
unknown one (deboiler's generic path, which runs trafilatura itself), each group with its own rows.
Speed is CPU time (time.process_time), so that other work on a shared machine counts less; every
row cycles over its pages for --seconds after one warm-up pass, and the rows of a group take turns
(--rounds times each, the best round kept), so a busy spell weighs on all of them. Each row runs in
a process of its own, as a user's run would: in one shared process, what the other rows had loaded
(langdetect's profiles, trafilatura's modules) slowed the default row by ~4% (0.776 -> 0.807 ms a
page, best of 5; not the garbage collector, which runs about once per hundred pages).
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import deboiler  # noqa: E402
from deboiler.dev.evaluate import FLAT_FIELDS, find_gold, read_gold, token_f1  # noqa: E402
from deboiler.stages.load import load  # noqa: E402


def as_html(text: str) -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<!doctype html><html><head><meta charset='utf-8'><title>page</title></head><body>{body}</body></html>"


def timed(fn, inputs, seconds: float) -> float:
    """Calls per CPU second of fn over inputs, cycling for at least `seconds` of CPU time."""
    calls, start = 0, time.process_time()
    while True:
        for item in inputs:
            fn(item)
        calls += len(inputs)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return calls / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, nargs="*", default=[ROOT / "corpora"])
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds per row and round")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of all rows; each row's best is kept")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--html", action="store_true", help="saved-HTML gold pages instead of text dumps")
    parser.add_argument("--row", nargs=2, metavar=("GROUP", "ROW"), help=argparse.SUPPRESS)  # a child's one row
    args = parser.parse_args()

    kind = ".html" if args.html else ".txt"
    pairs = [(p, g) for p, g in find_gold(args.pages) if p.suffix == kind]
    if not pairs:
        sys.exit(f"no {kind} gold pages under {args.pages}")
    what = "saved-HTML" if args.html else "text"
    golds = [(p, read_gold(g)) for p, g in pairs]
    flat = [(p, e) for p, (e, fields, _) in golds if fields is FLAT_FIELDS]  # real pages: sites of any kind
    groups = [
        ("known platform", [(p, e) for p, (e, fields, _) in golds if fields is not FLAT_FIELDS and e.get("platform")]),
        ("unknown platform (generic path)", [(p, e) for p, (e, fields, _) in golds if fields is not FLAT_FIELDS and not e.get("platform")]),
        ("real pages (any site, known or not)", flat),
    ]
    if args.row:
        group, row = int(args.row[0]), int(args.row[1])
        _, fn, inputs, golds = make_rows(groups[group][1], args)[row]
        f1 = sum(token_f1(fn(x), g) for x, g in zip(inputs, golds)) / len(inputs)  # also the warm-up pass
        print(json.dumps({"rate": timed(fn, inputs, args.seconds), "f1": f1}))
        return
    print(f"# Python {platform.python_version()}, one core, CPU time; {what} gold pages")
    for k, (group, members) in enumerate(groups):
        if members:
            run_group(k, group, members, args)


def run_group(k: int, group: str, members: list, args) -> None:
    pages = [p.read_bytes() for p, _ in members]
    mb = sum(map(len, pages)) / len(pages) / 1e6
    print(f"\n## {group}: {len(pages)} pages, mean {mb * 1e3:.1f} KB")
    print(f"{'tool':38} {'pages/s':>9} {'MB/s':>7} {'token F1':>9}")
    names = [name for name, _, _, _ in make_rows(members, args, build=False)]
    best, f1s = [0.0] * len(names), [0.0] * len(names)
    for _ in range(args.rounds):
        for r in range(len(names)):
            child = [sys.executable, __file__, "--seconds", str(args.seconds), "--row", str(k), str(r)]
            child += ["--pages", *map(str, args.pages)] + (["--html"] if args.html else [])
            child += ["--no-trafilatura"] if args.no_trafilatura else []
            result = json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
            best[r], f1s[r] = max(best[r], result["rate"]), result["f1"]
    for name, rate, f1 in zip(names, best, f1s):
        print(f"{name:38} {rate:9.0f} {rate * mb:7.2f} {f1:9.3f}")
    if not args.no_trafilatura:
        print(
            f"# deboiler (default) / trafilatura: {best[0] / best[-1]:.2f}x; (--langid none): {best[1] / best[-1]:.2f}x"
        )


def make_rows(members: list, args, build: bool = True) -> list:
    """(name, function, its inputs, gold descriptions) for each row of a group."""
    pages = [p.read_bytes() for p, _ in members] if build else []
    golds = ["\n".join(e["description"]) for _, e in members]
    rows = [
        ("deboiler (langid fasttext, default)", lambda b: deboiler.clean(b).description, pages),
        ("deboiler (--langid none)", lambda b: deboiler.clean(b, langid_backend="none").description, pages),
        ("deboiler (--langid langdetect)", lambda b: deboiler.clean(b, langid_backend="langdetect").description, pages),
    ]
    if not args.no_trafilatura:
        from importlib.metadata import version

        label = "trafilatura " + version("trafilatura") + ("" if args.html else " (same pages as <p>)")
        htmls = pages if args.html or not build else [as_html(load(b).text) for b in pages]
        rows.append((label, _trafilatura_extract, htmls))
    return [(name, fn, inputs, golds) for name, fn, inputs in rows]


def _trafilatura_extract(page) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False) or ""


if __name__ == "__main__":
    main()
