"""deboiler.integrations.datatrove: DeboilerExtractor in a real LocalPipelineExecutor over a WARC.

The WARC holds pages of known platforms and unknown sites, a binary body that the crawler labelled
text/html, a page of whitespace and an empty body. What datatrove's WarcReader lets through must come
out as `deboiler batch` writes the same records: the description as text, the fields as metadata.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="pip install -e '.[test]' installs datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from deboiler.errors import UsageError  # noqa: E402
from deboiler.integrations.datatrove import ERROR_KEY, METADATA_FIELDS, DeboilerExtractor  # noqa: E402
from tests.helpers.batch import OWN_FIELDS, PNG, http, read_jsonl, run, slow_page  # noqa: E402
from tests.helpers.corpora import CORPORA  # noqa: E402

KNOWN = [
    CORPORA / "seeds" / "000_091d726796bad19a.html",
    CORPORA / "playerfm" / "ko_korean_show.html",
    CORPORA / "podbud" / "no_date.html",
    CORPORA / "spotify" / "en_octopus_show_more.html",
    CORPORA / "applepodcasts" / "ja_edo_history.html",
]
UNKNOWN = sorted((CORPORA / "unknown").glob("*.html"))[:3]
# Common Crawl names a record's payload type from its bytes; this one was taken for HTML.
AS_HTML = {"WARC-Identified-Payload-Type": "text/html"}
# deboiler batch reads a record's bytes; datatrove's reader decodes them first (the PNG as windows-1252),
# so deboiler is given text of control characters and refuses it as undecodable rather than binary.
AS_DECODED_BY_DATATROVE = {"BinaryInput": "DecodeError", "EmptyInput": "EmptyInput"}


def write_warc(path: Path, bodies: list[tuple[str, bytes, dict]]) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, body, headers in bodies:
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http("200 OK", "text/html")
            )
            for name, value in headers.items():
                record.rec_headers.add_header(name, value)
            writer.write_record(record)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    """Two WARC files, so that two tasks of the executor each read one."""
    folder = tmp_path_factory.mktemp("crawl")
    pages = [(f"https://known.example/{p.stem}", p.read_bytes(), {}) for p in KNOWN]
    pages += [(f"https://unknown.example/{p.stem}", p.read_bytes(), {}) for p in UNKNOWN]
    odd = [
        ("https://odd.example/binary", PNG * 40, AS_HTML),
        ("https://odd.example/whitespace", b"  \n\t\n   \n", AS_HTML),
        ("https://odd.example/empty", b"", AS_HTML),
    ]
    write_warc(folder / "a.warc.gz", pages[:4] + odd[:1])
    write_warc(folder / "b.warc.gz", odd[1:] + pages[4:])
    return folder


def run_pipeline(crawl: Path, out: Path, **options) -> tuple[dict[str, dict], dict]:
    """The documents written (by id) and the extractor's stats, from two tasks in two processes."""
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawl)), DeboilerExtractor(**options), JsonlWriter(str(out / "docs"))],
        tasks=2,
        workers=2,
        logging_dir=str(out / "logs"),
    ).run()
    docs = {}
    for part in sorted((out / "docs").glob("*.jsonl.gz")):
        for line in gzip.decompress(part.read_bytes()).splitlines():
            doc = json.loads(line)
            docs[doc["id"]] = doc
    [stats] = [s for s in json.loads((out / "logs" / "stats.json").read_text()) if "deboiler" in s["name"]]
    return docs, {k: v["total"] if isinstance(v, dict) else v for k, v in stats["stats"].items()}


