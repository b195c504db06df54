"""ROUGE and BLEU/chrF of generated text: the libraries' own numbers, and Chinese counted."""

from __future__ import annotations

import pytest

from workbench.training.text_scores import Tokens, bleu_chrf, rouge

PREDS = ["Emma, a big turtle, lost her ball.", "Tom went to the park with Ben.", "It rained all day."]
REFS = ["Emma, a big turtle, lost her bell.", "Tom, a brave dog, went to the park with Ben.", "It rained."]


def test_rouge_equals_the_librarys_own_on_english():
    from rouge_score import rouge_scorer

    default = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])  # its own tokenizer
    expected = {k: 100 * sum(default.score(r, p)[k].fmeasure for p, r in zip(PREDS, REFS)) / len(PREDS)
                for k in ("rouge1", "rouge2", "rougeL")}
    assert rouge(PREDS, REFS) == pytest.approx(expected, abs=0.01)


def test_chinese_is_scored_per_character_where_the_default_gives_zero():
    from rouge_score import rouge_scorer

    pred, ref = "小猫在花园里丢了球。", "小猫在花园里丢了铃铛。"
    assert rouge_scorer.RougeScorer(["rouge1"]).score(ref, pred)["rouge1"].fmeasure == 0  # all dropped
    assert Tokens().tokenize("Mia的球 ball") == ["mia", "的", "球", "ball"]
    assert 70 < rouge([pred], [ref])["rouge1"] < 100 and rouge([ref], [ref])["rougeL"] == 100


def test_bleu_and_chrf_are_sacrebleus():
    import sacrebleu

    got = bleu_chrf(PREDS, REFS)
    assert got["bleu"] == round(sacrebleu.corpus_bleu(PREDS, [REFS]).score, 2)
    assert got["chrf"] == round(sacrebleu.corpus_chrf(PREDS, [REFS]).score, 2)
    with pytest.raises(ValueError):
        rouge(PREDS, REFS[:1])
