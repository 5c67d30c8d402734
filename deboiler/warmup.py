"""Load now what `clean` would otherwise load on the first pages that need it.

`clean` defers its start-up to first use so that `import deboiler` and a one-page `deboiler clean`
stay quick. That start-up costs about 2.2 s on one core: every platform's compiled phrases, one
matcher per UI locale (0.7 s); the generic path's UI lexicon, 4,600 phrases whose date and number
slots read CLDR data for 55 locales (the largest part); the month names of the other languages CLDR
knows (0.5 s, loaded by `clean` only when a date's month word is in none of the 55);
trafilatura (0.35 s to import); the language-ID model (0.1 s). A page that is the first to need one
of them pays for it. Where each page has a time limit (datatrove's sandboxed extractors, `deboiler
batch --page-timeout`), that start-up counted against the first page, so a good page came out as a
timeout, and a fresh worker that replaced a timed-out one paid it again on its own first pages.

After `warm_up()`, the first page costs what any page costs. A process that forks workers after
warming up (datatrove's sandbox, a preforking server) hands every worker that state at no cost:
forking after `warm_up()` is safe (the only extra thread is numpy's OpenBLAS pool, which stops
itself around fork).

Warming up fills caches only; no output changes. Calling it again with the same catalog and
backend does nothing, so a worker may call it before every chunk of pages.
"""

from __future__ import annotations

from deboiler.catalog.platforms import Catalog, signature_matcher
from deboiler.errors import DeboilerError
from deboiler.options import CleanOptions
from deboiler.pipeline import clean, default_catalog
from deboiler.stages import generic, langid
from deboiler.stages.detect import signatures_of
from deboiler.stages.meta_lines import other_month_names, read_meta_line

# A page of a site no catalog knows, in HTML: cleaning it goes through the HTML parser, the generic
# path with trafilatura and the lexicon, field reading and language ID, whatever lazily loaded part
# the explicit steps below do not name.
_UNKNOWN_SITE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Warm-up</title></head>
<body><nav>Home</nav><main><h1>A warm-up episode</h1><p>This short paragraph is the text of an episode
description that exists only to load every part of the pipeline before the first real page arrives.</p>
</main><footer>Sign in</footer></body></html>"""

# (catalog, backend) already warmed in this process; holding the catalog keeps its identity from being reused.
_WARM: list[tuple[Catalog, str]] = []


def warm_up(*, catalog: Catalog | None = None, langid_backend: str = langid.DEFAULT_BACKEND) -> None:
    """Load and compile everything `clean(page, catalog=catalog, langid_backend=...)` loads on first use."""
    catalog = catalog or default_catalog()
    if any(warm is catalog and backend == langid_backend for warm, backend in _WARM):
        return
    signatures_of(catalog)
    for platform in catalog.platforms.values():
        signature_matcher(platform)
        platform.exact_phrase_locales  # noqa: B018 - a cached property, computed here
        platform.host_regex  # noqa: B018
        # Every locale a page of the platform can be read in: those with phrases, and those only a host
        # or a URL path names (their dates still come from CLDR).
        locales = {None, platform.default_locale, *platform.locales}
        locales.update(platform.host_locales.values(), platform.path_locales.values())
        for locale in sorted(locales, key=str):
            platform.matcher(locale)
    generic.lexicon_matcher()
    read_meta_line("Jan 1, 2024 · 1 h 5 min")  # every lexicon language's month names and units, from CLDR
    other_month_names()  # and the other CLDR languages' months, which a date in a word no lexicon knows reads
    langid.identify("warming up the language identification model", langid_backend)
    import charset_normalizer  # noqa: F401 - load.py imports it on the first page not in UTF-8

    try:
        clean(_UNKNOWN_SITE_PAGE, options=CleanOptions(catalog=catalog, langid_backend=langid_backend))
    except DeboilerError:  # the page is ours and fine; a catalog that claims it is the caller's business
        pass
    if len(_WARM) >= 8:  # a few catalogs at a time (tests, --platforms-dir); never grow without bound
        _WARM.clear()
    _WARM.append((catalog, langid_backend))
