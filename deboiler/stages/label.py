"""Label: label every line of a page from a known platform.

The platform's data says where the creator's description stands: it opens after an anchor line
("Manage episode N series M", PodBud's glued show/date line) and closes at a marker ("continue
reading", "N episodes"). Inside, every line is the creator's, even one that reads like chrome
("Share this episode with a friend"). Outside, lines are template: a known phrase says which part,
and a line no phrase knows is judged by position (the first one in the header is the title).
"""

from __future__ import annotations

from deboiler.catalog.phrases import literal_text
from deboiler.catalog.platforms import Hit, Platform
from deboiler.stages.blocks import Blocks
from deboiler.stages.fields import collect_fields
from deboiler.stages.generic import is_prose
from deboiler.stages.labelled import Labelled, Region
from deboiler.stages.verdict import Verdict

_NONE: frozenset[str] = frozenset()


def label_page(blocks: Blocks, platform: Platform, locale: str | None) -> Labelled:
    hits, title_like, title_like_why = _title_read_as_template(platform.matcher(locale).scan(blocks), blocks, platform)
    hits = _agree_on_show(hits, blocks)
    # A show's own boilerplate is the creator's text, never template: it does not open, close or
    # explain a line; dedup names it once it has printed the description once.
    boiler = {}
    if platform.has_show_boilerplate:
        boiler = {i: h for i, line in enumerate(hits) for h in line if h.rule.label == "show_boilerplate"}
    if boiler:
        hits = [[h for h in line if h.rule.label != "show_boilerplate"] for line in hits]
    names = [
        (line_hits[0].rule.name_set if len(line_hits) == 1 else {h.rule.name for h in line_hits}) if line_hits else _NONE
        for line_hits in hits
    ]
    regions = [_trim_unclosed(r, blocks, hits) for r in find_regions(blocks, names, platform)]
    first_start = regions[0].start if regions else len(blocks)
    title_at, title_why, show_at = find_title(blocks, hits, names, platform, first_start)
    under = _title_under(blocks, hits, names, platform, regions) if platform.title_under else None
    if under is not None:
        title_at, title_why, show_at, regions = under
        first_start = regions[0].start if regions else len(blocks)
    in_region: list[str] = [""] * len(blocks)  # the reason, for lines inside a description region
    for region in regions:
        opener = blocks[region.opener]
        why = f"inside the episode description, which opens after line {opener.lineno} ({_short(opener.text)})"
        for i in range(region.start, region.end):
            in_region[i] = why
    content_rule = f"{platform.id}:description"
    first_lines = {r.start for r in regions}

    fmt_locale = locale or platform.default_locale
    fields: dict = {"ids": {}}
    verdicts: list[Verdict] = []
    if title_at >= 0 and title_at == title_like:
        title_why = title_like_why
    show_why = f"the header line no template phrase explains, {platform.show_beside_title} the title: the show"
    if show_at < 0 and regions and not hits[regions[0].opener] and blocks[regions[0].opener].text:
        show_at = regions[0].opener  # a bare show line opened the description (_after_show_line)
        show_why = "the bare line under the title that opens the description: the show (no date or duration beside it)"
    no_anchor = (
        f"{platform.id}:no-anchor",
        f"no {platform.name} description anchor on this page, so an unexplained line is kept",
    )
    by_position = [
        (
            f"{platform.id}:template-{where.split()[0]}",
            f"outside the episode description, in the {platform.name} page {where}; no phrase for it, judged by position",
        )
        for where in ("header", "footer", "card between copies")
    ]
    add = verdicts.append  # this loop sees every line of every page
    for i, (block, why, line_hits) in enumerate(zip(blocks, in_region, hits)):
        text = block.text
        if not text:
            add(Verdict(block.lineno, "", "blank", "blank", "blank line"))
        elif why:
            if line_hits and i in first_lines:
                # A date line glued to the description's first words ("Episode Date: July 3, 2018After 8
                # years ..."): the line is the creator's, and its date and length still the episode's.
                collect_fields(fields, [h for h in line_hits if h.rule.label == "meta"], text, fmt_locale)
            add(Verdict(block.lineno, text, "content", content_rule, why))
        elif line_hits:
            hit = line_hits[0]
            if len(line_hits) > 1 or hit.captures or hit.rule.show_named_twice:  # else it names no field
                collect_fields(fields, _timed_hits_dropped(line_hits), text, fmt_locale)
            add(Verdict(block.lineno, text, hit.rule.label, *_explained(platform, hit)))
        elif i == title_at:
            add(Verdict(block.lineno, text, "title", f"{platform.id}:title", title_why))
        elif i == show_at:
            add(Verdict(block.lineno, text, "show", f"{platform.id}:show", show_why))
        elif not regions:
            add(Verdict(block.lineno, text, "content", *no_anchor))
        else:
            where = 0 if i < first_start else (1 if i >= regions[-1].end else 2)
            add(Verdict(block.lineno, text, "chrome", *by_position[where]))
    # After the loop: a phrase naming the title or the show ("{title} | {show} podcast - ...") wins.
    if title_at >= 0 and verdicts[title_at].label == "title":
        fields.setdefault("title", blocks[title_at].text)
    if show_at >= 0:
        fields.setdefault("show", blocks[show_at].text)
    # Named only after dedup, which compares them as content (a second copy of one still goes).
    kept = {
        i: (_rule_id(platform, hit), f"{_why(hit)}; kept in the description unless show boilerplate is dropped")
        for i, hit in boiler.items()
        if verdicts[i].label == "content"
    }
    return Labelled(verdicts, regions, fields, locale, kept)


