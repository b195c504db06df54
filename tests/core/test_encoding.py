"""Chinese data files saved as GB18030 / GBK are recognised, named and read; others are refused."""

from __future__ import annotations

import pytest

from workbench.errors import InputError
from workbench.training.config import DataConfig
from workbench.training.encoding import detect_encoding, utf8_file

LINES = ["从前有一只小猫，它喜欢在阳光下玩耍。", "有一天，小明去公园看到了一只大狗。", "这部电影很好看，我非常喜欢。"] * 20


def test_gb18030_and_gbk_files_are_detected_and_read_with_the_same_lines(tmp_path):
    for encoding in ("gb18030", "gbk"):
        path = tmp_path / f"stories-{encoding}.txt"
        path.write_bytes("\n\n".join(LINES).encode(encoding))
        assert detect_encoding(path) == "gb18030"  # GBK is a subset: read as the wider GB18030
        copy, name = utf8_file(path)
        assert name == "gb18030" and copy.name == path.name
        assert copy.read_text(encoding="utf-8") == "\n\n".join(LINES)


def test_training_and_evaluate_read_a_gbk_csv(tmp_path):
    from workbench.evaluate.data import Columns, scan
    from workbench.training.data import load_raw, preview_file

    path = tmp_path / "reviews.csv"
    rows = ["text,label"] + [f"{t},{'positive' if i % 2 else 'negative'}" for i, t in enumerate(LINES)]
    path.write_bytes("\n".join(rows).encode("gbk"))
    preview = preview_file(path)
    assert preview.encoding == "gb18030" and preview.rows[0]["text"] == LINES[0]
    raw = load_raw(DataConfig(path=str(path)), "sequence-classification")
    assert raw.dataset[0]["text"] == LINES[0] and raw.label_names == ["negative", "positive"]
    assert scan(str(path), "classification", Columns()).rows == len(LINES)


def test_a_file_in_no_text_encoding_is_refused_with_one_line(tmp_path):
    from workbench.training.data import load_raw

    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match=r"noise.txt is not UTF-8 text.*save it with UTF-8 encoding"):
        load_raw(DataConfig(path=str(path)), "causal-lm")


def test_utf8_files_are_read_in_place(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n".join(LINES), encoding="utf-8")
    assert utf8_file(path) == (path, "utf-8")
