"""Open a model from a hub id, a local folder or a built-in: ModelSpec -> LoadedModel.

This is the real `from_pretrained` path. A hub id is looked up in the local hub cache first
(no network round trip when it is there) and only then online, unless HF_HUB_OFFLINE is set.
Every failure a user can cause becomes a ModelLoadError with one readable sentence.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Callable

from workbench.errors import ModelLoadError
from workbench.hf_compat import name_default_loss
from workbench.models.spec import BUILTIN_PREFIX, DTYPES, TASKS, LoadedModel, ModelInfo, ModelSpec
from workbench.models.tasks import auto_class, detect_task
from workbench.texts import N_

Progress = Callable[[str], None]
log = logging.getLogger("workbench")
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".onnx", ".gguf")
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "vocab.json",
                   "spiece.model", "sentencepiece.bpe.model", "tokenizer.model")


def resolve_local(source: str) -> Path | None:
    """The local folder for `source`, or None when it is a hub id. Raises for a missing path."""
    if source.startswith(BUILTIN_PREFIX):
        from workbench.models.builtins import builtin_path

        return builtin_path(source[len(BUILTIN_PREFIX):])
    path = Path(source).expanduser()
    looks_like_path = source.startswith(("/", ".", "~")) or os.sep in source and path.exists()
    if path.exists() or looks_like_path or (os.name == "nt" and ":" in source):
        if not path.exists():
            raise ModelLoadError("No such folder: {source}", source=source)
        if path.is_file():
            raise ModelLoadError("{source} is a file; open the folder that contains config.json", source=source)
        if not (path / "config.json").exists():
            if (path / "model.onnx").exists() or any(path.glob("*.onnx")):
                return path.resolve()  # an ONNX export folder; inference.onnx_model opens it
            raise ModelLoadError("{source} has no config.json, so it is not a Hugging Face model folder", source=source)
        return path.resolve()
    return None


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")


def _hub_snapshot(hub_id: str, progress: Progress) -> Path:
    """Download (or find in the cache) a hub repo's files; the folder of its snapshot."""
    from huggingface_hub import snapshot_download

    patterns = ["*.json", "*.safetensors", "*.txt", "*.model", "*.py", "*.jinja", "*.tiktoken"]
    try:
        return Path(snapshot_download(hub_id, allow_patterns=patterns, local_files_only=True))
    except Exception:
        pass  # not (completely) cached; go online below unless offline
    if hub_offline():
        raise ModelLoadError(
            "Model '{hub_id}' is not in the local hub cache and HF_HUB_OFFLINE is set; "
            "download it once while online or open a local folder", hub_id=hub_id)
    progress(N_("Downloading {hub_id} from the Hugging Face hub ...", hub_id=hub_id))
    try:
        return Path(snapshot_download(hub_id, allow_patterns=patterns, etag_timeout=10))
    except Exception as exc:  # RepositoryNotFound, connection errors, gated repos ...
        reason = type(exc).__name__
        raise ModelLoadError(
            "Model '{hub_id}' is not in the local hub cache and could not be downloaded "
            "({reason}); check the name and the network, or open a local folder", hub_id=hub_id,
            reason=reason) from exc


def model_folder(source: str, progress: Progress | None = None) -> Path:
    """Resolve any source to a local folder holding config.json (downloading a hub id if needed)."""
    progress = progress or (lambda _msg: None)
    local = resolve_local(source)
    return local if local is not None else _hub_snapshot(source, progress)


def read_config(folder: Path, trust_remote_code: bool = False) -> Any:
    from transformers import AutoConfig

    try:
        return AutoConfig.from_pretrained(folder, trust_remote_code=trust_remote_code)
    except ValueError as exc:
        if "trust_remote_code" in str(exc):
            raise ModelLoadError(
                "{name} needs its own code to run; allow 'trust remote code' for this "
                "model only if you trust its authors", name=folder.name) from exc
        raise ModelLoadError("The config.json in {folder} is not understood: {reason}", folder=folder,
                             reason=_first_line(exc)) from exc
    except Exception as exc:
        raise ModelLoadError("The config.json in {folder} could not be read: {reason}", folder=folder,
                             reason=_first_line(exc)) from exc


