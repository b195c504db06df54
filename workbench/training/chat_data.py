"""Chat fine-tuning data: conversations -> token ids with the loss on the assistant replies only.

Rows are either a `messages` list ([{"role": "user", "content": ...}, ...]) or a prompt and a
response column. A tokenizer without a chat template gets a small one, saved with the model, so
the Playground's chat uses the same format the model was trained on.
"""

from __future__ import annotations

from typing import Any, Callable

from workbench.errors import InputError

Where = Callable[[int], str]
ROLES = ("system", "user", "assistant")
IGNORE = -100  # label value cross-entropy skips

# Used only when the tokenizer has none. The eos after each message teaches the model to stop.
FALLBACK_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}{{ eos_token }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)


def chat_rows(ds: Any, messages_col: str, prompt_col: str, response_col: str, where: Where,
              name: str) -> Any:
    """A dataset with one column, messages, validated row by row."""
    if messages_col in ds.column_names:
        conversations = ds[messages_col]
    elif prompt_col in ds.column_names and response_col in ds.column_names:
        conversations = [[{"role": "user", "content": p}, {"role": "assistant", "content": r}]
                         for p, r in zip(ds[prompt_col], ds[response_col])]
    else:
        have = ", ".join(ds.column_names)
        raise InputError("{name} has neither a '{messages_col}' column nor '{prompt_col}' and "
                         "'{response_col}' columns (its columns: {have}); choose them in the column mapping",
                         name=name, messages_col=messages_col, prompt_col=prompt_col, response_col=response_col,
                         have=have)
    for i, conv in enumerate(conversations):
        check_conversation(conv, lambda: where(i))
    import datasets

    return datasets.Dataset.from_dict({"messages": [_clean(c) for c in conversations]})


def check_conversation(conv: Any, where: Callable[[], str]) -> None:
    if not isinstance(conv, list) or not conv:
        raise InputError("{where}: the messages are not a non-empty list of {{role, content}} objects",
                         where=where())
    for m in conv:
        if not isinstance(m, dict) or "role" not in m or "content" not in m:
            raise InputError("{where}: every message needs a 'role' and a 'content'", where=where())
        if m["role"] not in ROLES:
            raise InputError("{where}: unknown role '{role}'; use system, user or assistant", where=where(),
                             role=m["role"])
        if m["content"] is None or not str(m["content"]).strip():
            raise InputError("{where} has a {role} message without text", where=where(), role=m["role"])
    if not any(m["role"] == "assistant" for m in conv):
        raise InputError("{where} has no assistant reply to learn from", where=where())


def _clean(conv: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"role": str(m["role"]), "content": str(m["content"])} for m in conv]


def ensure_chat_template(tokenizer: Any) -> bool:
    """Give the tokenizer a chat template if it has none; True when one was added."""
    if getattr(tokenizer, "chat_template", None):
        return False
    tokenizer.chat_template = FALLBACK_TEMPLATE
    return True


def encode_conversation(tokenizer: Any, messages: list[dict[str, str]], max_length: int) -> dict[str, list[int]]:
    """input_ids, attention_mask and labels, with labels = IGNORE outside the assistant replies.

    The reply spans are found on the rendered text: the template renders the conversation up to
    reply k with the generation prompt (prefix) and through reply k (full); the characters in
    between are the reply (plus its end-of-turn marker). Tokens are matched to spans by offsets.
    """
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    spans = []
    for k, m in enumerate(messages):
        if m["role"] == "assistant":
            start = len(tokenizer.apply_chat_template(messages[:k], tokenize=False, add_generation_prompt=True))
            end = len(tokenizer.apply_chat_template(messages[:k + 1], tokenize=False))
            spans.append((start, end))
    enc = tokenizer(text, add_special_tokens=False, truncation=True, max_length=max_length,
                    return_offsets_mapping=True)
    labels = [tok if any(s <= a < e for s, e in spans) else IGNORE
              for tok, (a, _b) in zip(enc["input_ids"], enc["offset_mapping"])]
    return {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"], "labels": labels}
