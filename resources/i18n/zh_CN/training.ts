<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionReplay</name>
    <message>
        <source>Mean of heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>No attention snapshots yet</source>
        <translation>还没有注意力快照</translation>
    </message>
    <message>
        <source>Attention snapshots of the probe sentence appear here at each evaluation, so you can replay how the heads learn. Set a probe sentence before starting.</source>
        <translation>每次评估时，探针句子的注意力快照会显示在这里，便于回放各个头的学习过程。请在开始前设置探针句子。</translation>
    </message>
    <message>
        <source>Set a probe sentence</source>
        <translation>设置探针句子</translation>
    </message>
    <message>
        <source>Step {step}  ({number} of {count} snapshots)</source>
        <translation>第 {step} 步（第 {number} 个快照，共 {count} 个）</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <source>Start from an example ...</source>
        <translation>从示例开始…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>CurvesPanel</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Start from an example</source>
        <translation>从示例开始</translation>
    </message>
    <message>
        <source>Fill in the settings for a tiny run on the built-in stories (from scratch, under a minute on a CPU) and start it</source>
        <translation>填入一次在内置故事上的微型运行的设置（从零训练，在 CPU 上不到一分钟）并开始</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Tokens / second</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>GPU memory (GB)</source>
        <translation>显存（GB）</translation>
    </message>
    <message>
        <source>train (raw)</source>
        <translation>训练（原始）</translation>
    </message>
    <message>
        <source>train (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>还没有运行</translation>
    </message>
    <message>
        <source>The loss curve, the eval metric, the learning rate, the gradient norm and the training speed appear here live as a run trains. Start one with the settings on the left, or try the built-in example.</source>
        <translation>运行训练时，损失曲线、评估指标、学习率、梯度范数和训练速度会实时显示在这里。用左侧的设置开始一次运行，或试试内置示例。</translation>
    </message>
    <message>
        <source>Starting the run</source>
        <translation>正在开始运行</translation>
    </message>
    <message>
        <source>The curves appear here with the first logged step (the data and the model are being prepared).</source>
        <translation>记录第一步后，曲线就会显示在这里（正在准备数据和模型）。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Smoothing {weight}</source>
        <translation>平滑 {weight}</translation>
    </message>
    <message>
        <source>Accuracy / F1</source>
        <translation>准确率 / F1</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>ppl</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>acc</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>grad</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>tok/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>GPU {value} GB</source>
        <translation>显存 {value} GB</translation>
    </message>
    <message>
        <source>MFU {value}</source>
        <translation>算力利用率 {value}</translation>
    </message>
    <message>
        <source>smoothed {value}</source>
        <translation>平滑 {value}</translation>
    </message>
</context>
<context>
    <name>DataSection</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Prompt column</source>
        <translation>提示词列</translation>
    </message>
    <message>
        <source>Response column</source>
        <translation>回复列</translation>
    </message>
    <message>
        <source>Messages column</source>
        <translation>消息列</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>源文本列</translation>
    </message>
    <message>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Training the BPE tokenizer ...</source>
        <translation>正在训练 BPE 分词器…</translation>
    </message>
    <message>
        <source>Tokenising ...</source>
        <translation>正在分词…</translation>
    </message>
    <message>
        <source>{train} training and {eval} eval blocks of {block} tokens; {tokens} training tokens</source>
        <translation>{train} 个训练块和 {eval} 个评估块（每块 {block} 个词元）；训练词元共 {tokens} 个</translation>
    </message>
    <message>
        <source>{train} training and {eval} eval examples; {tokens} training tokens</source>
        <translation>{train} 个训练样本和 {eval} 个评估样本；训练词元共 {tokens} 个</translation>
    </message>
    <message>
        <source>{summary}; labels: {names}</source>
        <translation>{summary}；标签：{names}</translation>
    </message>
    <message>
        <source>.txt, .csv or .jsonl file, or a built-in set</source>
        <translation>.txt、.csv 或 .jsonl 文件，或内置数据集</translation>
    </message>
    <message>
        <source>File...</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>from the data (sorted); or e.g. negative, positive</source>
        <translation>取自数据（排序后）；或填写如“negative, positive”</translation>
    </message>
    <message>
        <source>optional separate eval file</source>
        <translation>可选的单独评估文件</translation>
    </message>
    <message>
        <source>Every block starts at a document</source>
        <translation>每块从文档开头开始</translation>
    </message>
    <message>
        <source>Language modelling: start each block of max-length tokens at a document (repeating the start of a document that does not fit) instead of cutting the concatenated text anywhere. Helps models learn to refer back, e.g. to names.</source>
        <translation>语言建模：每个最大长度的词元块都从一篇文档的开头开始（放不下的文档会重复其开头），而不是在拼接后的文本中随处切分。有助于模型学会回指前文，例如人名。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Count tokens</source>
        <translation>统计词元</translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation>还没有预览</translation>
    </message>
    <message>
        <source>The first rows of the data appear here, with its columns, once you choose a file or a built-in set.</source>
        <translation>选择文件或内置数据集后，数据的前几行及其列会显示在这里。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Label names</source>
        <translation>标签名称</translation>
    </message>
    <message>
        <source>Eval fraction</source>
        <translation>评估比例</translation>
    </message>
    <message>
        <source>Eval file</source>
        <translation>评估文件</translation>
    </message>
    <message>
        <source>Max sequence length</source>
        <translation>最大序列长度</translation>
    </message>
    <message>
        <source>Max examples</source>
        <translation>最大样本数</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json)</source>
        <translation>数据 (*.txt *.csv *.tsv *.jsonl *.json)</translation>
    </message>
    <message>
        <source>Built-in or recent data ...</source>
        <translation>内置或最近使用的数据…</translation>
    </message>
    <message>
        <source>{rows} rows ({format}); showing the first {shown}</source>
        <translation>{rows} 行（{format}）；显示前 {shown} 行</translation>
    </message>
    <message>
        <source>{rows} rows ({format}, read as {encoding}); showing the first {shown}</source>
        <translation>{rows} 行（{format}，按 {encoding} 读取）；显示前 {shown} 行</translation>
    </message>
    <message>
        <source>Complete the model and data settings first (the token count uses the model&apos;s tokenizer)</source>
        <translation>请先完成模型和数据设置（词元统计要用模型的分词器）</translation>
    </message>
    <message>
        <source>Counting tokens ...</source>
        <translation>正在统计词元…</translation>
    </message>
    <message>
        <source>Cancel counting</source>
        <translation>取消统计</translation>
    </message>
    <message>
        <source>Token count cancelled.</source>
        <translation>词元统计已取消。</translation>
    </message>
