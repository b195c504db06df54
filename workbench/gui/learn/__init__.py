"""The Learn page: the tokenizer's view and fine-tuning before and after."""
