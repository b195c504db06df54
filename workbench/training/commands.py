"""`workbench train`: the training engine headless, one progress line per log step.

  workbench train --config run.json                 train (also under torchrun, unchanged)
  workbench train --example tiny-stories-scratch    a ready-made example (--write-config PATH saves it)
  workbench train --resume RUN_FOLDER               continue from the newest checkpoint
  workbench train --list                            earlier runs and their state
  workbench train --config run.json --launch 4      print the torchrun command for 4 GPUs (+ --nodes, --slurm)

A new run is refused before it starts when its memory estimate (weights, gradients, AdamW state and
activations) exceeds the memory available (RAM on the CPU, the GPU's free memory on CUDA); the
message says what would fit. --ignore-memory-check starts it anyway.

Ctrl-C (or SIGTERM, e.g. a cluster pre-empting the job) stops after the current step and saves a
checkpoint; a second Ctrl-C aborts at once.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.training.examples import EXAMPLES


def register(subparsers: Any) -> None:
    s = subparsers.add_parser("train", help="fine-tune or train a model from a run config (JSON)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("--config", help="a TrainConfig JSON file (the GUI's 'Save config' writes one)")
    s.add_argument("--example", help="train a ready-made example config: " + ", ".join(EXAMPLES))
    s.add_argument("--write-config", metavar="PATH", help="write the config (e.g. an --example) to PATH and exit")
    s.add_argument("--resume", metavar="RUN_FOLDER", help="continue a stopped or interrupted run")
    s.add_argument("--list", action="store_true", help="list earlier runs")
    s.add_argument("--run-dir", help="write to exactly this run folder (torchrun across nodes)")
    s.add_argument("--output-root", help="make the run folder under this folder")
    s.add_argument("--max-steps", type=int, help="override the config's max_steps")
    s.add_argument("--device", help="override the config's device (auto, cpu, cuda)")
    s.add_argument("--batch-size", type=int, help="override the batch size per device (also on --resume, e.g. "
                                                  "after running out of GPU memory)")
    s.add_argument("--grad-accum", type=int, help="override the gradient accumulation steps (also on --resume)")
    s.add_argument("--threads", type=int, help="CPU threads for PyTorch (default: all cores)")
    s.add_argument("--ignore-memory-check", action="store_true", help="start even when the memory estimate says "
                   "the run will not fit (the estimate can be wrong)")
    s.add_argument("--launch", type=int, metavar="GPUS", help="print the torchrun command for this many "
                   "processes per node instead of training")
    s.add_argument("--nodes", type=int, default=1, help="with --launch: number of nodes")
    s.add_argument("--slurm", action="store_true", help="with --launch: print a Slurm batch script")
    s.set_defaults(func=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    if args.list:
        return _list_runs(args.output_root)
    if args.launch:
        return _print_launch(args)
    if args.write_config:
        load_config(args).save(Path(args.write_config))
        print(f"wrote {args.write_config}")
        return 0
    from workbench.control import Control
    from workbench.training.engine import resume_run, run_training

    control = Control()
    _stop_on_signals(control)
    printer = ProgressPrinter()
    if args.resume:
        result = resume_run(args.resume, notify=printer, control=control, max_steps=args.max_steps,
                            batch_size=args.batch_size, grad_accum=args.grad_accum)
    elif args.config or args.example:
        cfg = load_config(args)
        if not args.ignore_memory_check:
            check_memory(cfg)
        result = run_training(cfg, notify=printer, control=control)
    else:
        raise InputError("Give a run config with --config run.json (or --example NAME), or --resume RUN_FOLDER")
    return 0 if result.state in ("finished", "stopped") else 1


def load_config(args: argparse.Namespace) -> Any:
    """The config file with the command line's overrides; a relative data path is read relative
    to the config file (so a config and its data can move together to another machine)."""
    from workbench.training.config import BUILTIN_DATA, TrainConfig
    from workbench.training.examples import example

    if args.example:
        cfg, path = example(args.example), Path.cwd() / "example.json"
    else:
        path = Path(args.config)
        cfg = TrainConfig.load(path)
    for field in ("path", "eval_path"):
        value = getattr(cfg.data, field)
        if value and value not in BUILTIN_DATA and not Path(value).exists() and (path.parent / value).exists():
            setattr(cfg.data, field, str(path.parent / value))
    for name, attr in (("run_dir", "run_dir"), ("output_root", "output_root"), ("max_steps", "max_steps"),
                       ("device", "device"), ("threads", "cpu_threads"), ("batch_size", "batch_size"),
                       ("grad_accum", "grad_accum")):
        value = getattr(args, name)
        if value is not None:
            setattr(cfg, attr, value)
    return cfg


def check_memory(cfg: Any) -> None:
    """Raise InputError with the estimate's advice when the run will not fit where it trains."""
    from workbench.training.memory_check import check_training_memory

    advice = check_training_memory(cfg)
    if advice:
        raise InputError("{advice}; --ignore-memory-check starts it anyway.", advice=advice.rstrip("."))


