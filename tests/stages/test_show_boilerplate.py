"""Show boilerplate: lines a show prints in every episode's description (a sponsor line, a Patreon
link). They are the creator's text, not platform chrome: kept by default, labelled show_boilerplate in
the explain view, left out with drop_show_boilerplate=True / --drop-show-boilerplate."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import deboiler
from deboiler.catalog.platforms import load_catalog
from deboiler.learn.run import learn_files
from tests.helpers.learn_site import SHOWS, build_site

SITE = build_site()
TRAIN, HELD_OUT = SITE[:8], SITE[8:]
QUIET_HOURS = SHOWS["qh"].boilerplate
KAFFEE = SHOWS["kc"].boilerplate


@pytest.fixture(scope="module")
def learned(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("boiler")
    (root / "pages").mkdir()
    (root / "platforms").mkdir()
    paths = []
    for page in TRAIN:
        path = root / "pages" / page.name
        path.write_text(page.text, encoding="utf-8")
        paths.append(path)
    learn_files(paths, root / "platforms" / "harbourcast.toml")
    return root / "platforms"


def held_out(show: str, ui: str):
    return next(p for p in HELD_OUT if p.show == show and p.ui == ui)


def test_learned_as_show_boilerplate_not_as_chrome(learned):
    platform = load_catalog(learned).platforms["harbourcast"]
    boiler = platform.rules["show_boilerplate"]
    assert boiler.label == "show_boilerplate"
    assert {QUIET_HOURS, KAFFEE} <= set(boiler.phrases[None])
    chrome = {
        src
        for name, rule in platform.rules.items()
        if name != "show_boilerplate"
        for s in rule.phrases.values()
        for src in s
    }
    assert not {QUIET_HOURS, KAFFEE} & chrome
    # A show printed on one training page only has nothing to recur: its sponsor line is not learned.
    assert SHOWS["hl"].boilerplate not in boiler.phrases[None]


def test_kept_by_default_labelled_in_explain(learned):
    page = held_out("Quiet Hours", "en")
    ep = deboiler.clean(page.text, catalog=load_catalog(learned), explain=True)
    assert ep.description.split("\n") == page.description
    (line,) = [v for v in ep.lines if v.text == QUIET_HOURS]
    assert (line.label, line.rule) == ("show_boilerplate", "harbourcast:show_boilerplate")
    assert "unless show boilerplate is dropped" in line.reason
    assert sum(v.label == "show_boilerplate" for v in ep.lines) >= 1


def test_dropped_with_the_flag(learned):
    page = held_out("Quiet Hours", "de")  # the same show in the other UI: the line is the show's, not the UI's
    ep = deboiler.clean(page.text, catalog=load_catalog(learned), drop_show_boilerplate=True)
    # The sponsor line is the last paragraph of the notes; without it the text ends one paragraph earlier.
    assert page.description[-2:] == ["", QUIET_HOURS]
    assert ep.description.split("\n") == page.description[:-2]


def test_the_flag_drops_only_the_learned_lines_of_the_page_show(learned):
    catalog = load_catalog(learned)
    boiler = set(catalog.platforms["harbourcast"].rules["show_boilerplate"].phrases[None])
    for page in HELD_OUT:
        ep = deboiler.clean(page.text, catalog=catalog, drop_show_boilerplate=True)
        want = [line for line in page.description if line and line not in boiler]
        assert [line for line in ep.description.split("\n") if line] == want, page.name
        if page.show in ("The Long Table", "Die Nachtschicht", "Harbour Lights Radio", "Lichtjahre"):
            # Shows with no line on two training pages of theirs: nothing learned, nothing dropped.
            assert ep.description.split("\n") == page.description, page.name


PLATFORM = """
id = "twocards"
name = "TwoCards"
hosts = ["twocards.example"]

[rules.anchor]
phrases = ["Episode {episode_id}"]
label = "meta"
signature = 0.6

[rules.more]
phrases = ["read more"]

[rules.show_boilerplate]
label = "show_boilerplate"
why = "Night Owls' sponsor line"
phrases = ["Night Owls is supported by listeners like you."]

[description]
opens_after = ["anchor"]
closes_at = ["more"]

[phrases.en]
more = ["read more"]
"""
PAGE = """twocards.example
Night Owls is supported by listeners like you.
A title
Episode 17
We walk the harbour at night.

Night Owls is supported by listeners like you.
read more
Episode 17
We walk the harbour at night.

Night Owls is supported by listeners like you.
read more"""


def test_printed_once_where_the_page_prints_the_description_twice(tmp_path):
    (tmp_path / "twocards.toml").write_text(PLATFORM, encoding="utf-8")
    catalog = load_catalog(tmp_path)
    ep = deboiler.clean(PAGE, catalog=catalog, explain=True)
    assert ep.platform == "twocards"
    assert ep.description == "We walk the harbour at night.\n\nNight Owls is supported by listeners like you."
    labels = [(v.lineno, v.label) for v in ep.lines if v.text == "Night Owls is supported by listeners like you."]
    # Line 2 stands in the header: template there, whatever the phrase says; 7 is kept; 12 repeats it.
    assert labels == [(2, "chrome"), (7, "show_boilerplate"), (12, "duplicate")]
    dropped = deboiler.clean(PAGE, catalog=catalog, drop_show_boilerplate=True)
    assert dropped.description == "We walk the harbour at night."


def test_cli_flag_and_explain(deboiler_exe, learned, tmp_path):
    page = held_out("Kaffee & Code", "de")
    path = tmp_path / "kc.txt"
    path.write_text(page.text, encoding="utf-8")

    def clean(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [deboiler_exe, "clean", str(path), "--platforms-dir", str(learned), *args], capture_output=True, timeout=120
        )

    kept = json.loads(clean("--format", "json").stdout)
    assert KAFFEE in kept["description"].split("\n")
    dropped = clean("--drop-show-boilerplate")
    assert dropped.returncode == 0 and KAFFEE not in dropped.stdout.decode()
    explain = clean("--explain").stdout.decode()
    (row,) = [line for line in explain.split("\n") if KAFFEE[:40] in line]
    assert row.split()[1:3] == ["show_boilerplate", "harbourcast:show_boilerplate"]
