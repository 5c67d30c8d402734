"""`deboiler learn`: write a platform file from a handful of pages of a site deboiler does not know.

The chrome of a site repeats from page to page with only its values changing (the show in a license
notice, a count, a date); the episode text changes. So, from five pages or more of one site:

1. pages: read every page as `clean` does; group the pages by UI language.
2. mask: mask in each line the values that may change (links, dates, durations, numbers).
3. templates: align lines that differ only in a name to find each page's show; mask the show
   (and, once known, the title) too; a masked line on two pages or more, of two shows or more, is a
   template line, and its values that differ between pages become slots.
4. layout: the prose is the largest run of free lines; the description opener, skip lines,
   closers and the title rule are chosen by running label.find_regions on every page.
5. rules: UIs' lines paired into named rules; signatures, host and brand for detection.
6. platform_file: the file (the Learned record, learned.py), with a comment on every rule saying what it was learned from.

Two rules keep it honest. A line on one page only is never chrome (every template recurs). A line that
recurs only on the episodes of one show, inside the description, is that show's boilerplate (a
sponsor footer), not platform chrome: it is written as a `show_boilerplate` rule, which keeps it in
the description unless the caller drops it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from deboiler.catalog.lexicon import hosting_footer
from deboiler.catalog.platforms import Catalog, load_platform_file
from deboiler.errors import DeboilerError, InputNotFound, OutputError, UsageError
from deboiler.learn.layout import draft_platform, find_layout, find_title_rule, shape_pages
from deboiler.learn.learned import Learned, ShowBoilerplate
from deboiler.learn.mask import Masked, is_bare, mask
from deboiler.learn.pages import TrainingPage, group_by_locale, guess_locales, read_training_page
from deboiler.learn.platform_file import platform_id_from, write_platform
from deboiler.learn.rules import build_rules, choose_signatures, find_brand, find_hosts
from deboiler.learn.templates import Template, find_shows, make_template, recurring
from deboiler.pipeline import clean
from deboiler.stages.load import DEFAULT_MAX_BYTES

MIN_PAGES = 5
CORE_SHARE = 0.6  # a template line on this share of its UI's pages frames the prose
PAGE_SUFFIXES = (".txt", ".html", ".htm")


class NothingLearned(DeboilerError):
    """The pages share no template: not pages of one site, or too few of them."""


def learn(
    pages: Sequence[tuple[str, bytes]],
    platform_id: str,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_pages: int = MIN_PAGES,
    shows_read: Sequence[str | None] | None = None,
) -> Learned:
    """Learn a platform from (name, page bytes) pairs of one site (at least `min_pages` different ones;
    `batch --learn-sites --learn-min-pages` may ask for fewer than `learn`'s five, never fewer than two).
    `shows_read`: per page, the show `clean` read on it (batch --learn-sites passes them), which stands
    in for the markup's where a text dump has none: with the shows told apart, what one show repeats
    (a sponsor line) is its boilerplate, not chrome."""
    min_pages = max(2, min_pages)
    if len(pages) < min_pages:
        raise UsageError(f"learn needs at least {min_pages} pages of one site, got {len(pages)}")
    read, warnings, seen, hinted = [], [], {}, []
    for k, (page_name, data) in enumerate(pages):
        try:
            page = read_training_page(page_name, data, max_bytes)
        except DeboilerError as exc:
            raise type(exc)(f"{page_name}: {exc}") from None
        text = tuple(b.text for b in page.blocks if b.text)
        if text in seen:
            # A copy would make every line of its description "recur": it counts once.
            warnings.append(f"{page_name} shows the same text as {seen[text]}: learned from once")
            continue
        seen[text] = page_name
        read.append(page)
        hinted.append(shows_read[k] if shows_read else None)
    if len(read) < min_pages:
        raise UsageError(f"learn needs at least {min_pages} different pages of one site, got {len(read)}")
    # The show of each page: the markup's, else the name the template lines print in their gaps. Found
    # once before the UIs are known (dates read in any UI the pages seem to be in), to tell the UIs
    # apart by the lines that several shows print, and again within each UI.
    marked = [p.markup.show if p.markup and p.markup.show else h for p, h in zip(read, hinted)]
    everyone = [list(range(len(read)))]
    first = find_shows(_masks(read, locales=guess_locales(read)), everyone)
    shows = [m or f for m, f in zip(marked, first)]
    groups = group_by_locale(read, shows)
    again = find_shows(_masks(read), groups)
    shows = [m or a or f for m, a, f in zip(marked, again, first)]
    # Whose pages a line stands on. With one show (or none found) what the show repeats cannot be told
    # from what the platform prints: every page then counts as a show of its own, and no show
    # boilerplate is learned; the show's name is still a slot where it was found.
    owners = shows
    if len({s for s in shows if s}) < 2:
        warnings.append(
            "the pages name fewer than two shows: lines every episode of the show repeats will be taken "
            "for chrome; learn from pages of two shows or more to tell them apart"
        )
        owners = [None] * len(read)

    # Round one finds the title of each page; round two masks it too, so chrome naming it recurs.
    masks = _masks(read, shows)
    core = _core(_templates(masks, owners), read, groups)
    shapes = shape_pages(masks, core)
    find_title_rule(shapes, groups)
    titles = [p.blocks[s.title_at].text if s.title_at >= 0 else None for p, s in zip(read, shapes)]

    masks = _masks(read, shows, titles)
    candidates = {key: t for key, t in _templates(masks, owners).items() if not _hosting_footer(t, read)}
    core = _core(candidates, read, groups)
    if not core:
        raise NothingLearned(
            f"no line recurs on {CORE_SHARE:.0%} of the pages of one UI: are these {len(read)} pages of one site?"
        )
    shapes = shape_pages(masks, core)
    title_before, votes = find_title_rule(shapes, groups)
    layout = find_layout(read, shapes, draft_platform(core, read), title_before)
    layout.title_votes = votes

    # A recurring line inside a description on some page is the creator's there, so not chrome,
    # unless it is chrome on most pages (a creator quoting the "Share" button does not make it prose).
    inside = [{i for r in regions for i in range(r.start, r.end)} for regions in layout.regions]
    final = {
        key: t
        for key, t in candidates.items()
        if key in core or not any(o.index in inside[o.page] for o in t.occurrences)
    }
    rules, names = build_rules(final, read, groups, layout)
    learned = Learned(
        id=platform_id,
        name=name or platform_id,
        hosts=find_hosts(read, list(final.values())),
        brand=None,
        default_locale=read[groups[0][0]].locale,
        pages=read,
        groups=groups,
        shows=shows,
        rules=rules,
        names=names,
        layout=layout,
        boilerplate=_show_boilerplate(read, owners, inside, set(final)),
        warnings=warnings,
    )
    learned.brand = find_brand(read, learned.hosts, list(final.values()))
    learned.name = name or learned.brand or platform_id
    choose_signatures(rules, read, set(learned.rule_names(layout.opens_after)))
    return learned


def _hosting_footer(template: Template, pages: Sequence[TrainingPage]) -> bool:
    """A line a hosting service adds to every episode's notes (the lexicon's hosting_footers): the
    show's text, though every show of the site prints it."""
    first = template.occurrences[0]
    text = pages[first.page].blocks[first.index].text
    return hosting_footer(text)


