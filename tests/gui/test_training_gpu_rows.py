"""Training page on a GPU: run header, MFU and memory in the progress row, the GPU memory plot;
and none of it on a CPU run.

The GPU tests feed the page the events the engine emits on CUDA (the engine side, which measures
memory and MFU, is tested elsewhere): they are view tests and need no GPU."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from workbench.training.curves import CurveStore
from workbench.training.events import RunStarted, StepLogged, TrainingFinished, event_record

from tests.gui.test_training_gui import tiny_config

GIB = 2**30
ALLOCATED = (3 * GIB, 3 * GIB + GIB // 2, 3 * GIB + GIB // 4)
PEAK = (5 * GIB, 6 * GIB, 6 * GIB)


@pytest.fixture
def page(window):
    p = window.show_page("Training")
    assert p is not None and p.curves is not None
    return p


def cuda_run_started(tmp_path) -> RunStarted:
    return RunStarted(run_dir=str(tmp_path / "run"), task="causal-lm", total_steps=100, start_step=0,
                      num_parameters=1_000_000, trainable_parameters=1_000_000, train_examples=1000,
                      eval_examples=100, train_tokens=32000, device="cuda:0", world_size=1,
                      device_name="NVIDIA H200", precision="bf16", peak_flops=989e12, peak_source="datasheet")


def cuda_steps() -> list[StepLogged]:
    return [StepLogged(step, 0.01 * step, 5.0 - 0.1 * step, 1e-3, 1.0, 250_000.0, 2.0 * step, 60.0,
                       gpu_memory_bytes=peak, gpu_allocated_bytes=allocated, mfu=0.41)
            for step, (allocated, peak) in enumerate(zip(ALLOCATED, PEAK), start=1)]


def test_a_cpu_run_shows_nothing_about_a_gpu(qtbot, page, tmp_path):
    assert page.start(tiny_config(tmp_path, max_steps=6, eval_steps=0))
    qtbot.waitUntil(lambda: not page.session.running, timeout=60000)
    assert page.events and isinstance(page.events[-1], TrainingFinished), page.banner.label.text()
    page._update_progress()  # the text of the last step (the end of the run replaced it with "Finished")
    assert page.curves.store["loss"].n == 6
    assert not page.curves.memory_plot.isVisible() and not page.run_header.isVisible()
    for text in (page.progress_label.full_text(), page.memory_label.text(), page.run_header.full_text()):
        assert "GPU" not in text and "MFU" not in text
    assert "GPU" not in page.curves.describe(3) and "MFU" not in page.curves.describe(3)


def test_a_cuda_run_shows_header_mfu_and_memory(qtbot, page, tmp_path):
    # A view test: the page's event handler gets what the engine emits on an H200 (no GPU needed).
    page._on_event(cuda_run_started(tmp_path))
    for e in cuda_steps():
        page._on_event(e)
    page.curves.redraw()

    assert page.run_header.isVisible()
    assert page.run_header.full_text() == "NVIDIA H200 · bf16 · peak 989 TFLOP/s (datasheet)"
    assert page.curves.memory_plot.isVisible()
    # getData is what is drawn, clipped to the x range, which follows the loss plot's on a later tick
    curve = page.curves.allocated_curve
    qtbot.waitUntil(lambda: curve.getData()[0] is not None and len(curve.getData()[0]) == 3, timeout=5000)
    xs, ys = curve.getData()
    assert list(xs) == [1, 2, 3] and np.allclose(ys, np.array(ALLOCATED) / GIB)
    assert np.allclose(page.curves.peak_curve.getData()[1], np.array(PEAK) / GIB)
    assert "GPU 3.50 GB" in page.curves.describe(2) and "MFU 41%" in page.curves.describe(2)

    assert not page.session.paused
    page._update_progress()
    assert "MFU 41.0%" in page.progress_label.full_text()
    assert page.memory_label.text() == "GPU memory 3.25 GB (peak 6.00 GB)"


def test_multi_gpu_header_and_unknown_peak(page, tmp_path):
    page._on_event(dataclasses.replace(cuda_run_started(tmp_path), world_size=8, peak_flops=0.0, peak_source=""))
    assert page.run_header.full_text() == "NVIDIA H200 × 8 GPUs · bf16"
    page._begin()  # a new run hides the last one's header until its own RunStarted
    assert not page.run_header.isVisible()


def test_clear_hides_the_memory_plot_and_a_loaded_gpu_run_shows_it(page, tmp_path):
    for e in cuda_steps():
        page.curves.add_event(e)
    page.curves.redraw()
    assert page.curves.memory_plot.isVisible()
    page.curves.clear()
    assert not page.curves.memory_plot.isVisible()

    run = tmp_path / "run"  # a GPU run's history, as a resume loads it
    run.mkdir()
    (run / "metrics.jsonl").write_text("".join(json.dumps(event_record(e)) + "\n" for e in cuda_steps()))
    page.curves.set_store(CurveStore.from_run(run))
    page.curves.redraw()
    assert page.curves.memory_plot.isVisible()
    assert np.allclose(page.curves.peak_curve.yData, np.array(PEAK) / GIB)
