"""What every reader yields: a Record (page, path or JSONL line still to parse), the field names
that say where the page is (Fields), and the errors a record may carry."""

from __future__ import annotations

from dataclasses import dataclass

from deboiler.errors import DeboilerError


class BadRecord(DeboilerError):
    """An input record that is not usable: a JSONL line that is not JSON or has no page field, a Parquet
    row with no page, an archive that cannot be read further."""


class NotAPage(DeboilerError):
    """A record that holds no page to clean (a WARC request record, a 404): written with status "skipped"."""


@dataclass(frozen=True)
class Fields:
    """The JSONL field (and Parquet column) names. The page is the first of `page` that a record holds (and is not null)."""

    page: tuple[str, ...] = ("html", "text")
    id: str = "id"
    url: str = "url"

    @classmethod
    def from_options(cls, html: str | None = None, text: str | None = None, id: str = "id", url: str = "url"):
        """--html-field/--text-field: either alone is the only page field; neither means html, then text."""
        page = tuple(f for f in (html, text) if f) or cls.page
        return cls(page=page, id=id, url=url)


@dataclass(slots=True)
class Record:
    source: str  # the file the record came from
    id: str | None  # None for a JSONL line until `parse` has read it
    url: str | None = None
    page: bytes | str | None = None  # the page itself (from a JSONL field) ...
    path: str | None = None  # ... or a page file the worker reads ...
    line: bytes | None = None  # ... or a JSONL line still to `parse` (in the worker, not the reading process)
    lineno: int = 0
    error: DeboilerError | None = None  # set when the record cannot be cleaned at all
    end: int = 0  # bytes of input consumed up to the end of this record (progress)
