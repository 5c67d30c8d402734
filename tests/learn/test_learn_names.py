"""`deboiler learn` quotes names it is given (page file names, --name) in comments: a newline in one
must not end the comment and write TOML of its own. And when a folder holds no pages, it says which
files it passed over."""

from __future__ import annotations

import pytest
import tomllib

from deboiler.errors import UsageError
from deboiler.learn.run import learn_files
from tests.helpers.learn_site import build_site

INJECTED = '\nid = "INJECTED"\n[rules.injected]\n#'


@pytest.fixture(scope="module")
def site():
    return build_site()[:8]


def _write(folder, pages, odd_name=None):
    folder.mkdir()
    for i, page in enumerate(pages):
        name = odd_name if (odd_name and i == 1) else page.name
        (folder / name).write_text(page.text, encoding="utf-8")


def test_a_page_file_name_with_newlines_stays_in_its_comment(tmp_path, site):
    _write(tmp_path / "pages", site, odd_name=f"01{INJECTED}.txt")
    learn_files([tmp_path / "pages"], tmp_path / "out" / "site.toml")
    text = (tmp_path / "out" / "site.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["id"] == "site" and "injected" not in data.get("rules", {})
    assert "\\u000A" in text


def test_a_name_with_newlines_is_a_string_and_stays_in_its_comment(tmp_path, site):
    _write(tmp_path / "pages", site)
    name = 'X\nhosts = ["evil.example"]'
    learn_files([tmp_path / "pages"], tmp_path / "out" / "site.toml", name=name)
    data = tomllib.loads((tmp_path / "out" / "site.toml").read_text(encoding="utf-8"))
    assert data["name"] == name and not any("evil" in h for h in data["hosts"])


def test_a_folder_of_no_pages_names_what_was_skipped(tmp_path):
    (tmp_path / "bin").mkdir()
    for i in range(5):
        (tmp_path / "bin" / f"b{i}.bin").write_bytes(bytes(range(256)))
    with pytest.raises(UsageError, match=r"5 others were skipped \(.*b0\.bin"):
        learn_files([tmp_path / "bin"], tmp_path / "o.toml")
