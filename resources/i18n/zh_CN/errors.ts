<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>--max-memory must be a positive number of megabytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--top must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {kind} attention here; this model has: {&apos;, &apos;.join(maps.sets)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer must be between 0 and {len(s.layer_numbers) - 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model returned no {name} attention weights; its attention implementation does not expose them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is empty; type some text first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention maps are read from the PyTorch model; this is an ONNX Runtime export, so open the original model (or its folder) to see them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer must be between 0 and {count - 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention for generated text needs a causal language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no input embedding matrix to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{query}&apos; is not in this model&apos;s vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token id {token_id} is outside the vocabulary (0..{len(E) - 1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer must be between 0 and {num_layers - 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout needs self-attention (square maps), not cross-attention; choose a head number, mean or max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head must be between 0 and {num_heads - 1}, or mean, max, rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX attention maps take one text; clear the second text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is a {self.kind} graph; next-token logits need a causal LM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is empty; give some text with --prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{args.model} is a {loaded.task} model; `generate` needs a causal or seq2seq LM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max new tokens must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature must be above 0 (or choose greedy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-k must be 0 (off) or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-p must be in (0, 1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repetition penalty must be above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run {folder.name} has no model or checkpoint yet; train it further first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name}&apos;s {REPORT_NAME} is unreadable ({exc}); export the model again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No variant of the export in {folder.name} passed its parity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one model to evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the held-out data with --data FILE (or builtin:stories, builtin:reviews, builtin:summaries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be 0 (all) or more, and --max-new-tokens at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such data file: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file.name} is not UTF-8 text ({exc.reason}); save it with UTF-8 encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{_where(path, line, index)} has no column &apos;{col}&apos; (its columns: {have}); choose the right column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{_where(path, line, index)}: &apos;{col}&apos; is empty or not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown evaluation &apos;{kind}&apos;; choose one of {&apos;, &apos;.join(KINDS)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no examples to evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} holds no evaluation results ({RESULTS_NAME})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a readable evaluation result ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{candidate.name} is a {task} model; Evaluate compares language models, classifiers and summarizers/translators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation was stopped while reading the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cand.name} is a {_task(cand)} model; {NEEDS[kind]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model.name} is a {model.task} model; {NEEDS[kind]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} line {line}: the label &apos;{label}&apos; is not one the model knows ({&apos;, &apos;.join(self.names) or &apos;none&apos;})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label &apos;{ex.reference}&apos; is not one the model knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps are computed from the PyTorch model, not an ONNX export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-by-step attention supports GPT-2, BERT and Llama style models, not {loaded.info.model_type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer must be between 0 and {len(mods) - 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head must be between 0 and {n_heads - 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{run_dir} is not a training run folder (it has no config.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has not saved a model or a checkpoint yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss breakdown is computed from the PyTorch model, not an ONNX export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next-token loss needs a causal language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least two tokens of text: the loss compares each token with the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This graph has no ONNX Attention ops (they need opset 23 and SDPA attention), so it cannot return attention maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown benchmark {&apos;, &apos;.join(bad)}; choose decoder and/or encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--encoder-shapes takes a list like 1x128,8x128</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export of {loaded.task} models to ONNX is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{loaded.info.architecture} is an encoder-decoder; export it for seq2seq-lm, not {loaded.task}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{loaded.info.architecture} is not an encoder-decoder model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arch} is not supported for ONNX export: tracing its {spec.role.replace(&apos;_&apos;, &apos; &apos;)} graph failed ({root_cause(exc)})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out} is a file; choose a folder for the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out} is not empty; choose an empty folder or allow overwriting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parity check failed for {&apos;, &apos;.join(failed)}{fate}
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{config.model_type} is not supported for ONNX export: its config does not give the key/value cache shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type(model).__name__} is not supported for ONNX export: it takes no key/value cache, which the decoder graph needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type(model).__name__} is not supported for ONNX export as a decoder: it returns no key/value cache (it is not a causal language model); export it for its own task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is empty; type some text first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is {ids.shape[1]} tokens but the model&apos;s context is {limit}; shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is {ids.shape[1]} tokens but the encoder takes at most {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is loaded for {loaded.task}, not text generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export has no attention graph; export again with attention maps (the Export page&apos;s checkbox, or --attention on the command line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX attention maps are available for decoder and encoder exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is {len(ids)} tokens but the model&apos;s context is {limit}; shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is {len(ids)} tokens but the encoder takes at most {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is exported for {model.task}, not text generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name} has {&apos;ONNX graphs but &apos; if has_onnx else &apos;&apos;}no {REPORT_NAME}; it is not a complete Workbench export (export it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{REPORT_NAME} in {folder.name} is unreadable ({exc}); export the model again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{REPORT_NAME} in {folder.name} is not a Workbench export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export in {folder.name} failed its parity check, so there is no graph to run; see its export_report.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export has no {variant} variant; it has {&apos;, &apos;.join(good)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {variant} variant of this export failed its parity check; use one of {&apos;, &apos;.join(good)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name} is missing {f or role}; the export is incomplete (export it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX Runtime could not load {path.name} (corrupted or incomplete export?): {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is exported for {model.task}; this needs {&apos; or &apos;.join(tasks)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put {tok.mask_token} where a word should be predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embeddings need an encoder; this ONNX export is a text-generation decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No built-in model named &apos;{name}&apos;; built-ins: {&apos;, &apos;.join(BUILTINS)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in model &apos;{name}&apos; is missing from {path.parent}; rebuild it with `workbench build-builtins`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such folder: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} is a file; open the folder that contains config.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} has no config.json, so it is not a Hugging Face model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &apos;{hub_id}&apos; is not in the local hub cache and HF_HUB_OFFLINE is set; download it once while online or open a local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &apos;{hub_id}&apos; is not in the local hub cache and could not be downloaded ({reason}); check the name and the network, or open a local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name} needs its own code to run; allow &apos;trust remote code&apos; for this model only if you trust its authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config.json in {folder} is not understood: {_first_line(exc)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config.json in {folder} could not be read: {_first_line(exc)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA was asked for but no CUDA GPU is available to PyTorch; choose CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPS (Apple GPU) was asked for but is not available; choose CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name} has no tokenizer files (tokenizer.json, vocab.txt, ...); Workbench needs the tokenizer that was trained with the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokenizer in {folder.name} could not be loaded: {_first_line(exc)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown task &apos;{spec.task}&apos;; choose one of {&apos;, &apos;.join(TASKS)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown dtype &apos;{spec.dtype}&apos;; choose one of {&apos;, &apos;.join(DTYPES)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{spec.source} is an ONNX export; open it with the ONNX Runtime backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {config.model_type} model cannot be loaded for the task &apos;{task}&apos;; choose another task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load {folder.name}: {_first_line(exc)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder.name} has a config.json but no weight files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in {folder.name} could not be read ({&apos;, &apos;.join(weights)} truncated or corrupted?): {_first_line(exc)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {config.model_type} model cannot be built for the task &apos;{task}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is loaded for {loaded.task}; this needs {&apos; or &apos;.join(tasks)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA was asked for but PyTorch sees no CUDA GPU; choose the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{p} training needs a CUDA GPU; choose fp32 on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No built-in data named &apos;{name}&apos;; choose one of {&apos;, &apos;.join(DEFAULT_SIZES)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has neither a &apos;{messages_col}&apos; column nor &apos;{prompt_col}&apos; and &apos;{response_col}&apos; columns (its columns: {have}); choose them in the column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where()}: the messages are not a non-empty list of {{role, content}} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where()}: every message needs a &apos;role&apos; and a &apos;content&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where()}: unknown role &apos;{m[&apos;role&apos;]}&apos;; use system, user or assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where()} has a {m[&apos;role&apos;]} message without text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where()} has no assistant reply to learn from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a run config with --config run.json (or --example NAME), or --resume RUN_FOLDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--launch needs --config run.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown packing &apos;{self.data.packing}&apos;; choose concat or documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown training task &apos;{self.task}&apos;; choose one of {&apos;, &apos;.join(TRAIN_TASKS)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose either a model to fine-tune or a from-scratch architecture, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No training data: choose a file or a built-in dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown data format &apos;{self.data.format}&apos;; choose one of {&apos;, &apos;.join(DATA_FORMATS)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The eval fraction must be at least 0 and below 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum sequence length must be at least 8 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training config must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such config file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not valid JSON: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training from scratch is offered for language modelling and seq2seq only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown architecture &apos;{s.architecture}&apos;; choose one of {&apos;, &apos;.join(ARCHITECTURES)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seq2seq model from scratch is a bart (encoder-decoder); language models are gpt2 or llama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers, heads, width and context length must all be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The width ({s.width}) must be a multiple of the number of heads ({s.heads})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key/value heads need the llama architecture and must divide the number of heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vocabulary must have at least 300 tokens (256 bytes plus merges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell the format of {path.name} from its extension; choose text, csv or jsonl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such data file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder; choose a .txt, .csv or .jsonl file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} is not UTF-8 text (line {bad_line}, byte 0x{chunk[exc.start]:02x}); save it with UTF-8 encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} could not be read as {fmt}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} line {number}: &apos;{key}&apos; is a {kind} but line {first[1]} has a {first[0]}; the values in a column are not consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} line {number} is not valid JSON: {exc.msg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} line {number} is not a JSON object ({{&quot;column&quot;: value, ...}})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file.name} has no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in data &apos;{source}&apos; does not fit the task {task}; choose {_builtin_for(task)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where.path.name} has no column &apos;{col}&apos; (its columns: {have}); choose the right column in the column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where.path.name} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(i)} has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(i)}: the text is a {type(v).__name__}, not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled while the data was being tokenised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} gives {what}, fewer than one batch of {cfg.batch_size}; add data, or choose {hint}a smaller batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every conversation is cut off before its first reply at {size} tokens; raise the maximum sequence length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} is not UTF-8 text ({where}{guess}); save it with UTF-8 encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path.name} looks like {encoding.upper()} text but does not decode as it ({where}); save the file with UTF-8 encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{run_dir} is not a run folder (it has no config.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already holds a run; resume it or choose a new run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No example named &apos;{name}&apos;; examples: {&apos;, &apos;.join(EXAMPLES)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples shown and examples generated at each evaluation must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No targets to generate for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_new_tokens, max_source_tokens and batch_size must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels are not consistent: {where(i)} has &apos;{values[i]}&apos; but {where(0)} has &apos;{values[0]}&apos;; use either names or numbers for every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(i)} has no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels are not consistent: {where(i)} has {v}, which is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(i)} has label {v}, but there are only {len(names)} label names (ids 0 to {len(names) - 1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(ids.index(distinct[0]))} has a negative label ({distinct[0]})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels are not consistent: {where(i)} has &apos;{v}&apos; but {where(first[1])} has &apos;{first[0]}&apos;; they differ only in case or spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where(i)} has label &apos;{v}&apos;, which is not one of the label names ({&apos;, &apos;.join(names)})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row has the label &apos;{names[distinct[0]]}&apos;; classification needs at least two different labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cfg.model} is a {config.model_type} model, not an encoder-decoder; seq2seq fine-tuning needs one (T5, BART, Marian ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cfg.model} is an encoder-decoder model; causal-LM fine-tuning needs a decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {config.model_type} model cannot be trained for {cfg.task}; choose another model or task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA needs the names of the layers to adapt for a {model.config.model_type} model; set lora.target_modules (e.g. [&quot;q_proj&quot;, &quot;v_proj&quot;]): {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a new run folder in {root}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
