"""The package structure, as a contract checked on the source.

Every workbench/**/*.py is parsed (ast) and every import in it is followed: module level and inside
functions, absolute and relative, under TYPE_CHECKING too. Each is resolved to the workbench module
it loads (`from a.b import c` is a.b, and a.b.c when c is a module). On that graph:

- Qt (PySide6, pyqtgraph, superqt, shiboken6) and workbench.gui are imported only by workbench/gui
  and workbench/app.py;
- the core is in layers, and a module imports only from its own layer or lower ones (LAYERS);
- there are no import cycles, between modules or between top-level packages;
- no function or method is longer than MAX_FUNCTION_LINES.

And the core imports and generates with Qt made unimportable (test_core_runs_with_qt_absent).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "workbench"
QT_MODULES = ("PySide6", "pyqtgraph", "superqt", "shiboken6")
QT_ALLOWED = ("workbench.gui", "workbench.app")  # these modules and the modules under them
MAX_FUNCTION_LINES = 60

# Lowest first. A unit is a top-level package or module of workbench ("__init__" is workbench's
# own __init__.py), except each feature package's `commands` module ("training.commands"): those
# are the command line's plug-ins (cli.FEATURE_COMMANDS loads them by name) and sit with the cli.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"__init__", "errors", "control", "config", "hf_compat", "imports", "corpus",
                                   "onnx_format", "token_text", "paths", "texts"})),
    ("models", frozenset({"models"})),
    ("features", frozenset({"generation", "attention", "training", "explain", "predict"})),
    ("engines", frozenset({"export", "inference", "backends", "builtins"})),
    ("comparisons", frozenset({"evaluate"})),  # opens models through backends, reads runs and exports
    ("front", frozenset({"cli", "cli_util", "archmatrix", "selftest", "app", "__main__", "gui"})),
)
FRONT = len(LAYERS) - 1


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    """{dotted module name: file} for every .py under workbench/ (a package is its __init__.py)."""
    mods = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return mods


def _imported_names(module: str, path: Path) -> list[str]:
    """Every dotted name an import statement anywhere in the file names, relative ones made absolute."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names += [base] + [f"{base}.{a.name}" for a in node.names]
    return names


@lru_cache(maxsize=1)
def _graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """({module: workbench modules it imports}, {module: top-level names of the other packages})."""
    mods = _modules()
    internal: dict[str, set[str]] = {m: set() for m in mods}
    external: dict[str, set[str]] = {m: set() for m in mods}
    for module, path in mods.items():
        for name in _imported_names(module, path):
            if name.split(".")[0] != "workbench":
                external[module].add(name.split(".")[0])
                continue
            while name not in mods:  # `from a.b import c` where c is not a module: a.b
                name = name.rpartition(".")[0]
            if name != module and not module.startswith(name + "."):  # a package's own __init__ runs anyway
                internal[module].add(name)
    return internal, external


def _unit(module: str) -> str:
    parts = module.split(".")[1:]
    if len(parts) == 2 and parts[1] == "commands":
        return ".".join(parts)
    return parts[0] if parts else "__init__"


def _layer(unit: str) -> int | None:
    if unit.endswith(".commands"):
        return FRONT
    return next((i for i, (_, units) in enumerate(LAYERS) if unit in units), None)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _describe_cycle(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    arrows = [f"{a} -> {b}" for a in component for b in sorted(graph[a] & members)]
    return f"{{{', '.join(component)}}}: " + "; ".join(arrows)


def _qt_allowed(module: str) -> bool:
    return any(module == a or module.startswith(a + ".") for a in QT_ALLOWED)


def test_no_qt_outside_gui():
    internal, external = _graph()
    offenders = []
    for module in sorted(internal):
        if _qt_allowed(module):
            continue
        bad = sorted(external[module] & set(QT_MODULES))
        bad += sorted(t for t in internal[module] if t == "workbench.gui" or t.startswith("workbench.gui."))
        if bad:
            offenders.append(f"  {module}: {', '.join(bad)}")
    assert not offenders, "Qt or workbench.gui imported outside workbench/gui and app.py:\n" + "\n".join(offenders)


def test_every_module_has_a_layer():
    unplaced = sorted({_unit(m) for m in _modules() if _layer(_unit(m)) is None})
    assert not unplaced, (f"not in any layer of LAYERS in {Path(__file__).name}: {', '.join(unplaced)} "
                          "(place each new top-level module or package there)")


def test_imports_go_only_to_the_same_or_lower_layers():
    internal, _ = _graph()
    names = [name for name, _ in LAYERS]
    violations = []
    for module in sorted(internal):
        mine = _layer(_unit(module))
        for target in sorted(internal[module]):
            theirs = _layer(_unit(target))
            if mine is not None and theirs is not None and theirs > mine:
                violations.append(f"  {module} ({names[mine]}) -> {target} ({names[theirs]})")
    layers = "\n".join(f"  {i}. {name}: {', '.join(sorted(units))}" for i, (name, units) in enumerate(LAYERS))
    assert not violations, (f"{len(violations)} import(s) of a higher layer:\n" + "\n".join(violations)
                            + f"\nlayers, lowest first:\n{layers}\n  (each feature's `commands` module: front)")


def test_no_import_cycles_between_modules():
    internal, _ = _graph()
    cycles = _cycles(internal)
    assert not cycles, (f"{len(cycles)} import cycle(s) between modules (function-level imports included):\n"
                        + "\n".join("  " + _describe_cycle(c, internal) for c in cycles))


def test_no_import_cycles_between_packages():
    internal, _ = _graph()
    units: dict[str, set[str]] = {}
    for module, targets in internal.items():
        edges = units.setdefault(_unit(module), set())
        edges.update(_unit(t) for t in targets if _unit(t) != _unit(module))
    cycles = _cycles(units)
    detail = []
    for component in cycles:
        members = set(component)
        detail.append("  " + _describe_cycle(component, units))
        detail += [f"      {m} -> {t}" + ("   (a higher layer)" if _layer(_unit(t)) > _layer(_unit(m)) else "")
                   for m in sorted(internal) for t in sorted(internal[m])
                   if _unit(m) in members and _unit(t) in members and _unit(t) != _unit(m)]
    assert not cycles, (f"{len(cycles)} import cycle(s) between top-level packages (the module imports that make "
                        "them below each):\n" + "\n".join(detail))


def test_no_function_is_longer_than_the_limit():
    long = []
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append((lines, f"{path.relative_to(ROOT.parent)}:{node.lineno} {node.name}"))
    assert not long, (f"functions longer than {MAX_FUNCTION_LINES} lines:\n"
                      + "\n".join(f"  {where}: {n} lines" for n, where in sorted(long, reverse=True)))


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
    if m.name.startswith(('workbench.gui', 'workbench.app', 'workbench.__main__', 'workbench.builtins.__main__')):
        continue
    importlib.import_module(m.name)
from workbench.cli import main
sys.exit(main(['generate', {str(tiny_gpt2)!r}, '--prompt', 'the cat', '--max-new-tokens', '3', '--greedy']))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("the cat")
