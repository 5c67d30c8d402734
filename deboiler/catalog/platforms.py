"""The platform catalog: every platform's data file and locale files, loaded and compiled once.

A platform is a folder under deboiler/platforms/ (or a --platforms-dir) holding `platform.toml`
(detection signatures, language-independent line rules, where the description stands) and one
`<locale>.toml` per UI language (the chrome phrases of that UI). A --platforms-dir may also hold a
platform as one file, `<id>.toml` (what `deboiler learn` writes): the same keys as platform.toml, with
each UI's phrases in a `[phrases.<locale>]` table instead of a locale file. Nothing here knows any
platform by name.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from pathlib import Path

import ahocorasick_rs

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from deboiler.catalog.phrases import Phrase, PhraseError, check_phrase, compile_phrase, has_digit
from deboiler.errors import UsageError
from deboiler.stages.blocks import Blocks

BUILTIN_DIR = Path(__file__).parent.parent / "platforms"
_SELECTOR_CACHE_MAX = 5_000  # tag paths whose selector rules a matcher remembers across pages (~1 MB)
# show_boilerplate: a line a show prints in every episode's description (a sponsor footer), told apart
# by `deboiler learn`; kept in the description unless the caller asks to drop it.
LABELS = ("content", "title", "show", "meta", "chrome", "duplicate", "blank", "show_boilerplate")


@dataclass(frozen=True)
class Rule:
    """A named kind of line (the license notice, "N episodes", the share button ...)."""

    name: str
    label: str  # what a matching line is when it stands outside the description
    why: str
    signature: float  # weight as detection evidence; 0 for lines that prove nothing
    phrases: dict[str | None, tuple[str, ...]]  # locale (None: every locale) -> phrase sources
    fallback: bool = False  # a language-independent guess, used only for UI locales without a data file
    show_named_twice: bool = False  # the line names the show twice (read it so where no phrase captures it)
    # Words that UIs without a phrase file put in front of both mentions ("על ידי"), not part of the show.
    show_lead_ins: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()  # HTML only: a block inside an element matching one of these (tag.class#id)

    @cached_property
    def name_set(self) -> frozenset[str]:
        """{name}, made once: the rule names of a line with one hit (most lines with any)."""
        return frozenset((self.name,))


@dataclass(frozen=True)
class Hit:
    rule: Rule
    phrase: str
    captures: dict[str, str]
    locale: str | None  # the locale whose phrase matched; None for a language-independent rule


@dataclass(frozen=True)
class Selector:
    """A simple CSS selector for one element: tag, .class and #id parts ("div.modal", ".share", "nav")."""

    source: str
    tag: str
    classes: frozenset[str]
    ident: str

    @classmethod
    def parse(cls, source: str) -> Selector:
        m = re.fullmatch(r"([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)", source.strip())
        if not m or not source.strip():
            raise UsageError(f"unsupported selector {source!r}: use tag, .class, #id or a combination like div.modal")
        parts = re.findall(r"([.#])([\w-]+)", m.group(2))
        idents = [v for k, v in parts if k == "#"]
        return cls(
            source, (m.group(1) or "").lower(), frozenset(v for k, v in parts if k == "."), idents[0] if idents else ""
        )

    def matches(self, segment: str) -> bool:
        """`segment` as html_blocks writes it: tag#id.class1.class2"""
        head, *classes = segment.split(".")
        tag, _, ident = head.partition("#")
        return (
            (not self.tag or self.tag == tag)
            and (not self.ident or self.ident == ident)
            and self.classes.issubset(classes)
        )


class Automaton:
    """An Aho-Corasick automaton of (word, value) pairs, which finds all of them, overlapping, in one
    pass over a text (ahocorasick-rs, in Rust: about 12 ns a character against pyahocorasick's 25
    on real pages' text)."""

    def __init__(self, words: list[str], values: list[object]) -> None:
        self._search = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard).find_matches_as_indexes
        self._words, self._values = words, values

    def __reduce__(self) -> tuple:
        # Built again from its words where it is unpickled: the Rust automaton itself does not pickle,
        # and a catalog travels to Dask workers and to spawned processes by pickle.
        return (Automaton, (self._words, self._values))

    def __len__(self) -> int:
        return len(self._values)

    def iter(self, text: str) -> Iterator[tuple[int, object]]:
        """(offset of the match's last character, its word's value) for every match, in text order."""
        values = self._values
        for index, _, end in self._search(text, overlapping=True):
            yield end - 1, values[index]


