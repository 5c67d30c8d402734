#!/usr/bin/env python3
"""Hostile input at size: what `deboiler clean` does with each hostile input, how long it takes and how
much memory it needs, and whether time grows linearly with the size of the page.

Every case runs the installed command in a fresh process (`deboiler clean FILE`); wall time is measured
around it and peak memory is the child's own maximum resident set size (wait4's rusage), so each figure
includes interpreter start-up (the `baseline` row). tests/test_hostile.py checks the same inputs for
correctness; this script only measures.

    .venv/bin/python bench/hostile.py                  # everything (about 90 s; the 100 MB pages need ~2 GB)
    .venv/bin/python bench/hostile.py --quick          # without the 100 MB pages
    .venv/bin/python bench/hostile.py --only deep      # cases whose name contains "deep"
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import importlib.util
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SEED = ROOT / "corpora" / "seeds" / "000_091d726796bad19a.txt"
RU_CP1251 = ROOT / "corpora" / "encodings" / "playerfm_ru_cp1251.txt"
MB = 1_000_000
BIG_LIMIT = 200_000_000  # --max-bytes for the pages over the 64 MiB default
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PARAGRAPH = "In this episode we talk about the long history of the printing press and what it did to Europe."


def _exit_names() -> dict[int, str]:
    """Exit code -> error class, from deboiler/errors.py loaded on its own: importing the deboiler
    package would grow this process, and a child started from it inherits its peak memory figure
    (Linux carries the parent's high-water mark over exec), so this process must stay small."""
    spec = importlib.util.spec_from_file_location("deboiler_errors", ROOT / "deboiler" / "errors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    names = {0: "ok", 70: "internal error", 130: "interrupted"}
    names.update({cls.exit_code: cls.__name__ for cls in vars(module).values() if isinstance(cls, type)})
    return names


EXIT_NAMES = _exit_names()


# --------------------------------------------------------------------------------------------------
# Inputs


def seed_parts() -> tuple[str, str, str]:
    """The Korean seed as (header up to the description, the description, the footer from
    "continue reading" on), so that a page of any size keeps the real page's frame."""
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))
    lines = text.split("\n")
    start = lines.index("Manage episode 366383249 series 2803422") + 2
    end = next(i for i, line in enumerate(lines) if line.strip() == "continue reading")
    description = "\n".join(gold["episode"]["description"]) + "\n\n"
    return "\n".join(lines[:start]) + "\n\n", description, "\n".join(lines[end:])


def seed_page(size: int, distinct: bool = False) -> bytes:
    """The seed with its description repeated to `size` bytes: each copy the same (dedup prints it
    once), or each copy's lines numbered so that every line is new (the output is the whole page)."""
    head, description, tail = seed_parts()
    out, total, i = [head], len(head.encode()) + len(tail.encode()), 0
    while total < size:
        copy = (
            "\n".join(f"{line} (copy {i})" if line else line for line in description.split("\n"))
            if distinct
            else description
        )
        out.append(copy)
        total += len(copy.encode())
        i += 1
    out.append(tail)
    return "".join(out).encode()


def chrome_only() -> bytes:
    gold = set(seed_parts()[1].split("\n")) - {""}
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return "\n".join(line for line in lines if line.strip() and " ".join(line.split()) not in gold).encode()


def deep_html(depth: int) -> bytes:
    return (
        "<html><body><p>Text before the nesting.</p>"
        + "<div>" * depth
        + "<p>Text at the bottom.</p>"
        + "</div>" * depth
        + "<p>Text after the nesting.</p></body></html>"
    ).encode()


