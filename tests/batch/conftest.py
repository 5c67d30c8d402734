"""Fixtures shared by the batch tests."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.helpers.batch import (
    CP949,
    CP1251,
    EN_TEXT,
    GOLD_PAGES,
    KO_HTML,
    MAX_BYTES,
    PAGES,
    PNG,
    PODBUD_HTML,
    SEED_TEXT,
    SHIFT_JIS,
    TEXT_PAGES,
    UTF16,
    Archive,
    chunked,
    http,
)


@pytest.fixture()
def mixed(tmp_path: Path) -> tuple[list[str], list[tuple[str, str, bytes | str]]]:
    """A folder of corpora pages (plus a PNG, an empty file, a hidden file) and a JSONL.gz with bad lines.

    Returns the INPUT arguments and the records the batch must write, in order: (source, id, page),
    page None for a line that is not a record at all.
    """
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    want: list[tuple[str, str, bytes | str | None]] = []
    files = {f"{i:02d}_{p.name}": p.read_bytes() for i, p in enumerate(PAGES)}
    files["zz_image.txt"] = PNG
    files["zz_empty.txt"] = b""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "sub" / "nested.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    (folder / ".hidden.txt").write_bytes(b"not an input")
    for name in sorted([*files, "sub"]):  # a folder is walked in name order, depth first
        if name == "sub":
            want.append(
                (str(folder / "sub" / "nested.txt"), str(folder / "sub" / "nested.txt"), TEXT_PAGES[0].read_bytes())
            )
        else:
            want.append((str(folder / name), str(folder / name), files[name]))

    jsonl = tmp_path / "crawl.jsonl.gz"
    lines = []
    for i, p in enumerate(TEXT_PAGES[:8]):
        text = p.read_bytes().decode("utf-8", "replace")
        lines.append(json.dumps({"id": f"t{i}", "text": text, "url": f"https://example.org/{i}"}))
        want.append((str(jsonl), f"t{i}", text))
    html = next(p for p in PAGES if p.suffix == ".html" and "encodings" not in p.parts).read_text(encoding="utf-8")
    lines.append(json.dumps({"id": "h0", "html": html, "text": "ignored: html comes first"}))
    want.append((str(jsonl), "h0", html))
    lines.append(json.dumps({"id": "empty", "text": ""}))
    want.append((str(jsonl), "empty", ""))
    lines.append(json.dumps({"id": "binary", "text": "\x00\x01\x02\x03\x04\x05\x06\x07\x08" * 20}))
    want.append((str(jsonl), "binary", "\x00\x01\x02\x03\x04\x05\x06\x07\x08" * 20))
    lines.append('{"id": "broken", "text": "no closing quote}')
    want.append((str(jsonl), f"{jsonl}:{len(lines)}", None))
    lines.append("")  # a blank line is not a record
    lines.append(json.dumps({"text": TEXT_PAGES[1].read_text(encoding="utf-8")}))  # no id: PATH:LINE
    want.append((str(jsonl), f"{jsonl}:{len(lines)}", TEXT_PAGES[1].read_text(encoding="utf-8")))
    jsonl.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return [str(folder), str(jsonl)], want


@pytest.fixture()
def parquet_input(tmp_path: Path) -> tuple[Path, list[tuple[str, str | None, object]]]:
    """A Parquet file of pages under other column names, in row groups of 3.

    Returns the file and what each output record must be, in order: (id, url, expectation), the
    expectation a gold page or ("error", class name, words of the message).
    """
    path = tmp_path / "crawl.parquet"
    rows, want = [], []
    for i, page in enumerate(GOLD_PAGES):  # the bytes as stored, in a binary column
        rows.append({"key": 100 + i, "link": f"https://example.org/{i}", "raw": page.read_bytes(), "txt": None})
        want.append((str(100 + i), f"https://example.org/{i}", page))
    text = EN_TEXT.read_text(encoding="utf-8")
    rows.append({"key": None, "link": None, "raw": None, "txt": text})  # no id: PATH:ROW
    want.append((f"{path}:{len(rows)}", None, EN_TEXT))
    rows.append({"key": 998, "link": None, "raw": None, "txt": None})  # no page at all
    want.append(("998", None, ("error", "BadRecord", f"row {len(rows)} has no 'raw' or 'txt' value")))
    rows.append({"key": 999, "link": None, "raw": None, "txt": "   "})
    want.append(("999", None, ("error", "EmptyInput", "")))
    schema = pa.schema([("key", pa.int64()), ("link", pa.string()), ("raw", pa.binary()), ("txt", pa.string())])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=3)
    assert pq.ParquetFile(path).num_row_groups == 4
    return path, want


@pytest.fixture()
def warcs(tmp_path: Path) -> list[Archive]:
    big = b"<html><body><p>" + b"filler " * 1_000_000 + b"</p></body></html>"
    assert len(big) > MAX_BYTES > max(len(p.read_bytes()) for p in GOLD_PAGES)
    a = Archive(tmp_path / "crawl.warc.gz")
    a.add(
        a.writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"}),
        ("skipped", "NotAPage", "a warcinfo record"),
    )
    a.request("https://ja.player.fm/e/1")
    a.response(
        "https://ja.player.fm/e/1", SHIFT_JIS.read_bytes(), http("200 OK", "text/html; charset=shift_jis"), SHIFT_JIS
    )
    a.response("https://player.fm/e/2", CP1251.read_bytes(), http("200 OK", "text/plain; charset=windows-1251"), CP1251)
    a.response("https://podbud.com/e/3", UTF16.read_bytes(), http("200 OK", "text/html"), UTF16)
    gz = gzip.compress(CP949.read_bytes())
    a.response("https://ko.player.fm/e/4", gz, http("200 OK", "text/html", ("Content-Encoding", "gzip")), CP949)
    body = chunked(KO_HTML.read_bytes())
    a.response("https://player.fm/e/5", body, http("200 OK", "text/html", ("Transfer-Encoding", "chunked")), KO_HTML)
    a.response("https://player.fm/gone", b"<html>Not found</html>", http("404 Not Found", "text/html"),
               ("skipped", "NotAPage", "HTTP status 404"))  # fmt: skip
    a.response("https://player.fm/old", b"", http("301 Moved Permanently", None, ("Location", "https://player.fm/new")),
               ("skipped", "NotAPage", "HTTP status 301"))  # fmt: skip
    a.response("https://player.fm/logo.png", b"\x89PNG\r\n\x1a\n", http("200 OK", "image/png"),
               ("skipped", "NotAPage", "content type image/png"))  # fmt: skip
    a.response("https://player.fm/big", big, http("200 OK", "text/html"), ("error", "InputTooLarge", f"{MAX_BYTES:,}"))
    a.response("https://player.fm/no-type", EN_TEXT.read_bytes(), http("200 OK", None), EN_TEXT)
    meta = a.writer.create_warc_record("https://player.fm/e/5", "metadata", payload=io.BytesIO(b"outlink: x"),
                                       warc_content_type="application/warc-fields")  # fmt: skip
    a.add(meta, ("skipped", "NotAPage", "a metadata record"))
    revisit = a.writer.create_revisit_record(
        "https://player.fm/e/5", "sha1:AAAA", "https://player.fm/e/5", "20240101000000"
    )
    a.add(revisit, ("skipped", "NotAPage", "a revisit record"))
    resource = a.writer.create_warc_record("file:///saved/podbud.html", "resource", payload=io.BytesIO(PODBUD_HTML.read_bytes()),
                                           warc_content_type="text/html")  # fmt: skip
    a.add(resource, PODBUD_HTML)
    b = Archive(tmp_path / "plain.warc", gzip=False)
    b.response("https://player.fm/e/6", SEED_TEXT.read_bytes(), http("200 OK", "text/plain; charset=utf-8"), SEED_TEXT)
    return [a, b]