def automaton(entries: Iterable[tuple[str, object]]) -> Automaton | None:
    """The automaton of (word, value) pairs (a word listed twice keeps its last value); None for no
    words (nothing to search for)."""
    by_word = dict(entries)
    return Automaton(list(by_word), list(by_word.values())) if by_word else None


class SharedLiterals:
    """The literals of several matchers and word lists in one automaton, so that a page's folded text
    is read once for all of them: a pass costs the same per character however few its words (detection
    made three, for signatures, hosts and brands, and the UI lexicon a fourth). `find` gives each part
    its (end offset, value) pairs in page order."""

    def __init__(self, parts: Sequence[Iterable[tuple[str, object]]]) -> None:
        merged: dict[str, list[tuple[int, object]]] = {}
        for k, entries in enumerate(parts):
            for word, value in entries:
                merged.setdefault(word, []).append((k, value))
        self._parts = len(parts)
        self._automaton = automaton(merged.items())

    def find(self, folded: str) -> list[list[tuple[int, object]]]:
        found: list[list[tuple[int, object]]] = [[] for _ in range(self._parts)]
        if self._automaton is not None:
            for end, owners in self._automaton.iter(folded):
                for k, value in owners:
                    found[k].append((end, value))
        return found


_LIST_MARK_AT_LINE_START = re.compile(r"^[-•*–·▪] ", re.M)  # what a dump prints before a list's item
_MARKDOWN_HEADING_AT_LINE_START = re.compile(r"^#{1,6} ", re.M)  # a heading printed as Markdown ("## Transcript")
_PERMALINK_AT_LINE_END = re.compile(r" #$", re.M)  # a heading's anchor link printed after it ("Episode Transcript #")