def _timed_hits_dropped(line_hits: list[Hit]) -> list[Hit]:
    """On a line a chrome selector places in the site's own parts, a date or a length is not the
    episode's (Spotify's player bar prints the position of another track, "1:16"); the show a footer
    names or the count a channel card prints still are."""
    if not any(h.rule.label == "chrome" and h.phrase.startswith("selector ") for h in line_hits):
        return line_hits
    return [h for h in line_hits if "date" not in h.captures and "duration" not in h.captures]


def _agree_on_show(hits: list[list[Hit]], blocks: Blocks) -> list[list[Hit]]:
    """One page has one show; a phrase whose {show} reads differently did not really match: "Follow
    {show}" must not close the description at the creator's "Follow The Show on Instagram: ...".

    The show is the capture the page names on the most lines (the real show recurs: header link,
    license notice, "More from {show}"); a creator line such as "More from our sponsor: URL" names its
    capture once. Ties go to the first line that names one.

    A phrase that is the show alone ("{show}": a show's card heading) names no show by itself: it
    matches only the lines that equal the show the other phrases name, and none where they name none.
    """
    candidates: list[str] = []
    bare = False
    for line in hits:
        if any("{" not in h.phrase for h in line):
            continue  # a line a slot-free phrase explains whole ("- Podcasty", the breadcrumb's root) names no show
        for h in line:
            if "show" in h.captures:
                if h.phrase == "{show}":
                    bare = True
                    continue
                value = " ".join(h.captures["show"].split())
                if value not in candidates:
                    candidates.append(value)
    if len(candidates) < 2 and not bare:
        return hits  # every hit that names a show names this one
    if not candidates:
        return [[h for h in line if "show" not in h.captures] if line else line for line in hits]
    lines = {c: set(blocks.lines_containing(c.casefold())) for c in candidates}
    # A line that names a longer candidate holding this one ("Football Club podcasty" for a breadcrumb's
    # "Podcasty") names that one, not this.
    named = {
        c: len(lines[c].difference(*(lines[o] for o in candidates if o != c and c.casefold() in o.casefold())))
        for c in candidates
    }
    show = max(candidates, key=lambda c: named[c])  # max keeps the first of equals
    return [
        [h for h in line if "show" not in h.captures or " ".join(h.captures["show"].split()) == show] if line else line
        for line in hits
    ]


