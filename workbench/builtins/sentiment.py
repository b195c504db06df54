"""tiny-sentiment: a small BERT classifier, freshly initialised with the counted WordPiece, trained
on the generated reviews on the training engine, then scored on held-out reviews and on a few
fixed examples for its card."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any, Sequence

from workbench.builtins.data import scaled
from workbench.builtins.tokenizer import train_review_tokenizer
from workbench.builtins.train import Progress, for_build, loss_figures, train_on_engine
from workbench.models.builtins import CLS_BATCH, CLS_EVAL, CLS_EXAMPLES, CLS_LR, CLS_MAX_LEN, CLS_STEPS, CLS_TRAIN
from workbench.training.config import DataConfig, TrainConfig

BERT_SHAPE = {"hidden_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 512}


def classify(model: Any, tok: Any, texts: Sequence[str], batch: int = 64) -> list[list[float]]:
    """Class probabilities for each text (rows follow config.id2label)."""
    import torch

    probs: list[list[float]] = []
    with torch.no_grad():
        for i in range(0, len(texts), batch):
            enc = tok(list(texts[i:i + batch]), padding=True, truncation=True, return_tensors="pt")
            enc = {k: v.to(model.device) for k, v in enc.items()}
            probs += torch.softmax(model(**enc).logits.float(), dim=-1).tolist()
    return probs


def build_sentiment(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    import torch

    from workbench.corpus.reviews import LABELS, split_reviews

    n_train, n_eval = scaled(CLS_TRAIN, scale, 64), scaled(CLS_EVAL, scale, 64)
    steps = scaled(CLS_STEPS, scale, 2)
    progress(f"tiny-sentiment: generating {n_train} + {n_eval} held-out reviews and training the tokenizer ...")
    train, held_out = split_reviews(n_train, n_eval, seed=seed)
    with tempfile.TemporaryDirectory(prefix="tiny-sentiment-") as scratch:
        cfg = for_build(_fine_tune_config(Path(scratch), train, seed), seed=seed, steps=steps)
        model, tok, curve = train_on_engine(cfg, "tiny-sentiment", progress, folder)
    probs = classify(model, tok, [t for t, _ in held_out])
    gold = torch.tensor([label for _, label in held_out])
    p = torch.tensor(probs)
    accuracy = float((p.argmax(-1) == gold).float().mean())
    eval_loss = float(torch.nn.functional.nll_loss(p.clamp_min(1e-12).log(), gold))
    examples = [{"text": t, "label": LABELS[int(torch.tensor(pr).argmax())], "probs": [round(x, 4) for x in pr]}
                for t, pr in zip(CLS_EXAMPLES, classify(model, tok, CLS_EXAMPLES))]
    model.save_pretrained(folder)  # the tokenizer is already there (train_on_engine)
    progress(f"tiny-sentiment: final train loss {curve[-1][1]:.3f}, held-out accuracy {accuracy:.2%} "
             f"({len(held_out)} reviews), eval loss {eval_loss:.3f}")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {**BERT_SHAPE, "vocab_size": len(tok), "labels": list(LABELS)},
        "train": {"reviews": n_train, "steps": steps, "batch_size": CLS_BATCH, "learning_rate": CLS_LR},
        **loss_figures(curve, cfg.logging_steps),
        "eval_reviews": len(held_out),
        "eval_accuracy": round(accuracy, 4),
        "eval_loss": round(eval_loss, 4),
        "samples": examples,
    }


def _fine_tune_config(scratch: Path, train: Sequence[tuple[str, int]], seed: int) -> TrainConfig:
    """A fine-tuning run of a freshly initialised BERT: the engine trains from scratch only decoders,
    so the new classifier (seeded weights, the counted WordPiece) is saved to scratch/init and
    fine-tuned from there, on the training reviews written to scratch/train.jsonl."""
    from transformers import BertConfig, BertForSequenceClassification, set_seed

    from workbench.corpus.reviews import LABELS

    tok = train_review_tokenizer([t for t, _ in train])
    set_seed(seed)  # the initial weights come from this seed
    config = BertConfig(vocab_size=len(tok), **BERT_SHAPE, max_position_embeddings=CLS_MAX_LEN,
                        pad_token_id=tok.pad_token_id, num_labels=len(LABELS),
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    BertForSequenceClassification(config).save_pretrained(scratch / "init")
    tok.save_pretrained(scratch / "init")
    data = scratch / "train.jsonl"
    data.write_text("".join(json.dumps({"text": t, "label": LABELS[y]}) + "\n" for t, y in train), encoding="utf-8")
    return TrainConfig(task="sequence-classification", model=str(scratch / "init"), batch_size=CLS_BATCH,
                       learning_rate=CLS_LR, data=DataConfig(path=str(data), format="jsonl", max_length=CLS_MAX_LEN,
                                                             label_names=list(LABELS)))
