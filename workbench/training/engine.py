"""run_training(config, notify=, control=): the one training engine behind the GUI, CLI and torchrun.

Data is validated first (bad data never leaves an empty run folder), then the run folder is made,
the Hugging Face Trainer runs with WorkbenchCallback, and the final model is saved. Failures during
training (NaN loss, CUDA out of memory, anything unexpected) are reported as a TrainingFailed
event and status.json, then raised as TrainingError so the caller can show the one sentence.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.control import Control
from workbench.errors import InputError, WorkbenchError
from workbench.training.config import TrainConfig
from workbench.training.events import Notify, RunStarted, TrainingFailed, TrainingFinished, event_record
from workbench.training.runs import RunFolder, new_run_dir, runs_root


class TrainingError(WorkbenchError):
    """Training started but could not finish (the message says why and what to try)."""


@dataclass(frozen=True)
class RunResult:
    run_dir: str
    state: str  # "finished" or "stopped"
    step: int
    model_dir: str
    train_loss: float
    eval_loss: float
    metrics: dict[str, float] = field(default_factory=dict)


def run_training(cfg: TrainConfig, *, notify: Notify | None = None, control: Control | None = None,
                 resume: bool = False) -> RunResult:
    """Train as `cfg` says. resume=True continues cfg.run_dir from its newest checkpoint."""
    from workbench.imports import import_training_stack
    from workbench.training.data import load_raw

    import_training_stack()  # the GUI may be importing it on another thread (see workbench/imports.py)
    notify = notify or (lambda _event: None)
    control = control or Control()
    cfg.validate()
    rank, world = _distributed()
    raw = load_raw(cfg.data, cfg.task)  # raises InputError naming the file and line
    fresh = not cfg.run_dir
    run = _open_run(cfg, resume, rank, world)
    session = _Session(cfg, run, raw, notify, control, rank, world)
    try:
        return session.execute(resume)
    except WorkbenchError as exc:
        # A setup error (model, tokenizer, fewer examples than a batch) before any step: the new
        # folder holds nothing worth keeping, so it does not clutter the runs list.
        if fresh and rank == 0 and not isinstance(exc, TrainingError) and not run.checkpoints():
            shutil.rmtree(run.path, ignore_errors=True)
        raise


def resume_run(run_dir: str | Path, *, notify: Notify | None = None, control: Control | None = None,
               max_steps: int | None = None, batch_size: int | None = None,
               grad_accum: int | None = None) -> RunResult:
    """Continue an interrupted, stopped or failed run from its newest checkpoint (same step,
    optimizer, data order), or from step 0 when it failed before its first checkpoint. max_steps
    moves the end of the run (the schedule then follows the new end); batch_size and grad_accum
    change how a step's batch is split (after running out of GPU memory: a smaller batch size
    with more accumulation keeps the same effective batch)."""
    run = RunFolder(run_dir)
    if not run.config_path.exists():
        raise InputError("{run_dir} is not a run folder (it has no config.json)", run_dir=run_dir)
    cfg = TrainConfig.load(run.config_path)
    cfg.run_dir = str(run.path)
    changes = {k: v for k, v in (("max_steps", max_steps), ("batch_size", batch_size), ("grad_accum", grad_accum))
               if v is not None and v != getattr(cfg, k)}
    if changes:
        for key, value in changes.items():
            setattr(cfg, key, value)
        if int(os.environ.get("RANK", "0")) == 0:  # config.json keeps describing the run
            saved = TrainConfig.from_dict(cfg.to_dict())
            saved.run_dir = ""
            saved.save(run.config_path)
    return run_training(cfg, notify=notify, control=control, resume=True)


class _Session:
    """One call of run_training: builds the pieces, runs the Trainer, reports the outcome."""

    def __init__(self, cfg: TrainConfig, run: RunFolder, raw: Any, notify: Notify, control: Control,
                 rank: int, world: int) -> None:
        self.cfg, self.run, self.raw, self.notify, self.control = cfg, run, raw, notify, control
        self.rank, self.world, self.is_main = rank, world, rank == 0
        self.step, self.total = 0, 0

    def execute(self, resume: bool) -> RunResult:
        from transformers import set_seed

        from workbench.training.encode import prepare_data
        from workbench.training.modelling import build_model, count_parameters

        cfg = self.cfg
        _quiet()
        if cfg.cpu_threads > 0:
            import torch

            torch.set_num_threads(cfg.cpu_threads)
        set_seed(cfg.seed)  # the new head / fresh weights are the same for the same config
        tokenizer = self._tokenizer()
        model = build_model(cfg, tokenizer, self.raw.label_names)
        data = prepare_data(cfg, tokenizer, self.raw, _block_size(cfg, model), self.control)
        checkpoint = self._checkpoint(resume)
        trainer, callback = self._trainer(model, tokenizer, data)
        params = count_parameters(model)
        callback.started = _started_event(self.run, cfg, data, params, trainer, self.world)
        callback.tokens_per_step = data.train_tokens / max(1, data.train_examples) * cfg.batch_size \
            * cfg.grad_accum * self.world
        # MFU counts the whole model's FLOPs (LoRA still runs every matmul forward and backward) over
        # the peak of all the run's GPUs (tokens_per_step is the world's).
        callback.parameters = params[0]
        callback.peak_flops = callback.started["peak_flops"] * self.world
        if self.is_main:  # only the main process generates (and reports) at each evaluation
            callback.generation = _generation_plan(cfg, tokenizer, data)
        _reset_gpu_peak(trainer)
        self._status("running")
        started = time.perf_counter()
        try:
            trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
        except BaseException as exc:  # noqa: BLE001 - reported, then re-raised
            self.step = trainer.state.global_step
            raise self._failed(_explain(exc, cfg, self.run.path)) from exc
        self.step, self.total = trainer.state.global_step, trainer.state.max_steps
        if callback.failure is not None:
            raise self._failed(callback.failure)
        return self._finish(trainer, callback, tokenizer, data, time.perf_counter() - started)

    # -- pieces -------------------------------------------------------------------------------------
    def _tokenizer(self) -> Any:
        from workbench.training.modelling import load_tokenizer_for

        if self.cfg.scratch is None:
            return load_tokenizer_for(self.cfg)
        from transformers import AutoTokenizer

        from workbench.training.scratch import scratch_tokenizer

        folder = self.run.tokenizer_dir
        if self.is_main and not (folder / "tokenizer.json").exists():  # trained once per run, kept
            scratch_tokenizer(self.raw.dataset, self.cfg.task, self.cfg.scratch).save_pretrained(folder)
        _barrier(self.world)
        return AutoTokenizer.from_pretrained(folder)

    def _checkpoint(self, resume: bool) -> Path | None:
        checkpoint = self.run.latest_checkpoint() if resume else None
        if checkpoint is not None and self.is_main:  # forget what was logged after that checkpoint
            step = int(checkpoint.name.split("-")[-1])
            self.run.truncate_after(step)
            for snap in self.run.attention_dir.glob("step-*.npz") if self.run.attention_dir.exists() else []:
                if int(snap.stem.split("-")[1]) > step:
                    snap.unlink()
        return checkpoint

    def _trainer(self, model: Any, tokenizer: Any, data: Any) -> tuple[Any, Any]:
        from transformers import PrinterCallback, Trainer

        from workbench.training.arguments import training_arguments
        from workbench.training.callback import WorkbenchCallback
        from workbench.training.metrics import classification_metrics

        args = training_arguments(self.cfg, self.run.path, has_eval=data.eval is not None,
                                  total_steps=_total_steps(self.cfg, data.train_examples, self.world))
        callback = WorkbenchCallback(self.run, self.notify, self.control, tokenizer, self.cfg.probe_text,
                                     is_main=self.is_main, world_size=self.world)
        callbacks: list[Any] = [callback]
        if self.is_main:
            callbacks.append(_tensorboard(self.run))
        trainer = Trainer(model=model, args=args, train_dataset=data.train, eval_dataset=data.eval,
                          data_collator=data.collator, processing_class=tokenizer, callbacks=callbacks,
                          compute_metrics=classification_metrics if self.cfg.task == "sequence-classification" else None)
        trainer.remove_callback(PrinterCallback)  # progress is ours to report (events, CLI lines)
        return trainer, callback

    # -- outcomes -------------------------------------------------------------------------------------
    def _finish(self, trainer: Any, callback: Any, tokenizer: Any, data: Any, seconds: float) -> RunResult:
        from workbench.training.modelling import save_final

        stopped = callback.stopped
        if not stopped and data.eval is not None and callback.last_eval_step != self.step:
            trainer.evaluate()  # the final numbers are always for the final weights
        model_dir = self.run.model_dir
        if stopped:
            model_dir = self.run.latest_checkpoint() or self.run.path
        elif self.is_main:
            save_final(trainer.model, tokenizer, self.run.model_dir, self.run.path / "adapter")
        _barrier(self.world)
        ev = callback.last_eval
        result = RunResult(str(self.run.path), "stopped" if stopped else "finished", self.step, str(model_dir),
                           callback.last_loss, ev.get("eval_loss", math.nan),
                           {k: v for k, v in ev.items() if k != "eval_loss"})
        self._status(result.state)
        self._emit(TrainingFinished(result.run_dir, self.step, stopped, result.model_dir, result.train_loss,
                                    result.eval_loss, dict(result.metrics), seconds))
        return result

    def _failed(self, error: WorkbenchError) -> TrainingError:
        message, checkpoint = str(error), self.run.latest_checkpoint()
        self._status("failed", message)
        self._emit(TrainingFailed(str(self.run.path), self.step, message, str(checkpoint or "")))
        return _training_error(error)

    def _status(self, state: str, message: str = "") -> None:
        if self.is_main:
            self.run.write_status(state, self.step, self.total, message, world_size=self.world,
                                  backend=_backend())

    def _emit(self, event: Any) -> None:
        if not self.is_main:
            return
        record = event_record(event)
        if record is not None:
            self.run.append(record)
        self.notify(event)


def _quiet() -> None:
    """No tqdm bars from transformers/datasets (shard writing, map): progress comes as events."""
    import datasets
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    datasets.disable_progress_bars()


def _started_event(run: RunFolder, cfg: TrainConfig, data: Any, params: tuple[int, int], trainer: Any,
                   world: int) -> dict[str, Any]:
    """RunStarted's fields except the step numbers, which the callback fills in at on_train_begin."""
    from workbench.training.arguments import precision_name
    from workbench.training.flops import device_peak

    device = trainer.args.device
    cuda = device.type == "cuda"
    name = _device_name(device) if cuda else ""
    precision = precision_name(cfg, cuda)
    peak, source = device_peak(name, precision)
    return dict(run_dir=str(run.path), task=cfg.task, num_parameters=params[0], trainable_parameters=params[1],
                train_examples=data.train_examples, eval_examples=data.eval_examples,
                train_tokens=data.train_tokens, device=str(device), world_size=world, device_name=name,
                precision=precision, peak_flops=peak, peak_source=source)


