"""Parity of an ONNX variant with PyTorch: the figures, and the verdict against the thresholds.

Thresholds (issue 5): fp32 graphs (plain or optimised) must match the logits within
1e-4 x max(1, RMS of PyTorch's logits) -- the RMS makes the bound relative for large models
whose logits run into the hundreds -- agree with and without the cache, and reproduce greedy
generation token for token. fp16 and int8 graphs must agree on the top-1 token at >= 99% of
positions (embeddings: cosine >= 0.99).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from workbench.export.reference import Case, Reference
from workbench.inference.runtime import DecoderStepper, GraphRunner, Seq2SeqStepper
from workbench.texts import N_

FP32_TOLERANCE = 1e-4
MIN_TOP1 = 0.99
MIN_COSINE = 0.99


@dataclass
class CaseFigures:
    name: str
    batch: int
    length: int
    max_abs_diff: float
    top1_agreement: float | None


@dataclass
class ParityFigures:
    variant: str
    precision: str  # fp32, fp16, int8
    provider: str
    max_abs_diff: float = 0.0
    mean_abs_diff: float = 0.0
    tolerance: float = FP32_TOLERANCE
    logit_rms: float = 0.0
    positions: int = 0
    top1_agreement: float | None = None
    top5_agreement: float | None = None
    cache_max_abs_diff: float | None = None  # same positions with and without the KV cache
    hidden_max_abs_diff: float | None = None
    embedding_cosine_min: float | None = None
    greedy_match: float | None = None  # share of greedy tokens equal to PyTorch's, up to the first miss
    greedy_tokens: int = 0
    greedy_first_mismatch: int | None = None
    cases: list[CaseFigures] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed}


def _agreement(a: np.ndarray, b: np.ndarray, k: int) -> float:
    """Mean overlap of the top-k sets of rows of a and b (k=1: argmax agreement)."""
    k = min(k, a.shape[-1])
    if k == 1:
        return float(np.mean(a.argmax(-1) == b.argmax(-1)))
    ta = np.argpartition(-a, k - 1, axis=-1)[:, :k]
    tb = np.argpartition(-b, k - 1, axis=-1)[:, :k]
    return float(np.mean([len(set(x) & set(y)) / k for x, y in zip(ta, tb)]))


def _rows(x: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """(b, s, ...) -> (n, ...) at real (unpadded) tokens; mask None keeps every position."""
    if x.ndim == 2:  # (b, C) classification
        return x
    return x.reshape(-1, x.shape[-1]) if mask is None else x[mask.astype(bool)]


def _candidate_case(kind: str, task: str, runners: dict[str, GraphRunner], c: Case) -> dict[str, np.ndarray]:
    """The ONNX answers for one case: logits (and hidden) plus, for decoders, the split-cache run."""
    if kind == "decoder":
        full = DecoderStepper(runners["decoder"], c.ids.shape[0]).step(c.ids, c.mask)
        split = DecoderStepper(runners["decoder"], c.ids.shape[0])
        k = max(1, c.ids.shape[1] // 2)
        cached = np.concatenate([split.step(c.ids[:, :k], c.mask[:, :k]), split.step(c.ids[:, k:], c.mask[:, k:])], 1)
        return {"logits": full, "cached": cached}
    if kind == "seq2seq":
        st = Seq2SeqStepper(runners["encoder"], runners["decoder_init"], runners["decoder_with_past"])
        steps = [st.start(c.ids, c.mask, c.decoder_ids[:, :1])]
        steps += [st.step(c.decoder_ids[:, j:j + 1]) for j in range(1, c.decoder_ids.shape[1])]
        return {"logits": np.concatenate(steps, 1), "hidden": st.encode(c.ids, c.mask)}
    r = runners["encoder"]
    feeds = {"input_ids": c.ids, "attention_mask": c.mask}
    if "token_type_ids" in r.inputs:
        feeds["token_type_ids"] = np.zeros_like(c.ids)
    out, _ = r.run(feeds)
    got = {"hidden": out["last_hidden_state"].astype(np.float32)}
    if "logits" in out:
        got["logits"] = out["logits"].astype(np.float32)
    return got


def greedy_onnx(kind: str, runners: dict[str, GraphRunner], ids: np.ndarray, n: int, start: int = 0) -> list[int]:
    tokens: list[int] = []
    if kind == "decoder":
        st = DecoderStepper(runners["decoder"], 1)
        logits = st.step(ids)
        for _ in range(n):
            tokens.append(int(logits[0, -1].argmax()))
            logits = st.step(np.array([[tokens[-1]]]))
        return tokens
    s2s = Seq2SeqStepper(runners["encoder"], runners["decoder_init"], runners["decoder_with_past"])
    logits = s2s.start(ids, np.ones_like(ids), np.array([[start]]))
    for _ in range(n):
        tokens.append(int(logits[0, -1].argmax()))
        logits = s2s.step(np.array([[tokens[-1]]]))
    return tokens


def check(ref: Reference, runners: dict[str, GraphRunner], variant: str, precision: str,
          provider: str, decoder_start: int = 0) -> ParityFigures:
    """Run every reference case through the variant's graphs and judge the figures."""
    t0 = time.perf_counter()
    fig = ParityFigures(variant, precision, provider)
    ref_rows, got_rows, hid_diffs, cache_diffs, cosines = [], [], [], [], []
    for c in ref.cases:
        got = _candidate_case(ref.kind, ref.task, runners, c)
        dec_mask = None if ref.kind == "seq2seq" else c.mask  # decoder positions are all real
        # The compared output: logits, or the hidden states of a feature-extraction encoder.
        a = _rows(c.logits, dec_mask) if c.logits is not None else _rows(c.hidden, c.mask)
        b = _rows(got["logits"], dec_mask) if c.logits is not None else _rows(got["hidden"], c.mask)
        ref_rows.append(a)
        got_rows.append(b)
        if "cached" in got:
            cache_diffs.append(float(np.abs(_rows(got["cached"], c.mask) - _rows(got["logits"], c.mask)).max()))
        if c.hidden is not None:
            hid_diffs.append(float(np.abs(_rows(c.hidden, c.mask) - _rows(got["hidden"], c.mask)).max()))
            cosines += _pooled_cosines(c, got["hidden"])
        top1 = _agreement(a, b, 1) if c.logits is not None else None
        fig.cases.append(CaseFigures(c.name, int(c.ids.shape[0]), int(c.ids.shape[1]),
                                     float(np.abs(a - b).max()), top1))
    a, b = np.concatenate(ref_rows), np.concatenate(got_rows)
    diff = np.abs(a - b)
    fig.max_abs_diff, fig.mean_abs_diff = float(diff.max()), float(diff.mean())
    fig.logit_rms = float(np.sqrt(np.mean(a.astype(np.float64) ** 2)))
    fig.positions = int(a.shape[0])
    if ref.cases[0].logits is not None:
        fig.top1_agreement, fig.top5_agreement = _agreement(a, b, 1), _agreement(a, b, 5)
    fig.tolerance = FP32_TOLERANCE * max(1.0, fig.logit_rms)
    fig.hidden_max_abs_diff = max(hid_diffs) if hid_diffs else None
    fig.cache_max_abs_diff = max(cache_diffs) if cache_diffs else None
    fig.embedding_cosine_min = min(cosines) if cosines else None
    _greedy(ref, runners, fig, decoder_start)
    judge(fig, ref.task)
    fig.seconds = time.perf_counter() - t0
    return fig


