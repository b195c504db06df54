"""Labelled positive/negative Chinese reviews from templates: the Chinese half of `builtin:tiny-sentiment`.

The same rules as the English reviews (workbench.corpus.reviews), so one classifier learns both:
the same adjectives appear under both labels, a negation flips one ("饭菜很好吃。" positive,
"饭菜不好吃。" negative, "服务一点也不差。" positive), and in a contrast the second half decides
("我本以为会很糟，但其实很棒。" positive, "演技很棒，但情节很无聊。" negative).

Written for Chinese, not translated: a bare adjective predicate needs a degree word ("饭菜很好吃",
not "饭菜好吃"), so the plain form carries 很; negation takes 不 / 不太 / 一点也不 / 并不 / 不是很,
and only with adjectives that read naturally after them ("不精彩", never "不不错" or "不一般", which
means "extraordinary"); some aspects have their own pair of adjectives (饭菜 好吃/难吃, 汤 好喝/难喝,
价格 实惠/贵). Things take their measure words (这部电影, 这家餐厅, 这把椅子).

Every review's label agrees with all of its clauses except the part before the contrast word, so
the label is never ambiguous. All randomness comes from a `random.Random(seed)`.
"""

from __future__ import annotations

import random

from workbench.corpus import reviews
from workbench.corpus.reviews import LABELS, NEGATIVE, POSITIVE

__all__ = ["LABELS", "NEGATIVE", "POSITIVE", "generate_review", "generate_reviews", "split_reviews"]

# Each domain: things with their measure words, aspects (some with their own adjective pair), openers.
# A product's aspects fit every product (no 外套的屏幕), since "这件外套的做工" names the thing.
DOMAINS: dict[str, dict[str, tuple]] = {
    "product": {
        "things": (("手机", "部"), ("搅拌机", "台"), ("背包", "个"), ("台灯", "盏"), ("水壶", "个"), ("键盘", "个"),
                   ("椅子", "把"), ("手表", "块"), ("相机", "台"), ("烤面包机", "台"), ("外套", "件"), ("音箱", "个")),
        "aspects": ("外观", "价格", "质量", "材料", "颜色", "尺寸", "快递", "包装", "做工", "售后"),
        "openers": ("我上周买了这{mw}{thing}。", "这{mw}{thing}是朋友送我的礼物。", "这{mw}{thing}我们用了一个月。",
                    "我在网上订了这{mw}{thing}。"),
    },
    "movie": {
        "things": (("电影", "部"), ("片子", "部"), ("节目", "个"), ("电视剧", "部"), ("纪录片", "部"), ("动画片", "部")),
        "aspects": ("演技", "故事", "音乐", "结局", "情节", "剧本", "演员", "对白", "节奏", "配乐"),
        "openers": ("我昨天看了这{mw}{thing}。", "我们周五晚上看了这{mw}{thing}。", "朋友向我推荐了这{mw}{thing}。",
                    "我终于看了这{mw}{thing}。"),
    },
    "restaurant": {
        "things": (("餐厅", "家"), ("咖啡馆", "家"), ("小饭馆", "家"), ("面包店", "家"), ("披萨店", "家"), ("小酒馆", "家")),
        "aspects": ("饭菜", "服务", "面条", "汤", "咖啡", "甜点", "服务员", "菜单", "环境", "面包"),
        "openers": ("我们在这{mw}{thing}吃了晚饭。", "我今天在这{mw}{thing}吃了午饭。",
                    "我们去了市中心新开的这{mw}{thing}。", "我和家人一起去了这{mw}{thing}。"),
    },
}
# (positive, negative) adjectives that fit one aspect better than the general ones.
ASPECT_ADJECTIVES: dict[str, tuple[str, str]] = {
    "饭菜": ("好吃", "难吃"), "面条": ("好吃", "难吃"), "甜点": ("好吃", "难吃"), "面包": ("好吃", "难吃"),
    "汤": ("好喝", "难喝"), "咖啡": ("好喝", "难喝"), "音乐": ("好听", "难听"), "配乐": ("好听", "难听"),
    "外观": ("好看", "难看"), "价格": ("实惠", "贵"), "故事": ("感人", "老套"),
    "服务员": ("热情", "冷淡"), "环境": ("干净", "脏"),
}
POSITIVE_ADJECTIVES: tuple[str, ...] = ("好", "棒", "出色", "精彩", "不错", "完美", "优秀", "令人满意",
                                        "让人惊喜", "讨人喜欢")
NEGATIVE_ADJECTIVES: tuple[str, ...] = ("差", "糟", "糟糕", "烂", "无聊", "让人失望", "差劲", "平庸", "粗糙",
                                        "敷衍", "一般", "乏味")