def _stop_on_signals(control: Any) -> None:
    def stop(signum: int, _frame: Any) -> None:
        if control.cancelled:  # second time: the user means it
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        print("workbench: stopping after this step and saving a checkpoint (Ctrl-C again to abort)",
              file=sys.stderr, flush=True)
        control.cancel()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


class ProgressPrinter:
    """Turns events into lines on stdout (only the main process gets events under torchrun)."""

    def __call__(self, event: Any) -> None:
        line = self.format(event)
        if line:
            print(line, flush=True)

    @staticmethod
    def format(e: Any) -> str:
        name = type(e).__name__
        if name == "RunStarted":
            where = f"{e.device}" + (f" x {e.world_size} processes" if e.world_size > 1 else "")
            resumed = f", resuming at step {e.start_step}" if e.start_step else ""
            return (f"run {e.run_dir}\n{e.task} on {where}: {e.num_parameters:,} parameters "
                    f"({e.trainable_parameters:,} trained), {e.train_examples:,} training examples "
                    f"({e.train_tokens:,} tokens), {e.eval_examples:,} eval, {e.total_steps} steps{resumed}")
        if name == "StepLogged":
            grad = f"  grad {e.grad_norm:.3f}" if math.isfinite(e.grad_norm) else ""
            return (f"step {e.step:>6}  epoch {e.epoch:5.2f}  loss {e.loss:.4f}  lr {e.learning_rate:.2e}{grad}"
                    f"  {e.tokens_per_second:,.0f} tok/s  {_clock(e.elapsed_s)} elapsed, {_clock(e.eta_s)} left")
        if name == "EvalLogged":
            from workbench.training.metrics import format_metrics

            return f"eval   {e.step:>6}  loss {e.eval_loss:.4f}  {format_metrics(e.metrics)}"
        if name == "CheckpointSaved":
            return f"saved  {e.path}"
        if name == "TrainingFinished":
            what = "stopped; resume with `workbench train --resume " + e.run_dir + "`" if e.stopped else "finished"
            return f"{what} at step {e.step} in {_clock(e.seconds)}; model: {e.model_dir}"
        if name == "TrainingFailed":
            hint = f"; last checkpoint: {e.checkpoint}" if e.checkpoint else ""
            return f"failed at step {e.step}{hint}"
        return ""


def _clock(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "?"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def _list_runs(output_root: str | None) -> int:
    from workbench.training.runs import list_runs, runs_root

    runs = list_runs(runs_root(output_root or ""))
    if not runs:
        print(f"no runs in {runs_root(output_root or '')}")
    for r in runs:
        loss = f"loss {r.last_loss:.4f}" if math.isfinite(r.last_loss) else ""
        print(f"{r.name:44s} {r.task:24s} {r.state:12s} step {r.step}/{r.total_steps}  {loss}")
    return 0


def _print_launch(args: argparse.Namespace) -> int:
    from workbench.training.launch import slurm_script, torchrun_command

    if not args.config:
        raise InputError("--launch needs --config run.json")
    if args.slurm:
        print(slurm_script(args.config, args.launch, args.nodes, run_dir=args.run_dir or ""), end="")
    else:
        print(torchrun_command(args.config, args.launch, args.nodes, run_dir=args.run_dir or ""))
    return 0
