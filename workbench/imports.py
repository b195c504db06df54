"""First imports of the big libraries, one thread at a time.

transformers' lazy modules are not safe to import from two threads at once: a thread can find a
half-initialised module and fail with e.g. "module 'transformers' has no attribute
'PreTrainedTokenizerBase'". That happened here when the Training page's background import met a
run starting on its own thread (1 run in 3). Every thread that may be first to use the stack calls
one of these; after the first time they cost an uncontended lock.
"""

from __future__ import annotations

import threading

_LOCK = threading.RLock()


def import_model_stack() -> None:
    """torch, transformers and what loading a model touches."""
    with _LOCK:
        import torch  # noqa: F401
        from transformers import (AutoConfig, AutoModel, AutoTokenizer, GenerationConfig,  # noqa: F401
                                  PreTrainedModel, PreTrainedTokenizerBase)


def import_training_stack() -> None:
    """The model stack plus datasets and the Trainer.

    Third-party stacks only: this module sits below everything in workbench (the engine calls it),
    so it imports none of workbench's own modules. Their top-level imports are light (the training
    engine's take ~30 ms once numpy is in) and Python's per-module import locks already keep them
    safe across threads; the race was in transformers' lazy modules.
    """
    with _LOCK:
        import_model_stack()
        import datasets  # noqa: F401
        from transformers import Trainer, TrainerCallback, TrainingArguments  # noqa: F401
