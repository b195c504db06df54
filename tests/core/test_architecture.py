"""The core never imports Qt: checked on the source (AST) and by importing it with Qt blocked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "workbench"
QT_MODULES = ("PySide6", "pyqtgraph", "superqt", "shiboken6")
ALLOWED = ("gui/", "app.py")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_outside_gui():
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(ALLOWED):
            continue
        bad = _imports(path) & set(QT_MODULES)
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert not offenders, "Qt imported outside workbench/gui and app.py: " + "; ".join(offenders)


def test_core_runs_with_qt_absent(tiny_gpt2):
    """Import every core module and generate with PySide6 & co. made unimportable."""
    code = f"""
import sys, importlib, pkgutil
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {QT_MODULES!r}:
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import workbench
for m in pkgutil.walk_packages(workbench.__path__, 'workbench.'):
    if m.name.startswith(('workbench.gui', 'workbench.app', 'workbench.__main__')):
        continue
    importlib.import_module(m.name)
from workbench.cli import main
sys.exit(main(['generate', {str(tiny_gpt2)!r}, '--prompt', 'the cat', '--max-new-tokens', '3', '--greedy']))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("the cat")