</context>
<context>
    <name>HyperSection</name>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>constant with warmup</source>
        <translation>预热后恒定</translation>
    </message>
    <message>
        <source>warmup, stable, decay</source>
        <translation>预热、平稳、衰减</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>from epochs</source>
        <translation>按轮数</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>recompute activations: less memory, about a third slower</source>
        <translation>重算激活值：更省内存，约慢三分之一</translation>
    </message>
    <message>
        <source>torch.compile: faster steps after minutes of compiling</source>
        <translation>torch.compile：编译几分钟后每步更快</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>仅在结束时</translation>
    </message>
    <message>
        <source>on stop and at the end</source>
        <translation>停止时和结束时</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no scores</source>
        <translation>不评分</translation>
    </message>
    <message>
        <source>Summarize / translate runs: eval examples whose outputs are shown at each evaluation (the same ones every time)</source>
        <translation>摘要 / 翻译运行：每次评估时显示其输出的评估样本（每次都是同一批）</translation>
    </message>
    <message>
        <source>Summarize / translate runs: eval examples generated at each evaluation for ROUGE, BLEU and chrF</source>
        <translation>摘要 / 翻译运行：每次评估时生成并计算 ROUGE、BLEU 和 chrF 的评估样本数</translation>
    </message>
    <message>
        <source>a sentence whose attention is captured at every evaluation</source>
        <translation>每次评估时记录其注意力的句子</translation>
    </message>
    <message>
        <source>derived from the model</source>
        <translation>由模型名生成</translation>
    </message>
    <message>
        <source>the Workbench runs folder</source>
        <translation>Workbench 的运行文件夹</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Warmup steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Decay share (stable-decay)</source>
        <translation>衰减占比（平稳-衰减）</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>梯度检查点</translation>
    </message>
    <message>
        <source>Compile</source>
        <translation>编译</translation>
    </message>
    <message>
        <source>Log every (steps)</source>
        <translation>记录间隔（步）</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>Keep checkpoints</source>
        <translation>保留检查点数</translation>
    </message>
    <message>
        <source>Samples shown (seq2seq)</source>
        <translation>显示样例数（seq2seq）</translation>
    </message>
    <message>
        <source>Scored outputs (seq2seq)</source>
        <translation>评分输出数（seq2seq）</translation>
    </message>
    <message>
        <source>Attention probe</source>
        <translation>注意力探针</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>The learning rate &apos;{value}&apos; is not a number (e.g. 5e-4)</source>
        <translation>学习率“{value}”不是数字（例如 5e-4）</translation>
    </message>
