"""Ready-made run configs on the built-in data, offered by the GUI's "Examples" menu and used by
the benchmark. tiny-stories-scratch repeats the recipe of the built-in tiny-stories model."""

from __future__ import annotations

from workbench.errors import InputError
from workbench.training.config import DataConfig, ScratchConfig, TrainConfig


def _stories_scratch() -> TrainConfig:
    # The built-in model's recipe (workbench.models.builtins): GPT-2 4 x 128, context 256, BPE 1536,
    # 400 steps of 16 blocks, AdamW at 2e-3 with cosine decay and 5% warmup, no dropout.
    return TrainConfig(task="causal-lm", name="tiny-stories-scratch",
                       scratch=ScratchConfig(architecture="gpt2", layers=4, heads=4, width=128,
                                             context_length=256, vocab_size=1536, dropout=0.0),
                       data=DataConfig(path="builtin:stories", max_examples=20000, max_length=256,
                                       eval_fraction=0.02),
                       max_steps=400, batch_size=16, learning_rate=2e-3, warmup_steps=20, weight_decay=0.01,
                       scheduler="cosine", logging_steps=5, eval_steps=100, save_steps=100,
                       probe_text="Once upon a time there was a little cat named Lily.")


def _reviews_classifier() -> TrainConfig:
    # A new classification head on the built-in story model (a decoder: it classifies from the
    # last token), fine-tuned on the generated reviews.
    return TrainConfig(task="sequence-classification", model="builtin:tiny-stories", name="reviews-classifier",
                       data=DataConfig(path="builtin:reviews", max_examples=4000, max_length=128, eval_fraction=0.2),
                       epochs=2, batch_size=32, learning_rate=1e-3, warmup_steps=10, logging_steps=5,
                       eval_steps=50, save_steps=100, probe_text="The food was not good.")


def _reviews_chat() -> TrainConfig:
    return TrainConfig(task="chat", model="builtin:tiny-stories", name="reviews-chat",
                       data=DataConfig(path="builtin:chat", max_examples=1000, max_length=160, eval_fraction=0.1),
                       epochs=1, batch_size=16, learning_rate=1e-3, warmup_steps=5, logging_steps=5,
                       eval_steps=20, save_steps=50)


EXAMPLES = {
    "tiny-stories-scratch": ("Train the tiny-stories model from scratch", _stories_scratch),
    "reviews-classifier": ("Sentiment classifier: a new head on tiny-stories", _reviews_classifier),
    "reviews-chat": ("Chat fine-tuning: tiny-stories answers review questions", _reviews_chat),
}


def example(name: str) -> TrainConfig:
    if name not in EXAMPLES:
        raise InputError(f"No example named '{name}'; examples: {', '.join(EXAMPLES)}")
    return EXAMPLES[name][1]()
