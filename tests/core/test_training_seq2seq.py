"""Seq2seq training (summarization, translation): source/target data, the loss on the target only,
fine-tuning an encoder-decoder, and a BART from scratch on the built-in story summaries."""

from __future__ import annotations

import json

import pytest

from workbench.errors import InputError
from workbench.training.config import DataConfig, ScratchConfig, TrainConfig
from workbench.training.events import StepLogged

PAIRS = [("the cat sat on the mat and looked at the bird", "a cat sat"),
         ("the dog ran in the park with a red ball", "a dog ran"),
         ("once upon a time a little robot read books", "a robot read")] * 12


def _jsonl(path, rows, source="source", target="target"):
    path.write_text("".join(json.dumps({source: s, target: t}) + "\n" for s, t in rows), encoding="utf-8")
    return path


def test_builtin_summaries_are_the_stories_with_a_summary_of_each():
    from workbench.corpus.stories import generate_stories, generate_summaries
    from workbench.training.builtin_data import builtin_dataset

    pairs = generate_summaries(50, seed=3)
    assert [s for s, _ in pairs] == generate_stories(50, seed=3)  # the story stream is unchanged
    ds, labels = builtin_dataset("builtin:summaries", 50, seed=3)
    assert ds.column_names == ["source", "target"] and labels == []
    for story, summary in zip(ds["source"], ds["target"]):
        name = summary.split(",")[0]
        assert name in story and summary.endswith(".") and len(summary) < len(story)


def test_rows_need_both_columns_and_no_empty_text(tmp_path):
    from workbench.training.data import load_raw

    good = _jsonl(tmp_path / "pairs.jsonl", PAIRS[:3], source="article", target="summary")
    raw = load_raw(DataConfig(path=str(good), source_column="article", target_column="summary"), "seq2seq")
    assert raw.dataset.column_names == ["source", "target"] and raw.dataset["target"][0] == "a cat sat"
    no_target = _jsonl(tmp_path / "half.jsonl", PAIRS[:3], target="summary")
    with pytest.raises(InputError, match="has no column 'target'"):
        load_raw(DataConfig(path=str(no_target)), "seq2seq")
    empty = _jsonl(tmp_path / "empty.jsonl", [("a text", "ok"), ("another text", " ")])
    with pytest.raises(InputError, match="line 2 has no text"):
        load_raw(DataConfig(path=str(empty)), "seq2seq")


def test_the_loss_is_on_the_target_only(tiny_bart, tmp_path):
    """Labels are the target's ids; padding in a batch is IGNORE (-100), never a source token."""
    from workbench.training.data import load_raw
    from workbench.training.encode import IGNORE, make_collator, prepare_data
    from workbench.training.modelling import load_tokenizer_for

    cfg = TrainConfig(task="seq2seq", model=str(tiny_bart),
                      data=DataConfig(path=str(_jsonl(tmp_path / "p.jsonl", PAIRS)), eval_fraction=0.0))
    tok = load_tokenizer_for(cfg)
    data = prepare_data(cfg, tok, load_raw(cfg.data, "seq2seq"))
    row = data.train[0]
    assert row["labels"] == tok(text_target="a cat sat")["input_ids"]
    assert row["input_ids"] == tok(PAIRS[0][0])["input_ids"]
    longer = {**dict(row), "labels": row["labels"] + row["labels"]}
    batch = make_collator("seq2seq", tok)([dict(row), longer])
    n = len(row["labels"])
    assert batch["labels"][0, n:].tolist() == [IGNORE] * n  # the padding of the shorter target
    assert batch["labels"][1].tolist() == longer["labels"]


def test_fine_tuning_an_encoder_decoder_lowers_its_loss(tiny_bart, tmp_path):
    from workbench.training.engine import run_training

    events = []
    cfg = TrainConfig(task="seq2seq", model=str(tiny_bart), output_root=str(tmp_path),
                      data=DataConfig(path=str(_jsonl(tmp_path / "p.jsonl", PAIRS)), eval_fraction=0.1),
                      max_steps=30, batch_size=8, learning_rate=3e-3, logging_steps=5, eval_steps=30, save_steps=0,
                      probe_text="the cat sat on the mat")
    result = run_training(cfg, notify=events.append)
    losses = [e.loss for e in events if isinstance(e, StepLogged)]
    assert result.state == "finished" and losses[-1] < losses[0] - 1.0
    from workbench.training.events import AttentionSnapshotTaken

    snaps = [e for e in events if isinstance(e, AttentionSnapshotTaken)]  # the encoder's self-attention
    assert [s.step for s in snaps] == [0, 30] and snaps[0].maps.shape[-1] == len(snaps[0].tokens)
    from workbench.backends import open_model

    assert open_model(result.model_dir).task == "seq2seq-lm"


def test_a_decoder_is_refused_for_seq2seq_and_scratch_needs_bart(tiny_gpt2, tmp_path):
    from workbench.training.engine import run_training

    data = DataConfig(path=str(_jsonl(tmp_path / "p.jsonl", PAIRS)))
    with pytest.raises(InputError, match="not an encoder-decoder"):
        run_training(TrainConfig(task="seq2seq", model=str(tiny_gpt2), data=data, output_root=str(tmp_path)))
    for task, arch in (("seq2seq", "gpt2"), ("causal-lm", "bart")):
        with pytest.raises(InputError, match="seq2seq model from scratch is a bart"):
            TrainConfig(task=task, scratch=ScratchConfig(architecture=arch), data=data).validate()


def test_a_bart_from_scratch_learns_to_summarize_the_stories(tmp_path):
    """The stories-summarizer example, shortened: its tokenizer ends texts with eos, and after a
    short run the model writes summaries of the targets' form and stops (the full run, the
    built-in tiny-summarizer, copies the right hero and object: test_builtins checks its ROUGE)."""
    from workbench.backends import open_model
    from workbench.config import GenerationSettings
    from workbench.corpus.stories import generate_summaries
    from workbench.training.engine import run_training
    from workbench.training.examples import example

    cfg = example("stories-summarizer")
    cfg.output_root, cfg.max_steps, cfg.eval_steps, cfg.save_steps = str(tmp_path), 120, 0, 0
    cfg.data.max_examples, cfg.cpu_threads = 1000, 2
    events = []
    result = run_training(cfg, notify=events.append)
    losses = [e.loss for e in events if isinstance(e, StepLogged)]
    assert losses[-1] < 1.5 < losses[0]
    model = open_model(result.model_dir)
    tok = model.tokenizer
    assert model.task == "seq2seq-lm" and tok("a cat")["input_ids"][-1] == tok.eos_token_id
    pairs = generate_summaries(6, seed=999)  # not the training draws (seed 0)
    out = ["".join(t.text for t in model.generate_stream(s, GenerationSettings(max_new_tokens=30, greedy=True)))
           for s, _ in pairs]
    import re

    form = re.compile(r"^[A-Z][a-z]+, an? [a-z]+ [a-z]+, [a-z].*\.$")  # "Mia, a sleepy owl, lost her key."
    assert all(form.match(o.strip()) for o in out), out
