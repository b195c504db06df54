<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChartsGrid</name>
    <message>
        <source>No figures yet</source>
        <translation>还没有指标</translation>
    </message>
    <message>
        <source>A bar chart per figure appears here as each model finishes; the best model&apos;s bar is the dark one.</source>
        <translation>每个模型完成后，这里会为每项指标显示一张条形图；最佳模型的条形颜色最深。</translation>
    </message>
</context>
<context>
    <name>DataForm</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>.txt, .csv or .jsonl file, or builtin:NAME</source>
        <translation>.txt、.csv 或 .jsonl 文件，或 builtin:NAME</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Built-in data…</source>
        <translation>内置数据…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Evaluate the first N examples only (0 = all)</source>
        <translation>只评估前 N 个样本（0 = 全部）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Evaluate as</source>
        <translation>评估类型</translation>
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
        <source>Second text</source>
        <translation>第二段文本</translation>
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
        <source>Max new tokens</source>
        <translation>最多新词元数</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>数量上限</translation>
    </message>
    <message>
        <source>Held-out data</source>
        <translation>留出数据</translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json)</source>
        <translation>数据 (*.txt *.csv *.tsv *.jsonl *.json)</translation>
    </message>
    <message>
        <source>Columns: {columns}</source>
        <translation>列：{columns}</translation>
    </message>
    <message>
        <source>Columns: none found</source>
        <translation>列：未找到</translation>
    </message>
    <message>
        <source>Auto (from the first model&apos;s task)</source>
        <translation>自动（按第一个模型的任务）</translation>
    </message>
    <message>
        <source>Language model: perplexity</source>
        <translation>语言模型：困惑度</translation>
    </message>
    <message>
        <source>Classifier: accuracy, F1</source>
        <translation>分类器：准确率、F1</translation>
    </message>
    <message>
        <source>Summarize / translate: ROUGE, BLEU</source>
        <translation>摘要 / 翻译：ROUGE、BLEU</translation>
    </message>
    <message>
        <source>stories (for language models)</source>
        <translation>故事（用于语言模型）</translation>
    </message>
    <message>
        <source>reviews (for classifiers)</source>
        <translation>评论（用于分类器）</translation>
    </message>
    <message>
        <source>summaries (for summarizers)</source>
        <translation>摘要（用于摘要模型）</translation>
    </message>
    <message>
        <source>Chinese stories (for language models)</source>
        <translation>中文故事（用于语言模型）</translation>
    </message>
    <message>
        <source>Chinese reviews (for classifiers)</source>
        <translation>中文评论（用于分类器）</translation>
    </message>
    <message>
        <source>No built-in data set {name}; there are {names}</source>
        <translation>没有内置数据集 {name}；可用的有 {names}</translation>
    </message>
    <message>
        <source>No such data file: {file}</source>
        <translation>数据文件不存在：{file}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>mean loss</source>
        <translation>平均损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>latency ms</source>
        <translation>延迟 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>memory MB</source>
        <translation>内存 MB</translation>
    </message>
    <message>
        <source>{figure} (higher is better)</source>
        <translation>{figure}（越高越好）</translation>
    </message>
    <message>
        <source>{figure} (lower is better)</source>
        <translation>{figure}（越低越好）</translation>
    </message>
    <message>
        <source>language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>summarize / translate</source>
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
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped after {done} of {total} examples</source>
        <translation>在 {total} 个样本中完成 {done} 个后停止</translation>
    </message>
    <message>
        <source>Add at least one model to compare (Add current model, Add model, Add run or Add export).</source>
        <translation>请至少添加一个要比较的模型（添加当前模型、添加模型、添加运行或添加导出）。</translation>
    </message>
    <message>
        <source>Choose the data to evaluate on: a file (File…) or a built-in data set.</source>
        <translation>请选择用于评估的数据：一个文件（文件…）或一个内置数据集。</translation>
    </message>
    <message>
        <source>Reading {folder} ...</source>
        <translation>正在读取 {folder} …</translation>
    </message>
    <message>
        <source>in the Playground&apos;s Summarize / translate tab</source>
        <translation>在试验场的“摘要 / 翻译”标签页中</translation>
    </message>
    <message>
        <source>in the Playground (attention maps need the PyTorch model, not its export)</source>
        <translation>在试验场中（注意力图需要 PyTorch 模型，而不是它的导出）</translation>
    </message>
    <message>
        <source>in Attention</source>
        <translation>在注意力页面中</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Earlier results</source>
        <translation>以前的结果</translation>
    </message>
    <message>
        <source>No saved evaluations yet</source>
        <translation>还没有保存的评估</translation>
    </message>
    <message>
        <source>No model is loaded; open one on the Models page, or type one next to Add model.</source>
        <translation>尚未加载模型；请在模型页面打开一个，或在“添加模型”旁输入一个。</translation>
    </message>
    <message>
        <source>Evaluating: the first row appears here when the first model has finished.</source>
        <translation>正在评估：第一个模型完成后，这里会显示第一行结果。</translation>
    </message>
    <message>
        <source>Ready to compare {models} on {data}.</source>
        <translation>已准备好在 {data} 上比较 {models}。</translation>
    </message>
    <message>
        <source>Ready to compare {models}; choose the data on the left (a file or a built-in set).</source>
        <translation>已准备好比较 {models}；请在左侧选择数据（文件或内置数据集）。</translation>
    </message>
    <message>
        <source>Run the evaluation</source>
        <translation>运行评估</translation>
    </message>
    <message>
        <source>Start with the loaded model, {model}, on the built-in data that fits its task; add more models to compare on the left.</source>
        <translation>从已加载的模型 {model} 开始，在适合其任务的内置数据上评估；可在左侧添加更多模型进行比较。</translation>
    </message>
    <message>
        <source>Add the current model</source>
        <translation>添加当前模型</translation>
    </message>
    <message>
        <source>No model is loaded. Add models on the left (a built-in, a hub id or a folder, a training run or an ONNX export) and choose a data file, or try the built-in story model on 100 built-in stories.</source>
        <translation>尚未加载模型。请在左侧添加模型（内置模型、Hub id 或文件夹、训练运行或 ONNX 导出）并选择数据文件，或者在 100 个内置故事上试试内置的故事模型。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Stopping after the current example…</source>
        <translation>将在当前样本完成后停止…</translation>
    </message>
    <message>
        <source>Read {rows} rows</source>
        <translation>已读取 {rows} 行</translation>
    </message>
    <message>
        <source>Reading data… {rows} rows</source>
        <translation>正在读取数据… {rows} 行</translation>
    </message>
    <message>
        <source>{name} ({number}/{count}): loading…</source>
        <translation>{name}（{number}/{count}）：正在加载…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{name} ({number}/{count}): {done} / {total} examples</source>
        <translation>{name}（{number}/{count}）：{done} / {total} 个样本</translation>
    </message>
    <message>
        <source>Done: {done} of {count} models evaluated on {examples} examples.</source>
        <translation>完成：{count} 个模型中有 {done} 个已在 {examples} 个样本上完成评估。</translation>
    </message>
    <message>
        <source>Stopped. What had been computed is shown and saved in {folder}.</source>
        <translation>已停止。已计算的部分已显示，并保存在 {folder}。</translation>
    </message>
    <message>
        <source>Stopped before any model was evaluated.</source>
        <translation>在评估任何模型之前已停止。</translation>
    </message>
    <message>
        <source>No model could be evaluated: {error}</source>
        <translation>没有模型能完成评估：{error}</translation>
    </message>
    <message>
        <source>No figures: see the message above.</source>
        <translation>没有指标：请查看上方的消息。</translation>
    </message>
    <message>
        <source>{message} The results shown are the earlier ones.</source>
        <translation>{message} 当前显示的是以前的结果。</translation>
    </message>
    <message>
        <source>Not run: see the message above.</source>
        <translation>未运行：请查看上方的消息。</translation>
    </message>
    <message>
        <source>Choose one of {count} to reopen…</source>
        <translation>从 {count} 个中选择一个重新打开…</translation>
    </message>
    <message>
        <source>{when} · {kind} on {data} · {models}</source>
        <translation>{when} · {kind}，数据 {data} · {models}</translation>
    </message>
    <message>
        <source>no models</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Opening {name} to show the example…</source>
        <translation>正在打开 {name} 以显示该样本…</translation>
    </message>