def pointing_html() -> bytes:
    url = "http://127.0.0.1:9"
    return f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "{url}/page.dtd" [
  <!ENTITY file SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "{url}/e.txt">
  <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<html><head><base href="{url}/"><link rel="stylesheet" href="{url}/s.css"><script src="{url}/a.js"></script></head>
<body><p>&file; &remote; &lol2;</p><img src="{url}/c.png"><iframe src="{url}/f.html"></iframe>
<p>{PARAGRAPH}</p></body></html>""".encode()


def cut_paragraphs(n: int) -> bytes:
    """n different paragraphs, each ending in "...": each is checked against every other as a copy cut short."""
    return "\n\n".join(f"Paragraph {i} of the show notes, long enough to count as prose..." for i in range(n)).encode()


def description_cards(n: int) -> bytes:
    """n Player FM description cards with different descriptions: each is compared with every other."""
    head = "\n".join(SEED.read_text(encoding="utf-8").split("\n")[:10])
    card = (
        "Manage episode 1 series 2\nContent provided by Show. All podcast content including episodes, graphics, "
        "and podcast descriptions are uploaded and provided directly by Show or their podcast platform partner. "
        "If you believe someone is using your copyrighted work without your permission, you can follow the process "
        "outlined here https://player.fm/legal.\n\nDescription number {i} of the show.\n\ncontinue reading\n"
    )
    return (head + "\n" + "\n".join(card.format(i=i) for i in range(n))).encode()


def unclosed_scripts(n: int) -> bytes:
    """Markup too deep for libxml2 (read by the flat fallback), then n <script> tags never closed."""
    return ("<html><body>" + "<div>" * 300 + f"<p>{PARAGRAPH}</p>" + "<script>x" * n).encode()


@dataclass
class Case:
    name: str
    make: Callable[[], bytes]
    args: tuple[str, ...] = ()
    group: str = "hostile"  # hostile, size (the linear-growth series) or probe
    result: dict = field(default_factory=dict)


def cases(quick: bool) -> list[Case]:
    seed = SEED.read_bytes()
    russian = "В этом выпуске мы говорим о механистической интерпретируемости.\nСпасибо, что слушаете!\n"
    lone16 = "\ud800".encode("utf-16-le", "surrogatepass")
    out = [
        Case("baseline: the Korean seed page", lambda: seed),
        Case("empty", lambda: b""),
        Case("whitespace only", lambda: " \t\n\r\n\u00a0\u3000\n".encode()),
        Case("binary: PNG", lambda: PNG),
        Case("binary: gzip", lambda: gzip.compress(seed)),
        Case("binary: PDF", lambda: b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4),
        Case("over the size limit (--max-bytes 1000)", lambda: seed, ("--max-bytes", "1000")),
        Case("HTML nested 10,000 deep", lambda: deep_html(10_000)),
        Case("one 10 MB line", lambda: b"word " * 2_000_000),
        Case("NUL bytes inside text", lambda: seed.replace(b"TOC", b"T\x00OC").replace(b"Discord", b"Dis\x00cord")),
        Case("UTF-8-encoded surrogate (CESU-8) in the seed", lambda: seed.replace(b"TOC", b"T\xed\xa0\x80OC")),
        Case(
            "UTF-16 with a lone surrogate, no BOM",
            lambda: "A page in UTF-16: ".encode("utf-16-le") + lone16 + " and more.\n".encode("utf-16-le"),
        ),
        Case(
            "UTF-8 page with a CP1251 paragraph",
            lambda: seed.replace(b"\nTOC\n", b"\nTOC\n" + russian.encode("cp1251")),
        ),
        Case("CP1251 page with a UTF-8 line", lambda: RU_CP1251.read_bytes() + "Подпишитесь — спасибо! 🎧\n".encode()),
        Case("UTF-8 BOM and a stray byte", lambda: codecs.BOM_UTF8 + seed.replace(b"TOC", b"T\xffOC")),
        Case("10 MB UTF-8 page with one stray byte", lambda: (seed * 1200).replace(b"TOC", b"T\xffOC", 1)),
        Case("10 MB CP1251 page (no declaration)", lambda: RU_CP1251.read_bytes() * 3400),
        Case(
            "mojibake (UTF-8 read as Latin-1, saved as UTF-8)",
            lambda: seed.decode().encode().decode("latin-1").encode(),
        ),
        Case("all chrome (the seed without its description)", chrome_only),
        Case("same paragraph 10,000 times", lambda: ((PARAGRAPH + "\n\n") * 10_000).encode()),
        Case(
            "same HTML block 10,000 times",
            lambda: same_html_blocks(10_000),
        ),
        Case("HTML: base href, SYSTEM entities, script/img/link src", pointing_html),
    ]
    sizes = (1, 10) if quick else (1, 10, 100)
    if not quick:
        out.append(Case("100 MB page, default limit (64 MiB)", lambda: seed_page(100 * MB)))
    for mb in sizes:
        out.append(
            Case(
                f"seed description repeated, {mb} MB",
                lambda mb=mb: seed_page(mb * MB),
                ("--max-bytes", str(BIG_LIMIT)),
                "size",
            )
        )
    for mb in sizes:
        out.append(
            Case(
                f"every copy different, {mb} MB",
                lambda mb=mb: seed_page(mb * MB, distinct=True),
                ("--max-bytes", str(BIG_LIMIT)),
                "size",
            )
        )
    for n in (20_000, 80_000):
        out.append(Case(f"{n:,} unclosed <script> below depth 256", lambda n=n: unclosed_scripts(n), group="probe"))
    for n in (1_000, 4_000):
        out.append(Case(f"{n:,} Player FM cards, each different", lambda n=n: description_cards(n), group="probe"))
    for n in (4_000, 16_000):
        out.append(Case(f'{n:,} paragraphs ending in "..."', lambda n=n: cut_paragraphs(n), group="probe"))
    for n in (5_000, 20_000):  # the generic path's word alignment was quadratic here (cydifflib, every word popular)
        out.append(Case(f"{n:,} identical HTML blocks", lambda n=n: same_html_blocks(n), group="probe"))
    for n in (5_000, 20_000):  # the <title> parts were looked up in a list, once per line above the text
        out.append(Case(f"<title> of {n:,} parts over {n:,} lines", lambda n=n: long_page_title(n), group="probe"))
    return out


def same_html_blocks(n: int) -> bytes:
    return ("<html><body>" + f"<div><p>{PARAGRAPH}</p></div>" * n + "</body></html>").encode()


def long_page_title(n: int) -> bytes:
    title = " | ".join(f"part {i}" for i in range(n))
    lines = "".join(f"<p>line {i}</p>" for i in range(n))
    return f"<html><head><title>{title}</title></head><body><main>{lines}<p>{PARAGRAPH}</p></main></body></html>".encode()


# --------------------------------------------------------------------------------------------------
# Running one case


def write_case(name: str, path: Path) -> None:
    """Child mode (--write): build one case's page and write it, so that the 100 MB pages are never
    held by the process that starts the measured ones (see _exit_names)."""
    case = next(c for c in cases(quick=False) if c.name == name)
    path.write_bytes(case.make())


def run_case(exe: str, case: Case, workdir: Path, timeout: float) -> dict:
    page = workdir / "page"
    subprocess.run([sys.executable, __file__, "--write", case.name, str(page)], check=True)
    size = page.stat().st_size
    out_path, err_path = workdir / "stdout", workdir / "stderr"
    cmd = [exe, "clean", str(page), *case.args]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
        seconds = time.perf_counter() - start
        timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text("utf-8", "replace").strip().splitlines()
    page.unlink()
    return {
        "bytes": size,
        "code": code,
        "result": f"timeout (> {timeout:.0f} s)" if killed.is_set() else EXIT_NAMES.get(code, f"exit {code}"),
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "out_bytes": out_path.stat().st_size,
        "stderr": stderr[0] if stderr else "",
        "traceback": any("Traceback" in line for line in stderr),
    }


# --------------------------------------------------------------------------------------------------
# Tables


def human(n: float) -> str:
    for unit, scale in (("MB", MB), ("KB", 1000)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{int(n)} B"


def hostile_table(done: list[Case]) -> str:
    rows = [
        "| input | size | result | exit code | time (s) | peak memory (MB) | output |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for c in done:
        r = c.result
        flag = " **traceback!**" if r["traceback"] else ""
        args = f" `{' '.join(c.args)}`" if c.args and c.group == "size" else ""
        rows.append(
            f"| {c.name}{args} | {human(r['bytes'])} | {r['result']}{flag} | {r['code']} | {r['seconds']:.2f} | "
            f"{r['rss_mb']:.0f} | {human(r['out_bytes'])} |"
        )
    return "\n".join(rows)


def size_table(done: list[Case]) -> str:
    """Each series at growing sizes, with the marginal cost of each step: (time at this size - time at
    the previous size) / (MB added). Start-up and other fixed costs cancel out, so linear growth shows
    as the same marginal cost at every step."""
    rows = [
        "| input | size | result | time (s) | peak memory (MB) | added s per added MB | added memory per added MB |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    verdicts = []
    series: dict[str, list[Case]] = {}
    for c in done:
        series.setdefault(c.name.rsplit(",", 1)[0], []).append(c)
    for name, items in series.items():
        costs = []
        for prev, c in zip([None, *items], items):
            r = c.result
            step = ""
            if prev is not None:
                added = (r["bytes"] - prev.result["bytes"]) / MB
                cost = (r["seconds"] - prev.result["seconds"]) / added
                memory = (r["rss_mb"] - prev.result["rss_mb"]) / added
                costs.append(cost)
                step = f"| {cost:.3f} | {memory:.1f} MB"
            rows.append(
                f"| {name} | {human(r['bytes'])} | {r['result']} | {r['seconds']:.2f} | {r['rss_mb']:.0f} "
                + (step or "| | ")
                + " |"
            )
        if len(costs) >= 2:
            ratio = costs[-1] / costs[0] if costs[0] > 0 else float("inf")
            shape = "linear" if 0.5 <= ratio <= 2 else "NOT linear"
            steps = " then ".join(f"{c:.3f}" for c in costs)
            verdicts.append(f"- {name}: {steps} s per added MB ({shape}: the last step costs {ratio:.2f}x the first)")
        elif costs:
            verdicts.append(f"- {name}: {costs[0]:.3f} s per added MB (one step only: run without --quick for 100 MB)")
    return "\n".join(rows) + "\n\n" + "\n".join(verdicts)


def probe_table(done: list[Case], startup: float) -> str:
    """Pairs of the same shape, the second 4x the first: time less start-up grows 4x when linear, 16x
    when quadratic."""
    rows = ["| input | size | result | time (s) | peak memory (MB) |", "| --- | ---: | --- | ---: | ---: |"]
    for c in done:
        r = c.result
        rows.append(f"| {c.name} | {human(r['bytes'])} | {r['result']} | {r['seconds']:.2f} | {r['rss_mb']:.0f} |")
    lines = ["\n".join(rows), ""]
    for a, b in zip(done[0::2], done[1::2]):
        ta, tb = (max(x.result["seconds"] - startup, 1e-3) for x in (a, b))
        ratio = b.result["bytes"] / a.result["bytes"]
        shape = "linear" if tb / ta < ratio * 1.8 else "worse than linear"
        lines.append(f"- {b.name}: {ratio:.1f}x input -> {tb / ta:.1f}x time after start-up ({shape})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exe", default=None, help="the deboiler command (default: the one beside this Python)")
    parser.add_argument("--quick", action="store_true", help="leave out the 100 MB pages")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this text")
    parser.add_argument("--no-probes", action="store_true", help="leave out the growth probes (quadratic shapes)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a case is killed (default 300)")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    parser.add_argument("--write", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write:
        write_case(args.write[0], Path(args.write[1]))
        return 0

    exe = args.exe or str(Path(sys.executable).parent / "deboiler")
    if not Path(exe).exists():
        exe = shutil.which("deboiler") or ""
    if not exe:
        parser.error("the deboiler command is not installed: pip install -e .")
    todo = [
        c
        for c in cases(args.quick)
        if args.only.casefold() in c.name.casefold() or c.name.startswith("baseline") or c.name == "empty"
    ]
    if args.no_probes:
        todo = [c for c in todo if c.group != "probe"]

    print(
        f"# deboiler clean on hostile input; Python {platform.python_version()}, {os.cpu_count()} cores, one process per case"
    )
    with tempfile.TemporaryDirectory(prefix="deboiler-hostile-") as tmp:
        for case in todo:
            case.result = run_case(exe, case, Path(tmp), args.timeout)
            r = case.result
            print(
                f"  {case.name}: {r['result']} in {r['seconds']:.2f} s, {r['rss_mb']:.0f} MB",
                file=sys.stderr,
                flush=True,
            )
    # Start-up: the command refusing an empty page does no page work at all.
    startup = next((c.result["seconds"] for c in todo if c.name == "empty"), 0.0)

    print("\n## Hostile inputs\n")
    print(hostile_table([c for c in todo if c.group == "hostile"]))
    sized = [c for c in todo if c.group == "size"]
    if sized:
        print("\n## Size against time\n")
        print(size_table(sized))
    probes = [c for c in todo if c.group == "probe"]
    if probes:
        print(f"\n## Growth probes: shapes that were or are worse than linear (start-up {startup:.2f} s)\n")
        print(probe_table(probes, startup))
    if args.json:
        args.json.write_text(json.dumps([{"name": c.name, **c.result} for c in todo], indent=2))
    bad = [c.name for c in todo if c.result["traceback"] or c.result["code"] == 70]
    if bad:
        print(f"\nInternal errors: {', '.join(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
