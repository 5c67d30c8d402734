"""The one pipeline: load -> blocks -> detect -> label -> fields -> dedup -> assemble -> language ID.

Data flows one way and each stage is a plain function in its own module; `clean` only wires them.
State that changes results lives in the explicit `Catalog` the caller may pass, never in globals.
"""

from __future__ import annotations

from functools import lru_cache

from deboiler.catalog.platforms import Catalog, load_catalog
from deboiler.episode import Episode
from deboiler.options import CleanOptions
from deboiler.stages import langid
from deboiler.stages.assemble import description_text
from deboiler.stages.dedup import dedup
from deboiler.stages.detect import detect
from deboiler.stages.fields import finish_fields
from deboiler.stages.labellers import choose_labeller
from deboiler.stages.load import DEFAULT_MAX_BYTES, load
from deboiler.stages.page import read_page
from deboiler.stages.verdict import with_every_line


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()


_DEFAULTS = CleanOptions()


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
    options: CleanOptions | None = None,
) -> Episode:
    """Clean one saved page (text dump or HTML, bytes or str) into an Episode.

    `platform` forces a platform id instead of detecting it; `explain` fills `Episode.lines` with
    every input line, its label, the rule that decided it and why. `drop_show_boilerplate` leaves out
    the lines a learned platform file names as a show's boilerplate (kept by default). `keep_unknown`:
    on a text page of a site without a platform file, keep every line the UI lexicon does not know
    instead of only the description (the fields are read all the same). `options`: all of these as one
    CleanOptions, instead of the keywords (not both). Raises deboiler.errors.DeboilerError subclasses
    for input that is not a usable page.
    """
    given = CleanOptions(
        platform=platform,
        catalog=catalog,
        langid_backend=langid_backend,
        max_bytes=max_bytes,
        explain=explain,
        drop_show_boilerplate=drop_show_boilerplate,
        keep_unknown=keep_unknown,
    )
    if options is None:
        options = given
    elif given != _DEFAULTS:
        raise TypeError("clean() takes its options as keywords or as options=CleanOptions(...), not both")
    catalog = options.catalog or default_catalog()
    doc = load(page, max_bytes=options.max_bytes)
    read = read_page(doc)
    blocks = read.blocks
    hosts = read.markup.hosts if read.markup else []
    url = read.markup.url if read.markup else None
    found = detect(read.visible_text, blocks, catalog, forced=options.platform, markup_hosts=hosts, markup_url=url)

    labelled = choose_labeller(found)(read, found, options)
    verdicts, fields = labelled.verdicts, labelled.fields
    finish_fields(fields, read.markup.fields if read.markup else None, labelled.named_by_lines)
    dedup(verdicts, labelled.regions, labelled.show_boilerplate)
    description = description_text(verdicts, options.drop_show_boilerplate)

    return Episode(
        platform=found.platform.id if found.platform else None,
        platform_confidence=found.confidence,
        platform_evidence=found.evidence,
        locale=labelled.locale,
        language=langid.identify(description, options.langid_backend),
        show=fields.get("show"),
        title=fields.get("title"),
        published=fields.get("published"),
        duration=fields.get("duration"),
        episode_count=fields.get("episode_count"),
        ids=fields.get("ids", {}),
        description=description,
        lines=with_every_line(verdicts, blocks.line_count) if options.explain else None,
    )
