"""The shipped built-in models: they load like any model, do their job, and rebuild identically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.corpus.reviews import LABELS, excluding, generate_reviews, split_reviews
from workbench.corpus.stories import generate_stories, vocabulary, words
from workbench.builtins.build import build_builtins
from workbench.builtins.summarizer import SUM_STEPS
from workbench.builtins.data import pack_stories
from workbench.builtins.sentiment import classify
from workbench.errors import ModelLoadError
from workbench.models.builtins import (BUILTINS, CARD_FILE, CLS_STEPS, LM_BUILD_STEPS, builtin_path, builtins_root,
                                       read_card)
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec


def test_shipped_folders_are_complete_and_small():
    root = builtins_root()
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total <= 10 * 1024 * 1024, total
    for name in BUILTINS:
        folder = builtin_path(name)
        assert (folder / "model.safetensors").stat().st_size > 100_000
        assert (folder / "tokenizer.json").exists() and (folder / "tokenizer_config.json").exists()
        card = read_card(name)
        assert card["name"] == name and card["seed"] == 0 and card["steps_scale"] == 1.0
        assert card["final_train_loss"] > 0 and card["wall_time_s"] > 0
        assert set(card["versions"]) >= {"torch", "transformers", "tokenizers", "python"}
        assert not list(folder.glob("*.bin")) and not list(root.glob(".*-*"))  # no pickles, no temp dirs
    assert (builtin_path("tiny-stories") / "generation_config.json").exists()


def test_sentiment_loads_with_labels_and_scores_on_fresh_held_out(sentiment):
    assert sentiment.task == "sequence-classification"
    assert sentiment.info.labels == LABELS
    assert sentiment.model.config.label2id == {"negative": 0, "positive": 1}
    assert 300_000 < sentiment.info.num_parameters < 1_500_000
    card = read_card("tiny-sentiment")
    assert card["eval_accuracy"] >= 0.95
    # Reviews from a seed the build never used, minus any text that happens to be in its train set.
    train, _ = split_reviews(card["train"]["reviews_en"], 0, seed=card["seed"])  # the English part of its data
    fresh = excluding(generate_reviews(400, seed=2024), (t for t, _ in train))
    assert len(fresh) >= 380
    probs = classify(sentiment.model, sentiment.tokenizer, [t for t, _ in fresh])
    correct = sum((p[1] > p[0]) == (label == 1) for p, (_, label) in zip(probs, fresh))
    accuracy = correct / len(fresh)
    assert accuracy >= 0.95, accuracy
    # Negation is the point of the data: the same adjective with "not" flips the prediction.
    flip = classify(sentiment.model, sentiment.tokenizer,
                    ["The service was good.", "The service was not good.",
                     "The movie was terrible.", "The movie was not terrible."])
    assert [int(p[1] > p[0]) for p in flip] == [1, 0, 0, 1]


def test_stories_lm_generates_the_grammar(stories_lm):
    import torch

    assert stories_lm.task == "causal-lm"
    tok, model = stories_lm.tokenizer, stories_lm.model
    assert 500_000 < stories_lm.info.num_parameters < 2_000_000
    assert stories_lm.info.context_length == 256
    assert model.generation_config.do_sample and 0 < model.generation_config.temperature <= 1
    vocab = vocabulary()
    ids = tok("Once upon a time", return_tensors="pt", add_special_tokens=False).input_ids
    with torch.no_grad():
        greedy = model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False, max_new_tokens=60)
        torch.manual_seed(0)
        sampled = model.generate(ids.repeat(4, 1), attention_mask=torch.ones_like(ids).repeat(4, 1),
                                 max_new_tokens=60)
    texts = [tok.decode(greedy[0], skip_special_tokens=True)] + \
        [tok.decode(s, skip_special_tokens=True) for s in sampled]
    for text in texts:
        assert text.startswith("Once upon a time")
        generated = words(text)[4:]
        assert len(generated) >= 10, text  # it said something
        in_vocab = sum(w in vocab for w in generated) / len(generated)
        assert in_vocab >= 0.9, (in_vocab, text)
        assert "  " not in text  # byte-level BPE decodes with single spaces
    # Greedy continuation of a story opening is a sentence of the language.
    assert texts[0].split(". ")[0].split()[-2] in ("named", "called"), texts[0]
    # The model is far better than chance on unseen stories: loss per token well under log(vocab).
    eval_blocks = pack_stories(tok(generate_stories(60, seed=777), add_special_tokens=False)["input_ids"],
                               tok.eos_token_id)
    x = torch.tensor(eval_blocks[:8])
    with torch.no_grad():
        loss = float(model(input_ids=x, labels=x).loss)
    assert loss < 1.2 and loss < read_card("tiny-stories")["eval_loss"] + 0.2, loss


def test_stories_tokenizer_round_trips_text(stories_lm):
    tok = stories_lm.tokenizer
    text = 'One day, Lily found a shiny key in the garden. "Wow!" said Lily. Zebra 123 ü'
    ids = tok(text, add_special_tokens=False).input_ids
    assert tok.decode(ids) == text  # byte level: any text, no unknowns, spaces intact
    assert len(ids) < len(text.split()) * 2  # grammar words are whole tokens, not characters
    assert tok.eos_token == tok.bos_token == "<|endoftext|>" and tok.pad_token == "<pad>"
    assert tok.unk_token == "<unk>"


def test_pack_stories_blocks_start_at_story_starts():
    blocks = pack_stories([[1, 2, 3], [4, 5], [6, 7, 8, 9], [10]], eos_id=0, block=6)
    # [1,2,3,0] + start of [4,5,0] fills to 6; the next block opens with that story in full.
    assert blocks == [[1, 2, 3, 0, 4, 5], [4, 5, 0, 6, 7, 8], [6, 7, 8, 9, 0, 10]]
    assert all(len(b) == 6 for b in blocks)


def test_tiny_build_is_deterministic(tmp_path):
    """Same seed -> byte-identical weights; another seed -> different weights."""
    scale = 0.001  # two or so steps each: determinism needs two builds, not a trained model
    kw = dict(seed=1, steps_scale=scale)
    lines: list[str] = []
    first = build_builtins(tmp_path / "a", progress=lines.append, **kw)
    build_builtins(tmp_path / "b", **kw)
    for name in BUILTINS:
        a = (tmp_path / "a" / name / "model.safetensors").read_bytes()
        b = (tmp_path / "b" / name / "model.safetensors").read_bytes()
        assert a == b, name
        assert (tmp_path / "a" / name / "tokenizer.json").read_bytes() == \
            (tmp_path / "b" / name / "tokenizer.json").read_bytes()
        card = json.loads((tmp_path / "a" / name / CARD_FILE).read_text())
        assert card == first[name] and card["seed"] == 1
        steps = {"tiny-stories": LM_BUILD_STEPS, "tiny-sentiment": CLS_STEPS, "tiny-summarizer": SUM_STEPS}[name]
        assert card["train"]["steps"] == max(2, round(steps * scale))
    assert any("step" in line and "loss" in line for line in lines)
    # The tiny models load through the ordinary loader from a plain folder.
    loaded = load_model(ModelSpec(str(tmp_path / "a" / "tiny-sentiment"), device="cpu"))
    assert loaded.info.labels == LABELS
    other = build_builtins(tmp_path / "c", seed=2, steps_scale=scale, names=["tiny-sentiment"])
    assert list(other) == ["tiny-sentiment"] and not (tmp_path / "c" / "tiny-stories").exists()
    assert (tmp_path / "c" / "tiny-sentiment" / "model.safetensors").read_bytes() != \
        (tmp_path / "a" / "tiny-sentiment" / "model.safetensors").read_bytes()


def test_build_rejects_unknown_names(tmp_path):
    with pytest.raises(ValueError, match="unknown built-in"):
        build_builtins(tmp_path, names=["nope"])
    with pytest.raises(ModelLoadError):
        builtin_path("nope")


def test_summarizer_summarizes_fresh_stories_and_shows_three_kinds_of_attention():
    """tiny-summarizer on stories it never saw (another seed): its greedy summaries score as its
    card says, and the Attention page gets encoder, decoder and cross maps."""
    from workbench.attention.maps import extract_attention
    from workbench.backends import open_model
    from workbench.builtins.summarizer import summarize
    from workbench.corpus.stories import generate_summaries
    from workbench.training.text_scores import rouge

    model = open_model("builtin:tiny-summarizer", device="cpu")
    assert model.task == "seq2seq-lm"
    pairs = generate_summaries(40, seed=777)
    written = summarize(model.model, model.tokenizer, [s for s, _ in pairs])
    score = rouge(written, [t for _, t in pairs])["rougeL"]
    assert score >= 90 and score >= read_card("tiny-summarizer")["eval_rougeL"] - 5, (score, written[:3])
    maps = extract_attention(model, pairs[0][0])
    assert list(maps.sets) == ["encoder", "decoder", "cross"]
    cross = maps.sets["cross"]
    assert cross.weights.shape[2:] == (len(cross.query_tokens), len(cross.key_tokens))
