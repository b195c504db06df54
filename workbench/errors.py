"""User-facing errors: one readable sentence, shown in the GUI and printed by the CLI (exit 2)."""


class WorkbenchError(Exception):
    """An error caused by the user's input or environment, with a message fit to show as is."""


class ModelLoadError(WorkbenchError):
    """The model could not be opened (missing path, bad config, corrupt weights, offline ...)."""


class InputError(WorkbenchError):
    """Bad input text or settings for an otherwise working model."""


class Cancelled(WorkbenchError):
    """The user cancelled the work (a Control's cancel) before it could finish."""
