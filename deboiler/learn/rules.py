"""deboiler learn: templates of several UIs become named rules, plus the platform's detection evidence.

A line printed the same in every UI (the brand, "×", "{duration}") is one language-independent rule.
A translated line ("Share" / "Teilen") is one rule with a phrase per UI: lines that play the same
part (the description's opener, its closer, the line under the title) are paired first; the others
are paired in page order between the lines every UI shares, where their slots agree. A rule is named
after its phrase in the main UI ("episode_notes"), or after its slots where that phrase has no Latin
words ("count", "duration").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from deboiler.catalog.phrases import literal_text, slot_names
from deboiler.learn.layout import Layout
from deboiler.learn.pages import TrainingPage, _locale_subdomain
from deboiler.learn.templates import Template

_URL = re.compile(r"https?://\S+")
SIGNATURE = 0.3  # detection weight of each learned signature line: two of them reach detect.THRESHOLD
MAX_SIGNATURES = 4
MIN_SIGNATURE_CHARS = 10  # fixed text a signature line needs, so that "Share" proves nothing


@dataclass
class LearnedRule:
    name: str
    phrases: dict[str | None, list[Template]] = field(default_factory=dict)  # None: every UI
    signature: float = 0.0

    @property
    def templates(self) -> list[Template]:
        return [t for ts in self.phrases.values() for t in ts]

    @property
    def label(self) -> str:
        return "meta" if any(t.label == "meta" for t in self.templates) else "chrome"


def build_rules(
    templates: dict[str, Template], pages: Sequence[TrainingPage], groups: Sequence[Sequence[int]], layout: Layout
) -> tuple[list[LearnedRule], dict[str, str]]:
    """The rules in page order, and each template key's rule name."""
    locales = [pages[g[0]].locale for g in groups]
    main = "en" if "en" in locales and len(groups[locales.index("en")]) == len(groups[0]) else locales[0]
    order = [main] + [loc for loc in locales if loc != main]
    rank = _ranks(templates, pages)
    where: dict[str, str | None] = {}
    for key, t in templates.items():
        seen = {pages[p].locale for p in t.pages}
        where[key] = None if len(seen) >= 2 or not _has_letters(t.phrase) else next(iter(seen))
    roles = {
        key: role
        for role, keys in (
            ("opens", layout.opens_after),
            ("skip", layout.skip),
            ("closes", layout.closes_at),
            ("title", layout.title_before),
        )
        for key in keys
    }
    # Rules start from the main UI's lines and the shared ones; other UIs' lines join them or stand alone.
    rule_of: dict[str, int] = {}
    rules: list[dict[str | None, list[str]]] = []
    for key in sorted(templates, key=lambda k: rank[k].get(main, 2.0) if where[k] in (None, main) else 9.0):
        if where[key] in (None, main):
            rule_of[key] = len(rules)
            rules.append({where[key]: [key]})
    for loc in order[1:]:
        mine = sorted((k for k in templates if where[k] == loc), key=lambda k: rank[k][loc])
        for key, partner in _pair(mine, main, loc, templates, where, rank, roles).items():
            if partner is None:
                rule_of[key] = len(rules)
                rules.append({loc: [key]})
            else:
                rule_of[key] = rule_of[partner]
                rules[rule_of[partner]].setdefault(loc, []).append(key)
    learned, names = [], {}
    taken: set[str] = set()
    for members in rules:
        first = next(iter(members.values()))[0]
        name = _unique(_name_for(templates[first].phrase), taken)
        learned.append(LearnedRule(name, {loc: [templates[k] for k in keys] for loc, keys in members.items()}))
        for keys in members.values():
            for k in keys:
                names[k] = name
    return learned, names


def _pair(mine, main, loc, templates, where, rank, roles) -> dict[str, str | None]:
    """This UI's own lines -> the main UI's line that plays the same part (None: none does)."""
    theirs = [k for k in templates if where[k] == main]
    partner: dict[str, str | None] = dict.fromkeys(mine)
    for role in ("opens", "skip", "closes", "title"):
        a = sorted((k for k in theirs if roles.get(k) == role), key=lambda k: rank[k][main])
        b = sorted((k for k in mine if roles.get(k) == role), key=lambda k: rank[k][loc])
        if len(a) == len(b):
            partner.update(zip(b, a))
    # Between the lines both UIs print (or that were paired above), pair what is left in page order
    # where the slots agree.
    taken = {v for v in partner.values() if v}
    shared = [k for k in templates if where[k] is None and main in rank[k] and loc in rank[k]]
    seq_a = sorted(shared + theirs, key=lambda k: rank[k][main])
    seq_b = sorted(shared + list(mine), key=lambda k: rank[k][loc])
    tok_a = [k if k in shared or k in taken else ("a", k) for k in seq_a]
    tok_b = [k if k in shared else (partner[k] or ("b", k)) for k in seq_b]
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, tok_a, tok_b, autojunk=False).get_opcodes():
        if tag != "replace":
            continue
        left = [t[1] for t in tok_a[a0:a1] if isinstance(t, tuple)]
        for t in tok_b[b0:b1]:
            if not isinstance(t, tuple):
                continue
            match = next((x for x in left if templates[x].slots == templates[t[1]].slots), None)
            if match is not None:
                partner[t[1]] = match
                left = left[left.index(match) + 1 :]
    return partner


