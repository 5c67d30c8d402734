"""The learned folder: one reviewable platform file per site learned (`<site>.toml`, as `deboiler
learn` writes them, so `deboiler clean --platforms-dir DIR` reads them as they are) and `sites.json`,
the index of every site pass 1 met with enough pages: its page counts and what was decided.

Everything is written before pass 2 begins, the index last and by a rename, so an index on disk
means the whole folder is there: `--resume` reads it back instead of learning again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from deboiler.batch.sites.induce import SiteResult
from deboiler.errors import OutputError, UsageError

INDEX = "sites.json"
FORMAT = 1


def file_name(platform_id: str) -> str:
    return f"{platform_id}.toml"


def write(folder: Path, results: list[SiteResult], min_pages: int, records: int) -> None:
    """Write the used templates and the index; the files an earlier index listed go first (only those:
    the folder may hold the user's own platform files)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        old = read(folder)
        for site in (old or {}).get("sites", []):
            if site.get("file") and "/" not in site["file"] and "\\" not in site["file"]:
                (folder / site["file"]).unlink(missing_ok=True)
        index = {
            "format": FORMAT,
            "learn_min_pages": min_pages,
            "records": records,
            "sites": [],
        }
        for r in results:
            name = file_name(r.platform_id) if r.used else None
            if name:
                _atomic(folder / name, r.text or "")
            index["sites"].append(
                {
                    "site": r.key,
                    "platform": r.platform_id,
                    "file": name,
                    "records": r.records,
                    "sampled": r.sampled,
                    "used": r.used,
                    "rules": r.rules,
                    "labelled_on_sample": r.labelled,
                    "verdict": r.verdict,
                }
            )
        _atomic(folder / INDEX, json.dumps(index, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise OutputError(f"cannot write the learned templates to {folder}: {exc.strerror or exc}") from None


def read(folder: Path) -> dict | None:
    """The index of a complete learned folder, or None when there is none."""
    path = folder / INDEX
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path} is not a learned-sites index ({exc}): delete the folder to learn again") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("sites"), list):
        raise UsageError(f"{path} is not a learned-sites index of this version: delete the folder to learn again")
    return data


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