@pytest.fixture(scope="module")
def batch_rows(crawl, deboiler_exe, tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("batch") / "episodes.jsonl"
    proc = run(deboiler_exe, *sorted(crawl.glob("*.warc.gz")), "-o", out, "-w", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    return {row["id"]: row for row in read_jsonl(out)}


def fields_of(doc: dict) -> dict:
    return {k: doc["metadata"][k] for k in METADATA_FIELDS}


def test_the_output_is_what_deboiler_batch_writes_for_the_same_records(crawl, batch_rows, tmp_path):
    # A half-second limit: well over a warm page's time (milliseconds), well under a cold start (~1.5 s),
    # so a page that paid start-up inside the sandbox would show as a timeout.
    docs, stats = run_pipeline(crawl, tmp_path, timeout=0.5)
    ok = {rid: row for rid, row in batch_rows.items() if row["status"] == "ok"}
    assert len(ok) == len(KNOWN) + len(UNKNOWN)
    assert set(docs) == set(ok)  # every page deboiler can use, and nothing else
    for rid, row in ok.items():
        assert docs[rid]["text"] == row["description"]
        assert fields_of(docs[rid]) == {k: v for k, v in row.items() if k not in OWN_FIELDS and k != "description"}
        assert docs[rid]["metadata"][ERROR_KEY] is None
        assert docs[rid]["metadata"]["url"] == row["url"]  # the reader's own metadata stays
    assert {row["platform"] for row in ok.values()} >= {"playerfm", "podbud", "spotify", "applepodcasts", None}
    # The binary body and the page of whitespace reached deboiler; datatrove's reader dropped the empty one.
    errors = sorted(row["error"].split(":")[0] for row in batch_rows.values() if row["status"] == "error")
    assert errors == ["BinaryInput", "EmptyInput", "EmptyInput"]
    assert stats["total"] == len(ok) + 2 and stats["extracted"] == len(ok) and stats["forwarded"] == len(ok)
    assert stats["unusable_DecodeError"] == 1 and stats["unusable_EmptyInput"] == 1 and stats["dropped"] == 2
    assert "timeout" not in stats and "broken_process" not in stats and "clean_error" not in stats


def test_pages_deboiler_cannot_use_are_kept_with_their_error_when_asked(crawl, batch_rows, tmp_path):
    docs, stats = run_pipeline(crawl, tmp_path, timeout=0.5, keep_unusable=True)
    kept = {rid: doc for rid, doc in docs.items() if doc["metadata"][ERROR_KEY] is not None}
    assert sorted(doc["metadata"]["url"] for doc in kept.values()) == [
        "https://odd.example/binary",
        "https://odd.example/whitespace",
    ]
    for rid, doc in kept.items():
        assert batch_rows[rid]["status"] == "error"
        error = batch_rows[rid]["error"].split(":")[0]
        assert doc["metadata"][ERROR_KEY].split(":")[0] == AS_DECODED_BY_DATATROVE[error]
        assert doc.get("text", "") == "" and set(fields_of(doc).values()) == {None}  # the writer leaves out empty text
    assert stats["forwarded"] == len(docs) == stats["total"] and "dropped" not in stats


def test_a_page_over_the_timeout_is_counted_and_the_next_pages_go_through(tmp_path):
    # The slow page takes ~3 s; the sandbox process is killed and a new one, forked from the warm task
    # process, must clean the next pages (unknown sites included) inside half a second each.
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    after = [KNOWN[0], *UNKNOWN]
    write_warc(
        crawl / "slow.warc.gz",
        [("https://slow.example/", slow_page().encode(), AS_HTML)]
        + [(f"https://after.example/{p.stem}", p.read_bytes(), {}) for p in after],
    )
    docs, stats = run_pipeline(crawl, tmp_path / "out", timeout=0.5)
    assert stats["timeout"] == 1 and stats["extracted"] == len(after) == stats["forwarded"] == len(docs)


def test_the_step_is_checked_when_built():
    with pytest.raises(UsageError, match="unknown language-ID backend"):
        DeboilerExtractor(langid_backend="nonesuch")


def test_importing_deboiler_never_imports_datatrove():
    code = "import sys, deboiler, deboiler.cli.app, deboiler.integrations; assert 'datatrove' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


def test_without_datatrove_the_error_says_what_to_install():
    code = "import sys; sys.modules['datatrove'] = None\nimport deboiler.integrations.datatrove"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "pip install 'deboiler[datatrove]'" in proc.stderr
