"""Helpers shared by the batch tests: running the command, reading its output, making inputs."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import time
from pathlib import Path

import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import deboiler
from tests.helpers.corpora import CORPORA, gold_of

PAGES = sorted(p for p in CORPORA.rglob("*") if p.suffix in (".txt", ".html"))
OWN_FIELDS = ("source", "id", "url", "status", "error")
TEXT_PAGES = [p for p in PAGES if p.suffix == ".txt" and "encodings" not in p.parts]  # all UTF-8


def run(exe: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([exe, "batch", *map(str, args)], capture_output=True, timeout=timeout)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line]


def expected(page: bytes | str) -> dict:
    """What deboiler.clean says in this process: the Episode record, or the error's class name."""
    try:
        return deboiler.clean(page).to_dict()
    except deboiler.DeboilerError as exc:
        return {"error": type(exc).__name__}


def episode_of(row: dict) -> dict:
    if row["status"] == "error":
        return {"error": row["error"].split(":", 1)[0]}
    return {k: v for k, v in row.items() if k not in OWN_FIELDS}


def many_records(path: Path, n: int) -> list[str]:
    """n JSONL records: the corpora's text pages over and over, each with its own id."""
    texts = [p.read_bytes().decode("utf-8", "replace") for p in TEXT_PAGES]
    ids = [f"rec-{i:05d}" for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for i, rid in enumerate(ids):
            f.write(json.dumps({"id": rid, "text": texts[i % len(texts)]}) + "\n")
    return ids


def start(exe: str, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [exe, "batch", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def wait_for_output(part: Path, proc: subprocess.Popen, at_least: int = 1) -> None:
    deadline = time.monotonic() + 60
    while not (part.exists() and part.stat().st_size >= at_least):
        assert proc.poll() is None, "the batch ended before it was killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)


def assert_group_gone(pgid: int) -> None:
    """The workers (and the forkserver) leave once their parent is gone."""
    deadline = time.monotonic() + 10
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        assert time.monotonic() < deadline, "worker processes outlived the killed batch"
        time.sleep(0.05)


def assert_one_line_error(proc: subprocess.CompletedProcess, code: int, words: str) -> None:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == code, (proc.returncode, err)
    assert err.count("\n") == 1 and err.startswith("deboiler: error: "), err
    assert words in err


def read_parquet(path: Path) -> list[dict]:
    rows = pq.read_table(path).to_pylist()
    for row in rows:  # a map column reads back as (key, value) pairs
        row["ids"] = dict(row["ids"]) if row["ids"] is not None else None
    return rows


def http(status: str, content_type: str | None, *extra: tuple[str, str]) -> StatusAndHeaders:
    headers = [("Content-Type", content_type)] if content_type else []
    return StatusAndHeaders(status, headers + list(extra), protocol="HTTP/1.1")


class Archive:
    """A WARC written with warcio, and what each of its records must become in the output, in order."""

    def __init__(self, path: Path, gzip: bool = True):
        self.path, self.want, self.ends = path, [], []  # ends: file offset after each record
        self._file = open(path, "wb")
        self.writer = WARCWriter(self._file, gzip=gzip)

    def add(self, record, expect) -> None:
        self.writer.write_record(record)
        self.ends.append(self._file.tell())
        uri = record.rec_headers.get_header("WARC-Target-URI")
        self.want.append((record.rec_headers.get_header("WARC-Record-ID"), uri, expect))

    def response(self, uri: str, body: bytes, headers: StatusAndHeaders, expect) -> None:
        self.add(
            self.writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers), expect
        )

    def request(self, uri: str) -> None:
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        self.add(
            self.writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers),
            ("skipped", "NotAPage", "a request record"),
        )

    def close(self) -> Path:
        self._file.close()
        return self.path


def chunked(body: bytes) -> bytes:
    """HTTP/1.1 chunked transfer coding, in chunks of 1000 bytes."""
    out = b"".join(b"%x\r\n%s\r\n" % (len(body[i : i + 1000]), body[i : i + 1000]) for i in range(0, len(body), 1000))
    return out + b"0\r\n\r\n"
MAX_BYTES = 6_000_000  # over every gold page and test_batch_timeout's slow page (5.6 MB), under `big` below


def check_warc(rows: list[dict], archives: list[Archive]) -> None:
    want = [(rid, uri, expect) for a in archives for rid, uri, expect in a.want]
    assert [r["source"] for r in rows] == [str(a.path) for a in archives for _ in a.want]
    check_rows(rows, want)
CASTLANE_PAGE = CORPORA / "unknown" / "castlane_episode.txt"
CASTLANE_TOML = """\
id = "castlane"
name = "CastLane"
hosts = ["castlane.example"]
brands = ["CastLane"]
default_locale = "en"

[rules.brand]
phrases = ["CastLane", "© {n} CastLane"]
label = "chrome"
signature = 0.4
why = "CastLane's site name"

[rules.nav]
phrases = ["Home", "Browse", "Sign in", "Open in app", "Share", "Download"]
label = "chrome"
signature = 0.3
why = "CastLane's navigation"

[rules.cookies]
phrases = ["We use cookies to improve your experience. By continuing to browse you agree to our Cookie Policy.", "Accept all"]
label = "chrome"
signature = 0.3
why = "CastLane's cookie notice"

[rules.more]
phrases = ["More episodes like this"]
label = "chrome"
signature = 0.3
why = "CastLane's list of other episodes"
"""


def castlane_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "my_platforms"
    (folder / "castlane").mkdir(parents=True)
    (folder / "castlane" / "platform.toml").write_text(CASTLANE_TOML, encoding="utf-8")
    return folder


def castlane_records(path: Path, copies: int, field: str = "text") -> None:
    """A JSONL file: `copies` copies of the CastLane page, then one PodBud page (a built-in platform)."""
    text = CASTLANE_PAGE.read_text(encoding="utf-8")
    podbud = (CORPORA / "podbud" / "no_date.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"c{i}", field: text}) for i in range(copies)]
    lines.append(json.dumps({"id": "p", field: podbud}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
LIMIT = 1.0


def slow_page() -> str:
    rng = random.Random(1)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma".split()
    return "\n\n".join(" ".join(rng.choice(words) for _ in range(12)) + f" {i}." for i in range(80_000))


def slow_records(path: Path, field: str = "text") -> list[str | None]:
    """Gold text pages with the slow page second; returns each record's page (None: the slow one)."""
    pages: list[str | None] = [TEXT_PAGES[0].read_text(encoding="utf-8"), None]
    pages += [p.read_text(encoding="utf-8") for p in TEXT_PAGES[1:4]]
    with open(path, "w", encoding="utf-8") as f:
        for i, page in enumerate(pages):
            f.write(json.dumps({"id": f"r{i}", field: slow_page() if page is None else page}) + "\n")
    return pages


def check_slow(rows: list[dict], pages: list[str | None]) -> None:
    assert [r["id"] for r in rows] == [f"r{i}" for i in range(len(pages))]
    for row, page in zip(rows, pages):
        if page is None:
            assert row["status"] == "error", "the slow page was not stopped"
            assert row["error"] == f"PageTimeout: cleaning this page took more than {LIMIT:g} s (--page-timeout)"
        else:
            assert episode_of(row) == expected(page), row["id"]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
SHIFT_JIS = CORPORA / "encodings" / "playerfm_ja_shift_jis.html"
CP1251 = CORPORA / "encodings" / "playerfm_ru_cp1251.txt"
UTF16 = CORPORA / "encodings" / "podbud_utf16.html"
CP949 = CORPORA / "encodings" / "playerfm_ko_cp949.html"
EN_TEXT = CORPORA / "playerfm" / "en_short_single.txt"
KO_HTML = CORPORA / "playerfm" / "ko_korean_show.html"
PODBUD_HTML = CORPORA / "podbud" / "no_date.html"
SEED_TEXT = CORPORA / "seeds" / "003_2e280c63de17b94b.txt"
GOLD_PAGES = [SHIFT_JIS, CP1251, UTF16, CP949, EN_TEXT, KO_HTML, PODBUD_HTML, SEED_TEXT]


def assert_gold(row: dict, page: Path) -> None:
    """The output record is the page's gold: status ok, every gold field, the description line by line."""
    want = gold_of(page)
    assert row["status"] == "ok" and row["error"] is None, (page.name, row["error"])
    assert row["description"].split("\n") == want["description"], page.name
    for name, value in want.items():
        if name != "description":
            assert row[name] == value, (page.name, name)


def check_rows(rows: list[dict], want: list) -> None:
    assert [(r["id"], r["url"]) for r in rows] == [(rid, url) for rid, url, _ in want]
    for row, (_, _, expect) in zip(rows, want):
        if isinstance(expect, Path):
            assert_gold(row, expect)
        else:
            status, cls, words = expect
            assert row["status"] == status and row["error"].startswith(f"{cls}: ") and words in row["error"], row
            assert row["description"] is None and row["platform"] is None
