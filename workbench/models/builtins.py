"""Built-in models that ship in resources/builtins and need no download: what they are, where they
live and what their card says (the loader and the model library use this), and the recipe they are
trained with.

The builder is the package workbench.builtins (`workbench build-builtins`, or `python -m
workbench.builtins`): it trains them from the deterministic generated corpora in workbench.corpus
and writes Hugging Face folders plus a builtin_card.json with the figures of the build. The recipe
constants live here, below both the builder and workbench.training, because the training examples'
tiny-stories-scratch repeats the tiny-stories recipe.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import ModelLoadError
from workbench.texts import N_


@dataclass(frozen=True)
class BuiltinModel:
    name: str
    task: str
    description: str


BUILTINS: dict[str, BuiltinModel] = {
    "tiny-stories": BuiltinModel("tiny-stories", "causal-lm",
                                 N_("A small GPT-2-style model trained on generated short stories, "
                                    "in English and Chinese")),
    "tiny-sentiment": BuiltinModel("tiny-sentiment", "sequence-classification",
                                   N_("A small BERT-style classifier of positive/negative reviews, "
                                      "in English and Chinese")),
    "tiny-summarizer": BuiltinModel("tiny-summarizer", "seq2seq-lm",
                                    N_("A small BART that writes a one-sentence summary of a story")),
}


CARD_FILE = "builtin_card.json"


def builtins_root() -> Path:
    """resources/builtins, next to the package in a checkout or bundled in a frozen app."""
    from workbench.paths import resource_path

    return resource_path("builtins")


def builtin_path(name: str) -> Path:
    if name not in BUILTINS:
        raise ModelLoadError("No built-in model named {name!r}; built-ins: {builtins}",
                             name=name, builtins=", ".join(BUILTINS))
    path = builtins_root() / name
    if not (path / "config.json").exists():
        raise ModelLoadError("Built-in model {name!r} is missing from {folder}; "
                             "rebuild it with `workbench build-builtins`", name=name, folder=path.parent)
    return path


def read_card(name: str, root: Path | None = None) -> dict[str, Any]:
    """The builtin_card.json of a built-in (figures of its last build)."""
    folder = (root or builtins_root()) / name
    return json.loads((folder / CARD_FILE).read_text(encoding="utf-8"))


# --- the recipe ----------------------------------------------------------------------------------
# Sizes are chosen for the budget: ~0.7M + ~0.5M parameters (under 5 MB of fp32 safetensors),
# trained in minutes of an otherwise idle 2-core CPU (the card records CPU time).
# The builder (workbench.builtins) trains with these; a change here changes the shipped weights.

LM_BLOCK = 256  # = the LM's context; training on full-length blocks trains every position
LM_VOCAB = 1536  # asked of the story BPE; the closed story language stops at ~900 entries
LM_STEPS, LM_BATCH, LM_STORIES, LM_LR = 900, 16, 30000, 3e-3
# The built-in trains on the English stories and half as many Chinese ones (workbench.corpus.
# stories_zh; a Chinese story is ~1.5x the tokens), for LM_BUILD_STEPS: English then makes 57% of
# the tokens, so it sees as many as in LM_STEPS of English alone, and scores as well as it did.
LM_STORIES_ZH, LM_BUILD_STEPS = 15000, 1600
LM_SHAPE = {"n_layer": 4, "n_head": 4, "n_embd": 128, "n_inner": 256}  # MLP 2x, not 4x: ~25% faster steps
CLS_STEPS, CLS_BATCH, CLS_TRAIN, CLS_EVAL, CLS_LR, CLS_MAX_LEN = 1500, 32, 4000, 1000, 1e-3, 128
# The classifier trains on as many Chinese reviews (workbench.corpus.reviews_zh) as English ones; it
# needs 4x the English-only run's 375 steps to learn both (at 750 it is at 88% on English, at 1500 99%).
CLS_TRAIN_ZH, CLS_EVAL_ZH = 4000, 1000
LM_PROMPTS: tuple[str, ...] = ("Once upon a time", "One day, Lily", "Tom was a brave")
LM_PROMPTS_ZH: tuple[str, ...] = ("从前", "有一天，乐乐", "豆豆是一只勇敢的")
CLS_EXAMPLES: tuple[str, ...] = ("The food was good.", "The food was not good.",
                                 "I expected it to be bad, but it was great.",
                                 "The acting was wonderful, but the plot was boring.",
                                 "I would not recommend it.")
CLS_EXAMPLES_ZH: tuple[str, ...] = ("饭菜很好吃。", "饭菜不好吃。", "我本以为会很糟，但其实很棒。",
                                    "演技很棒，但情节很无聊。", "我不会推荐给朋友。")
