"""Memory in the GUI: the Models page's per-page estimates, the Training page's refusal of a run that
will not fit (and Start anyway), and the status bar's RAM warning."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import load
from workbench.training.config import DataConfig, ScratchConfig, TrainConfig
from workbench.training.events import TrainingFinished

MB = 2**20
GB = 2**30


def _rows(table) -> dict[str, tuple[str, str]]:
    return {table.item(i, 0).text(): (table.item(i, 1).text(), table.item(i, 1).toolTip())
            for i in range(table.rowCount())}


def test_models_page_shows_what_each_page_needs(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    rows = _rows(window.pages["Models"].info_table)
    assert rows["Estimated memory"][0].endswith("of weights (float32)")
    inference, tip = rows["  for inference"]
    assert "at 128 tokens" in inference and "weights" in tip and "KV cache" in tip  # the tiny model's context
    maps = rows["  for attention maps"][0]
    assert "at 512 tokens" in maps and "at 2,048 tokens" in maps
    assert "with AdamW (batch 8 x 128 tokens)" in rows["  for a full fine-tune"][0]
    assert "with rank-8 adapters (batch 8 x 128 tokens)" in rows["  for LoRA"][0]
    assert "AdamW moments" in rows["  for a full fine-tune"][1] and "adapters" in rows["  for LoRA"][1]
    labels = list(rows)
    at = labels.index("Estimated memory")
    assert labels[at + 1:at + 5] == ["  for inference", "  for attention maps", "  for a full fine-tune", "  for LoRA"]


def test_models_page_marks_estimates_over_the_available_memory(qtbot, window, tiny_gpt2, monkeypatch):
    import workbench.training.memory_check as memory_check

    monkeypatch.setattr(memory_check, "available_memory", lambda device: 1 * MB)
    load(qtbot, window, str(tiny_gpt2))
    value = _rows(window.pages["Models"].info_table)["  for a full fine-tune"][0]
    assert "(more than the 1.0 MB available)" in value


def _tiny_run(root: Path) -> TrainConfig:
    return TrainConfig(task="causal-lm", output_root=str(root),
                       scratch=ScratchConfig(layers=2, heads=2, width=32, context_length=32, vocab_size=320),
                       data=DataConfig(path="builtin:stories", max_examples=60, max_length=32),
                       max_steps=2, batch_size=4, logging_steps=1, eval_steps=0, save_steps=0, cpu_threads=1,
                       device="cpu")


def test_training_page_refuses_a_run_that_will_not_fit_and_can_start_anyway(qtbot, window, tmp_path, monkeypatch):
    import workbench.training.memory_check as memory_check

    monkeypatch.setattr(memory_check, "available_memory", lambda device: 1 * MB)
    page = window.show_page("Training")
    assert not page.start(_tiny_run(tmp_path))
    assert page.banner.isVisible() and not page.session.running
    text = page.banner.label.text()
    assert text.startswith("This run will not fit") and "1.0 MB of RAM is available" in text
    assert "Start anyway" in text and page.start_anyway_button.isVisible()

    assert page.start(_tiny_run(tmp_path), ignore_memory=True)  # what Start anyway does
    assert not page.start_anyway_button.isVisible()
    qtbot.waitUntil(lambda: not page.session.running, timeout=90000)
    assert isinstance(page.events[-1], TrainingFinished)

    monkeypatch.setattr(memory_check, "available_memory", lambda device: 64 * GB)
    assert page.start(_tiny_run(tmp_path)) and not page.start_anyway_button.isVisible()  # it fits: no question
    qtbot.waitUntil(lambda: not page.session.running, timeout=90000)


def test_start_anyway_button_starts_the_refused_run(qtbot, window, tmp_path, monkeypatch):
    import workbench.training.memory_check as memory_check

    monkeypatch.setattr(memory_check, "available_memory", lambda device: 1 * MB)
    page = window.show_page("Training")
    page.form.set_config(_tiny_run(tmp_path))
    page.start_button.click()
    assert page.start_anyway_button.isVisible() and not page.session.running
    page.start_anyway_button.click()
    assert page.session.running or page.events
    qtbot.waitUntil(lambda: not page.session.running, timeout=90000)
    assert isinstance(page.events[-1], TrainingFinished)


def test_status_bar_ram_warns_near_and_over_the_budget(window, monkeypatch):
    import workbench.gui.sysinfo as sysinfo

    ok = sysinfo.memory_status(total=24 * GB, available=20 * GB)
    near = sysinfo.memory_status(total=24 * GB, available=7 * GB)  # 17 GB used: over 90% of the 18 GB budget
    over = sysinfo.memory_status(total=24 * GB, available=4 * GB)
    assert (ok.level, near.level, over.level) == ("ok", "near", "over")
    assert ok.text.startswith("RAM: ") and "machine" not in ok.text
    assert "(machine 83% used)" in over.text and "budget is 75%" in over.tooltip and "18.0 GB" in over.tooltip
    monkeypatch.setattr(sysinfo, "memory_status", lambda: over)
    window._update_memory()
    assert window.memory_label.text() == over.text and window.memory_label.toolTip() == over.tooltip
    assert "#c62828" in window.memory_label.styleSheet()
    monkeypatch.setattr(sysinfo, "memory_status", lambda: ok)
    window._update_memory()
    assert window.memory_label.styleSheet() == ""


def test_export_page_refuses_an_export_that_will_not_fit_and_can_export_anyway(qtbot, window, tiny_gpt2, tmp_path,
                                                                                monkeypatch):
    import workbench.export.memory_check as memory_check

    real = memory_check.check_export_memory
    monkeypatch.setattr(memory_check, "check_export_memory", lambda source: real(source, available=1 * MB))
    load(qtbot, window, str(tiny_gpt2))
    tab = window.show_page("Export").export
    tab.form.out.setText(str(tmp_path / "onnx"))
    tab.export_button.click()
    assert not tab.running and tab.anyway_button.isVisible()
    text = tab.banner.label.text()
    assert text.startswith("This export will not fit") and "1.0 MB of RAM is available" in text
    tab.anyway_button.click()
    assert tab.running and not tab.anyway_button.isVisible()
    qtbot.waitUntil(lambda: tab.outcome is not None, timeout=180000)
    assert tab.outcome.passed
