"""Training studio core (Qt-free): fine-tune or train from scratch with the Hugging Face Trainer.
Tasks: causal-lm, chat, sequence-classification and seq2seq (summarization, translation).

  config.py     TrainConfig (JSON round trip): the whole run, enough to reproduce it
  data.py       files / built-in data -> validated rows (labels.py, chat_data.py, builtin_data.py)
  encode.py     rows -> token ids, train/eval split, collator, token count
  scratch.py    BPE tokenizer trained on the corpus + GPT-2/Llama config
  modelling.py  the model to train (new head, LoRA via peft) and the final save
  engine.py     run_training / resume_run: the one engine behind the GUI, the CLI and torchrun
  memory_check.py  a run's memory estimate before it starts, and what fits instead (models/memory.py)
  callback.py   Trainer hooks -> frozen events (events.py), metrics.jsonl, pause/stop flags
  text_scores.py  ROUGE (rouge-score, CJK-aware) and BLEU/chrF (sacrebleu) of generated text
  runs.py       run folders; curves.py dashboard data; probe.py attention over training time
  commands.py   `workbench train`; launch.py torchrun/Slurm commands; examples.py ready-made runs
"""
