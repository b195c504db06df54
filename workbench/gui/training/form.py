"""The run settings: model (fine-tune or from scratch, LoRA), data (file, mapping, preview, token
count), and training hyperparameters. config() builds a TrainConfig; set_config() shows one."""

from __future__ import annotations

import os
from typing import Any

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from workbench.errors import InputError
from workbench.gui.i18n import core_text, translate
from workbench.gui.training.data import DataSection
from workbench.gui.training.form_widgets import combo, dspin, scrolled, spin
from workbench.training.config import (ARCHITECTURES, MAX_EVAL_GENERATE, PRECISIONS, SCHEDULERS, LoraSettings,
                                       ScratchConfig, TrainConfig)
from workbench.training.examples import EXAMPLES, example

QUICK_EXAMPLE = "tiny-stories-quick"  # the run name of the empty dashboard's "Start from an example"


def quick_example(cpu_threads: int = 0) -> TrainConfig:
    """The empty dashboard's example: the tiny-stories-scratch recipe shrunk to a run of under a
    minute on one CPU core (a 2-layer GPT-2 and a small BPE on 2,000 built-in stories: offline),
    which logs every other step and takes an attention snapshot of the recipe's probe every 100."""
    cfg = example("tiny-stories-scratch")
    cfg.name = QUICK_EXAMPLE
    cfg.scratch = replace(cfg.scratch, layers=2, heads=2, width=64, mlp_width=128, context_length=64,
                          vocab_size=600)
    cfg.data = replace(cfg.data, max_examples=2000, max_length=64, eval_fraction=0.05)
    cfg.max_steps, cfg.batch_size, cfg.warmup_steps = 600, 8, 30
    cfg.logging_steps, cfg.eval_steps, cfg.save_steps = 2, 100, 0
    cfg.cpu_threads = cpu_threads  # a machine setting, not part of the recipe
    return cfg



def task_labels() -> tuple[tuple[str, str], ...]:
    """(shown name, config value) of each task; the value stays English (TrainConfig.task)."""
    return ((translate("ModelSection", "Language modelling (plain text)"), "causal-lm"),
            (translate("ModelSection", "Chat fine-tuning (replies only)"), "chat"),
            (translate("ModelSection", "Classification (new head)"), "sequence-classification"),
            (translate("ModelSection", "Summarize / translate (seq2seq)"), "seq2seq"))


def scheduler_labels() -> tuple[tuple[str, str], ...]:
    """(shown name, config value) of each learning-rate schedule of SCHEDULERS."""
    names = {"linear": translate("HyperSection", "linear"), "cosine": translate("HyperSection", "cosine"),
             "constant": translate("HyperSection", "constant"),
             "constant_with_warmup": translate("HyperSection", "constant with warmup"),
             "warmup_stable_decay": translate("HyperSection", "warmup, stable, decay")}
    return tuple((names.get(v, v), v) for v in SCHEDULERS)


def precision_labels() -> tuple[tuple[str, str], ...]:
    """(shown name, config value) of each precision of PRECISIONS: "auto" is translated, dtypes stay."""
    return tuple((translate("HyperSection", "auto") if v == "auto" else v, v) for v in PRECISIONS)


