"""Task detection from a config, and the Auto class that loads each task."""

from __future__ import annotations

import functools
from typing import Any

from workbench.models.spec import TASKS
from workbench.texts import N_

# Decoder-only model types seen without an `architectures` field (configs built in code).
_DECODER_TYPES = {"gpt2", "gpt_neo", "gpt_neox", "gptj", "llama", "mistral", "mixtral", "qwen2",
                  "qwen3", "phi", "phi3", "gemma", "gemma2", "gemma3_text", "opt", "bloom", "falcon",
                  "olmo", "olmo2", "starcoder2", "smollm3", "codegen"}


@functools.cache
def _class_tasks() -> dict[str, str]:
    """Model class name -> task, from transformers' own Auto mappings (MarianMTModel -> seq2seq-lm)."""
    from transformers.models.auto import modeling_auto as m

    mappings = (("sequence-classification", m.MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES),
                ("seq2seq-lm", m.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES),
                ("causal-lm", m.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES),
                ("masked-lm", m.MODEL_FOR_MASKED_LM_MAPPING_NAMES),
                ("feature-extraction", m.MODEL_MAPPING_NAMES))
    tasks: dict[str, str] = {}
    for task, mapping in mappings:
        for names in mapping.values():
            for name in (names,) if isinstance(names, str) else names:
                tasks.setdefault(name, task)
    return tasks


def detect_task(config: Any) -> str:
    """Guess the task from config.architectures (e.g. GPT2LMHeadModel -> causal-lm)."""
    known = _class_tasks()
    encdec = bool(getattr(config, "is_encoder_decoder", False))
    for arch in getattr(config, "architectures", None) or []:
        if arch in known and not (encdec and known[arch] == "causal-lm"):
            return known[arch]
        # Classes transformers does not map (remote code, renamed): go by the name's ending.
        if arch.endswith("ForSequenceClassification"):
            return "sequence-classification"
        if arch.endswith(("ForMaskedLM", "ForPreTraining")):
            return "masked-lm"
        if arch.endswith(("ForCausalLM", "LMHeadModel")) and not encdec:
            return "causal-lm"
        if arch.endswith(("ForConditionalGeneration", "LMHeadModel", "MTModel")) and encdec:
            return "seq2seq-lm"
        if arch.endswith("Model"):
            return "feature-extraction"
    if encdec:
        return "seq2seq-lm"
    if getattr(config, "model_type", "") in _DECODER_TYPES:
        return "causal-lm"
    return "feature-extraction"


def auto_class(task: str) -> Any:
    """The transformers Auto class that builds a model for `task`."""
    import transformers as tf

    classes = {
        "causal-lm": tf.AutoModelForCausalLM,
        "seq2seq-lm": tf.AutoModelForSeq2SeqLM,
        "masked-lm": tf.AutoModelForMaskedLM,
        "sequence-classification": tf.AutoModelForSequenceClassification,
        "feature-extraction": tf.AutoModel,
    }
    if task not in classes:
        raise ValueError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    return classes[task]


TASK_TITLES = {
    "causal-lm": N_("Text generation (causal LM)"),
    "seq2seq-lm": N_("Sequence to sequence (summarization, translation)"),
    "masked-lm": N_("Fill-mask (masked LM)"),
    "sequence-classification": N_("Text classification"),
    "feature-extraction": N_("Embeddings (feature extraction)"),
}
