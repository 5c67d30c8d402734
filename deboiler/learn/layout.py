"""deboiler learn: where the description stands, told from where the chrome stands around the prose.

On each page the template lines are known (recurring keys); what is left is free text. The largest
run of free lines (blank lines inside it, template lines ending it) is the episode's prose; the
template lines right before it are the candidates for the line that opens the description
(`opens_after`, those in between being `skip`), the template line right after it closes it
(`closes_at`). Which candidate is right is not guessed: each is tried with label.label_page, the
code `clean` runs, on every training page, and the one whose regions hold the most prose and the
fewest template lines wins. The title is the free header line right above the template line that
most pages print under a free header line (`[title] before`), as label.find_title reads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from deboiler.catalog.platforms import Platform, Rule
from deboiler.learn.mask import Masked
from deboiler.learn.pages import TrainingPage
from deboiler.learn.templates import Template
from deboiler.stages.label import Region, label_page

MAX_OPENER_DEPTH = 3  # how many template lines above the prose may stand between it and its opener
OPENER_SIGNATURE = 0.2  # the least detection weight an opener gets (learn_rules gives more to long ones)


@dataclass
class PageShape:
    """One page as learn sees it: which line is which template, where the prose is, which is the title."""

    kinds: list[str | None]  # per block: the template key, "" for free text, None for blank
    prose: tuple[int, int] = (0, 0)  # [start, end) of the main run of free text
    title_at: int = -1


@dataclass
class Layout:
    opens_after: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    closes_at: tuple[str, ...] = ()
    title_before: tuple[str, ...] = ()
    regions: list[list[Region]] = field(default_factory=list)  # per page, as find_regions reads it
    prose_lines: int = 0  # prose lines of the training pages ...
    prose_inside: int = 0  # ... and how many of them the regions hold
    template_inside: int = 0  # template lines the regions hold (should be none)
    title_votes: int = 0  # pages where the title stands right above a `title_before` line


def shape_pages(masks: Sequence[Sequence[Masked | None]], templates: dict[str, Template]) -> list[PageShape]:
    """Each page's lines as template or free, and its prose: of the runs of free lines, the longest
    that stands where the longest runs of most pages stand (between the same two template lines), so
    that a one-off banner in a page's header is not taken for the prose of a short episode."""
    shapes, runs = [], []
    for page in masks:
        kinds = [None if m is None else (m.key if m.key in templates else "") for m in page]
        shapes.append(PageShape(kinds))
        runs.append(_free_runs(kinds, page))
    usual = Counter(
        _context(shape.kinds, *max(r, key=lambda r: (r[0], -r[1]))[1:]) for shape, r in zip(shapes, runs) if r
    )
    for shape, page_runs in zip(shapes, runs):
        if not page_runs:
            continue
        placed = [r for r in page_runs if _context(shape.kinds, r[1], r[2]) == usual.most_common(1)[0][0]]
        _, start, end = max(placed or page_runs, key=lambda r: (r[0], -r[1]))  # the first of equal runs
        shape.prose = (start, end)
    return shapes


def _free_runs(kinds: list[str | None], page: Sequence[Masked | None]) -> list[tuple[int, int, int]]:
    """(characters, start, end) of each run of free lines; blank lines inside a run belong to it."""
    runs, start = [], None
    for i, kind in enumerate([*kinds, "<end>"]):
        if kind == "":
            start = i if start is None else start
        elif kind is not None and start is not None:
            end = i
            while end > start and kinds[end - 1] is None:
                end -= 1
            chars = sum(len(page[j].key) for j in range(start, end) if kinds[j] == "")
            runs.append((chars, start, end))
            start = None
    return runs


def _context(kinds: list[str | None], start: int, end: int) -> tuple[str | None, str | None]:
    before = next((k for k in reversed(kinds[:start]) if k), None)
    after = next((k for k in kinds[end:] if k), None)
    return before, after


