"""Generation at each evaluation of a seq2seq run: greedy outputs of the first eval examples as a
SamplesGenerated event, their ROUGE / BLEU / chrF in EvalLogged, both in metrics.jsonl."""

from __future__ import annotations

import json

import pytest

from tests.core.test_training_seq2seq import PAIRS, _jsonl
from workbench.errors import InputError
from workbench.training.config import DataConfig, TrainConfig
from workbench.training.events import EvalLogged, Sample, SamplesGenerated, event_record, record_event


def _cfg(tiny_bart, tmp_path, **changes) -> TrainConfig:
    cfg = TrainConfig(task="seq2seq", model=str(tiny_bart), output_root=str(tmp_path),
                      data=DataConfig(path=str(_jsonl(tmp_path / "p.jsonl", PAIRS)), eval_fraction=0.25),
                      max_steps=20, batch_size=8, learning_rate=5e-3, logging_steps=5, eval_steps=10, save_steps=0,
                      cpu_threads=2)
    for k, v in changes.items():
        setattr(cfg, k, v)
    return cfg


@pytest.fixture(scope="module")
def seq2seq_run(tiny_bart, tmp_path_factory):
    from workbench.training.engine import run_training

    tmp = tmp_path_factory.mktemp("gen-eval")
    events: list = []
    # 36 pairs, 9 eval: the 4 shown are the first of the 6 scored.
    result = run_training(_cfg(tiny_bart, tmp, eval_samples=4, eval_generate=6), notify=events.append)
    return _cfg(tiny_bart, tmp), result, events


def test_samples_and_scores_at_every_evaluation(seq2seq_run):
    from workbench.training.encode import prepare_data
    from workbench.training.modelling import load_tokenizer_for
    from workbench.training.text_scores import bleu_chrf, rouge

    cfg, result, events = seq2seq_run
    evals = [e for e in events if isinstance(e, EvalLogged)]
    shown = [e for e in events if isinstance(e, SamplesGenerated)]
    assert [e.step for e in evals] == [e.step for e in shown] == [10, 20]
    for e in events:  # each evaluation's samples come right after its EvalLogged
        if isinstance(e, SamplesGenerated):
            assert events[events.index(e) - 1] == next(v for v in evals if v.step == e.step)
    data = prepare_data(cfg, load_tokenizer_for(cfg))
    first = data.eval_pairs[:4]
    assert len(data.eval_pairs) == 9 and all(pair in PAIRS for pair in first)
    tok = load_tokenizer_for(cfg)
    # The texts are those of the eval split's rows, in its order (the raw rows were split alike).
    assert [tok(s)["input_ids"] for s, _ in data.eval_pairs] == data.eval["input_ids"]
    assert [tok(text_target=t)["input_ids"] for _, t in data.eval_pairs] == data.eval["labels"]
    for e in shown:  # the same eval examples every time, with the model's (non-empty) outputs
        assert [(s.source, s.target) for s in e.samples] == first
        assert all(s.prediction.strip() for s in e.samples)
    # The 36 pairs are three sentences: by step 20 the model writes more of their targets' words
    # (the tiny tokenizer gives the targets no end token, so the outputs run on to the budget).
    assert evals[-1].metrics["rougeL"] > evals[0].metrics["rougeL"] > 0
    assert set(evals[-1].metrics) == {"perplexity", "rouge1", "rouge2", "rougeL", "bleu", "chrf"}
    assert result.metrics["rougeL"] == evals[-1].metrics["rougeL"]
    # The final evaluation's scores are those of the final model's outputs for the first 6 eval
    # examples, and its samples are the first 4 of those outputs.
    from transformers import AutoModelForSeq2SeqLM

    from workbench.training.gen_eval import generate, new_token_budget

    model = AutoModelForSeq2SeqLM.from_pretrained(result.model_dir)
    pairs = data.eval_pairs[:6]
    preds = generate(model, tok, [s for s, _ in pairs], max_new_tokens=new_token_budget(tok, [t for _, t in pairs]),
                     max_source_tokens=data.block_size)
    assert preds[:4] == [s.prediction for s in shown[-1].samples]  # the final weights wrote those samples
    refs = [t for _, t in pairs]
    assert {**rouge(preds, refs), **bleu_chrf(preds, refs)} == {k: v for k, v in evals[-1].metrics.items()
                                                                  if k != "perplexity"}


