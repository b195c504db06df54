"""Fine-tuning, before and after: one text through the model a run started from and the model it
ended with, side by side.

"Before" is rebuilt from the run's own config.json: the base model (fine-tuning, with the new
classification head initialised from the run's seed) or the fresh from-scratch model (same seed,
so the very weights step 0 had). "After" is the run's final model, or its newest checkpoint when
the run was stopped. Language models show their greedy continuation and their loss on the text;
classifiers their label probabilities.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from workbench.config import GenerationSettings
from workbench.errors import InputError
from workbench.models.spec import LoadedModel, ModelSpec
from workbench.texts import N_


@dataclass(frozen=True)
class Side:
    title: str  # "Before: gpt2 (base model)", "After: step 300"
    continuation: str | None = None  # language models: greedy continuation of the text
    loss: float | None = None  # language models: mean next-token cross-entropy on the text
    classes: tuple[tuple[str, float], ...] = ()  # classifiers: (label, probability), best first


@dataclass(frozen=True)
class BeforeAfter:
    task: str
    text: str
    before: Side
    after: Side
    note: str


def before_after(run_dir: Path | str, text: str, new_tokens: int = 24) -> BeforeAfter:
    """Both models of the run in `run_dir` on `text`. Raises InputError for a run with no model yet."""
    from workbench.training.config import TrainConfig
    from workbench.training.runs import RunFolder

    if not text.strip():
        raise InputError("The text is empty; type some text first")
    run = RunFolder(run_dir)
    if not run.config_path.is_file():
        raise InputError("{run_dir} is not a training run folder (it has no config.json)", run_dir=run_dir)
    cfg = TrainConfig.load(run.config_path)
    trained = run.openable_model()
    if trained is None:
        raise InputError("This run has not saved a model or a checkpoint yet")
    after = _load_after(trained)
    before = dataclasses.replace(after, model=_initial_model(cfg, after), spec=ModelSpec(source="(before training)"))
    base = N_("a new model (the run's own initial weights)") if cfg.scratch is not None else \
        N_("{model} (base model)", model=cfg.model)
    end = N_("final model, step {step}", step=run.status().get("step", "?")) if trained == run.model_dir else \
        N_("{checkpoint} (the run was stopped)", checkpoint=trained.name)
    titles = (N_("Before: {model}", model=base), N_("After: {model}", model=end))
    note = ""
    if after.task == "sequence-classification" and cfg.scratch is None:
        note = N_("Before training the classification head is new (random weights from the run's seed), so "
                  "its guesses are near chance; the run taught it the labels.")
    return BeforeAfter(after.task, text, _side(before, titles[0], text, new_tokens),
                       _side(after, titles[1], text, new_tokens), note)


def _load_after(folder: Path) -> LoadedModel:
    from workbench.models.loading import load_model

    return load_model(ModelSpec(source=str(folder), device="cpu"))


def _initial_model(cfg: object, after: LoadedModel) -> object:
    """The weights the run started from, in eval mode; LoRA is left off (its B starts at zero,
    so the adapted model begins equal to the base)."""
    import torch

    from workbench.training.modelling import build_model

    start = dataclasses.replace(cfg, lora=dataclasses.replace(cfg.lora, enabled=False))
    labels = [after.model.config.id2label[i] for i in range(len(after.model.config.id2label))] \
        if after.task == "sequence-classification" else []
    torch.manual_seed(cfg.seed)  # a new head initialises from the global generator
    return build_model(start, after.tokenizer, labels).eval()


def _side(loaded: LoadedModel, title: str, text: str, new_tokens: int) -> Side:
    if loaded.task == "sequence-classification":
        from workbench.predict import classify

        result = classify(loaded, text)
        return Side(title, classes=tuple(sorted(zip(result.labels, result.probs), key=lambda x: -x[1])))
    from workbench.explain.loss import explain_loss
    from workbench.generation.stream import generate_text

    loss = explain_loss(loaded, text).mean_loss if len(loaded.tokenizer(text)["input_ids"]) > 1 else None
    out = generate_text(loaded, text, GenerationSettings(max_new_tokens=new_tokens, greedy=True, alternatives=0))
    return Side(title, continuation=out.text, loss=loss)
