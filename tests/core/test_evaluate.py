"""Evaluate: the figures equal the same numbers computed directly, and bad inputs say what is wrong."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest

from workbench.control import Control
from workbench.errors import InputError
from workbench.evaluate import Columns, EvalJob, EvalProgress, ModelEvaluated, load, run_eval
from workbench.evaluate.candidates import expand

STORIES = ["Once upon a time there was a little cat named Tom. Tom liked to play in the sun.",
           "One day, Mia went to the park. She saw a big dog and said hello.",
           "The bird sang a song. It was a happy day.",
           "Ben had a red ball. He threw the ball to his friend Sam, and Sam caught it."]


@pytest.fixture(scope="module")
def stories_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("eval") / "held-out.txt"
    path.write_text("\n\n".join(STORIES) + "\n", encoding="utf-8")
    return path


def _reviews_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["review", "sentiment"])
        w.writerows(rows)
    return path


def _held_out_reviews() -> list[tuple[str, str]]:
    from workbench.evaluate.data import builtin_rows

    return [(r["text"], r["label"]) for r in builtin_rows("builtin:reviews", 12)]


REVIEWS = _held_out_reviews()  # the classifier's own language, from a seed it never trained on


def test_perplexity_is_exp_of_the_token_mean_loss_computed_directly(stories_file):
    import torch

    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    results = run_eval(EvalJob(str(stories_file), ("builtin:tiny-stories",), device="cpu"))
    row = results.models[0]
    assert row.ok and len(row.examples) == 4 and results.kind == "lm"
    loaded = load_model(ModelSpec("builtin:tiny-stories", device="cpu"))
    total, count = 0.0, 0
    for text in STORIES:  # the model's own loss (transformers shifts the labels), weighted by tokens
        ids = torch.tensor([loaded.tokenizer(text)["input_ids"]])
        with torch.no_grad():
            loss = loaded.model(input_ids=ids, labels=ids).loss.item()
        total, count = total + loss * (ids.shape[1] - 1), count + ids.shape[1] - 1
    assert row.figures["mean_loss"] == pytest.approx(total / count, rel=1e-5)
    assert row.figures["perplexity"] == pytest.approx(math.exp(total / count), rel=1e-5)
    assert sum(e.tokens for e in row.examples) == count
    assert row.figures["latency_ms"] > 0 and row.figures["memory_mb"] >= 0


def test_accuracy_f1_and_confusion_equal_a_hand_count(tmp_path):
    from workbench.backends import open_torch

    data = _reviews_csv(tmp_path / "reviews.csv", REVIEWS)
    job = EvalJob(str(data), ("builtin:tiny-sentiment",), columns=Columns(text="review", label="sentiment"),
                  device="cpu")
    row = run_eval(job).models[0]
    model = open_torch("builtin:tiny-sentiment", device="cpu")
    predicted = [model.classify(t).top[0] for t, _ in REVIEWS]
    right = sum(p == y for p, (_, y) in zip(predicted, REVIEWS))
    assert row.figures["accuracy"] == pytest.approx(100 * right / len(REVIEWS))
    names = row.labels
    counts = [[sum(1 for p, (_, y) in zip(predicted, REVIEWS) if y == a and p == b) for b in names] for a in names]
    assert row.confusion == counts
    f1s = []
    for i in range(len(names)):
        tp = counts[i][i]
        fp = sum(counts[j][i] for j in range(len(names))) - tp
        fn = sum(counts[i]) - tp
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    assert row.figures["macro_f1"] == pytest.approx(100 * np.mean(f1s))
    assert [e.prediction for e in row.examples] == predicted


def test_rouge_equals_the_librarys_own_result_on_the_same_pairs():
    from rouge_score import rouge_scorer
    import sacrebleu

    results = run_eval(EvalJob("builtin:summaries", ("builtin:tiny-summarizer",), limit=8, device="cpu"))
    row = results.models[0]
    preds = [e.prediction for e in row.examples]
    refs = [i.reference for i in results.inputs]
    scorer = rouge_scorer.RougeScorer(["rougeL"])  # the library's default (ASCII) tokenizer
    expected = 100 * np.mean([scorer.score(r, p)["rougeL"].fmeasure for p, r in zip(preds, refs)])
    assert row.figures["rougeL"] == pytest.approx(expected, abs=0.01)
    assert row.figures["bleu"] == pytest.approx(sacrebleu.corpus_bleu(preds, [refs]).score, abs=0.01)
    assert all(p for p in preds) and row.figures["rougeL"] > 50  # the built-in summarizer really summarizes


@pytest.mark.slow
def test_onnx_fp32_row_equals_the_pytorch_row(tmp_path, stories_file):
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model

    export_model("builtin:tiny-stories", tmp_path / "export", ExportOptions())
    results = run_eval(EvalJob(str(stories_file), ("builtin:tiny-stories", str(tmp_path / "export")), device="cpu"))
    torch_row, onnx_row = results.models
    assert onnx_row.name == "export/fp32" and onnx_row.backend == "onnxruntime" and onnx_row.ok
    assert onnx_row.figures["perplexity"] == pytest.approx(torch_row.figures["perplexity"], rel=1e-4)
    for a, b in zip(torch_row.examples, onnx_row.examples):
        assert a.tokens == b.tokens and a.loss == pytest.approx(b.loss, rel=1e-4, abs=1e-5)


def test_a_run_stands_for_its_checkpoints_and_final_model(tmp_path, stories_file):
    from workbench.training.config import DataConfig, TrainConfig
    from workbench.training.engine import run_training

    cfg = TrainConfig(task="causal-lm", model="builtin:tiny-stories", output_root=str(tmp_path / "runs"),
                      data=DataConfig(path="builtin:stories", max_examples=40, max_length=64),
                      max_steps=4, batch_size=4, eval_steps=0, save_steps=2, logging_steps=2, cpu_threads=1,
                      device="cpu")
    run = run_training(cfg)
    names = [c.name for c in expand([run.run_dir])]
    folder = Path(run.run_dir).name
    assert names == [f"{folder}/checkpoint-2", f"{folder}/checkpoint-4", f"{folder}/final"]
    results = run_eval(EvalJob(str(stories_file), (run.run_dir,), device="cpu"))
    assert all(m.ok for m in results.models)
    final, last_ckpt = results.models[2].figures, results.models[1].figures
    assert final["perplexity"] == pytest.approx(last_ckpt["perplexity"], rel=1e-6)  # the same weights


def test_results_are_saved_as_json_and_csv_and_reopen(stories_file):
    results = run_eval(EvalJob(str(stories_file), ("builtin:tiny-stories",), device="cpu"))
    folder = Path(results.folder)
    again = load(folder)
    assert again.models[0].figures["perplexity"] == pytest.approx(results.models[0].figures["perplexity"])
    assert [e.loss for e in again.models[0].examples] == pytest.approx([e.loss for e in results.models[0].examples])
    with (folder / "summary.csv").open(encoding="utf-8") as f:
        summary = list(csv.DictReader(f))
    assert float(summary[0]["perplexity"]) == pytest.approx(results.models[0].figures["perplexity"], rel=1e-5)
    with (folder / "examples.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["text"] for r in rows] == STORIES
    assert json.loads((folder / "results.json").read_text(encoding="utf-8"))["state"] == "finished"


# -- bad inputs -------------------------------------------------------------------------------------
def test_a_file_without_the_needed_column_names_it_and_the_columns(tmp_path):
    data = _reviews_csv(tmp_path / "reviews.csv", REVIEWS)
    with pytest.raises(InputError, match=r"reviews.csv line 2 has no column 'text' \(its columns: review, sentiment\)"):
        run_eval(EvalJob(str(data), ("builtin:tiny-sentiment",)))


def test_a_label_the_model_does_not_know_names_the_line(tmp_path):
    data = _reviews_csv(tmp_path / "reviews.csv", REVIEWS[:3] + [("It was fine, I suppose.", "neutral")])
    row = run_eval(EvalJob(str(data), ("builtin:tiny-sentiment",), columns=Columns(text="review", label="sentiment"))
                   ).models[0]
    assert row.error == ("reviews.csv line 5: the label 'neutral' is not one the model knows (negative, positive)")


def test_a_model_whose_task_does_not_fit_gets_its_error_and_the_others_their_figures(tmp_path):
    data = _reviews_csv(tmp_path / "reviews.csv", REVIEWS)
    results = run_eval(EvalJob(str(data), ("builtin:tiny-stories", "builtin:tiny-sentiment"),
                               kind="classification", columns=Columns(text="review", label="sentiment")))
    wrong, right = results.models
    assert wrong.error == "tiny-stories is a causal-lm model; accuracy and F1 need a classifier"
    assert right.ok and right.figures["accuracy"] >= 80


def test_an_empty_split_says_so(tmp_path):
    empty = _reviews_csv(tmp_path / "empty.csv", [])
    with pytest.raises(InputError, match="empty.csv has no examples to evaluate"):
        run_eval(EvalJob(str(empty), ("builtin:tiny-sentiment",), columns=Columns(text="review", label="sentiment")))
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="blank.txt has no examples"):
        run_eval(EvalJob(str(blank), ("builtin:tiny-stories",)))


def test_an_empty_text_names_its_line(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"text": "one"}\n{"text": ""}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"data.jsonl line 2: 'text' is empty or not text"):
        run_eval(EvalJob(str(path), ("builtin:tiny-stories",)))


def test_a_100k_line_file_streams_with_progress_and_stops_keeping_what_is_done(tmp_path):
    import tracemalloc

    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(100_000):
            f.write(json.dumps({"text": STORIES[i % 4]}) + "\n")
    control, events = Control(), []

    def notify(event):
        events.append(event)
        if isinstance(event, EvalProgress) and event.stage == "scoring" and event.done >= 30:
            control.cancel()  # a user pressing Stop part-way through the first model

    run_eval(EvalJob("builtin:stories", ("builtin:tiny-stories",), limit=1, device="cpu"))  # imports, not measured
    tracemalloc.start()
    results = run_eval(EvalJob(str(path), ("builtin:tiny-stories", "builtin:tiny-sentiment"), device="cpu"),
                       notify=notify, control=control)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    reading = [e.done for e in events if isinstance(e, EvalProgress) and e.stage == "reading"]
    assert len(reading) >= 100 and reading[-1] == 100_000  # progress while reading, every 1,000 rows
    first, second = results.models
    assert results.state == "stopped" and 30 <= len(first.examples) < 100_000
    assert first.error.startswith("stopped after") and math.isfinite(first.figures["perplexity"])
    assert second.error == "not run: the evaluation was stopped"
    assert load(results.folder).models[0].figures["perplexity"] == pytest.approx(first.figures["perplexity"])
    assert peak < 100 * 2**20  # rows are streamed: the texts are kept (~10 MB here), never the file as a table
    assert any(isinstance(e, ModelEvaluated) for e in events)


def test_cli_eval_prints_the_table_and_bad_input_is_one_line_with_exit_2(stories_file, capsys):
    from workbench.cli import main

    assert main(["eval", "builtin:tiny-stories", "--data", str(stories_file), "--device", "cpu"]) == 0
    out = capsys.readouterr().out
    assert "perplexity" in out.splitlines()[0] and "tiny-stories" in out
    assert main(["eval", "builtin:tiny-stories", "--data", str(stories_file) + ".missing"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"workbench: error: No such data file: {stories_file}.missing"]
