"""Entry point of the frozen application (PyInstaller analyses this script)."""

import multiprocessing
import sys

from workbench.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