@dataclass
class LineMatcher:
    """All phrases that apply to a page in one UI locale, ready to test lines against."""

    exact: dict[str, list[tuple[Rule, str, str | None]]]
    patterns: list[tuple[Rule, Phrase, str | None]]
    selector_rules: list[tuple[Rule, Selector]] = field(default_factory=list)
    # Which hits a line needs: one per rule (None), or one per class of rules where the readers take
    # only a line's first hit of each class (the UI lexicon: the first interface phrase and the first
    # section phrase; "{date} · {duration}" is listed in 38 languages, a regex each).
    hit_class: Callable[[Rule], str] | None = None
    # Which rules' slot-free phrases also match a line that is one of them behind a list's mark
    # ("- Privacy policy", "• Download": a footer's or share bar's list as a dump prints it), where
    # nothing else matched the line; None: none.
    bulleted: Callable[[Rule], bool] | None = None
    # Which rules' slot-free phrases also match a line that is one of them behind a Markdown heading's
    # marks ("## Episode description": a page that prints its Markdown source) or before a heading's
    # anchor link ("Episode Transcript #"); None: none.
    headed: Callable[[Rule], bool] | None = None

    def __post_init__(self) -> None:
        classify = self.hit_class or (lambda rule: rule.name)
        rules = [rule for listed in self.exact.values() for rule, _, _ in listed]
        rules += [rule for rule, _, _ in self.patterns] + [rule for rule, _ in self.selector_rules]
        self._class_of = {rule.name: classify(rule) for rule in rules}  # rule name -> its class
        self._pattern_class = [self._class_of[rule.name] for rule, _, _ in self.patterns]
        # Slot phrases grouped by their literal part: one substring search over the whole page finds
        # the few lines worth a regex. Phrases with no literal part ({date}, {duration}) are short,
        # so only lines within their bounded length are tried, and of those only lines with a digit
        # when every match of the phrase holds one (most short lines of a page hold none).
        self._by_literal: dict[str, list[int]] = {}
        unliteral: dict[bool, list[tuple[int, int]]] = {False: [], True: []}  # needs a digit -> (max_len, idx)
        for idx, (_, phrase, _) in enumerate(self.patterns):
            if phrase.prefilter:
                self._by_literal.setdefault(phrase.prefilter, []).append(idx)
            else:
                unliteral[phrase.needs_digit].append((phrase.max_len, idx))
        # Per group, phrases by max length: a line of length n is tried only against the group's tail
        # whose max length is >= n (found by bisect), and a line longer than the group's last is skipped.
        self._unliteral: list[tuple[bool, list[int], list[int]]] = []
        for needs_digit, group in unliteral.items():
            if group:
                group.sort()
                self._unliteral.append((needs_digit, [n for n, _ in group], [idx for _, idx in group]))
        # Every literal found in one pass over the page (Aho-Corasick, in Rust): the UI lexicon holds ~300
        # literals, and searching for each in turn cost more than the rest of the scan.
        self.literal_entries = [(literal, (n, idxs)) for n, (literal, idxs) in enumerate(self._by_literal.items())]
        self._literals = automaton(self.literal_entries)
        self._exact_hits = {key: [Hit(rule, src, {}, loc) for rule, src, loc in listed] for key, listed in self.exact.items()}
        if self.bulleted is not None:
            self._bulleted_hits = {
                key: hits for key, listed in self._exact_hits.items() if (hits := [hit for hit in listed if self.bulleted(hit.rule)])
            }
        if self.headed is not None:
            self._headed_hits = {
                key: hits for key, listed in self._exact_hits.items() if (hits := [hit for hit in listed if self.headed(hit.rule)])
            }
        self._selector_hits = [Hit(rule, f"selector {sel.source}", {}, None) for rule, sel in self.selector_rules]
        self._selector_masks: tuple[dict[str, int], dict[str, int]] = ({}, {})  # segment / path -> rule bits

    @classmethod
    def build(
        cls,
        entries: Iterable[tuple[Rule, str, str | None, str | None]],
        selector_rules: Iterable[Rule] = (),
        hit_class: Callable[[Rule], str] | None = None,
        bulleted: Callable[[Rule], bool] | None = None,
        headed: Callable[[Rule], bool] | None = None,
    ) -> LineMatcher:
        """From (rule, phrase source, the locale it speaks for, the locale to read slots in), in order,
        and the rules that also name elements by selector; `hit_class` as the field says."""
        exact: dict[str, list[tuple[Rule, str, str | None]]] = {}
        patterns: list[tuple[Rule, Phrase, str | None]] = []
        for rule, src, locale, fmt_locale in entries:
            phrase = compile_phrase(src, fmt_locale)
            if phrase.key is not None:
                exact.setdefault(phrase.key, []).append((rule, src, locale))
            else:
                patterns.append((rule, phrase, locale))
        by_selector = [(rule, Selector.parse(sel)) for rule in selector_rules for sel in rule.selectors]
        return cls(exact, patterns, by_selector, hit_class, bulleted, headed)

    def scan(self, blocks: Blocks) -> list[list[Hit]]:
        """Every rule each block of a page matches, locale phrases first.

        Written for speed, since it sees every line of every page: candidate lines come from one
        pass of the literals' automaton over the whole page (or from a SharedLiterals pass that
        already read it: Blocks.literal_hits), a dict lookup per line for slot-free phrases, and a
        length (and digit) check for the short slot-only phrases; only those are tried.
        """
        found: list[list[Hit]] = [[] for _ in blocks]
        todo: dict[int, list[int]] = {}  # line -> indexes of the slot phrases worth trying on it
        literal_hits = blocks.literal_hits.get(id(self)) if blocks.literal_hits else None
        if literal_hits is None and self._literals is not None:
            literal_hits = self._literals.iter(blocks.folded_text)
        if literal_hits is not None:
            starts, seen = blocks.starts, set()
            for end, (n, idxs) in literal_hits:
                i = bisect_right(starts, end) - 1
                if (i, n) in seen:
                    continue  # the literal again on the same line
                seen.add((i, n))
                listed = todo.get(i)
                if listed is None:
                    todo[i] = list(idxs)
                else:
                    listed += idxs
        for needs_digit, lengths, idxs in self._unliteral:
            for i in blocks.lines_up_to(lengths[-1]):
                text = blocks[i].text
                if needs_digit and not has_digit(text):
                    continue
                tail = idxs[bisect_left(lengths, len(text)) :]
                listed = todo.get(i)
                if listed is None:
                    todo[i] = tail
                else:
                    listed += tail
        if self.selector_rules:
            self._scan_selectors(blocks, found)
        # Slot-free phrases: one dict lookup per line, the lines with a key picked in C. Their hits are
        # built once per matcher (a Hit is frozen), in the order of `exact`'s lists.
        exact_hits, folded = self._exact_hits, blocks.folded_list
        for i in compress(range(len(folded)), map(exact_hits.__contains__, folded)):
            found[i] += exact_hits[folded[i]]
        patterns, class_of, pattern_class = self.patterns, self._class_of, self._pattern_class
        for i in sorted(todo):
            block, hits = blocks[i], found[i]
            matched = {class_of[h.rule.name] for h in hits}
            text, folded_text = block.text, block.folded
            listed = todo[i]
            for idx in sorted(set(listed)) if len(listed) > 1 else listed:
                if pattern_class[idx] in matched:
                    continue  # one phrase per rule (or class) is enough; the first (the locale's) captures most
                rule, phrase, loc = patterns[idx]
                captures = phrase.match(text, folded_text)
                if captures is not None:
                    hits.append(Hit(rule, phrase.source, captures, loc))
                    matched.add(pattern_class[idx])
        if self.bulleted is not None:
            # The lines that open with a list's mark, found in one pass over the page (most have none).
            bulleted_hits, starts = self._bulleted_hits, blocks.starts
            for m in _LIST_MARK_AT_LINE_START.finditer(blocks.folded_text):
                i = bisect_right(starts, m.start()) - 1
                line = folded[i]
                if not found[i] and (hits := bulleted_hits.get(line[2:].lstrip())):
                    found[i] = list(hits)
        if self.headed is not None and "#" in blocks.folded_text:
            headed_hits, starts = self._headed_hits, blocks.starts
            for m in _MARKDOWN_HEADING_AT_LINE_START.finditer(blocks.folded_text):
                i = bisect_right(starts, m.start()) - 1
                if not found[i] and (hits := headed_hits.get(folded[i].lstrip("#").lstrip())):
                    found[i] = list(hits)
            for m in _PERMALINK_AT_LINE_END.finditer(blocks.folded_text):
                i = bisect_right(starts, m.start()) - 1
                if not found[i] and (hits := headed_hits.get(folded[i][:-2].rstrip())):
                    found[i] = list(hits)
        return found

    def _scan_selectors(self, blocks: Blocks, found: list[list[Hit]]) -> None:
        # Each path and each segment is matched once, and remembered across pages (a platform's pages
        # share most of their tag paths): a path's selectors are its parent path's plus its last
        # segment's (bit k stands for selector_rules[k]; the lowest set bit is the first rule, as in a
        # scan of the rules in order).
        rules = self.selector_rules
        by_segment, by_path = self._selector_masks
        if len(by_path) > _SELECTOR_CACHE_MAX:
            # A long batch of varied markup: start over, never grow unbounded. New tables rather than
            # clear(), so that a scan running in another thread keeps consistent ones.
            self._selector_masks = by_segment, by_path = {}, {}
        hits = self._selector_hits
        for i, block in enumerate(blocks):
            if not block.text:
                continue
            path = block.path  # built on first use for an HTML block; "" for a text line
            if not path:
                continue
            mask = by_path.get(path)
            if mask is None:
                pending = []  # this path and its ancestors whose mask is not known yet
                while mask is None:
                    pending.append(path)
                    path = path.rpartition(">")[0]
                    mask = by_path.get(path) if path else 0  # above the root: no selector
                for path in reversed(pending):
                    segment = path.rpartition(">")[2]
                    own = by_segment.get(segment)
                    if own is None:
                        own = by_segment[segment] = sum(1 << k for k, (_, sel) in enumerate(rules) if sel.matches(segment))
                    mask = by_path[path] = mask | own
            if mask:
                found[i].append(hits[(mask & -mask).bit_length() - 1])

