"""Score deboiler against hand-written gold: `deboiler eval corpora/`.

A gold page is `NAME.txt` (or `.html`) beside `NAME.gold.json`. Two gold formats are read:
- the corpora's: "episode" holds the expected fields and the description as a list of lines ("" between
  paragraphs);
- a flat record (the real-page sets): "description" as one string, "title", "show", "published",
  "duration", and "group" (the site) to report by. Only those four fields are scored: its "platform"
  names a site, not a deboiler platform.
Per page we report the token F1 of the description, line precision and recall, repeated and invented
lines, and which fields are wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from deboiler.pipeline import clean
from deboiler.stages.load import load
from deboiler.stages.page import read_page

FLAT_FIELDS = ("title", "show", "published", "duration")
FIELDS = ("platform", "locale", "language", "show", "title", "published", "duration", "episode_count", "ids")
PAGE_SUFFIXES = (".txt", ".html", ".htm")
_TOKEN = re.compile(r"\w+")


@dataclass
class PageScore:
    page: str
    platform: str | None  # the gold's platform, to summarise per platform
    token_f1: float
    line_precision: float
    line_recall: float
    duplicate_lines: int
    invented_lines: int
    fields_right: int
    fields_total: int
    wrong_fields: dict[str, tuple] = field(default_factory=dict)


def find_gold(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(page, gold) pairs under the given files or folders, sorted by path."""
    pairs = []
    for root in paths:
        golds = [root] if root.is_file() else sorted(root.rglob("*.gold.json"))
        for gold in golds:
            stem = gold.name[: -len(".gold.json")]
            # A text dump and a saved HTML of the same page share one gold file.
            for suffix in PAGE_SUFFIXES:
                page = gold.with_name(stem + suffix)
                if page.exists():
                    pairs.append((page, gold))
    return pairs


def score_page(page: Path, gold: Path, langid_backend: str = "fasttext") -> PageScore:
    raw = page.read_bytes()
    expected, fields, group = read_gold(gold)
    got = clean(raw, langid_backend=langid_backend)
    want_lines = [" ".join(line.split()) for line in expected["description"] if line.strip()]
    got_lines = [line for line in got.description.split("\n") if line]
    input_lines = {" ".join(line.split()) for line in got_input_lines(raw)}
    want_count = Counter(want_lines)
    precision, recall = overlap(Counter(got_lines), want_count)
    wrong = {}
    for name in fields:
        want = expected.get(name, {} if name == "ids" else None)
        have = getattr(got, name)
        if want != have:
            wrong[name] = (want, have)
    return PageScore(
        page=str(page),
        platform=group,
        token_f1=token_f1(" ".join(got_lines), " ".join(want_lines)),
        line_precision=precision,
        line_recall=recall,
        # printed more often than the gold prints it (a creator may repeat a line on purpose)
        duplicate_lines=sum(max(0, c - max(1, want_count[line])) for line, c in Counter(got_lines).items()),
        invented_lines=sum(1 for line in got_lines if line not in input_lines),
        fields_right=len(fields) - len(wrong),
        fields_total=len(fields),
        wrong_fields=wrong,
    )


def read_gold(gold: Path) -> tuple[dict, tuple[str, ...], str | None]:
    """(expected fields with the description as lines, the fields to score, the group to report by)."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    if "episode" in data:
        return data["episode"], FIELDS, data["episode"].get("platform")
    expected = {name: data.get(name) for name in FLAT_FIELDS}
    expected["description"] = data.get("description", "").split("\n")
    return expected, FLAT_FIELDS, data.get("group") or data.get("platform")


def gold_pages_by_platform(paths: list[Path]) -> Counter:
    """How many gold pages (text and HTML counted apart) each platform has; None counts unknown sites."""
    counts: Counter = Counter()
    for _, gold in find_gold(paths):
        counts[read_gold(gold)[2]] += 1
    return counts


def got_input_lines(raw: bytes) -> list[str]:
    """The page's lines as deboiler reads them (for HTML: the rendered lines, not the source)."""
    return [b.text for b in read_page(load(raw)).blocks]


def token_f1(got: str, want: str) -> float:
    g, w = Counter(_TOKEN.findall(got)), Counter(_TOKEN.findall(want))
    if not g and not w:
        return 1.0
    precision, recall = overlap(g, w)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def overlap(got: Counter, want: Counter) -> tuple[float, float]:
    """(precision, recall) of `got` against `want`, both counts of lines or tokens."""
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else (1.0 if not want else 0.0)
    recall = common / sum(want.values()) if want else 1.0
    return precision, recall


def summarise(scores: list[PageScore]) -> dict:
    n = len(scores) or 1
    right = sum(s.fields_right for s in scores)
    total = sum(s.fields_total for s in scores) or 1
    return {
        "pages": len(scores),
        "token_f1": sum(s.token_f1 for s in scores) / n,
        "line_precision": sum(s.line_precision for s in scores) / n,
        "line_recall": sum(s.line_recall for s in scores) / n,
        "duplicate_lines": sum(s.duplicate_lines for s in scores),
        "invented_lines": sum(s.invented_lines for s in scores),
        "field_accuracy": right / total,
    }


def summarise_by_platform(scores: list[PageScore]) -> dict[str, dict]:
    """`summarise` per gold platform ("unknown" for pages of sites deboiler does not know)."""
    groups: dict[str, list[PageScore]] = {}
    for s in scores:
        groups.setdefault(s.platform or "unknown", []).append(s)
    return {name: summarise(group) for name, group in sorted(groups.items())}
