"""Settings as plain dataclasses (shared by the GUI, the CLI and runs)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GenerationSettings:
    """Sampling controls. greedy=True ignores temperature/top-k/top-p and takes the argmax."""

    max_new_tokens: int = 64
    temperature: float = 0.8
    top_k: int = 50  # 0 = off
    top_p: float = 0.95  # 1.0 = off
    repetition_penalty: float = 1.0  # 1.0 = off
    seed: int | None = None
    greedy: bool = False
    alternatives: int = 5  # how many top alternatives to report per generated token

    def validate(self) -> None:
        from workbench.errors import InputError

        if self.max_new_tokens < 1:
            raise InputError("max new tokens must be at least 1")
        if not self.greedy and self.temperature <= 0:
            raise InputError("temperature must be above 0 (or choose greedy)")
        if self.top_k < 0:
            raise InputError("top-k must be 0 (off) or more")
        if not 0 < self.top_p <= 1:
            raise InputError("top-p must be in (0, 1]")
        if self.repetition_penalty <= 0:
            raise InputError("repetition penalty must be above 0")