@dataclass
class Platform:
    id: str
    name: str
    hosts: tuple[str, ...]
    brands: tuple[str, ...]
    default_locale: str
    rules: dict[str, Rule]
    opens_after: tuple[str, ...]
    fallback_opens_after: tuple[str, ...]  # used only when no opens_after line is on the page
    skip: tuple[str, ...]
    closes_at: tuple[str, ...]
    title_before: tuple[str, ...]  # rules of the line printed right under the title
    host_locales: dict[str, str]  # host subdomain -> UI locale where they differ (zh -> zh-Hans)
    source: Path
    show_beside_title: str | None = None  # "above"/"below": the show is a bare line next to the title
    path_locales: dict[str, str] = field(default_factory=dict)  # first URL path segment -> UI locale (/jp/ -> ja)
    closes_in_order: bool = False  # closes_at lists a card's closing markers in the order the page prints them
    fallback_after_show_line: bool = False  # no opener on the page: the description opens below title and bare show line
    title_under: tuple[str, ...] = ()  # rules of a line the title may stand right under (a date above it)
    _matchers: dict[object, LineMatcher] = field(default_factory=dict, repr=False)

    @property
    def locales(self) -> list[str]:
        return sorted({loc for r in self.rules.values() for loc in r.phrases if loc is not None})

    def matcher(self, locale: str | None) -> LineMatcher:
        """Language-independent rules plus the phrases of `locale`.

        A locale without a data file (or None) gets the fallback rules instead; its dates and
        durations are still read the locale's way, since those come from CLDR, not from our files.
        """
        if locale not in self._matchers:
            self._matchers[locale] = self._build_matcher(locale)
        return self._matchers[locale]

    def _build_matcher(self, locale: str | None) -> LineMatcher:
        fmt_locale = locale or self.default_locale
        has_data = locale in self.locales
        # Locale phrases first: they are the more specific reading (they capture {show}).
        rules = [rule for rule in self.rules.values() if not (rule.fallback and has_data)]
        return LineMatcher.build(
            (
                (rule, src, want, fmt_locale)
                for want in ((locale,) if has_data else ()) + (None,)
                for rule in rules
                for src in rule.phrases.get(want, ())
            ),
            [rule for rule in rules if rule.selectors],
        )

    @cached_property
    def has_show_boilerplate(self) -> bool:
        """Whether any rule names a show's boilerplate (learned platform files only, so far)."""
        return any(rule.label == "show_boilerplate" for rule in self.rules.values())

    @cached_property
    def exact_phrase_locales(self) -> dict[str, set[str]]:
        """Case-folded slot-free locale phrase -> locales that use it: cheap evidence for the UI locale."""
        table: dict[str, set[str]] = {}
        for rule in self.rules.values():
            for loc, sources in rule.phrases.items():
                if loc is None:
                    continue
                for src in sources:
                    phrase = compile_phrase(src, loc)
                    if phrase.key is not None:
                        table.setdefault(phrase.key, set()).add(loc)
        return table

    @cached_property
    def host_regex(self) -> re.Pattern[str]:
        hosts = "|".join(re.escape(h) for h in self.hosts) or r"(?!x)x"
        # Optional subdomain, often the UI locale (ko.player.fm).
        return re.compile(rf"(?<![\w.-])(?:([a-z]{{2,3}}(?:-[a-z]{{2,4}})?)\.)?(?:www\.)?({hosts})(?![\w-])", re.I)

    def own_host(self, host: str) -> str | None:
        """Which of our hosts a host name is, or is a subdomain of (ko.player.fm -> player.fm); else None."""
        return next((h for h in self.hosts if host == h or host.endswith("." + h)), None)

    def find_host(self, folded: str) -> re.Match[str] | None:
        """The first mention of one of our hosts. A plain substring search finds the spot; the regex
        (which has no literal prefix, so is slow over a whole page) only reads a window around it."""
        for host in self.hosts:
            at = folded.find(host.casefold())
            while at >= 0:
                window = folded[max(0, at - 12) : at + len(host) + 1]
                m = self.host_regex.search(window)
                if m:
                    return m
                at = folded.find(host.casefold(), at + 1)
        return None


