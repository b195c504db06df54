"""The model library: built-ins, the local Hugging Face hub cache, and recently opened models."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.models.builtins import BUILTINS
from workbench.models.spec import BUILTIN_PREFIX
from workbench.texts import N_

MAX_RECENT = 15


@dataclass(frozen=True)
class LibraryEntry:
    source: str  # what to pass to ModelSpec
    kind: str  # "builtin", "cache", "recent"
    detail: str  # description, size on disk, or last-opened note


def workbench_home() -> Path:
    """Where Workbench keeps its own files (recent list, runs). WORKBENCH_HOME overrides."""
    env = os.environ.get("WORKBENCH_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "workbench"


def builtin_entries() -> list[LibraryEntry]:
    return [LibraryEntry(BUILTIN_PREFIX + b.name, "builtin", b.description) for b in BUILTINS.values()]


def cached_entries() -> list[LibraryEntry]:
    """Models in the local hub cache (huggingface_hub.scan_cache_dir); [] when there is none."""
    from huggingface_hub import constants, scan_cache_dir

    try:
        info = scan_cache_dir(constants.HF_HUB_CACHE)  # read now: scan_cache_dir's default is bound at import
    except Exception:  # CacheNotFound or an unreadable cache: nothing to list
        return []
    entries = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id.lower()):
        if repo.repo_type == "model":
            entries.append(LibraryEntry(repo.repo_id, "cache", repo.size_on_disk_str))
    return entries


def _recent_file() -> Path:
    return workbench_home() / "recent_models.json"


def recent_sources() -> list[str]:
    try:
        data = json.loads(_recent_file().read_text(encoding="utf-8"))
        return [str(s) for s in data if isinstance(s, str)]
    except (OSError, ValueError):
        return []


def add_recent(source: str) -> None:
    """Put `source` first in the recent list (kept short, no duplicates)."""
    items = [source] + [s for s in recent_sources() if s != source]
    path = _recent_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items[:MAX_RECENT], indent=1), encoding="utf-8")


def recent_entries() -> list[LibraryEntry]:
    return [LibraryEntry(s, "recent", N_("opened recently")) for s in recent_sources()]
