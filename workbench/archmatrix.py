"""The architecture matrix: every architecture of models/zoo.py through every feature of its task.

    python -m workbench.archmatrix docs/architectures.md          # all of them (a few minutes)
    python -m workbench.archmatrix - --only gpt2,bert              # some, printed

Each cell runs the product's own code path on a tiny random model and checks its answer against
plain transformers (PyTorch): generation against `generate`, fill-mask and classification
against the model's logits, attention maps against `output_attentions` of an eager model, the
ONNX export through its parity check, ONNX Runtime's answers against PyTorch's. A cell is ✓, or
✗ with the one-line refusal the user would see; an unexpected exception is ✗ "unexpected ..."
(the matrix test fails on those: a refusal must be a WorkbenchError with a sentence, never a
traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection

import numpy as np

from workbench.errors import WorkbenchError
from workbench.hf_compat import forward_inputs
from workbench.models.zoo import ARCHS, BY_NAME, TASKS_BY_KIND, Arch, build_tiny

if TYPE_CHECKING:
    from workbench.models.spec import LoadedModel


COLUMNS = ("info", "load", "generate", "fill-mask", "classify", "summarize", "attention", "train step",
           "ONNX export", "ONNX Runtime")
# Which columns apply to each kind of model.
APPLIES = {
    "decoder": {"info", "load", "generate", "attention", "train step", "ONNX export", "ONNX Runtime"},
    "encoder": {"info", "load", "fill-mask", "classify", "attention", "train step", "ONNX export", "ONNX Runtime"},
    "seq2seq": {"info", "load", "summarize", "attention", "ONNX export", "ONNX Runtime"},
}
NOT_APPLICABLE = {"seq2seq": {"train step": "Workbench trains causal LMs, chat and classifiers"}}
TEXT = "the quick brown fox jumps over the lazy dog"
ATTENTION_TOLERANCE = 1e-5


class CheckFailed(WorkbenchError):
    """A feature ran but its answer differs from plain transformers'."""


@dataclass
class Cell:
    ok: bool
    message: str = ""
    unexpected: bool = False  # an exception that is not a WorkbenchError (a bug, not a refusal)


def _run_cell(fn: Callable[[], None]) -> Cell:
    try:
        fn()
        return Cell(True)
    except WorkbenchError as exc:
        return Cell(False, _one_line(str(exc)))
    except Exception as exc:  # recorded, and the matrix test fails on it
        return Cell(False, f"unexpected {type(exc).__name__}: {_one_line(str(exc))}", unexpected=True)


def _one_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:160]