def pick_device(device: str) -> str:
    import torch

    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            return "mps"
        return "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelLoadError("CUDA was asked for but no CUDA GPU is available to PyTorch; choose CPU")
    if device == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ModelLoadError("MPS (Apple GPU) was asked for but is not available; choose CPU")
    return device


def available_devices() -> list[str]:
    """Devices this machine can load onto, for the device menu ("auto" first)."""
    import torch

    devices = ["auto", "cpu"]
    if torch.cuda.is_available():
        devices += [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        devices.append("mps")
    return devices


def load_tokenizer(folder: Path, trust_remote_code: bool = False) -> Any:
    from transformers import AutoTokenizer

    if not any((folder / f).exists() for f in TOKENIZER_FILES):
        raise ModelLoadError("{name} has no tokenizer files (tokenizer.json, vocab.txt, ...); "
                             "Workbench needs the tokenizer that was trained with the model", name=folder.name)
    try:
        tok = AutoTokenizer.from_pretrained(folder, trust_remote_code=trust_remote_code)
    except Exception as exc:
        raise ModelLoadError("The tokenizer in {name} could not be loaded: {reason}", name=folder.name,
                             reason=_first_line(exc)) from exc
    if tok.pad_token is None and tok.eos_token is not None:
        tok.pad_token = tok.eos_token  # decoders often lack one; batching needs it
    return tok


def load_model(spec: ModelSpec, progress: Progress | None = None) -> LoadedModel:
    """Load weights, tokenizer and info for `spec`. Raises ModelLoadError with a readable message."""
    from workbench.imports import import_model_stack

    progress = progress or (lambda _msg: None)
    start = time.perf_counter()
    import_model_stack()  # GUI jobs may load on several threads: first imports one at a time
    _quiet_transformers()
    if spec.task is not None and spec.task not in TASKS:
        raise ModelLoadError("Unknown task '{task}'; choose one of {tasks}", task=spec.task, tasks=", ".join(TASKS))
    if spec.dtype not in DTYPES:
        raise ModelLoadError("Unknown dtype '{dtype}'; choose one of {dtypes}", dtype=spec.dtype,
                             dtypes=", ".join(DTYPES))
    folder = model_folder(spec.source, progress)
    if not (folder / "config.json").exists():
        raise ModelLoadError("{source} is an ONNX export; open it with the ONNX Runtime backend", source=spec.source)
    progress(N_("Reading config ..."))
    config = read_config(folder, spec.trust_remote_code)
    task = spec.task or detect_task(config)
    device = pick_device(spec.device)
    progress(N_("Loading tokenizer ..."))
    tokenizer = load_tokenizer(folder, spec.trust_remote_code)
    progress(N_("Loading weights for {task} on {device} ...", task=task, device=device))
    model = _load_weights(folder, config, task, spec)
    model.to(device)
    model.eval()
    name_default_loss(model)  # the Learn page computes a loss
    info = build_info(spec, folder, config, task, model, device, tokenizer)
    log.info(N_("Loaded %s (%s, %s parameters) from %s on %s in %.1f s"), spec.source, task,
             f"{info.num_parameters:,}", folder, device, time.perf_counter() - start)
    return LoadedModel(spec=spec, model=model, tokenizer=tokenizer, task=task, info=info, device=device)


def _load_weights(folder: Path, config: Any, task: str, spec: ModelSpec) -> Any:
    import torch

    kwargs: dict[str, Any] = {"dtype": getattr(torch, spec.dtype), "trust_remote_code": spec.trust_remote_code}
    if spec.attn_implementation:
        kwargs["attn_implementation"] = spec.attn_implementation
    cls = auto_class(task)
    try:
        return cls.from_pretrained(folder, config=config, **kwargs)
    except ValueError as exc:
        if "Unrecognized configuration class" in str(exc) or "not supported" in str(exc).lower():
            raise ModelLoadError(
                "A {model_type} model cannot be loaded for the task '{task}'; "
                "choose another task", model_type=config.model_type, task=task) from exc
        raise ModelLoadError("Could not load {name}: {reason}", name=folder.name, reason=_first_line(exc)) from exc
    except (OSError, RuntimeError, EnvironmentError, Exception) as exc:
        weights = [p.name for p in folder.iterdir() if p.suffix in WEIGHT_SUFFIXES]
        if not weights:
            raise ModelLoadError("{name} has a config.json but no weight files", name=folder.name) from exc
        raise ModelLoadError(
            "The weights in {name} could not be read ({files} truncated or "
            "corrupted?): {reason}", name=folder.name, files=", ".join(weights), reason=_first_line(exc)) from exc


def weights_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and p.suffix in WEIGHT_SUFFIXES)


