"""A small probabilistic grammar of simple English stories, the language of `builtin:tiny-stories`.

Why a grammar and not a downloaded corpus: nothing can be downloaded here, the built-in model must
be rebuildable bit for bit from a seed, and a closed vocabulary lets the tests check that the model
learned the language ("are the generated words in the grammar?") with a real number.

The stories are deliberately TinyStories-like: one protagonist with a name and a pronoun, a friend,
one event (found / lost / went / rain / saw), a few follow-up sentences that belong to that event,
an ending and sometimes a moral. Keeping the pronoun and the event's object consistent within a
story gives a ~1M-parameter model something worth learning beyond word frequencies (agreement over
a few sentences), while the language stays small enough to learn in a few CPU minutes.

Everything draws from a `random.Random(seed)` passed down explicitly, never the global `random`
state, so the same seed gives the same stories in any process and any import order.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# --- the lexicon -------------------------------------------------------------------------------
# Names carry a pronoun so that "Tom ... He ... his" agrees; the model has to carry it across
# sentences, which is the kind of structure that makes samples recognisably "story-like".
GIRL_NAMES: tuple[str, ...] = ("Lily", "Mia", "Anna", "Lucy", "Emma", "Sara", "Zoe", "Ella", "Rosa", "Nina")
BOY_NAMES: tuple[str, ...] = ("Tom", "Ben", "Sam", "Max", "Jack", "Leo", "Tim", "Finn", "Dan", "Joe")
ANIMALS: tuple[str, ...] = ("cat", "dog", "bird", "rabbit", "fox", "bear", "duck", "frog", "mouse",
                            "owl", "pig", "horse", "lion", "turtle", "squirrel")
CHILDREN: dict[str, str] = {"she": "girl", "he": "boy"}
CHARACTER_ADJECTIVES: tuple[str, ...] = ("little", "small", "big", "happy", "kind", "brave", "shy",
                                         "curious", "funny", "clever", "friendly", "sleepy", "busy")
COLORS: tuple[str, ...] = ("red", "blue", "green", "yellow", "shiny", "pink", "orange", "purple",
                           "tiny", "old", "new", "soft")
OBJECTS: tuple[str, ...] = ("ball", "kite", "box", "book", "hat", "toy", "flower", "boat", "key",
                            "drum", "shell", "stone", "cup", "bell", "feather", "map", "balloon")
FOODS: tuple[str, ...] = ("apple", "cake", "cookie", "sandwich", "banana", "pie", "carrot")
PLACES: tuple[str, ...] = ("garden", "park", "forest", "river", "beach", "farm", "hill", "yard",
                           "lake", "meadow", "town", "field")
HOMES: tuple[str, ...] = ("in a small house", "near the river", "on a big farm", "in the forest",
                          "by the sea", "in a little town", "under a tall tree", "next to the park")
HIDING_PLACES: tuple[str, ...] = ("under the bed", "behind a tree", "in the grass", "under a rock",
                                  "near the door", "inside a bush", "on the roof", "in the sand")
ACTIVITIES: tuple[str, ...] = ("play", "run", "jump", "sing", "dance", "swim", "draw pictures",
                               "read books", "climb trees", "play games", "build towers", "fly kites")
GOOD_FEELINGS: tuple[str, ...] = ("happy", "glad", "proud", "excited", "thankful", "calm")
BAD_FEELINGS: tuple[str, ...] = ("sad", "scared", "worried", "upset", "lonely", "tired")
SURPRISE: tuple[str, ...] = ("surprised", "curious", "amazed")
VIRTUES: tuple[str, ...] = ("share", "help others", "be kind", "be brave", "tell the truth",
                            "listen to friends", "never give up", "say sorry")
GROWNUPS: tuple[str, ...] = ("mom", "dad", "grandma", "grandpa")
EXCLAIMS: tuple[str, ...] = ("Oh no!", "Wow!", "Look at this!", "What a surprise!", "Oh my!")

# --- sentence templates ------------------------------------------------------------------------
# {N} name, {P}/{p} pronoun (capitalised / not), {pos} his/her, {F} the friend, {kind} "cat"/"girl",
# {obj} the story's object. Every template is a full sentence in the simple past tense.
INTROS: tuple[str, ...] = (
    "Once upon a time there was a {adj} {kind} named {N}.",
    "Once upon a time, there was a {adj} {kind} called {N}.",
    "There was once a {adj} {kind} named {N} who lived {home}.",
    "{N} was a {adj} {kind} who lived {home}.",
)
LIKES: tuple[str, ...] = (
    "{N} liked to {activity} in the {place}.",
    "{P} loved to {activity} with {pos} friend {F}.",
    "Every day, {N} played with {pos} friend {F}, a {adj2} {kind2}.",
    "{P} had a {color} {obj} that {p} loved very much.",
)
# Each event comes with its own pool of follow-ups, so "lost ... looked for it everywhere ...
# found the kite under the bed" hangs together; generic follow-ups fit after any event.
EVENTS: dict[str, tuple[str, ...]] = {
    "found": ("One day, {N} found a {color} {obj} in the {place}.",
              "One morning, {N} saw a {color} {obj} near the {place}."),
    "lost": ("One day, {N} lost {pos} {obj} in the {place}.",
             "One day, {N} could not find {pos} {obj}."),
    "went": ("One day, {N} and {F} went to the {place}.",
             "One sunny day, {N} went to the {place} with {F}."),
    "rain": ("One day, it started to rain and {N} could not go outside.",
             "One day, the sky was dark and it began to rain."),
    "met": ("One day, {N} met a {adj2} {kind2} named {F} in the {place}.",
            "One morning, {N} saw a {adj2} {kind2} sitting alone in the {place}."),
}
REACTIONS: dict[str, tuple[str, ...]] = {
    "found": ("{N} was very {surprise}.", "\"{exclaim}\" said {N}.", "{P} picked up the {obj} and smiled."),
    "lost": ("{N} was very {bad}.", "{P} felt {bad} and did not know what to do.", "\"Oh no!\" said {N}."),
    "went": ("{N} was very {good}.", "\"{exclaim}\" said {F}.", "The sun was warm and the sky was blue."),
    "rain": ("{N} was {bad}.", "{P} looked out of the window and felt {bad}."),
    "met": ("{F} looked {bad}.", "{N} was {surprise}.", "\"Hello, my name is {N},\" said {N}."),
}
ACTIONS: dict[str, tuple[str, ...]] = {
    "found": ("{P} showed the {obj} to {pos} friend {F}.", "{N} took the {obj} home to {pos} {grownup}.",
              "{N} and {F} played with the {obj} all day.", "{P} gave the {obj} to {F} as a gift."),
    "lost": ("{N} asked {F} for help.", "They looked for it everywhere.",
             "At last, they found the {obj} {hiding}.", "{N} said, \"Thank you, {F}!\""),
    "went": ("They liked to {activity} there.", "{N} shared {pos} {food} with {F}.",
             "They played until the sun went down.", "{F} said, \"Let us {activity} together!\""),
    "rain": ("{P} decided to {activity} inside with {pos} {grownup}.", "{pos_cap} {grownup} made a warm {food}.",
             "Soon the rain stopped and the sun came out.", "{N} ran outside to {activity} in the {place}."),
    "met": ("{N} asked, \"Do you want to play with me?\"", "{F} smiled and said, \"Yes, please!\"",
            "{N} shared {pos} {food} with {F}.", "They played in the {place} all day."),
}
ENDINGS: tuple[str, ...] = (
    "In the end, {N} was very {good}.",
    "From that day on, {N} and {F} were best friends.",
    "{N} smiled and went home {good}.",
    "That night, {N} went to bed with a big smile.",
    "It was the best day ever.",
)
MORALS: tuple[str, ...] = (
    "{N} learned that it is good to {virtue}.",
    "{P} learned that it is important to {virtue}.",
)

# One summary per event: the hero, what they are, and what happened. A summarizer has to find and
# copy the names, the kind and the object from the story (cross-attention has something to show).
SUMMARIES: dict[str, str] = {
    "found": "{N}, a {adj} {kind}, found a {color} {obj}.",
    "lost": "{N}, a {adj} {kind}, lost {pos} {obj}.",
    "went": "{N}, a {adj} {kind}, went to the {place} with {F}.",
    "rain": "{N}, a {adj} {kind}, stayed inside because of the rain.",
    "met": "{N}, a {adj} {kind}, met {F}, a {adj2} {kind2}.",
}

_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class _Character:
    name: str
    pronoun: str  # "he" / "she"
    kind: str  # an animal or "girl"/"boy"


def _character(rng: random.Random, avoid: str = "") -> _Character:
    # Pick the pronoun first so names and pronouns agree; children and animals are equally likely
    # so both "a little girl named Mia" and "a brave fox named Leo" are common.
    pronoun = rng.choice(("he", "she"))
    names = [n for n in (BOY_NAMES if pronoun == "he" else GIRL_NAMES) if n != avoid]
    kind = CHILDREN[pronoun] if rng.random() < 0.4 else rng.choice(ANIMALS)
    return _Character(rng.choice(names), pronoun, kind)


def _article_fix(sentence: str) -> str:
    """'a old hat' -> 'an old hat'; cheaper than making every template aware of vowels."""
    return re.sub(r"\b([Aa]) (?=[aeiouAEIOU])", r"\1n ", sentence)


def generate_story(rng: random.Random) -> str:
    """One story of 3-8 sentences drawn from `rng` (intro, event, ending always; the rest optional)."""
    return " ".join(story_sentences(rng))


def story_sentences(rng: random.Random) -> list[str]:
    """The sentences of one story, in order (generate_story joins them with spaces)."""
    return _story(rng)[0]


def story_and_summary(rng: random.Random) -> tuple[str, str]:
    """One story and its one-sentence summary (who, what happened, to what). The summary draws
    nothing more from `rng`, so the stories are those generate_stories gives for the same seed."""
    sentences, slots, event = _story(rng)
    return " ".join(sentences), _article_fix(SUMMARIES[event].format(**slots))


def generate_summaries(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` (story, summary) pairs; the stories are generate_stories(n, seed)'s."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    return [story_and_summary(rng) for _ in range(n)]


def _story(rng: random.Random) -> tuple[list[str], dict[str, str], str]:
    """(the sentences, the slots they were filled with, the event)."""
    hero = _character(rng)
    friend = _character(rng, avoid=hero.name)
    possessive = "his" if hero.pronoun == "he" else "her"
    slots = {
        "N": hero.name, "P": hero.pronoun.capitalize(), "p": hero.pronoun, "pos": possessive,
        "pos_cap": possessive.capitalize(), "kind": hero.kind, "F": friend.name, "kind2": friend.kind,
        "adj": rng.choice(CHARACTER_ADJECTIVES), "adj2": rng.choice(CHARACTER_ADJECTIVES),
        "color": rng.choice(COLORS), "obj": rng.choice(OBJECTS), "food": rng.choice(FOODS),
        "place": rng.choice(PLACES), "home": rng.choice(HOMES), "hiding": rng.choice(HIDING_PLACES),
        "activity": rng.choice(ACTIVITIES), "good": rng.choice(GOOD_FEELINGS),
        "bad": rng.choice(BAD_FEELINGS), "surprise": rng.choice(SURPRISE), "virtue": rng.choice(VIRTUES),
        "grownup": rng.choice(GROWNUPS), "exclaim": rng.choice(EXCLAIMS),
    }
    event = rng.choice(sorted(EVENTS))
    templates = [rng.choice(INTROS)]
    if rng.random() < 0.6:
        templates.append(rng.choice(LIKES))
    templates.append(rng.choice(EVENTS[event]))
    if rng.random() < 0.7:
        templates.append(rng.choice(REACTIONS[event]))
    # Follow-ups keep their listed order (a sample without replacement, then sorted by position)
    # so "looked everywhere" comes before "at last, they found it".
    pool = ACTIONS[event]
    picked = sorted(rng.sample(range(len(pool)), rng.randint(0, 2)))
    templates += [pool[i] for i in picked]
    templates.append(rng.choice(ENDINGS))
    if rng.random() < 0.3:
        templates.append(rng.choice(MORALS))
    # 1 + 1 + 1 + 1 + 2 + 1 + 1 = 8 sentences at most, 3 at least: intro, event, ending.
    return [_article_fix(t.format(**slots)) for t in templates], slots, event


def generate_stories(n: int, seed: int = 0) -> list[str]:
    """`n` stories, the same for the same seed in any process (a private Random, no global state)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    return [generate_story(rng) for _ in range(n)]


def words(text: str) -> list[str]:
    """Lower-cased alphabetic words of `text`; the unit the vocabulary checks count in."""
    return [w.lower() for w in _WORD.findall(text)]


def vocabulary() -> frozenset[str]:
    """Every word the grammar can produce (lower case), read off the lexicon and the templates."""
    texts: list[str] = []
    for group in (GIRL_NAMES, BOY_NAMES, ANIMALS, tuple(CHILDREN.values()), CHARACTER_ADJECTIVES,
                  COLORS, OBJECTS, FOODS, PLACES, HOMES, HIDING_PLACES, ACTIVITIES, GOOD_FEELINGS,
                  BAD_FEELINGS, SURPRISE, VIRTUES, GROWNUPS, EXCLAIMS, INTROS, LIKES, ENDINGS, MORALS):
        texts.extend(group)
    for table in (EVENTS, REACTIONS, ACTIONS):
        for group in table.values():
            texts.extend(group)
    # Template slots ({N}, {pos_cap}) are not words of the language; the pronouns and "an" are.
    found = {w for t in texts for w in words(re.sub(r"\{[^}]*\}", " ", t))}
    return frozenset(found | {"he", "she", "his", "her", "an"})
