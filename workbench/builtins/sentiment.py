"""tiny-sentiment: a small BERT classifier trained on the generated reviews with the counted
WordPiece, scored on held-out reviews and on a few fixed examples for its card."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from workbench.builtins.data import Rows, scaled
from workbench.builtins.tokenizer import train_review_tokenizer
from workbench.builtins.train import Progress, loss_figures, train_model
from workbench.models.builtins import CLS_BATCH, CLS_EVAL, CLS_EXAMPLES, CLS_LR, CLS_MAX_LEN, CLS_STEPS, CLS_TRAIN


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
    from transformers import BertConfig, BertForSequenceClassification, DataCollatorWithPadding, set_seed

    from workbench.corpus.reviews import LABELS, split_reviews

    n_train, n_eval = scaled(CLS_TRAIN, scale, 64), scaled(CLS_EVAL, scale, 64)
    steps = scaled(CLS_STEPS, scale, 2)
    progress(f"tiny-sentiment: generating {n_train} + {n_eval} held-out reviews and training the tokenizer ...")
    train, held_out = split_reviews(n_train, n_eval, seed=seed)
    tok = train_review_tokenizer([t for t, _ in train])
    enc = tok([t for t, _ in train], truncation=True)
    rows = [{**{k: enc[k][i] for k in enc}, "labels": label} for i, (_, label) in enumerate(train)]
    set_seed(seed)
    config = BertConfig(vocab_size=len(tok), hidden_size=128, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=512, max_position_embeddings=CLS_MAX_LEN,
                        pad_token_id=tok.pad_token_id, num_labels=len(LABELS),
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    model = BertForSequenceClassification(config)
    history = train_model(model, Rows(rows), steps=steps, batch=CLS_BATCH, lr=CLS_LR, seed=seed,
                          name="tiny-sentiment", progress=progress,
                          collator=DataCollatorWithPadding(tok, return_tensors="pt"))
    model.eval()
    probs = classify(model, tok, [t for t, _ in held_out])
    gold = torch.tensor([label for _, label in held_out])
    p = torch.tensor(probs)
    accuracy = float((p.argmax(-1) == gold).float().mean())
    eval_loss = float(torch.nn.functional.nll_loss(p.clamp_min(1e-12).log(), gold))
    examples = [{"text": t, "label": LABELS[int(torch.tensor(pr).argmax())], "probs": [round(x, 4) for x in pr]}
                for t, pr in zip(CLS_EXAMPLES, classify(model, tok, CLS_EXAMPLES))]
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    losses = [h["loss"] for h in history if "loss" in h]
    progress(f"tiny-sentiment: final train loss {losses[-1]:.3f}, held-out accuracy {accuracy:.2%} "
             f"({len(held_out)} reviews), eval loss {eval_loss:.3f}")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 128,
                   "intermediate_size": 512, "vocab_size": len(tok), "labels": list(LABELS)},
        "train": {"reviews": n_train, "steps": steps, "batch_size": CLS_BATCH, "learning_rate": CLS_LR},
        **loss_figures(history),
        "eval_reviews": len(held_out),
        "eval_accuracy": round(accuracy, 4),
        "eval_loss": round(eval_loss, 4),
        "samples": examples,
    }
