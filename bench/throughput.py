"""Throughput on the gold pages, one core, side by side with trafilatura on the same pages.

    python bench/throughput.py                # every corpora/ text page, ~5 s per row
    python bench/throughput.py --seconds 10 --pages corpora/seeds
    python bench/throughput.py --html         # every corpora/ saved-HTML page

Text mode: trafilatura reads HTML, not text dumps, so it gets each page as the simplest faithful
HTML (one <p> per line). HTML mode: both read the same saved HTML. Both outputs are scored against
the same gold (token F1 of the description).

Pages are split by their gold's platform: a known platform (its template labels the page) and an
unknown one (deboiler's generic path, which runs trafilatura itself), each group with its own rows.
Speed is CPU time (time.process_time), so that other work on a shared machine counts less; every
row cycles over its pages for --seconds after one warm-up pass, and the rows of a group take turns
(--rounds times each, the best round kept), so a busy spell weighs on all of them.
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import deboiler  # noqa: E402
from deboiler.evaluate import find_gold, token_f1  # noqa: E402
from deboiler.load import load  # noqa: E402


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
    args = parser.parse_args()

    kind = ".html" if args.html else ".txt"
    pairs = [(p, json.loads(g.read_text())["episode"]) for p, g in find_gold(args.pages) if p.suffix == kind]
    if not pairs:
        sys.exit(f"no {kind} gold pages under {args.pages}")
    what = "saved-HTML" if args.html else "text"
    print(f"# Python {platform.python_version()}, one core, CPU time; {what} gold pages")
    groups = [
        ("known platform", [(p, e) for p, e in pairs if e.get("platform")]),
        ("unknown platform (generic path)", [(p, e) for p, e in pairs if not e.get("platform")]),
    ]
    for group, members in groups:
        if members:
            run_group(group, members, args)


def run_group(group: str, members: list, args) -> None:
    pages = [p.read_bytes() for p, _ in members]
    golds = ["\n".join(e["description"]) for _, e in members]
    mb = sum(map(len, pages)) / len(pages) / 1e6
    print(f"\n## {group}: {len(pages)} pages, mean {mb * 1e3:.1f} KB")
    print(f"{'tool':38} {'pages/s':>9} {'MB/s':>7} {'token F1':>9}")

    rows = [
        ("deboiler (langid fasttext, default)", lambda b: deboiler.clean(b).description, pages),
        ("deboiler (--langid none)", lambda b: deboiler.clean(b, langid_backend="none").description, pages),
        ("deboiler (--langid langdetect)", lambda b: deboiler.clean(b, langid_backend="langdetect").description, pages),
    ]
    if not args.no_trafilatura:
        import trafilatura

        htmls = pages if args.html else [as_html(load(b).text) for b in pages]
        label = "trafilatura " + trafilatura.__version__ + ("" if args.html else " (same pages as <p>)")
        rows.append((label, lambda h: trafilatura.extract(h, include_comments=False) or "", htmls))

    f1s = []
    for _, fn, inputs in rows:  # also the warm-up pass
        f1s.append(sum(token_f1(fn(x), g) for x, g in zip(inputs, golds)) / len(inputs))
    best = [0.0] * len(rows)
    for _ in range(args.rounds):
        for k, (_, fn, inputs) in enumerate(rows):
            best[k] = max(best[k], timed(fn, inputs, args.seconds))
    for (name, _, _), rate, f1 in zip(rows, best, f1s):
        print(f"{name:38} {rate:9.0f} {rate * mb:7.2f} {f1:9.3f}")
    if not args.no_trafilatura:
        print(
            f"# deboiler (default) / trafilatura: {best[0] / best[-1]:.2f}x; (--langid none): {best[1] / best[-1]:.2f}x"
        )


if __name__ == "__main__":
    main()
