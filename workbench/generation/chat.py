"""Chat prompts: the tokenizer's chat template when it has one, a plain transcript otherwise."""

from __future__ import annotations

from typing import Any

Message = dict[str, str]  # {"role": "user" | "assistant" | "system", "content": "..."}


def chat_prompt(tokenizer: Any, messages: list[Message]) -> str:
    """The text the model continues to produce the assistant's next reply."""
    if getattr(tokenizer, "chat_template", None):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    lines = [f"{m['role'].capitalize()}: {m['content']}" for m in messages]
    return "\n".join(lines) + "\nAssistant:"


def trim_reply(text: str) -> str:
    """Cut a plain-transcript reply where the model starts writing the user's next turn."""
    for marker in ("\nUser:", "\nSystem:"):
        cut = text.find(marker)
        if cut >= 0:
            text = text[:cut]
    return text.strip()