def _pooled_cosines(c: Case, hidden: np.ndarray) -> list[float]:
    m = c.mask[..., None].astype(np.float32)
    a = (c.hidden * m).sum(1) / m.sum(1)
    b = (hidden * m).sum(1) / m.sum(1)
    return [float(np.dot(x, y) / (np.linalg.norm(x) * np.linalg.norm(y) + 1e-12)) for x, y in zip(a, b)]


def _greedy(ref: Reference, runners: dict[str, GraphRunner], fig: ParityFigures, start: int) -> None:
    if not ref.greedy:
        return
    total = matched = 0
    for ids, expected in ref.greedy:
        got = greedy_onnx(ref.kind, runners, ids, len(expected), start)
        same = next((i for i, (x, y) in enumerate(zip(got, expected)) if x != y), len(expected))
        if same < len(expected) and fig.greedy_first_mismatch is None:
            fig.greedy_first_mismatch = same
        total += len(expected)
        matched += same
    fig.greedy_tokens = ref.greedy_tokens
    fig.greedy_match = matched / total if total else None


def judge(fig: ParityFigures, task: str) -> None:
    """Fill fig.failures with one sentence per threshold missed."""
    f = fig.failures
    if fig.precision == "fp32":
        if fig.max_abs_diff > fig.tolerance:
            what = N_("hidden states") if task == "feature-extraction" else N_("logits")
            f.append(N_("max abs difference of the {what} {diff} is above the tolerance {tolerance}", what=what,
                        diff=f"{fig.max_abs_diff:.3g}", tolerance=f"{fig.tolerance:.3g}"))
        if fig.cache_max_abs_diff is not None and fig.cache_max_abs_diff > fig.tolerance:
            f.append(N_("logits with and without the KV cache differ by {diff} (tolerance {tolerance})",
                        diff=f"{fig.cache_max_abs_diff:.3g}", tolerance=f"{fig.tolerance:.3g}"))
        if fig.greedy_match is not None and fig.greedy_match < 1.0:
            f.append(N_("greedy generation matches PyTorch for {share} of tokens (first difference at token "
                        "{token}); 100% is required", share=f"{fig.greedy_match:.1%}",
                        token=fig.greedy_first_mismatch))
        return
    if fig.top1_agreement is not None and fig.top1_agreement < MIN_TOP1:
        f.append(N_("top-1 agreement {share} is below {minimum}", share=f"{fig.top1_agreement:.2%}",
                    minimum=f"{MIN_TOP1:.0%}"))
    if fig.top1_agreement is None and fig.embedding_cosine_min is not None and fig.embedding_cosine_min < MIN_COSINE:
        f.append(N_("embedding cosine similarity {cosine} is below {minimum}", cosine=f"{fig.embedding_cosine_min:.4f}",
                    minimum=MIN_COSINE))
