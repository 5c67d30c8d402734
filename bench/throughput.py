"""Throughput on the gold pages, one core, side by side with trafilatura on the same pages.

    python bench/throughput.py                # every corpora/ text page, ~5 s per row
    python bench/throughput.py --seconds 10 --pages corpora/seeds
    python bench/throughput.py --html         # every corpora/ saved-HTML page

Text mode: trafilatura reads HTML, not text dumps, so it gets each page as the simplest faithful
HTML (one <p> per line). HTML mode: both read the same saved HTML. Both outputs are scored against
the same gold (token F1 of the description).
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


def timed(fn, inputs, seconds: float) -> tuple[float, int]:
    """Calls per second of fn over inputs, cycling for at least `seconds` (after one warm-up pass)."""
    for item in inputs:
        fn(item)
    calls, start = 0, time.perf_counter()
    while True:
        for item in inputs:
            fn(item)
        calls += len(inputs)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls / elapsed, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, nargs="*", default=[ROOT / "corpora"])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--html", action="store_true", help="saved-HTML gold pages instead of text dumps")
    args = parser.parse_args()

    kind = ".html" if args.html else ".txt"
    pairs = [(p, g) for p, g in find_gold(args.pages) if p.suffix == kind]
    if not pairs:
        sys.exit(f"no {kind} gold pages under {args.pages}")
    pages = [p.read_bytes() for p, _ in pairs]
    golds = ["\n".join(json.loads(g.read_text())["episode"]["description"]) for _, g in pairs]
    mb = sum(map(len, pages)) / len(pages) / 1e6
    what = "saved-HTML" if args.html else "text"
    print(f"# {len(pages)} {what} pages, mean {mb * 1e3:.1f} KB; Python {platform.python_version()}, one core")
    print(f"{'tool':38} {'pages/s':>9} {'MB/s':>7} {'token F1':>9}")

    rows = [
        ("deboiler (langid fasttext, default)", lambda b: deboiler.clean(b)),
        ("deboiler (--langid none)", lambda b: deboiler.clean(b, langid_backend="none")),
        ("deboiler (--langid langdetect)", lambda b: deboiler.clean(b, langid_backend="langdetect")),
    ]
    for name, fn in rows:
        f1 = sum(token_f1(fn(b).description, g) for b, g in zip(pages, golds)) / len(pages)
        rate, _ = timed(fn, pages, args.seconds)
        print(f"{name:38} {rate:9.0f} {rate * mb:7.2f} {f1:9.3f}")

    if not args.no_trafilatura:
        import trafilatura

        htmls = pages if args.html else [as_html(load(b).text) for b in pages]
        extract = lambda h: trafilatura.extract(h, include_comments=False) or ""  # noqa: E731
        f1 = sum(token_f1(extract(h), g) for h, g in zip(htmls, golds)) / len(htmls)
        rate, _ = timed(extract, htmls, args.seconds)
        label = "trafilatura " + trafilatura.__version__ + ("" if args.html else " (same pages as <p>)")
        print(f"{label:38} {rate:9.0f} {rate * mb:7.2f} {f1:9.3f}")


if __name__ == "__main__":
    main()