@dataclass
class Catalog:
    platforms: dict[str, Platform]

    def get(self, platform_id: str) -> Platform:
        try:
            return self.platforms[platform_id]
        except KeyError:
            known = ", ".join(sorted(self.platforms))
            raise UsageError(f"unknown platform {platform_id!r}; known: {known}") from None


def load_catalog(*extra_dirs: str | Path) -> Catalog:
    """The built-in platforms, plus those in `extra_dirs` (a later one replaces a built-in of the same id).

    In each folder: `<id>/platform.toml` (+ locale files) and `<id>.toml` single-file platforms."""
    platforms: dict[str, Platform] = {}
    for root in (BUILTIN_DIR, *map(Path, extra_dirs)):
        if not root.is_dir():
            raise UsageError(f"platforms directory not found: {root}")
        found = [load_platform(spec.parent) for spec in sorted(root.glob("*/platform.toml"))]
        found += [load_platform_file(path) for path in sorted(root.glob("*.toml"))]
        for platform in found:
            platforms[platform.id] = platform
    return Catalog(platforms)


def load_platform(folder: Path) -> Platform:
    spec = _check_spec(_read_toml(folder / "platform.toml"), folder / "platform.toml")
    locale_files = [
        _check_locale_file(_read_toml(f), f) for f in sorted(folder.glob("*.toml")) if f.name != "platform.toml"
    ]
    return _build_platform(spec, locale_files, folder)