def build_info(spec: ModelSpec, folder: Path, config: Any, task: str, model: Any, device: str,
               tokenizer: Any = None) -> ModelInfo:
    """The info card of a loaded (or meta-device) model."""
    n_params = sum(p.numel() for p in model.parameters())
    dtype = str(next(model.parameters()).dtype).replace("torch.", "")
    bytes_per = {"float32": 4, "float16": 2, "bfloat16": 2}.get(dtype, 4)
    text_cfg = config.get_text_config() if hasattr(config, "get_text_config") else config
    labels: tuple[str, ...] = ()
    if task == "sequence-classification":
        id2label = getattr(config, "id2label", None) or {}
        labels = tuple(str(id2label[k]) for k in sorted(id2label, key=int))
    return ModelInfo(
        source=spec.source,
        path=str(folder),
        architecture=type(model).__name__,
        model_type=config.model_type,
        task=task,
        num_parameters=int(n_params),
        num_layers=_first_attr(text_cfg, "num_hidden_layers", "n_layer", "num_layers"),
        num_heads=_first_attr(text_cfg, "num_attention_heads", "n_head", "num_heads"),
        num_kv_heads=_first_attr(text_cfg, "num_key_value_heads"),
        hidden_size=_first_attr(text_cfg, "hidden_size", "n_embd", "d_model"),
        vocab_size=_first_attr(text_cfg, "vocab_size"),
        context_length=_first_attr(text_cfg, "max_position_embeddings", "n_positions", "n_ctx"),
        dtype=dtype,
        size_on_disk=weights_size(folder),
        estimated_memory=int(n_params * bytes_per),
        device=device,
        labels=labels,
        has_chat_template=bool(getattr(tokenizer, "chat_template", None)),
    )


def inspect_model(source: str, task: str | None = None, trust_remote_code: bool = False) -> ModelInfo:
    """Info card without reading the weights: the model is built on the meta device."""
    import torch

    folder = model_folder(source)
    config = read_config(folder, trust_remote_code)
    task = task or detect_task(config)
    try:
        with torch.device("meta"):
            model = auto_class(task).from_config(config, trust_remote_code=trust_remote_code)
    except ValueError as exc:
        raise ModelLoadError("A {model_type} model cannot be built for the task '{task}'", model_type=config.model_type,
                             task=task) from exc
    tokenizer = None
    try:
        tokenizer = load_tokenizer(folder, trust_remote_code)
    except ModelLoadError:
        pass
    spec = ModelSpec(source=source, task=task)
    return build_info(spec, folder, config, task, model, "not loaded", tokenizer)


def context_length(loaded: LoadedModel) -> int | None:
    """Longest input the model accepts, from its config (tokenizers often say 1e30)."""
    return loaded.info.context_length


def _quiet_transformers() -> None:
    """Workbench reports its own progress; transformers' tqdm bars would only clutter stderr."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def _first_attr(cfg: Any, *names: str) -> int | None:
    for n in names:
        v = getattr(cfg, n, None)
        if isinstance(v, int):
            return v
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