def test_the_samples_round_trip_through_metrics_jsonl(seq2seq_run):
    from workbench.training.runs import RunFolder

    _cfg_, result, events = seq2seq_run
    run = RunFolder(result.run_dir)
    stored = [record_event(r) for r in run.records() if r["kind"] == "samples"]
    assert stored == [e for e in events if isinstance(e, SamplesGenerated)]
    assert isinstance(stored[0].samples, tuple) and isinstance(stored[0].samples[0], Sample)
    assert run.latest_samples() == stored[-1]
    run.truncate_after(10)  # a resume from checkpoint 10 keeps the samples of step 10
    assert [e.step for e in (record_event(r) for r in run.records()) if isinstance(e, SamplesGenerated)] == [10]


def test_rouge_of_the_samples_equals_the_logged_score(tiny_bart, tmp_path):
    """With as many scored as shown, EvalLogged's ROUGE is text_scores.rouge of the samples."""
    from workbench.training.engine import run_training
    from workbench.training.text_scores import rouge

    events: list = []
    run_training(_cfg(tiny_bart, tmp_path, max_steps=10, eval_samples=3, eval_generate=3), notify=events.append)
    ev = next(e for e in events if isinstance(e, EvalLogged))
    samples = next(e for e in events if isinstance(e, SamplesGenerated)).samples
    assert len(samples) == 3
    scores = rouge([s.prediction for s in samples], [s.target for s in samples])
    assert {k: ev.metrics[k] for k in scores} == scores


def test_switched_off_it_generates_nothing(tiny_bart, tmp_path):
    from workbench.training.engine import run_training

    events: list = []
    run_training(_cfg(tiny_bart, tmp_path, max_steps=10, eval_samples=0, eval_generate=0), notify=events.append)
    ev = next(e for e in events if isinstance(e, EvalLogged))
    assert set(ev.metrics) == {"perplexity"} and not any(isinstance(e, SamplesGenerated) for e in events)


def test_generate_restores_training_mode_and_plan_bounds(tiny_bart):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from workbench.training.gen_eval import GEN_TOKEN_CAP, generate, new_token_budget, plan_generation

    model, tok = AutoModelForSeq2SeqLM.from_pretrained(tiny_bart), AutoTokenizer.from_pretrained(tiny_bart)
    model.train()
    out = generate(model, tok, ["the cat sat", "a dog"] * 3, max_new_tokens=5, max_source_tokens=16, batch_size=4)
    assert len(out) == 6 and model.training and out[0] == out[2]  # greedy: the same source, the same output
    longest = max(len(tok(text_target=t)["input_ids"]) for _, t in PAIRS[:3])
    assert new_token_budget(tok, [t for _, t in PAIRS[:3]]) == int(1.5 * longest + 0.999) + 4
    assert new_token_budget(tok, ["word " * 200]) == GEN_TOKEN_CAP
    plan = plan_generation(tok, PAIRS[:10], samples=4, generate=2, max_source_tokens=32)
    assert len(plan.pairs) == 4 and plan.shown == 4 and plan.scored
    assert plan_generation(tok, PAIRS[:10], samples=0, generate=0, max_source_tokens=32) is None
    with pytest.raises(InputError, match="0 or more"):
        plan_generation(tok, PAIRS, samples=-1, generate=2, max_source_tokens=32)


def test_config_round_trip_and_validation(tmp_path):
    cfg = TrainConfig(task="seq2seq", model="m", data=DataConfig(path="x.jsonl"), eval_samples=2, eval_generate=0)
    cfg.save(tmp_path / "c.json")
    assert TrainConfig.load(tmp_path / "c.json") == cfg
    assert TrainConfig.from_dict({"task": "seq2seq"}).eval_samples == 4  # older files get the defaults
    cfg.eval_generate = -1
    with pytest.raises(InputError, match="examples generated at each evaluation"):
        cfg.validate()


def test_event_record_of_samples():
    e = SamplesGenerated(40, (Sample("a story", "a summary", "a guess"),))
    record = json.loads(json.dumps(event_record(e)))  # as a metrics.jsonl line reads back
    assert record == {"kind": "samples", "step": 40,
                      "samples": [{"source": "a story", "target": "a summary", "prediction": "a guess"}]}
    assert record_event(record) == e


def test_the_cli_eval_line_shows_rouge_l():
    from workbench.training.commands import ProgressPrinter

    line = ProgressPrinter.format(EvalLogged(40, 1.25, {"perplexity": 3.4903, "rouge1": 50.0, "rouge2": 25.5,
                                                        "rougeL": 47.25, "bleu": 12.0, "chrf": 40.0}))
    assert line.split() == ["eval", "40", "loss", "1.2500", "perplexity", "3.4903", "rougeL", "47.25", "rouge1",
                            "50.00", "rouge2", "25.50", "bleu", "12.00", "chrf", "40.00"]
