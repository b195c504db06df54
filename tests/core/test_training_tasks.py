"""The tasks: classification with a new head, chat with loss on replies, from scratch, LoRA."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from workbench.training.config import DataConfig, LoraSettings, ScratchConfig, TrainConfig
from workbench.training.events import EvalLogged, RunStarted, StepLogged


def run(cfg: TrainConfig):
    from workbench.training.engine import run_training

    events = []
    return run_training(cfg, notify=events.append), events


@pytest.fixture(scope="module")
def review_encoder(tmp_path_factory) -> Path:
    """A tiny random BERT encoder (no head) whose WordPiece vocabulary is learnt from the reviews,
    as a small pretrained checkpoint would be: words are tokens, the weights know nothing yet."""
    import transformers as tf
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    from workbench.training.builtin_data import builtin_corpus_text

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tk = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.decoder = decoders.WordPiece()
    tk.train_from_iterator(builtin_corpus_text("builtin:reviews", 2000, seed=1),
                           trainers.WordPieceTrainer(vocab_size=600, special_tokens=specials, show_progress=False))
    cls, sep = tk.token_to_id("[CLS]"), tk.token_to_id("[SEP]")
    tk.post_processor = processors.TemplateProcessing(single="[CLS] $A [SEP]",
                                                      special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tok = PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                  sep_token="[SEP]", mask_token="[MASK]")
    tf.set_seed(0)  # the weights must not depend on which tests ran before (the RNG's state)
    model = tf.BertModel(tf.BertConfig(vocab_size=len(tok), num_hidden_layers=2, num_attention_heads=4,
                                       hidden_size=64, intermediate_size=256, max_position_embeddings=128))
    out = tmp_path_factory.mktemp("review-encoder")
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def test_classification_on_builtin_reviews_beats_chance(review_encoder, tmp_path):
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec
    from workbench.predict import classify

    cfg = TrainConfig(task="sequence-classification", model=str(review_encoder), output_root=str(tmp_path),
                      data=DataConfig(path="builtin:reviews", max_examples=1200, max_length=64, eval_fraction=0.2),
                      epochs=3, batch_size=16, learning_rate=1e-3, logging_steps=20, eval_steps=90, save_steps=0,
                      cpu_threads=1)
    result, events = run(cfg)
    evals = [e for e in events if isinstance(e, EvalLogged)]
    assert [e.step for e in evals] == [90, 180]
    start = events[0]
    assert isinstance(start, RunStarted) and start.train_examples == 960 and start.eval_examples == 240
    # Chance is 50% on 240 balanced examples (sd ~3%); a bag-of-words Naive Bayes gets ~68% here.
    assert evals[-1].metrics["accuracy"] > 0.68 and evals[-1].metrics["f1"] > 0.65
    assert result.metrics["accuracy"] == evals[-1].metrics["accuracy"]
    loaded = load_model(ModelSpec(result.model_dir))  # the label mapping is saved with the model
    assert loaded.task == "sequence-classification" and loaded.info.labels == ("negative", "positive")
    probs = classify(loaded, "The food was wonderful. I would buy it again.").probs
    assert math.isclose(sum(probs), 1.0, rel_tol=1e-5)

    # Learn page, fine-tuning before/after: the base encoder with its new head vs the trained one.
    from workbench.explain.before_after import before_after

    text = "The food was wonderful. I would buy it again."
    ba = before_after(result.run_dir, text)
    assert ba.task == "sequence-classification" and "base model" in ba.before.title and "new" in ba.note
    after = dict(ba.after.classes)
    assert after == pytest.approx(dict(zip(loaded.info.labels, probs)))
    assert after["positive"] > 0.8 and max(p for _, p in ba.before.classes) < 0.8  # untrained head: unsure
    assert ba == before_after(result.run_dir, text)  # "before" is rebuilt from the seed: deterministic


def test_chat_fine_tune_learns_the_replies(tiny_gpt2, tmp_path):
    from workbench.generation.chat import chat_prompt
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    data = tmp_path / "chat.jsonl"
    rows = [{"prompt": f"colour of the {thing}?", "response": colour}
            for thing, colour in [("sky", "blue"), ("grass", "green"), ("sun", "yellow"), ("snow", "white")]] * 8
    import json

    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cfg = TrainConfig(task="chat", model=str(tiny_gpt2), output_root=str(tmp_path),
                      data=DataConfig(path=str(data), max_length=64, eval_fraction=0), epochs=6, batch_size=8,
                      learning_rate=5e-3, logging_steps=4, save_steps=0, cpu_threads=1)
    result, events = run(cfg)
    steps = [e for e in events if isinstance(e, StepLogged)]
    assert steps[-1].loss < 0.5 * steps[0].loss  # loss counts only reply tokens: they are learnable
    loaded = load_model(ModelSpec(result.model_dir))
    assert loaded.tokenizer.chat_template  # the template used in training travels with the model
    prompt = chat_prompt(loaded.tokenizer, [{"role": "user", "content": "colour of the grass?"}])
    assert prompt.endswith("<|assistant|>\n")


def test_from_scratch_trains_a_tokenizer_and_a_llama(tmp_path):
    cfg = TrainConfig(task="causal-lm", output_root=str(tmp_path),
                      scratch=ScratchConfig(architecture="llama", layers=2, heads=4, kv_heads=2, width=64,
                                            context_length=64, vocab_size=500),
                      data=DataConfig(path="builtin:stories", max_examples=300, max_length=64, eval_fraction=0.1),
                      max_steps=40, batch_size=8, learning_rate=3e-3, warmup_steps=4, logging_steps=5,
                      eval_steps=20, save_steps=0, cpu_threads=1)
    result, events = run(cfg)
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    loaded = load_model(ModelSpec(result.model_dir))
    assert loaded.info.model_type == "llama" and loaded.info.num_kv_heads == 2
    assert loaded.info.vocab_size == len(loaded.tokenizer) == 500
    steps = [e for e in events if isinstance(e, StepLogged)]
    assert steps[0].loss == pytest.approx(math.log(500), rel=0.1)  # random init: ~uniform over the vocab
    assert steps[-1].loss < steps[0].loss - 1.5
    assert (Path(result.run_dir) / "tokenizer" / "tokenizer.json").exists()
    ids = loaded.tokenizer("Once upon a time")["input_ids"]
    assert len(ids) <= 5  # the BPE learnt the corpus' frequent words

    from workbench.explain.before_after import before_after

    # Ends mid-sentence: after a full stop a story model may rightly end the story (eos, no text).
    ba = before_after(result.run_dir, "Once upon a time, there was a little girl. She liked to")
    assert "initial weights" in ba.before.title and "final model, step 40" in ba.after.title
    assert ba.before.loss == pytest.approx(math.log(500), rel=0.1)  # the run's step-0 model: uniform guesses
    assert ba.after.loss < ba.before.loss - 1.5 and ba.after.continuation and ba.before.continuation


def test_lora_trains_only_the_adapters(tiny_llama, tmp_path):
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    corpus = tmp_path / "c.txt"
    corpus.write_text("\n\n".join(["the quick brown fox jumps over the lazy dog ."] * 40), encoding="utf-8")
    cfg = TrainConfig(task="causal-lm", model=str(tiny_llama), output_root=str(tmp_path),
                      data=DataConfig(path=str(corpus), max_length=32, eval_fraction=0),
                      lora=LoraSettings(enabled=True, r=4, alpha=8), max_steps=12, batch_size=4,
                      learning_rate=1e-2, logging_steps=3, save_steps=6, cpu_threads=1)
    result, events = run(cfg)
    start = events[0]
    # peft's default for llama adapts q_proj and v_proj: r*(in+out) per layer and projection.
    assert start.trainable_parameters == 2 * (4 * (64 + 64) + 4 * (64 + 32))
    assert start.trainable_parameters < 0.05 * start.num_parameters
    steps = [e for e in events if isinstance(e, StepLogged)]
    assert steps[-1].loss < steps[0].loss
    run_dir = Path(result.run_dir)
    assert (run_dir / "adapter" / "adapter_config.json").exists()
    merged = load_model(ModelSpec(result.model_dir))  # a plain model: LoRA merged into the weights
    base = load_model(ModelSpec(str(tiny_llama)))
    delta = [np.abs(a.detach().numpy() - b.detach().numpy()).max()
             for (name, a), (_, b) in zip(merged.model.named_parameters(), base.model.named_parameters())
             if "q_proj" in name]
    assert min(delta) > 0  # the adapters changed the query projections
    assert not any(n.startswith("base_model") for n, _ in merged.model.named_parameters())
