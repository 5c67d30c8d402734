"""Parquet input for `deboiler batch`: one Record per row, read a batch of rows at a time.

Only the columns the batch needs are read (the page columns, the id and url columns), one row group at
a time and turned into Python objects BATCH_ROWS rows at a time, so memory stays bounded by one row
group's columns however large the file. The column names
are the JSONL field names (--html-field, --text-field, --id-field, --url-field). A row's page is its
first page column that is not null: a string column holds a decoded page; a binary column holds the
page's bytes as fetched, which deboiler decodes as it decodes a saved file (so pages in legacy
encodings can be stored as they were). The id is the id column's value (a string as it is, any other
value as JSON), else PATH:ROW with rows counted from 1; the url column is copied.

Nothing is lost: a row with no page is an error record (BadRecord), a file that is not Parquet is one
error record, and a row group that cannot be read (damaged) is one error record naming its rows, after
which the next row groups are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from deboiler.batch.readers.base import BadRecord, Fields, Record

SUFFIXES = (".parquet", ".pq")
BATCH_ROWS = 256  # rows turned into Python objects at a time


def is_parquet(path: Path | str) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def parquet_records(path: Path, base: int, size: int, fields: Fields) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = str(path)
    row = 0
    try:
        pf = pq.ParquetFile(source)
        names = set(pf.schema_arrow.names)
        page_cols = [c for c in fields.page if c in names]
        wanted = [*page_cols, *(c for c in (fields.id, fields.url) if c in names and c not in page_cols)]
        total = max(pf.metadata.num_rows, 1)
        if not wanted:  # no column we know: still one error record per row
            for _ in range(pf.metadata.num_rows):
                row += 1
                yield _no_page(source, row, None, None, page_cols, fields, base + size * row // total)
            return
        for group in range(pf.num_row_groups):
            count = pf.metadata.row_group(group).num_rows
            try:  # a row group at a time: a damaged one costs its own rows only
                table = pf.read_row_group(group, columns=wanted, use_threads=False)
            except (OSError, pa.ArrowException) as exc:
                first, row = row + 1, row + count
                why = f"cannot read rows {first} to {row} (row group {group + 1}): {' '.join(str(exc).split())}"
                yield Record(source, f"{source}:{first}", error=BadRecord(why), end=base + size * row // total)
                continue
            for batch in table.to_batches(max_chunksize=BATCH_ROWS):
                columns = {name: batch.column(name).to_pylist() for name in wanted}
                for i in range(batch.num_rows):
                    row += 1
                    yield _row(source, row, i, columns, page_cols, fields, base + size * row // total)
            del table
    except (OSError, pa.ArrowException) as exc:  # not Parquet, or its footer is damaged
        where = f"cannot read past row {row}" if row else "cannot read it as Parquet"
        yield Record(source, f"{source}:{row + 1}", error=BadRecord(f"{where}: {exc}"), end=base + size)


def _row(source, row, i, columns, page_cols, fields, end) -> Record:
    rid = _text(columns[fields.id][i]) if fields.id in columns else None
    rid = f"{source}:{row}" if rid is None else rid
    url = columns[fields.url][i] if fields.url in columns else None
    url = _text(url) if isinstance(url, (str, bytes)) else None
    page = next((columns[c][i] for c in page_cols if columns[c][i] is not None), None)
    if page is None:
        return _no_page(source, row, rid, url, page_cols, fields, end)
    if not isinstance(page, (str, bytes)):
        what = type(page).__name__
        return Record(source, rid, url, error=BadRecord(f"row {row}: the page is a {what}, not text"), end=end)
    return Record(source, rid, url, page=page, end=end)


def _no_page(source, row, rid, url, page_cols, fields, end) -> Record:
    names = " or ".join(repr(f) for f in fields.page)
    why = f"row {row} has no {names} value" if page_cols else f"the file has no {names} column"
    return Record(source, rid or f"{source}:{row}", url, error=BadRecord(why), end=end)


def _text(value) -> str | None:
    """An id or url cell as a string: strings as they are, bytes as UTF-8, anything else as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return json.dumps(value, sort_keys=True, default=str)
