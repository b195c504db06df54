<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ModelsPage</name>
    <message>
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{size} {note}</source>
        <translation>{note}：{size}</translation>
    </message>
    <message>
        <source>{what}: {total} ({parts})</source>
        <translation>{what}：{total}（{parts}）</translation>
    </message>
    <message>
        <source>{value} (more than the {available} available)</source>
        <translation>{value}（超过可用的 {available}）</translation>
    </message>
    <message>
        <source>at {tokens} tokens</source>
        <translation>{tokens} 个词元时</translation>
    </message>
    <message>
        <source>for inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>inference at {tokens} tokens</source>
        <translation>{tokens} 个词元时的推理</translation>
    </message>
    <message>
        <source>attention maps at {tokens} tokens</source>
        <translation>{tokens} 个词元时的注意力图</translation>
    </message>
    <message>
        <source>maps</source>
        <translation>注意力图</translation>
    </message>
    <message>
        <source>for attention maps</source>
        <translation>注意力图</translation>
    </message>
    <message>
        <source>for a full fine-tune</source>
        <translation>完整微调</translation>
    </message>
    <message>
        <source>with AdamW (batch {batch} x {tokens} tokens)</source>
        <translation>使用 AdamW（批大小 {batch} × {tokens} 个词元）</translation>
    </message>
    <message>
        <source>full fine-tune with AdamW at batch {batch} x {tokens} tokens</source>
        <translation>使用 AdamW 完整微调，批大小 {batch} × {tokens} 个词元</translation>
    </message>
    <message>
        <source>for LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>with rank-{rank} adapters (batch {batch} x {tokens} tokens)</source>
        <translation>秩为 {rank} 的适配器（批大小 {batch} × {tokens} 个词元）</translation>
    </message>
    <message>
        <source>LoRA with rank-{rank} adapters at batch {batch} x {tokens} tokens</source>
        <translation>LoRA，秩为 {rank} 的适配器，批大小 {batch} × {tokens} 个词元</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Hub cache</source>
        <translation>Hub 缓存</translation>
    </message>
    <message>
        <source>{heads} ({kv_heads} key/value heads)</source>
        <translation>{heads}（{kv_heads} 个键/值头）</translation>
    </message>
    <message>
        <source>Hub id (gpt2, bert-base-uncased ...), a folder, or builtin:tiny-stories</source>
        <translation>Hub id（gpt2、bert-base-uncased……）、文件夹，或 builtin:tiny-stories</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
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
        <source>Detect the task from the model&apos;s config</source>
        <translation>根据模型的 config 自动识别任务</translation>
    </message>
    <message>
        <source>Trust remote code (this model only)</source>
        <translation>信任远程代码（仅限此模型）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>ready in the Playground</source>
        <translation>可在试验场中使用</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Pick one in the library on the left, type a hub id above, or drop a folder here. Its architecture, size and the memory each page needs appear here.</source>
        <translation>在左侧模型库中选择一个，在上方输入 Hub id，或将文件夹拖放到这里。这里会显示它的架构、大小以及各页面所需的内存。</translation>
    </message>
    <message>
        <source>Open {model}</source>
        <translation>打开 {model}</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Load options</source>
        <translation>加载选项</translation>
    </message>
    <message>
        <source>Library (double-click to open)</source>
        <translation>模型库（双击打开）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open a model folder (with config.json)</source>
        <translation>打开模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <source>Type a hub id, a folder path or builtin:NAME first.</source>
        <translation>请先输入 Hub id、文件夹路径或 builtin:NAME。</translation>
    </message>
    <message>
        <source>A model is already loading; wait or cancel it first.</source>
        <translation>已有模型正在加载，请等待或先取消。</translation>
    </message>
    <message>
        <source>Opening {source} ...</source>
        <translation>正在打开 {source}……</translation>
    </message>
    <message>
        <source>Loading cancelled; the previous model stays loaded.</source>
        <translation>已取消加载，之前的模型仍保持加载。</translation>
    </message>
    <message>
        <source>Loaded {source}</source>
        <translation>已加载 {source}</translation>
    </message>
    <message>
        <source>{error} ({model} is still loaded.)</source>
        <translation>{error}（{model} 仍处于加载状态。）</translation>
    </message>
    <message>
        <source>{size} of weights ({dtype})</source>
        <translation>{size} 权重（{dtype}）</translation>
    </message>
    <message>
        <source>No memory estimate for {source}</source>
        <translation>无法估算 {source} 的内存</translation>
    </message>
</context>
</TS>