</context>
<context>
    <name>ExamplesModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源文本</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>延迟 ms</translation>
    </message>
</context>
<context>
    <name>ExamplesPanel</name>
    <message>
        <source>The examples appear when the first model has finished.</source>
        <translation>第一个模型完成后，这里会显示样本。</translation>
    </message>
    <message>
        <source>No examples yet</source>
        <translation>还没有示例</translation>
    </message>
    <message>
        <source>No scored examples</source>
        <translation>没有已评分的示例</translation>
    </message>
    <message>
        <source>{name} has no scored examples: {error}</source>
        <translation>{name} 没有已评分的示例：{error}</translation>
    </message>
    <message>
        <source>none were read</source>
        <translation>未读取到任何样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {count} examples. Click a column to sort ({column} finds the worst); double-click one to open it {where}. Another model: select its row above.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：{count} 个样本。点击列标题排序（按{column}可找出最差的样本）；双击一个样本可{where}打开它。查看其他模型：在上方选择它所在的行。</translation>
    </message>
</context>
<context>
    <name>FigureChart</name>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>ModelList</name>
    <message>
        <source>Models to compare</source>
        <translation>要比较的模型</translation>
    </message>
    <message>
        <source>No models yet. Add the current model, a built-in, a hub id, a training run or an ONNX export below.</source>
        <translation>还没有模型。请在下方添加当前模型、内置模型、Hub id、训练运行或 ONNX 导出。</translation>
    </message>
    <message>
        <source>builtin:NAME, a hub id or a model folder</source>
        <translation>builtin:NAME、Hub ID 或模型文件夹</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Add run</source>
        <translation>添加运行</translation>
    </message>
    <message>
        <source>Add current model</source>
        <translation>添加当前模型</translation>
    </message>
    <message>
        <source>Add export…</source>
        <translation>添加导出…</translation>
    </message>
    <message>
        <source>An ONNX export folder: each variant that passed its parity check is a row</source>
        <translation>一个 ONNX 导出文件夹：每个通过一致性检查的变体各占一行</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>{name} — {task}, {state}</source>
        <translation>{name} — {task}，{state}</translation>
    </message>
    <message>
        <source>(no training runs yet)</source>
        <translation>（还没有训练运行）</translation>
    </message>
    <message>
        <source>Type or pick a model first: builtin:NAME, a hub id or a model folder.</source>
        <translation>请先输入或选择一个模型：builtin:NAME、Hub ID 或模型文件夹。</translation>
    </message>
    <message>
        <source>An ONNX export folder (with export_report.json)</source>
        <translation>ONNX 导出文件夹（含 export_report.json）</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>true {label}</source>
        <translation>真实 {label}</translation>
    </message>
    <message>
        <source>predicted {label}</source>
        <translation>预测 {label}</translation>
    </message>
    <message>
        <source>{count} of {total} &apos;{label}&apos; examples were called &apos;{predicted}&apos;</source>
        <translation>{total} 个“{label}”样本中有 {count} 个被判为“{predicted}”</translation>
    </message>
    <message>
        <source>Try it: compare tiny-stories on built-in stories</source>
        <translation>试一试：在内置故事上评估 tiny-stories</translation>
    </message>
    <message>
        <source>One row per model with its figures (the best in bold), a bar chart per figure, the confusion matrix of a classifier, and every example&apos;s score appear here: sort by loss to find where a model fails, double-click an example to open it.</source>
        <translation>这里会显示每个模型一行及其指标（最佳值加粗）、每项指标一张条形图、分类器的混淆矩阵，以及每个示例的得分：按损失排序可找到模型出错之处，双击示例即可打开。</translation>
    </message>
    <message>
        <source>Compare models on your own held-out data</source>
        <translation>在你自己的留出数据上比较模型</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>No predictions</source>
        <translation>没有预测</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>已保存在 {folder}</translation>
    </message>
    <message>
        <source>running, 1 model to go</source>
        <translation>运行中，还剩 1 个模型</translation>
    </message>
    <message>
        <source>running, {count} models to go</source>
        <translation>运行中，还剩 {count} 个模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;{kind}&lt;/b&gt; on &lt;b&gt;{data}&lt;/b&gt; — {count} examples, {when}, {state}</source>
        <translation>&lt;b&gt;{kind}&lt;/b&gt;，数据 &lt;b&gt;{data}&lt;/b&gt; — {count} 个样本，{when}，{state}</translation>
    </message>
    <message>
        <source>No confusion matrix: {name} has no predictions.</source>
        <translation>没有混淆矩阵：{name} 没有预测结果。</translation>
    </message>
    <message>
        <source>No confusion matrix: no model yet.</source>
        <translation>没有混淆矩阵：还没有模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: rows are the true labels, columns what the model predicted; the diagonal is right. Select another model in the table above.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：行是真实标签，列是模型的预测；对角线为预测正确。可在上方表格中选择其他模型。</translation>
    </message>
