"""An exported folder opened with ONNX Runtime: OnnxModel, and open_onnx(folder) to get one.

OnnxModel holds what the ONNX versions of the Playground features need (workbench.inference.tasks,
.generate, .attention); workbench.backends' OnnxBackend subclass adds them as methods, the
Backend protocol that PyTorch's TorchBackend implements too. No PyTorch weights are needed: the
folder holds the graphs, tokenizer, config and the export report.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import ModelLoadError
from workbench.onnx_format import FORMAT, REPORT_NAME, ROLES
from workbench.inference.providers import ProviderChoice, choose, make_session
from workbench.inference.runtime import DecoderStepper, GraphRunner, Seq2SeqStepper
from workbench.models.spec import ModelInfo, ModelSpec
from workbench.texts import N_

log = logging.getLogger("workbench")


def is_onnx_folder(path: str | Path) -> bool:
    """True for a Workbench ONNX export (a folder with export_report.json)."""
    p = Path(path).expanduser()
    return p.is_dir() and (p / REPORT_NAME).is_file()


@dataclass
class OnnxModel:
    folder: Path
    report: dict[str, Any]
    variant: str
    tokenizer: Any
    config: Any
    choice: ProviderChoice
    sessions: dict[str, Any]
    info: ModelInfo
    generation_config: Any = None
    backend: str = "onnxruntime"
    iobinding: bool | None = None  # None: on CUDA only (True forces it on the CPU, for tests)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def task(self) -> str:
        return str(self.report["task"])

    @property
    def kind(self) -> str:
        return str(self.report["kind"])

    @property
    def is_encoder_decoder(self) -> bool:
        return self.kind == "seq2seq"

    @property
    def device(self) -> str:
        return self.choice.device

    @property
    def name(self) -> str:
        return str(self.folder)

    @property
    def spec(self) -> ModelSpec:
        return ModelSpec(source=str(self.folder), task=self.task, device=self.device)

    @property
    def providers(self) -> list[str]:
        """What ONNX Runtime really uses (session.get_providers()), first = preferred."""
        return list(next(iter(self.sessions.values())).get_providers())

    @property
    def provider(self) -> str:
        return self.providers[0]

    @property
    def note(self) -> str | None:
        """Why the provider differs from what was asked (a CUDA request that fell back to CPU)."""
        return self.choice.note

    def describe(self) -> str:
        """One line for status bars and the CLI: variant, provider, fallback note."""
        if self.note:
            return N_("ONNX Runtime {variant} on {provider} ({note})", variant=self.variant, provider=self.provider,
                      note=self.note)
        return N_("ONNX Runtime {variant} on {provider}", variant=self.variant, provider=self.provider)

    def runner(self, role: str) -> GraphRunner:
        return GraphRunner(self.sessions[role], self.device, self.choice.device_id, self.iobinding)

    def decoder_stepper(self, batch: int = 1) -> DecoderStepper:
        return DecoderStepper(self.runner("decoder"), batch)

    def seq2seq_stepper(self) -> Seq2SeqStepper:
        return Seq2SeqStepper(self.runner("encoder"), self.runner("decoder_init"), self.runner("decoder_with_past"))


def read_report(folder: Path) -> dict[str, Any]:
    """The export report, checked; ModelLoadError for anything that is not a complete export."""
    if not folder.is_dir():
        raise ModelLoadError("No such folder: {folder}", folder=folder)
    path = folder / REPORT_NAME
    if not path.is_file():
        if any(folder.glob("*.onnx")):
            raise ModelLoadError("{name} has ONNX graphs but no {report}; "
                                 "it is not a complete Workbench export (export it again)",
                                 name=folder.name, report=REPORT_NAME)
        raise ModelLoadError("{name} has no {report}; it is not a complete Workbench export (export it again)",
                             name=folder.name, report=REPORT_NAME)
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError("{report} in {name} is unreadable ({exc}); export the model again",
                             report=REPORT_NAME, name=folder.name, exc=exc) from exc
    if not isinstance(report, dict) or report.get("format") != FORMAT or report.get("kind") not in ROLES:
        raise ModelLoadError("{report} in {name} is not a Workbench export report",
                             report=REPORT_NAME, name=folder.name)
    if not any(v.get("passed") for v in report.get("variants", {}).values()):
        raise ModelLoadError("The export in {name} failed its parity check, so there is no graph to "
                             "run; see its export_report.json", name=folder.name)
    return report


def pick_variant(report: dict[str, Any], device: str, variant: str | None, allow_refused: bool = False) -> str:
    """The variant to open. allow_refused: also one that failed parity but was kept (Evaluate only)."""
    good = [v for v, e in report["variants"].items() if e.get("passed")]
    if variant is None:
        variant = report.get("default_variant", {}).get(device) or good[0]
    if variant not in report["variants"]:
        raise ModelLoadError("This export has no {variant} variant; it has {good}",
                             variant=variant, good=", ".join(good))
    if allow_refused and report["variants"][variant].get("kept_for_evaluation"):
        return variant
    if variant not in good:
        raise ModelLoadError("The {variant} variant of this export failed its parity check; "
                             "use one of {good}", variant=variant, good=", ".join(good))
    return variant


def open_onnx(folder: str | Path, providers: list[str] | None = None, variant: str | None = None,
              device: str = "auto", threads: int | None = None, allow_refused: bool = False) -> OnnxModel:
    """Open an exported folder. providers: e.g. ["CUDAExecutionProvider", "CPUExecutionProvider"];
    None picks CUDA when it can really load (device "auto"), else the CPU. allow_refused opens a
    variant kept after failing parity (Evaluate measures what it costs; nothing else opens it)."""
    from workbench.models.loading import load_tokenizer, read_config

    folder = Path(folder).expanduser().resolve()
    report = read_report(folder)
    choice = choose(providers, device)
    name = pick_variant(report, choice.device, variant, allow_refused)
    files = report["variants"][name]["files"]
    for role in ROLES[report["kind"]]:
        f = files.get(role)
        if not f or not (folder / f).is_file():
            raise ModelLoadError("{name} is missing {file}; the export is incomplete (export it again)",
                                 name=folder.name, file=f or role)
    tokenizer = load_tokenizer(folder)
    config = read_config(folder)
    sessions = {role: make_session(folder / files[role], choice, threads) for role in ROLES[report["kind"]]}
    model = OnnxModel(folder, report, name, tokenizer, config, choice, sessions,
                      _info(folder, report, name, choice.device, tokenizer, config),
                      _generation_config(folder))
    log.info("Opened %s: %s", folder, model.describe())
    return model


def _generation_config(folder: Path) -> Any:
    if not (folder / "generation_config.json").exists():
        return None
    from transformers import GenerationConfig

    try:
        return GenerationConfig.from_pretrained(folder)
    except Exception:  # a broken generation config only loses EOS defaults; say so in the log
        log.warning("generation_config.json in %s could not be read", folder)
        return None


def _info(folder: Path, report: dict[str, Any], variant: str, device: str, tokenizer: Any,
          config: Any) -> ModelInfo:
    entry = report["variants"][variant]
    heads = getattr(config, "num_attention_heads", None)
    return ModelInfo(
        source=str(folder), path=str(folder), architecture=f"{report['architecture']} (ONNX)",
        model_type=report.get("model_type", config.model_type), task=report["task"],
        num_parameters=int(report.get("num_parameters", 0)),
        num_layers=getattr(config, "num_hidden_layers", None), num_heads=heads if isinstance(heads, int) else None,
        num_kv_heads=getattr(config, "num_key_value_heads", None),
        hidden_size=getattr(config, "hidden_size", None), vocab_size=getattr(config, "vocab_size", None),
        context_length=report.get("context_length"), dtype=entry.get("precision", "fp32"),
        size_on_disk=int(entry.get("size_bytes", 0)), estimated_memory=int(entry.get("size_bytes", 0)),
        device=f"{device} ({variant}, ONNX Runtime)", labels=tuple(report.get("labels", ())),
        has_chat_template=bool(getattr(tokenizer, "chat_template", None)))