def load_platform_file(path: Path) -> Platform:
    """A platform in one file: platform.toml's keys plus `[phrases.<locale>]` tables (`deboiler learn`)."""
    return _build_platform(_check_spec(_read_toml(path), path), [], path)


# What each key of a platform file holds. Checked when the file is loaded, so that a wrong type is
# one usage error naming the file and the key, not a failure on every page cleaned with it.
_STRINGS = "a list of strings"
_SPEC_KEYS = {
    "id": str, "name": str, "default_locale": str, "hosts": _STRINGS, "brands": _STRINGS,
    "rules": dict, "description": dict, "title": dict, "path_locales": dict, "host_locales": dict, "phrases": dict,
}  # fmt: skip
_RULE_KEYS = {
    "label": str, "why": str, "signature": float, "phrases": _STRINGS, "fallback": bool,
    "show_named_twice": bool, "show_lead_ins": _STRINGS, "selectors": _STRINGS,
}  # fmt: skip
_DESCRIPTION_KEYS = {
    "opens_after": _STRINGS, "fallback_opens_after": _STRINGS, "skip": _STRINGS, "closes_at": _STRINGS,
    "closes_in_order": bool, "fallback_after_show_line": bool,
}  # fmt: skip
_TITLE_KEYS = {"before": _STRINGS, "show": str, "under": _STRINGS}


def _check_spec(spec: dict, path: Path) -> dict:
    _check_keys(spec, _SPEC_KEYS, path, "")
    for name, body in spec.get("rules", {}).items():
        if not isinstance(body, dict):
            raise UsageError(f"{path}: rules.{name} must be a table ([rules.{name}]), not {_what(body)}")
        _check_keys(body, _RULE_KEYS, path, f"rules.{name}.")
        _check_phrases(body.get("phrases", ()), path, f"rules.{name}.phrases")
    _check_keys(spec.get("description", {}), _DESCRIPTION_KEYS, path, "description.")
    _check_keys(spec.get("title", {}), _TITLE_KEYS, path, "title.")
    for table in ("path_locales", "host_locales"):
        for key, value in spec.get(table, {}).items():
            if not isinstance(value, str):
                raise UsageError(f"{path}: {table}.{key} must be a string, not {_what(value)}")
    for locale, table in spec.get("phrases", {}).items():
        _check_locale_phrases(table, path, f"phrases.{locale}")
    return spec


def _check_locale_file(spec: dict, path: Path) -> dict:
    _check_keys(spec, {"locale": str, "phrases": dict}, path, "")
    _check_locale_phrases(spec.get("phrases", {}), path, "phrases")
    return spec


def _check_locale_phrases(table: object, path: Path, where: str) -> None:
    if not isinstance(table, dict):
        raise UsageError(f"{path}: {where} must be a table of rule names and phrase lists, not {_what(table)}")
    for name, sources in table.items():
        _check_phrases(sources, path, f"{where}.{name}")


def _check_phrases(sources: object, path: Path, where: str) -> None:
    if not isinstance(sources, (list, tuple)):
        raise UsageError(f"{path}: {where} must be a list of strings, not {_what(sources)}")
    for source in sources:
        try:
            check_phrase(source)
        except PhraseError as exc:
            raise UsageError(f"{path}: {where}: {exc}") from None


