"""Command line front. No arguments starts the GUI; subcommands drive the same Qt-free core.

Feature packages add subcommands through a `commands` module with `register(subparsers)`;
each subcommand sets `func(args) -> int`. A WorkbenchError anywhere becomes one line on
stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
import time

_T0 = time.perf_counter()  # process start, near enough, for --startup-time

from workbench.cli_util import add_model_args, load_from_args  # noqa: E402  (light; shared with commands modules)
from workbench.errors import WorkbenchError  # noqa: E402  (light: no torch)

# Feature packages that contribute subcommands (each a module with register(subparsers)).
FEATURE_COMMANDS = (
    "workbench.attention.commands",
    "workbench.training.commands",
    "workbench.export.commands",
    "workbench.evaluate.commands",
    "workbench.selftest",
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbench", description="Experiment with transformer language models.")
    p.add_argument("--startup-time", action="store_true",
                   help="start the GUI, print seconds from process start to the window shown, exit")
    p.add_argument("--model", help="model to open in the GUI (hub id, folder or builtin:NAME)")
    p.add_argument("--self-test", action="store_true",
                   help="check the installation end to end (built-ins, generation, attention, ONNX), then exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("models", help="list built-in, cached and recent models")
    s.set_defaults(func=cmd_models)

    s = sub.add_parser("info", help="show a model's info card (reads the config, not the weights)")
    s.add_argument("model")
    s.add_argument("--task", help="override the detected task")
    s.add_argument("--trust-remote-code", action="store_true")
    s.set_defaults(func=cmd_info)

    s = sub.add_parser("generate", help="generate text, streamed to stdout")
    s.add_argument("model")
    s.add_argument("--prompt", required=True)
    add_model_args(s)
    add_sampling_args(s)
    s.add_argument("--show-probs", action="store_true", help="print each token's probability")
    s.set_defaults(func=cmd_generate)

    s = sub.add_parser("classify", help="classify a text; prints label probabilities")
    s.add_argument("model")
    s.add_argument("text")
    add_model_args(s)
    s.set_defaults(func=cmd_classify)

    s = sub.add_parser("fill-mask", help="predict the [MASK] tokens in a text")
    s.add_argument("model")
    s.add_argument("text")
    s.add_argument("--top-k", type=int, default=5)
    add_model_args(s)
    s.set_defaults(func=cmd_fill_mask)

    s = sub.add_parser("tokenize", help="show how a model's tokenizer splits a text")
    s.add_argument("model")
    s.add_argument("text")
    s.set_defaults(func=cmd_tokenize)

    s = sub.add_parser("similarity", help="cosine similarity of two texts' embeddings")
    s.add_argument("model")
    s.add_argument("text_a")
    s.add_argument("text_b")
    add_model_args(s)
    s.set_defaults(func=cmd_similarity)

    _add_build_builtins(sub)

    for name in FEATURE_COMMANDS:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(sub)
    return p


def add_sampling_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--max-new-tokens", type=int, default=64)
    s.add_argument("--temperature", type=float, default=0.8)
    s.add_argument("--top-k", type=int, default=50)
    s.add_argument("--top-p", type=float, default=0.95)
    s.add_argument("--repetition-penalty", type=float, default=1.0)
    s.add_argument("--seed", type=int)
    s.add_argument("--greedy", action="store_true")


def sampling_from_args(args: argparse.Namespace):  # -> GenerationSettings
    from workbench.config import GenerationSettings

    return GenerationSettings(max_new_tokens=args.max_new_tokens, temperature=args.temperature,
                              top_k=args.top_k, top_p=args.top_p,
                              repetition_penalty=args.repetition_penalty, seed=args.seed,
                              greedy=args.greedy)


def cmd_models(args: argparse.Namespace) -> int:
    from workbench.models.library import builtin_entries, cached_entries, recent_entries

    for title, entries in (("Built-in", builtin_entries()), ("Recent", recent_entries()),
                           ("Hub cache", cached_entries())):
        print(f"{title}:")
        if not entries:
            print("  (none)")
        for e in entries:
            print(f"  {e.source:40s} {e.detail}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from workbench.models.loading import inspect_model

    info = inspect_model(args.model, args.task, args.trust_remote_code)
    for label, value in info.as_rows():
        print(f"{label + ':':18s} {value}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    settings = sampling_from_args(args)
    settings.validate()
    if not args.prompt.strip():
        raise WorkbenchError("The prompt is empty; give some text with --prompt")
    loaded = load_from_args(args)
    if loaded.task not in ("causal-lm", "seq2seq-lm"):
        raise WorkbenchError("{model} is a {task} model; `generate` needs a causal or seq2seq LM",
                             model=args.model, task=loaded.task)
    start, n = time.perf_counter(), 0
    if not loaded.is_encoder_decoder:
        sys.stdout.write(args.prompt)
    for tok in loaded.generate_stream(args.prompt, settings):
        n += 1
        sys.stdout.write(f"{tok.text}[{tok.prob:.2f}]" if args.show_probs else tok.text)
        sys.stdout.flush()
    secs = time.perf_counter() - start
    sys.stdout.write("\n")
    print(f"[{n} tokens in {secs:.2f} s, {n / max(secs, 1e-9):.1f} tokens/s, {loaded.describe()}]",
          file=sys.stderr)
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    result = load_from_args(args).classify(args.text)
    for label, p in sorted(zip(result.labels, result.probs), key=lambda x: -x[1]):
        print(f"{label:20s} {p:.4f}")
    if result.truncated_to:
        print(f"(input truncated to {result.truncated_to} tokens)", file=sys.stderr)
    return 0


def cmd_fill_mask(args: argparse.Namespace) -> int:
    for i, pred in enumerate(load_from_args(args).fill_mask(args.text, args.top_k)):
        print(f"mask {i + 1}: " + ", ".join(f"{t} ({p:.3f})" for t, p in pred.candidates))
    return 0


def cmd_tokenize(args: argparse.Namespace) -> int:
    from workbench.models.loading import load_tokenizer, model_folder
    from workbench.predict import tokenize

    spans = tokenize(load_tokenizer(model_folder(args.model)), args.text)
    for s in spans:  # the label (text, or '注(1/3)' for a byte piece), then the raw piece and its bytes
        print(f"{s.id:8d}  {s.label!r:16s} {s.hover}")
    print(f"{len(spans)} tokens, {len(args.text)} characters")
    return 0


def cmd_similarity(args: argparse.Namespace) -> int:
    print(f"{load_from_args(args).similarity(args.text_a, args.text_b):.4f}")
    return 0


def _add_build_builtins(sub: argparse._SubParsersAction) -> None:
    """`workbench build-builtins`: the builder's own command line (= `python -m workbench.builtins`)."""
    from workbench.builtins.cli import DESCRIPTION, add_arguments

    s = sub.add_parser("build-builtins", help="rebuild the built-in models from the generated corpus",
                       description=DESCRIPTION)
    add_arguments(s)
    s.set_defaults(func=cmd_build_builtins)


def cmd_build_builtins(args: argparse.Namespace) -> int:
    from workbench.builtins.cli import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Library chatter (tqdm bars, config warnings) would bury the one-line errors and the output.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if args.command is None and args.self_test:
        from workbench.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130


def display_problem() -> str | None:
    """Why no GUI can start here (no display), or None when one can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return ("no display available (DISPLAY and WAYLAND_DISPLAY are unset); run the GUI under a "
                "virtual display with `xvfb-run -a workbench`, or use the CLI (`workbench --help`)")
    return None


def run_gui(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(f"workbench: error: {problem}", file=sys.stderr)
        return 2
    from workbench.app import run_app

    return run_app(model=args.model, startup_time=args.startup_time, t0=_T0)
