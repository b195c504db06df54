"""Ready-made training data from the generated corpus (deterministic for a seed).

builtin:stories     short stories, for language modelling (the tiny-stories recipe)
builtin:reviews     product reviews labelled negative/positive, for classification
builtin:chat        the reviews as a conversation: the user asks for the sentiment, the reply is it
builtin:summaries   the stories, each with a one-sentence summary, for seq2seq (source -> target)
builtin:stories-zh  Chinese short stories (workbench.corpus.stories_zh), for language modelling
builtin:reviews-zh  Chinese reviews labelled negative/positive (workbench.corpus.reviews_zh)

The English names are English only; tiny-stories and tiny-sentiment are trained on each English
set and its -zh counterpart with the same seed.
"""

from __future__ import annotations

from typing import Any

from workbench.errors import InputError

DEFAULT_SIZES = {"builtin:stories": 2000, "builtin:reviews": 2000, "builtin:chat": 1000, "builtin:summaries": 2000,
                 "builtin:stories-zh": 2000, "builtin:reviews-zh": 2000}


def builtin_dataset(name: str, n: int | None = None, seed: int = 0) -> tuple[Any, list[str]]:
    """(datasets.Dataset, label names) for a built-in data set; n=None takes its default size."""
    import datasets

    n = n or DEFAULT_SIZES.get(name, 0)
    if name in ("builtin:stories", "builtin:stories-zh"):
        from workbench.corpus import stories, stories_zh

        grammar = stories if name == "builtin:stories" else stories_zh
        return datasets.Dataset.from_dict({"text": grammar.generate_stories(n, seed)}), []
    if name == "builtin:summaries":
        from workbench.corpus.stories import generate_summaries

        pairs = generate_summaries(n, seed)
        return datasets.Dataset.from_dict({"source": [s for s, _ in pairs], "target": [t for _, t in pairs]}), []
    if name in ("builtin:reviews", "builtin:chat", "builtin:reviews-zh"):
        from workbench.corpus import reviews_zh
        from workbench.corpus.reviews import LABELS, generate_reviews

        reviews = reviews_zh.generate_reviews(n, seed) if name == "builtin:reviews-zh" else generate_reviews(n, seed)
        if name != "builtin:chat":
            return datasets.Dataset.from_dict({"text": [t for t, _ in reviews],
                                               "label": [int(y) for _, y in reviews]}), list(LABELS)
        conversations = [[{"role": "user", "content": f"Is this review positive or negative? {t}"},
                          {"role": "assistant", "content": LABELS[y]}] for t, y in reviews]
        return datasets.Dataset.from_dict({"messages": conversations}), []
    raise InputError("No built-in data named {name!r}; choose one of {names}", name=name,
                     names=", ".join(DEFAULT_SIZES))


def builtin_corpus_text(name: str, n: int | None = None, seed: int = 0) -> list[str]:
    """The documents of a built-in set as plain strings (tokenizer training)."""
    ds, _ = builtin_dataset(name, n, seed)
    if "text" in ds.column_names:
        return list(ds["text"])
    if "source" in ds.column_names:
        return list(ds["source"]) + list(ds["target"])
    return [m["content"] for conv in ds["messages"] for m in conv]