class ModelSection(QWidget):
    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.task = combo(task_labels())
        self.finetune = QRadioButton(translate("ModelSection", "Fine-tune a model"))
        self.scratch = QRadioButton(translate("ModelSection", "Train a new model from scratch"))
        group = QButtonGroup(self)
        group.addButton(self.finetune)
        group.addButton(self.scratch)
        self.finetune.setChecked(True)
        self.model = QLineEdit()
        self.model.setPlaceholderText(translate("ModelSection", "hub id, folder or builtin:tiny-stories"))
        self.use_loaded = QPushButton(translate("ModelSection", "Use loaded model"))
        self.use_loaded.clicked.connect(self._use_loaded)
        self.scratch_box = self._scratch_box()
        self.lora = self._lora_box()
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.use_loaded)
        lay = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(translate("ModelSection", "Task"), self.task)
        lay.addLayout(top)
        lay.addWidget(self.finetune)
        lay.addLayout(model_row)
        lay.addWidget(self.scratch)
        lay.addWidget(self.scratch_box)
        lay.addWidget(self.lora)
        lay.addStretch(1)
        self.finetune.toggled.connect(self._sync)
        self.task.currentIndexChanged.connect(self._sync)
        self._sync()

    def _scratch_box(self) -> QGroupBox:
        """The new model's shape, for training from scratch."""
        self.arch = combo(ARCHITECTURES)
        self.layers, self.heads = spin(1, 64, 4), spin(1, 64, 4)
        self.kv_heads = spin(0, 64, 0)
        self.kv_heads.setSpecialValueText(translate("ModelSection", "same as heads"))
        self.width, self.context = spin(16, 8192, 128, 16), spin(16, 32768, 128, 16)
        self.vocab = spin(300, 200000, 2000, 100)
        self.dropout = dspin(0, 0.9, 0.0, 2, 0.05)
        self.mlp = spin(0, 65536, 0, 64)
        self.mlp.setSpecialValueText(translate("ModelSection", "4 x width"))
        box = QGroupBox(translate("ModelSection", "New model"))
        form = QFormLayout(box)
        for label, w in ((translate("ModelSection", "Architecture"), self.arch),
                         (translate("ModelSection", "Layers"), self.layers),
                         (translate("ModelSection", "Heads"), self.heads),
                         (translate("ModelSection", "Key/value heads"), self.kv_heads),
                         (translate("ModelSection", "Width"), self.width),
                         (translate("ModelSection", "Feed-forward width"), self.mlp),
                         (translate("ModelSection", "Context length"), self.context),
                         (translate("ModelSection", "Vocabulary (BPE)"), self.vocab),
                         (translate("ModelSection", "Dropout"), self.dropout)):
            form.addRow(label, w)
        return box

    def _lora_box(self) -> QGroupBox:
        """LoRA's settings, a checkable group."""
        box = QGroupBox(translate("ModelSection", "LoRA adapters (for models too large to fine-tune fully)"))
        box.setCheckable(True)
        box.setChecked(False)
        self.lora_r, self.lora_alpha = spin(1, 256, 8), spin(1, 512, 16)
        self.lora_dropout = dspin(0, 0.9, 0.05, 2, 0.05)
        self.lora_targets = QLineEdit()
        self.lora_targets.setPlaceholderText(translate("ModelSection", "default for the model type (e.g. q_proj, v_proj)"))
        form = QFormLayout(box)
        for label, w in ((translate("ModelSection", "Rank r"), self.lora_r),
                         (translate("ModelSection", "Alpha"), self.lora_alpha),
                         (translate("ModelSection", "Dropout"), self.lora_dropout),
                         (translate("ModelSection", "Target modules"), self.lora_targets)):
            form.addRow(label, w)
        return box

    def _sync(self) -> None:
        fine = self.finetune.isChecked()
        self.model.setEnabled(fine)
        self.use_loaded.setEnabled(fine)
        self.scratch_box.setEnabled(not fine)
        self.lora.setEnabled(fine)
        task = self.task.currentData()
        lm = task in ("causal-lm", "seq2seq")
        self.scratch.setEnabled(lm)  # from scratch: a decoder for language modelling, a BART for seq2seq
        if not lm and not fine:
            self.finetune.setChecked(True)
        wanted = "bart" if task == "seq2seq" else None
        if wanted and self.arch.currentData() != wanted:
            self.arch.setCurrentIndex(self.arch.findData(wanted))
        elif not wanted and self.arch.currentData() == "bart":
            self.arch.setCurrentIndex(self.arch.findData("gpt2"))

    def _use_loaded(self) -> None:
        loaded = getattr(self.state, "loaded", None)
        if loaded is not None:
            self.model.setText(loaded.info.path or loaded.info.source)

    def apply(self, cfg: TrainConfig) -> None:
        cfg.task = self.task.currentData()
        if self.finetune.isChecked():
            cfg.model, cfg.scratch = self.model.text().strip(), None
            if not cfg.model:
                raise InputError(translate("ModelSection", "Choose a model to fine-tune (or train from scratch)"))
        else:
            cfg.model = ""
            cfg.scratch = ScratchConfig(self.arch.currentData(), self.layers.value(), self.heads.value(),
                                        self.width.value(), self.context.value(), self.vocab.value(),
                                        self.kv_heads.value(), self.dropout.value(), self.mlp.value())
        targets = [t.strip() for t in self.lora_targets.text().split(",") if t.strip()]
        cfg.lora = LoraSettings(self.lora.isChecked() and self.finetune.isChecked(), self.lora_r.value(),
                                self.lora_alpha.value(), self.lora_dropout.value(), targets)

    def show_config(self, cfg: TrainConfig) -> None:
        self.task.setCurrentIndex(max(0, self.task.findData(cfg.task)))
        (self.scratch if cfg.scratch else self.finetune).setChecked(True)
        self.model.setText(cfg.model)
        if cfg.scratch:
            s = cfg.scratch
            self.arch.setCurrentIndex(max(0, self.arch.findData(s.architecture)))
            for w, v in ((self.layers, s.layers), (self.heads, s.heads), (self.kv_heads, s.kv_heads),
                         (self.width, s.width), (self.context, s.context_length), (self.vocab, s.vocab_size)):
                w.setValue(v)
            self.dropout.setValue(s.dropout)
            self.mlp.setValue(s.mlp_width)
        self.lora.setChecked(cfg.lora.enabled)
        self.lora_r.setValue(cfg.lora.r)
        self.lora_alpha.setValue(cfg.lora.alpha)
        self.lora_dropout.setValue(cfg.lora.dropout)
        self.lora_targets.setText(", ".join(cfg.lora.target_modules))
        self._sync()


class HyperSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.epochs = dspin(0, 1000, 1.0, 2, 0.5)
        self.max_steps = spin(0, 10_000_000, 0, 100)
        self.max_steps.setSpecialValueText(translate("HyperSection", "from epochs"))
        self.batch, self.accum = spin(1, 4096, 8), spin(1, 1024, 1)
        self.lr = QLineEdit("5e-4")
        self.scheduler = combo(scheduler_labels(), "cosine")
        self.warmup = spin(0, 1_000_000, 0, 10)
        self.decay = dspin(0.01, 1.0, 0.2, 2, 0.05)
        self.weight_decay = dspin(0, 1, 0.01, 3, 0.01)
        self.grad_clip = dspin(0, 100, 1.0, 2, 0.5)
        self.seed = spin(0, 2**31 - 1, 0)
        self.device = combo(((translate("HyperSection", "auto"), "auto"), ("CPU", "cpu"), ("CUDA", "cuda")))
        self.precision = combo(precision_labels())
        # One core is left to the interface by default: with every core training, the window's
        # repaints wait for CPU time (measured on a 2-core machine).
        self.threads = spin(0, 256, max(1, (os.cpu_count() or 2) - 1))
        self.threads.setSpecialValueText(translate("HyperSection", "all cores"))
        self.checkpointing = QCheckBox(translate("HyperSection", "recompute activations: less memory, about a third slower"))
        self.compile = QCheckBox(translate("HyperSection", "torch.compile: faster steps after minutes of compiling"))
        self.log_every, self.eval_every = spin(1, 100000, 5), spin(0, 1_000_000, 50, 10)
        self.save_every, self.keep = spin(0, 1_000_000, 100, 50), spin(0, 1000, 3)
        self.eval_every.setSpecialValueText(translate("HyperSection", "at the end"))
        self.save_every.setSpecialValueText(translate("HyperSection", "on stop and at the end"))
        self.keep.setSpecialValueText(translate("HyperSection", "all"))
        # seq2seq: greedy outputs at every evaluation, shown beside the curves and scored (ROUGE / BLEU).
        self.eval_samples, self.eval_generate = spin(0, MAX_EVAL_GENERATE, 4), spin(0, MAX_EVAL_GENERATE, 32, 8)
        self.eval_samples.setSpecialValueText(translate("HyperSection", "none"))
        self.eval_generate.setSpecialValueText(translate("HyperSection", "no scores"))
        self.eval_samples.setToolTip(translate("HyperSection", "Summarize / translate runs: eval examples whose "
                                                               "outputs are shown at each evaluation (the same ones "
                                                               "every time)"))
        self.eval_generate.setToolTip(translate("HyperSection", "Summarize / translate runs: eval examples generated "
                                                                "at each evaluation for ROUGE, BLEU and chrF"))
        self.probe = QLineEdit()
        self.probe.setPlaceholderText(translate("HyperSection", "a sentence whose attention is captured at every "
                                                                "evaluation"))
        self.name, self.output_root = QLineEdit(), QLineEdit()
        self.name.setPlaceholderText(translate("HyperSection", "derived from the model"))
        self.output_root.setPlaceholderText(translate("HyperSection", "the Workbench runs folder"))
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        for label, w in ((translate("HyperSection", "Epochs"), self.epochs),
                         (translate("HyperSection", "Max steps"), self.max_steps),
                         (translate("HyperSection", "Batch size"), self.batch),
                         (translate("HyperSection", "Gradient accumulation"), self.accum),
                         (translate("HyperSection", "Learning rate"), self.lr),
                         (translate("HyperSection", "Schedule"), self.scheduler),
                         (translate("HyperSection", "Warmup steps"), self.warmup),
                         (translate("HyperSection", "Decay share (stable-decay)"), self.decay),
                         (translate("HyperSection", "Weight decay"), self.weight_decay),
                         (translate("HyperSection", "Gradient clipping"), self.grad_clip),
                         (translate("HyperSection", "Seed"), self.seed),
                         (translate("HyperSection", "Device"), self.device),
                         (translate("HyperSection", "Precision"), self.precision),
                         (translate("HyperSection", "CPU threads"), self.threads),
                         (translate("HyperSection", "Gradient checkpointing"), self.checkpointing),
                         (translate("HyperSection", "Compile"), self.compile),
                         (translate("HyperSection", "Log every (steps)"), self.log_every),
                         (translate("HyperSection", "Evaluate every"), self.eval_every),
                         (translate("HyperSection", "Checkpoint every"), self.save_every),
                         (translate("HyperSection", "Keep checkpoints"), self.keep),
                         (translate("HyperSection", "Samples shown (seq2seq)"), self.eval_samples),
                         (translate("HyperSection", "Scored outputs (seq2seq)"), self.eval_generate),
                         (translate("HyperSection", "Attention probe"), self.probe),
                         (translate("HyperSection", "Run name"), self.name),
                         (translate("HyperSection", "Runs folder"), self.output_root)):
            form.addRow(label, w)

    def apply(self, cfg: TrainConfig) -> None:
        try:
            cfg.learning_rate = float(self.lr.text())
        except ValueError as exc:
            raise InputError(translate("HyperSection", "The learning rate '{value}' is not a number (e.g. 5e-4)"),
                             value=self.lr.text()) from exc
        cfg.epochs, cfg.max_steps = self.epochs.value(), self.max_steps.value() or -1
        cfg.batch_size, cfg.grad_accum = self.batch.value(), self.accum.value()
        cfg.scheduler, cfg.warmup_steps = self.scheduler.currentData(), self.warmup.value()
        cfg.decay_fraction = self.decay.value()
        cfg.weight_decay, cfg.max_grad_norm, cfg.seed = self.weight_decay.value(), self.grad_clip.value(), self.seed.value()
        cfg.device, cfg.precision, cfg.cpu_threads = self.device.currentData(), self.precision.currentData(), self.threads.value()
        cfg.gradient_checkpointing, cfg.torch_compile = self.checkpointing.isChecked(), self.compile.isChecked()
        cfg.logging_steps, cfg.eval_steps = self.log_every.value(), self.eval_every.value()
        cfg.save_steps, cfg.save_total_limit = self.save_every.value(), self.keep.value()
        cfg.eval_samples, cfg.eval_generate = self.eval_samples.value(), self.eval_generate.value()
        cfg.probe_text, cfg.name, cfg.output_root = self.probe.text().strip(), self.name.text().strip(), self.output_root.text().strip()

    def show_config(self, cfg: TrainConfig) -> None:
        self.epochs.setValue(cfg.epochs)
        self.max_steps.setValue(max(0, cfg.max_steps))
        self.lr.setText(f"{cfg.learning_rate:g}")
        for w, v in ((self.batch, cfg.batch_size), (self.accum, cfg.grad_accum), (self.warmup, cfg.warmup_steps),
                     (self.seed, cfg.seed), (self.threads, cfg.cpu_threads), (self.log_every, cfg.logging_steps),
                     (self.eval_every, cfg.eval_steps), (self.save_every, cfg.save_steps),
                     (self.keep, cfg.save_total_limit), (self.eval_samples, cfg.eval_samples),
                     (self.eval_generate, cfg.eval_generate)):
            w.setValue(v)
        self.weight_decay.setValue(cfg.weight_decay)
        self.decay.setValue(cfg.decay_fraction)
        self.grad_clip.setValue(cfg.max_grad_norm)
        for w, v in ((self.scheduler, cfg.scheduler), (self.device, cfg.device), (self.precision, cfg.precision)):
            w.setCurrentIndex(max(0, w.findData(v)))
        self.checkpointing.setChecked(cfg.gradient_checkpointing)
        self.compile.setChecked(cfg.torch_compile)
        self.probe.setText(cfg.probe_text)
        self.name.setText(cfg.name)
        self.output_root.setText(cfg.output_root)


