"""Stage 3: which platform a page comes from, how sure we are, and its UI locale.

Evidence is data from the platform files: host names anywhere in the page (the strongest signal),
brand strings, and signature lines such as Player FM's "Manage episode N series M". Each carries a
weight; the confidence is their sum, capped at 1. Below the threshold the page is "unknown".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .blocks import Blocks
from .catalog import Catalog, Platform, signature_matcher

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


def detect(
    text: str, blocks: Blocks, catalog: Catalog, forced: str | None = None, markup_hosts: Sequence[str] = ()
) -> Detection:
    """Score every platform and keep the best one over the threshold (or the one the caller forced).

    `markup_hosts` are the hosts of the page's canonical link and og:url: the page says where it is
    from, which beats any mention in its text.
    """
    folded = blocks.folded_text if blocks else text.casefold()  # already folded line by line
    if forced:
        platform = catalog.get(forced)
        score, evidence, host_locale = _score(platform, text, folded, blocks, markup_hosts)
        return Detection(platform, 1.0, ["forced by caller", *evidence], host_locale)
    best: Detection | None = None
    for platform in catalog.platforms.values():
        score, evidence, host_locale = _score(platform, text, folded, blocks, markup_hosts)
        if score >= THRESHOLD and (best is None or score > best.confidence):
            best = Detection(platform, round(score, 3), evidence, host_locale)
            if score >= 1.0:
                break  # nothing can beat full confidence, and ties go to the first platform anyway
    return best or Detection(None, 0.0, [], None)


def _score(
    platform: Platform, text: str, folded: str, blocks: Blocks, markup_hosts: Sequence[str] = ()
) -> tuple[float, list[str], str | None]:
    score, evidence, host_locale = 0.0, [], None
    for seen in markup_hosts:
        own = next((h for h in platform.hosts if seen == h or seen.endswith("." + h)), None)
        if own:
            score += CANONICAL_WEIGHT
            evidence.append(f"canonical host {seen}")
            sub = seen[: -len(own)].rstrip(".").split(".")[-1] if seen != own else ""
            host_locale = _locale_of(platform, sub)
            break
    host = platform.find_host(folded)
    if host:
        score += HOST_WEIGHT
        evidence.append(f"host {host.group(0)}")
        host_locale = host_locale or _locale_of(platform, (host.group(1) or "").lower())
    for brand in platform.brands:
        if brand in text:
            score += BRAND_WEIGHT
            evidence.append(f"brand {brand!r}")
            break
    seen: set[str] = set()
    for block, hits in zip(blocks, signature_matcher(platform).scan(blocks)):
        for hit in hits:
            if hit.rule.name not in seen:
                seen.add(hit.rule.name)
                score += hit.rule.signature
                evidence.append(f"line {block.lineno}: {hit.rule.name}")
    return min(score, 1.0), evidence, host_locale


def _locale_of(platform: Platform, subdomain: str) -> str:
    """The UI locale a host's subdomain names: ko.player.fm -> ko; no subdomain -> the default UI."""
    if not subdomain or subdomain == "www":
        return platform.default_locale
    return platform.host_locales.get(subdomain, subdomain)


def choose_locale(platform: Platform, blocks: Blocks, host_locale: str | None) -> tuple[str | None, str]:
    """The page's UI locale by vote of the locale phrases it shows; the host breaks ties and fills gaps.

    Returns the locale (possibly one we have no phrases for, from the host) and why it was chosen.
    """
    table = platform.exact_phrase_locales
    votes: Counter[str] = Counter()
    for block in blocks:
        locales = table.get(block.folded) if block.text else None
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
    if not platform.locales:
        # A platform written as one file (phrases in platform.toml only) serves one UI: its default.
        return platform.default_locale, "the platform has one UI locale"
    return None, "no locale phrases matched"
