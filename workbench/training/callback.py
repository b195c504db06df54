"""The one Trainer callback: Trainer hooks -> frozen events, metrics.jsonl, and the control flags.

Pause blocks in on_step_end (between optimizer steps, so nothing changes numerically); stop asks
the Trainer to save a checkpoint and end at that same step; a NaN/inf loss ends the run without
saving the broken weights. Only the main process writes files and emits events; every process
obeys the flags (under torchrun each process has its own signal handler setting them).
"""

from __future__ import annotations

import math
import time
from typing import Any

from transformers import TrainerCallback

from workbench.control import Control
from workbench.errors import WorkbenchError
from workbench.training.flops import mfu
from workbench.training.events import (AttentionSnapshotTaken, CheckpointSaved, EvalLogged, Notify,
                                       RunStarted, SamplesGenerated, StepLogged, TrainingPaused, TrainingResumed,
                                       event_record)
from workbench.training.runs import RunFolder


class WorkbenchCallback(TrainerCallback):
    def __init__(self, run: RunFolder, notify: Notify, control: Control, tokenizer: Any,
                 probe_text: str = "", is_main: bool = True, world_size: int = 1) -> None:
        self.run, self.notify, self.flags, self.tokenizer = run, notify, control, tokenizer
        self.probe_text, self.is_main, self.world_size = probe_text, is_main, world_size
        self.started: dict[str, Any] = {}  # RunStarted's fields, less the steps (set by the engine)
        self.tokens_per_step = 0.0  # set by the engine from the data and the batch size
        self.parameters = 0  # the model's, for MFU (set by the engine)
        self.peak_flops = 0.0  # the device's, for MFU; 0 on the CPU (no MFU shown)
        self.generation: Any = None  # seq2seq: a gen_eval.GenerationPlan run at each evaluation (engine)
        self.generation_seconds: list[float] = []  # how long each evaluation's generation took
        self.stopped = False  # the user asked to stop; a checkpoint was requested
        self.failure: WorkbenchError | None = None  # why the run ended early (non-finite loss), if it did
        self.last_loss = float("nan")
        self.last_eval: dict[str, float] = {}
        self.last_eval_step = -1
        self._clock = _Clock()

    def _emit(self, event: Any) -> None:
        if not self.is_main:
            return
        record = event_record(event)
        if record is not None:
            self.run.append(record)
        self.notify(event)

    # -- hooks ------------------------------------------------------------------------------------
    def on_train_begin(self, args: Any, state: Any, control: Any, model: Any = None, **kw: Any) -> None:
        self._clock.start(state.global_step, self._tokens(state.global_step))
        if self.started:
            self._emit(RunStarted(total_steps=state.max_steps, start_step=state.global_step, **self.started))
        if self.probe_text and self.is_main and not self._has_snapshot(state.global_step):
            self._snapshot(model, state.global_step)  # step 0: the untrained heads, for the replay

    def on_step_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        if self.flags.paused and not self.flags.cancelled:
            self._emit(TrainingPaused(state.global_step))
            started = time.perf_counter()
            self.flags.wait_if_paused()
            self._clock.pending += time.perf_counter() - started  # paused time is not training time
            if not self.flags.cancelled:
                self._emit(TrainingResumed(state.global_step))
        self._clock.mark_step_end()
        if self._cancel_requested(args):
            self.stopped = True
            control.should_save = True  # the Trainer saves right after this hook, at this step
            control.should_training_stop = True

    def _tokens(self, step: int) -> float:
        """Tokens trained on by `step`, from the tokens per optimizer step (exact for LM blocks, the
        mean for padded examples): counting each batch would cost a device sync per step."""
        return step * self.tokens_per_step

    def _cancel_requested(self, args: Any) -> bool:
        """The stop flag; under torchrun any process's flag stops all of them at the same step
        (a 1-element all-reduce per step: a process that stopped alone would hang the others)."""
        if self.world_size <= 1:
            return self.flags.cancelled
        import torch
        import torch.distributed as dist

        flag = torch.tensor([1.0 if self.flags.cancelled else 0.0], device=args.device)
        dist.all_reduce(flag, op=dist.ReduceOp.MAX)
        return bool(flag.item() > 0)

    def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, float] | None = None, **kw: Any) -> None:
        logs = logs or {}
        if "loss" not in logs:  # eval metrics (handled in on_evaluate) and the final summary
            return
        loss = float(logs["loss"])
        if not math.isfinite(loss):
            self.failure = WorkbenchError("The training loss became {loss} at step {step}; the run was stopped. "
                                          "Lower the learning rate (now {rate:g}) or keep gradient clipping on, "
                                          "and resume from the last checkpoint", loss=loss, step=state.global_step,
                                          rate=args.learning_rate)
            control.should_training_stop = True
            control.should_save = False  # do not checkpoint broken weights
            control.should_evaluate = False
            return
        self.last_loss = loss
        self._emit(self._step_event(state, logs))

    def _step_event(self, state: Any, logs: dict[str, float]) -> StepLogged:
        elapsed, rate = self._clock.tick(state.global_step, self._tokens(state.global_step))
        remaining = max(0, state.max_steps - state.global_step)
        steps_done = max(1, state.global_step - self._clock.first_step)
        return StepLogged(step=state.global_step, epoch=float(state.epoch or 0.0), loss=float(logs["loss"]),
                          learning_rate=float(logs.get("learning_rate", float("nan"))),
                          grad_norm=float(logs.get("grad_norm", float("nan"))), tokens_per_second=rate,
                          elapsed_s=elapsed, eta_s=elapsed / steps_done * remaining,
                          mfu=mfu(self.parameters, rate, self.peak_flops), **_gpu_memory())

    def on_evaluate(self, args: Any, state: Any, control: Any, metrics: dict[str, float] | None = None,
                    model: Any = None, **kw: Any) -> None:
        metrics = metrics or {}
        loss = float(metrics.get("eval_loss", float("nan")))
        extra = {k[5:]: float(v) for k, v in metrics.items()
                 if k.startswith("eval_") and k[5:] in ("accuracy", "f1", "perplexity")}
        if "perplexity" not in extra and "accuracy" not in extra and math.isfinite(loss):
            extra["perplexity"] = math.exp(min(loss, 50.0))
        generated = self._generate(model) if self.generation is not None and self.is_main else None
        if generated is not None:
            extra.update(generated.metrics)  # rouge1, rouge2, rougeL, bleu, chrf
        self.last_eval, self.last_eval_step = {"eval_loss": loss, **extra}, state.global_step
        self._emit(EvalLogged(state.global_step, loss, extra))
        if generated is not None and generated.samples:
            self._emit(SamplesGenerated(state.global_step, generated.samples))
        if self.probe_text and self.is_main:
            self._snapshot(model, state.global_step)
        self._clock.exclude_since_step_end()  # evaluation time is not training throughput

    def on_save(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        path = self.run.path / f"checkpoint-{state.global_step}"
        self._emit(CheckpointSaved(state.global_step, str(path)))
        self._clock.exclude_since_step_end()

    # -- generation (seq2seq) -----------------------------------------------------------------------
    def _generate(self, model: Any) -> Any:
        """The plan's greedy outputs and their scores on the current weights (main process only:
        the others go on to the next step and wait for it at the next gradient all-reduce)."""
        from workbench.training.gen_eval import run_generation

        result = run_generation(model, self.tokenizer, self.generation)
        self.generation_seconds.append(result.seconds)
        return result

    # -- attention probe ----------------------------------------------------------------------------
    def _has_snapshot(self, step: int) -> bool:
        return (self.run.attention_dir / f"step-{step:08d}.npz").exists()

    def _snapshot(self, model: Any, step: int) -> None:
        from workbench.training.probe import capture_attention

        tokens, maps = capture_attention(model, self.tokenizer, self.probe_text)
        self.run.save_attention(step, tokens, maps)
        self.notify(AttentionSnapshotTaken(step, tuple(tokens), maps))


class _Clock:
    """Elapsed training time and tokens/s, leaving out pauses and evaluations."""

    def __init__(self) -> None:
        self.t0 = self.last_t = self.step_end_t = time.perf_counter()
        self.first_step = 0
        self.last_tokens = 0.0
        self.pending = 0.0  # seconds not training since the last tick (pauses, evaluations)
        self.excluded = 0.0  # seconds not training, in total

    def start(self, step: int, tokens: float) -> None:
        self.t0 = self.last_t = self.step_end_t = time.perf_counter()
        self.first_step, self.last_tokens = step, tokens

    def mark_step_end(self) -> None:
        self.step_end_t = time.perf_counter()

    def exclude_since_step_end(self) -> None:
        """Evaluation and saving run right after a step ends: that time was not training.
        Called after each of them; only the time not yet excluded is added."""
        now = time.perf_counter()
        self.pending += now - self.step_end_t
        self.step_end_t = now

    def tick(self, step: int, tokens: float) -> tuple[float, float]:
        now = time.perf_counter()
        rate = (tokens - self.last_tokens) / max(1e-9, now - self.last_t - self.pending)
        self.excluded += self.pending
        self.pending = 0.0
        self.last_t, self.last_tokens = now, tokens
        return now - self.t0 - self.excluded, rate


def _gpu_memory() -> dict[str, int]:
    """Peak and current allocated bytes on this process's CUDA device (no device sync); 0 on the CPU."""
    import torch

    if not torch.cuda.is_available() or not torch.cuda.is_initialized():
        return {"gpu_memory_bytes": 0, "gpu_allocated_bytes": 0}
    return {"gpu_memory_bytes": int(torch.cuda.max_memory_allocated()),
            "gpu_allocated_bytes": int(torch.cuda.memory_allocated())}
