"""A small probabilistic grammar of simple Chinese stories: the Chinese half of `builtin:tiny-stories`.

The counterpart of workbench.corpus.stories, with the same shape so the same model and the same
measures work on both: one protagonist with a name and a pronoun (他/她), a friend, one event
(found / lost / went / rain / met) with follow-ups that belong to it, an ending and sometimes a
moral. Names repeat through a story ("从前，有一只勇敢的小兔子，名叫乐乐。……乐乐笑了。"), which is
what the LM's repeated-name accuracy scores.

Written by hand rather than translated template by template: Chinese needs measure words (一只小猫,
一匹小马, 一把钥匙), locatives after places (在花园里, 在海滩上, but 去花园), and no articles or
capitals, so each lexicon entry carries what its templates need. Names are reduplicated children's
names (乐乐, 豆豆), as in Chinese picture books; none is a word the templates write elsewhere (no
甜甜 beside 甜甜的笑容), so a repeated name is always the character's.

The text is Chinese characters and Chinese punctuation only (，。！？：“”), no spaces. Everything
draws from a `random.Random(seed)` passed down explicitly, never the global `random` state.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# --- the lexicon -------------------------------------------------------------------------------
GIRL_NAMES: tuple[str, ...] = ("美美", "丽丽", "欢欢", "朵朵", "兰兰", "圆圆", "静静", "莉莉", "妞妞", "彤彤")
BOY_NAMES: tuple[str, ...] = ("乐乐", "豆豆", "明明", "亮亮", "东东", "壮壮", "阳阳", "毛毛", "虎虎", "强强")
# (the animal, its measure word): 一只小猫, 一匹小马.
ANIMALS: tuple[tuple[str, str], ...] = (
    ("小猫", "只"), ("小狗", "只"), ("小鸟", "只"), ("小兔子", "只"), ("小狐狸", "只"), ("小熊", "只"),
    ("小鸭子", "只"), ("小青蛙", "只"), ("小老鼠", "只"), ("猫头鹰", "只"), ("小猪", "只"), ("小马", "匹"),
    ("小狮子", "只"), ("小乌龟", "只"), ("小松鼠", "只"))
CHILDREN: dict[str, tuple[str, str]] = {"她": ("小女孩", "个"), "他": ("小男孩", "个")}
CHARACTER_ADJECTIVES: tuple[str, ...] = ("可爱的", "勇敢的", "聪明的", "害羞的", "快乐的", "善良的", "好奇的",
                                         "调皮的", "胆小的", "爱笑的", "友好的", "贪睡的", "忙碌的")
COLORS: tuple[str, ...] = ("红色的", "蓝色的", "绿色的", "黄色的", "闪亮的", "粉色的", "橙色的", "紫色的",
                           "小小的", "旧旧的", "新的", "软软的")
# (the object, its measure word): 一顶帽子, 一把钥匙.
OBJECTS: tuple[tuple[str, str], ...] = (
    ("球", "个"), ("风筝", "只"), ("盒子", "个"), ("书", "本"), ("帽子", "顶"), ("玩具", "个"), ("花", "朵"),
    ("小船", "只"), ("钥匙", "把"), ("小鼓", "面"), ("贝壳", "个"), ("石头", "块"), ("杯子", "个"),
    ("铃铛", "个"), ("羽毛", "根"), ("地图", "张"), ("气球", "个"))
FOODS: tuple[str, ...] = ("蛋糕", "饼干", "包子", "饺子", "面包", "馅饼", "南瓜饼")
# (going there, being there): 去花园 / 在花园里, 去海滩 / 在海滩上, 去河边 / 在河边.
PLACES: tuple[tuple[str, str], ...] = (
    ("花园", "花园里"), ("公园", "公园里"), ("森林", "森林里"), ("河边", "河边"), ("海滩", "海滩上"),
    ("农场", "农场上"), ("山坡", "山坡上"), ("院子", "院子里"), ("湖边", "湖边"), ("草地", "草地上"),
    ("小镇", "小镇上"), ("田野", "田野里"))
HOMES: tuple[str, ...] = ("一座小房子里", "河边", "一个大农场上", "森林里", "海边", "一个小镇上", "一棵大树下",
                          "公园旁边")
HIDING_PLACES: tuple[str, ...] = ("床底下", "大树后面", "草丛里", "石头下面", "门旁边", "灌木丛里", "屋顶上",
                                  "沙子里")
ACTIVITIES: tuple[str, ...] = ("玩", "跑步", "跳舞", "唱歌", "游泳", "画画", "看书", "爬树", "做游戏", "搭积木",
                               "放风筝", "捉迷藏")
GOOD_FEELINGS: tuple[str, ...] = ("开心", "高兴", "骄傲", "兴奋", "满足", "快乐")
BAD_FEELINGS: tuple[str, ...] = ("难过", "害怕", "担心", "伤心", "孤单", "着急")
SURPRISE: tuple[str, ...] = ("惊讶", "好奇", "吃惊")
VIRTUES: tuple[str, ...] = ("要学会分享", "要帮助别人", "要对别人友善", "要勇敢", "要说真话", "要听朋友的话",
                            "永远不要放弃", "做错了事要道歉")
GROWNUPS: tuple[str, ...] = ("妈妈", "爸爸", "奶奶", "爷爷")
EXCLAIMS: tuple[str, ...] = ("哇！", "快看！", "真是个惊喜！", "天哪！", "太好了！")

# --- sentence templates ------------------------------------------------------------------------
# {N} name, {P} pronoun, {pos} 他的/她的, {F} the friend, {kind}/{mw} what the hero is and its
# measure word, {obj}/{omw} the story's object, {to}/{at} the place (去花园 / 在花园里).
INTROS: tuple[str, ...] = (
    "从前，有一{mw}{adj}{kind}，名叫{N}。",
    "很久很久以前，有一{mw}{adj}{kind}，叫{N}。",
    "从前，在{home}，住着一{mw}{adj}{kind}，名叫{N}。",
    "{N}是一{mw}{adj}{kind}，住在{home}。",
)
LIKES: tuple[str, ...] = (
    "{N}喜欢在{at}{activity}。",
    "{P}最喜欢和好朋友{F}一起{activity}。",
    "{N}有一个好朋友，叫{F}，是一{mw2}{adj2}{kind2}。",
    "{P}有一{omw}{color}{obj}，{P}非常喜欢它。",
)
# Each event has its own follow-ups, so "弄丢了……到处寻找……找到了" hangs together.
EVENTS: dict[str, tuple[str, ...]] = {
    "found": ("有一天，{N}在{at}发现了一{omw}{color}{obj}。",
              "一天早上，{N}在{at}看到了一{omw}{color}{obj}。"),
    "lost": ("有一天，{N}在{at}弄丢了{pos}{obj}。",
             "有一天，{N}找不到{pos}{obj}了。"),
    "went": ("有一天，{N}和{F}一起去了{to}。",
             "一个晴朗的日子，{N}和{F}去{to}玩。"),
    "rain": ("有一天，下起了大雨，{N}不能出去玩了。",
             "有一天，天空变得黑黑的，开始下雨了。"),
    "met": ("有一天，{N}在{at}遇到了一{mw2}{adj2}{kind2}，名叫{F}。",
            "一天早上，{N}看到一{mw2}{adj2}{kind2}独自坐在{at}。"),
}
REACTIONS: dict[str, tuple[str, ...]] = {
    "found": ("{N}感到非常{surprise}。", "“{exclaim}”{N}说。", "{P}捡起{obj}，开心地笑了。"),
    "lost": ("{N}非常{bad}。", "{P}很{bad}，不知道该怎么办。", "“哎呀！”{N}说。"),
    "went": ("{N}非常{good}。", "“{exclaim}”{F}说。", "阳光暖暖的，天空蓝蓝的。"),
    "rain": ("{N}有点{bad}。", "{P}望着窗外，心里很{bad}。"),
    "met": ("{F}看起来很{bad}。", "{N}觉得很{surprise}。", "“你好，我叫{N}。”{N}说。"),
}
ACTIONS: dict[str, tuple[str, ...]] = {
    "found": ("{P}把{obj}拿给好朋友{F}看。", "{N}把{obj}带回家，给{grownup}看。",
              "{N}和{F}拿着{obj}玩了一整天。", "{P}把{obj}送给了{F}，当作礼物。"),
    "lost": ("{N}请{F}帮忙。", "{N}到处寻找。",
             "最后，{N}在{hiding}找到了{obj}。", "{N}说：“谢谢你，{F}！”"),
    "went": ("他们在那里一起{activity}。", "{N}和{F}分享了{pos}{food}。",
             "他们一直玩到太阳下山。", "{F}说：“我们一起{activity}吧！”"),
    "rain": ("{P}决定和{grownup}在家里{activity}。", "{grownup}做了好吃的{food}。",
             "很快，雨停了，太阳出来了。", "{N}跑出门，在{at}{activity}。"),
    "met": ("{N}问：“你想和我一起玩吗？”", "{F}笑着说：“好呀！”",
            "{N}和{F}分享了{pos}{food}。", "他们在{at}玩了一整天。"),
}
ENDINGS: tuple[str, ...] = (
    "最后，{N}感到非常{good}。",
    "从那天起，{N}和{F}成了最好的朋友。",
    "{N}笑着回家了，心里非常{good}。",
    "那天晚上，{N}带着甜甜的笑容睡着了。",
    "这真是最美好的一天。",
)
MORALS: tuple[str, ...] = (
    "{N}明白了一个道理：{virtue}。",
    "{P}知道了，{virtue}。",
)

PUNCTUATION = frozenset("，。！？：“”")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class _Character:
    name: str
    pronoun: str  # 他 / 她
    kind: str  # an animal or 小女孩/小男孩
    measure: str  # its measure word: 只, 匹, 个


def _character(rng: random.Random, avoid: str = "") -> _Character:
    # As in English: the pronoun first so the name agrees, children and animals both common.
    pronoun = rng.choice(("他", "她"))
    names = [n for n in (BOY_NAMES if pronoun == "他" else GIRL_NAMES) if n != avoid]
    kind, measure = CHILDREN[pronoun] if rng.random() < 0.4 else rng.choice(ANIMALS)
    return _Character(rng.choice(names), pronoun, kind, measure)


def _slots(rng: random.Random) -> dict[str, str]:
    hero = _character(rng)
    friend = _character(rng, avoid=hero.name)
    obj, obj_measure = rng.choice(OBJECTS)
    to, at = rng.choice(PLACES)
    return {
        "N": hero.name, "P": hero.pronoun, "pos": hero.pronoun + "的", "kind": hero.kind, "mw": hero.measure,
        "F": friend.name, "kind2": friend.kind, "mw2": friend.measure,
        "adj": rng.choice(CHARACTER_ADJECTIVES), "adj2": rng.choice(CHARACTER_ADJECTIVES),
        "color": rng.choice(COLORS), "obj": obj, "omw": obj_measure, "food": rng.choice(FOODS),
        "to": to, "at": at, "home": rng.choice(HOMES), "hiding": rng.choice(HIDING_PLACES),
        "activity": rng.choice(ACTIVITIES), "good": rng.choice(GOOD_FEELINGS), "bad": rng.choice(BAD_FEELINGS),
        "surprise": rng.choice(SURPRISE), "virtue": rng.choice(VIRTUES), "grownup": rng.choice(GROWNUPS),
        "exclaim": rng.choice(EXCLAIMS),
    }


def story_sentences(rng: random.Random) -> list[str]:
    """The sentences of one story (3-8: intro, event, ending always; the rest optional), in order."""
    slots = _slots(rng)
    event = rng.choice(sorted(EVENTS))
    templates = [rng.choice(INTROS)]
    if rng.random() < 0.6:
        templates.append(rng.choice(LIKES))
    templates.append(rng.choice(EVENTS[event]))
    if rng.random() < 0.7:
        templates.append(rng.choice(REACTIONS[event]))
    # Follow-ups keep their listed order, so "到处寻找" comes before "最后，找到了".
    pool = ACTIONS[event]
    templates += [pool[i] for i in sorted(rng.sample(range(len(pool)), rng.randint(0, 2)))]
    templates.append(rng.choice(ENDINGS))
    if rng.random() < 0.3:
        templates.append(rng.choice(MORALS))
    return [t.format(**slots) for t in templates]


def generate_story(rng: random.Random) -> str:
    """One story; Chinese sentences follow each other with no space between them."""
    return "".join(story_sentences(rng))


def generate_stories(n: int, seed: int = 0) -> list[str]:
    """`n` stories, the same for the same seed in any process (a private Random, no global state)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    return [generate_story(rng) for _ in range(n)]


