"""WARC records that are malformed in ways warcio does not catch: each is a record of its own, and
the good records around it still come out."""

from __future__ import annotations

from tests.helpers.batch import read_jsonl, run

FAST = ("-w", "1", "--langid", "none")
PAGE = b"<html><body><p>We talk about things for an hour in this episode of the show.</p></body></html>"


def _record(i: int, *, uri: bool = True, length: bytes | None = None, cut: int | None = None) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(PAGE)
    http = head + (PAGE if cut is None else PAGE[:cut])
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%d>\r\n" % i
        + (b"WARC-Target-URI: https://example.com/%d\r\n" % i if uri else b"")
        + b"Content-Length: " + (length or b"%d" % len(http)) + b"\r\n\r\n" + http + b"\r\n\r\n"
    )


def _statuses(deboiler_exe, tmp_path, data: bytes) -> list[tuple[str, str, str]]:
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(data)
    proc = run(deboiler_exe, warc, "-o", tmp_path / "out.jsonl", *FAST)
    assert proc.returncode == 0, proc.stderr.decode()
    return [(r["id"], r["status"], (r["error"] or "").split(":")[0]) for r in read_jsonl(tmp_path / "out.jsonl")]


def test_a_body_shorter_than_its_http_length_is_a_bad_record(deboiler_exe, tmp_path):
    got = _statuses(deboiler_exe, tmp_path, _record(1) + _record(2, cut=40) + _record(3))
    assert got == [("<urn:uuid:1>", "ok", ""), ("<urn:uuid:2>", "error", "BadRecord"), ("<urn:uuid:3>", "ok", "")]


def test_a_response_without_target_uri_is_still_read(deboiler_exe, tmp_path):
    got = _statuses(deboiler_exe, tmp_path, _record(1) + _record(2, uri=False) + _record(3))
    assert [status for _, status, _ in got] == ["ok", "ok", "ok"]


def test_an_absurd_content_length_is_a_bad_record_after_the_good_ones(deboiler_exe, tmp_path):
    got = _statuses(deboiler_exe, tmp_path, _record(1) + _record(2, length=b"9" * 26) + _record(3))
    assert got[0] == ("<urn:uuid:1>", "ok", "") and got[1][1:] == ("error", "BadRecord")
