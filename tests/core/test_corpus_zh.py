"""The Chinese grammars: deterministic, natural-looking (Chinese characters and Chinese punctuation
only), stories whose hero's name recurs, reviews whose labels follow the English rules."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from workbench.corpus import reviews_zh, stories_zh
from workbench.corpus.reviews_zh import LABELS, generate_review, generate_reviews, split_reviews
from workbench.corpus.stories_zh import characters, generate_stories, hanzi

CHINESE_PUNCTUATION = set("，。！？：“”")


def _only_chinese(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in CHINESE_PUNCTUATION for c in text)


def test_stories_same_seed_same_text_and_no_global_random_state():
    a = generate_stories(50, seed=3)
    assert a == generate_stories(50, seed=3) and generate_stories(80, seed=3)[:50] == a
    assert sum(x != y for x, y in zip(a, generate_stories(50, seed=4))) >= 45
    random.seed(123)
    expected = random.random()
    random.seed(123)
    generate_stories(20, seed=0)
    assert random.random() == expected


def test_stories_are_chinese_only_and_in_the_grammar():
    chars = characters()
    assert 200 < len(chars) < 600 and set("从前有一只勇敢的小兔子名叫") <= chars
    texts = generate_stories(500, seed=1)
    assert len(set(texts)) >= 490
    for text in texts:
        assert _only_chinese(text), text  # no spaces, no Latin letters, no ASCII punctuation
        assert set(text) <= chars, set(text) - chars
        assert text.endswith(("。", "”", "！")) and "{" not in text
        assert "，，" not in text and "。。" not in text
        assert text.count("“") == text.count("”")
    assert all(c in chars for c in hanzi("乐乐 ok 豆豆")) and hanzi("a，b") == []


def test_story_hero_is_named_and_recurs():
    texts = generate_stories(500, seed=2)
    names = stories_zh.GIRL_NAMES + stories_zh.BOY_NAMES
    heroes = [re.search(r"(?:名叫|叫)(\w\w)。|^(\w\w)是一", t) for t in texts]
    assert all(heroes), [t for t, h in zip(texts, heroes) if not h][:3]
    hero_names = [h.group(1) or h.group(2) for h in heroes]
    assert set(hero_names) <= set(names)
    assert sum(t.count(n) >= 2 for t, n in zip(texts, hero_names)) / len(texts) > 0.7
    # No name is also a word of the templates, so a repeated name is always the character's.
    templates = "".join(stories_zh.INTROS + stories_zh.ENDINGS + stories_zh.MORALS
                        + tuple(s for table in (stories_zh.EVENTS, stories_zh.REACTIONS, stories_zh.ACTIONS)
                                for group in table.values() for s in group))
    assert not [n for n in names if n in templates]
    assert len({n[0] for n in names}) == len(names)  # reduplicated names, every first character different


def test_story_sentence_count_bounds():
    rng = random.Random(0)
    counts = Counter(len(stories_zh.story_sentences(rng)) for _ in range(2000))
    assert set(counts) == set(range(3, 9)), counts
    assert stories_zh.generate_story(random.Random(4)) == "".join(stories_zh.story_sentences(random.Random(4)))


def test_reviews_deterministic_balanced_distinct_chinese():
    a = generate_reviews(400, seed=5)
    assert a == generate_reviews(400, seed=5)
    assert [t for t, _ in a] != [t for t, _ in generate_reviews(400, seed=6)]
    assert Counter(label for _, label in a) == {0: 200, 1: 200}
    assert len({t for t, _ in a}) == 400
    assert all(_only_chinese(t) and t.endswith("。") for t, _ in a)
    assert LABELS == ("negative", "positive")
    train, held = split_reviews(600, 200, seed=2)
    assert not {t for t, _ in train} & {t for t, _ in held} and train == generate_reviews(600, seed=2)


_NEGATOR = r"(不是很|一点也不|不太|并不|不)?"
_DEGREE = r"(?:很|非常|特别|十分|相当|真的很|超级)?"


def _score(text: str) -> int:
    """+1 per positive statement, -1 per negative one, a negation flipping it; the part before a
    contrast word is dropped (it states the opposite by design)."""
    kept = re.sub(r"[^。]*，(?:但是|但|不过|可是|但其实|没想到|结果)", "", text)
    positive = set(reviews_zh.POSITIVE_ADJECTIVES) | {p for p, _ in reviews_zh.ASPECT_ADJECTIVES.values()}
    negative = set(reviews_zh.NEGATIVE_ADJECTIVES) | {n for _, n in reviews_zh.ASPECT_ADJECTIVES.values()}
    adjectives = "|".join(sorted(positive | negative, key=len, reverse=True))
    score = 0
    for m in re.finditer(_NEGATOR + _DEGREE + f"({adjectives})(?=。|，)", kept):
        sign = -1 if m.group(1) else 1
        score += sign if m.group(2) in positive else -sign
    if re.search(r"不会推荐|不会再选|不喜欢|不值|不满意|别上当", kept):
        score -= 1
    elif re.search(r"会推荐|还会再选|很喜欢|很值|很满意|向朋友们推荐", kept):
        score += 1
    return score


def test_review_labels_follow_the_rules():
    rng = random.Random(11)
    for label in (0, 1):
        for _ in range(300):
            text = generate_review(rng, label)
            score = _score(text)
            assert score != 0 and (score > 0) == (label == 1), (label, text)
    # The examples read as their labels say.
    assert _score("饭菜很好吃。") > 0 and _score("饭菜不好吃。") < 0
    assert _score("我本以为会很糟，但其实很棒。") > 0 and _score("演技很棒，但情节很无聊。") < 0


def test_reviews_are_not_bag_of_words():
    data = generate_reviews(2000, seed=0)
    for word in ("好吃", "精彩", "无聊", "差", "推荐"):
        by_label = Counter(label for text, label in data if word in text)
        assert by_label[0] >= 20 and by_label[1] >= 20, (word, by_label)


def test_bad_arguments():
    with pytest.raises(ValueError):
        generate_stories(-1)
    with pytest.raises(ValueError):
        generate_reviews(-1)
    with pytest.raises(ValueError):
        generate_review(random.Random(0), 2)


def test_builtin_data_sets_name_the_chinese_grammars():
    from workbench.training.builtin_data import builtin_dataset

    stories, labels = builtin_dataset("builtin:stories-zh", 5, seed=3)
    assert list(stories["text"]) == generate_stories(5, seed=3) and labels == []
    reviews, labels = builtin_dataset("builtin:reviews-zh", 6, seed=3)
    assert list(zip(reviews["text"], reviews["label"])) == generate_reviews(6, seed=3) and labels == list(LABELS)
    from workbench.corpus import reviews, stories as english_stories

    english, _ = builtin_dataset("builtin:stories", 3, seed=3)  # the English names stay English
    assert list(english["text"]) == english_stories.generate_stories(3, seed=3)
    english, _ = builtin_dataset("builtin:reviews", 4, seed=3)
    assert list(english["text"]) == [t for t, _ in reviews.generate_reviews(4, seed=3)]