class _Row:
    """The models and answers one architecture's cells share (built once, reused by later cells)."""

    def __init__(self, arch: Arch, work: Path) -> None:
        self.arch, self.work = arch, work
        self.folders = {t: build_tiny(arch.name, t, work / t) for t in TASKS_BY_KIND[arch.kind]}
        self.loaded: dict[str, Any] = {}
        self.answers: dict[str, Any] = {}  # PyTorch answers the ONNX Runtime cell compares with
        self.exports: dict[str, Path] = {}

    def model(self, task: str) -> Any:
        if task not in self.loaded:
            from workbench.models.loading import load_model
            from workbench.models.spec import ModelSpec

            self.loaded[task] = load_model(ModelSpec(str(self.folders[task]), device="cpu"))
        return self.loaded[task]

    # -- cells --------------------------------------------------------------------------------
    def info(self) -> None:
        from workbench.models.loading import inspect_model

        for task, folder in self.folders.items():
            info = inspect_model(str(folder))
            if info.task != task:
                raise CheckFailed("detected task {detected}, not {task}", detected=info.task, task=task)
            if info.model_type != self.arch.name:
                raise CheckFailed("model type {model_type}", model_type=info.model_type)
            if not (info.num_layers == 2 and bool(info.num_heads)):
                raise CheckFailed("layers/heads not read from the config")

    def load(self) -> None:
        for task in self.folders:
            loaded = self.model(task)
            if not (loaded.task == task and loaded.info.num_parameters > 0):
                raise CheckFailed("loaded as {task}", task=loaded.task)

    def generate(self) -> None:
        self.answers["generate"] = _greedy_matches_generate(self.model("causal-lm"), TEXT)

    def summarize(self) -> None:
        self.answers["summarize"] = _greedy_matches_generate(self.model("seq2seq-lm"), TEXT)

    def fill_mask(self) -> None:
        import torch

        from workbench.predict import fill_mask

        loaded = self.model("masked-lm")
        tok = loaded.tokenizer
        text = f"the quick brown {tok.mask_token} jumps over the lazy dog"
        preds = fill_mask(loaded, text, top_k=3)
        enc = tok(text, return_tensors="pt")
        with torch.inference_mode():
            logits = loaded.model(**forward_inputs(loaded.model, enc)).logits[0]
        pos = int((enc["input_ids"][0] == tok.mask_token_id).nonzero()[0])
        want = tok.decode([int(logits[pos].argmax())]).strip()
        if not (len(preds) == 1 and preds[0].candidates[0][0] == want):
            raise CheckFailed("top prediction {top!r}, transformers says {want!r}",
                              top=preds[0].candidates[0][0], want=want)
        self.answers["fill-mask"] = (text, want)

    def classify(self) -> None:
        import torch

        from workbench.predict import classify

        loaded = self.model("sequence-classification")
        got = classify(loaded, TEXT)
        enc = loaded.tokenizer(TEXT, return_tensors="pt")
        with torch.inference_mode():
            want = torch.softmax(loaded.model(**forward_inputs(loaded.model, enc)).logits[0], -1).numpy()
        if not np.allclose(got.probs, want, atol=1e-6):
            raise CheckFailed("probabilities {got} != {want}", got=got.probs, want=want)
        self.answers["classify"] = want

    def attention(self) -> None:
        for task in self.folders:
            _attention_matches_eager(self.model(task), self.folders[task])

    def train_step(self) -> None:
        task = "causal-lm" if self.arch.kind == "decoder" else "sequence-classification"
        _one_training_step(self.folders[task], task, self.work / "runs")

    def onnx_export(self) -> None:
        from workbench.export.options import ExportOptions
        from workbench.export.pipeline import export_model

        for task, folder in self.folders.items():
            out = self.work / f"onnx-{task}"
            export_model(str(folder), out, ExportOptions(greedy_tokens=8, overwrite=True))
            self.exports[task] = out

    def onnx_runtime(self) -> None:
        if not self.exports:
            raise CheckFailed("there is no export to run (the export failed)")
        for task, folder in self.exports.items():
            _onnx_answers_match(task, folder, self.answers)


CELLS: dict[str, Callable[[_Row], None]] = {
    "info": _Row.info, "load": _Row.load, "generate": _Row.generate, "fill-mask": _Row.fill_mask,
    "classify": _Row.classify, "summarize": _Row.summarize, "attention": _Row.attention,
    "train step": _Row.train_step, "ONNX export": _Row.onnx_export, "ONNX Runtime": _Row.onnx_runtime,
}


def _greedy_matches_generate(loaded: LoadedModel, prompt: str) -> str:
    """Workbench's streamed greedy generation must give generate()'s tokens; returns the text."""
    import torch

    from workbench.config import GenerationSettings
    from workbench.generation.stream import encode_prompt, generate_text

    result = generate_text(loaded, prompt, GenerationSettings(max_new_tokens=8, greedy=True, alternatives=0))
    ids = encode_prompt(loaded, prompt)
    with torch.inference_mode():
        out = loaded.model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=8, do_sample=False)
    want = out[0, 1:] if loaded.is_encoder_decoder else out[0, ids.shape[1]:]  # drop the decoder start
    got = [t.token_id for t in result.tokens]
    if not (got == want.tolist()[:len(got)] and len(got) > 0):
        raise CheckFailed("tokens {got} != generate's {want}", got=got, want=want.tolist())
    return result.text


def _attention_matches_eager(loaded: LoadedModel, folder: Path) -> None:
    """Workbench's maps (from the SDPA-loaded model) equal output_attentions of an eager load."""
    import torch

    from workbench.attention.maps import extract_attention
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    maps = extract_attention(loaded, TEXT)
    eager = load_model(ModelSpec(str(folder), device="cpu", attn_implementation="eager")).model
    ids = torch.tensor([list(maps.token_ids)])
    with torch.inference_mode():
        if loaded.is_encoder_decoder:
            dec = torch.tensor([_greedy_ids(loaded, list(maps.token_ids))])  # what the maps were made on
            out = eager(input_ids=ids, decoder_input_ids=dec, output_attentions=True)
            want = {"encoder": out.encoder_attentions, "decoder": out.decoder_attentions, "cross": out.cross_attentions}
        else:
            want = {"self": eager(input_ids=ids, output_attentions=True).attentions}
    for kind, layers in want.items():
        ref = np.stack([a[0].numpy() for a in layers])
        got = maps.sets[kind].weights
        if got.shape != ref.shape:
            raise CheckFailed("{kind} maps have shape {got}, output_attentions {want}",
                              kind=kind, got=got.shape, want=ref.shape)
        diff = float(np.abs(got - ref).max())
        if not diff <= ATTENTION_TOLERANCE:
            raise CheckFailed("{kind} maps differ from output_attentions by {diff:.2g}", kind=kind, diff=diff)


