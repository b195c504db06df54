"""The frozen app (PyInstaller one-folder build) passes its own self-test.

Runs only when a build is named: `make package` builds dist/workbench and then runs this file with
WORKBENCH_FROZEN_APP=dist/workbench/workbench (a build takes minutes and ~2 GB, too much for
every `make test`).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

APP = os.environ.get("WORKBENCH_FROZEN_APP", "")
pytestmark = pytest.mark.skipif(not APP, reason="no frozen app named (set WORKBENCH_FROZEN_APP; make package does)")


def _run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([APP, *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_frozen_app_self_test_passes():
    p = _run("--self-test")
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.count("ok ") == 6 and "self-test passed" in p.stdout


def test_frozen_app_bundles_the_builtins_and_answers_bad_input():
    internal = Path(APP).parent / "_internal"
    assert (internal / "resources" / "builtins" / "tiny-stories" / "model.safetensors").is_file()
    p = _run("generate", "/no/such/model", "--prompt", "hi", timeout=120)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1, p.stderr
