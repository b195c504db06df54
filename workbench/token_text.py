"""Token labels that show text: what every view writes under a token, for any script.

Byte-level BPE (GPT-2, Llama 3, Qwen ...) splits a character it has not merged into byte pieces:
"注" is three tokens of one byte each, and decoding one of them alone gives "�". SentencePiece
models with byte fallback do the same with "<0xE6>" tokens. So a label is not the token decoded
alone. Instead every token's bytes are found, the bytes of the whole sequence are decoded once,
and each token is labelled with the characters its bytes touch:

    注 as three byte tokens  ->  "注(1/3)"  "注(2/3)"  "注(3/3)"
    "Ġcat"                   ->  " cat"      (a whole token: its text, as before)
    "##ing"                  ->  "##ing"     (WordPiece continuations keep their mark)

`own` is the text of the characters that start in the token, so joining `own` over the labels
gives the decoded text back, each character once. Written by hand: tokenizers offers offsets into
an input text, but not labels for ids alone (generated tokens, alternatives, saved maps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Sequence

_BYTE_TOKEN = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")  # SentencePiece byte fallback


@dataclass(frozen=True)
class TokenLabel:
    text: str  # what a view shows: "注(1/3)", " cat", "##ing", "[CLS]"; a lone byte piece "⟨e6⟩"
    raw: str  # the vocabulary entry: "æ³", "Ġcat", "<0xE6>"
    own: str  # the characters that start in this token ("" for the 2nd and 3rd piece of 注)
    data: bytes  # this token's bytes (b"" for special tokens)
    special: bool = False

    @property
    def partial(self) -> bool:
        return "(" in self.text and self.text.endswith(")") and not self.special and self.own != self.text

    @property
    def hover(self) -> str:
        """For tooltips: the raw piece and its bytes."""
        if self.special:
            return f"special token {self.raw}"
        hexes = " ".join(f"{b:02x}" for b in self.data)
        return f"piece {self.raw!r} · bytes {hexes}"


@lru_cache(maxsize=1)
def _unicode_to_byte() -> dict[str, int]:
    """GPT-2's byte-level alphabet, inverted: the printable stand-in for each byte -> the byte."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def _is_byte_level(tokenizer: Any) -> bool:
    if getattr(tokenizer, "byte_decoder", None):  # the slow GPT-2 tokenizer
        return True
    backend = getattr(tokenizer, "backend_tokenizer", None)
    decoder = getattr(backend, "decoder", None)
    return decoder is not None and "ByteLevel" in type(decoder).__name__ or "ByteLevel" in repr(decoder)


def _is_wordpiece(tokenizer: Any) -> bool:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    return "WordPiece" in type(getattr(backend, "model", None)).__name__


def token_bytes(tokenizer: Any, raw: str, byte_level: bool, wordpiece: bool) -> bytes:
    """One vocabulary entry's bytes, as they appear in the decoded text."""
    if byte_level:
        table = _unicode_to_byte()
        if all(ch in table for ch in raw):
            return bytes(table[ch] for ch in raw)
    match = _BYTE_TOKEN.match(raw)
    if match:
        return bytes([int(match.group(1), 16)])
    if wordpiece:
        return raw[2:].encode() if raw.startswith("##") else raw.encode()
    return raw.replace("▁", " ").encode()  # SentencePiece / Unigram word-start mark