def _masks(pages: Sequence[TrainingPage], shows=None, titles=None, locales=None) -> list[list[Masked | None]]:
    shows = shows or [None] * len(pages)
    titles = titles or [None] * len(pages)
    return [
        [mask(b.text, locales or p.locale, show, title) if b.text else None for b in p.blocks]
        for p, show, title in zip(pages, shows, titles)
    ]


def _templates(masks: list[list[Masked | None]], shows: Sequence[str | None]) -> dict[str, Template]:
    """Every recurring line of two shows or more that a phrase can say."""
    out = {}
    for key, occurrences in recurring(masks).items():
        # A page whose show is unknown counts as a show of its own.
        if len({shows[o.page] or f"#{o.page}" for o in occurrences}) < 2 or is_bare(key):
            continue
        template = make_template(key, occurrences, shows)
        if template is not None:
            out[key] = template
    return out


def _core(templates: dict[str, Template], pages, groups) -> dict[str, Template]:
    def frames(t: Template) -> bool:
        return any(len(t.pages & set(g)) >= max(2, CORE_SHARE * len(g)) for g in groups)

    return {key: t for key, t in templates.items() if frames(t)}


def _show_boilerplate(pages, shows, inside, template_keys) -> list[ShowBoilerplate]:
    """Lines inside the description on two pages or more, all of one show, and on no other show's page."""
    on_pages: dict[str, set[int]] = {}
    inside_pages: dict[str, set[int]] = {}
    for p, page in enumerate(pages):
        for i, block in enumerate(page.blocks):
            if block.text:
                on_pages.setdefault(block.text, set()).add(p)
                if i in inside[p]:
                    inside_pages.setdefault(block.text, set()).add(p)
    per_show = Counter(s for s in shows if s)
    found = []
    for text, carriers in inside_pages.items():
        owners = {shows[p] for p in on_pages[text]}
        if len(carriers) >= 2 and len(owners) == 1 and None not in owners and "{" not in text and "}" not in text:
            show = next(iter(owners))
            found.append(ShowBoilerplate(text, show, len(carriers), per_show[show]))
    return found


