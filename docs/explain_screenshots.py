"""Render the HTML explain view in headless Chromium: the pictures in docs/, and a check that it is inert.

    python docs/explain_screenshots.py            # writes docs/explain-seed.png and docs/explain-unknown.png

Needs Chromium (Debian: apt-get install chromium; a CJK font such as fonts-nanum for the Korean seed
page). Each view is made by the real command, `deboiler clean PAGE --format html -o FILE`, and
opened from disk with networking off. A third page, full of markup and scripts, is rendered too: the
browser's DOM must show its markup as text, with no element of its own and no script run.
pngquant, where installed, makes the pictures smaller.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEBOILER = Path(sys.executable).parent / "deboiler"
VIEWS = [  # page (relative, as the view names it), picture, window height
    ("corpora/seeds/000_091d726796bad19a.txt", "docs/explain-seed.png", 1150),
    ("corpora/unknown/es_ondaria_faros.html", "docs/explain-unknown.png", 1250),
]
HOSTILE = """\
Episode 12: the tag soup show
<script>document.title = "RAN"; fetch("https://evil.example/x")</script>
<img src="https://evil.example/pixel.png" onerror="document.title='RAN'">
A line with "quotes", an &amp; entity and </td></tr></table> a closing tag
<style>body { display: none }</style>
"""


def chromium(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        sys.exit("needs Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
        ]
        return subprocess.run([exe, *flags, *args], capture_output=True, text=True, timeout=120, check=True)


def view(page: str, out: Path) -> Path:
    subprocess.run([str(DEBOILER), "clean", page, "--format", "html", "-o", str(out)], cwd=ROOT, check=True)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for page, picture, height in VIEWS:
            html = view(page, Path(tmp) / "view.html")
            chromium(f"--window-size=1000,{height}", f"--screenshot={ROOT / picture}", html.as_uri())
            if shutil.which("pngquant"):
                subprocess.run(
                    [
                        "pngquant",
                        "--force",
                        "--skip-if-larger",
                        "--output",
                        str(ROOT / picture),
                        "32",
                        str(ROOT / picture),
                    ]
                )
            print(f"{picture}: {(ROOT / picture).stat().st_size:,} bytes, the view of {page}")

        hostile = Path(tmp) / "hostile.txt"
        hostile.write_text(HOSTILE, encoding="utf-8")
        dom = chromium("--dump-dom", view(str(hostile), Path(tmp) / "hostile.html").as_uri()).stdout
        body = dom.split("<body>", 1)[1]
        assert "RAN" not in dom.split("</title>", 1)[0], "a script of the page ran"
        assert "<img" not in body and "<script" not in body and "<style" not in body, (
            "the page's markup became elements"
        )
        for shown in ("&lt;script&gt;document.title", "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;", "&lt;style&gt;body"):
            assert shown in body, f"{shown} is not shown as text"
        print("hostile page: its markup shows as text, nothing of it ran or loaded")


if __name__ == "__main__":
    main()