def _greedy_ids(loaded: LoadedModel, ids: list[int]) -> list[int]:
    """The decoder side extract_attention uses when no target is given: 20 greedy tokens."""
    import torch

    with torch.inference_mode():
        return loaded.model.generate(input_ids=torch.tensor([ids]), max_new_tokens=20, do_sample=False)[0].tolist()


def _one_training_step(folder: Path, task: str, runs: Path) -> None:
    from workbench.training.config import DataConfig, TrainConfig
    from workbench.training.engine import run_training

    runs.mkdir(parents=True, exist_ok=True)
    if task == "causal-lm":
        data = runs / "text.txt"
        data.write_text("\n".join([TEXT] * 16) + "\n")
    else:
        data = runs / "labels.csv"
        data.write_text("text,label\n" + "".join(f"{TEXT} {i},{('negative', 'positive')[i % 2]}\n" for i in range(16)))
    cfg = TrainConfig(task=task, model=str(folder), data=DataConfig(path=str(data), max_length=16, eval_fraction=0.25),
                      max_steps=1, batch_size=2, eval_steps=0, save_steps=0, logging_steps=1, output_root=str(runs),
                      device="cpu")
    result = run_training(cfg)
    if not (result.step == 1 and np.isfinite(result.train_loss)):
        raise CheckFailed("stopped at step {step}, loss {loss}", step=result.step, loss=result.train_loss)


def _onnx_answers_match(task: str, folder: Path, answers: dict[str, Any]) -> None:
    """The export opened on ONNX Runtime gives PyTorch's answers."""
    from workbench.config import GenerationSettings
    from workbench.inference import tasks
    from workbench.inference.generate import generate_text
    from workbench.inference.onnx_model import open_onnx

    model = open_onnx(folder, device="cpu")
    if task in ("causal-lm", "seq2seq-lm"):
        key = "generate" if task == "causal-lm" else "summarize"
        got = generate_text(model, TEXT, GenerationSettings(max_new_tokens=8, greedy=True, alternatives=0)).text
        if not (key not in answers or got == answers[key]):
            raise CheckFailed("ONNX Runtime wrote {got!r}, PyTorch {want!r}", got=got, want=answers.get(key))
    elif task == "masked-lm":
        text, want = answers.get("fill-mask", (TEXT.replace("fox", model.tokenizer.mask_token), None))
        top = tasks.fill_mask(model, text, top_k=1)[0].candidates[0][0]
        if not (want is None or top == want):
            raise CheckFailed("ONNX Runtime predicts {top!r}, PyTorch {want!r}", top=top, want=want)
    else:
        probs = np.array(tasks.classify(model, TEXT).probs)
        want = answers.get("classify")
        if not (want is None or np.allclose(probs, want, atol=1e-4)):
            raise CheckFailed("ONNX Runtime {got} != PyTorch {want}", got=probs, want=want)


# -- the table ------------------------------------------------------------------------------------

ONNX_COLUMNS = frozenset({"ONNX export", "ONNX Runtime"})


def run_row(arch: Arch, work: Path, onnx: bool = True) -> dict[str, Cell]:
    """Every applicable cell of one architecture, in column order (later cells reuse earlier work);
    onnx=False leaves out the two ONNX cells (the export is about 80% of a row's time)."""
    columns = [c for c in COLUMNS if c in APPLIES[arch.kind] and (onnx or c not in ONNX_COLUMNS)]
    try:
        row = _Row(arch, work)
    except Exception as exc:  # the tiny model itself could not be built
        cell = Cell(False, f"building the tiny model failed: {type(exc).__name__}: {_one_line(str(exc))}",
                    unexpected=not isinstance(exc, WorkbenchError))
        return {c: cell for c in columns}
    return {c: _run_cell(lambda c=c: CELLS[c](row)) for c in columns}


