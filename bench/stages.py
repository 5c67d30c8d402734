"""Where the time goes on a known-platform page: CPU time per stage of `deboiler.clean`.

    python bench/stages.py            # text gold pages of a known platform
    python bench/stages.py --html     # saved-HTML gold pages of a known platform

Each stage is timed alone over every page (best of --rounds passes, CPU time, so that other work on
a shared machine counts less). label_page and the phrase scan get freshly read pages on every pass,
so that no cached property of a page (its folded text, line offsets) hides a cost.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import deboiler  # noqa: E402
from deboiler.dev.evaluate import find_gold  # noqa: E402
from deboiler.pipeline import default_catalog  # noqa: E402
from deboiler.stages import langid  # noqa: E402
from deboiler.stages.detect import choose_locale, detect  # noqa: E402
from deboiler.stages.html_blocks import html_to_blocks, parse  # noqa: E402
from deboiler.stages.label import label_page  # noqa: E402
from deboiler.stages.load import load  # noqa: E402
from deboiler.stages.markup import read_markup  # noqa: E402
from deboiler.stages.page import read_page  # noqa: E402


def best_ms(run, rounds: int, count: int) -> float:
    """Best of `rounds` CPU times of run(round), per page, in ms."""
    best = float("inf")
    for r in range(rounds):
        start = time.process_time()
        run(r)
        best = min(best, time.process_time() - start)
    return best / count * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, nargs="*", default=[ROOT / "corpora"])
    parser.add_argument("--html", action="store_true", help="saved-HTML gold pages instead of text dumps")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    kind = ".html" if args.html else ".txt"
    pages = [
        p.read_bytes()
        for p, g in find_gold(args.pages)
        if p.suffix == kind and json.loads(g.read_text())["episode"].get("platform")
    ]
    if not pages:
        sys.exit(f"no known-platform {kind} gold pages under {args.pages}")
    catalog = default_catalog()
    n, rounds = len(pages), args.rounds
    descriptions = [deboiler.clean(b).description for b in pages]  # also the warm-up (catalog, matchers)
    docs = [load(b) for b in pages]
    reads = [read_page(d) for d in docs]
    found = [
        detect(
            r.visible_text,
            r.blocks,
            catalog,
            markup_hosts=r.markup.hosts if r.markup else [],
            markup_url=r.markup.url if r.markup else None,
        )
        for r in reads
    ]
    locales = [choose_locale(f.platform, r.blocks, f.host_locale)[0] for f, r in zip(found, reads)]
    fresh = [[read_page(d) for d in docs] for _ in range(2 * rounds + 1)]  # unused pages for each pass

    rows = [
        ("clean (the whole pipeline)", lambda r: [deboiler.clean(b) for b in pages]),
        ("load (sniff, decode)", lambda r: [load(b) for b in pages]),
        ("read_page (lines / HTML blocks)", lambda r: [read_page(d) for d in docs]),
        (
            "detect",
            lambda r: [
                detect(
                    x.visible_text,
                    x.blocks,
                    catalog,
                    markup_hosts=x.markup.hosts if x.markup else [],
                    markup_url=x.markup.url if x.markup else None,
                )
                for x in reads
            ],
        ),
        (
            "label_page",
            lambda r: [label_page(x.blocks, f.platform, loc) for x, f, loc in zip(fresh[r], found, locales)],
        ),
        (
            "  of which the phrase/selector scan",
            lambda r: [f.platform.matcher(loc).scan(x.blocks) for x, f, loc in zip(fresh[rounds + r], found, locales)],
        ),
    ]
    if args.html:
        roots = [parse(d.text, d.utf8) for d in docs]
        rows[3:3] = [
            ("  of which the lxml parse", lambda r: [parse(d.text, d.utf8) for d in docs]),
            ("  of which lines and blocks (compiled)", lambda r: [html_to_blocks(x, d.text) for x, d in zip(roots, docs)]),
            ("  of which markup (canonical, JSON-LD)", lambda r: [read_markup(x) for x in roots]),
        ]
    rows.append(("language ID (fasttext)", lambda r: [langid.identify(s, langid.DEFAULT_BACKEND) for s in descriptions]))

    print(f"# {n} known-platform {kind} gold pages, CPU ms per page, best of {rounds}")
    print("# each stage alone, over every page in turn: inside the pipeline (the clean row) each costs more,")
    print("# as the other stages' data push its own out of the CPU caches (language ID about 4x)")
    for name, run in rows:
        print(f"{name:38} {best_ms(run, rounds, n):7.3f}")


if __name__ == "__main__":
    main()
