"""Training data: loading with `datasets`, the config round trip, and one clear message per bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.training.config import DataConfig, LoraSettings, ScratchConfig, TrainConfig
from workbench.training.data import load_raw, preview_file


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def test_config_json_round_trip(tmp_path):
    cfg = TrainConfig(task="causal-lm", scratch=ScratchConfig(architecture="llama", layers=3, kv_heads=2),
                      data=DataConfig(path="corpus.txt", max_length=96, label_names=["a", "b"]),
                      lora=LoraSettings(enabled=False, r=4), learning_rate=3e-4, probe_text="hello")
    cfg.save(tmp_path / "run.json")
    back = TrainConfig.load(tmp_path / "run.json")
    assert back == cfg and isinstance(back.scratch, ScratchConfig) and back.scratch.kv_heads == 2
    data = json.loads((tmp_path / "run.json").read_text())
    data["from_the_future"] = 1  # newer files still load
    assert TrainConfig.from_dict(data) == cfg


@pytest.mark.parametrize("change,message", [
    (dict(model="gpt2"), "either a model"),
    (dict(task="translation"), "Unknown training task"),
    (dict(batch_size=0), "batch size"),
    (dict(scratch=ScratchConfig(width=100, heads=3)), "multiple of the number of heads"),
])
def test_config_validation(change, message):
    cfg = TrainConfig(scratch=ScratchConfig(), data=DataConfig(path="x.txt"))
    for k, v in change.items():
        setattr(cfg, k, v)
    with pytest.raises(InputError, match=message):
        cfg.validate()


def test_text_file_documents_are_paragraphs(tmp_path):
    path = write(tmp_path, "corpus.txt", "first story line one\nline two\n\nsecond story\n\n\n")
    raw = load_raw(DataConfig(path=str(path)), "causal-lm")
    assert raw.dataset["text"] == ["first story line one\nline two", "second story"]


def test_classification_csv_with_column_mapping(tmp_path):
    path = write(tmp_path, "reviews.csv", "review,stars\ngreat film,good\nawful,bad\nfine,good\n")
    raw = load_raw(DataConfig(path=str(path), text_column="review", label_column="stars"),
                   "sequence-classification")
    assert raw.label_names == ["bad", "good"]
    assert raw.dataset["label"] == [1, 0, 1] and raw.dataset["text"][1] == "awful"


def test_chat_rows_from_prompt_response_and_messages(tmp_path):
    pr = write(tmp_path, "pr.jsonl", jsonl([{"prompt": "hi", "response": "hello"}]))
    raw = load_raw(DataConfig(path=str(pr)), "chat")
    assert raw.dataset["messages"][0] == [{"role": "user", "content": "hi"},
                                          {"role": "assistant", "content": "hello"}]
    msgs = write(tmp_path, "m.jsonl", jsonl([{"messages": [{"role": "system", "content": "be brief"},
                                                           {"role": "user", "content": "2+2?"},
                                                           {"role": "assistant", "content": "4"}]}]))
    assert len(load_raw(DataConfig(path=str(msgs)), "chat").dataset["messages"][0]) == 3


def test_preview_lists_columns_and_rows(tmp_path):
    path = write(tmp_path, "d.jsonl", jsonl([{"text": f"row {i}", "label": i % 2} for i in range(30)]))
    p = preview_file(path, n=5)
    assert p.format == "jsonl" and p.columns == ("text", "label") and p.num_rows == 30
    assert [r["text"] for r in p.rows] == [f"row {i}" for i in range(5)]


BAD = [  # (file name, content, task, data config changes, expected message pieces)
    ("missing.csv", "review,label\ngood,1\nbad,0\n", "sequence-classification", {},
     ["missing.csv has no column 'text'", "review, label"]),
    ("empty.txt", "\n  \n", "causal-lm", {}, ["empty.txt is empty"]),
    ("blank.jsonl", jsonl([{"text": "ok", "label": 1}, {"text": "  ", "label": 0}]), "sequence-classification",
     {}, ["blank.jsonl line 2 has no text"]),
    ("notext.csv", "text,label\nfine,1\n\"multi\nline\",0\n,1\n", "sequence-classification", {},
     ["notext.csv line 5 has no text"]),
    ("mixed.jsonl", jsonl([{"text": "a", "label": 1}, {"text": "b", "label": 0}, {"text": "c", "label": "pos"}]),
     "sequence-classification", {}, ["not consistent", "line 3"]),
    ("case.csv", "text,label\na,positive\nb,negative\nc,Positive\n", "sequence-classification", {},
     ["not consistent", "case.csv line 4 has 'Positive'", "line 2 has 'positive'"]),
    ("one.csv", "text,label\na,pos\nb,pos\n", "sequence-classification", {}, ["at least two different labels"]),
    ("names.csv", "text,label\na,pos\nb,neutral\n", "sequence-classification", {"label_names": ["neg", "pos"]},
     ["names.csv line 3 has label 'neutral'", "neg, pos"]),
    ("latin1.txt", "caf\xe9 ok\nna\xefve\n".encode("latin-1"), "causal-lm", {},
     ["latin1.txt is not UTF-8", "save it with UTF-8"]),
    ("broken.jsonl", '{"text": "a"}\n{"text": "b"}\n{"text": "c", oops}\n', "causal-lm", {},
     ["broken.jsonl line 3 is not valid JSON"]),
    ("noreply.jsonl", jsonl([{"messages": [{"role": "user", "content": "hi"}]}]), "chat", {},
     ["noreply.jsonl line 1 has no assistant reply"]),
    ("nochat.jsonl", jsonl([{"question": "hi", "answer": "yo"}]), "chat", {},
     ["neither a 'messages' column", "question, answer"]),
]


@pytest.mark.parametrize("name,content,task,changes,pieces", BAD, ids=[b[0] for b in BAD])
def test_bad_data_gives_its_message(tmp_path, name, content, task, changes, pieces):
    path = write(tmp_path, name, content)
    cfg = DataConfig(path=str(path), **changes)
    with pytest.raises(InputError) as err:
        load_raw(cfg, task)
    for piece in pieces:
        assert piece in str(err.value), str(err.value)


def test_missing_file_and_unknown_extension(tmp_path):
    with pytest.raises(InputError, match="No such data file"):
        load_raw(DataConfig(path=str(tmp_path / "nope.txt")), "causal-lm")
    odd = write(tmp_path, "data.xyz", "text")
    with pytest.raises(InputError, match="Cannot tell the format of data.xyz"):
        load_raw(DataConfig(path=str(odd)), "causal-lm")


def test_dataset_smaller_than_one_batch(tmp_path, tiny_gpt2):
    from workbench.models.loading import load_tokenizer
    from workbench.training.encode import prepare_data

    tok = load_tokenizer(tiny_gpt2)
    text = "the cat sat on the mat. " * 20
    path = write(tmp_path, "small.txt", text)
    blocks = (len(tok(text.strip(), add_special_tokens=False)["input_ids"]) + 1) // 32  # + eos
    assert 2 <= blocks < 8
    cfg = TrainConfig(model=str(tiny_gpt2), data=DataConfig(path=str(path), max_length=32, eval_fraction=0),
                      batch_size=8)
    with pytest.raises(InputError, match=fr"small.txt gives {blocks} training blocks of 32 tokens, fewer than "
                                         "one batch of 8; add data, or choose a shorter maximum sequence"):
        prepare_data(cfg, tok)
    cfg.batch_size = blocks
    data = prepare_data(cfg, tok)
    assert data.train_examples == blocks and data.train_tokens == 32 * blocks and data.eval is None


def test_lm_blocks_and_split(tmp_path, tiny_gpt2):
    from workbench.models.loading import load_tokenizer
    from workbench.training.encode import prepare_data

    tok = load_tokenizer(tiny_gpt2)
    docs = [f"story {i}: the robot liked to read books." for i in range(60)]
    path = write(tmp_path, "stories.txt", "\n\n".join(docs))
    cfg = TrainConfig(model=str(tiny_gpt2), data=DataConfig(path=str(path), max_length=16, eval_fraction=0.25),
                      batch_size=2)
    data = prepare_data(cfg, tok)
    total = sum(len(tok(d, add_special_tokens=False)["input_ids"]) + 1 for d in docs)  # + eos per document
    assert data.train_examples + data.eval_examples == total // 16
    assert data.eval_examples == round(total // 16 * 0.25)
    assert all(len(ids) == 16 for ids in data.train["input_ids"])
    assert data.train["labels"][0] == data.train["input_ids"][0]
    assert data.train_tokens == 16 * data.train_examples


def test_document_packing_starts_every_block_at_a_document(tmp_path, tiny_gpt2):
    from workbench.models.loading import load_tokenizer
    from workbench.training.encode import pack_documents, prepare_data

    assert pack_documents([[1, 2, 9], [3, 4, 5, 9], [6, 9], [7, 8, 8, 8, 8, 9]], 4) == \
        [[1, 2, 9, 3], [3, 4, 5, 9], [6, 9, 7, 8]]  # the long one is cut to size; the open last block dropped
    tok = load_tokenizer(tiny_gpt2)
    docs = [f"story {i}: the robot liked to read books and {'very ' * (i % 5)}long words." for i in range(60)]
    path = write(tmp_path, "stories.txt", "\n\n".join(docs))
    cfg = TrainConfig(model=str(tiny_gpt2), data=DataConfig(path=str(path), max_length=16, eval_fraction=0,
                                                            packing="documents"), batch_size=2)
    data = prepare_data(cfg, tok)
    starts = {tuple(tok(d, add_special_tokens=False)["input_ids"][:3]) for d in docs}
    assert data.train_examples > 0 and all(len(b) == 16 for b in data.train["input_ids"])
    assert all(tuple(b[:3]) in starts for b in data.train["input_ids"])
    with pytest.raises(InputError, match="packing"):
        TrainConfig(model="x", data=DataConfig(path="a.txt", packing="sometimes")).validate()


@pytest.mark.parametrize("task", ["causal-lm", "sequence-classification", "chat"])
def test_tokenisation_stops_on_cancel(tmp_path, tiny_gpt2, task):
    from workbench.control import Control
    from workbench.errors import Cancelled
    from workbench.models.loading import load_tokenizer
    from workbench.training.encode import prepare_data

    rows = {"causal-lm": ("d.txt", "a story.\n\n" * 50),
            "sequence-classification": ("d.csv", "text,label\n" + "good,pos\nbad,neg\n" * 25),
            "chat": ("d.jsonl", jsonl([{"prompt": "hi", "response": "hello"}] * 50))}[task]
    cfg = TrainConfig(task=task, model=str(tiny_gpt2), data=DataConfig(path=str(write(tmp_path, *rows)),
                      max_length=64, eval_fraction=0), batch_size=2)
    control = Control()
    control.cancel()
    with pytest.raises(Cancelled, match="tokenised"):
        prepare_data(cfg, load_tokenizer(tiny_gpt2), control=control)
    assert prepare_data(cfg, load_tokenizer(tiny_gpt2), control=Control()).train_examples > 0


def test_chat_labels_cover_only_the_replies(tiny_gpt2):
    from workbench.models.loading import load_tokenizer
    from workbench.training.chat_data import IGNORE, encode_conversation, ensure_chat_template

    tok = load_tokenizer(tiny_gpt2)
    assert ensure_chat_template(tok)  # the tiny tokenizer has none: the fallback is added
    msgs = [{"role": "user", "content": "where is the cat"}, {"role": "assistant", "content": "on the mat"},
            {"role": "user", "content": "and the dog"}, {"role": "assistant", "content": "in the sun"}]
    enc = encode_conversation(tok, msgs, 256)
    learned = [t for t, y in zip(enc["input_ids"], enc["labels"]) if y != IGNORE]
    assert [y for y in enc["labels"] if y != IGNORE] == learned
    text = tok.decode(learned)
    # Exactly the two replies, each with its end-of-turn token (the template's eos and newline).
    assert text == "on the mat<|endoftext|>\nin the sun<|endoftext|>\n"
    assert len(enc["input_ids"]) == len(enc["labels"]) == len(enc["attention_mask"])


def test_builtin_data_fits_its_task():
    raw = load_raw(DataConfig(path="builtin:reviews", max_examples=40), "sequence-classification")
    assert raw.label_names == ["negative", "positive"] and len(raw.dataset) == 40
    assert set(raw.dataset["label"]) == {0, 1}
    with pytest.raises(InputError, match="does not fit the task"):
        load_raw(DataConfig(path="builtin:reviews", max_examples=10), "chat")
    chat = load_raw(DataConfig(path="builtin:chat", max_examples=5), "chat")
    assert chat.dataset["messages"][0][1]["content"] in ("negative", "positive")
