"""Tokenisation, step by step, on the loaded model: text -> words -> vocabulary pieces -> ids ->
rows of the embedding matrix.

The steps are the tokenizer's own (the `tokenizers` pipeline behind a fast tokenizer: its
pre-tokenizer splits words, its model -- BPE, WordPiece or Unigram -- splits them into pieces),
so the ids at the end are exactly what the model receives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import InputError
from workbench.models.spec import LoadedModel
from workbench.predict import tokenize
from workbench.texts import N_
from workbench.token_text import joined, token_labels

ALGORITHMS = {
    "BPE": N_("byte-pair encoding (BPE): start from single characters (bytes) and apply the merges "
              "learnt from the training text, most frequent pair first"),
    "WordPiece": N_("WordPiece: take the longest piece of the vocabulary that starts the word, then "
                    "the longest that continues it (continuations are written with ##)"),
    "Unigram": N_("a Unigram language model: of all ways to cut the word into vocabulary pieces, take "
                  "the most probable one"),
}


@dataclass(frozen=True)
class WordPieces:
    word: str  # as the pre-tokenizer sees it (GPT-2 style tokenizers show a leading space as Ġ)
    pieces: tuple[str, ...]  # vocabulary entries (byte-level ones read as "æ³¨" for 注)
    ids: tuple[int, ...]
    text: str = ""  # the word as text: its pieces' characters, each once ("注意" for "æ³¨æĦı")
    labels: tuple[str, ...] = ()  # each piece as views show it: "注(1/3)", " cat" (workbench.token_text)
    hovers: tuple[str, ...] = ()  # each piece's raw entry and bytes


@dataclass(frozen=True)
class TokenSteps:
    algorithm: str  # "BPE", "WordPiece", "Unigram" or the class name
    explanation: str
    vocab_size: int
    words: tuple[WordPieces, ...]  # step 1-2: words and their pieces
    ids: tuple[int, ...]  # step 3: what the model receives, special tokens included
    tokens: tuple[str, ...]  # each id's label ("注(1/3)", "[CLS]"), as every view shows tokens
    special: tuple[str, ...]  # special tokens this tokenizer adds (e.g. [CLS], [SEP]), in order
    embedding_shape: tuple[int, int] | None  # (vocab rows, hidden size) of the input embeddings
    embedding_rows: np.ndarray | None  # (n, k) the first k numbers of each id's embedding row


def explain_tokens(loaded: LoadedModel, text: str, first_dims: int = 8) -> TokenSteps:
    """The steps for `text` on this model's tokenizer (and its embedding matrix when it has one)."""
    if not text.strip():
        raise InputError("The text is empty; type some text first")
    tok = loaded.tokenizer
    spans = tokenize(tok, text)
    backend = getattr(tok, "backend_tokenizer", None)
    algorithm = type(backend.model).__name__ if backend is not None else type(tok).__name__
    words = _words(tok, backend, text)
    special = tuple(s.token for s in spans if s.special)
    rows, shape = _embedding_rows(loaded, [s.id for s in spans], first_dims)
    return TokenSteps(algorithm, ALGORITHMS.get(algorithm, f"the {algorithm} tokenizer's own rules"), len(tok),
                      words, tuple(s.id for s in spans), tuple(s.label or s.token for s in spans), special, shape,
                      rows)


def _words(tok: object, backend: object, text: str) -> tuple[WordPieces, ...]:
    """Pre-tokenised words, each with the pieces and ids the tokenizer gives it."""
    if backend is None or backend.pre_tokenizer is None:
        pieces = tok.tokenize(text)
        return (_word(tok, text, pieces, tok.convert_tokens_to_ids(pieces)),)
    normal = backend.normalizer.normalize_str(text) if backend.normalizer is not None else text
    out = []
    for word, _span in backend.pre_tokenizer.pre_tokenize_str(normal):
        enc = backend.model.tokenize(word)
        out.append(_word(tok, word, [t.value for t in enc], [t.id for t in enc]))
    return tuple(out)


def _word(tok: object, word: str, pieces: list[str], ids: list[int]) -> WordPieces:
    """One word with its pieces labelled as text (a word holds whole characters, so its labels'
    characters are the word)."""
    labels = token_labels(tok, ids)
    return WordPieces(word, tuple(pieces), tuple(int(i) for i in ids), joined(labels) or word,
                      tuple(label.text for label in labels), tuple(label.hover for label in labels))


def _embedding_rows(loaded: LoadedModel, ids: list[int], k: int) -> tuple[np.ndarray | None, tuple[int, int] | None]:
    model = getattr(loaded, "model", None)  # an ONNX export has no PyTorch embedding matrix here
    if model is None or not hasattr(model, "get_input_embeddings"):
        return None, None
    weight = model.get_input_embeddings().weight  # (vocab, hidden)
    rows = weight.detach()[ids, :k].float().cpu().numpy()
    return rows, (int(weight.shape[0]), int(weight.shape[1]))
