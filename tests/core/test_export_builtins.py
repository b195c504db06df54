"""The built-in models export with proven parity (when they have been built into resources/)."""

from __future__ import annotations

import pytest

from workbench.config import GenerationSettings

pytestmark = pytest.mark.slow


def _builtin(name: str):
    from workbench.errors import ModelLoadError
    from workbench.models.builtins import builtin_path

    try:
        return builtin_path(name)
    except ModelLoadError:
        pytest.skip(f"built-in {name} is not built in this checkout (workbench build-builtins)")


@pytest.mark.parametrize("name", ["tiny-stories", "tiny-sentiment", "tiny-summarizer"])
def test_builtin_exports_with_parity(name, tmp_path):
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model
    from workbench.inference.onnx_model import open_onnx
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    _builtin(name)
    # tiny-sentiment keeps >= 99% top-1 with per-channel int8. The story LM, as rebuilt on the
    # training engine, reaches 98.6% on the parity cases (random token ids, where its predictions
    # are near ties), below the 99% bar: its int8 graph is refused, and the fp32 one stands.
    int8 = name == "tiny-sentiment"
    result = export_model(f"builtin:{name}", tmp_path / name, ExportOptions(int8=int8))
    fp32 = result.report["variants"]["fp32"]["parity"]
    assert result.report["passed"] and fp32["max_abs_diff"] <= fp32["tolerance"]
    if int8:
        assert result.report["variants"]["int8"]["parity"]["top1_agreement"] >= 0.99
    model = open_onnx(result.folder, variant="fp32")
    torch_model = load_model(ModelSpec(f"builtin:{name}", device="cpu"))
    if model.task in ("causal-lm", "seq2seq-lm"):
        from workbench.generation.stream import generate_text as torch_generate
        from workbench.inference.generate import generate_text

        settings = GenerationSettings(max_new_tokens=32, greedy=True)
        prompt = "Once upon a time" if model.task == "causal-lm" else \
            "Once upon a time there was a shy fox named Leo. One day, Leo lost his kite in the park. It was the best day ever."
        assert ([t.token_id for t in generate_text(model, prompt, settings).tokens]
                == [t.token_id for t in torch_generate(torch_model, prompt, settings).tokens])
    else:
        from workbench import predict
        from workbench.inference.tasks import classify

        text = "A wonderful film, I loved every minute of it."
        assert classify(model, text).top[0] == predict.classify(torch_model, text).top[0]


def test_an_int8_graph_below_the_bar_is_refused_and_fp32_is_kept(tmp_path):
    """The story LM's int8 graph misses 99% top-1: the export says so and keeps fp32 as the default;
    the int8 graph stays on disk for Evaluate only (what it costs on the user's data)."""
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import ParityError, export_model

    _builtin("tiny-stories")
    out = tmp_path / "stories"
    with pytest.raises(ParityError, match="Parity check failed for int8") as failed:
        export_model("builtin:tiny-stories", out, ExportOptions(int8=True))
    report = failed.value.report
    assert report["variants"]["fp32"]["passed"] and not report["variants"]["int8"]["passed"]
    assert report["variants"]["int8"]["parity"]["top1_agreement"] < 0.99
    assert "int8 kept for Evaluate only" in str(failed.value)
    assert report["variants"]["int8"]["kept_for_evaluation"] and report["default_variant"]["cpu"] == "fp32"
    assert (out / "model.onnx").exists() and (out / "model.int8.onnx").exists()
    from workbench.errors import ModelLoadError
    from workbench.evaluate.candidates import expand
    from workbench.inference.onnx_model import open_onnx

    with pytest.raises(ModelLoadError, match="int8 variant of this export failed its parity check"):
        open_onnx(out, variant="int8")
    assert open_onnx(out, variant="int8", allow_refused=True).variant == "int8"
    assert [c.name for c in expand([str(out)])] == ["stories/fp32", "stories/int8 (refused)"]