</context>
<context>
    <name>SourceRow</name>
    <message>
        <source>built-in, PyTorch</source>
        <translation>内置，PyTorch</translation>
    </message>
    <message>
        <source>model folder, PyTorch ({folder})</source>
        <translation>模型文件夹，PyTorch（{folder}）</translation>
    </message>
    <message>
        <source>hub model, PyTorch (downloaded if not cached)</source>
        <translation>Hub 模型，PyTorch（未缓存时下载）</translation>
    </message>
    <message>
        <source>export {name}</source>
        <translation>导出 {name}</translation>
    </message>
    <message>
        <source>ONNX {variants}, a row each</source>
        <translation>ONNX {variants}，各占一行</translation>
    </message>
    <message>
        <source>1 checkpoint + final model, a row each</source>
        <translation>1 个检查点 + 最终模型，各占一行</translation>
    </message>
    <message>
        <source>1 checkpoint, a row each</source>
        <translation>1 个检查点，各占一行</translation>
    </message>
    <message>
        <source>{count} checkpoints + final model, a row each</source>
        <translation>{count} 个检查点 + 最终模型，各占一行</translation>
    </message>
    <message>
        <source>{count} checkpoints, a row each</source>
        <translation>{count} 个检查点，各占一行</translation>
    </message>
    <message>
        <source>final model</source>
        <translation>最终模型</translation>
    </message>
    <message>
        <source>no model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>run {name}</source>
        <translation>运行 {name}</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <source>{value}: the best of the models compared</source>
        <translation>{value}：所比较模型中的最佳值</translation>
    </message>
</context>
</TS>
