<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>--max-memory must be a positive number of megabytes</source>
        <translation>--max-memory 必须是以 MB 为单位的正数</translation>
    </message>
    <message>
        <source>--top must be at least 1</source>
        <translation>--top 至少为 1</translation>
    </message>
    <message>
        <source>No {kind} attention here; this model has: {sets}</source>
        <translation>这里没有 {kind} 注意力；此模型包含：{sets}</translation>
    </message>
    <message>
        <source>Layer must be between 0 and {last}</source>
        <translation>层必须在 0 到 {last} 之间</translation>
    </message>
    <message>
        <source>Self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <source>Encoder self-attention</source>
        <translation>编码器自注意力</translation>
    </message>
    <message>
        <source>Decoder self-attention</source>
        <translation>解码器自注意力</translation>
    </message>
    <message>
        <source>Cross-attention (decoder → encoder)</source>
        <translation>交叉注意力（解码器 → 编码器）</translation>
    </message>
    <message>
        <source>This model ({model}) cannot switch from {impl} to eager attention after loading, so it cannot report attention weights</source>
        <translation>此模型（{model}）加载后无法从 {impl} 切换为 eager 注意力，因此无法给出注意力权重</translation>
    </message>
    <message>
        <source>The model returned no {name} attention weights; its attention implementation does not expose them</source>
        <translation>模型没有返回 {name} 注意力权重；其注意力实现不提供这些权重</translation>
    </message>
    <message>
        <source>cut to the model&apos;s context of {context}</source>
        <translation>已截断到模型的上下文长度 {context}</translation>
    </message>
    <message>
        <source>Workbench kept the first {fits}, so that {layers} layers x {heads} heads of maps stay within the attention memory budget of {budget} ({origin})</source>
        <translation>Workbench 只保留了前 {fits} 个，使 {layers} 层 × {heads} 头的注意力图不超出 {budget} 的注意力内存预算（{origin}）</translation>
    </message>
    <message>
        <source>The text is empty; type some text first</source>
        <translation>文本为空；请先输入一些文本</translation>
    </message>
    <message>
        <source>Attention maps are read from the PyTorch model; this is an ONNX Runtime export, so open the original model (or its folder) to see them</source>
        <translation>注意力图读取自 PyTorch 模型；这是 ONNX Runtime 导出，请打开原始模型（或其文件夹）来查看</translation>
    </message>
    <message>
        <source>Decoder side: the model&apos;s own greedy output (give a target text to choose it).</source>
        <translation>解码器一侧：模型自己的贪心输出（给出目标文本即可指定）。</translation>
    </message>
    <message>
        <source>Switched from {impl} to eager attention for this extraction (and back).</source>
        <translation>本次提取时从 {impl} 切换到 eager 注意力（之后已切回）。</translation>
    </message>
    <message>
        <source>cut to the model context of {context}</source>
        <translation>已截断到模型的上下文长度 {context}</translation>
    </message>
    <message>
        <source>The text was {count} tokens; {reason}.</source>
        <translation>文本共 {count} 个词元；{reason}。</translation>
    </message>
    <message>
        <source>Attention for generated text needs a causal language model</source>
        <translation>查看生成文本的注意力需要因果语言模型</translation>
    </message>
    <message>
        <source>This model has no input embedding matrix to show</source>
        <translation>此模型没有可显示的输入嵌入矩阵</translation>
    </message>
    <message>
        <source>&apos;{query}&apos; is not in this model&apos;s vocabulary</source>
        <translation>“{query}”不在此模型的词表中</translation>
    </message>
    <message>
        <source>Token id {token_id} is outside the vocabulary (0..{last})</source>
        <translation>词元 ID {token_id} 超出词表范围（0..{last}）</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>max of heads</source>
        <translation>各头最大</translation>
    </message>
    <message>
        <source>rollout</source>
        <translation>逐层累积</translation>
    </message>
    <message>
        <source>Rollout needs self-attention (square maps), not cross-attention; choose a head number, mean or max</source>
        <translation>Rollout 需要自注意力（方阵），不适用于交叉注意力；请选择头编号、mean 或 max</translation>
    </message>
    <message>
        <source>Head must be between 0 and {last}, or mean, max, rollout</source>
        <translation>头必须在 0 到 {last} 之间，或为 mean、max、rollout</translation>
    </message>
    <message>
        <source>ONNX attention maps take one text; clear the second text</source>
        <translation>ONNX 注意力图只接受一段文本；请清除第二段文本</translation>
    </message>
    <message>
        <source>This export is a {kind} graph; next-token logits need a causal LM</source>
        <translation>此导出是 {kind} 计算图；下一词元的 logits 需要因果语言模型</translation>
    </message>
    <message>
        <source>Opening the ONNX export with ONNX Runtime ...</source>
        <translation>正在用 ONNX Runtime 打开 ONNX 导出……</translation>
    </message>
    <message>
        <source>The prompt is empty; give some text with --prompt</source>
        <translation>提示词为空；请用 --prompt 提供一些文本</translation>
    </message>
    <message>
        <source>{model} is a {task} model; `generate` needs a causal or seq2seq LM</source>
        <translation>{model} 是 {task} 模型；`generate` 需要因果语言模型或 seq2seq 语言模型</translation>
    </message>
    <message>
        <source>max new tokens must be at least 1</source>
        <translation>最大新词元数至少为 1</translation>
    </message>
    <message>
        <source>temperature must be above 0 (or choose greedy)</source>
        <translation>温度必须大于 0（或选择贪心）</translation>
    </message>
    <message>
        <source>top-k must be 0 (off) or more</source>
        <translation>top-k 必须为 0（关闭）或更大</translation>
    </message>
    <message>
        <source>top-p must be in (0, 1]</source>
        <translation>top-p 必须在 (0, 1] 范围内</translation>
    </message>
    <message>
        <source>repetition penalty must be above 0</source>
        <translation>重复惩罚必须大于 0</translation>
    </message>
    <message>
        <source>The run {name} has no model or checkpoint yet; train it further first</source>
        <translation>运行 {name} 还没有模型或检查点；请先继续训练</translation>
    </message>
    <message>
        <source>{name}&apos;s {report} is unreadable ({exc}); export the model again</source>
        <translation>{name} 的 {report} 无法读取（{exc}）；请重新导出模型</translation>
    </message>
    <message>
        <source>No variant of the export in {name} passed its parity check</source>
        <translation>{name} 中的导出没有任何变体通过一致性检查</translation>
    </message>
    <message>
        <source>Add at least one model to evaluate</source>
        <translation>请至少添加一个要评估的模型</translation>
    </message>
    <message>
        <source>Give the held-out data with --data FILE (or builtin:stories, builtin:reviews, builtin:summaries, builtin:stories-zh, builtin:reviews-zh)</source>
        <translation>请用 --data FILE 指定留出数据（或 builtin:stories、builtin:reviews、builtin:summaries、builtin:stories-zh、builtin:reviews-zh）</translation>
    </message>
    <message>
        <source>--limit must be 0 (all) or more, and --max-new-tokens at least 1</source>
        <translation>--limit 必须为 0（全部）或更大，--max-new-tokens 至少为 1</translation>
    </message>
    <message>
        <source>{file} is a folder; choose a .txt, .csv or .jsonl file</source>
        <translation>{file} 是文件夹；请选择 .txt、.csv 或 .jsonl 文件</translation>
    </message>
    <message>
        <source>No such data file: {file}</source>
        <translation>数据文件不存在：{file}</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text ({reason}); save it with UTF-8 encoding</source>
        <translation>{name} 不是 UTF-8 文本（{reason}）；请以 UTF-8 编码保存</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{name} line {line} has no column &apos;{col}&apos; (its columns: {have}); choose the right column</source>
        <translation>{name} 第 {line} 行没有“{col}”列（现有列：{have}）；请选择正确的列</translation>
    </message>
    <message>
        <source>{name} row {row} has no column &apos;{col}&apos; (its columns: {have}); choose the right column</source>
        <translation>{name} 第 {row} 条数据没有“{col}”列（现有列：{have}）；请选择正确的列</translation>
    </message>
    <message>
        <source>{name} line {line}: &apos;{col}&apos; is empty or not text</source>
        <translation>{name} 第 {line} 行：“{col}”为空或不是文本</translation>
    </message>
    <message>
        <source>{name} row {row}: &apos;{col}&apos; is empty or not text</source>
        <translation>{name} 第 {row} 条数据：“{col}”为空或不是文本</translation>
    </message>
    <message>
        <source>Unknown evaluation &apos;{kind}&apos;; choose one of {kinds}</source>
        <translation>未知的评估类型“{kind}”；请从 {kinds} 中选择</translation>
    </message>
    <message>
        <source>{name} has no examples to evaluate</source>
        <translation>{name} 中没有可评估的示例</translation>
    </message>
    <message>
        <source>{path} holds no evaluation results ({results})</source>
        <translation>{path} 中没有评估结果（{results}）</translation>
    </message>
    <message>
        <source>{file} is not a readable evaluation result ({exc})</source>
        <translation>{file} 不是可读取的评估结果（{exc}）</translation>
    </message>
    <message>
        <source>{name} is a {task} model; Evaluate compares language models, classifiers and summarizers/translators</source>
        <translation>{name} 是 {task} 模型；“评估”比较的是语言模型、分类器和摘要/翻译模型</translation>
    </message>
    <message>
        <source>not run: the evaluation was stopped</source>
        <translation>未运行：评估已停止</translation>
    </message>
    <message>
        <source>The evaluation was stopped while reading the data</source>
        <translation>评估在读取数据时被停止</translation>
    </message>
    <message>
        <source>{name} is a {task} model; {needs}</source>
        <translation>{name} 是 {task} 模型；{needs}</translation>
    </message>
    <message>
        <source>The steps are computed from the PyTorch model, not an ONNX export</source>
        <translation>这些步骤基于 PyTorch 模型计算，不支持 ONNX 导出</translation>
    </message>
    <message>
        <source>Step-by-step attention supports GPT-2, BERT and Llama style models, not {model_type}</source>
        <translation>逐步注意力支持 GPT-2、BERT 和 Llama 类模型，不支持 {model_type}</translation>
    </message>
    <message>
        <source>Head must be between 0 and {last}</source>
        <translation>头必须在 0 到 {last} 之间</translation>
    </message>
    <message>
        <source>{run_dir} is not a training run folder (it has no config.json)</source>
        <translation>{run_dir} 不是训练运行文件夹（其中没有 config.json）</translation>
    </message>
    <message>
        <source>This run has not saved a model or a checkpoint yet</source>
        <translation>此运行尚未保存模型或检查点</translation>
    </message>
    <message>
        <source>a new model (the run&apos;s own initial weights)</source>
        <translation>新模型（该运行自己的初始权重）</translation>
    </message>
    <message>
        <source>{model} (base model)</source>
        <translation>{model}（基础模型）</translation>
    </message>
    <message>
        <source>final model, step {step}</source>
        <translation>最终模型，第 {step} 步</translation>
    </message>
    <message>
        <source>{checkpoint} (the run was stopped)</source>
        <translation>{checkpoint}（运行已被停止）</translation>
    </message>
    <message>
        <source>Before: {model}</source>
        <translation>训练前：{model}</translation>
    </message>
    <message>
        <source>After: {model}</source>
        <translation>训练后：{model}</translation>
    </message>
    <message>
        <source>Before training the classification head is new (random weights from the run&apos;s seed), so its guesses are near chance; the run taught it the labels.</source>
        <translation>训练前分类头是新建的（按该运行的随机种子随机初始化），所以它的猜测接近随机；是这次运行教会了它这些标签。</translation>
    </message>
    <message>
        <source>The loss breakdown is computed from the PyTorch model, not an ONNX export</source>
        <translation>损失分解基于 PyTorch 模型计算，不支持 ONNX 导出</translation>
    </message>
    <message>
        <source>The next-token loss needs a causal language model</source>
        <translation>下一词元损失需要因果语言模型</translation>
    </message>
    <message>
        <source>Type at least two tokens of text: the loss compares each token with the next</source>
        <translation>请输入至少两个词元的文本：损失是将每个词元与下一个词元进行比较</translation>
    </message>
    <message>
        <source>This graph has no ONNX Attention ops (they need opset 23 and SDPA attention), so it cannot return attention maps</source>
        <translation>此计算图没有 ONNX Attention 算子（需要 opset 23 和 SDPA 注意力），因此无法返回注意力图</translation>
    </message>
    <message>
        <source>PyTorch sees no CUDA GPU</source>
        <translation>PyTorch 找不到 CUDA GPU</translation>
    </message>
    <message>
        <source>ONNX Runtime cannot use CUDA here</source>
        <translation>ONNX Runtime 在此无法使用 CUDA</translation>
    </message>
    <message>
        <source>--device {device} was asked for but {why}; the benchmark ran on the CPU</source>
        <translation>指定了 --device {device}，但{why}；基准测试改在 CPU 上运行</translation>
    </message>
    <message>
        <source>Benchmark cancelled</source>
        <translation>基准测试已取消</translation>
    </message>
    <message>
        <source>{advice}; --ignore-memory-check starts it anyway</source>
        <translation>{advice}；使用 --ignore-memory-check 可强制开始</translation>
    </message>
    <message>
        <source>Unknown benchmark {bad}; choose decoder and/or encoder</source>
        <translation>未知的基准测试 {bad}；请选择 decoder 和/或 encoder</translation>
    </message>
    <message>
        <source>--encoder-shapes takes a list like 1x128,8x128</source>
        <translation>--encoder-shapes 接受形如 1x128,8x128 的列表</translation>
    </message>
    <message>
        <source>{out} is a file; choose a folder for the export</source>
        <translation>{out} 是文件；请为导出选择一个文件夹</translation>
    </message>
    <message>
        <source>{out} is not empty; choose an empty folder or allow overwriting</source>
        <translation>{out} 不是空文件夹；请选择空文件夹或允许覆盖</translation>
    </message>
    <message>
        <source>Loading the model (float32, CPU) ...</source>
        <translation>正在加载模型（float32，CPU）…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Computing PyTorch reference outputs ...</source>
        <translation>正在计算 PyTorch 参考输出…</translation>
    </message>
    <message>
        <source>Checking parity of the {variant} graph against PyTorch ...</source>
        <translation>正在对照 PyTorch 检查 {variant} 图的一致性……</translation>
    </message>
    <message>
        <source>Building the attention-map graph and checking it against PyTorch eager attention ...</source>
        <translation>正在构建注意力图的计算图，并与 PyTorch eager 注意力对照检查…</translation>
    </message>
    <message>
        <source>attention maps are exported for decoders and encoders only</source>
        <translation>只有解码器和编码器会导出注意力图</translation>
    </message>
    <message>
        <source>attention maps differ from PyTorch eager by {diff}</source>
        <translation>注意力图与 PyTorch eager 相差 {diff}</translation>
    </message>
    <message>
        <source>Building the {variant} variant of {file} ...</source>
        <translation>正在构建 {file} 的 {variant} 变体……</translation>
    </message>
    <message>
        <source>building the {variant} graph failed: {reason}</source>
        <translation>构建 {variant} 图失败：{reason}</translation>
    </message>
    <message>
        <source>ONNX Runtime failed on a parity case: {reason}</source>
        <translation>ONNX Runtime 在一致性检查用例上出错：{reason}</translation>
    </message>
    <message>
        <source>attention maps</source>
        <translation>注意力图</translation>
    </message>
    <message>
        <source>Parity check failed for {failed}; {kept} kept for Evaluate only (never opened by default)
{summary}</source>
        <translation>{failed} 未通过一致性检查；{kept} 仅保留供“评估”使用（默认不会打开）
{summary}</translation>
    </message>
    <message>
        <source>Parity check failed for {failed}; the failed graphs were removed
{summary}</source>
        <translation>{failed} 未通过一致性检查；未通过的计算图已删除
{summary}</translation>
    </message>
    <message>
        <source>The prompt is empty; type some text first</source>
        <translation>提示词为空；请先输入一些文本</translation>
    </message>
    <message>
        <source>The prompt is {count} tokens but the model&apos;s context is {limit}; shorten it</source>
        <translation>提示词有 {count} 个词元，但模型的上下文长度为 {limit}；请缩短提示词</translation>
    </message>
    <message>
        <source>The input is {count} tokens but the encoder takes at most {limit}</source>
        <translation>输入有 {count} 个词元，但编码器最多接受 {limit} 个</translation>
    </message>
    <message>
        <source>This model is loaded for {task}, not text generation</source>
        <translation>此模型是按 {task} 加载的，不能用于文本生成</translation>
    </message>
    <message>
        <source>This export has no attention graph; export again with attention maps (the Export page&apos;s checkbox, or --attention on the command line)</source>
        <translation>此导出没有注意力计算图；请勾选注意力图后重新导出（导出页上的复选框，或命令行的 --attention）</translation>
    </message>
    <message>
        <source>ONNX attention maps are available for decoder and encoder exports</source>
        <translation>ONNX 注意力图仅适用于解码器和编码器导出</translation>
    </message>
    <message>
        <source>Attention probabilities from the ONNX Attention ops (opset 23).</source>
        <translation>注意力概率取自 ONNX Attention 算子（opset 23）。</translation>
    </message>
    <message>
        <source>ONNX Runtime {variant} on {provider} ({note})</source>
        <translation>ONNX Runtime {variant}，运行于 {provider}（{note}）</translation>
    </message>
    <message>
        <source>ONNX Runtime {variant} on {provider}</source>
        <translation>ONNX Runtime {variant}，运行于 {provider}</translation>
    </message>
    <message>
        <source>No such folder: {folder}</source>
        <translation>文件夹不存在：{folder}</translation>
    </message>
    <message>
        <source>{name} has ONNX graphs but no {report}; it is not a complete Workbench export (export it again)</source>
        <translation>{name} 中有 ONNX 计算图，但没有 {report}；它不是完整的 Workbench 导出（请重新导出）</translation>
    </message>
    <message>
        <source>{name} has no {report}; it is not a complete Workbench export (export it again)</source>
        <translation>{name} 中没有 {report}；它不是完整的 Workbench 导出（请重新导出）</translation>
    </message>
    <message>
        <source>{report} in {name} is unreadable ({exc}); export the model again</source>
        <translation>{name} 中的 {report} 无法读取（{exc}）；请重新导出模型</translation>
    </message>
    <message>
        <source>{report} in {name} is not a Workbench export report</source>
        <translation>{name} 中的 {report} 不是 Workbench 导出报告</translation>
    </message>
    <message>
        <source>The export in {name} failed its parity check, so there is no graph to run; see its export_report.json</source>
        <translation>{name} 中的导出未通过一致性检查，因此没有可运行的计算图；请查看其 export_report.json</translation>
    </message>
    <message>
        <source>This export has no {variant} variant; it has {good}</source>
        <translation>此导出没有 {variant} 变体；现有变体：{good}</translation>
    </message>
    <message>
        <source>The {variant} variant of this export failed its parity check; use one of {good}</source>
        <translation>此导出的 {variant} 变体未通过一致性检查；请使用以下变体之一：{good}</translation>
    </message>
    <message>
        <source>{name} is missing {file}; the export is incomplete (export it again)</source>
        <translation>{name} 缺少 {file}；导出不完整（请重新导出）</translation>
    </message>
    <message>
        <source>This model is exported for {task}; this needs {needs}</source>
        <translation>此模型是按 {task} 导出的；此功能需要 {needs}</translation>
    </message>
    <message>
        <source>Put {mask} where a word should be predicted</source>
        <translation>请在要预测词语的位置放入 {mask}</translation>
    </message>
    <message>
        <source>Embeddings need an encoder; this ONNX export is a text-generation decoder</source>
        <translation>嵌入需要编码器；此 ONNX 导出是文本生成解码器</translation>
    </message>
    <message>
        <source>No such folder: {source}</source>
        <translation>文件夹不存在：{source}</translation>
    </message>
    <message>
        <source>{source} is a file; open the folder that contains config.json</source>
        <translation>{source} 是文件；请打开包含 config.json 的文件夹</translation>
    </message>
    <message>
        <source>{source} has no config.json, so it is not a Hugging Face model folder</source>
        <translation>{source} 中没有 config.json，因此不是 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Model &apos;{hub_id}&apos; is not in the local hub cache and HF_HUB_OFFLINE is set; download it once while online or open a local folder</source>
        <translation>模型 &apos;{hub_id}&apos; 不在本地 hub 缓存中，且已设置 HF_HUB_OFFLINE；请在联网时下载一次，或打开本地文件夹</translation>
    </message>
    <message>
        <source>Downloading {hub_id} from the Hugging Face hub ...</source>
        <translation>正在从 Hugging Face Hub 下载 {hub_id}……</translation>
    </message>
    <message>
        <source>Model &apos;{hub_id}&apos; is not in the local hub cache and could not be downloaded ({reason}); check the name and the network, or open a local folder</source>
        <translation>模型 &apos;{hub_id}&apos; 不在本地 hub 缓存中，且无法下载（{reason}）；请检查名称和网络，或打开本地文件夹</translation>
    </message>
    <message>
        <source>{name} needs its own code to run; allow &apos;trust remote code&apos; for this model only if you trust its authors</source>
        <translation>{name} 需要运行它自带的代码；只有在信任其作者时，才为此模型开启“信任远程代码”</translation>
    </message>
    <message>
        <source>The config.json in {folder} is not understood: {reason}</source>
        <translation>无法识别 {folder} 中的 config.json：{reason}</translation>
    </message>
    <message>
        <source>The config.json in {folder} could not be read: {reason}</source>
        <translation>无法读取 {folder} 中的 config.json：{reason}</translation>
    </message>
    <message>
        <source>{name} has no tokenizer files (tokenizer.json, vocab.txt, ...); Workbench needs the tokenizer that was trained with the model</source>
        <translation>{name} 中没有分词器文件（tokenizer.json、vocab.txt 等）；Workbench 需要与模型一起训练的分词器</translation>
    </message>
    <message>
        <source>The tokenizer in {name} could not be loaded: {reason}</source>
        <translation>无法加载 {name} 中的分词器：{reason}</translation>
    </message>
    <message>
        <source>Unknown task &apos;{task}&apos;; choose one of {tasks}</source>
        <translation>未知任务 &apos;{task}&apos;；请选择其中之一：{tasks}</translation>
    </message>
    <message>
        <source>Unknown dtype &apos;{dtype}&apos;; choose one of {dtypes}</source>
        <translation>未知的 dtype &apos;{dtype}&apos;；请选择其中之一：{dtypes}</translation>
    </message>
    <message>
        <source>{source} is an ONNX export; open it with the ONNX Runtime backend</source>
        <translation>{source} 是 ONNX 导出；请用 ONNX Runtime 后端打开</translation>
    </message>
    <message>
        <source>Reading config ...</source>
        <translation>正在读取 config……</translation>
    </message>
    <message>
        <source>Loading tokenizer ...</source>
        <translation>正在加载分词器……</translation>
    </message>
    <message>
        <source>Loading weights for {task} on {device} ...</source>
        <translation>正在为 {task} 加载权重到 {device}……</translation>
    </message>
    <message>
        <source>Loaded %s (%s, %s parameters) from %s on %s in %.1f s</source>
        <translation>已加载 %s（%s，%s 个参数），来自 %s，设备 %s，用时 %.1f 秒</translation>
    </message>
    <message>
        <source>A {model_type} model cannot be loaded for the task &apos;{task}&apos;; choose another task</source>
        <translation>{model_type} 模型无法按任务 &apos;{task}&apos; 加载；请选择其他任务</translation>
    </message>
    <message>
        <source>Could not load {name}: {reason}</source>
        <translation>无法加载 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} has a config.json but no weight files</source>
        <translation>{name} 中有 config.json，但没有权重文件</translation>
    </message>
    <message>
        <source>The weights in {name} could not be read ({files} truncated or corrupted?): {reason}</source>
        <translation>无法读取 {name} 中的权重（{files} 是否不完整或已损坏？）：{reason}</translation>
    </message>
    <message>
        <source>A {model_type} model cannot be built for the task &apos;{task}&apos;</source>
        <translation>无法为任务 &apos;{task}&apos; 构建 {model_type} 模型</translation>
    </message>
    <message>
        <source>CUDA was asked for but no CUDA GPU is available to PyTorch; choose CPU</source>
        <translation>已指定 CUDA，但 PyTorch 没有可用的 CUDA GPU；请选择 CPU</translation>
    </message>
    <message>
        <source>MPS (Apple GPU) was asked for but is not available; choose CPU</source>
        <translation>已指定 MPS（Apple GPU），但它不可用；请选择 CPU</translation>
    </message>
    <message>
        <source>CUDA was asked for but PyTorch sees no CUDA GPU; choose the CPU</source>
        <translation>已指定 CUDA，但 PyTorch 找不到 CUDA GPU；请选择 CPU</translation>
    </message>
    <message>
        <source>{precision} training needs a CUDA GPU; choose fp32 on the CPU</source>
        <translation>{precision} 训练需要 CUDA GPU；在 CPU 上请选择 fp32</translation>
    </message>
    <message>
        <source>{name} has neither a &apos;{messages_col}&apos; column nor &apos;{prompt_col}&apos; and &apos;{response_col}&apos; columns (its columns: {have}); choose them in the column mapping</source>
        <translation>{name} 既没有 &apos;{messages_col}&apos; 列，也没有 &apos;{prompt_col}&apos; 和 &apos;{response_col}&apos; 列（现有列：{have}）；请在列映射中选择</translation>
    </message>
    <message>
        <source>{where}: the messages are not a non-empty list of {{role, content}} objects</source>
        <translation>{where}：messages 不是由 {{role, content}} 对象组成的非空列表</translation>
    </message>
    <message>
        <source>{where}: every message needs a &apos;role&apos; and a &apos;content&apos;</source>
        <translation>{where}：每条消息都需要 &apos;role&apos; 和 &apos;content&apos;</translation>
    </message>
    <message>
        <source>{where}: unknown role &apos;{role}&apos;; use system, user or assistant</source>
        <translation>{where}：未知角色 &apos;{role}&apos;；请使用 system、user 或 assistant</translation>
    </message>
    <message>
        <source>{where} has a {role} message without text</source>
        <translation>{where} 有一条没有文本的 {role} 消息</translation>
    </message>
    <message>
        <source>{where} has no assistant reply to learn from</source>
        <translation>{where} 没有可供学习的 assistant 回复</translation>
    </message>
    <message>
        <source>Give a run config with --config run.json (or --example NAME), or --resume RUN_FOLDER</source>
        <translation>请用 --config run.json（或 --example NAME）指定运行配置，或用 --resume RUN_FOLDER 继续运行</translation>
    </message>
    <message>
        <source>{advice}; --ignore-memory-check starts it anyway.</source>
        <translation>{advice}；使用 --ignore-memory-check 可仍然开始。</translation>
    </message>
    <message>
        <source>--launch needs --config run.json</source>
        <translation>--launch 需要 --config run.json</translation>
    </message>
    <message>
        <source>Choose either a model to fine-tune or a from-scratch architecture, not both</source>
        <translation>请选择一个要微调的模型或一种从零训练的架构，二者只能选其一</translation>
    </message>
    <message>
        <source>No training data: choose a file or a built-in dataset</source>
        <translation>没有训练数据：请选择一个文件或内置数据集</translation>
    </message>
    <message>
        <source>Unknown packing &apos;{packing}&apos;; choose concat or documents</source>
        <translation>未知的打包方式 &apos;{packing}&apos;；请选择 concat 或 documents</translation>
    </message>
    <message>
        <source>Unknown training task &apos;{task}&apos;; choose one of {tasks}</source>
        <translation>未知的训练任务 &apos;{task}&apos;；请选择其中之一：{tasks}</translation>
    </message>
    <message>
        <source>Unknown data format &apos;{format}&apos;; choose one of {formats}</source>
        <translation>未知的数据格式 &apos;{format}&apos;；请选择其中之一：{formats}</translation>
    </message>
    <message>
        <source>The eval fraction must be at least 0 and below 1</source>
        <translation>评估比例必须大于等于 0 且小于 1</translation>
    </message>
    <message>
        <source>The maximum sequence length must be at least 8 tokens</source>
        <translation>最大序列长度至少为 8 个词元</translation>
    </message>
    <message>
        <source>The batch size must be at least 1</source>
        <translation>批大小至少为 1</translation>
    </message>
    <message>
        <source>Gradient accumulation must be at least 1</source>
        <translation>梯度累积步数至少为 1</translation>
    </message>
    <message>
        <source>The learning rate must be above 0</source>
        <translation>学习率必须大于 0</translation>
    </message>
    <message>
        <source>Train for at least one step (epochs or max steps)</source>
        <translation>请至少训练一步（设置轮数或最大步数）</translation>
    </message>
    <message>
        <source>Unknown scheduler; choose one of {names}</source>
        <translation>未知的调度器；请选择其中之一：{names}</translation>
    </message>
    <message>
        <source>Unknown precision; choose one of {names}</source>
        <translation>未知的精度；请选择其中之一：{names}</translation>
    </message>
    <message>
        <source>Log at least every step count of 1 or more</source>
        <translation>日志记录间隔必须至少为 1 步</translation>
    </message>
    <message>
        <source>Eval and save intervals must be 0 or more</source>
        <translation>评估和保存间隔必须大于等于 0</translation>
    </message>
    <message>
        <source>Samples shown and examples generated at each evaluation must be 0 to {most}</source>
        <translation>每次评估显示的样本数和生成的示例数必须在 0 到 {most} 之间</translation>
    </message>
    <message>
        <source>Unknown optimizer &apos;{optimizer}&apos;; choose one of adamw_torch_fused, adamw_torch, adafactor, sgd, ...</source>
        <translation>未知的优化器 &apos;{optimizer}&apos;；请选择其中之一：adamw_torch_fused, adamw_torch, adafactor, sgd, ...</translation>
    </message>
    <message>
        <source>A training config must be a JSON object</source>
        <translation>训练配置必须是 JSON 对象</translation>
    </message>
    <message>
        <source>No such config file: {path}</source>
        <translation>配置文件不存在：{path}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON: {error}</source>
        <translation>{path} 不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>Unknown architecture &apos;{architecture}&apos;; choose one of {names}</source>
        <translation>未知架构 &apos;{architecture}&apos;；请选择其中之一：{names}</translation>
    </message>
    <message>
        <source>The width ({width}) must be a multiple of the number of heads ({heads})</source>
        <translation>宽度（{width}）必须是头数（{heads}）的整数倍</translation>
    </message>
    <message>
        <source>Training from scratch is offered for language modelling and seq2seq only</source>
        <translation>从零训练仅支持语言建模和 seq2seq</translation>
    </message>
    <message>
        <source>A seq2seq model from scratch is a bart (encoder-decoder); language models are gpt2 or llama</source>
        <translation>从零训练的 seq2seq 模型须为 bart（编码器-解码器）；语言模型须为 gpt2 或 llama</translation>
    </message>
    <message>
        <source>Layers, heads, width and context length must all be at least 1</source>
        <translation>层数、头数、宽度和上下文长度都必须至少为 1</translation>
    </message>
    <message>
        <source>Key/value heads need the llama architecture and must divide the number of heads</source>
        <translation>键/值头需要 llama 架构，且必须能整除头数</translation>
    </message>
    <message>
        <source>The vocabulary must have at least 300 tokens (256 bytes plus merges)</source>
        <translation>词表至少需要 300 个词元（256 个字节加上合并项）</translation>
    </message>
    <message>
        <source>Cannot tell the format of {name} from its extension; choose text, csv or jsonl</source>
        <translation>无法从扩展名判断 {name} 的格式；请选择 text、csv 或 jsonl</translation>
    </message>
    <message>
        <source>No such data file: {path}</source>
        <translation>数据文件不存在：{path}</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a .txt, .csv or .jsonl file</source>
        <translation>{path} 是文件夹；请选择 .txt、.csv 或 .jsonl 文件</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, byte 0x{byte:02x}); save it with UTF-8 encoding</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行，字节 0x{byte:02x}）；请以 UTF-8 编码保存</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空的</translation>
    </message>
    <message>
        <source>{name} could not be read as {format}: {reason}</source>
        <translation>无法将 {name} 作为 {format} 读取：{reason}</translation>
    </message>
    <message>
        <source>{name} line {number}: &apos;{key}&apos; is a {kind} but line {first_line} has a {first_kind}; the values in a column are not consistent</source>
        <translation>{name} 第 {number} 行：&apos;{key}&apos; 是{kind}，但第 {first_line} 行是{first_kind}；同一列中的值类型不一致</translation>
    </message>
    <message>
        <source>{name} line {number} is not valid JSON: {reason}</source>
        <translation>{name} 第 {number} 行不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>{name} has no rows</source>
        <translation>{name} 没有数据行</translation>
    </message>
    <message>
        <source>The built-in data &apos;{source}&apos; does not fit the task {task}; choose {builtin}</source>
        <translation>内置数据 &apos;{source}&apos; 不适用于任务 {task}；请选择 {builtin}</translation>
    </message>
    <message>
        <source>{file} line {line}</source>
        <translation>{file} 第 {line} 行</translation>
    </message>
    <message>
        <source>{file} row {row}</source>
        <translation>{file} 第 {row} 条</translation>
    </message>
    <message>
        <source>{name} has no column &apos;{column}&apos; (its columns: {have}); choose the right column in the column mapping</source>
        <translation>{name} 没有 &apos;{column}&apos; 列（现有列：{have}）；请在列映射中选择正确的列</translation>
    </message>
    <message>
        <source>{where} has no text</source>
        <translation>{where} 没有文本</translation>
    </message>
    <message>
        <source>{where}: the text is a {kind}, not a string</source>
        <translation>{where}：文本是 {kind} 类型，不是字符串</translation>
    </message>
    <message>
        <source>{name} line {number} is not a JSON object ({{&quot;column&quot;: value, ...}})</source>
        <translation>{name} 第 {number} 行不是 JSON 对象（{{&quot;column&quot;: value, ...}}）</translation>
    </message>
    <message>
        <source>Cancelled while the data was being tokenised</source>
        <translation>数据分词时已取消</translation>
    </message>
    <message>
        <source>{source} gives {count} training blocks of {size} tokens, fewer than one batch of {batch_size}; add data, or choose a shorter maximum sequence length or a smaller batch size</source>
        <translation>{source} 只能组成 {count} 个 {size} 词元的训练块，不足一个批次（{batch_size}）；请增加数据，或选择更短的最大序列长度或更小的批大小</translation>
    </message>
    <message>
        <source>{source} gives {count} training examples, fewer than one batch of {batch_size}; add data, or choose a smaller batch size</source>
        <translation>{source} 只有 {count} 个训练样本，不足一个批次（{batch_size}）；请增加数据，或选择更小的批大小</translation>
    </message>
    <message>
        <source>Every conversation is cut off before its first reply at {size} tokens; raise the maximum sequence length</source>
        <translation>每段对话都在第一条回复之前就被截断（{size} 个词元）；请增大最大序列长度</translation>
    </message>
    <message>
        <source>{run_dir} is not a run folder (it has no config.json)</source>
        <translation>{run_dir} 不是运行文件夹（其中没有 config.json）</translation>
    </message>
    <message>
        <source>{path} already holds a run; resume it or choose a new run folder</source>
        <translation>{path} 中已有一个运行；请继续该运行，或选择新的运行文件夹</translation>
    </message>
    <message>
        <source>The GPU ran out of memory with batch size {batch_size}; resume at batch size {half} with gradient accumulation {accum} (the same effective batch): `workbench train --resume {run_dir} --batch-size {half} --grad-accum {accum}`, or use gradient checkpointing, a shorter maximum sequence length, or LoRA</source>
        <translation>GPU 在批大小为 {batch_size} 时显存不足；请以批大小 {half}、梯度累积 {accum} 继续运行（有效批大小不变）：`workbench train --resume {run_dir} --batch-size {half} --grad-accum {accum}`，或使用梯度检查点、更短的最大序列长度或 LoRA</translation>
    </message>
    <message>
        <source>Training was interrupted; resume it from its last checkpoint</source>
        <translation>训练被中断；请从最近的检查点继续</translation>
    </message>
    <message>
        <source>Unexpected error during training: {kind}: {detail}</source>
        <translation>训练时发生意外错误：{kind}：{detail}</translation>
    </message>
    <message>
        <source>Samples shown and examples generated at each evaluation must be 0 or more</source>
        <translation>每次评估显示的样本数和生成的示例数必须大于等于 0</translation>
    </message>
    <message>
        <source>No targets to generate for</source>
        <translation>没有可供生成的目标文本</translation>
    </message>
    <message>
        <source>max_new_tokens, max_source_tokens and batch_size must be at least 1</source>
        <translation>max_new_tokens、max_source_tokens 和 batch_size 都必须至少为 1</translation>
    </message>
    <message>
        <source>Could not make a new run folder in {root}</source>
        <translation>无法在 {root} 中创建新的运行文件夹</translation>
    </message>
    <message>
        <source>detected task {detected}, not {task}</source>
        <translation>检测到的任务是 {detected}，而不是 {task}</translation>
    </message>
    <message>
        <source>model type {model_type}</source>
        <translation>模型类型为 {model_type}</translation>
    </message>
    <message>
        <source>layers/heads not read from the config</source>
        <translation>未从配置中读取到层数/头数</translation>
    </message>
    <message>
        <source>loaded as {task}</source>
        <translation>按 {task} 加载</translation>
    </message>
    <message>
        <source>top prediction {top!r}, transformers says {want!r}</source>
        <translation>首选预测为 {top!r}，而 transformers 给出 {want!r}</translation>
    </message>
    <message>
        <source>probabilities {got} != {want}</source>
        <translation>概率 {got} != {want}</translation>
    </message>
    <message>
        <source>there is no export to run (the export failed)</source>
        <translation>没有可运行的导出（导出失败）</translation>
    </message>
    <message>
        <source>tokens {got} != generate&apos;s {want}</source>
        <translation>词元 {got} != generate 的 {want}</translation>
    </message>
    <message>
        <source>{kind} maps have shape {got}, output_attentions {want}</source>
        <translation>{kind} 注意力图的形状为 {got}，而 output_attentions 为 {want}</translation>
    </message>
    <message>
        <source>{kind} maps differ from output_attentions by {diff:.2g}</source>
        <translation>{kind} 注意力图与 output_attentions 相差 {diff:.2g}</translation>
    </message>
    <message>
        <source>stopped at step {step}, loss {loss}</source>
        <translation>停在第 {step} 步，损失为 {loss}</translation>
    </message>
    <message>
        <source>ONNX Runtime wrote {got!r}, PyTorch {want!r}</source>
        <translation>ONNX Runtime 输出 {got!r}，PyTorch 输出 {want!r}</translation>
    </message>
    <message>
        <source>ONNX Runtime predicts {top!r}, PyTorch {want!r}</source>
        <translation>ONNX Runtime 预测为 {top!r}，PyTorch 为 {want!r}</translation>
    </message>
    <message>
        <source>ONNX Runtime {got} != PyTorch {want}</source>
        <translation>ONNX Runtime {got} != PyTorch {want}</translation>
    </message>
    <message>
        <source>as chosen: the Attention page&apos;s Memory setting or --max-memory</source>
        <translation>按所选：注意力页面的内存设置或 --max-memory</translation>
    </message>
    <message>
        <source>set by {variable}</source>
        <translation>由 {variable} 设定</translation>
    </message>
    <message>
        <source>a quarter of the memory free besides the model; change it with the Attention page&apos;s Memory setting or --max-memory</source>
        <translation>除模型外空闲内存的四分之一；可在注意力页面的内存设置或用 --max-memory 修改</translation>
    </message>
    <message>
        <source>perplexity needs a causal language model</source>
        <translation>困惑度需要因果语言模型</translation>
    </message>
    <message>
        <source>accuracy and F1 need a classifier</source>
        <translation>准确率和 F1 需要分类器</translation>
    </message>
    <message>
        <source>ROUGE and BLEU need a summarizer or translator</source>
        <translation>ROUGE 和 BLEU 需要摘要或翻译模型</translation>
    </message>
    <message>
        <source>{where} line {line}: the label &apos;{label}&apos; is not one the model knows ({known})</source>
        <translation>{where} 第 {line} 行：标签“{label}”不是模型已知的标签（已知标签：{known}）</translation>
    </message>
    <message>
        <source>The label &apos;{label}&apos; is not one the model knows</source>
        <translation>标签“{label}”不是模型已知的标签</translation>
    </message>
    <message>
        <source>byte-pair encoding (BPE): start from single characters (bytes) and apply the merges learnt from the training text, most frequent pair first</source>
        <translation>字节对编码（BPE）：从单个字符（字节）出发，按从训练文本中学到的合并规则逐步合并，最常见的相邻对最先合并</translation>
    </message>
    <message>
        <source>WordPiece: take the longest piece of the vocabulary that starts the word, then the longest that continues it (continuations are written with ##)</source>
        <translation>WordPiece：先取词表中能作为该词开头的最长片段，再取能接续它的最长片段（接续片段以 ## 开头）</translation>
    </message>
    <message>
        <source>a Unigram language model: of all ways to cut the word into vocabulary pieces, take the most probable one</source>
        <translation>Unigram 语言模型：在把词切成词表片段的所有方式中，选概率最高的一种</translation>
    </message>
    <message>
        <source>PyTorch: Hugging Face generate, eager fp32, {shape} ...</source>
        <translation>PyTorch：Hugging Face generate，eager fp32，{shape}……</translation>
    </message>
    <message>
        <source>PyTorch: static cache + CUDA graphs (auto-compiled, fp16) ...</source>
        <translation>PyTorch：静态缓存 + CUDA Graphs（自动编译，fp16）…</translation>
    </message>
    <message>
        <source>PyTorch static-cache baseline failed: {error}</source>
        <translation>PyTorch 静态缓存基线运行失败：{error}</translation>
    </message>
    <message>
        <source>ONNX Runtime: {variant} decode loop ...</source>
        <translation>ONNX Runtime：{variant} 解码循环……</translation>
    </message>
    <message>
        <source>ONNX Runtime: {variant} decode loop ({note}) ...</source>
        <translation>ONNX Runtime：{variant} 解码循环（{note}）……</translation>
    </message>
    <message>
        <source>ONNX Runtime: Workbench generate_stream ({variant}) ...</source>
        <translation>ONNX Runtime：Workbench generate_stream（{variant}）……</translation>
    </message>
    <message>
        <source>{new_tokens} new tokens after {prompt_tokens} would pass the model&apos;s context of {context}; {generated} were generated</source>
        <translation>在 {prompt_tokens} 个词元之后再生成 {new_tokens} 个会超出模型的上下文长度 {context}；实际生成了 {generated} 个</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>prefill ms</source>
        <translation>预填充 ms</translation>
    </message>
    <message>
        <source>decode tokens/s</source>
        <translation>解码 tokens/s</translation>
    </message>
    <message>
        <source>end-to-end tokens/s</source>
        <translation>端到端 tokens/s</translation>
    </message>
    <message>
        <source>Hugging Face generate (static cache, torch.compile reduce-overhead)</source>
        <translation>Hugging Face generate（静态缓存，torch.compile reduce-overhead）</translation>
    </message>
    <message>
        <source>Hugging Face generate</source>
        <translation>Hugging Face generate</translation>
    </message>
    <message>
        <source>KV cache on the GPU (IOBinding)</source>
        <translation>KV 缓存位于 GPU（IOBinding）</translation>
    </message>
    <message>
        <source>numpy KV cache</source>
        <translation>numpy KV 缓存</translation>
    </message>
    <message>
        <source>{note}; {failed}</source>
        <translation>{note}；{failed}</translation>
    </message>
    <message>
        <source>{count} tokens, with per-token probabilities and text decoding</source>
        <translation>{count} 个词元，含逐词元概率和文本解码</translation>
    </message>
    <message>
        <source>PyTorch: eager fp32 encoder ...</source>
        <translation>PyTorch：eager fp32 编码器…</translation>
    </message>
    <message>
        <source>ONNX Runtime: {variant} encoder ...</source>
        <translation>ONNX Runtime：{variant} 编码器……</translation>
    </message>
    <message>
        <source>parity top-1 {share}</source>
        <translation>一致性 top-1 {share}</translation>
    </message>
    <message>
        <source>ONNX Runtime: {variant} encoder ({note}) ...</source>
        <translation>ONNX Runtime：{variant} 编码器（{note}）……</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>latency ms</source>
        <translation>延迟 ms</translation>
    </message>
    <message>
        <source>decoder init</source>
        <translation>首步解码器</translation>
    </message>
    <message>
        <source>decoder with past</source>
        <translation>带缓存解码器</translation>
    </message>
    <message>
        <source>Export of {task} models to ONNX is not supported</source>
        <translation>不支持将 {task} 模型导出为 ONNX</translation>
    </message>
    <message>
        <source>{architecture} is an encoder-decoder; export it for seq2seq-lm, not {task}</source>
        <translation>{architecture} 是编码器-解码器模型；请按 seq2seq-lm 导出，而不是 {task}</translation>
    </message>
    <message>
        <source>{architecture} is not an encoder-decoder model</source>
        <translation>{architecture} 不是编码器-解码器模型</translation>
    </message>
    <message>
        <source>Exporting the {role} graph to {file} (opset {opset}) ...</source>
        <translation>正在将{role}图导出到 {file}（opset {opset}）……</translation>
    </message>
    <message>
        <source>{arch} is not supported for ONNX export: tracing its {role} graph failed ({cause})</source>
        <translation>{arch} 不支持 ONNX 导出：追踪其 {role} 计算图失败（{cause}）</translation>
    </message>
    <message>
        <source>{model_type} is not supported for ONNX export: its config does not give the key/value cache shape</source>
        <translation>{model_type} 不支持 ONNX 导出：其配置未给出键/值缓存的形状</translation>
    </message>
    <message>
        <source>{name} is not supported for ONNX export: it takes no key/value cache, which the decoder graph needs</source>
        <translation>{name} 不支持 ONNX 导出：它不接受解码器计算图所需的键/值缓存</translation>
    </message>
    <message>
        <source>{name} is not supported for ONNX export as a decoder: it returns no key/value cache (it is not a causal language model); export it for its own task</source>
        <translation>{name} 不支持作为解码器导出为 ONNX：它不返回键/值缓存（它不是因果语言模型）；请按它自己的任务导出</translation>
    </message>
    <message>
        <source>This model is exported for {task}, not text generation</source>
        <translation>此模型是按 {task} 导出的，不能用于文本生成</translation>
    </message>
    <message>
        <source>CUDA was asked for but {why}; running on the CPU</source>
        <translation>指定了 CUDA，但{why}；改为在 CPU 上运行</translation>
    </message>
    <message>
        <source>this onnxruntime build has no CUDA provider (install onnxruntime-gpu)</source>
        <translation>当前 onnxruntime 版本没有 CUDA 执行提供程序（请安装 onnxruntime-gpu）</translation>
    </message>
    <message>
        <source>no NVIDIA GPU/driver was found</source>
        <translation>未找到 NVIDIA GPU 或驱动</translation>
    </message>
    <message>
        <source>ONNX Runtime could not load {name} (corrupted or incomplete export?): {first}</source>
        <translation>ONNX Runtime 无法加载 {name}（导出已损坏或不完整？）：{first}</translation>
    </message>
    <message>
        <source>The CUDA provider failed to load (see the log); running on the CPU</source>
        <translation>CUDA 执行提供程序加载失败（见日志）；改为在 CPU 上运行</translation>
    </message>
    <message>
        <source>A small GPT-2-style model trained on generated short stories, in English and Chinese</source>
        <translation>一个 GPT-2 风格的小模型，用生成的中英文短故事训练</translation>
    </message>
    <message>
        <source>A small BERT-style classifier of positive/negative reviews, in English and Chinese</source>
        <translation>一个 BERT 风格的小分类器，判断中英文评论的正面/负面</translation>
    </message>
    <message>
        <source>A small BART that writes a one-sentence summary of a story</source>
        <translation>一个小型 BART，为故事写一句话摘要</translation>
    </message>
    <message>
        <source>No built-in model named {name!r}; built-ins: {builtins}</source>
        <translation>没有名为 {name!r} 的内置模型；可用的内置模型：{builtins}</translation>
    </message>
    <message>
        <source>Built-in model {name!r} is missing from {folder}; rebuild it with `workbench build-builtins`</source>
        <translation>{folder} 中缺少内置模型 {name!r}；请用 `workbench build-builtins` 重新构建</translation>
    </message>
    <message>
        <source>opened recently</source>
        <translation>最近打开过</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>logits</translation>
    </message>
    <message>
        <source>hidden states</source>
        <translation>隐藏状态</translation>
    </message>
    <message>
        <source>max abs difference of the {what} {diff} is above the tolerance {tolerance}</source>
        <translation>{what}的最大绝对差 {diff} 超过容差 {tolerance}</translation>
    </message>
    <message>
        <source>logits with and without the KV cache differ by {diff} (tolerance {tolerance})</source>
        <translation>使用与不使用 KV 缓存的 logits 相差 {diff}（容差 {tolerance}）</translation>
    </message>
    <message>
        <source>greedy generation matches PyTorch for {share} of tokens (first difference at token {token}); 100% is required</source>
        <translation>贪心生成只有 {share} 的词元与 PyTorch 一致（第一处差异在第 {token} 个词元）；要求 100%</translation>
    </message>
    <message>
        <source>top-1 agreement {share} is below {minimum}</source>
        <translation>top-1 一致率 {share} 低于 {minimum}</translation>
    </message>
    <message>
        <source>embedding cosine similarity {cosine} is below {minimum}</source>
        <translation>嵌入余弦相似度 {cosine} 低于 {minimum}</translation>
    </message>
    <message>
        <source>{name} {size}</source>
        <translation>{name} {size}</translation>
    </message>
    <message>
        <source>{parts} + {part}</source>
        <translation>{parts} + {part}</translation>
    </message>
    <message>
        <source>{total} ({breakdown})</source>
        <translation>{total}（{breakdown}）</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>attention scores</source>
        <translation>注意力分数</translation>
    </message>
    <message>
        <source>inference at {tokens} tokens</source>
        <translation>{tokens} 个词元的推理</translation>
    </message>
    <message>
        <source>frozen weights</source>
        <translation>冻结的权重</translation>
    </message>
    <message>
        <source>adapters, gradients and AdamW moments</source>
        <translation>适配器、梯度和 AdamW 动量</translation>
    </message>
    <message>
        <source>LoRA ({count} trained parameters)</source>
        <translation>LoRA（训练 {count} 个参数）</translation>
    </message>
    <message>
        <source>weights, gradients and AdamW moments</source>
        <translation>权重、梯度和 AdamW 动量</translation>
    </message>
    <message>
        <source>full fine-tune with AdamW</source>
        <translation>用 AdamW 全量微调</translation>
    </message>
    <message>
        <source>logits and loss</source>
        <translation>logits 和损失</translation>
    </message>
    <message>
        <source>{kind} at batch {batch} x {tokens} tokens with gradient checkpointing</source>
        <translation>{kind}（批 {batch} × {tokens} 个词元，梯度检查点）</translation>
    </message>
    <message>
        <source>{kind} at batch {batch} x {tokens} tokens</source>
        <translation>{kind}（批 {batch} × {tokens} 个词元）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Estimated memory</source>
        <translation>估算内存</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>PyTorch on {device}</source>
        <translation>PyTorch，运行于 {device}</translation>
    </message>
    <message>
        <source>Text generation (causal LM)</source>
        <translation>文本生成（因果语言模型）</translation>
    </message>
    <message>
        <source>Sequence to sequence (summarization, translation)</source>
        <translation>序列到序列（摘要、翻译）</translation>
    </message>
    <message>
        <source>Fill-mask (masked LM)</source>
        <translation>填空（掩码语言模型）</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Embeddings (feature extraction)</source>
        <translation>嵌入（特征提取）</translation>
    </message>
    <message>
        <source>This model is loaded for {task}; this needs {needs}</source>
        <translation>此模型是按 {task} 加载的；此功能需要 {needs}</translation>
    </message>
    <message>
        <source>No built-in data named {name!r}; choose one of {names}</source>
        <translation>没有名为 {name!r} 的内置数据；请选择其中之一：{names}</translation>
    </message>
    <message>
        <source>The training loss became {loss} at step {step}; the run was stopped. Lower the learning rate (now {rate:g}) or keep gradient clipping on, and resume from the last checkpoint</source>
        <translation>训练损失在第 {step} 步变为 {loss}，运行已停止。请降低学习率（当前为 {rate:g}）或保持梯度裁剪开启，然后从最近的检查点继续</translation>
    </message>
    <message>
        <source>{name} looks like {encoding} text but does not decode as it (line {line}, the last character is cut off); save the file with UTF-8 encoding</source>
        <translation>{name} 看起来是 {encoding} 文本，但无法按该编码解码（第 {line} 行，最后一个字符不完整）；请以 UTF-8 编码保存该文件</translation>
    </message>
    <message>
        <source>{name} looks like {encoding} text but does not decode as it (line {line}, byte 0x{byte:02x}); save the file with UTF-8 encoding</source>
        <translation>{name} 看起来是 {encoding} 文本，但无法按该编码解码（第 {line} 行，字节 0x{byte:02x}）；请以 UTF-8 编码保存该文件</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, the last character is cut off; it looks like {encoding}); save it with UTF-8 encoding</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行，最后一个字符不完整；看起来是 {encoding}）；请以 UTF-8 编码保存</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, byte 0x{byte:02x}; it looks like {encoding}); save it with UTF-8 encoding</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行，字节 0x{byte:02x}；看起来是 {encoding}）；请以 UTF-8 编码保存</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, the last character is cut off); save it with UTF-8 encoding</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行，最后一个字符不完整）；请以 UTF-8 编码保存</translation>
    </message>
    <message>
        <source>Train the tiny-stories model from scratch</source>
        <translation>从零训练 tiny-stories 模型</translation>
    </message>
    <message>
        <source>Sentiment classifier: a new head on tiny-stories</source>
        <translation>情感分类器：在 tiny-stories 上加一个新分类头</translation>
    </message>
    <message>
        <source>Chat fine-tuning: tiny-stories answers review questions</source>
        <translation>对话微调：让 tiny-stories 回答评论相关的问题</translation>
    </message>
    <message>
        <source>Summarizer from scratch: a small BART</source>
        <translation>从零训练摘要模型：一个小型 BART</translation>
    </message>
    <message>
        <source>No example named &apos;{name}&apos;; examples: {examples}</source>
        <translation>没有名为 &apos;{name}&apos; 的示例；可用示例：{examples}</translation>
    </message>
    <message>
        <source>datasheet</source>
        <translation>规格表</translation>
    </message>
    <message>
        <source>measured matmul</source>
        <translation>实测矩阵乘法</translation>
    </message>
    <message>
        <source>Labels are not consistent: {where} has &apos;{value}&apos; but {first_where} has &apos;{first_value}&apos;; use either names or numbers for every row</source>
        <translation>标签不一致：{where} 是 &apos;{value}&apos;，而 {first_where} 是 &apos;{first_value}&apos;；请所有行统一使用名称或统一使用数字</translation>
    </message>
    <message>
        <source>{where} has no label</source>
        <translation>{where} 没有标签</translation>
    </message>
    <message>
        <source>Labels are not consistent: {where} has {value}, which is not a whole number</source>
        <translation>标签不一致：{where} 是 {value}，不是整数</translation>
    </message>
    <message>
        <source>{where} has label {value}, but there are only {count} label names (ids 0 to {last})</source>
        <translation>{where} 的标签为 {value}，但只有 {count} 个标签名称（id 为 0 到 {last}）</translation>
    </message>
    <message>
        <source>{where} has a negative label ({value})</source>
        <translation>{where} 的标签为负数（{value}）</translation>
    </message>
    <message>
        <source>Labels are not consistent: {where} has &apos;{value}&apos; but {first_where} has &apos;{first_value}&apos;; they differ only in case or spaces</source>
        <translation>标签不一致：{where} 是 &apos;{value}&apos;，而 {first_where} 是 &apos;{first_value}&apos;；二者仅大小写或空格不同</translation>
    </message>
    <message>
        <source>{where} has label &apos;{value}&apos;, which is not one of the label names ({names})</source>
        <translation>{where} 的标签 &apos;{value}&apos; 不在标签名称之列（{names}）</translation>
    </message>
    <message>
        <source>Every row has the label &apos;{label}&apos;; classification needs at least two different labels</source>
        <translation>每一行的标签都是 &apos;{label}&apos;；分类至少需要两种不同的标签</translation>
    </message>
    <message>
        <source>{model} is a {model_type} model, not an encoder-decoder; seq2seq fine-tuning needs one (T5, BART, Marian ...)</source>
        <translation>{model} 是 {model_type} 模型，不是编码器-解码器模型；seq2seq 微调需要编码器-解码器模型（T5、BART、Marian 等）</translation>
    </message>
    <message>
        <source>{model} is an encoder-decoder model; causal-LM fine-tuning needs a decoder</source>
        <translation>{model} 是编码器-解码器模型；causal-LM 微调需要解码器模型</translation>
    </message>
    <message>
        <source>A {model_type} model cannot be trained for {task}; choose another model or task</source>
        <translation>{model_type} 模型无法用于 {task} 训练；请选择其他模型或任务</translation>
    </message>
    <message>
        <source>LoRA needs the names of the layers to adapt for a {model_type} model; set lora.target_modules (e.g. [&quot;q_proj&quot;, &quot;v_proj&quot;]): {error}</source>
        <translation>LoRA 需要知道 {model_type} 模型中要适配的层名称；请设置 lora.target_modules（例如 [&quot;q_proj&quot;, &quot;v_proj&quot;]）：{error}</translation>
    </message>
    <message>
        <source>Building a random {family} model ({size} shapes) ...</source>
        <translation>正在构建随机 {family} 模型（{size} 形状）……</translation>
    </message>
    <message>
        <source>Exporting and validating {family} ({variants}) ...</source>
        <translation>正在导出并验证 {family}（{variants}）……</translation>
    </message>
    <message>
        <source>  {step}</source>
        <translation>  {step}</translation>
    </message>
    <message>
        <source>parity FAILED (top-1 {share}); timing only</source>
        <translation>一致性检查未通过（top-1 {share}）；仅计时</translation>
    </message>
    <message>
        <source>parity FAILED; timing only</source>
        <translation>一致性检查未通过；仅计时</translation>
    </message>
    <message>
        <source>an ONNX export with its parity check</source>
        <translation>一次 ONNX 导出及其一致性检查</translation>
    </message>
    <message>
        <source>the PyTorch weights</source>
        <translation>PyTorch 权重</translation>
    </message>
    <message>
        <source>the graph and ONNX Runtime&apos;s session</source>
        <translation>计算图和 ONNX Runtime 会话</translation>
    </message>
    <message>
        <source>This export will not fit: {what} needs about {total} ({breakdown}) and {available} of RAM is available; export on a machine with at least {needed} of RAM, or a smaller model</source>
        <translation>此次导出内存不足：{what}约需 {total}（{breakdown}），而可用内存只有 {available}；请在内存至少 {needed} 的机器上导出，或换用更小的模型</translation>
    </message>
    <message>
        <source>training from scratch with AdamW</source>
        <translation>用 AdamW 从零训练</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>LoRA with gradient checkpointing</source>
        <translation>LoRA 加梯度检查点</translation>
    </message>
    <message>
        <source>LoRA with batch size {batch} and gradient checkpointing</source>
        <translation>LoRA 配合批大小 {batch} 和梯度检查点</translation>
    </message>
    <message>
        <source>gradient checkpointing</source>
        <translation>梯度检查点</translation>
    </message>
    <message>
        <source>batch size {batch}</source>
        <translation>批大小 {batch}</translation>
    </message>
    <message>
        <source>batch size {batch} with gradient checkpointing</source>
        <translation>批大小 {batch} 加梯度检查点</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>a {what}</source>
        <translation>{what}</translation>
    </message>
    <message>
        <source>{label} ({size})</source>
        <translation>{label}（{size}）</translation>
    </message>
    <message>
        <source>{options}, {option}</source>
        <translation>{options}、{option}</translation>
    </message>
    <message>
        <source>This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is available; what fits: {options}.</source>
        <translation>此次运行内存不足：{subject}约需 {total}（{breakdown}），而可用{where}只有 {available}；放得下的设置：{options}。</translation>
    </message>
    <message>
        <source>This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is available; even {least} needs {least_total}: choose a smaller model or a shorter maximum length.</source>
        <translation>此次运行内存不足：{subject}约需 {total}（{breakdown}），而可用{where}只有 {available}；即使采用{least}也需要 {least_total}：请换用更小的模型或更短的最大长度。</translation>
    </message>
    <message>
        <source>This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is available: choose a smaller model or a shorter maximum length.</source>
        <translation>此次运行内存不足：{subject}约需 {total}（{breakdown}），而可用{where}只有 {available}：请换用更小的模型或更短的最大长度。</translation>
    </message>
</context>
</TS>
