"""Labelled positive/negative reviews from templates, the data of `builtin:tiny-sentiment`.

Why templates: nothing can be downloaded here, and the classifier must be rebuildable from a seed.
Why negations and contrasts: if every positive review said "good" and every negative one "bad", a
bag of words would solve it and the built-in would show nothing a transformer does. Here the same
adjectives appear under both labels: "the food was good" is positive, "the food was not good" is
negative, and "I thought it would be bad, but it was great" ends positive. The rules stay simple
and consistent (a "not" flips one adjective; after "but" the second half decides), so a two-layer
BERT learns them to well above 95% in a minute of CPU time.

Every review's label agrees with all of its clauses except the first half of a "but" sentence, so
the label is never ambiguous. All randomness comes from a `random.Random(seed)`.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable

Draw = Callable[[random.Random, int], str]  # (rng, label) -> one review: generate_review of a grammar

LABELS: tuple[str, ...] = ("negative", "positive")
NEGATIVE, POSITIVE = 0, 1

# Three domains, each with singular aspects so "The X was ..." is always grammatical.
DOMAINS: dict[str, dict[str, tuple[str, ...]]] = {
    "product": {
        "things": ("phone", "blender", "backpack", "lamp", "kettle", "keyboard", "chair", "watch",
                   "camera", "toaster", "jacket", "speaker"),
        "aspects": ("battery", "design", "price", "sound", "quality", "screen", "material",
                    "delivery", "packaging", "setup"),
        "openers": ("I bought this {thing} last week.", "I got this {thing} as a gift.",
                    "We have used this {thing} for a month.", "I ordered the {thing} online."),
    },
    "movie": {
        "things": ("movie", "film", "show", "series", "documentary", "cartoon"),
        "aspects": ("acting", "story", "music", "ending", "plot", "script", "cast", "dialogue",
                    "pacing", "soundtrack"),
        "openers": ("I watched this {thing} yesterday.", "We saw the {thing} on Friday night.",
                    "My friend recommended this {thing}.", "I finally watched the {thing}."),
    },
    "restaurant": {
        "things": ("restaurant", "cafe", "diner", "bakery", "pizzeria", "bistro"),
        "aspects": ("food", "service", "pasta", "soup", "coffee", "dessert", "staff", "menu",
                    "atmosphere", "bread"),
        "openers": ("We went to this {thing} for dinner.", "I had lunch at this {thing} today.",
                    "We tried the new {thing} downtown.", "I visited this {thing} with my family."),
    },
}
POSITIVE_ADJECTIVES: tuple[str, ...] = ("good", "great", "excellent", "wonderful", "amazing",
                                        "lovely", "fantastic", "perfect", "brilliant", "pleasant",
                                        "superb", "delightful", "impressive", "nice")
NEGATIVE_ADJECTIVES: tuple[str, ...] = ("bad", "terrible", "awful", "poor", "boring",
                                        "disappointing", "horrible", "dreadful", "bland",
                                        "mediocre", "weak", "annoying", "cheap", "sloppy")
INTENSIFIERS: tuple[str, ...] = ("very", "really", "truly", "quite", "extremely", "incredibly",
                                 "so", "pretty")
NEGATED_INTENSIFIERS: tuple[str, ...] = ("very", "really", "that", "too")
# Verdicts come in pairs that differ only by a negation, so "recommend" alone says nothing.
VERDICTS: dict[int, tuple[str, ...]] = {
    POSITIVE: ("I would recommend it.", "I would buy it again.", "I would come back.",
               "I really liked it.", "I will tell my friends about it.", "It was worth the money.",
               "Overall, it was {adj}.", "Overall, it was not {opp}.", "I was happy with it."),
    NEGATIVE: ("I would not recommend it.", "I would not buy it again.", "I would not come back.",
               "I did not like it.", "I will warn my friends about it.", "It was not worth the money.",
               "Overall, it was {adj}.", "Overall, it was not {opp}.", "I was not happy with it."),
}


def _adjectives(polarity: int) -> tuple[str, ...]:
    return POSITIVE_ADJECTIVES if polarity == POSITIVE else NEGATIVE_ADJECTIVES


def _predicate(rng: random.Random, polarity: int) -> str:
    """A phrase with the given polarity: 'really great' or, a third of the time, 'not good' flipped."""
    if rng.random() < 0.35:
        # "not {opposite}" carries the polarity; "not very good" is as negative as "not good".
        opposite = rng.choice(_adjectives(1 - polarity))
        # Only intensifiers that read naturally after "not" ("not really good", never "not so bad").
        return f"not {rng.choice(NEGATED_INTENSIFIERS)} {opposite}" if rng.random() < 0.3 else f"not {opposite}"
    adjective = rng.choice(_adjectives(polarity))
    return f"{rng.choice(INTENSIFIERS)} {adjective}" if rng.random() < 0.4 else adjective


def _clause(rng: random.Random, aspects: tuple[str, ...], polarity: int) -> str:
    return f"The {rng.choice(aspects)} was {_predicate(rng, polarity)}."


def _contrast(rng: random.Random, aspects: tuple[str, ...], polarity: int) -> str:
    """'The X was <opposite>, but the Y was <polarity>.': only the part after 'but' counts."""
    first, second = rng.sample(aspects, 2)
    before = _predicate(rng, 1 - polarity)
    after = _predicate(rng, polarity)
    if rng.random() < 0.5:
        return f"The {first} was {before}, but the {second} was {after}."
    return f"I expected it to be {before}, but it was {after}."


def _verdict(rng: random.Random, polarity: int) -> str:
    return rng.choice(VERDICTS[polarity]).format(adj=rng.choice(_adjectives(polarity)),
                                                 opp=rng.choice(_adjectives(1 - polarity)))


def generate_review(rng: random.Random, label: int) -> str:
    """One review whose sentiment is `label` (0 negative, 1 positive)."""
    if label not in (NEGATIVE, POSITIVE):
        raise ValueError(f"label must be 0 or 1, not {label!r}")
    domain = DOMAINS[rng.choice(sorted(DOMAINS))]
    thing = rng.choice(domain["things"])
    aspects = domain["aspects"]
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(rng.choice(domain["openers"]).format(thing=thing))
    body = [_clause(rng, aspects, label) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.3:
        # A contrast sentence in the middle; the review's own clauses around it keep the label clear.
        body.insert(rng.randint(0, len(body)), _contrast(rng, aspects, label))
    parts += body
    if rng.random() < 0.7:
        parts.append(_verdict(rng, label))
    return " ".join(parts)


def _generate(rng: random.Random, n: int, seen: set[str], draw: Draw | None = None) -> list[tuple[str, int]]:
    """n unique reviews not in `seen` (updated in place), exactly balanced: n//2 of each label,
    the odd one out negative, in a shuffled order."""
    labels = [POSITIVE if i < n // 2 else NEGATIVE for i in range(n)]
    rng.shuffle(labels)
    out: list[tuple[str, int]] = []
    draw = draw or generate_review
    for label in labels:
        for _attempt in range(1000):
            text = draw(rng, label)
            if text not in seen:
                break
        else:  # the template space is ~1e9 reviews; this only trips on absurd n
            raise ValueError(f"could not draw {n} distinct reviews")
        seen.add(text)
        out.append((text, label))
    return out


def generate_reviews(n: int, seed: int = 0, draw: Draw | None = None) -> list[tuple[str, int]]:
    """n distinct (text, label) pairs, balanced, deterministic for the seed. draw: another grammar's
    generate_review (workbench.corpus.reviews_zh)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    return _generate(random.Random(seed), n, set(), draw)


def split_reviews(n_train: int, n_eval: int, seed: int = 0,
                  draw: Draw | None = None) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """A training set and a held-out set drawn from one stream, each balanced, sharing no text."""
    rng = random.Random(seed)
    seen: set[str] = set()
    train = _generate(rng, n_train, seen, draw)
    held_out = _generate(rng, n_eval, seen, draw)
    return train, held_out


def excluding(reviews: Iterable[tuple[str, int]], texts: Iterable[str]) -> list[tuple[str, int]]:
    """`reviews` without any whose text is in `texts` (to make a fresh set disjoint from a train set)."""
    drop = set(texts)
    return [r for r in reviews if r[0] not in drop]