def _generation_plan(cfg: TrainConfig, tokenizer: Any, data: Any) -> Any:
    """A seq2seq run's generation at each evaluation (gen_eval), None for other tasks or when off."""
    from workbench.training.gen_eval import plan_generation

    if cfg.task != "seq2seq" or not data.eval_pairs:
        return None
    return plan_generation(tokenizer, data.eval_pairs, cfg.eval_samples, cfg.eval_generate, data.block_size)


def _device_name(device: Any) -> str:
    import torch

    return torch.cuda.get_device_name(device)


def _reset_gpu_peak(trainer: Any) -> None:
    """StepLogged's peak GPU memory is this run's, not an earlier run's in the same process."""
    import torch

    if trainer.args.device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(trainer.args.device)


def _total_steps(cfg: TrainConfig, examples: int, world: int) -> int:
    """Optimizer steps of the run, as the Trainer will count them (for schedule shapes)."""
    if cfg.max_steps > 0:
        return cfg.max_steps
    batches = math.ceil(examples / (cfg.batch_size * world))
    return max(1, math.ceil(batches / cfg.grad_accum * cfg.epochs))


def _block_size(cfg: TrainConfig, model: Any) -> int:
    """Examples are cut at max_length, and never beyond what the model's positions allow."""
    limit = cfg.scratch.context_length if cfg.scratch else _context_length(model)
    return min(cfg.data.max_length, limit) if limit else cfg.data.max_length


