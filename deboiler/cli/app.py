"""The `deboiler` command: a thin shell over the library. It reads input, calls deboiler, prints.

Every failure is one line on stderr and an exit code from deboiler.errors.EXIT_CODES; `--debug`
shows the traceback instead.
"""

from __future__ import annotations

import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

try:  # typer vendors its own click (typer._click) from 0.2x on; older ones use click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors

from deboiler import __version__
from deboiler.batch.crossdup import DEFAULT_THRESHOLD
from deboiler.batch.options import DEFAULT_CHUNK_SIZE, BatchOptions, Dedup, Engine, OutputFormat, choice
from deboiler.batch.readers.base import Fields
from deboiler.batch.run import run_batch
from deboiler.batch.writers import SHARD_ROWS
from deboiler.catalog.platforms import load_catalog
from deboiler.cli import explain_html
from deboiler.dev.evaluate import find_gold, gold_pages_by_platform, score_page, summarise, summarise_by_platform
from deboiler.errors import EXIT_CODES, DeboilerError, InputNotFound, InputTooLarge, OutputError
from deboiler.learn.run import learn_files
from deboiler.learn.run import summary as learn_summary
from deboiler.options import CleanOptions
from deboiler.pipeline import clean as clean_page
from deboiler.pipeline import default_catalog
from deboiler.stages import langid
from deboiler.stages.load import DEFAULT_MAX_BYTES, check_max_bytes, read_at_most

INTERNAL_ERROR = 70
EPILOG = (
    "Exit codes: "
    + "; ".join(f"{code} {what}" for code, what in EXIT_CODES.items())
    + f"; {INTERNAL_ERROR} internal error."
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Strip podcast-aggregator boilerplate (Player FM, Apple Podcasts, Spotify, PodBud and more: see `deboiler platforms`) from saved pages, in any UI language.",
    epilog=EPILOG,
)
_state = {"debug": False}


class PrintFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


LangId = Enum("LangId", {name: name for name in langid.BACKENDS}, type=str)  # the backends langid.py offers


def _choices(enum: type[Enum]) -> str:
    return " or ".join(m.value for m in enum)


# The options `clean`, `batch` and `learn` share, defined once. --engine, --dedup and --output-format
# are read as text and made Enums by batch.options.choice, so that a wrong value is the one-line usage
# error every other failure is, not click's boxed usage message.
PlatformOption = Annotated[
    str | None,
    typer.Option("--platform", "-p", help="Force a platform id (see `deboiler platforms`) instead of detecting it."),
]
PlatformsDirsOption = Annotated[
    list[Path],
    typer.Option(
        "--platforms-dir",
        help="A folder of extra platforms (ID.toml files as `deboiler learn` writes them, or ID/platform.toml "
        "folders), used next to the built-ins (by every worker of a batch); one of the same id replaces the "
        "built-in. Repeatable.",
    ),
]
ExplainOption = Annotated[
    bool,
    typer.Option("--explain", "-e", help="Show every input line with its label, the rule that decided it, and why."),
]
DropShowBoilerplateOption = Annotated[
    bool,
    typer.Option(
        "--drop-show-boilerplate",
        help="Leave out the lines a platform file names as a show's own boilerplate (kept by default).",
    ),
]
KeepUnknownOption = Annotated[
    bool,
    typer.Option(
        "--keep-unknown",
        help="On a text page of a site without a platform file, keep every line the UI lexicon does not know "
        "instead of only the episode's description (nothing around it is dropped).",
    ),
]
LangIdOption = Annotated[LangId, typer.Option("--langid", help="Language-ID backend for the episode text.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", help="Refuse pages larger than this many bytes.")]


def _clean_options(
    platform: str | None,
    platforms_dirs: list[Path],
    langid_backend: LangId,
    max_bytes: int,
    explain: bool = False,
    drop_show_boilerplate: bool = False,
    keep_unknown: bool = False,
) -> CleanOptions:
    """One CleanOptions from the shared options (a --max-bytes that is no whole number of 1 or more, or a
    --platforms-dir that is missing: UsageError; a huge --max-bytes is no limit)."""
    max_bytes = check_max_bytes(max_bytes)
    return CleanOptions(
        platform=platform,
        catalog=load_catalog(*platforms_dirs) if platforms_dirs else None,
        langid_backend=langid_backend.value,
        max_bytes=max_bytes,
        explain=explain,
        drop_show_boilerplate=drop_show_boilerplate,
        keep_unknown=keep_unknown,
    )


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"deboiler {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback when something fails."),
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
    ),
) -> None:
    # --version is eager: it answers before the group asks for a command (it said "Missing command").
    _state["debug"] = debug