def find_title(
    blocks: Blocks, hits: list[list[Hit]], names: list, platform: Platform, header_end: int
) -> tuple[int, str, int]:
    """The title is a header line no phrase explains: the last one before the line the platform
    prints under the title (Player FM's duration, PodBud's show/date line), else the first one.

    Where the platform prints the show as a bare link next to the title (`[title] show = "below"` or
    "above"), the two last such lines are title and show in that order. Returns (title, why, show)
    as block indexes, -1 for none.
    """
    free = [i for i in range(header_end) if blocks[i].text and not hits[i]]
    below = set(platform.title_before)
    for i in range(header_end):
        if names[i] & below:
            above = [f for f in free if f < i]
            if above:
                line = blocks[i].lineno
                why = f"the header line no template phrase explains, right above line {line}: the episode title"
                if platform.show_beside_title and len(above) >= 2:
                    if platform.show_beside_title == "below":
                        return above[-2], "the header line no template phrase explains, above the show: the episode title", above[-1]
                    return above[-1], why, above[-2]
                return above[-1], why, -1
            break
    if not free:
        return -1, "", -1
    return free[0], "first line of the page header that no template phrase explains: the episode title", -1


def _title_under(
    blocks: Blocks, hits: list[list[Hit]], names: list, platform: Platform, regions: list[Region]
) -> tuple[int, str, int, list[Region]] | None:
    """`[title] under`: the title is the line right under the first line of those rules (Spotify's
    "Podcast Episode", a Podbean show site's date), where no line a phrase leaves unexplained stands
    right above that line (else the title is above it, as `before` reads it). With `show = "below"`
    the next such line is the show. Where the title is the description's first line (that line opens
    it, or is skipped right above it), the title leaves it, but only if the description has another
    line. None where the layout does not apply."""
    wanted = set(platform.title_under)
    header_end = regions[0].start if regions else len(blocks)
    at = next((i for i in range(header_end) if names[i] & wanted), -1)
    if at < 0:
        return None
    above = _nonblank(blocks, at, -1)
    if above >= 0 and not hits[above]:
        return None
    title = _nonblank(blocks, at, +1)
    why = f"the line right under line {blocks[at].lineno}, which the page prints above the title: the episode title"
    if regions and title == regions[0].start:
        # The line opens (or a skipped line stands right above) the description: the title leaves it,
        # and the description opens under it, past the template lines it skips.
        first, skip = regions[0], set(platform.skip)
        rest = _nonblank(blocks, title, +1)
        while rest < first.end and names[rest] & skip:
            rest = _nonblank(blocks, rest, +1)
        if rest >= first.end:
            return None
        return title, why, -1, [Region(first.opener, rest, first.end, first.closed), *regions[1:]]
    if title >= header_end or hits[title]:
        return None
    show = _nonblank(blocks, title, +1) if platform.show_beside_title == "below" else -1
    if show >= header_end or (show >= 0 and hits[show]):
        show = -1
    return title, why, show, regions


def _title_read_as_template(hits: list[list[Hit]], blocks: Blocks, platform: Platform) -> tuple[list[list[Hit]], int, str]:
    """A title can read like the line printed under it: a daily show's "November 21, 2024" or
    "Market Wrap: December 6, 2024" (PodBud's glued "{show}{date}"), or like a shape such as the
    count "300 Σπαρτιάτες" in a UI without phrases. When no header line free of phrases stands above
    the first line of a `[title] before` rule, that line is the title if another such line follows
    it, and otherwise the line right above it is, if only shape phrases explain it. Its phrase hits are
    dropped (it names no show, date or count). Returns (hits, title line or -1, why)."""
    below = set(platform.title_before)
    first = next((i for i, line in enumerate(hits) if any(h.rule.name in below for h in line)), -1)
    if first < 0 or any(blocks[i].text and not hits[i] for i in range(first)):
        return hits, -1, ""
    after, before = _nonblank(blocks, first, +1), _nonblank(blocks, first, -1)
    if after < len(blocks) and any(h.rule.name in below for h in hits[after]):
        title, under = first, after
    elif before >= 0 and _shape_only(hits[before]):
        title, under = before, first
    else:
        return hits, -1, ""
    rules = ", ".join(sorted({h.rule.name for h in hits[title]}))
    why = (
        f"the line right above line {blocks[under].lineno}, which the page prints under the title: the episode "
        f"title, though it reads like {rules}"
    )
    return [[] if i == title else line for i, line in enumerate(hits)], title, why


