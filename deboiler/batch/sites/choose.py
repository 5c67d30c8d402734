"""Pass 2, in each worker: clean a record with its site's learned template, or the usual way.

A record whose URL names a learned site is cleaned with that site's template (forced: the site is
known from the URL, detection has nothing to add); one without a URL is detected among the built-ins
and the templates of URL-less groups; any other record is cleaned as without --learn-sites. Where the
learned template leaves a page with no description, the usual path cleans it instead (recall first).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from deboiler.batch.sites import store
from deboiler.batch.sites.keys import record_site
from deboiler.catalog.platforms import Catalog, load_platform_file
from deboiler.episode import Episode
from deboiler.errors import UsageError
from deboiler.options import CleanOptions
from deboiler.pipeline import clean, default_catalog


@dataclass(frozen=True)
class LearnedSites:
    """The learned templates as every worker gets them (once, with the batch's options)."""

    folder: str
    by_site: dict[str, str]  # site key -> learned platform id
    catalog: Catalog  # the batch's platforms and every learned one
    unnamed: Catalog | None  # the batch's platforms and those of URL-less groups
    unnamed_ids: frozenset[str]
    index: dict  # the folder's sites.json, for the summary


def load(folder: Path, base: Catalog | None) -> LearnedSites:
    """The learned folder's templates beside `base` (the batch's catalog, default the built-ins)."""
    index = store.read(folder)
    if index is None:
        raise UsageError(f"{folder} holds no learned-sites index ({store.INDEX})")
    base = base or default_catalog()
    learned, by_site, unnamed = {}, {}, {}
    for site in index["sites"]:
        if not site.get("used"):
            continue
        platform = load_platform_file(folder / site["file"])
        learned[platform.id] = platform
        if site["site"].startswith("#"):
            unnamed[platform.id] = platform
        else:
            by_site[site["site"]] = platform.id
    return LearnedSites(
        folder=str(folder),
        by_site=by_site,
        catalog=Catalog({**base.platforms, **learned}),
        unnamed=Catalog({**base.platforms, **unnamed}) if unnamed else None,
        unnamed_ids=frozenset(unnamed),
        index=index,
    )


def clean_with_sites(page: bytes | str, url: str | None, options: CleanOptions, sites: LearnedSites) -> Episode:
    key = record_site(url, page)
    if key is not None:
        pid = sites.by_site.get(key)
        if pid is None:
            return clean(page, options=options)
        episode = clean(page, options=replace(options, catalog=sites.catalog, platform=pid))
    elif sites.unnamed is not None:
        episode = clean(page, options=replace(options, catalog=sites.unnamed))
        if episode.platform not in sites.unnamed_ids:
            return episode
    else:
        return clean(page, options=options)
    if episode.description:
        return episode
    return clean(page, options=options)  # the learned template found no description here: the usual path
