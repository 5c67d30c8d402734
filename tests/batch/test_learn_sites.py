"""`deboiler batch --learn-sites`: each site's template learned from the batch, then used.

The pages are bench/generated_sites.py's (seeded, made-up text, gold by construction), plus two sites
made here: one whose pages share no line at all and one with too few pages. Every batch is the real
command with its real process pools (and a real dask LocalCluster for the engine comparison).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.batch import read_jsonl

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.generated_sites import generate  # noqa: E402
from deboiler.batch.sites.survey import SAMPLE_PAGES, Survey  # noqa: E402

LEARNED = ["dialbay.example", "earport.example", "earnest.example", "echobay.example", "unnamed-site-1"]
TOO_FEW = "beamyard.example"  # cut to 4 pages below: under the default --learn-min-pages 5
SCATTERED = "scattered.example"  # six pages that share no line


def _scattered_pages(n: int = 6) -> list[str]:
    rng = random.Random(3)
    words = "alpha bravo cedar delta ember fable garnet harbor iris jasper kelp lotus".split()
    pages = []
    for _ in range(n):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 9))) + f" {rng.randint(0, 10**9)}"
                 for _ in range(12)]
        pages.append("\n".join(lines) + "\n")
    return pages


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[Path, list[dict], dict[str, dict]]:
    """records.jsonl: six generated sites (one without URLs), dialbay's URLs half with www., beamyard cut
    to four pages, and the scattered site; returns (path, records in order, gold by id)."""
    folder = tmp_path_factory.mktemp("learn-sites")
    generate(folder / "gen", n_sites=6, seed=11, pages=(6, 9), no_url=1)
    recs = [json.loads(line) for line in (folder / "gen" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {
        r["id"]: json.loads((folder / "gen" / "pages" / f"{r['id']}.gold.json").read_text(encoding="utf-8"))
        for r in recs
    }
    kept, shelf = [], 0
    for i, r in enumerate(recs):
        if r["id"].startswith("beamyard"):
            shelf += 1
            if shelf > 4:
                continue
        if r["id"].startswith("dialbay") and i % 2:
            r["url"] = r["url"].replace("https://", "https://www.")
        kept.append(r)
    for k, text in enumerate(_scattered_pages()):
        kept.insert(3 * k + 1, {"id": f"scattered-{k}", "url": f"https://{SCATTERED}/e/{k}", "text": text})
    path = folder / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    return path, kept, gold


def _batch(exe: str, *args, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}  # two runs, two string hashings: learning must not care
    return subprocess.run([exe, "batch", *map(str, args), "--langid", "none"], capture_output=True, timeout=180, env=env)


@pytest.fixture(scope="module")
def two_workers(deboiler_exe, crawl, tmp_path_factory):
    path, _, _ = crawl
    out = tmp_path_factory.mktemp("w2") / "out.jsonl"
    proc = _batch(deboiler_exe, path, "-o", out, "--learn-sites", "-w", "2", seed="1")
    assert proc.returncode == 0, proc.stderr.decode()
    return out, proc.stderr.decode()


def test_sites_grouped_by_domain_learned_once_each(two_workers, crawl):
    out, _ = two_workers
    _, recs, _ = crawl
    folder = out.with_name(out.name + ".learned")  # the default working folder, beside the output
    files = sorted(p.name for p in folder.glob("*.toml"))
    assert files == sorted(f"{site}.toml" for site in LEARNED)  # www.dialbay.example is dialbay.example
    index = json.loads((folder / "sites.json").read_text(encoding="utf-8"))
    by_site = {s["site"]: s for s in index["sites"]}
    assert by_site["dialbay.example"]["records"] == 9 and by_site["dialbay.example"]["used"]
    assert by_site["#1"]["platform"] == "unnamed-site-1" and by_site["#1"]["records"] == 8  # no URL: chrome
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [r["id"] for r in recs]  # input order
    for r in rows:
        site = r["id"].split("-")[0]
        if site in ("dialbay", "earport", "earnest", "echobay"):
            assert r["platform"] == f"{site}.example", r["id"]  # the Episode names the template: its site
        elif site == "notenest":
            assert r["platform"] == "unnamed-site-1", r["id"]


def test_min_pages_and_pages_sharing_nothing_get_no_template(two_workers):
    out, _ = two_workers
    folder = out.with_name(out.name + ".learned")
    index = {s["site"]: s for s in json.loads((folder / "sites.json").read_text(encoding="utf-8"))["sites"]}
    assert TOO_FEW not in index  # 4 pages, under --learn-min-pages 5: not even tried
    assert index[SCATTERED]["verdict"].startswith("no template") and not index[SCATTERED]["used"]
    assert not (folder / f"{SCATTERED}.toml").exists()
    rows = {r["id"]: r for r in read_jsonl(out)}
    assert all(rows[f"scattered-{k}"]["platform"] is None for k in range(6))  # cleaned the usual way
    assert all(r["platform"] is None for i, r in rows.items() if i.startswith("beamyard"))


def test_learned_templates_keep_every_description_line_and_show_boilerplate(two_workers, crawl):
    out, _ = two_workers
    _, _, gold = crawl
    folder = out.with_name(out.name + ".learned")
    sponsors = 0
    for r in read_jsonl(out):
        if r["platform"] not in LEARNED:
            continue
        want = [line for line in gold[r["id"]]["description"].split("\n") if line]
        got = set(r["description"].split("\n"))
        assert [line for line in want if line not in got] == [], r["id"]  # recall 1.0 on learned sites
        if "/support" in want[-1]:  # the show's own sponsor line: its boilerplate, kept
            sponsors += 1
    assert sponsors >= 10  # six notenest and four echobay episodes end with their show's sponsor line
    for name in ("unnamed-site-1.toml", "echobay.example.toml"):
        learned = (folder / name).read_text(encoding="utf-8")
        chrome_part, _, boilerplate = learned.partition("[rules.show_boilerplate]")
        assert "/support" not in chrome_part and "/support" in boilerplate, name


def test_summary_lists_sites_with_pages_and_lines(two_workers):
    _, err = two_workers
    assert "5 of 6 sites with enough pages learned" in err
    assert "dialbay.example: 9 pages, learned from 9; cleaned 9 records in this run, labelling" in err
    assert "unnamed-site-1 (pages without a URL): 8 pages" in err
    assert f"{SCATTERED}: 6 pages; no template" in err
    assert "pass 1 (survey and learning)" in err


def test_one_worker_other_hashing_and_dask_resume_write_the_same(deboiler_exe, two_workers, crawl, tmp_path):
    pytest.importorskip("distributed")
    out, _ = two_workers
    path, _, _ = crawl
    want = out.read_bytes()
    learned = out.with_name(out.name + ".learned")

    one = tmp_path / "one.jsonl"
    proc = _batch(deboiler_exe, path, "-o", one, "--learn-sites", "-w", "1", "--learned-dir", tmp_path / "l1", seed="2")
    assert proc.returncode == 0, proc.stderr.decode()
    assert one.read_bytes() == want
    for f in learned.iterdir():
        assert (tmp_path / "l1" / f.name).read_bytes() == f.read_bytes(), f.name

    # A kill in pass 2: the learned folder is complete and is read back, not learned again.
    folder = tmp_path / "kept"
    shutil.copytree(learned, folder)
    stamps = {f.name: f.stat().st_mtime_ns for f in folder.iterdir()}
    resumed = tmp_path / "resumed.jsonl"
    cut = want.index(b"\n", len(want) // 3) + 1
    Path(str(resumed) + ".part").write_bytes(want[:cut])
    args = ["--learn-sites", "--learned-dir", folder, "--resume", "--engine", "dask", "-w", "2"]
    proc = _batch(deboiler_exe, path, "-o", resumed, *args, seed="3")
    assert proc.returncode == 0, proc.stderr.decode()
    assert resumed.read_bytes() == want
    assert {f.name: f.stat().st_mtime_ns for f in folder.iterdir()} == stamps
    assert "learned templates read back from" in proc.stderr.decode()


def test_learned_folder_is_a_platforms_dir_for_clean(deboiler_exe, two_workers, crawl):
    out, _ = two_workers
    _, recs, _ = crawl
    folder = out.with_name(out.name + ".learned")
    rows = {r["id"]: r for r in read_jsonl(out)}
    rec = next(r for r in recs if r["id"].startswith("earport"))
    proc = subprocess.run(
        [deboiler_exe, "clean", "-", "--platforms-dir", str(folder), "--format", "json", "--langid", "none"],
        input=rec["text"].encode("utf-8"), capture_output=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    episode = json.loads(proc.stdout)
    assert episode["platform"] == "earport.example"  # detected by its learned signatures, no URL needed
    assert episode["description"] == rows[rec["id"]]["description"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--learn-sites", "--learn-min-pages", "0"], "--learn-min-pages must be 2 or more"),
        (["--learned-dir", "x"], "--learned-dir needs --learn-sites"),
        (["--learn-sites", "--platform", "podbud"], "--learn-sites and --platform do not go together"),
    ],
)
def test_bad_options_are_one_line_usage_errors(deboiler_exe, crawl, tmp_path, args, message):
    path, _, _ = crawl
    proc = _batch(deboiler_exe, path, "-o", tmp_path / "o.jsonl", *args)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.part").exists()


def test_an_unwritable_learned_dir_is_exit_73_and_leaves_no_part(deboiler_exe, crawl, tmp_path):
    path, _, _ = crawl
    (tmp_path / "file").write_text("not a folder")
    proc = _batch(deboiler_exe, path, "-o", tmp_path / "o.jsonl", "--learn-sites", "--learned-dir",
                  tmp_path / "file" / "learned", "-w", "1")
    assert proc.returncode == 73 and "cannot write the learned templates" in proc.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_resumed_run_with_other_min_pages_is_refused(deboiler_exe, two_workers, crawl, tmp_path):
    out, _ = two_workers
    path, _, _ = crawl
    folder = tmp_path / "learned"
    shutil.copytree(out.with_name(out.name + ".learned"), folder)
    part = tmp_path / "o.jsonl.part"
    part.write_bytes(b"")
    proc = _batch(deboiler_exe, path, "-o", tmp_path / "o.jsonl", "--learn-sites", "--learned-dir", folder,
                  "--resume", "--learn-min-pages", "3", "-w", "1")
    assert proc.returncode == 2 and "was learned with --learn-min-pages 5" in proc.stderr.decode()


def test_survey_memory_is_bounded_by_the_sample():
    """However many pages a site has, pass 1 holds SAMPLE_PAGES of them, the same ones in any order."""
    pages = [f"Home\nShare\nepisode {i}\n{'text ' * 50}{i}\n" for i in range(SAMPLE_PAGES * 20)]
    one, two = Survey(), Survey()
    for i, page in enumerate(pages):
        one.add(str(i), "https://big.example/e", page, 1 << 20)
    for i, page in reversed(list(enumerate(pages))):
        two.add(str(i), "https://big.example/e", page, 1 << 20)
    assert one.sites["big.example"].records == len(pages)
    assert len(one.sites["big.example"].heap) == SAMPLE_PAGES
    assert one.held == sum(len(p) for _, p in one.sites["big.example"].pages())
    assert sorted(one.sites["big.example"].pages()) == sorted(two.sites["big.example"].pages())