def find_title_rule(shapes: Sequence[PageShape], groups: Sequence[Sequence[int]]) -> tuple[tuple[str, ...], int]:
    """Per UI group, the template line most pages print right under a free header line; each page's
    title is then the last free header line above the first such line (label.find_title's reading)."""
    chosen: list[str] = []
    votes_total = 0
    for group in groups:
        votes: Counter[str] = Counter()
        for p in group:
            votes.update(_under_free_header_lines(shapes[p]))
        if votes:
            key, n = votes.most_common(1)[0]
            if n >= max(1, len(group) // 2):
                votes_total += n
                if key not in chosen:
                    chosen.append(key)
    for shape in shapes:
        shape.title_at = _title_of(shape, set(chosen))
    return tuple(chosen), votes_total


def _under_free_header_lines(shape: PageShape) -> list[str]:
    # In page order, not a set: equal votes go to the first counted, the same in every process.
    kinds, found = shape.kinds, {}
    for i in range(shape.prose[0]):
        if kinds[i] != "":
            continue
        j = i + 1
        while j < shape.prose[0] and kinds[j] is None:
            j += 1
        if j < shape.prose[0] and kinds[j]:
            found[kinds[j]] = None
    return list(found)


def _title_of(shape: PageShape, below: set[str]) -> int:
    free = [i for i in range(shape.prose[0]) if shape.kinds[i] == ""]
    for i in range(shape.prose[0]):
        if shape.kinds[i] in below:
            above = [f for f in free if f < i]
            return above[-1] if above else -1
    return -1


def find_layout(
    pages: Sequence[TrainingPage],
    shapes: Sequence[PageShape],
    draft: Platform,
    title_before: tuple[str, ...],
) -> Layout:
    """Try each opener depth and closer set on every page; keep the one that frames the prose best."""
    chains = [_above(shape) for shape in shapes]
    firsts, seconds = [], []
    for page, shape in zip(pages, shapes):
        after = [k for k in shape.kinds[shape.prose[1] :] if k]
        if after:
            firsts.append(after[0])
            if len(after) > 1:
                seconds.append((page.locale, after[1]))
    closers = _ordered(firsts)
    # The line after the closer closes too where most pages of a UI print it there: a page that lacks
    # the closer ("continue reading" on a description short enough to show whole) still ends.
    per_locale = Counter(page.locale for page in pages)
    backups = [k for (loc, k), n in Counter(seconds).items() if n >= 0.6 * per_locale[loc] and k not in closers]
    best: Layout | None = None
    tried = []
    for depth in range(1, MAX_OPENER_DEPTH + 1):
        at_depth = [chain for chain in chains if len(chain) >= depth]
        every = _ordered(chain[depth - 1] for chain in at_depth)
        # Every line found at this depth, or only the most common one (a page whose own opener was not
        # learned may show the brand line there instead, which must not open the description everywhere).
        for openers in dict.fromkeys((every, every[:1])):
            chosen = [chain for chain in at_depth if chain[depth - 1] in openers]
            skip = _ordered(k for chain in chosen for k in chain[: depth - 1])
            if openers and not set(openers) & set(skip):
                tried.append((openers, skip))
    for openers, skip in tried:
        for closes in (tuple(closers) + tuple(backups), tuple(closers)):
            candidate = Layout(openers, skip, closes, title_before)
            # Openers are written as signature lines, which find_regions lets cut a region short.
            rules = {**draft.rules, **{k: replace(draft.rules[k], signature=OPENER_SIGNATURE) for k in openers}}
            platform = replace(
                draft,
                rules=rules,
                opens_after=openers,
                skip=skip,
                closes_at=closes,
                title_before=title_before,
                _matchers={},
            )
            _score(candidate, pages, shapes, platform)
            if best is None or _rank(candidate) > _rank(best):
                best = candidate
    return best or Layout(title_before=title_before, regions=[[] for _ in pages])


def _rank(layout: Layout) -> tuple[int, int]:
    # Prose held, less what does not belong; on a tie the first tried wins (nearest opener, backups).
    return (layout.prose_inside - 2 * layout.template_inside, 0)


def _score(layout: Layout, pages, shapes, platform: Platform) -> None:
    layout.regions = []
    for page, shape in zip(pages, shapes):
        # The regions `clean` would find: label_page itself, on the page as the learner read it.
        regions = label_page(page.blocks, platform, page.locale).regions
        layout.regions.append(regions)
        inside = {i for r in regions for i in range(r.start, r.end)}
        prose = [i for i in range(*shape.prose) if shape.kinds[i] == ""]
        layout.prose_lines += len(prose)
        layout.prose_inside += sum(1 for i in prose if i in inside)
        layout.template_inside += sum(1 for i in inside if shape.kinds[i])
        if shape.title_at in inside:
            layout.template_inside += 3  # a region that swallows the title has opened too early


def _above(shape: PageShape) -> list[str]:
    """Template keys above the prose, nearest first, up to the first free line."""
    chain = []
    for i in range(shape.prose[0] - 1, -1, -1):
        kind = shape.kinds[i]
        if kind == "":
            break
        if kind:
            chain.append(kind)
    return chain


def _ordered(keys) -> tuple[str, ...]:
    counted = Counter(keys)
    return tuple(k for k, _ in counted.most_common())


def draft_platform(templates: dict[str, Template], pages: Sequence[TrainingPage]) -> Platform:
    """The templates as a platform whose rule names are their keys, to try layouts with."""
    rules = {}
    for key, template in templates.items():
        locales = sorted({pages[p].locale for p in template.pages})
        rules[key] = Rule(key, template.label, "learned", 0.0, {loc: (template.phrase,) for loc in locales})
    return Platform(
        id="learned",
        name="learned",
        hosts=(),
        brands=(),
        default_locale=pages[0].locale,
        rules=rules,
        opens_after=(),
        fallback_opens_after=(),
        skip=(),
        closes_at=(),
        title_before=(),
        host_locales={},
        source=pages[0].name,  # type: ignore[arg-type]
    )
