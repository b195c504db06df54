"""Running the exported graphs: one call (GraphRunner) and step-by-step decoding with a KV cache.

On the CPU everything is numpy. On CUDA the cache never leaves the GPU: presents come back as
OrtValues bound to device memory (IOBinding) and are bound as the next step's past, and only
the logits are copied to the host. That difference lives in GraphRunner.run alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_NP = {"tensor(float)": np.float32, "tensor(float16)": np.float16, "tensor(int64)": np.int64,
       "tensor(int32)": np.int32}


class GraphRunner:
    """One InferenceSession. `kept` tensors are numpy on the CPU and device OrtValues on CUDA."""

    def __init__(self, session: Any, device: str = "cpu", device_id: int = 0, iobinding: bool | None = None) -> None:
        self.session = session
        self.device = device
        self.device_id = device_id
        # IOBinding is the CUDA path; on the CPU it can be forced to test the same code.
        self.iobinding = device == "cuda" if iobinding is None else iobinding
        self.inputs = {i.name: i for i in session.get_inputs()}
        self.outputs = [o.name for o in session.get_outputs()]

    def dtype(self, name: str) -> Any:
        return _NP.get(self.inputs[name].type, np.float32)

    def run(self, host: dict[str, np.ndarray], kept: dict[str, Any] | None = None,
            host_out: list[str] | None = None, kept_out: list[str] | None = None
            ) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """Run with host (numpy) and kept inputs; host_out come back as numpy, kept_out stay put."""
        kept = kept or {}
        host_out = host_out if host_out is not None else self.outputs
        kept_out = kept_out or []
        if not self.iobinding:
            names = host_out + kept_out
            values = self.session.run(names, {**host, **kept})
            got = dict(zip(names, values))
            return {n: got[n] for n in host_out}, {n: got[n] for n in kept_out}
        return self._run_bound(host, kept, host_out, kept_out)

    def _run_bound(self, host: dict[str, np.ndarray], kept: dict[str, Any], host_out: list[str],
                  kept_out: list[str]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        io = self.session.io_binding()
        for name, arr in host.items():
            io.bind_cpu_input(name, np.ascontiguousarray(arr))  # small int tensors: ids, masks
        for name, value in kept.items():
            if isinstance(value, np.ndarray):  # the first step's empty past
                io.bind_cpu_input(name, value)
            else:
                io.bind_ortvalue_input(name, value)
        for name in host_out:
            io.bind_output(name, "cpu")  # ORT copies these (the logits) to the host
        kept_on = "cuda" if self.device == "cuda" else "cpu"
        for name in kept_out:
            io.bind_output(name, kept_on, self.device_id)  # ORT allocates them on the GPU
        self.session.run_with_iobinding(io)
        values = io.get_outputs()
        n = len(host_out)
        return ({name: v.numpy() for name, v in zip(host_out, values[:n])},
                dict(zip(kept_out, values[n:])))


def _cache_names(runner: GraphRunner, prefix: str) -> list[str]:
    return [n for n in runner.inputs if n.startswith(prefix + ".")]


def _empty(runner: GraphRunner, name: str, batch: int) -> np.ndarray:
    """A zero-length cache tensor (batch, kv_heads, 0, head_dim) of the graph's dtype."""
    shape = runner.inputs[name].shape  # ['batch', kv_heads, 'past', head_dim]
    return np.zeros((batch, int(shape[1]), 0, int(shape[3])), dtype=runner.dtype(name))


def positions(mask: np.ndarray, new: int) -> np.ndarray:
    """Position ids of the last `new` tokens: count of real tokens before each, as generate() does
    for left-padded batches (padding positions get 1, like transformers)."""
    pos = np.cumsum(mask, axis=1) - 1
    pos = np.where(mask == 0, 1, pos)
    return pos[:, -new:].astype(np.int64)


class DecoderStepper:
    """Feeds a causal-LM graph token by token; keeps the attention mask and the KV cache."""

    def __init__(self, runner: GraphRunner, batch: int) -> None:
        self.runner = runner
        self.past_names = _cache_names(runner, "past")
        self.present_names = ["present" + n[len("past"):] for n in self.past_names]
        self.past: dict[str, Any] = {n: _empty(runner, n, batch) for n in self.past_names}
        self.mask = np.zeros((batch, 0), dtype=np.int64)
        self.uses_positions = "position_ids" in runner.inputs

    def step(self, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """ids (b, s) -> logits (b, s, V) float32. mask (b, s) marks padding (0) in the new tokens."""
        ids = np.asarray(ids, dtype=np.int64)
        new_mask = np.ones_like(ids) if mask is None else np.asarray(mask, dtype=np.int64)
        self.mask = np.concatenate([self.mask, new_mask], axis=1)
        host = {"input_ids": ids, "attention_mask": self.mask}
        if self.uses_positions:
            host["position_ids"] = positions(self.mask, ids.shape[1])
        out, kept = self.runner.run(host, self.past, ["logits"], self.present_names)
        self.past = {p: kept[q] for p, q in zip(self.past_names, self.present_names)}
        return out["logits"].astype(np.float32, copy=False)


class Seq2SeqStepper:
    """Encoder once, then the decoder-init graph, then decoder-with-past for every next token."""

    def __init__(self, encoder: GraphRunner, init: GraphRunner, with_past: GraphRunner) -> None:
        self.encoder, self.init, self.with_past = encoder, init, with_past
        self.past_names = _cache_names(with_past, "past")
        self.cross_names = _cache_names(with_past, "cross")
        self.present_names = ["present" + n[len("past"):] for n in self.past_names]
        self.past: dict[str, Any] = {}
        self.cross: dict[str, Any] = {}
        self.enc_mask = np.zeros((0, 0), dtype=np.int64)

    def encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Encoder last hidden state (b, e, D) on the host (embeddings)."""
        out, _ = self.encoder.run({"input_ids": ids, "attention_mask": mask}, host_out=["last_hidden_state"])
        return out["last_hidden_state"].astype(np.float32, copy=False)

    def start(self, ids: np.ndarray, mask: np.ndarray, decoder_ids: np.ndarray) -> np.ndarray:
        """Encode (b, e) and run the first decoder token(s) (b, 1); logits (b, 1, V)."""
        self.enc_mask = np.asarray(mask, dtype=np.int64)
        _, enc = self.encoder.run({"input_ids": np.asarray(ids, dtype=np.int64), "attention_mask": self.enc_mask},
                                  host_out=[], kept_out=["last_hidden_state"])
        out, kept = self.init.run({"decoder_input_ids": np.asarray(decoder_ids, dtype=np.int64),
                                   "encoder_attention_mask": self.enc_mask},
                                  {"encoder_hidden_states": enc["last_hidden_state"]},
                                  ["logits"], self.present_names + self.cross_names)
        self.past = {p: kept[q] for p, q in zip(self.past_names, self.present_names)}
        self.cross = {n: kept[n] for n in self.cross_names}
        return out["logits"].astype(np.float32, copy=False)

    def step(self, decoder_ids: np.ndarray) -> np.ndarray:
        """Next decoder token (b, 1) -> logits (b, 1, V)."""
        out, kept = self.with_past.run({"decoder_input_ids": np.asarray(decoder_ids, dtype=np.int64),
                                        "encoder_attention_mask": self.enc_mask},
                                       {**self.past, **self.cross}, ["logits"], self.present_names)
        self.past = {p: kept[q] for p, q in zip(self.past_names, self.present_names)}
        return out["logits"].astype(np.float32, copy=False)