def _check_keys(table: object, kinds: dict, path: Path, prefix: str) -> None:
    if not isinstance(table, dict):
        raise UsageError(f"{path}: {prefix.rstrip('.')} must be a table, not {_what(table)}")
    for key, kind in kinds.items():
        if key not in table:
            continue
        value = table[key]
        if kind == _STRINGS:
            good = isinstance(value, list) and all(isinstance(v, str) for v in value)
        elif kind is float:
            good = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1e6
        else:
            good = isinstance(value, kind)
        if not good:
            want = {str: "a string", bool: "true or false", dict: "a table", float: "a number"}.get(kind, kind)
            raise UsageError(f"{path}: {prefix}{key} must be {want}, not {_what(value)}")


def _what(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _build_platform(spec: dict, locale_files: list[dict], folder: Path) -> Platform:
    # Locale phrases come from locale files, or from [phrases.<locale>] tables in the platform file.
    try:
        inline = spec.get("phrases", {})
        locale_files = locale_files + [{"locale": tag, "phrases": table} for tag, table in inline.items()]
        rules = {
            name: Rule(
                name=name,
                label=_check_label(body.get("label", "chrome"), folder, name),
                why=body.get("why", f"{spec['name']} page chrome"),
                signature=float(body.get("signature", 0.0)),
                phrases={None: tuple(body.get("phrases", ()))},
                fallback=bool(body.get("fallback", False)),
                show_named_twice=bool(body.get("show_named_twice", False)),
                show_lead_ins=tuple(body.get("show_lead_ins", ())),
                selectors=tuple(body.get("selectors", ())),
            )
            for name, body in spec.get("rules", {}).items()
        }
        for loc in locale_files:
            locale = loc["locale"]
            for name, sources in loc.get("phrases", {}).items():
                rule = rules.get(name) or Rule(name, "chrome", f"{spec['name']} interface text", 0.0, {})
                rules[name] = dataclasses.replace(rule, phrases={**rule.phrases, locale: tuple(sources)})
        desc = spec.get("description", {})
        return Platform(
            id=spec["id"],
            name=spec["name"],
            hosts=tuple(spec.get("hosts", ())),
            brands=tuple(spec.get("brands", ())),
            default_locale=spec.get("default_locale", "en"),
            rules=rules,
            opens_after=tuple(desc.get("opens_after", ())),
            fallback_opens_after=tuple(desc.get("fallback_opens_after", ())),
            skip=tuple(desc.get("skip", ())),
            closes_at=tuple(desc.get("closes_at", ())),
            closes_in_order=bool(desc.get("closes_in_order", False)),
            fallback_after_show_line=bool(desc.get("fallback_after_show_line", False)),
            title_before=tuple(spec.get("title", {}).get("before", ())),
            show_beside_title=_check_show_position(spec.get("title", {}).get("show"), folder),
            title_under=tuple(spec.get("title", {}).get("under", ())),
            path_locales=dict(spec.get("path_locales", {})),
            host_locales=dict(spec.get("host_locales", {})),
            source=folder,
        )
    except KeyError as exc:
        raise UsageError(f"{folder}: missing required key {exc}") from None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read platform file {path}: {exc}") from None


def _check_show_position(value: object, folder: Path) -> str | None:
    if value in (None, "above", "below"):
        return value  # type: ignore[return-value]
    raise UsageError(f"{folder}: [title] show must be \"above\" or \"below\", not {value!r}")


def _check_label(label: str, folder: Path, name: str) -> str:
    if label not in LABELS:
        raise UsageError(f"{folder}: rule {name!r} has unknown label {label!r}; use one of {LABELS}")
    return label


def signature_matcher(platform: Platform) -> LineMatcher:
    """Only the rules that count as detection evidence, in every locale at once."""
    cached = platform._matchers.get("__signatures__")
    if cached is None:
        cached = platform._matchers["__signatures__"] = LineMatcher.build(
            (rule, src, loc, loc or platform.default_locale)
            for rule in platform.rules.values()
            if rule.signature > 0
            for loc, sources in rule.phrases.items()
            for src in sources
        )
    return cached