def token_labels(tokenizer: Any, ids: Sequence[int]) -> tuple[TokenLabel, ...]:
    """A label for each id (see the module docstring). Valid UTF-8 never shows "�"."""
    ids = [int(i) for i in ids]
    raws = [str(r) for r in tokenizer.convert_ids_to_tokens(ids)]
    specials = set(getattr(tokenizer, "all_special_ids", ()))
    byte_level, wordpiece = _is_byte_level(tokenizer), _is_wordpiece(tokenizer)
    data = [b"" if i in specials else token_bytes(tokenizer, r, byte_level, wordpiece) for i, r in zip(ids, raws)]
    owners = _characters(data)
    out: list[TokenLabel] = []
    for k, (tid, raw) in enumerate(zip(ids, raws)):
        if tid in specials:
            out.append(TokenLabel(raw, raw, "", b"", True))
            continue
        label = _label(k, raw, data[k], owners, tokenizer, tid, wordpiece)
        if wordpiece and not raw.startswith("##") and any(not o.special for o in out):
            label = replace(label, own=" " + label.own)  # WordPiece words are joined with spaces
        out.append(label)
    return _strip_prefix_space(tokenizer, ids, out)


def _strip_prefix_space(tokenizer: Any, ids: list[int], labels: list[TokenLabel]) -> tuple[TokenLabel, ...]:
    """SentencePiece marks the first word with "▁" too, and its decoder drops that space."""
    first = next((k for k, label in enumerate(labels) if not label.special), None)
    if first is None or not labels[first].own.startswith(" "):
        return tuple(labels)
    if tokenizer.decode(ids, skip_special_tokens=True).startswith(" "):
        return tuple(labels)
    labels[first] = replace(labels[first], own=labels[first].own[1:])
    return tuple(labels)


def _characters(data: list[bytes]) -> list[tuple[str, list[int]]]:
    """Each character of the joined bytes with the tokens its bytes are in. A byte that is part of
    no whole character shows as its hex, "⟨e6⟩", never as "�"."""
    joined = b"".join(data)
    token_of = [k for k, d in enumerate(data) for _ in d]  # byte position -> token index
    chars, pos = [], 0
    while pos < len(joined):
        size = _utf8_size(joined, pos)
        piece = joined[pos:pos + size]
        try:
            ch = piece.decode("utf-8")
        except UnicodeDecodeError:  # a byte of no whole character (a lone vocabulary piece, a cut-off stream)
            ch, size = f"⟨{joined[pos]:02x}⟩", 1
        chars.append((ch, sorted(set(token_of[pos:pos + size]))))
        pos += size
    return chars


def _utf8_size(data: bytes, pos: int) -> int:
    lead = data[pos]
    size = 1 if lead < 0x80 else 2 if lead >> 5 == 0b110 else 3 if lead >> 4 == 0b1110 else 4 if lead >> 3 == 0b11110 else 1
    return min(size, len(data) - pos)


def _label(k: int, raw: str, data: bytes, chars: list[tuple[str, list[int]]], tokenizer: Any, tid: int,
           wordpiece: bool) -> TokenLabel:
    touched = [(ch, toks) for ch, toks in chars if k in toks]
    own = "".join(ch for ch, toks in touched if toks[0] == k)
    if all(len(toks) == 1 for _, toks in touched):  # a whole token: its text, as views always showed it
        text = raw if wordpiece and raw.startswith("##") else tokenizer.decode([tid]) if data else raw
        if "\ufffd" in text and "\ufffd" not in own:
            text = "".join(ch for ch, _ in touched)
        return TokenLabel(_visible(text) or raw, raw, own, data)
    parts = [ch if len(toks) == 1 else f"{ch}({toks.index(k) + 1}/{len(toks)})" for ch, toks in touched]
    return TokenLabel(_visible("".join(parts)), raw, own, data)


def _visible(text: str) -> str:
    return text.replace("\n", "↵")


def label_texts(tokenizer: Any, ids: Sequence[int]) -> tuple[str, ...]:
    """Just the texts: what axis labels and the CLI print."""
    return tuple(label.text for label in token_labels(tokenizer, ids))


def joined(labels: Sequence[TokenLabel]) -> str:
    """The text the labels stand for, each character once (specials left out)."""
    return "".join(label.own for label in labels if not label.special)


def piece_text(tokenizer: Any, token_id: int) -> str:
    """One vocabulary entry out of context (alternatives, neighbours): its text, or its bytes in hex."""
    return token_labels(tokenizer, [token_id])[0].text
