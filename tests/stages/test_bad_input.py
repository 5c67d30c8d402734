"""Bad input: one line on stderr, the documented exit code, never a traceback."""

from __future__ import annotations

import gzip
import subprocess

import pytest

import deboiler
from deboiler import errors
from deboiler.errors import DecodeError
from deboiler.stages.load import load

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def run(exe, *args, stdin=None):
    return subprocess.run([exe, *args], input=stdin, capture_output=True, timeout=120)


def assert_one_line_error(proc, code, words):
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == code, (proc.returncode, err)
    assert proc.stdout == b""
    assert err.count("\n") == 1 and err.startswith("deboiler: error: "), err
    assert "Traceback" not in err
    assert words in err


def test_missing_file(deboiler_exe, tmp_path):
    assert_one_line_error(run(deboiler_exe, "clean", str(tmp_path / "nope.txt")), 3, "no such file")


def test_directory(deboiler_exe, tmp_path):
    assert_one_line_error(run(deboiler_exe, "clean", str(tmp_path)), 3, "is a directory")


def test_empty_file(deboiler_exe, tmp_path):
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    assert_one_line_error(run(deboiler_exe, "clean", str(page)), 4, "empty")


def test_whitespace_only_stdin(deboiler_exe):
    assert_one_line_error(run(deboiler_exe, "clean", "-", stdin=b" \n\t\n  \n"), 4, "empty")


@pytest.mark.parametrize(
    "data, what",
    [
        (PNG, "PNG image"),
        (gzip.compress(b"hello world " * 100), "gzip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
        (bytes(range(256)) * 20, "binary"),
    ],
)
def test_binary(deboiler_exe, tmp_path, data, what):
    page = tmp_path / "page.txt"  # the name lies; content decides
    page.write_bytes(data)
    assert_one_line_error(run(deboiler_exe, "clean", str(page)), 5, what)


def test_undecodable_bytes(deboiler_exe, tmp_path):
    # Control characters that no text encoding makes readable.
    page = tmp_path / "page.txt"
    page.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 300)
    assert_one_line_error(run(deboiler_exe, "clean", str(page)), 6, "control characters")


def test_too_large(deboiler_exe, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(b"word " * 1000)
    assert_one_line_error(run(deboiler_exe, "clean", str(page), "--max-bytes", "100"), 7, "over the limit")


def test_debug_shows_traceback(deboiler_exe, tmp_path):
    proc = run(deboiler_exe, "--debug", "clean", str(tmp_path / "nope.txt"))
    assert proc.returncode != 0
    assert b"Traceback" in proc.stderr


def test_library_raises_documented_types():
    with pytest.raises(errors.EmptyInput):
        deboiler.clean(b"")
    with pytest.raises(errors.BinaryInput):
        deboiler.clean(PNG)
    assert issubclass(errors.BinaryInput, deboiler.DeboilerError)


def test_legacy_encoding_decodes(tmp_path):
    # A Korean page saved as CP949 (EUC-KR): real legacy bytes, not UTF-8.
    text = "제목 없는 팟캐스트\n\n이번 에피소드에서는 한국 현대사의 중요한 장면들을 이야기합니다. 청취해 주셔서 감사합니다.\n"
    ep = deboiler.clean(text.encode("cp949"))
    assert "한국 현대사" in ep.description


@pytest.mark.parametrize(
    "data, refused",
    [
        ("\ufffd" * 3000, True),  # valid UTF-8 bytes of U+FFFD only: what a broken converter leaves
        ("Episode notes\x07\x07\x07 " * 50, True),  # control bytes inside valid UTF-8
        ("Episode notes with one bell\x07 and nothing else odd\n" * 40, False),
        ("Episode notes, all clean\n" * 40, False),
    ],
)
def test_control_soup_in_utf8_bytes(data, refused):
    # load() skips the character count for UTF-8 without control bytes or U+FFFD; both kinds of soup
    # must still reach it and be refused, and clean text must not be.
    if refused:
        with pytest.raises(DecodeError, match="control characters"):
            load(data.encode("utf-8"))
    else:
        assert load(data.encode("utf-8")).encoding == "utf-8"


@pytest.mark.parametrize("label", ["utf-16", "unicode_escape", "rot13", "utf-7"])
def test_a_declared_charset_must_be_a_web_label(label):
    # Not UTF-8 (one Latin-1 byte), so the declaration is read; only labels browsers know count, and
    # utf-16 in a meta tag means UTF-8: neither CJK nonsense nor escapes decoded.
    page = (
        f'<!doctype html><html><head><meta charset="{label}"><title>Episode 9</title></head><body>'
        "<p>We talk about things for an hour in this episode of the show.</p>"
        "<p>Price \\u0024100 \\x41 caf"
    ).encode() + b"\xe9 culture and more.</p></body></html>"
    page += b" " * (len(page) % 2)
    ep = deboiler.clean(page, langid_backend="none")
    assert "Price \\u0024100 \\x41 caf" in ep.description
    assert not any("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in ep.description)


@pytest.mark.parametrize("page", [None, 123, [b"page"], {"text": "page"}])
def test_a_value_that_is_no_page_is_a_type_error_naming_bytes_and_str(page):
    with pytest.raises(TypeError, match="bytes or str") as caught:
        deboiler.clean(page)
    assert isinstance(caught.value, deboiler.DeboilerError)


def test_a_memoryview_or_bytearray_is_read_as_its_bytes():
    page = b"Episode one\nWe talk about things for an hour in this episode."
    want = deboiler.clean(page, langid_backend="none").description
    assert deboiler.clean(memoryview(page), langid_backend="none").description == want
    assert deboiler.clean(bytearray(page), langid_backend="none").description == want


@pytest.mark.parametrize("workers", [1, 2])
def test_clean_many_yields_the_type_error_in_the_items_place_and_goes_on(workers):
    page = b"Episode one\nWe talk about things for an hour in this episode."
    got = list(deboiler.clean_many([page, None, 5, page], workers=workers, langid_backend="none"))
    assert [type(r).__name__ for r in got] == ["Episode", "PageTypeError", "PageTypeError", "Episode"]
    assert isinstance(got[1], TypeError) and "bytes or str" in str(got[1])