def run_rows(names: list[str], work: Path, jobs: int = 1,
             progress: Callable[[str, float, dict[str, Cell]], None] | None = None,
             onnx: Collection[str] | None = None) -> dict[str, dict[str, Cell]]:
    """Rows of `names`, in that order. jobs > 1 runs architectures in parallel processes: the
    work is mostly torch.export tracing, single-threaded Python, so two cores give two rows.
    onnx: the architectures whose ONNX cells run (None: all)."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    progress = progress or (lambda _n, _s, _r: None)
    rows = {}
    if jobs <= 1:
        results = ((name, _timed_row(name, str(work / name), onnx is None or name in onnx)) for name in names)
        for name, (seconds, rows[name]) in results:
            progress(name, seconds, rows[name])
        return rows
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_setup) as pool:
        futures: dict[str, Future] = {name: pool.submit(_timed_row, name, str(work / name), onnx is None or name in onnx)
                                      for name in names}
        for name, future in futures.items():
            seconds, rows[name] = future.result()
            progress(name, seconds, rows[name])
    return rows


def _worker_setup() -> None:
    import torch
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(1)  # one core per worker
    hf_logging.disable_progress_bar()


def _timed_row(name: str, work: str, onnx: bool = True) -> tuple[float, dict[str, Cell]]:
    t0 = time.perf_counter()
    row = run_row(BY_NAME[name], Path(work), onnx)
    return time.perf_counter() - t0, row


def render(rows: dict[str, dict[str, Cell]], versions: str) -> str:
    ticks = sum(c.ok for r in rows.values() for c in r.values())
    cells = sum(len(r) for r in rows.values())
    full = sum(all(c.ok for c in r.values()) for r in rows.values())
    lines = ["# Architectures", "",
             "Every architecture below is a tiny random model built from its own config class, with a tokenizer",
             "trained in its family's style (`workbench/models/zoo.py`), run through every feature of its task",
             "by `python -m workbench.archmatrix docs/architectures.md` (`make architectures`). Each ✓ checks the",
             "answer against plain transformers; a ✗ is the one-line refusal a user sees. · = not applicable.", "",
             f"**{full} of {len(rows)} architectures pass every applicable cell; {ticks} of {cells} cells ✓.** "
             f"Generated with {versions}.", "",
             "| architecture | kind | " + " | ".join(COLUMNS) + " |",
             "|---|---|" + "---|" * len(COLUMNS)]
    notes: list[str] = []
    for name, row in rows.items():
        kind = BY_NAME[name].kind
        out = []
        for col in COLUMNS:
            cell = row.get(col)
            if cell is None:
                out.append("·")
            elif cell.ok:
                out.append("✓")
            else:
                notes.append(f"**{name}, {col}**: {cell.message}")
                out.append(f"✗ [{len(notes)}]")
        lines.append(f"| {name} | {kind} | " + " | ".join(out) + " |")
    not_applicable = [f"{kind} {col}: {why}" for kind, cols in NOT_APPLICABLE.items() for col, why in cols.items()]
    lines += ["", "Not applicable: " + "; ".join(not_applicable) + "."]
    if notes:
        lines += ["", "## Refusals", "", *[f"{i}. {n}" for i, n in enumerate(notes, 1)]]
    return "\n".join(lines) + "\n"


def versions_line() -> str:
    import onnxruntime
    import torch
    import transformers

    return f"transformers {transformers.__version__}, torch {torch.__version__.split('+')[0]}, " \
           f"onnxruntime {onnxruntime.__version__}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workbench.archmatrix", description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the markdown file to write, or - to print")
    ap.add_argument("--only", default="", help="comma list of architectures (default: all)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="architectures run in parallel processes (default: 2, or 1 on one core)")
    args = ap.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or [a.name for a in ARCHS]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        print(f"error: unknown architecture {', '.join(unknown)}; one of {', '.join(BY_NAME)}", file=sys.stderr)
        return 2
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Writing model shards" bars for every tiny model

    def report(name: str, seconds: float, row: dict[str, Cell]) -> None:
        bad = [f"{c}: {cell.message}" for c, cell in row.items() if not cell.ok]
        print(f"{name:12s} {seconds:5.1f} s  " + ("all ✓" if not bad else "; ".join(bad)), file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="wb-archmatrix-") as tmp:
        rows = run_rows(names, Path(tmp), args.jobs, report)
    text = render(rows, versions_line())
    if args.out == "-":
        print(text)
    else:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
