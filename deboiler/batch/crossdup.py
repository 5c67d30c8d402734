"""Cross-page duplicate detection for `deboiler batch --dedup exact|minhash`.

The same episode is often saved from several aggregators (a Player FM page and a PodBud page, a text
dump and its HTML twin). With --dedup, every output record gets a `"duplicate_of"` field: null for a
record that starts a cluster (or has no description), else the id of the first record of its cluster
(that first record's own `duplicate_of` is null).

Work is split in two, so that the result does not depend on how many workers there are:

- in the worker, `key(description, mode)` turns a description into a compact key: for "exact" a
  16-byte BLAKE2b hash of the normalised text (casefolded, whitespace collapsed); for "minhash" the
  MinHash signature (NUM_PERM values, fixed SEED and SCHEME) of the word 5-shingles of the normalised text;
- in the parent, `Index.assign(id, key)` is called in input order. Only cluster heads are stored
  (exact: hash -> head id; minhash: the head's signature in a datasketch MinHashLSH, keyed by the
  head's number, plus the head's id). A record that matches several heads joins the earliest one,
  so the output is deterministic. Texts are never kept.
"""

from __future__ import annotations

import hashlib
import re

from deboiler.errors import UsageError

MODES = ("exact", "minhash")
DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2.0's default, pinned: SHA-1 of each shingle, 32-bit affine permutations
SHINGLE = 5  # words

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


def key(description: str | None, mode: str):
    """The record's dedup key, or None for a record with no description (never a duplicate)."""
    if not description:
        return None
    text = normalise(description)
    if not text:
        return None
    if mode == "exact":
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    from datasketch import MinHash

    words = text.split(" ")
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles])
    return m.hashvalues  # numpy array: what the parent needs, and small to send back


class Index:
    """The clusters seen so far, in input order."""

    def __init__(self, mode: str, threshold: float = DEFAULT_THRESHOLD):
        if mode not in MODES:
            raise UsageError(f"--dedup must be one of {', '.join(MODES)}, not {mode!r}")
        if not 0.0 < threshold <= 1.0:
            raise UsageError(f"--dedup-threshold must be in (0, 1], not {threshold}")
        self.mode = mode
        self.threshold = threshold
        self.heads: dict = {}  # exact: hash -> head id
        self.head_ids: list[str] = []  # minhash: head number -> head id
        self.lsh = None
        if mode == "minhash":
            from datasketch import MinHashLSH

            self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)

    def assign(self, rid: str, k) -> str | None:
        """The id of the cluster head this record duplicates, or None (it is a head, or has no key)."""
        if k is None:
            return None
        if self.mode == "exact":
            head = self.heads.get(k)
            if head is None:
                self.heads[k] = rid
            return head
        from datasketch import LeanMinHash

        m = LeanMinHash(seed=SEED, hashvalues=k, scheme=SCHEME)
        found = self.lsh.query(m)
        if found:
            return self.head_ids[min(found)]
        self.lsh.insert(len(self.head_ids), m, check_duplication=False)
        self.head_ids.append(rid)
        return None