def summary(learned: Learned, output: Path) -> str:
    """What `deboiler learn` prints: what it learned, and how the written file does on its own pages."""
    uis = ", ".join(f"{p.locale} {len(g)}" for g in learned.groups for p in learned.pages[g[0] : g[0] + 1])
    opens = ", ".join(learned.rule_names(learned.layout.opens_after)) or "nothing (no opener found)"
    closes = ", ".join(learned.rule_names(learned.layout.closes_at)) or "the end of the page"
    n = len(learned.pages)
    kept_on, detected = learned.checked or (0, 0)
    return (
        f"learned {learned.id} ({learned.name}) from {n} pages (UI locales: {uis}): {len(learned.rules)} rules, "
        f"{len(learned.boilerplate)} show-boilerplate lines; the description opens after {opens} and closes at "
        f"{closes}. Wrote {output}; cleaned with it, {detected} of the {n} pages are detected as {learned.id} "
        f"and {kept_on} give a description."
    ) + "".join(f"\nwarning: {w}" for w in learned.warnings)


def check_on_training_pages(output: Path, pages: Sequence[tuple[str, bytes]], max_bytes: int) -> tuple[int, int]:
    """Clean the training pages with the written file alone: (pages with a description, pages detected)."""
    platform = load_platform_file(output)
    catalog = Catalog({platform.id: platform})
    kept = detected = 0
    for _, data in pages:
        episode = clean(data, catalog=catalog, max_bytes=max_bytes, langid_backend="none")
        detected += episode.platform == platform.id
        kept += bool(episode.description)
    return kept, detected


def page_files(paths: Sequence[str | Path]) -> list[Path]:
    """The page files named, folders giving their .txt/.html/.htm files (sorted, recursively)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise InputNotFound(f"no such file: {raw}")
    return files


def _passed_over(paths: Sequence[str | Path]) -> list[str]:
    """The files in the folders named that page_files does not take (not .txt/.html/.htm)."""
    return [
        str(f)
        for raw in paths
        if Path(raw).is_dir()
        for f in sorted(Path(raw).rglob("*"))
        if f.is_file() and f.suffix.lower() not in PAGE_SUFFIXES
    ]


def learn_files(
    paths: Sequence[str | Path],
    output: str | Path,
    platform_id: str | None = None,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Learned:
    """Learn from page files and write the platform file; returns what was learned."""
    output = Path(output)
    if output.suffix != ".toml":
        raise UsageError(f"the platform file must end in .toml (--platforms-dir reads <id>.toml files): {output}")
    files = page_files(paths)
    pages = []
    for f in files:
        size = f.stat().st_size
        if size > max_bytes:
            raise UsageError(f"{f}: {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        pages.append((f.name, f.read_bytes()))
    if len(pages) < MIN_PAGES:
        passed = _passed_over(paths)
        if passed:
            shown = ", ".join(passed[:5]) + (f" and {len(passed) - 5} more" if len(passed) > 5 else "")
            suffixes = "/".join(sorted(PAGE_SUFFIXES))
            raise UsageError(
                f"learn needs at least {MIN_PAGES} pages of one site, got {len(pages)}: in a folder only "
                f"{suffixes} files are pages, and {len(passed)} others were skipped ({shown})"
            )
    learned = learn(pages, platform_id or platform_id_from(output), name, max_bytes)
    text = write_platform(learned)
    try:
        # `-o learned/site.toml` is the usual call (the folder is what --platforms-dir reads): make it.
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    learned.checked = check_on_training_pages(output, pages, max_bytes)
    return learned
