"""Where the bundled files are: resources/, beside the package in a checkout, or in a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """resources/<parts>: next to the package in a checkout, bundled beside the code by PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) / "resources" if frozen else Path(__file__).resolve().parent.parent / "resources"
    return root.joinpath(*parts)
