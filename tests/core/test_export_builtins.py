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


@pytest.mark.parametrize("name", ["tiny-stories", "tiny-sentiment"])
def test_builtin_exports_with_parity(name, tmp_path):
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model
    from workbench.inference.onnx_model import open_onnx
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    _builtin(name)
    # Both trained built-ins keep >= 99% top-1 with per-channel int8 (the story LM did not with
    # per-tensor scales; see variants.py).
    result = export_model(f"builtin:{name}", tmp_path / name, ExportOptions(int8=True))
    fp32 = result.report["variants"]["fp32"]["parity"]
    assert result.report["passed"] and fp32["max_abs_diff"] <= fp32["tolerance"]
    assert result.report["variants"]["int8"]["parity"]["top1_agreement"] >= 0.99
    model = open_onnx(result.folder, variant="fp32")
    torch_model = load_model(ModelSpec(f"builtin:{name}", device="cpu"))
    if model.task == "causal-lm":
        from workbench.generation.stream import generate_text as torch_generate
        from workbench.inference.generate import generate_text

        settings = GenerationSettings(max_new_tokens=32, greedy=True)
        prompt = "Once upon a time"
        assert ([t.token_id for t in generate_text(model, prompt, settings).tokens]
                == [t.token_id for t in torch_generate(torch_model, prompt, settings).tokens])
    else:
        from workbench import predict
        from workbench.inference.tasks import classify

        text = "A wonderful film, I loved every minute of it."
        assert classify(model, text).top[0] == predict.classify(torch_model, text).top[0]