def _context_length(model: Any) -> int | None:
    config = getattr(model, "config", None)
    for name in ("n_positions", "max_position_embeddings"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return None


def _open_run(cfg: TrainConfig, resume: bool, rank: int, world: int) -> RunFolder:
    """The run folder: cfg.run_dir, or a new one chosen by rank 0 and shared with the others."""
    if cfg.run_dir:
        path = Path(cfg.run_dir).expanduser()
        if not resume and rank == 0 and (path / "metrics.jsonl").exists():
            raise InputError("{path} already holds a run; resume it or choose a new run folder", path=path)
        path.mkdir(parents=True, exist_ok=True)
    else:
        name = cfg.name or ("scratch-" + cfg.scratch.architecture if cfg.scratch else Path(cfg.model).name or cfg.task)
        path = new_run_dir(runs_root(cfg.output_root), name) if rank == 0 else None
        path = Path(_broadcast(str(path) if path else "", world))
    run = RunFolder(path)
    if rank == 0 and not (resume and run.config_path.exists()):
        saved = TrainConfig.from_dict(cfg.to_dict())
        saved.run_dir = ""  # the config reproduces the run; the folder is where this copy ran
        saved.save(run.config_path)
    return run


def _tensorboard(run: RunFolder) -> Any:
    from torch.utils.tensorboard import SummaryWriter
    from transformers.integrations import TensorBoardCallback

    return TensorBoardCallback(tb_writer=SummaryWriter(log_dir=str(run.tensorboard_dir)))


def _explain(exc: BaseException, cfg: TrainConfig, run_dir: Path) -> WorkbenchError:
    import torch

    if isinstance(exc, torch.OutOfMemoryError) or "out of memory" in str(exc).lower():
        half = max(1, cfg.batch_size // 2)
        accum = cfg.grad_accum * cfg.batch_size // half
        return TrainingError("The GPU ran out of memory with batch size {batch_size}; resume at batch size {half} "
                             "with gradient accumulation {accum} (the same effective batch): `workbench train "
                             "--resume {run_dir} --batch-size {half} --grad-accum {accum}`, or use gradient "
                             "checkpointing, a shorter maximum sequence length, or LoRA",
                             batch_size=cfg.batch_size, half=half, accum=accum, run_dir=run_dir)
    if isinstance(exc, KeyboardInterrupt):
        return TrainingError("Training was interrupted; resume it from its last checkpoint")
    if isinstance(exc, WorkbenchError):
        return exc
    return TrainingError("Unexpected error during training: {kind}: {detail}", kind=type(exc).__name__,
                         detail=str(exc).splitlines()[0][:300] if str(exc) else "")


def _training_error(error: WorkbenchError) -> TrainingError:
    """A TrainingError that says what `error` says: the same template and fields (for the GUI's
    translation) and the same English text."""
    out = TrainingError()
    out.template, out.fields, out.args = error.template, dict(error.fields), error.args
    return out


# -- distributed (torchrun) ------------------------------------------------------------------------------
def _distributed() -> tuple[int, int]:
    """(rank, world size); under torchrun the process group is started here (NCCL on GPUs, else gloo)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return 0, 1
    import torch
    import torch.distributed as dist

    if not dist.is_initialized():
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        if backend == "nccl":
            torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", "0")))
        dist.init_process_group(backend=backend)
    return dist.get_rank(), dist.get_world_size()


def _backend() -> str:
    """The process group's backend ("nccl", "gloo"), "" when there is none. accelerate starts one
    itself under torchrun even for one process, so this is what a run actually used."""
    import torch.distributed as dist

    return str(dist.get_backend()) if dist.is_available() and dist.is_initialized() else ""


def _broadcast(value: str, world: int) -> str:
    if world <= 1:
        return value
    import torch.distributed as dist

    box = [value]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def _barrier(world: int) -> None:
    if world > 1:
        import torch.distributed as dist

        dist.barrier()
