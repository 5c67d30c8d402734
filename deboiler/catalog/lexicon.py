"""The UI lexicon for sites deboiler has no platform file for: one data file per language.

`deboiler/lexicon/ui/<lang>.toml` (see deboiler/lexicon/README.md) holds the interface lines of
podcast sites in that language, the headings that open and close an episode page's sections, and
what sites print beyond CLDR. Adding a language is adding a file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

LEXICON_DIR = Path(__file__).parent.parent / "lexicon" / "ui"


@lru_cache(maxsize=1)
def read_lexicon() -> dict[str, dict]:
    """language -> its table, from whatever files exist, by their rank (then name): the first
    language whose table holds a line is the one its explain reason names."""
    tables = []
    for path in LEXICON_DIR.glob("*.toml"):
        with path.open("rb") as fh:
            table = tomllib.load(fh)
        tables.append((table.pop("rank", float("inf")), path.stem, table))
    return {lang: table for _, lang, table in sorted(tables, key=lambda t: t[:2])}


def lexicon_languages() -> list[str]:
    """The languages the lexicon has a file for ("any" is every language's, no language itself)."""
    return [lang for lang in read_lexicon() if lang != "any"]


def every_language(key: str) -> list[str]:
    """A key's entries in every language's file, "any" first ("app_names", "credit_labels" ...)."""
    return [entry for table in read_lexicon().values() for entry in table.get(key, ())]


def credit_labels() -> list[str]:
    """Every language's labels put before a guest's, host's, author's, topic's or photo's credit ("Guest:")."""
    return every_language("credit_labels")


def byline_words() -> list[str]:
    """Every language's word before an author's name on a byline ("By", "von", "par")."""
    return every_language("byline_words")


@lru_cache(maxsize=1)
def show_headings() -> frozenset[str]:
    """Every language's headings right over the show's name ("Jest to odcinek podkastu:"), as written."""
    return frozenset(every_language("show_headings"))


def reading_time_words() -> list[str]:
    """Every language's words that make a length an article's reading time ("5 min read", "Lesezeit")."""
    return every_language("reading_time_words")


@lru_cache(maxsize=1)
def _hosting_footer_phrases() -> tuple:
    from deboiler.catalog.phrases import compile_phrase  # phrases reads formats, which reads this module

    return tuple(compile_phrase(src, None) for src in read_lexicon().get("any", {}).get("hosting_footers", ()))


def hosting_footer(text: str) -> bool:
    """A line a hosting service adds to every episode's notes (any.toml's hosting_footers: "Hosted on
    Acast ...", Buzzsprout's "Send us a text"): the show's text, never a title or an interface line."""
    folded = text.casefold()
    return any(phrase.match(text, folded) is not None for phrase in _hosting_footer_phrases())
