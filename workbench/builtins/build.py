"""build_builtins(): train the built-ins and put them in place, each with its builtin_card.json.

Each model is built into a sibling temp folder and swapped in at the end, so a failed or
interrupted build never leaves a half-written model where the shipped one was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from workbench.builtins.sentiment import build_sentiment
from workbench.builtins.stories import build_stories_lm
from workbench.builtins.summarizer import build_summarizer
from workbench.builtins.train import BUILD_THREADS, Progress
from workbench.models import builtins as registry
from workbench.models.builtins import BUILTINS, CARD_FILE


def build_builtins(out_dir: Path | None = None, seed: int = 0, progress: Progress | None = None,
                   names: Sequence[str] | None = None, steps_scale: float = 1.0) -> dict[str, dict[str, Any]]:
    """Train the built-in models and save them under out_dir (default: resources/builtins).

    Returns {name: card} where card is what builtin_card.json holds. The same seed (and the same
    library versions) gives byte-identical safetensors. steps_scale < 1 shrinks the training steps
    and the corpora proportionally (tests build a tiny version in seconds).
    """
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Writing model shards" bars; progress() says what happens
    out_dir = Path(out_dir) if out_dir is not None else registry.builtins_root()
    progress = progress or (lambda _msg: None)
    names = list(names) if names is not None else list(BUILTINS)
    unknown = [n for n in names if n not in BUILTINS]
    if unknown:
        raise ValueError(f"unknown built-in(s) {', '.join(unknown)}; built-ins: {', '.join(BUILTINS)}")
    if steps_scale <= 0:
        raise ValueError("steps_scale must be > 0")
    builders = {"tiny-stories": build_stories_lm, "tiny-sentiment": build_sentiment, "tiny-summarizer": build_summarizer}
    old_threads, old_verbosity = torch.get_num_threads(), hf_logging.get_verbosity()
    torch.set_num_threads(BUILD_THREADS)
    hf_logging.set_verbosity_error()  # config notes ("loss_type=None ...") are noise in a build log
    cards: dict[str, dict[str, Any]] = {}
    try:
        for name in names:
            start, cpu_start = time.perf_counter(), time.process_time()
            # Build into a sibling temp folder and swap at the end, so a failed or interrupted
            # build never leaves a half-written model where the shipped one was.
            out_dir.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=out_dir))
            try:
                card = builders[name](tmp, seed, progress, steps_scale)
                card = {"name": name, "task": BUILTINS[name].task, "description": BUILTINS[name].description,
                        "seed": seed, "steps_scale": steps_scale, **card,
                        "wall_time_s": round(time.perf_counter() - start, 1),
                        # CPU seconds of this process: wall time swings with other load on the
                        # machine; cpu / BUILD_THREADS is the wall time of an otherwise idle one.
                        "cpu_time_s": round(time.process_time() - cpu_start, 1),
                        "threads": BUILD_THREADS, "versions": _versions()}
                (tmp / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
                _make_readable(tmp)
                final = out_dir / name
                if final.exists():
                    shutil.rmtree(final)
                tmp.rename(final)
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
            progress(f"{name}: saved to {out_dir / name} in {card['wall_time_s']:.0f} s")
            cards[name] = card
    finally:
        torch.set_num_threads(old_threads)
        hf_logging.set_verbosity(old_verbosity)
    return cards


def _make_readable(folder: Path) -> None:
    """mkdtemp makes a 0700 folder (and some writers 0600 files); a shipped model is for everyone."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    for path in folder.iterdir():
        if path.is_file():
            path.chmod(0o666 & ~umask)


def _versions() -> dict[str, str]:
    import platform

    import tokenizers
    import torch
    import transformers

    import workbench

    return {"python": platform.python_version(), "torch": torch.__version__,
            "transformers": transformers.__version__, "tokenizers": tokenizers.__version__,
            "workbench": workbench.__version__}