def _ranks(templates: dict[str, Template], pages: Sequence[TrainingPage]) -> dict[str, dict[str, float]]:
    """Key -> UI -> where the line first stands on that UI's pages (0 top .. 1 bottom), averaged."""
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for key, t in templates.items():
        first: dict[int, int] = {}
        for o in t.occurrences:
            first[o.page] = min(first.get(o.page, o.index), o.index)
        for p, i in first.items():
            sums[key][pages[p].locale].append(i / max(1, len(pages[p].blocks)))
    return {key: {loc: sum(v) / len(v) for loc, v in by_loc.items()} for key, by_loc in sums.items()}


def _has_letters(phrase: str) -> bool:
    return any(ch.isalpha() for ch in literal_text(_URL.sub("", phrase)))


def _name_for(phrase: str) -> str:
    words = re.findall(r"[a-z0-9]+", literal_text(_URL.sub(" ", phrase), " ").lower())
    words = [w for w in words if not w.isdigit()]
    if words and sum(len(w) for w in words) >= 3:
        return "_".join(words[:3])
    slots = list(dict.fromkeys(slot_names(phrase)))
    if slots:
        return {("n",): "count", ("duration",): "duration", ("date",): "published"}.get(tuple(slots), "_".join(slots))
    return "ui_line"  # no Latin words to name it by: the comment above it shows the phrase


def _unique(name: str, taken: set[str]) -> str:
    if not re.match(r"[a-z]", name):
        name = "line_" + name
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}_{n}", n + 1
    taken.add(candidate)
    return candidate


def choose_signatures(rules: list[LearnedRule], pages: Sequence[TrainingPage], openers: set[str]) -> None:
    """The longest fixed lines printed on nearly every page of their UI prove the platform."""
    per_locale = Counter(p.locale for p in pages)
    scored = []
    for rule in rules:
        best = 0
        for t in rule.templates:
            locs = Counter(pages[p].locale for p in t.pages)
            covered = all(n >= 0.8 * per_locale[loc] for loc, n in locs.items())
            fixed = len(literal_text(t.phrase).strip())
            if covered and fixed >= MIN_SIGNATURE_CHARS:
                best = max(best, fixed)
        if best:
            scored.append((best, rule))
    for _, rule in sorted(scored, key=lambda x: -x[0])[:MAX_SIGNATURES]:
        rule.signature = SIGNATURE
    for rule in rules:
        if rule.name in openers and rule.signature == 0:
            rule.signature = 0.2  # an opener must be a signature line so that it can cut a region short


def find_hosts(pages: Sequence[TrainingPage], templates: Sequence[Template]) -> list[str]:
    """The site's host: from canonical links and og:url, else from links the chrome prints on every page."""
    seen = Counter(_site_host(h) for p in pages if p.markup for h in p.markup.hosts)
    if not seen:
        seen = Counter(
            _site_host(urlsplit(url).hostname or "")
            for t in templates
            for url in set(_URL.findall(literal_text(t.phrase, " ")))
            for _ in t.pages
        )
    seen.pop("", None)
    return [host for host, _ in seen.most_common(1)]


def _site_host(host: str) -> str:
    host = host.lower().strip(".")
    if host.startswith("www."):
        return host[4:]
    if _locale_subdomain(host):
        return host.split(".", 1)[1]
    return host


def find_brand(pages: Sequence[TrainingPage], hosts: Sequence[str], templates: Sequence[Template]) -> str | None:
    """og:site_name, else the words of a chrome line that spell the host's name ("Player FM", player.fm)."""
    names = Counter(p.markup.site_name for p in pages if p.markup and p.markup.site_name)
    if names:
        return names.most_common(1)[0][0]
    targets = set()
    for host in hosts:
        labels = host.split(".")[:-1] or host.split(".")
        targets.update({labels[-1], "".join(labels), "".join(host.split("."))})
    best = None
    for t in templates:
        words = literal_text(_URL.sub(" ", t.phrase), " ").split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                candidate = " ".join(words[i : i + size]).strip(" .,:;!?-–—·|©")
                letters = "".join(ch for ch in candidate.casefold() if ch.isalnum())
                if letters in targets and (best is None or len(candidate) > len(best)):
                    best = candidate
    return best
