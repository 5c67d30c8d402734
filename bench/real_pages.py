"""Quality on real episode pages, per site, side by side with doing nothing and with trafilatura.

    python bench/real_pages.py                                  # ../shared/real-pages/pages
    python bench/real_pages.py --pages DIR [DIR ...] --by-site  # any folders of NAME.txt + NAME.gold.json

Three rows, scored the same way as `deboiler eval` (token F1 of the description, line precision and
recall, field accuracy on title/show/published/duration):
  - deboiler, as a user runs it;
  - the page unchanged (every line kept, a saved page's rendered lines; no field found): what
    "keep everything" scores;
  - trafilatura given the saved HTML, or a text dump as HTML, one <p> per line (it reads HTML).
Means are over pages and over sites (each site weighs the same, however many pages it has). Nothing
here is trained, so there is no in-sample figure to tell apart from a held-out one; the page set's
text is third-party and read from where it lies, never copied into the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import deboiler  # noqa: E402
from deboiler.dev.evaluate import FLAT_FIELDS, find_gold, overlap, read_gold, token_f1  # noqa: E402
from deboiler.stages.load import load  # noqa: E402
from deboiler.stages.page import read_page  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from throughput import as_html  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "real-pages" / "pages"


def score(got_description: str, got_fields: dict, expected: dict) -> dict:
    want = [" ".join(line.split()) for line in expected["description"] if line.strip()]
    got = [" ".join(line.split()) for line in got_description.split("\n") if line.strip()]
    precision, recall = overlap(Counter(got), Counter(want))
    fields = FLAT_FIELDS  # as `deboiler eval` counts them: a null the page does not print is right too
    right = sum(expected.get(name) == got_fields.get(name) for name in fields)
    return {
        "f1": token_f1(" ".join(got), " ".join(want)),
        "p": precision,
        "r": recall,
        "fields_right": right,
        "fields_total": len(fields),
    }


def run_deboiler(raw: bytes) -> tuple[str, dict]:
    ep = deboiler.clean(raw, langid_backend="none")
    return ep.description, {name: getattr(ep, name) for name in FLAT_FIELDS}


def run_unchanged(raw: bytes) -> tuple[str, dict]:
    """Every line kept: a text dump as it is, saved HTML as its rendered lines."""
    return "\n".join(b.text for b in read_page(load(raw)).blocks), {}


def run_trafilatura(raw: bytes) -> tuple[str, dict]:
    import trafilatura

    doc = load(raw)
    page = doc.text if doc.kind == "html" else as_html(doc.text)
    return trafilatura.extract(page, include_comments=False) or "", {}


TOOLS = {"deboiler": run_deboiler, "unchanged page": run_unchanged, "trafilatura": run_trafilatura}


def mean(rows: list[dict], key: str) -> float:
    return sum(r[key] for r in rows) / len(rows) if rows else 0.0


def summary(rows: list[dict]) -> dict:
    total = sum(r["fields_total"] for r in rows)
    return {
        "f1": mean(rows, "f1"),
        "p": mean(rows, "p"),
        "r": mean(rows, "r"),
        "fields": sum(r["fields_right"] for r in rows) / total if total else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, nargs="*", default=[DEFAULT_PAGES])
    parser.add_argument("--by-site", action="store_true", help="one line per site for deboiler")
    args = parser.parse_args()
    if not all(p.exists() for p in args.pages):
        sys.exit(f"no pages at {', '.join(map(str, args.pages))} (the real-page set lies beside the repository)")
    pairs = find_gold(args.pages)
    by_tool: dict[str, dict[str, list[dict]]] = {name: defaultdict(list) for name in TOOLS}
    for page, gold in pairs:
        expected, _, site = read_gold(gold)
        raw = page.read_bytes()
        for name, tool in TOOLS.items():
            description, fields = tool(raw)
            by_tool[name][site or "?"].append(score(description, fields, expected))
    sites = sorted(by_tool["deboiler"])
    print(f"# {len(pairs)} pages, {len(sites)} sites: {', '.join(map(str, args.pages))}")
    print(f"{'tool':28} {'F1':>6} {'line P':>7} {'line R':>7} {'fields':>7} | {'site F1':>7} {'site R':>7} {'min site R':>10}")
    for name in TOOLS:
        rows = [row for site in sites for row in by_tool[name][site]]
        overall = summary(rows)
        per_site = [summary(by_tool[name][site]) for site in sites]
        print(
            f"{name:28} {overall['f1']:6.3f} {overall['p']:7.3f} {overall['r']:7.3f} {overall['fields']:7.3f} | "
            f"{mean(per_site, 'f1'):7.3f} {mean(per_site, 'r'):7.3f} {min(s['r'] for s in per_site):10.3f}"
        )
    if args.by_site:
        print(f"\n{'site (deboiler)':28} {'pages':>5} {'F1':>6} {'line P':>7} {'line R':>7} {'fields':>7}")
        for site in sites:
            s = summary(by_tool["deboiler"][site])
            print(f"{site:28} {len(by_tool['deboiler'][site]):5} {s['f1']:6.3f} {s['p']:7.3f} {s['r']:7.3f} {s['fields']:7.3f}")


if __name__ == "__main__":
    main()