def characters() -> frozenset[str]:
    """Every character the grammar can write (Chinese characters and its punctuation), read off
    the lexicon and the templates: the Chinese counterpart of stories.vocabulary()."""
    texts: list[str] = [*GIRL_NAMES, *BOY_NAMES, *CHARACTER_ADJECTIVES, *COLORS, *FOODS, *HOMES, *HIDING_PLACES,
                        *ACTIVITIES, *GOOD_FEELINGS, *BAD_FEELINGS, *SURPRISE, *VIRTUES, *GROWNUPS, *EXCLAIMS,
                        *INTROS, *LIKES, *ENDINGS, *MORALS, "他她的"]
    for pairs in (ANIMALS, tuple(CHILDREN.values()), OBJECTS, PLACES):
        texts += [a + b for a, b in pairs]
    for table in (EVENTS, REACTIONS, ACTIONS):
        for group in table.values():
            texts.extend(group)
    # Template slots ({N}, {omw}) are not text of the language.
    return frozenset(c for t in texts for c in re.sub(r"\{[^}]*\}", "", t))


def hanzi(text: str) -> list[str]:
    """The Chinese characters of `text` (punctuation, Latin and spaces left out): the unit the
    character checks count in, as stories.words() is for English."""
    return _CJK.findall(text)
