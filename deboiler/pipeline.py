"""The one pipeline: load -> blocks -> detect -> label -> dedup -> assemble.

Data flows one way and each stage is a plain function in its own module; `clean` only wires them.
State that changes results lives in the explicit `Catalog` the caller may pass, never in globals.
"""

from __future__ import annotations

from functools import lru_cache

from deboiler.stages import langid
from deboiler.stages.assemble import description_text
from deboiler.stages.blocks import read_page
from deboiler.catalog.platforms import Catalog, load_catalog
from deboiler.stages.dedup import dedup
from deboiler.stages.detect import choose_locale, detect
from deboiler.episode import Episode
from deboiler.stages.fields import finish_fields
from deboiler.stages.generic import fields_from_labels, label_unknown, lexicon_matcher, main_text_of
from deboiler.stages.sections import fill_gaps, has_gaps, header_dates, label_sections, opens_with_paragraph
from deboiler.stages.label import label_page, mark_show_boilerplate
from deboiler.stages.load import DEFAULT_MAX_BYTES, load
from deboiler.stages.verdict import with_every_line


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()


def clean(
    page: bytes | str,
    *,
    explain: bool = False,
    platform: str | None = None,
    catalog: Catalog | None = None,
    langid_backend: str = langid.DEFAULT_BACKEND,
    max_bytes: int = DEFAULT_MAX_BYTES,
    drop_show_boilerplate: bool = False,
    keep_unknown: bool = False,
) -> Episode:
    """Clean one saved page (text dump or HTML, bytes or str) into an Episode.

    `platform` forces a platform id instead of detecting it; `explain` fills `Episode.lines` with
    every input line, its label, the rule that decided it and why. `drop_show_boilerplate` leaves out
    the lines a learned platform file names as a show's boilerplate (kept by default). `keep_unknown`:
    on a text page of a site without a platform file, keep every line the UI lexicon does not know
    instead of only the description (the fields are read all the same). Raises
    deboiler.errors.DeboilerError subclasses for input that is not a usable page.
    """
    catalog = catalog or default_catalog()
    doc = load(page, max_bytes=max_bytes)
    read = read_page(doc)
    blocks = read.blocks
    hosts = read.markup.hosts if read.markup else []
    url = read.markup.url if read.markup else None
    found = detect(read.visible_text, blocks, catalog, forced=platform, markup_hosts=hosts, markup_url=url)

    labelled = None
    if found.platform is not None:
        locale, _ = choose_locale(found.platform, blocks, found.host_locale)
        labelled = label_page(blocks, found.platform, locale)
        if not labelled.regions:
            # The template found no description anchor (a layout its data does not know yet): the
            # page goes down the unknown-site path, which finds the description on any layout.
            labelled = None
    if labelled is not None:
        verdicts, regions, fields = labelled.verdicts, labelled.regions, labelled.fields
        boiler = labelled.show_boilerplate
    else:
        regions, fields, boiler = [], {}, {}
        if found.platform is None:
            locale = None
        # trafilatura parses with libxml2 too: on markup too deep for a tree it would miss what we read.
        main_text = main_text_of(read) if read.html is not None and not read.flat else None
        verdicts = None
        if main_text is not None:
            named = read.markup.naming() if read.markup else None
            verdicts = label_unknown(blocks, main_text, explain, named)
        if verdicts is None or not opens_with_paragraph(verdicts):
            # A text dump, or a page whose main text trafilatura missed: the page's sections decide.
            sections = label_sections(blocks, lexicon_matcher().scan(blocks), keep_all=keep_unknown)
            verdicts, fields = sections.verdicts, sections.fields
        else:
            # trafilatura's main text decides; the description's own short lines it left out between
            # its paragraphs (separators, a list of links) come back, and the header's date and length
            # where the markup does not state them. The sections are read only when one is wanted.
            if has_gaps(verdicts):
                fill_gaps(verdicts, label_sections(blocks, lexicon_matcher().scan(blocks)).verdicts)
            markup_fields = read.markup.fields() if read.markup else {}
            if any(markup_fields.get(name) is None for name in ("published", "duration")):
                fields = {k: v for k, v in header_dates(verdicts).items() if markup_fields.get(k) is None}
    finish_fields(fields, read.markup.fields if read.markup else None)
    if labelled is None:
        fields_from_labels(fields, verdicts)
    dedup(verdicts, regions)
    if boiler:
        mark_show_boilerplate(verdicts, boiler, found.platform)
    description = description_text(verdicts, drop_show_boilerplate)

    return Episode(
        platform=found.platform.id if found.platform else None,
        platform_confidence=found.confidence,
        platform_evidence=found.evidence,
        locale=locale,
        language=langid.identify(description, langid_backend),
        show=fields.get("show"),
        title=fields.get("title"),
        published=fields.get("published"),
        duration=fields.get("duration"),
        episode_count=fields.get("episode_count"),
        ids=fields.get("ids", {}),
        description=description,
        lines=with_every_line(verdicts, blocks.line_count) if explain else None,
    )