# The general adjectives that may follow a negation: "不精彩" reads naturally, "不不错" does not,
# and "不一般" means "out of the ordinary", the opposite of what the flip should say.
NEGATABLE: dict[int, tuple[str, ...]] = {
    POSITIVE: ("好", "精彩", "出色", "完美", "令人满意", "优秀"),
    NEGATIVE: ("差", "糟糕", "无聊", "让人失望", "粗糙", "乏味"),
}
INTENSIFIERS: tuple[str, ...] = ("非常", "特别", "十分", "相当", "真的很", "超级")
NEGATORS: tuple[str, ...] = ("不太", "一点也不", "并不", "不是很")  # besides a plain 不
CONTRAST_WORDS: tuple[str, ...] = ("但是", "但", "不过", "可是")
EXPECTATION_TURNS: tuple[str, ...] = ("但其实", "没想到", "结果")
# Verdicts come in pairs that differ by a negation, so "推荐" alone says nothing.
VERDICTS: dict[int, tuple[str, ...]] = {
    POSITIVE: ("我会推荐给朋友。", "下次我还会选它。", "我真的很喜欢。", "这钱花得很值。", "总的来说，很{adj}。",
               "总的来说，并不{opp}。", "我对它很满意。", "我会向朋友们推荐。"),
    NEGATIVE: ("我不会推荐给朋友。", "下次我不会再选它了。", "我真的不喜欢。", "这钱花得不值。", "总的来说，很{adj}。",
               "总的来说，并不{opp}。", "我对它不满意。", "我会提醒朋友们别上当。"),
}


def _adjective(rng: random.Random, polarity: int, aspect: str, negatable: bool) -> str:
    """An adjective of `polarity` for `aspect`: its own pair 40% of the time when it has one."""
    if aspect in ASPECT_ADJECTIVES and rng.random() < 0.4:
        return ASPECT_ADJECTIVES[aspect][0 if polarity == POSITIVE else 1]
    if negatable:
        return rng.choice(NEGATABLE[polarity])
    return rng.choice(POSITIVE_ADJECTIVES if polarity == POSITIVE else NEGATIVE_ADJECTIVES)


def _predicate(rng: random.Random, polarity: int, aspect: str = "") -> str:
    """'很好吃' / '非常精彩', or about a third of the time a negated opposite: '不好吃', '一点也不差'."""
    if rng.random() < 0.35:
        opposite = _adjective(rng, 1 - polarity, aspect, negatable=True)
        negator = "不" if rng.random() < 0.6 else rng.choice(NEGATORS)
        return negator + opposite
    # A bare adjective predicate needs a degree word in Chinese: 很 is the neutral one.
    degree = rng.choice(INTENSIFIERS) if rng.random() < 0.4 else "很"
    return degree + _adjective(rng, polarity, aspect, negatable=False)


def _subject(rng: random.Random, aspect: str, thing: str, measure: str) -> str:
    return f"这{measure}{thing}的{aspect}" if rng.random() < 0.3 else aspect


def _contrast(rng: random.Random, aspects: tuple[str, ...], polarity: int) -> str:
    """'A很差，但B很好。' or '我本以为会很糟，但其实很棒。': only the part after the turn counts."""
    first, second = rng.sample(aspects, 2)
    if rng.random() < 0.5:
        return (f"{first}{_predicate(rng, 1 - polarity, first)}，{rng.choice(CONTRAST_WORDS)}"
                f"{second}{_predicate(rng, polarity, second)}。")
    # What one expected is stated plainly (no negation): "我本以为会不太好" is not how it is said.
    expected = "很" + _adjective(rng, 1 - polarity, "", negatable=False)
    return f"我本以为会{expected}，{rng.choice(EXPECTATION_TURNS)}{_predicate(rng, polarity)}。"


def _verdict(rng: random.Random, polarity: int) -> str:
    return rng.choice(VERDICTS[polarity]).format(
        adj=rng.choice(POSITIVE_ADJECTIVES if polarity == POSITIVE else NEGATIVE_ADJECTIVES),
        opp=rng.choice(NEGATABLE[1 - polarity]))


def generate_review(rng: random.Random, label: int) -> str:
    """One review whose sentiment is `label` (0 negative, 1 positive)."""
    if label not in (NEGATIVE, POSITIVE):
        raise ValueError(f"label must be 0 or 1, not {label!r}")
    domain = DOMAINS[rng.choice(sorted(DOMAINS))]
    thing, measure = rng.choice(domain["things"])
    aspects = domain["aspects"]
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(rng.choice(domain["openers"]).format(thing=thing, mw=measure))
    body = []
    for aspect in rng.sample(aspects, rng.randint(1, 2)):
        body.append(f"{_subject(rng, aspect, thing, measure)}{_predicate(rng, label, aspect)}。")
    if rng.random() < 0.3:
        # A contrast in the middle; the review's own clauses around it keep the label clear.
        body.insert(rng.randint(0, len(body)), _contrast(rng, aspects, label))
    parts += body
    if rng.random() < 0.7:
        parts.append(_verdict(rng, label))
    return "".join(parts)


def generate_reviews(n: int, seed: int = 0) -> list[tuple[str, int]]:
    """n distinct (text, label) pairs, balanced, deterministic for the seed (the English sampler)."""
    return reviews.generate_reviews(n, seed, draw=generate_review)


def split_reviews(n_train: int, n_eval: int, seed: int = 0) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """A training set and a held-out set drawn from one stream, each balanced, sharing no text."""
    return reviews.split_reviews(n_train, n_eval, seed, draw=generate_review)
