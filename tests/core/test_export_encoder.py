"""ONNX export of encoders (classification, fill-mask, feature extraction), the Playground tasks on
ONNX Runtime, and the messages for broken folders and CUDA requests without a GPU."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from workbench.errors import ModelLoadError, WorkbenchError
from workbench.export.options import ExportOptions
from workbench.export.pipeline import export_model

pytestmark = pytest.mark.slow


def _torch(folder):
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    return load_model(ModelSpec(str(folder), device="cpu"))


@pytest.fixture(scope="module")
def cls_export(tiny_bert_cls, tmp_path_factory):
    out = tmp_path_factory.mktemp("onnx") / "cls"
    return export_model(str(tiny_bert_cls), out, ExportOptions(int8=True, attention_probs=True,
                                                               prompts=("a good movie",)))


def test_classifier_export_and_classify_equal_pytorch(cls_export, tiny_bert_cls):
    from workbench import predict
    from workbench.inference.onnx_model import open_onnx
    from workbench.inference.tasks import classify

    report = cls_export.report
    fp32 = report["variants"]["fp32"]["parity"]
    assert report["passed"] and fp32["max_abs_diff"] < 1e-4 and fp32["top1_agreement"] == 1.0
    assert report["labels"] == ["negative", "positive"]
    assert {i["name"] for i in report["graphs"]["encoder"]["inputs"]} == {"input_ids", "attention_mask",
                                                                          "token_type_ids"}
    text = "the cat sat on the mat and looked at the bird"
    expected = predict.classify(_torch(tiny_bert_cls), text)
    got = classify(open_onnx(cls_export.folder, variant="fp32"), text)
    assert got.labels == expected.labels
    assert np.allclose(got.probs, expected.probs, atol=1e-5)
    got8 = classify(open_onnx(cls_export.folder), text)  # CPU default: the validated int8 graph
    assert np.allclose(got8.probs, expected.probs, atol=2e-2)


def test_fill_mask_and_feature_extraction(tiny_bert_mlm, tiny_bert, tmp_path):
    from workbench import predict
    from workbench.inference.onnx_model import open_onnx
    from workbench.inference.tasks import embed, fill_mask, similarity

    mlm = export_model(str(tiny_bert_mlm), tmp_path / "mlm")
    assert mlm.report["variants"]["fp32"]["parity"]["top5_agreement"] == 1.0
    text = "the quick brown [MASK] jumps over the lazy dog"
    got = fill_mask(open_onnx(mlm.folder), text)
    expected = predict.fill_mask(_torch(tiny_bert_mlm), text)
    assert [c for c, _ in got[0].candidates] == [c for c, _ in expected[0].candidates]
    assert np.allclose([p for _, p in got[0].candidates], [p for _, p in expected[0].candidates], atol=1e-5)

    from workbench.errors import InputError
    from workbench.inference.attention import onnx_attention_maps

    with pytest.raises(InputError, match="no attention graph"):
        onnx_attention_maps(open_onnx(mlm.folder), text)

    feat = export_model(str(tiny_bert), tmp_path / "feat")
    fig = feat.report["variants"]["fp32"]["parity"]
    assert feat.report["task"] == "feature-extraction" and fig["top1_agreement"] is None
    assert fig["max_abs_diff"] < 1e-4 and fig["embedding_cosine_min"] > 0.99999
    texts = ["a cat sat on the mat", "once upon a time there was a robot"]
    onnx_model, torch_model = open_onnx(feat.folder), _torch(tiny_bert)
    assert np.abs(embed(onnx_model, texts) - predict.embed(torch_model, texts)).max() < 1e-4
    assert abs(similarity(onnx_model, *texts) - predict.similarity(torch_model, *texts)) < 1e-5


def test_attention_maps_from_onnx_match_pytorch_eager(cls_export, tiny_bert_cls):
    from workbench.inference.attention import compare_attention
    from workbench.inference.onnx_model import open_onnx

    att = cls_export.report["attention"]
    assert cls_export.report["opset"] == 23 and att["passed"] and att["layers"] == 2
    assert att["max_abs_diff"] < 1e-6  # checked at export time against eager attention
    cmp = compare_attention(_torch(tiny_bert_cls), open_onnx(cls_export.folder), "the lazy dog sat on the mat")
    n = len(cmp.onnx.token_ids)
    assert cmp.onnx.weights.shape == (2, 4, n, n) == cmp.diff.shape
    assert np.allclose(cmp.onnx.weights.sum(-1), 1.0, atol=1e-5)
    assert cmp.max_abs_diff < 1e-6 and cmp.onnx.tokens[0] == "[CLS]"


def test_attention_graph_uses_only_the_score_mode_cuda_runs(cls_export):
    """ORT's CUDA provider implements qk_matmul_output_mode 0 only (onnxruntime#28351): the graph
    returns scaled scores (and each op's mask) and the softmax is taken on the host."""
    import json

    import onnx

    from workbench.export.attention_graph import METADATA_KEY

    proto = onnx.load(str(cls_export.folder / cls_export.report["attention"]["file"]))
    modes = [a.i for n in proto.graph.node if n.op_type == "Attention" for a in n.attribute
             if a.name == "qk_matmul_output_mode"]
    assert modes == [0, 0]
    layers = json.loads(next(p.value for p in proto.metadata_props if p.key == METADATA_KEY))
    assert len(layers) == 2 and all({"causal", "softcap", "mask"} <= set(layer) for layer in layers)


def test_host_softmax_applies_causal_mask_softcap_and_padding():
    from workbench.inference.attention import _softmax_scores

    scores = np.random.default_rng(0).normal(size=(1, 2, 3, 3)).astype(np.float32)
    pad = np.array([True, True, False])[None, None, None, :]  # the last key is padding
    p = _softmax_scores(scores, pad, {"causal": True, "softcap": 5.0})
    assert np.allclose(p.sum(-1), 1.0) and p[0, 0, 0, 1] == 0 and np.all(p[..., 2] == 0)
    capped = 5.0 * np.tanh(scores[0, 0, 1, :2].astype(np.float64) / 5.0)
    want = np.exp(capped - capped.max()) / np.exp(capped - capped.max()).sum()
    assert np.allclose(p[0, 0, 1, :2], want)
    additive = _softmax_scores(scores, np.where(pad, 0.0, -np.inf).astype(np.float32), {})
    assert np.allclose(additive[..., :2].sum(-1), 1.0) and np.all(additive[..., 2] == 0)


def test_cuda_request_without_gpu_falls_back_visibly(cls_export):
    from workbench.inference.onnx_model import open_onnx
    from workbench.inference.providers import cuda_available

    model = open_onnx(cls_export.folder, providers=["CUDAExecutionProvider", "CPUExecutionProvider"])
    if cuda_available():  # on a GPU machine the request is honoured
        assert model.provider == "CUDAExecutionProvider" and model.note is None
    else:
        assert model.providers == ["CPUExecutionProvider"]
        assert "CUDA was asked for" in model.note and "CPU" in model.note
        assert model.note in model.describe()
    auto = open_onnx(cls_export.folder, device="cpu")
    assert auto.note is None and auto.provider == "CPUExecutionProvider"


@pytest.mark.parametrize("damage, message", [
    ("no_report", "no export_report.json"),
    ("bad_report", "unreadable"),
    ("missing_graph", "missing model.int8.onnx"),
    ("truncated_graph", "could not load model.int8.onnx"),
    ("empty_folder", "no export_report.json"),
])
def test_broken_folders_give_clear_messages(cls_export, tmp_path, damage, message):
    from workbench.inference.onnx_model import open_onnx

    folder = tmp_path / "copy"
    shutil.copytree(cls_export.folder, folder)
    if damage == "no_report":
        (folder / "export_report.json").unlink()
    elif damage == "bad_report":
        (folder / "export_report.json").write_text("{not json")
    elif damage == "missing_graph":
        (folder / "model.int8.onnx").unlink()
    elif damage == "truncated_graph":
        data = (folder / "model.int8.onnx").read_bytes()
        (folder / "model.int8.onnx").write_bytes(data[: len(data) // 3])
    else:
        shutil.rmtree(folder)
        folder.mkdir()
    with pytest.raises(ModelLoadError, match=message):
        open_onnx(folder)


def test_failed_export_report_cannot_be_opened(cls_export, tmp_path):
    from workbench.inference.onnx_model import open_onnx

    folder = tmp_path / "failed"
    shutil.copytree(cls_export.folder, folder)
    report = json.loads((folder / "export_report.json").read_text())
    for v in report["variants"].values():
        v["passed"] = False
    (folder / "export_report.json").write_text(json.dumps(report))
    with pytest.raises(ModelLoadError, match="failed its parity check"):
        open_onnx(folder)


def test_unsupported_architecture_is_refused_clearly(tmp_path):
    import transformers as tf

    from workbench.export.options import UnsupportedModelError
    from workbench.models.synthetic import make_tokenizer

    tok = make_tokenizer("bpe", 200)
    model = tf.XLNetLMHeadModel(tf.XLNetConfig(vocab_size=len(tok), d_model=32, n_layer=1, n_head=2, d_inner=64))
    model.save_pretrained(tmp_path / "xlnet")
    tok.save_pretrained(tmp_path / "xlnet")
    with pytest.raises(UnsupportedModelError, match="XLNetLMHeadModel is not supported for ONNX export"):
        export_model(str(tmp_path / "xlnet"), tmp_path / "out")
    assert not (tmp_path / "out").exists()  # no half-written folder left behind


def test_encoder_exported_as_a_decoder_is_refused_before_tracing(tiny_bert_cls, tmp_path):
    from workbench.export.options import UnsupportedModelError

    # BERT loads for causal-lm (BertLMHeadModel) but attends both ways and returns no cache.
    with pytest.raises(UnsupportedModelError, match="returns no key/value cache .*export it for its own task"):
        export_model(str(tiny_bert_cls), tmp_path / "out", ExportOptions(task="causal-lm"))
    assert not (tmp_path / "out").exists()


def test_output_folder_must_be_empty(tiny_bert_cls, tmp_path):
    (tmp_path / "keep.txt").write_text("user data")
    with pytest.raises(WorkbenchError, match="not empty"):
        export_model(str(tiny_bert_cls), tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "user data"


def test_wrong_task_for_onnx_model_says_so(cls_export):
    from workbench.errors import InputError
    from workbench.config import GenerationSettings
    from workbench.inference.generate import generate_text
    from workbench.inference.onnx_model import open_onnx

    with pytest.raises(InputError, match="exported for sequence-classification"):
        generate_text(open_onnx(cls_export.folder), "hello", GenerationSettings(greedy=True))
