"""Ready-made run configs on the built-in data, offered by the GUI's example menu and `workbench
train --example`, and used by the benchmark. tiny-stories-scratch is the built-in tiny-stories
model's recipe: workbench.builtins.stories builds the shipped model by running it."""

from __future__ import annotations

from workbench.errors import InputError
from workbench.models.builtins import LM_BATCH, LM_BLOCK, LM_LR, LM_SHAPE, LM_STEPS, LM_STORIES, LM_VOCAB
from workbench.texts import N_
from workbench.training.config import DataConfig, ScratchConfig, TrainConfig


def _stories_scratch() -> TrainConfig:
    """The built-in tiny-stories model's recipe (constants in workbench.models.builtins): a GPT-2 of
    LM_SHAPE with context LM_BLOCK, a byte-level BPE of LM_VOCAB on the stories, LM_STEPS steps of
    LM_BATCH blocks, each starting at a story, AdamW at LM_LR, warmup 5%, flat, then decay over
    the last 20%. The build overrides only what a build needs (builtins.train.for_build)."""
    return TrainConfig(task="causal-lm", name="tiny-stories-scratch",
                       scratch=ScratchConfig(architecture="gpt2", layers=LM_SHAPE["n_layer"], heads=LM_SHAPE["n_head"],
                                             width=LM_SHAPE["n_embd"], mlp_width=LM_SHAPE.get("n_inner") or 0,
                                             context_length=LM_BLOCK, vocab_size=LM_VOCAB, dropout=0.0),
                       data=DataConfig(path="builtin:stories", max_examples=LM_STORIES, max_length=LM_BLOCK,
                                       eval_fraction=0.02, packing="documents"),
                       max_steps=LM_STEPS, batch_size=LM_BATCH, learning_rate=LM_LR,
                       warmup_steps=max(1, LM_STEPS // 20), weight_decay=0.01, scheduler="warmup_stable_decay",
                       decay_fraction=0.2, logging_steps=5, eval_steps=max(1, LM_STEPS // 4),
                       save_steps=max(1, LM_STEPS // 4),
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


def _stories_summarizer() -> TrainConfig:
    """Summarization from scratch: a small BART (2 + 2 layers) and a byte-level BPE trained on the
    generated stories and their one-sentence summaries; the loss is on the summary only."""
    return TrainConfig(task="seq2seq", name="stories-summarizer",
                       scratch=ScratchConfig(architecture="bart", layers=2, heads=4, width=128, mlp_width=256,
                                             context_length=256, vocab_size=LM_VOCAB, dropout=0.0),
                       data=DataConfig(path="builtin:summaries", max_examples=4000, max_length=256,
                                       eval_fraction=0.05),
                       max_steps=600, batch_size=16, learning_rate=2e-3, warmup_steps=30,
                       scheduler="warmup_stable_decay", decay_fraction=0.2, logging_steps=10,
                       eval_steps=150, save_steps=300)


EXAMPLES = {
    "tiny-stories-scratch": (N_("Train the tiny-stories model from scratch"), _stories_scratch),
    "reviews-classifier": (N_("Sentiment classifier: a new head on tiny-stories"), _reviews_classifier),
    "reviews-chat": (N_("Chat fine-tuning: tiny-stories answers review questions"), _reviews_chat),
    "stories-summarizer": (N_("Summarizer from scratch: a small BART"), _stories_summarizer),
}


def example(name: str) -> TrainConfig:
    if name not in EXAMPLES:
        raise InputError("No example named '{name}'; examples: {examples}", name=name, examples=", ".join(EXAMPLES))
    return EXAMPLES[name][1]()