</context>
<context>
    <name>LaunchBox</name>
    <message>
        <source>Run elsewhere (headless, torchrun, Slurm)</source>
        <translation>在其他机器上运行（无界面、torchrun、Slurm）</translation>
    </message>
    <message>
        <source>Save config...</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <source>Slurm script</source>
        <translation>Slurm 脚本</translation>
    </message>
    <message>
        <source>Save the config to get the command that runs it headless</source>
        <translation>保存配置后，这里会给出以无界面方式运行它的命令</translation>
    </message>
    <message>
        <source>Processes / node</source>
        <translation>每节点进程数</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <source>Save run config</source>
        <translation>保存运行配置</translation>
    </message>
    <message>
        <source>Run config (*.json)</source>
        <translation>运行配置 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>ModelSection</name>
    <message>
        <source>Language modelling (plain text)</source>
        <translation>语言建模（纯文本）</translation>
    </message>
    <message>
        <source>Chat fine-tuning (replies only)</source>
        <translation>对话微调（仅回复）</translation>
    </message>
    <message>
        <source>Classification (new head)</source>
        <translation>分类（新分类头）</translation>
    </message>
    <message>
        <source>Summarize / translate (seq2seq)</source>
        <translation>摘要 / 翻译（seq2seq）</translation>
    </message>
    <message>
        <source>Fine-tune a model</source>
        <translation>微调模型</translation>
    </message>
    <message>
        <source>Train a new model from scratch</source>
        <translation>从零训练新模型</translation>
    </message>
    <message>
        <source>hub id, folder or builtin:tiny-stories</source>
        <translation>Hub ID、文件夹或 builtin:tiny-stories</translation>
    </message>
    <message>
        <source>Use loaded model</source>
        <translation>使用已加载的模型</translation>
    </message>
    <message>
        <source>same as heads</source>
        <translation>与头数相同</translation>
    </message>
    <message>
        <source>4 x width</source>
        <translation>4 × 宽度</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
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
        <source>Key/value heads</source>
        <translation>键/值头数</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation>前馈层宽度</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Vocabulary (BPE)</source>
        <translation>词表（BPE）</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>LoRA adapters (for models too large to fine-tune fully)</source>
        <translation>LoRA 适配器（用于太大而无法全量微调的模型）</translation>
    </message>
    <message>
        <source>default for the model type (e.g. q_proj, v_proj)</source>
        <translation>按模型类型的默认值（如 q_proj, v_proj）</translation>
    </message>
    <message>
        <source>Rank r</source>
        <translation>秩 r</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>缩放系数 α</translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation>目标模块</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Choose a model to fine-tune (or train from scratch)</source>
        <translation>请选择要微调的模型（或从零训练）</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Eval loss</source>
        <translation>评估损失</translation>
    </message>
    <message>
        <source>language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>seq2seq</source>
        <translation>摘要 / 翻译</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>{shape}, from scratch</source>
        <translation>{shape}，从零训练</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>还没有运行</translation>
    </message>
    <message>
        <source>Every run you start is listed here with its task, model, state and last loss: tick runs to compare their loss curves, open a trained model, or resume a stopped run.</source>
        <translation>你开始的每次运行都会列在这里，附带任务、模型、状态和最后的损失：勾选运行可比较损失曲线，也可打开训练好的模型或继续已停止的运行。</translation>
    </message>
    <message>
        <source>Start from an example</source>
        <translation>从示例开始</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the run&apos;s curves, attention snapshots and samples on the Curves tab</source>
        <translation>在“曲线”标签页中显示该运行的曲线、注意力快照和样例</translation>
    </message>
    <message>
        <source>Open in Playground</source>
        <translation>在试验场中打开</translation>
    </message>
    <message>
        <source>Open in Attention</source>
        <translation>在注意力页中打开</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>从检查点继续</translation>
    </message>
    <message>
        <source>This run has no saved model or checkpoint yet</source>
        <translation>该运行还没有保存的模型或检查点</translation>
    </message>
