<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BenchTab</name>
    <message>
        <source>Bench</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Memory MB</source>
        <translation>内存 MB</translation>
    </message>
    <message>
        <source>% of bound</source>
        <translation>占上限 %</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>执行提供程序</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>base</source>
        <translation>标准尺寸</translation>
    </message>
    <message>
        <source>tiny</source>
        <translation>微型尺寸</translation>
    </message>
    <message>
        <source>Decoder (GPT-2-small shape): prefill, decode tokens/s</source>
        <translation>解码器（GPT-2-small 形状）：预填充、解码 tokens/s</translation>
    </message>
    <message>
        <source>Encoder (BERT-base shape): latency by batch x sequence</source>
        <translation>编码器（bert-base 形状）：按批大小 × 序列长度的延迟</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>运行基准测试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>speedup vs PyTorch eager fp32 (higher is faster)</source>
        <translation>相对 PyTorch eager fp32 的加速比（越高越快）</translation>
    </message>
    <message>
        <source>No benchmark yet</source>
        <translation>还没有基准测试</translation>
    </message>
    <message>
        <source>Run the benchmark</source>
        <translation>运行基准测试</translation>
    </message>
    <message>
        <source>Model shapes</source>
        <translation>模型形状</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>New tokens</source>
        <translation>新词元数</translation>
    </message>
    <message>
        <source>Threads (both backends)</source>
        <translation>线程数（两个后端）</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Progress of the benchmark appears here.</source>
        <translation>基准测试的进度显示在这里。</translation>
    </message>
    <message>
        <source>A table of PyTorch eager against ONNX Runtime (tokens/s, latency, memory) and a chart of the speedups appear here. The benchmark builds its own models of the shapes above, so it needs no export.</source>
        <translation>这里会显示 PyTorch eager 与 ONNX Runtime 的对比表（tokens/s、延迟、内存）和加速比图表。基准测试会按上方的形状自行构建模型，因此无需导出。</translation>
    </message>
    <message>
        <source>Tick the decoder and/or the encoder benchmark first.</source>
        <translation>请先勾选解码器和/或编码器基准测试。</translation>
    </message>
    <message>
        <source>Benchmarking…</source>
        <translation>正在进行基准测试…</translation>
    </message>
    <message>
        <source>{device} with {threads} threads.</source>
        <translation>{device}，{threads} 个线程。</translation>
    </message>
    <message>
        <source>% of bound: weights read once per token at {bandwidth} GB/s, measured in this run.</source>
        <translation>占上限 %：按每个词元读取一次权重、带宽 {bandwidth} GB/s 计算（本次运行实测）。</translation>
    </message>
    <message>
        <source>Saved: {files}</source>
        <translation>已保存：{files}</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>The loaded model, or a folder / hub id / builtin:NAME</source>
        <translation>已加载的模型，或文件夹 / Hub ID / builtin:NAME</translation>
    </message>
    <message>
        <source>Folder...</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Optimised graph (ONNX Runtime fusions)</source>
        <translation>优化图（ONNX Runtime 算子融合）</translation>
    </message>
    <message>
        <source>fp16 (for GPUs)</source>
        <translation>fp16（用于 GPU）</translation>
    </message>
    <message>
        <source>int8 dynamic quantisation (for CPUs)</source>
        <translation>int8 动态量化（用于 CPU）</translation>
    </message>
    <message>
        <source>Attention maps (opset 23)</source>
        <translation>注意力图（opset 23）</translation>
    </message>
    <message>
        <source>Also write a graph that returns the ONNX Attention ops&apos; probabilities, checked against PyTorch; the Attention page then shows the export&apos;s own maps</source>
        <translation>另外写出一个返回 ONNX Attention 算子概率的图，并与 PyTorch 对照检查；之后注意力页面会显示该导出自己的注意力图</translation>
    </message>
    <message>
        <source>Overwrite a non-empty folder</source>
        <translation>覆盖非空文件夹</translation>
    </message>
    <message>
        <source>Your sample texts for the parity check, one per line (generated inputs of several sizes are always added)</source>
        <translation>用于一致性检查的示例文本，每行一条（总会另外加入几种长度的生成输入）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Greedy tokens checked</source>
        <translation>贪心检查词元数</translation>
    </message>
    <message>
        <source>Sample prompts</source>
        <translation>示例提示词</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>Export finished; parity proven.</source>
        <translation>导出完成；一致性已验证。</translation>
    </message>
    <message>
        <source>Opening {folder} on ONNX Runtime ...</source>
        <translation>正在用 ONNX Runtime 打开 {folder} …</translation>
    </message>
    <message>
        <source>embedding of {dims} dims, norm {norm}</source>
        <translation>{dims} 维嵌入，范数 {norm}</translation>
    </message>
    <message>
        <source>Export and check parity</source>
        <translation>导出并检查一致性</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <source>Export although the memory estimate says it will not fit</source>
        <translation>即使内存估算显示放不下，也要导出</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Open in Playground (ONNX Runtime)</source>
        <translation>在试验场中打开（ONNX Runtime）</translation>
    </message>
    <message>
        <source>Quick test</source>
        <translation>快速测试</translation>
    </message>
    <message>
        <source>The export&apos;s steps appear here.</source>
        <translation>导出的各个步骤显示在这里。</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>No export yet</source>
        <translation>还没有导出</translation>
    </message>
    <message>
        <source>The parity report appears here: one row per variant with its largest difference from PyTorch and its size, then a quick test on ONNX Runtime.</source>
        <translation>这里会显示一致性检查报告：每个变体一行，列出它与 PyTorch 的最大差异和大小，然后可在 ONNX Runtime 上快速测试。</translation>
    </message>
    <message>
        <source>Exporting {model}…</source>
        <translation>正在导出 {model}…</translation>
    </message>
    <message>
        <source>Export {model}</source>
        <translation>导出 {model}</translation>
    </message>
    <message>
        <source>No model is loaded, so there is nothing to export yet. Open one (or type a folder or hub id above).</source>
        <translation>尚未加载模型，因此还没有可导出的内容。请打开一个模型（或在上方输入文件夹或 Hub id）。</translation>
    </message>
    <message>
        <source>Open {model}</source>
        <translation>打开 {model}</translation>
    </message>
    <message>
        <source>Choose a model (load one, or type a folder) and an output folder first.</source>
        <translation>请先选择一个模型（加载一个，或输入文件夹）和一个输出文件夹。</translation>
    </message>
    <message>
        <source>{advice}. Or Export anyway, if you think the estimate is wrong.</source>
        <translation>{advice}。如果你认为估算有误，也可以点击“仍然导出”。</translation>
    </message>
    <message>
        <source>Cancelling after the current step ...</source>
        <translation>将在当前步骤完成后取消…</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Exported to {folder}</source>
        <translation>已导出到 {folder}</translation>
    </message>
    <message>
        <source>Playground: {model}</source>
        <translation>试验场：{model}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;输出：&lt;/b&gt;{text}</translation>
    </message>
    <message>
        <source>session providers: {providers}</source>
        <translation>会话执行提供程序：{providers}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Max |Δ|</source>
        <translation>最大 |Δ|</translation>
    </message>
    <message>
        <source>Mean |Δ|</source>
        <translation>平均 |Δ|</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Cache |Δ|</source>
        <translation>缓存 |Δ|</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>Emb. cos</source>
        <translation>嵌入余弦</translation>
    </message>
    <message>
        <source>Size MB</source>
        <translation>大小 MB</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED: {reasons}</source>
        <translation>失败：{reasons}</translation>
    </message>
    <message>
        <source>See what int8 costs on your data →</source>
        <translation>看看 int8 在你的数据上损失多少 →</translation>
    </message>
    <message>
        <source>Open the Evaluate page with this export&apos;s variants as the models to compare</source>
        <translation>打开评估页面，把此导出的各个变体作为要比较的模型</translation>
    </message>
    <message>
        <source>{architecture} ({task}), opset {opset}, checked on {provider} against PyTorch.</source>
        <translation>{architecture}（{task}），opset {opset}，已在 {provider} 上与 PyTorch 对照检查。</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>文件夹：{folder}</translation>
    </message>
    <message>
        <source>As `workbench export` prints it:</source>
        <translation>`workbench export` 命令行输出的原文：</translation>
    </message>
    <message>
        <source>Parity proven for every variant</source>
        <translation>所有变体的一致性均已验证</translation>
    </message>
    <message>
        <source>Parity check FAILED; failed graphs were removed</source>
        <translation>一致性检查失败；未通过的图已删除</translation>
    </message>
    <message>
        <source>Compare the variants on your data →</source>
        <translation>在你的数据上比较各个变体 →</translation>
    </message>
</context>
</TS>
