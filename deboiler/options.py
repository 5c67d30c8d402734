"""The options of one clean, as one object: built once (by `deboiler.clean`'s keywords, or by the
command line) and passed down, to the labellers and to every batch worker, instead of loose keywords.
"""

from __future__ import annotations

from dataclasses import dataclass

from deboiler.catalog.platforms import Catalog
from deboiler.stages.langid import DEFAULT_BACKEND
from deboiler.stages.load import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """What `deboiler.clean` takes besides the page; the defaults are its defaults.

    platform: a platform id to use instead of detecting one. catalog: the platforms to detect and
    label with (default: the built-ins; see deboiler.load_catalog). langid_backend: one of
    deboiler.stages.langid.BACKENDS. max_bytes: larger pages are refused (InputTooLarge). explain: fill
    Episode.lines. drop_show_boilerplate: leave out the lines a platform file names as a show's own
    boilerplate. keep_unknown: on a text page of a site without a platform file, keep every line the
    UI lexicon does not know instead of only the description.
    """

    platform: str | None = None
    catalog: Catalog | None = None
    langid_backend: str = DEFAULT_BACKEND
    max_bytes: int = DEFAULT_MAX_BYTES
    explain: bool = False
    drop_show_boilerplate: bool = False
    keep_unknown: bool = False