@app.command(epilog=EPILOG)
def clean(
    source: str = typer.Argument(
        ..., metavar="PAGE", help="A saved page (text dump or HTML), or - for standard input."
    ),
    fmt: PrintFormat = typer.Option(
        PrintFormat.text,
        "--format",
        "-f",
        help="text: the clean description; json: the whole Episode record; html: the explain view as one "
        "self-contained page.",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    explain: ExplainOption = False,
    platform: PlatformOption = None,
    platforms_dirs: PlatformsDirsOption = [],
    drop_show_boilerplate: DropShowBoilerplateOption = False,
    keep_unknown: KeepUnknownOption = False,
    langid_backend: LangIdOption = LangId(langid.DEFAULT_BACKEND),
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Clean one page and print its episode text (or the Episode as JSON).

    \b
    Examples:
      deboiler clean page.txt
      deboiler clean page.txt --format json
      deboiler clean page.txt --explain
      deboiler clean page.txt --format html -o explain.html
      deboiler clean page.txt --platforms-dir learned/
      cat page.txt | deboiler clean -
    """

    def run() -> None:
        options = _clean_options(
            platform,
            platforms_dirs,
            langid_backend,
            max_bytes,
            explain or fmt is PrintFormat.html,
            drop_show_boilerplate,
            keep_unknown,
        )
        data = _read(source, options.max_bytes)
        ep = clean_page(data, options=options)
        if fmt is PrintFormat.html:
            shown = explain_html.render(ep, source)
        elif fmt is PrintFormat.json:
            shown = json.dumps(ep.to_dict(), ensure_ascii=False, indent=2)
        else:
            shown = _explain_table(ep) if explain else ep.description
        if output is None:
            _print(shown, json_text=fmt is PrintFormat.json)
        else:
            _write(output, shown + "\n")

    _guarded(run)


@app.command(epilog=EPILOG)
def learn(
    pages: list[str] = typer.Argument(
        ..., metavar="PAGE", help="At least 5 saved pages (text dumps or HTML) of one site, or folders of them."
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="The platform file to write, ID.toml; its folder is what --platforms-dir takes."
    ),
    platform_id: str | None = typer.Option(None, "--id", help="The platform's id (default: the output file's name)."),
    name: str | None = typer.Option(None, "--name", help="The platform's name (default: the brand its pages show)."),
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Learn a platform file from a handful of pages of a site deboiler does not know.

    Lines that recur across the pages become chrome phrases, their changing parts slots ({show},
    {title}, {date}, {duration}, {n}, ids); the file says where the description opens and closes,
    and comments say what each rule was learned from. A line on one page only is never chrome.

    \b
    Example:
      deboiler learn pages/*.txt -o learned/mysite.toml
      deboiler clean new_page.txt --platforms-dir learned/ --explain
    """

    def run() -> None:
        learned = learn_files(pages, output, platform_id, name, check_max_bytes(max_bytes))
        typer.echo(learn_summary(learned, output), err=True)

    _guarded(run)


@app.command()
def platforms(
    corpora: Path | None = typer.Option(
        None,
        "--corpora",
        metavar="DIR",
        help="A folder of gold pages (NAME.gold.json beside NAME.txt or NAME.html, searched recursively): "
        "adds a GOLD column, the gold pages of each platform under it.",
    ),
) -> None:
    """List the known platforms with their UI locales and hosts.

    \b
    --corpora DIR adds GOLD, the hand-checked pages under DIR per platform (a text dump and a saved HTML
    of the same page count as two), for example the repository's corpora/ folder. Add a platform: see
    "How to add a platform" in docs/platforms.md.
    """

    def run() -> None:
        if corpora is not None and not corpora.is_dir():
            raise InputNotFound(f"--corpora: no such folder: {corpora}")
        gold = gold_pages_by_platform([corpora]) if corpora is not None else None
        rows = [("ID", "NAME", "LOCALES", *(["GOLD"] if gold is not None else []), "HOSTS")]
        for p in sorted(default_catalog().platforms.values(), key=lambda p: p.id):
            counted = [str(gold[p.id])] if gold is not None else []
            rows.append((p.id, p.name, " ".join(p.locales), *counted, " ".join(p.hosts)))
        if gold is not None and gold[None]:
            rows.append(("(unknown)", "sites deboiler does not know", "-", str(gold[None]), "-"))
        typer.echo(_table(rows))

    _guarded(run)


@app.command("eval")
def evaluate(
    paths: list[Path] = typer.Argument(..., help="Folders (searched recursively) or .gold.json files."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show which fields are wrong on each page."),
) -> None:
    """Score deboiler on gold pages: token F1, line precision/recall, duplicates, field accuracy.

    \b
    Example:
      deboiler eval corpora/
    """

    def run() -> None:
        pairs = find_gold(paths)
        if not pairs:
            raise InputNotFound(f"no gold pages (NAME.gold.json beside NAME.txt) under {', '.join(map(str, paths))}")
        scores = [score_page(page, gold) for page, gold in pairs]
        overall = summarise(scores)
        if as_json:
            report = {"pages": [s.__dict__ for s in scores], "by_platform": summarise_by_platform(scores), "overall": overall}
            typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
            return
        rows = [("PAGE", "TOKEN_F1", "LINE_P", "LINE_R", "DUPS", "INVENTED", "FIELDS")]
        for s in scores:
            rows.append(
                (
                    s.page,
                    f"{s.token_f1:.3f}",
                    f"{s.line_precision:.3f}",
                    f"{s.line_recall:.3f}",
                    str(s.duplicate_lines),
                    str(s.invented_lines),
                    f"{s.fields_right}/{s.fields_total}",
                )
            )
        typer.echo(_table(rows))
        if verbose:
            for s in scores:
                for name, (want, have) in s.wrong_fields.items():
                    typer.echo(f"  {s.page}: {name}: expected {want!r}, got {have!r}")
        per_platform = summarise_by_platform(scores)
        if len(per_platform) > 1:
            typer.echo("")
            for name, summary in per_platform.items():
                typer.echo(_summary_line(name, summary))
        typer.echo("\n" + _summary_line("overall", overall))

    _guarded(run)


@app.command(epilog=EPILOG)
def batch(
    inputs: list[str] = typer.Argument(
        ...,
        metavar="INPUT",
        help="Page files, folders (recursive), globs, .jsonl/.jsonl.gz/.jsonl.zst, .parquet or .warc/.warc.gz (and .arc/.arc.gz) files.",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="The JSONL or Parquet file to write (OUT.part until complete)."
    ),
    output_format: str | None = typer.Option(
        None,
        "--output-format",
        help=f"{_choices(OutputFormat)} (default: parquet when OUT ends in .parquet or .pq, else jsonl).",
    ),
    row_group_size: int = typer.Option(
        SHARD_ROWS,
        "--row-group-size",
        help="Parquet output: records per row group, and per shard of OUT.part (the most a kill can cost).",
    ),
    workers: int | None = typer.Option(
        None, "--workers", "-w", help="Worker processes (default: every core; more than the cores are capped)."
    ),
    force_workers: bool = typer.Option(
        False, "--force-workers", help="Start --workers processes even when there are fewer cores."
    ),
    resume: bool = typer.Option(False, "--resume", help="Continue OUT.part (or OUT) from an earlier run."),
    chunk_size: int = typer.Option(DEFAULT_CHUNK_SIZE, "--chunk-size", help="Records per task sent to a worker."),
    html_field: str | None = typer.Option(
        None,
        "--html-field",
        help="JSONL field or Parquet column holding saved HTML (default: html, else the text field).",
    ),
    text_field: str | None = typer.Option(
        None, "--text-field", help="JSONL field or Parquet column holding a text dump (default: text)."
    ),
    id_field: str = typer.Option(
        "id", "--id-field", help="JSONL field or Parquet column holding the record id (else PATH:LINE or PATH:ROW)."
    ),
    url_field: str = typer.Option(
        "url", "--url-field", help="JSONL field or Parquet column holding the page URL (copied to the output)."
    ),
    platform: PlatformOption = None,
    platforms_dirs: PlatformsDirsOption = [],
    drop_show_boilerplate: DropShowBoilerplateOption = False,
    keep_unknown: KeepUnknownOption = False,
    langid_backend: LangIdOption = LangId(langid.DEFAULT_BACKEND),
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    page_timeout: float | None = typer.Option(
        None,
        "--page-timeout",
        help="Seconds one page may take; a page that takes longer becomes an error record (PageTimeout).",
    ),
    no_progress: bool = typer.Option(
        False, "--no-progress", help="No progress bar (it is off anyway when stderr is not a terminal)."
    ),
    dedup: str | None = typer.Option(
        None,
        "--dedup",
        help=f"Mark the same episode text on several records: {_choices(Dedup)}. "
        'Adds "duplicate_of" (the first record\'s id).',
    ),
    dedup_threshold: float = typer.Option(
        DEFAULT_THRESHOLD,
        "--dedup-threshold",
        help="--dedup minhash: Jaccard similarity (word 5-shingles) that makes a duplicate.",
    ),
    engine: str = typer.Option(
        Engine.local.value, "--engine", help=f"Where workers run: {_choices(Engine)} (local: a process pool)."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="--engine dask: address of a running scheduler (default: start a LocalCluster)."
    ),
    learn_sites: bool = typer.Option(
        False,
        "--learn-sites",
        help="Read the inputs twice: first learn each site's template from its pages in the batch (as `deboiler "
        "learn` does; sites told by their URL's domain, pages without a URL by the chrome lines they share), "
        "then clean every record with the built-ins plus the templates learned.",
    ),
    learned_dir: Path | None = typer.Option(
        None,
        "--learned-dir",
        help="--learn-sites: the folder for the learned platform files and their index sites.json (default: "
        "OUT.learned beside the output); `deboiler clean --platforms-dir` reads it.",
    ),
    learn_min_pages: int = typer.Option(
        5, "--learn-min-pages", help="--learn-sites: the fewest pages a site needs in the batch to be learned (2 or more)."
    ),
) -> None:
    """Clean many pages on every core into one JSONL or Parquet file, one record per input record, in input order.

    A bad record becomes an error record ("status": "error"), a WARC record that holds no page a
    "skipped" record, and the rest go on. Killed or interrupted (exit 130), run the same command
    with --resume to finish.

    \b
    Examples:
      deboiler batch pages/ -o episodes.jsonl
      deboiler batch 'crawl/*.jsonl.gz' -o episodes.jsonl --workers 8
      deboiler batch crawl.jsonl --text-field body --id-field key -o out.jsonl --resume
      deboiler batch crawl.jsonl -o out.jsonl --dedup minhash --dedup-threshold 0.8
      deboiler batch crawl.jsonl -o out.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
      deboiler batch 'crawl/*.warc.gz' -o episodes.parquet
      deboiler batch pages.parquet --html-field body -o episodes.parquet --platforms-dir my_platforms/
      deboiler batch crawl.jsonl -o episodes.jsonl --learn-sites --learned-dir learned/
    """

    def run() -> None:
        options = BatchOptions(
            workers=workers,
            force_workers=force_workers,
            chunk_size=chunk_size,
            page_timeout=page_timeout,
            resume=resume,
            fields=Fields.from_options(html=html_field, text=text_field, id=id_field, url=url_field),
            progress=not no_progress,
            dedup=choice(Dedup, dedup, "--dedup"),
            dedup_threshold=dedup_threshold,
            engine=choice(Engine, engine, "--engine"),
            scheduler=scheduler,
            output_format=choice(OutputFormat, output_format, "--output-format"),
            row_group_size=row_group_size,
            learn_sites=learn_sites,
            learned_dir=str(learned_dir) if learned_dir is not None else None,
            learn_min_pages=learn_min_pages,
        )
        clean_options = _clean_options(
            platform, platforms_dirs, langid_backend, max_bytes, False, drop_show_boilerplate, keep_unknown
        )
        run_batch(inputs, output, options, clean_options)

    _guarded(run)


# What a terminal acts on rather than shows: escape sequences (CSI such as colours and cursor moves;
# OSC, DCS, APC, PM and SOS strings such as a window title or a clipboard write; two-byte ESC codes),
# and every other C0 and C1 control character but tab and newline.
_TERMINAL_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_C1 = re.compile(r"[\x7f-\x9f]")


def neutralise(text: str) -> str:
    """The text without what a terminal would act on (escape sequences, control characters)."""
    return _TERMINAL_CONTROL.sub("", text)


def _print(text: str, json_text: bool = False) -> None:
    """Print the result on stdout. On a terminal, control sequences a page holds are taken out (a page
    must not set the window title or write the clipboard); piped or redirected, the text is exactly
    the description. JSON escapes C0 controls itself; on a terminal its C1 controls are escaped too.
    A stdout that is closed or cannot be written (a full disk) is an OutputError (73), not silence."""
    out = sys.stdout
    if out is None:
        raise OutputError("cannot write the result: stdout is closed")
    if out.isatty():
        text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if json_text else neutralise(text)
    try:
        out.buffer.write(text.encode("utf-8", "surrogateescape") + b"\n")
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the result to stdout: {exc.strerror or exc}") from None


def _read(source: str, max_bytes: int) -> bytes:
    """The page's bytes; never reads more than max_bytes + 1, so refusing a huge input costs nothing."""
    if source == "-":
        if sys.stdin is None:
            raise InputNotFound("stdin is closed: give a page file, or pipe one in")
        try:
            return read_at_most(sys.stdin.buffer, max_bytes)
        except OSError as exc:
            raise InputNotFound(f"cannot read stdin: {exc.strerror or exc}") from None
    path = Path(source)
    try:
        if path.is_dir():
            raise InputNotFound(f"{source} is a directory, not a page")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"input is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        with path.open("rb") as fh:
            return read_at_most(fh, max_bytes, size if path.is_file() else None)
    except FileNotFoundError:
        raise InputNotFound(f"no such file: {source}") from None
    except OSError as exc:  # permission denied, a symlink loop, an unsearchable folder, a read error
        raise InputNotFound(f"cannot read {source}: {exc.strerror or exc}") from None


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _summary_line(name: str, summary: dict) -> str:
    return (
        f"{name}: {summary['pages']} pages, token F1 {summary['token_f1']:.4f}, "
        f"line precision {summary['line_precision']:.4f}, line recall {summary['line_recall']:.4f}, "
        f"duplicate lines {summary['duplicate_lines']}, invented lines {summary['invented_lines']}, "
        f"field accuracy {summary['field_accuracy']:.4f}"
    )


def _explain_table(ep) -> str:
    rows = [("LINE", "LABEL", "RULE", "TEXT", "WHY")]
    for v in ep.lines:
        text = v.text if len(v.text) <= 50 else v.text[:49] + "…"
        rows.append((str(v.lineno), v.label, v.rule, text, v.reason))
    head = (
        f"platform {ep.platform} ({ep.platform_confidence:.2f}: {', '.join(ep.platform_evidence) or 'no evidence'}); "
        f"locale {ep.locale}; language {ep.language}"
    )
    return head + "\n" + _table(rows)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows)


def _guarded(run) -> None:
    try:
        run()
    except DeboilerError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"deboiler: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error of ours
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        typer.echo("deboiler: interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug: still one line, unless the user asked for the traceback
        if _state["debug"]:
            raise
        typer.echo(
            f"deboiler: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True
        )
        raise typer.Exit(INTERNAL_ERROR) from None


def main() -> None:
    """The console script: a usage error is one `deboiler: error:` line (exit 2), not click's box."""
    try:
        code = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:  # `deboiler` alone: the help, as before
        typer.echo(exc.ctx.get_help(), err=True)
        sys.exit(2)
    except click_errors.UsageError as exc:
        where = f"deboiler {exc.ctx.info_name} --help" if exc.ctx and exc.ctx.parent else "deboiler --help"
        message = " ".join(exc.format_message().split())
        typer.echo(f"deboiler: error: {message} (see {where})", err=True)
        sys.exit(2)
    except click_errors.ClickException as exc:
        typer.echo(f"deboiler: error: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("deboiler: interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
