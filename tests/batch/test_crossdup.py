"""`deboiler batch --dedup exact|minhash`: real batch runs over corpora pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import deboiler
from deboiler.batch.crossdup import Index, key, normalise
from tests.helpers.batch import read_jsonl, run
from tests.helpers.corpora import CORPORA

PLAYERFM = CORPORA / "playerfm" / "en_short_single.txt"
PODBUD = CORPORA / "podbud" / "no_date.txt"
PLAYERFM_DESC = (
    "Real stories from the nurses, porters and junior doctors who keep the hospital running after midnight."
    "\n\nFirst episode out Thursday 14 March. Hosted by Priya Raman, RN."
)
LONG = CORPORA / "playerfm" / "en_history_long.txt"


def same_episode_on_playerfm() -> str:
    """A Player FM page for the PodBud page's episode: its description put in a Player FM page."""
    page = PLAYERFM.read_text(encoding="utf-8")
    assert PLAYERFM_DESC in page
    return page.replace(PLAYERFM_DESC, deboiler.clean(PODBUD.read_bytes()).description)


def near_duplicate(page: Path) -> str:
    """The page with one sentence of its description changed."""
    text = page.read_text(encoding="utf-8")
    desc = deboiler.clean(text).description
    first = desc.split(". ")[0]
    assert len(first.split()) >= 6 and first in text
    return text.replace(first, "An entirely different opening sentence was written here by a later editor", 1)


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(PODBUD, folder / "a_podbud.txt")
    (folder / "b_playerfm.txt").write_text(same_episode_on_playerfm(), encoding="utf-8")
    shutil.copy(LONG, folder / "c_long.txt")
    shutil.copy(LONG.with_suffix(".html"), folder / "d_long.html")  # the text page's HTML twin
    (folder / "e_long_edited.txt").write_text(near_duplicate(LONG), encoding="utf-8")
    shutil.copy(CORPORA / "podbud" / "minutes_only.txt", folder / "f_other.txt")
    (folder / "g_empty.txt").write_bytes(b"")
    jsonl = tmp_path / "more.jsonl"
    lines = [json.dumps({"id": f"j{i}", "text": PODBUD.read_text(encoding="utf-8")}) for i in range(3)]
    lines.append(json.dumps({"id": "jl", "text": near_duplicate(LONG)}))
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder), str(jsonl)]


def by_name(rows: list[dict]) -> dict[str, str | None]:
    return {Path(r["id"]).name if "/" in r["id"] else r["id"]: r["duplicate_of"] for r in rows}


def test_pages_are_what_the_test_says():
    pb = deboiler.clean(PODBUD.read_bytes())
    pf = deboiler.clean(same_episode_on_playerfm())
    assert (pb.platform, pf.platform) == ("podbud", "playerfm")
    assert normalise(pb.description) == normalise(pf.description)
    long, edited = deboiler.clean(LONG.read_bytes()).description, deboiler.clean(near_duplicate(LONG)).description
    assert long != edited and key(long, "exact") != key(edited, "exact")


def test_exact_clusters_same_text_across_platforms_and_formats(deboiler_exe, tmp_path, inputs):
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, *inputs, "-o", out, "--workers", "2", "--chunk-size", "2", "--dedup", "exact")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(out)
    assert all(list(r)[-1] == "duplicate_of" for r in rows)
    first = {r["id"]: r for r in rows}
    a, c = [r["id"] for r in rows if r["id"].endswith(("a_podbud.txt", "c_long.txt"))]
    assert by_name(rows) == {
        "a_podbud.txt": None,
        "b_playerfm.txt": a,  # the same episode on Player FM and on PodBud
        "c_long.txt": None,
        "d_long.html": c,  # the HTML twin of a text page
        "e_long_edited.txt": None,  # one sentence changed: not an exact duplicate
        "f_other.txt": None,
        "g_empty.txt": None,  # an error record is nobody's duplicate
        "j0": a,
        "j1": a,
        "j2": a,
        "jl": first[[r["id"] for r in rows if r["id"].endswith("e_long_edited.txt")][0]]["id"],
    }
    # the rest of each record is what the batch writes without --dedup
    plain = tmp_path / "plain.jsonl"
    assert run(deboiler_exe, *inputs, "-o", plain, "--workers", "1").returncode == 0
    assert [{k: v for k, v in r.items() if k != "duplicate_of"} for r in rows] == read_jsonl(plain)