_SHAPE_SLOTS = frozenset({"date", "duration", "n", "word"})


def _shape_only(line_hits: list[Hit]) -> bool:
    """Every phrase on the line is only a shape ("{date}", "{duration}", "{n} {word}"): no words of the
    platform's own, so the line could as well be a title."""
    return bool(line_hits) and all(
        set(h.captures) <= _SHAPE_SLOTS and not any(ch.isalpha() for ch in literal_text(h.phrase)) for h in line_hits
    )


def _nonblank(blocks: Blocks, i: int, step: int) -> int:
    """The nearest line from i in direction step that is not blank, -1 (or past the end) for none."""
    i += step
    while 0 <= i < len(blocks) and not blocks[i].text:
        i += step
    return i if 0 <= i < len(blocks) else (-1 if step < 0 else len(blocks))


def find_regions(blocks: Blocks, names: list[frozenset[str] | set[str]], platform: Platform) -> list[Region]:
    if _opens_inside_description(blocks, names, platform):
        return []
    regions = _drop_header_card(blocks, names, _regions(blocks, names, platform, set(platform.opens_after), 0))
    if regions:
        return regions
    if platform.fallback_after_show_line:
        return _after_show_line(blocks, names, platform)
    if not platform.fallback_opens_after:
        return regions
    # No anchor line (a dump made by a tool that hides what CSS hides can lose "Manage episode ..."):
    # open after the fallback openers instead, but only from the line printed under the title, so
    # the header's own copy of the license notice cannot swallow the title (that line may be the
    # opener itself: Apple's Play button under the title and show).
    below = set(platform.title_before)
    header_end = next((i for i, line_names in enumerate(names) if line_names & below), len(blocks))
    return _regions(blocks, names, platform, set(platform.fallback_opens_after), header_end)


def _opens_inside_description(blocks: Blocks, names: list, platform: Platform) -> bool:
    """A dump that lost the page's header opens inside the description: lines no phrase explains,
    a paragraph among them, then the closing markers ("No persons identified in this episode."),
    with no opener above them. An opener further down (a date in the list of other shows' episodes)
    opens no description there; the unknown-site labeller reads such a page."""
    opens = set(platform.opens_after) | set(platform.fallback_opens_after)
    marks = opens | set(platform.closes_at)
    end = next((i for i, line_names in enumerate(names) if line_names & marks), -1)
    if end <= 0 or names[end] & opens or any(names[i] for i in range(end)):
        return False
    return any(is_prose(blocks[i].text) for i in range(end))


def _drop_header_card(blocks: Blocks, names: list, regions: list[Region]) -> list[Region]:
    """A page can print its opener twice around a card of the episode's header (Podchaser: the heart
    prompt, the title four times and the date, the heart prompt again, then the text): a first region
    of short lines only, cut by the same opener over a region that holds a paragraph, is that card."""
    if len(regions) < 2:
        return regions
    first, second = regions[0], regions[1]
    if first.end != second.opener or names[first.opener] != names[second.opener]:
        return regions
    lines = [blocks[i].text for i in range(first.start, first.end) if blocks[i].text]
    if any(is_prose(text) for text in lines) or not any(is_prose(blocks[i].text) for i in range(second.start, second.end)):
        return regions
    return regions[1:]


def _after_show_line(blocks: Blocks, names: list, platform: Platform) -> list[Region]:
    """No opener on the page (PodBud prints the show alone when an episode has neither date nor
    duration): the header is the title and the bare show line under it, the first two lines no
    phrase explains, and the description runs from the next one to the closing markers. Only with a
    closing marker and at least one line between the show line and it; the show line is the opener."""
    closes = set(platform.closes_at)
    end = next((i for i, line_names in enumerate(names) if line_names & closes), -1)
    if end < 0:
        return []
    free = [i for i in range(end) if blocks[i].text and not names[i]]
    if len(free) < 3:
        return []
    if platform.closes_in_order:
        end = _closing_block(blocks, names, platform.closes_at, set(), end)
    return [Region(free[1], free[2], end, closed=True)]


