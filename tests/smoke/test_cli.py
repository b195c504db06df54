"""The CLI as a user runs it: subprocesses, stdout, stderr and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args: str, env_extra: dict[str, str] | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_generate_streams_to_stdout(tiny_gpt2):
    p = run("generate", str(tiny_gpt2), "--prompt", "the cat", "--max-new-tokens", "5", "--greedy")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("the cat") and len(p.stdout.strip()) > len("the cat")
    assert "tokens/s" in p.stderr


def test_classify_and_info(tiny_bert_cls):
    p = run("classify", str(tiny_bert_cls), "a lovely film")
    assert p.returncode == 0, p.stderr
    labels = {line.split()[0] for line in p.stdout.splitlines()}
    assert labels == {"negative", "positive"}
    p = run("info", str(tiny_bert_cls))
    assert p.returncode == 0 and "BertForSequenceClassification" in p.stdout and "negative, positive" in p.stdout


def test_models_lists_builtins():
    p = run("models")
    assert p.returncode == 0 and "builtin:tiny-stories" in p.stdout and "builtin:tiny-sentiment" in p.stdout


@pytest.mark.parametrize("args,expected", [
    (("info", "/no/such/model"), "No such folder"),
    (("generate", "someone/uncached-model", "--prompt", "hi"), "not in the local hub cache"),
    (("classify", "{gpt2}", "some text"), "needs sequence-classification"),
    (("generate", "{gpt2}", "--prompt", ""), "empty"),
    (("generate", "{gpt2}", "--prompt", "hi", "--temperature", "0"), "temperature"),
])
def test_bad_input_is_one_line_and_exit_2(tiny_gpt2, tmp_path, args, expected):
    args = tuple(a.replace("{gpt2}", str(tiny_gpt2)) for a in args)
    p = run(*args, env_extra={"HF_HUB_CACHE": str(tmp_path / "cache")})
    assert p.returncode == 2, p.stderr
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0], p.stderr
    assert "Traceback" not in p.stderr


def test_gui_without_display_says_how():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    p = subprocess.run([sys.executable, "-m", "workbench"], capture_output=True, text=True, timeout=60, env=env)
    assert p.returncode == 2
    assert "no display" in p.stderr and "xvfb-run" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_startup_time_reported():
    p = run("--startup-time", env_extra={"QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert p.returncode == 0, p.stderr
    seconds = float(p.stdout.split("after")[1].split("s")[0])
    assert 0 < seconds < 30  # the figure itself is reported by benchmarks, not asserted here


def test_generate_on_an_onnx_export_folder(tiny_gpt2, tmp_path):
    out = tmp_path / "onnx"
    p = run("export", str(tiny_gpt2), str(out), "--greedy-tokens", "4")
    assert p.returncode == 0, p.stderr
    onnx = run("generate", str(out), "--prompt", "the cat", "--max-new-tokens", "6", "--greedy")
    torch_ = run("generate", str(tiny_gpt2), "--prompt", "the cat", "--max-new-tokens", "6", "--greedy")
    assert onnx.returncode == 0, onnx.stderr
    assert onnx.stdout == torch_.stdout  # same greedy tokens on both backends
    assert "ONNX Runtime" in onnx.stderr and "CPUExecutionProvider" in onnx.stderr
