"""Scores for generated text against references: ROUGE (rouge-score) and BLEU / chrF (sacrebleu).

Both libraries run offline. rouge-score's own tokenizer keeps only [a-z0-9] runs, so a Chinese
summary would score 0: `Tokens` keeps every CJK character as a token of its own (as Chinese
ROUGE is usually counted) and, on ASCII text, splits exactly as the default does, so English
scores equal the library's own.
"""

from __future__ import annotations

import re
from typing import Sequence

# Latin letters and digits in runs (the default's rule), every CJK ideograph, kana or hangul alone.
_TOKEN = re.compile(r"[a-z0-9]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class Tokens:
    """A rouge-score tokenizer: lower-cased, ASCII words as the default splits them, CJK per character."""

    def tokenize(self, text: str) -> list[str]:
        return _TOKEN.findall(text.lower())


def rouge(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Mean ROUGE-1, ROUGE-2 and ROUGE-L F-measures, as percentages."""
    from rouge_score import rouge_scorer

    if len(predictions) != len(references) or not predictions:
        raise ValueError("rouge needs as many predictions as references, at least one")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=Tokens())
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for pred, ref in zip(predictions, references):
        for name, score in scorer.score(ref, pred).items():
            totals[name] += score.fmeasure
    return {name: round(100 * total / len(predictions), 2) for name, total in totals.items()}


def bleu_chrf(predictions: Sequence[str], references: Sequence[str], chinese: bool = False) -> dict[str, float]:
    """Corpus BLEU and chrF (sacrebleu; its "zh" tokenizer for Chinese references)."""
    import sacrebleu

    refs = [list(references)]
    bleu = sacrebleu.corpus_bleu(list(predictions), refs, tokenize="zh" if chinese else "13a")
    return {"bleu": round(bleu.score, 2), "chrf": round(sacrebleu.corpus_chrf(list(predictions), refs).score, 2)}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def all_scores(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2/L, BLEU and chrF (percentages); BLEU with sacrebleu's Chinese tokenizer when the
    references hold Chinese, Japanese or Korean text. Training's eval generation and Evaluate
    both score with this."""
    chinese = any(_CJK.search(r) for r in references)
    return {**rouge(predictions, references), **bleu_chrf(predictions, references, chinese=chinese)}
