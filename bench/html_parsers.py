"""HTML parsers side by side: parse time, parse + visible text, and whether their texts agree.

    python bench/html_parsers.py                  # AEB's 181 pages and every corpora/**/*.html
    python bench/html_parsers.py --repeat 5 --limit 50

Every parser gets the same decoded str (deboiler's own loader decodes the bytes once). "Visible
text" is the same simple walk for each tree: depth first with an explicit stack, skipping head,
script, style, noscript and template, collecting text nodes. It is not deboiler's renderer (no
block/line rules): it measures what a walk over each library's nodes costs from Python. A second
timing uses each library's own text extraction (lxml itertext, selectolax .text(), bs4 get_text)
after dropping the same elements. Agreement is the token overlap (Dice on \\w+ multisets) of a
parser's walked text with lxml.html's, per page; the mean and the worst page are printed.
Times are the best of --repeat runs over the whole page set, one core.
"""

from __future__ import annotations

import argparse
import gzip
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

SKIP = frozenset("head script style noscript template".split())
_TOKEN = re.compile(r"\w+")


# --- lxml ------------------------------------------------------------------------------------------


def lxml_html_parse(text: str):
    from lxml import html

    return html.document_fromstring(text)


def lxml_etree_parse(text: str):
    """deboiler's own parse (html_blocks.parse): lxml's etree.HTMLParser, comments dropped, no id
    table, lxml.html's HtmlElement class set in C (so that trafilatura can take the tree)."""
    from deboiler.stages.html_blocks import parse

    return parse(text)


def lxml_walk(root) -> str:
    out: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
            continue
        tag = node.tag
        if node.tail and node is not root:
            stack.append(node.tail)  # after the children: pushed first
        if not isinstance(tag, str) or tag.lower() in SKIP:
            continue
        stack.extend(reversed(node))
        if node.text:
            stack.append(node.text)
    return " ".join(out)


def lxml_builtin(root) -> str:
    from lxml import etree

    etree.strip_elements(root, *SKIP, etree.Comment, with_tail=False)
    return " ".join(root.itertext())


# --- selectolax (lexbor) ---------------------------------------------------------------------------


def selectolax_parse(text: str):
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(text)


def selectolax_walk(tree) -> str:
    out: list[str] = []
    root = tree.root
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == "-text":
            out.append(node.text_content or "")
            continue
        if tag in SKIP or tag.startswith("-") and tag != "-document":
            continue  # comments, doctype
        children = list(node.iter(include_text=True))
        stack.extend(reversed(children))
    return " ".join(out)


def selectolax_builtin(tree) -> str:
    tree.strip_tags(list(SKIP))
    root = tree.root
    return root.text(separator=" ") if root is not None else ""


# --- BeautifulSoup (lxml parser) -------------------------------------------------------------------


def bs4_parse(text: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "lxml")


def bs4_walk(soup) -> str:
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    out: list[str] = []
    stack = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                out.append(str(node))
            continue
        if isinstance(node, Tag) and node.name in SKIP:
            continue
        stack.extend(reversed(node.contents))
    return " ".join(out)


def bs4_builtin(soup) -> str:
    for tag in soup.find_all(list(SKIP)):
        tag.decompose()
    return soup.get_text(" ")


PARSERS = {
    "lxml.html document_fromstring": (lxml_html_parse, lxml_walk, lxml_builtin),
    "lxml etree HTMLParser (deboiler)": (lxml_etree_parse, lxml_walk, lxml_builtin),
    "selectolax lexbor": (selectolax_parse, selectolax_walk, selectolax_builtin),
    "bs4 + lxml": (bs4_parse, bs4_walk, bs4_builtin),
}
REFERENCE = "lxml.html document_fromstring"


def best_time(fn, items, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - start)
    return best


def dice(a: str, b: str) -> float:
    ta, tb = Counter(_TOKEN.findall(a.casefold())), Counter(_TOKEN.findall(b.casefold()))
    total = sum(ta.values()) + sum(tb.values())
    return 2 * sum((ta & tb).values()) / total if total else 1.0


def load_sets(args) -> list[tuple[str, list[str]]]:
    from deboiler.stages.load import load

    sets = []
    if not args.no_aeb:
        files = sorted((args.aeb / "html").glob("*.html.gz"))[: args.limit]
        sets.append((f"AEB ({len(files)} news pages)", [load(gzip.decompress(f.read_bytes())).text for f in files]))
    corpora = sorted((ROOT / "corpora").rglob("*.html"))[: args.limit]
    if corpora:
        sets.append((f"corpora ({len(corpora)} podcast pages)", [load(f.read_bytes()).text for f in corpora]))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB, help="AEB folder (default: %(default)s)")
    parser.add_argument("--no-aeb", action="store_true", help="only corpora/**/*.html")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N pages of each set")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per row; the best counts (default 3)")
    args = parser.parse_args()

    import bs4
    import lxml
    import selectolax

    print(f"# {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(
        f"# Python {platform.python_version()}, lxml {lxml.__version__}, selectolax {selectolax.__version__} (lexbor), "
        f"beautifulsoup4 {bs4.__version__}; one core, best of {args.repeat}"
    )
    for name, pages in load_sets(args):
        mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        print(f"\n## {name}, {mb:.1f} MB of HTML")
        print(
            f"{'parser':34} {'parse ms/pg':>11} {'pages/s':>8} {'+walk ms/pg':>11} {'pages/s':>8} "
            f"{'+builtin ms/pg':>14} {'agree mean':>10} {'agree min':>9}"
        )
        texts = {key: [walk(parse(p)) for p in pages] for key, (parse, walk, _) in PARSERS.items()}
        for key, (parse, walk, builtin) in PARSERS.items():
            t_parse = best_time(parse, pages, args.repeat)
            t_walk = best_time(lambda p, parse=parse, walk=walk: walk(parse(p)), pages, args.repeat)
            t_builtin = best_time(lambda p, parse=parse, builtin=builtin: builtin(parse(p)), pages, args.repeat)
            agree = [dice(a, b) for a, b in zip(texts[key], texts[REFERENCE])]
            n = len(pages)
            print(
                f"{key:34} {t_parse / n * 1e3:11.2f} {n / t_parse:8.0f} {t_walk / n * 1e3:11.2f} {n / t_walk:8.0f} "
                f"{t_builtin / n * 1e3:14.2f} {statistics.mean(agree):10.4f} {min(agree):9.4f}"
            )


if __name__ == "__main__":
    main()