class ConfigForm(QWidget):
    """The three sections in tabs."""

    changed = Signal()

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ModelSection(state)
        self.data = DataSection(state, self.config_or_none)
        self.hyper = HyperSection()
        # The titles are marked N_ in workbench.training.examples; the names stay the config's.
        self.examples = combo([(translate("ConfigForm", "Start from an example ..."), "")]
                              + [(core_text(title), name) for name, (title, _f) in EXAMPLES.items()])
        # The titles are long and translated: the closed box never widens the form for them.
        self.examples.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.examples.setMinimumContentsLength(16)
        self.examples.activated.connect(self._load_example)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self.model), translate("ConfigForm", "Model"))
        self.tabs.addTab(scrolled(self.data), translate("ConfigForm", "Data"))
        self.tabs.addTab(scrolled(self.hyper), translate("ConfigForm", "Training"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.examples)
        lay.addWidget(self.tabs)
        self.model.task.currentIndexChanged.connect(lambda _i: self.data.set_task(self.model.task.currentData()))
        self.data.set_task(self.model.task.currentData())

    def _load_example(self, _index: int) -> None:
        name = self.examples.currentData()
        if name:
            self.load_example(name)
            self.examples.setCurrentIndex(0)

    def load_example(self, name: str) -> TrainConfig:
        """Show the example `name` (EXAMPLES) in the form, on this machine's CPU threads; returns it."""
        cfg = example(name)
        cfg.cpu_threads = self.hyper.threads.value()  # a machine setting, not part of the recipe
        self.apply_config(cfg)
        return cfg

    def config(self) -> TrainConfig:
        """The settings as a validated TrainConfig (InputError with one sentence if they cannot work)."""
        cfg = TrainConfig()
        self.model.apply(cfg)
        self.data.apply(cfg)
        self.hyper.apply(cfg)
        cfg.validate()
        return cfg

    def config_or_none(self) -> TrainConfig | None:
        try:
            return self.config()
        except InputError:
            return None

    def apply_config(self, cfg: TrainConfig) -> None:
        """Show `cfg` in every field: the mode (fine-tune or from scratch), model, data, hyperparameters
        and output. Every path that starts a run from a config (the page's start given one, an
        example, a resumed run folder) calls this first, so that the form shows what runs."""
        self.model.show_config(cfg)
        self.data.show_config(cfg)
        self.hyper.show_config(cfg)

    set_config = apply_config  # the earlier name

    def show_field(self, widget: QWidget) -> None:
        """Bring the tab holding `widget` to the front, scroll it into view and focus it."""
        for i in range(self.tabs.count()):
            area = self.tabs.widget(i)
            if isinstance(area, QScrollArea) and area.widget().isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                area.ensureWidgetVisible(widget)
                widget.setFocus()
                return