</context>
<context>
    <name>SamplesPanel</name>
    <message>
        <source>Samples of the model&apos;s output appear here at each evaluation (summarize / translate runs)</source>
        <translation>每次评估时，模型的输出样例会显示在这里（摘要 / 翻译运行）</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>还没有样例</translation>
    </message>
    <message>
        <source>Use the summarizer example</source>
        <translation>使用摘要示例</translation>
    </message>
    <message>
        <source>Fill in the settings of the built-in summarizer example (a small BART trained from scratch)</source>
        <translation>填入内置摘要示例的设置（从零训练的小型 BART）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Samples at step {step}&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 {step} 步的样例&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;✓ exact&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;✓ 完全一致&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;Target:&lt;/span&gt; {target}&lt;br&gt;&lt;span style=&apos;color:{color}&apos;&gt;Model:&lt;/span&gt; &lt;b&gt;{output}&lt;/b&gt; {mark}&lt;/p&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;目标：&lt;/span&gt; {target}&lt;br&gt;&lt;span style=&apos;color:{color}&apos;&gt;模型：&lt;/span&gt; &lt;b&gt;{output}&lt;/b&gt; {mark}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;(empty)&lt;/i&gt;</source>
        <translation>&lt;i&gt;（空）&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop (saves)</source>
        <translation>停止（并保存）</translation>
    </message>
    <message>
        <source>Resume from checkpoint...</source>
        <translation>从检查点继续…</translation>
    </message>
    <message>
        <source>Start anyway</source>
        <translation>仍然开始</translation>
    </message>
    <message>
        <source>Start although the memory estimate says the run will not fit</source>
        <translation>即使内存估算认为放不下，也开始运行</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样例</translation>
    </message>
    <message>
        <source>A training run is already going; stop it first</source>
        <translation>已有训练运行在进行；请先停止它</translation>
    </message>
    <message>
        <source>Preparing data and model ...</source>
        <translation>正在准备数据和模型…</translation>
    </message>
    <message>
        <source>{advice} Change the settings, or Start anyway if you think the estimate is wrong.</source>
        <translation>{advice} 请修改设置；如果认为估算有误，也可以点“仍然开始”。</translation>
    </message>
    <message>
        <source>Resuming from the last checkpoint ...</source>
        <translation>正在从最近的检查点继续…</translation>
    </message>
    <message>
        <source>A run is going: its dashboard stays until it ends</source>
        <translation>有运行正在进行：它结束前仪表盘会一直显示它</translation>
    </message>
    <message>
        <source>Showing {run}</source>
        <translation>正在显示 {run}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stopping: saving a checkpoint after this step ...</source>
        <translation>正在停止：本步结束后保存检查点…</translation>
    </message>
    <message>
        <source>Run folder to resume</source>
        <translation>要继续的运行文件夹</translation>
    </message>
    <message>
        <source>Checkpoint saved: {path}</source>
        <translation>检查点已保存：{path}</translation>
    </message>
    <message>
        <source>Paused at step {step}</source>
        <translation>已在第 {step} 步暂停</translation>
    </message>
    <message>
        <source>Training ...</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Failed at step {step}</source>
        <translation>在第 {step} 步失败</translation>
    </message>
    <message>
        <source>Stopped at step {step}; checkpoint saved: {path}. Resume it from the Runs tab.</source>
        <translation>已在第 {step} 步停止；检查点已保存：{path}。可在“运行记录”标签页中继续。</translation>
    </message>
    <message>
        <source>Finished {steps} steps in {seconds} s. Model saved to {path}. {metrics}</source>
        <translation>已完成 {steps} 步，用时 {seconds} 秒。模型已保存到 {path}。{metrics}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} 词元/秒</translation>
    </message>
    <message>
        <source>{elapsed} elapsed, {left} left</source>
        <translation>已用 {elapsed}，剩余 {left}</translation>
    </message>
    <message>
        <source>{elapsed} elapsed</source>
        <translation>已用 {elapsed}</translation>
    </message>
    <message>
        <source>MFU {mfu}</source>
        <translation>算力利用率 {mfu}</translation>
    </message>
    <message>
        <source>GPU memory {allocated} GB (peak {peak} GB)</source>
        <translation>显存 {allocated} GB（峰值 {peak} GB）</translation>
    </message>
    <message>
        <source>Loaded {folder}; the {page} page is not available in this build</source>
        <translation>已加载 {folder}；此版本没有“{page}”页</translation>
    </message>
    <message>
        <source>{device} × {count} GPUs</source>
        <translation>{device} × {count} 个 GPU</translation>
    </message>
    <message>
        <source>peak {value} TFLOP/s ({source})</source>
        <translation>峰值 {value} TFLOP/s（{source}）</translation>
    </message>
    <message>
        <source>peak {value} TFLOP/s</source>
        <translation>峰值 {value} TFLOP/s</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>eval loss</source>
        <translation>评估损失</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
</TS>
