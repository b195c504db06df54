"""The builder of the built-in models (resources/builtins): trains tiny-stories and tiny-sentiment
from the generated English and Chinese corpora (and tiny-summarizer from the English stories), bit
for bit from a seed, with no download.

Above workbench.models (whose builtins module says what the built-ins are, where they live and
the recipe they are trained with) and workbench.training (its document packing). `workbench
build-builtins` and `python -m workbench.builtins` are the same command (workbench.builtins.cli).

  data        corpus sizes, derived seeds, story blocks, the dataset wrapper
  tokenizer   the story BPE and the review WordPiece
  train       the Trainer loop both models use
  stories     tiny-stories: GPT-2 on the stories of both languages, its evaluation and samples
  sentiment   tiny-sentiment: BERT classifier on the reviews of both languages
  build       build_builtins(): each model into a temp folder, its card, the swap into place
  cli         the command line

Nothing is imported here, so that `workbench --help` (which reads cli's options) stays light.
"""
