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
    """The model stack plus datasets, the Trainer and the training engine."""
    with _LOCK:
        import_model_stack()
        import datasets  # noqa: F401
        from transformers import Trainer, TrainerCallback, TrainingArguments  # noqa: F401

        import workbench.training.engine  # noqa: F401