def test_minhash_clusters_near_duplicates_and_workers_do_not_matter(deboiler_exe, tmp_path, inputs):
    out1, out2 = tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"
    args = ["--dedup", "minhash", "--dedup-threshold", "0.8"]
    proc = run(deboiler_exe, *inputs, "-o", out2, "--workers", "2", "--chunk-size", "1", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    proc = run(deboiler_exe, *inputs, "-o", out1, "--workers", "1", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    assert out1.read_bytes() == out2.read_bytes()
    rows = read_jsonl(out1)
    a, c = [r["id"] for r in rows if r["id"].endswith(("a_podbud.txt", "c_long.txt"))]
    assert by_name(rows) == {
        "a_podbud.txt": None,
        "b_playerfm.txt": a,
        "c_long.txt": None,
        "d_long.html": c,
        "e_long_edited.txt": c,  # one sentence changed: a near duplicate
        "f_other.txt": None,
        "g_empty.txt": None,
        "j0": a,
        "j1": a,
        "j2": a,
        "jl": c,
    }


@pytest.mark.parametrize("mode", ["exact", "minhash"])
def test_resume_rebuilds_the_index_from_the_kept_records(deboiler_exe, tmp_path, inputs, mode):
    full = tmp_path / "full.jsonl"
    assert run(deboiler_exe, *inputs, "-o", full, "--workers", "1", "--dedup", mode).returncode == 0
    data = full.read_bytes()
    for keep in (1, 3, 6):  # the cluster heads are in the kept part, their duplicates in the rest
        cut = 0
        for _ in range(keep):
            cut = data.index(b"\n", cut) + 1
        out = tmp_path / f"out{keep}.jsonl"
        (tmp_path / f"out{keep}.jsonl.part").write_bytes(data[: cut + 25])  # plus a cut-off line
        proc = run(deboiler_exe, *inputs, "-o", out, "--resume", "--workers", "2", "--dedup", mode)
        assert proc.returncode == 0, proc.stderr.decode()
        assert out.read_bytes() == data
    # a part written without --dedup is refused rather than mixed
    plain = tmp_path / "plain.jsonl"
    assert run(deboiler_exe, *inputs, "-o", plain, "--workers", "1").returncode == 0
    plain.rename(tmp_path / "plain.jsonl.part")
    proc = run(deboiler_exe, *inputs, "-o", plain, "--resume", "--dedup", mode)
    assert proc.returncode == 2 and "without --dedup" in proc.stderr.decode()


def test_minhash_is_deterministic_and_stores_no_text():
    text = deboiler.clean(LONG.read_bytes()).description
    assert (key(text, "minhash") == key(text, "minhash")).all()
    index = Index("minhash")
    assert index.assign("x", key(text, "minhash")) is None
    assert index.assign("y", key(near_duplicate_text(text), "minhash")) == "x"
    assert index.assign("z", key("something else entirely, five words or more here", "minhash")) is None
    assert index.assign("e", None) is None


def near_duplicate_text(text: str) -> str:
    first = text.split(". ")[0]
    return text.replace(first, "An entirely different opening sentence was written here by a later editor", 1)


def test_bad_options_are_refused(deboiler_exe, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, PODBUD, "-o", out, "--dedup", "fuzzy")
    assert proc.returncode == 2 and "--dedup must be one of" in proc.stderr.decode()
    proc = run(deboiler_exe, PODBUD, "-o", out, "--dedup", "minhash", "--dedup-threshold", "0")
    assert proc.returncode == 2 and "--dedup-threshold" in proc.stderr.decode()
    assert not out.exists()


def test_resume_refuses_a_part_written_with_other_dedup_options(deboiler_exe, tmp_path, inputs):
    # Written with --dedup exact, the edited copy of c_long is no duplicate; --dedup minhash makes it one.
    # Rebuilding the index re-derives every kept record's duplicate_of, so the switch is caught, not mixed in.
    full = tmp_path / "exact.jsonl"
    assert run(deboiler_exe, *inputs, "-o", full, "--workers", "1", "--dedup", "exact").returncode == 0
    rows = read_jsonl(full)
    assert by_name(rows)["e_long_edited.txt"] is None
    lines = full.read_bytes().splitlines(keepends=True)
    upto = next(i for i, r in enumerate(rows) if r["id"].endswith("e_long_edited.txt")) + 1
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.part").write_bytes(b"".join(lines[:upto]))
    proc = run(deboiler_exe, *inputs, "-o", out, "--resume", "--workers", "1", "--dedup", "minhash", "--dedup-threshold", "0.8")
    assert proc.returncode == 2 and "other --dedup options" in proc.stderr.decode(), proc.stderr.decode()
    # with the options it was written with, the same part resumes to the full output
    proc = run(deboiler_exe, *inputs, "-o", out, "--resume", "--workers", "1", "--dedup", "exact")
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes() == full.read_bytes()
