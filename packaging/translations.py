"""The GUI's translation catalogue: update the .ts sources from the code, and compile them.

    python packaging/translations.py update [PART ...]  # pyside6-lupdate: new strings come unfinished
    python packaging/translations.py check [PART ...]   # exit 1 when out of date or unfinished
    python packaging/translations.py release            # pyside6-lrelease: resources/i18n/workbench_<code>.qm

One .ts per part of the GUI (resources/i18n/<code>/<part>.ts), so that the parts can be translated
at the same time without touching one file:
  - workbench/gui/<package>/  -> <package>.ts   (its translate("Context", "...") calls)
  - workbench/gui/*.py        -> window.ts
  - the rest of workbench/    -> errors.ts      (the templates of `raise XError("...", field=...)`,
    which lupdate collects as QT_TR_NOOP aliases, in the empty context; see workbench/errors.py)
Locations are left out of the .ts (-locations none), so that moving code does not change them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
I18N = ROOT / "resources" / "i18n"
CODES = ("zh_CN",)
# Calls whose first argument is a template the GUI translates: the error classes (workbench/errors.py
# and subclasses) and N_ (workbench/texts.py, the core's other strings the GUI shows).
ERROR_CLASSES = ("N_", "WorkbenchError", "ModelLoadError", "InputError", "Cancelled", "TrainingError",
                 "UnsupportedModelError", "ParityError", "CheckFailed")


def parts() -> dict[str, list[Path]]:
    """{part: its Python files}."""
    gui = PACKAGE / "gui"
    out: dict[str, list[Path]] = {"window": sorted(gui.glob("*.py"))}
    for sub in sorted(p for p in gui.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        out[sub.name] = sorted(sub.rglob("*.py"))
    out["errors"] = sorted(p for p in PACKAGE.rglob("*.py") if gui not in p.parents)
    return out


def tool(name: str) -> str:
    here = Path(sys.executable).parent / f"pyside6-{name}"
    return str(here) if here.exists() else f"pyside6-{name}"


def lupdate(part: str, files: list[Path], ts: Path) -> str:
    """Run lupdate for one part into ts; returns its report ("Found N source text(s) ...")."""
    args = [tool("lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
            "-target-language", ts.parent.name]
    if part == "errors":
        args += ["-tr-function-alias", ",".join(f"QT_TR_NOOP+={c}" for c in ERROR_CLASSES)]
    done = subprocess.run([*args, *map(str, files), "-ts", str(ts)], check=True, capture_output=True,
                          text=True, timeout=300)
    return done.stdout + done.stderr


def update(code: str, out_dir: Path | None = None, only: list[str] | None = None) -> dict[str, str]:
    """Update (or create) the .ts of each part (or of `only` those) of `code` under out_dir
    (default: the catalogue)."""
    out_dir = out_dir or I18N / code
    out_dir.mkdir(parents=True, exist_ok=True)
    return {part: lupdate(part, files, out_dir / f"{part}.ts") for part, files in parts().items()
            if files and (not only or part in only)}


def unfinished(ts: Path) -> list[str]:
    """The sources of the entries in ts that have no finished translation."""
    text = ts.read_text(encoding="utf-8")
    messages = re.findall(r"<message>(.*?)</message>", text, flags=re.S)
    return [re.search(r"<source>(.*?)</source>", m, flags=re.S).group(1)
            for m in messages if 'type="unfinished"' in m or "<translation></translation>" in m]


def check(code: str, only: list[str] | None = None) -> list[str]:
    """What is wrong with the catalogue of `code` (or of `only` those parts): parts out of date with
    the code, and untranslated strings. Empty when all is well."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in (I18N / code).glob("*.ts"):
            (Path(tmp) / ts.name).write_bytes(ts.read_bytes())
        update(code, Path(tmp), only)
        for fresh in sorted(Path(tmp).glob("*.ts")):
            if only and fresh.stem not in only:
                continue
            committed = I18N / code / fresh.name
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{code}/{fresh.name} is out of date with the code: run "
                                f"`python packaging/translations.py update` and translate what is new")
            problems += [f"{code}/{fresh.name}: untranslated: {s}" for s in unfinished(fresh)]
    return problems


def release(code: str) -> Path:
    """Compile the catalogue of `code` the way the app does when it finds none built."""
    from workbench.gui.i18n import release as compile_catalogue, sources

    out = I18N / f"workbench_{code}.qm"
    compile_catalogue(sources(code), out)
    return out


def main(argv: list[str]) -> int:
    command, only = (argv[0], argv[1:]) if argv else ("release", [])
    unknown = set(only) - set(parts())
    if unknown:
        print(f"unknown part(s) {', '.join(sorted(unknown))}: {', '.join(parts())}", file=sys.stderr)
        return 2
    for code in CODES:
        if command == "update":
            for part, report in update(code, only=only).items():
                print(f"{code}/{part}.ts: {' '.join(report.split())}")
        elif command == "check":
            problems = check(code, only)
            print("\n".join(problems) or f"{code}: every string is translated")
            if problems:
                return 1
        elif command == "release":
            print(release(code))
        else:
            print(f"unknown command {command!r}: update, check or release", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
