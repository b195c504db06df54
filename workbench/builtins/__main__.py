"""`python -m workbench.builtins`: the same command as `workbench build-builtins`."""

from workbench.builtins.cli import main

if __name__ == "__main__":  # importing this module (tools that walk the package do) must not start a build
    raise SystemExit(main())
