"""Workbench: a desktop workbench for transformer language models.

The core packages (models, corpus, generation, attention, training, export, inference) are
Qt-free; everything Qt lives in workbench.gui and workbench.app.
"""

__version__ = "0.1.0"
