"""`workbench --self-test` passes on this checkout (built-ins, generation, attention, ONNX)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_passes():
    p = subprocess.run([sys.executable, "-m", "workbench", "--self-test"], capture_output=True, text=True,
                       timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.count("ok ") == 6 and "self-test passed" in p.stdout


def test_self_test_names_what_failed(tmp_path):
    """With the built-ins hidden, it exits non-zero and names the failing step."""
    code = ("import sys, workbench.models.builtins as b; from pathlib import Path; "
            f"b.builtins_root = lambda: Path({str(tmp_path)!r}); "
            "from workbench.selftest import run_self_test; sys.exit(run_self_test())")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert "FAIL  load builtin:tiny-stories" in p.stdout and "self-test failed" in p.stdout
