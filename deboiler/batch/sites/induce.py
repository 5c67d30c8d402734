"""Learning one site's template from its sampled pages, and deciding whether pass 2 uses it.

The induction is `deboiler learn`'s own (deboiler.learn.run.learn): a line on one page only is never
chrome, a line only one show repeats is that show's boilerplate, and pages that share nothing give no
template. The learned file is then tried on the sample, beside what the batch would do without it
(a built-in or --platforms-dir platform, else the unknown-site path), and used only when

- it gives a description on (nearly) every sampled page,
- it keeps the lines the usual path keeps as description that no other sampled page prints and no
  learned phrase explains (a line on one page is the episode's: recall first), and
- where a platform already covers the site, it labels more lines than that platform does.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from deboiler.catalog.platforms import Catalog, Platform, load_platform_file
from deboiler.errors import DeboilerError
from deboiler.learn.platform_file import write_platform
from deboiler.learn.run import NothingLearned, learn
from deboiler.options import CleanOptions
from deboiler.pipeline import clean, default_catalog

DESCRIBED_SHARE = 0.8  # sampled pages the template must give a description on
LOST_SHARE = 0.02  # one-page description lines it may drop, of those the usual path keeps
LONG_LINE = 40  # characters: shorter one-page lines (a title, a date) are not counted as lost
_UNLABELLED = ("content", "blank")
_KEEPS = ("content", "duplicate", "show_boilerplate")  # in the description, or printed there once already


@dataclass
class SiteResult:
    """What pass 1 decided for one site (also what the summary and the learned folder's index say)."""

    key: str  # the host, or "#N" for a group of URL-less pages
    platform_id: str
    records: int  # records of the site in the batch
    sampled: int  # pages learned from
    used: bool = False
    verdict: str = ""  # why (not) used, in a few words
    text: str | None = None  # the platform file, when one was learned
    rules: int = 0
    labelled: int = 0  # lines the template labels on the sample ...
    usual_labelled: int = 0  # ... and the usual path
    described: int = 0  # sampled pages it gives a description on
    lost: int = 0  # one-page description lines the usual path keeps and the template drops


MAX_SHOW_CHARS = 80


def show_named_again(guess: str | None, lines: list[str]) -> str | None:
    """The page's show, as far as the page itself vouches for it: a show's name is printed more than
    once (its own line, and inside "Subscribe to X", "More from X", a licence notice). `clean`'s guess
    where another line holds it too; else the line that most other lines hold (two at least); else None
    (a wrong show would make one show's recurring lines look like several shows', hence chrome)."""

    def holders(name: str) -> int:
        return sum(1 for line in lines if line != name and name in line)

    if guess and holders(guess) >= 1:
        return guess
    best, most = None, 1
    for line in dict.fromkeys(lines):
        if 2 < len(line) <= MAX_SHOW_CHARS and line[-1] not in ".!?" and (n := holders(line)) > most:
            best, most = line, n
    return best


def platform_id_for(key: str) -> str:
    """A learned platform is named after its site: the host, or unnamed-site-N for URL-less pages."""
    return f"unnamed-site-{key[1:]}" if key.startswith("#") else key


def learn_site(
    key: str, pages: list[tuple[str, bytes]], records: int, options: CleanOptions, min_pages: int
) -> SiteResult:
    """Learn `key`'s template from its sample and try it there (runs in a worker process or here)."""
    pid = platform_id_for(key)
    result = SiteResult(key, pid, records, len(pages))
    usual = CleanOptions(catalog=options.catalog, langid_backend="none", max_bytes=options.max_bytes, explain=True)
    shows = []
    for _, data in pages:  # each page's show: learn tells a show's own lines from chrome by them
        try:
            episode = clean(data, options=usual)
        except DeboilerError:
            shows.append(None)
            continue
        shows.append(show_named_again(episode.show, [v.text for v in episode.lines if v.text]))
    try:
        learned = learn(pages, pid, None if key.startswith("#") else key, options.max_bytes, min_pages, shows)
    except NothingLearned:
        result.verdict = "no template: its pages share no chrome"
        return result
    except DeboilerError as exc:  # too few different pages, a page that is not one
        result.verdict = f"no template: {exc}"
        return result
    except Exception as exc:  # noqa: BLE001 - learn's own failure on odd pages costs this site its template, not the batch
        result.verdict = f"no template: learning failed ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"
        return result
    if not key.startswith("#") and key not in learned.hosts:
        learned.hosts.insert(0, key)  # the site's own host: detection evidence for saved HTML
    result.text = write_platform(learned)
    result.rules = len(learned.rules)
    platform = _load(result.text, pid)
    _try_on_sample(result, platform, pages, options)
    return result


def _load(text: str, pid: str) -> Platform:
    fd, name = tempfile.mkstemp(suffix=".toml", prefix="deboiler-learned-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return load_platform_file(Path(name))
    finally:
        os.unlink(name)


def _by_phrase(rule: str, platform: Platform) -> bool:
    """Whether a verdict's rule is one of the platform's phrase rules ("site/cs:share", "site:podcasty"),
    not its layout (title, template-header, description)."""
    owner, _, name = rule.rpartition(":")
    return owner.split("/", 1)[0] == platform.id and name in platform.rules


def _try_on_sample(result: SiteResult, platform: Platform, pages: list[tuple[str, bytes]], options: CleanOptions) -> None:
    base = options.catalog or default_catalog()
    usual = CleanOptions(catalog=base, langid_backend="none", max_bytes=options.max_bytes, explain=True)
    mine = CleanOptions(
        catalog=Catalog({**base.platforms, platform.id: platform}),
        platform=platform.id,
        langid_backend="none",
        max_bytes=options.max_bytes,
        explain=True,
    )
    cleaned = []
    for _, data in pages:
        try:
            cleaned.append((clean(data, options=usual), clean(data, options=mine)))
        except DeboilerError:
            continue
    on_pages = Counter(text for before, _ in cleaned for text in {v.text for v in before.lines if v.text})
    covered = Counter(before.platform for before, _ in cleaned if before.platform)
    kept_usual = 0
    for before, after in cleaned:
        explained = {v.text: _by_phrase(v.rule, platform) for v in after.lines}
        result.described += bool(after.description)
        result.labelled += sum(1 for v in after.lines if v.label not in _UNLABELLED)
        result.usual_labelled += sum(1 for v in before.lines if v.label not in _UNLABELLED)
        # Lost: a line of this page only that the usual path keeps, for the description or in doubt,
        # and the template drops without a learned phrase for it (by position, or as the title). A line
        # a learned phrase matches recurs, its slot filled (a show's name), on other pages: chrome.
        kept = {v.text for v in after.lines if v.label in _KEEPS} if after.description else set()
        for v in before.lines:
            if v.label != "content" or len(v.text) < LONG_LINE or on_pages[v.text] != 1:
                continue
            kept_usual += 1
            if v.text not in kept and not explained.get(v.text):
                result.lost += 1
    n = len(cleaned)
    owner, owned = covered.most_common(1)[0] if covered else (None, 0)
    if n == 0 or result.described < DESCRIBED_SHARE * n:
        result.verdict = f"not used: it gives a description on {result.described} of {n} sampled pages"
    elif result.lost > LOST_SHARE * kept_usual:
        result.verdict = f"not used: it drops {result.lost} description lines the usual path keeps"
    elif owner and owned * 2 > n and result.labelled <= result.usual_labelled:
        result.verdict = f"left to {owner}, which labels as many lines ({result.usual_labelled} >= {result.labelled})"
    else:
        result.used = True
        beside = f"{owner} labels {result.usual_labelled}" if owner and owned * 2 > n else (
            f"the unknown-site path labels {result.usual_labelled}"
        )
        result.verdict = f"learned: labels {result.labelled} lines of its {n} sampled pages ({beside})"
