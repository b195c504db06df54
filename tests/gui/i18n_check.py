"""What the i18n tests look for: English words left in the Chinese UI, and UI strings the
catalogue cannot see (literals passed to Qt's text setters without translate()).

english_words(text) is the detector both use. It is deliberately simple: after taking out what is
data rather than prose (paths, ids such as builtin:tiny-stories or causal-lm, words with digits
such as fp32 or GPT-2, snake_case keys, quoted names, file suffixes), any word of two or more
Latin letters that is not a technical term kept in English by Chinese writers (ONNX, GPU, BLEU ...)
counts as untranslated.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

# Terms a Chinese UI keeps in Latin letters (product, library and format names, units, metric names,
# keyboard keys). Lower-case; compared case-insensitively.
KEPT = {
    "workbench", "onnx", "runtime", "onnxruntime", "gpu", "gpus", "cpu", "cuda", "mps", "ram", "vram",
    "mb", "gb", "kb", "mib", "gib", "ms", "min", "bpe", "wordpiece", "unigram", "sentencepiece",
    "json", "jsonl", "csv", "tsv", "txt", "png", "svg", "url", "utf", "gbk", "gb18030", "big5",
    "hugging", "face", "hub", "adam", "adamw", "sgd", "lora", "peft", "softmax", "transformer",
    "bert", "gpt", "bart", "llama", "qwen", "rouge", "bleu", "chrf", "qt", "pytorch", "torch",
    "transformers", "tokenizers", "pyqtgraph", "pyside", "top", "qk", "ctrl", "shift", "alt", "esc",
    "ok", "token", "tokens", "id", "ids", "logits", "fp", "int", "bf", "api", "cli", "ui", "ppl",
    "nan", "inf", "eos", "bos", "pad", "unk", "cls", "sep", "mask", "attention", "vs", "rss",
    "safetensors", "config", "tokenizer", "lm", "seq", "vocab", "embedding", "embeddings",
    "pca", "umap", "tsne", "macro", "em", "p95", "html", "ascii", "emoji", "nvidia", "ddp", "torchrun",
    "slurm", "opset", "eager", "numpy", "sbatch", "dtype",
}
_DATA = re.compile(
    r"https?://\S+"                         # links
    r"|\bbuiltin:[\w.-]+"                    # built-in ids
    r"|[\w.~-]*[/\\][\w./\\~-]*"             # paths and hub ids (a/b)
    r"|'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|「[^」]*」"  # quoted names
    r"|`[^`]*`"                              # code: commands and options
    r"|\b\w*\d\w*(?:[.-]\w+)*\b"             # words with digits: fp32, GPT-2, ckpt-50, 1e-4
    r"|\b[A-Za-z]\w*_\w+\b"                  # snake_case keys: learning_rate
    r"|\b[a-z]+(?:-[a-z0-9]+)+\b"            # kebab-case ids: causal-lm, tiny-stories, top-k
    r"|\.\w+\b"                              # suffixes: .csv
    r"|\{\w+\}"                              # unfilled fields (never shown, but not prose)
    r"|&\w+;"                                # HTML entities
    r"|<[^>]+>"                              # HTML tags
)
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The words of `text` that read as untranslated English prose."""
    rest = _DATA.sub(" ", text)
    return [w for w in _WORD.findall(rest) if w.lower() not in KEPT]


# -- the static check: literals handed to Qt's text setters -------------------------------------
SETTERS = {"setText", "setToolTip", "setPlaceholderText", "setTitle", "setWindowTitle", "addTab",
           "insertTab", "setTabText", "setTabToolTip", "addItem", "addItems", "insertItem", "showMessage",
           "setStatusTip", "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
           "setLabelText", "addRow", "setSuffix", "setPrefix", "setSpecialValueText", "setHtml",
           "setPlainText", "setLabel", "addMenu", "addAction", "information", "warning", "critical",
           "question", "setWhatsThis", "setFormat", "setAxisLabel", "setWindowIconText", "emit",
           "getOpenFileName", "getSaveFileName", "getExistingDirectory", "setNameFilter"}
WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
           "QMenu", "QListWidgetItem", "QTableWidgetItem", "QMessageBox", "QCommandLinkButton", "QDockWidget"}


def _literal_words(node: ast.AST) -> list[str]:
    """English words in the literal text of a str constant or f-string (its {expressions} left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return english_words(node.value)
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        return english_words(" ".join(parts))
    if isinstance(node, (ast.List, ast.Tuple)):
        return [w for elt in node.elts for w in _literal_words(elt)]
    if isinstance(node, ast.BinOp):  # "a" + "b", "x %s" % y
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def untranslated_literals(path: Path) -> list[str]:
    """'file:line: words' for each literal with English words given straight to a Qt text setter."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SETTERS and name not in WIDGETS:
            continue
        args = list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title", "toolTip")]
        words = [w for a in args for w in _literal_words(a)]
        if words:
            found.append(f"{path}:{node.lineno}: {' '.join(words[:6])}")
    return found


def translate_calls_without_literals(path: Path) -> list[str]:
    """translate(...) calls that lupdate cannot collect: exactly two string literals, nothing else."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "translate":
            ok = len(node.args) == 2 and not node.keywords and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                             for a in node.args[:2])
            if not ok:
                bad.append(f"{path}:{node.lineno}")
    return bad