def _regions(
    blocks: Blocks, names: list[frozenset[str] | set[str]], platform: Platform, opens: set[str], first: int
) -> list[Region]:
    skip, closes = set(platform.skip), set(platform.closes_at)
    # A region is also cut by the next opener, but only by a signature opener: a weak opener such as a
    # glued "{show}{duration}" line could be any creator line that ends in "45m".
    strong = {n for n in opens if platform.rules.get(n) and platform.rules[n].signature > 0}
    regions: list[Region] = []
    i, n = first, len(blocks)
    while i < n:
        if not (names[i] & opens):
            i += 1
            continue
        start = i + 1
        while start < n and (not blocks[start].text or names[start] & skip):
            start += 1
        end = start
        while end < n and not (names[end] & closes) and not (names[end] & strong):
            end += 1
        if platform.closes_in_order and end < n and names[end] & closes:
            end = _closing_block(blocks, names, platform.closes_at, strong, end)
        regions.append(Region(i, start, end, closed=end < n and bool(names[end] & closes)))
        i = max(end, i + 1)
    return regions


def _closing_block(blocks: Blocks, names: list, closes_at: tuple[str, ...], strong: set[str], end: int) -> int:
    """Where a card prints its closing markers once, as one block in closes_at order ("continue
    reading", then "N episodes"; PodBud's summary placeholder, then its newsletter prompt), a marker
    line met earlier is the creator's own ("149 episodes", "Summary coming soon" in the text).

    The card closes at the last line that starts a block of markers (the line above it, blanks
    skipped, is no marker) with the earliest-listed marker of any such start. The search stops at
    the next signature opener, so it never reaches into the next card, and at the first line a
    phrase names that is no marker ("All episodes", "Share"): the description is the creator's lines,
    so a later marker block past the template (a footer's "512 episodes" under another series) is
    not its end."""
    rank = {name: k for k, name in enumerate(closes_at)}

    def first_rank(i: int) -> int:
        return min((rank[x] for x in names[i] if x in rank), default=len(closes_at))

    best, best_rank, above_is_marker = end, first_rank(end), True
    for i in range(end + 1, len(names)):
        if names[i] & strong:
            break
        if not blocks[i].text:
            continue
        r = first_rank(i)
        if r == len(closes_at) and names[i]:
            break  # template, not creator text: the card's closing block was behind us
        if r < len(closes_at) and not above_is_marker and r <= best_rank:
            best, best_rank = i, r
        above_is_marker = r < len(closes_at)
    return best


def _trim_unclosed(region: Region, blocks: Blocks, hits: list[list[Hit]]) -> Region:
    """A description that no marker closed ran on into the template ("Artwork", "Share", the footer):
    give back its last lines while they are blank or template phrases. Only then: where a marker
    closes it, even a creator line that is exactly "Share" stays the creator's."""
    if region.closed:
        return region
    end = region.end
    while end > region.start and (not blocks[end - 1].text or hits[end - 1]):
        end -= 1
    return Region(region.opener, region.start, end, closed=False)


def _rule_id(platform: Platform, hit: Hit) -> str:
    return f"{platform.id}/{hit.locale}:{hit.rule.name}" if hit.locale else f"{platform.id}:{hit.rule.name}"


def _why(hit: Hit) -> str:
    where = f"the {hit.locale} phrase" if hit.locale else "the pattern"
    return f"{hit.rule.why}; matches {where} {_short(hit.phrase)!r}"


_EXPLAINED: dict[tuple, tuple[str, str]] = {}


def _explained(platform: Platform, hit: Hit) -> tuple[str, str]:
    """(_rule_id, _why) of a hit, each pair formatted once: every template line of every page needs
    one, and a platform has a few hundred phrases at most."""
    key = (platform.id, hit.rule.name, hit.rule.why, hit.locale, hit.phrase)
    found = _EXPLAINED.get(key)
    if found is None:
        if len(_EXPLAINED) >= 20_000:  # many catalogs in one process (tests, --platforms-dir): start over
            _EXPLAINED.clear()
        found = _EXPLAINED[key] = (_rule_id(platform, hit), _why(hit))
    return found


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
