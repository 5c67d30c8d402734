"""Detect: which platform a page comes from, how sure we are, and its UI locale.

Evidence is data from the platform files: host names anywhere in the page (the strongest signal),
brand strings, and signature lines such as Player FM's "Manage episode N series M". Each carries a
weight; the confidence is their sum, capped at 1. Below the threshold the page is "unknown".

The signature lines of every platform are found in one scan of the page (Signatures), so adding a
platform adds its phrases to one matcher, not another pass over every line of every page.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from urllib.parse import urlsplit

from deboiler.catalog.formats import babel_locale
from deboiler.catalog.platforms import Catalog, LineMatcher, Platform, SharedLiterals, signature_matcher
from deboiler.stages.blocks import Blocks
from deboiler.stages.generic import lexicon_matcher

THRESHOLD = 0.5
HOST_WEIGHT = 0.5
CANONICAL_WEIGHT = 1.0
BRAND_WEIGHT = 0.2


@dataclass(frozen=True)
class Detection:
    platform: Platform | None
    confidence: float
    evidence: list[str] = field(default_factory=list)
    host_locale: str | None = None  # UI locale named by the host (ko.player.fm -> "ko")


# A signature line found on the page: (line number, rule name, weight).
SignatureLine = tuple[int, str, float]


class Signatures:
    """Every platform's signature phrases in one matcher, so that the page is scanned once however many
    platforms the catalog holds (a scan per platform made detection grow with the catalog).

    Each rule is renamed "<platform index>/<name>" inside the combined matcher: the matcher tries one
    phrase per rule name on a line, and two platforms may well both have a rule called "license"."""

    def __init__(self, platforms: Sequence[Platform]) -> None:
        self.platforms = tuple(platforms)
        self._owner: dict[int, tuple[int, str]] = {}  # id(renamed rule) -> (platform index, rule name)
        renamed: list = []  # keeps the renamed rules alive, so their ids stay theirs
        entries = []
        for k, platform in enumerate(self.platforms):
            # The entries of signature_matcher(platform), in its order: same phrases, same locales.
            for rule in platform.rules.values():
                if rule.signature <= 0:
                    continue
                own = dataclasses.replace(rule, name=f"{k}/{rule.name}")
                renamed.append(own)
                self._owner[id(own)] = (k, rule.name)
                for loc, sources in rule.phrases.items():
                    for src in sources:
                        entries.append((own, src, loc, loc or platform.default_locale))
        self._renamed = renamed
        self.matcher = LineMatcher.build(entries)
        # One pass over the folded page finds the signature phrases' literals and every platform's
        # hosts and brands (a brand is then checked as written: brands are case-sensitive): the few
        # platforms a page names are then scored for hosts and brands, the others for their
        # signature lines only. On a text dump the same pass finds the UI lexicon's literals too,
        # which the unknown-site labellers read from the page's blocks later (a pass of their own
        # cost a real dump 9% more instructions). Saved HTML leaves them to the lexicon's own pass,
        # run for unknown sites only: a known platform's long pages hold many matches of its short
        # literals ("-", "(") that no one would read (known-platform HTML 4.0x trafilatura, 5.5x apart).
        self._lexicon = lexicon_matcher()
        hosts = [(h.casefold(), h.casefold()) for p in self.platforms for h in p.hosts]
        brands = [(b.casefold(), b) for p in self.platforms for b in p.brands]
        self._literals = SharedLiterals([self.matcher.literal_entries, hosts, brands])
        self._literals_and_lexicon = SharedLiterals([self.matcher.literal_entries, hosts, brands, self._lexicon.literal_entries])
        self.named_by = [frozenset(h.casefold() for h in p.hosts) | frozenset(p.brands) for p in self.platforms]

    def read(self, blocks: Blocks, text: str, folded: str) -> tuple[list[list[SignatureLine]], frozenset[str], frozenset[str]]:
        """Per platform (catalog order) its signature lines in page order; the platforms' hosts
        (folded) and brands the page holds somewhere. `folded` is the blocks' folded text (the page's,
        where it has no blocks)."""
        text_dump = bool(blocks) and not blocks.markup
        if text_dump:
            signature_hits, hosts, brands, lexicon_hits = self._literals_and_lexicon.find(folded)
        else:
            signature_hits, hosts, brands = self._literals.find(folded)
        found: list[list[SignatureLine]] = [[] for _ in self.platforms]
        if blocks:
            blocks.literal_hits = {id(self.matcher): signature_hits}
            if text_dump:
                blocks.literal_hits[id(self._lexicon)] = lexicon_hits
            owner = self._owner
            hits = self.matcher.scan(blocks)
            for i in compress(range(len(hits)), hits):  # only the few lines with a hit, picked in C
                for hit in hits[i]:
                    k, name = owner[id(hit.rule)]
                    found[k].append((blocks[i].lineno, name, hit.rule.signature))
        return found, frozenset(h for _, h in hosts), frozenset(b for _, b in brands if b in text)


_SIGNATURES: dict[tuple[int, ...], Signatures] = {}


def signatures_of(catalog: Catalog) -> Signatures:
    """The combined matcher of a catalog, built once (the catalog's platforms are not changed in place)."""
    key = tuple(map(id, catalog.platforms.values()))
    found = _SIGNATURES.get(key)
    if found is None:
        if len(_SIGNATURES) >= 8:  # a few catalogs at a time (tests, --platforms-dir); never grow without bound
            _SIGNATURES.clear()
        # The Signatures holds the platforms, so no id in the key can be reused while it is cached.
        found = _SIGNATURES[key] = Signatures(catalog.platforms.values())
    return found


def detect(
    text: str,
    blocks: Blocks,
    catalog: Catalog,
    forced: str | None = None,
    markup_hosts: Sequence[str] = (),
    markup_url: str | None = None,
) -> Detection:
    """Score every platform and keep the best one over the threshold (or the one the caller forced).

    `markup_hosts` are the hosts of the page's canonical link and og:url: the page says where it is
    from, which beats any mention in its text. `markup_url` (the canonical URL) may name the UI locale
    in its path (podcasts.apple.com/jp/...), where the platform's [path_locales] says so.
    """
    found = _detect(text, blocks, catalog, forced, markup_hosts)
    path_locale = _path_locale(found.platform, markup_url) if found.platform and markup_url else None
    return dataclasses.replace(found, host_locale=path_locale) if path_locale else found


def _path_locale(platform: Platform, url: str) -> str | None:
    if not platform.path_locales:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if platform.own_host(host) is None:
        return None  # a URL on another site says nothing of this platform's UI
    first = parts.path.strip("/").split("/", 1)[0].lower()
    return platform.path_locales.get(first)


def _detect(text: str, blocks: Blocks, catalog: Catalog, forced: str | None, markup_hosts: Sequence[str]) -> Detection:
    folded = blocks.folded_text if blocks else text.casefold()  # already folded line by line
    if forced:
        platform = catalog.get(forced)
        score, evidence, host_locale = _score(platform, text, folded, blocks, markup_hosts)
        return Detection(platform, 1.0, ["forced by caller", *evidence], host_locale)
    signatures = signatures_of(catalog)
    named = _named_by_canonical_host(text, folded, signatures.platforms, markup_hosts)
    if named is not None:
        return named
    found, hosts, brands = signatures.read(blocks, text, folded)
    best: Detection | None = None
    mentioned = hosts | brands
    for platform, lines, named_by in zip(signatures.platforms, found, signatures.named_by):
        if not lines and mentioned.isdisjoint(named_by):
            continue  # nothing on the page speaks for this platform: its score is 0
        # No platform owns the canonical hosts (else it was named above): they add nothing to any score.
        score, evidence, host_locale = _score_lines(platform, text, folded, lines, mentions=(hosts, brands))
        if score >= THRESHOLD and (best is None or score > best.confidence):
            best = Detection(platform, round(score, 3), evidence, host_locale)
            if score >= 1.0:
                break  # nothing can beat full confidence, and ties go to the first platform anyway
    return best or Detection(None, 0.0, [], None)


def _named_by_canonical_host(text: str, folded: str, platforms: Sequence[Platform], markup_hosts: Sequence[str]) -> Detection | None:
    """The platform that the page's canonical link (else its og:url) names, at full confidence; None
    when no platform owns those hosts.

    The page says where it was served from, and no mention of another site in its text outweighs
    that (a Podchaser page whose notes link to player.fm and quote its license line is Podchaser's),
    so no signature scan runs: its lines could only add evidence to a score that is already full.
    The evidence is the canonical host, its mention in the text and the brand."""
    for host in markup_hosts:  # the canonical link's host first
        for platform in platforms:
            if platform.own_host(host):
                score, evidence, host_locale = _score_lines(platform, text, folded, [], markup_hosts)
                return Detection(platform, round(score, 3), evidence, host_locale)
    return None


def _signature_lines(platform: Platform, blocks: Blocks) -> list[SignatureLine]:
    """One platform's signature lines, from its own matcher (the forced path scores one platform)."""
    return [
        (block.lineno, hit.rule.name, hit.rule.signature)
        for block, hits in zip(blocks, signature_matcher(platform).scan(blocks))
        for hit in hits
    ]


def _score(
    platform: Platform, text: str, folded: str, blocks: Blocks, markup_hosts: Sequence[str] = ()
) -> tuple[float, list[str], str | None]:
    """One platform's score, evidence and host locale on a page, on its own."""
    return _score_lines(platform, text, folded, _signature_lines(platform, blocks), markup_hosts)


def _score_lines(
    platform: Platform,
    text: str,
    folded: str,
    signature_lines: list[SignatureLine],
    markup_hosts: Sequence[str] = (),
    mentions: tuple[frozenset[str], frozenset[str]] | None = None,
) -> tuple[float, list[str], str | None]:
    """`mentions`: the hosts and brands of every platform the page holds (Signatures.mentions), where
    known; a platform none of whose hosts or brands is among them is not searched for them."""
    score, evidence, host_locale = 0.0, [], None
    for seen in markup_hosts:
        own = platform.own_host(seen)
        if own:
            score += CANONICAL_WEIGHT
            evidence.append(f"canonical host {seen}")
            sub = seen[: -len(own)].rstrip(".").split(".")[-1] if seen != own else ""
            host_locale = _locale_of(platform, sub, own)
            break
    named = mentions is None or any(h.casefold() in mentions[0] for h in platform.hosts)
    host = platform.find_host(folded) if named else None
    if host:
        score += HOST_WEIGHT
        evidence.append(f"host {host.group(0)}")
        host_locale = host_locale or _locale_of(platform, (host.group(1) or "").lower(), host.group(2).lower())
    for brand in platform.brands:
        if brand in mentions[1] if mentions is not None else brand in text:
            score += BRAND_WEIGHT
            evidence.append(f"brand {brand!r}")
            break
    seen_rules: set[str] = set()
    for lineno, name, weight in signature_lines:
        if name not in seen_rules:
            seen_rules.add(name)
            score += weight
            evidence.append(f"line {lineno}: {name}")
    return min(score, 1.0), evidence, host_locale


def _locale_of(platform: Platform, subdomain: str, host: str = "") -> str:
    """The UI locale a host names: ko.player.fm -> ko, a country site such as podtail.se -> sv (both
    through [host_locales] where the name is not the tag); no subdomain -> the default UI.

    A subdomain that is no language (a Podbean show's allotmenthour.podbean.com) names nothing."""
    if host in platform.host_locales:
        return platform.host_locales[host]
    if not subdomain or subdomain == "www":
        return platform.default_locale
    if subdomain in platform.host_locales:
        return platform.host_locales[subdomain]
    if subdomain in platform.locales or babel_locale(subdomain) is not None:
        return subdomain
    return platform.default_locale


def choose_locale(platform: Platform, blocks: Blocks, host_locale: str | None) -> tuple[str | None, str]:
    """The page's UI locale by vote of the locale phrases it shows; the host breaks ties and fills gaps.

    Returns the locale (possibly one we have no phrases for, from the host) and why it was chosen.
    """
    table = platform.exact_phrase_locales
    votes: Counter[str] = Counter()
    for locales in map(table.get, blocks.folded_list):  # a blank line's "" is no phrase
        if locales:
            for loc in locales:
                votes[loc] += 1 / len(locales)  # a phrase shared by many UIs ("Artwork") says little
    if host_locale:
        # The host names the UI the page was served in (ko.player.fm): stronger than shared phrases.
        votes[host_locale] += 3
    if votes:
        top = max(votes.values())
        winners = sorted(loc for loc, v in votes.items() if v == top)
        locale = host_locale if host_locale in winners else winners[0]
        return locale, f"{votes[locale]:.1f} votes (phrases, host)"
    if not platform.locales or set(platform.locales) == {platform.default_locale}:
        # A platform written as one file (phrases in platform.toml only), or with one locale file,
        # serves one UI: its default, even on a page that shows none of that UI's slot-free phrases.
        return platform.default_locale, "the platform has one UI locale"
    return None, "no locale phrases matched"
