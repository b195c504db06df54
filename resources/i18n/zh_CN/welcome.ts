<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WelcomePage</name>
    <message>
        <source>An English story</source>
        <translation>英文故事</translation>
    </message>
    <message>
        <source>A Chinese story</source>
        <translation>中文故事</translation>
    </message>
    <message>
        <source>A Chinese review</source>
        <translation>中文评论</translation>
    </message>
    <message>
        <source>Attention on Chinese</source>
        <translation>中文的注意力</translation>
    </message>
    <message>
        <source>Open a model: a Hugging Face hub id (e.g. gpt2, from your local cache when offline), a folder you drop on the window, or a built-in model.</source>
        <translation>打开模型：Hugging Face Hub id（例如 gpt2，离线时从本地缓存读取）、拖到窗口上的文件夹，或内置模型。</translation>
    </message>
    <message>
        <source>Try the model: generate text token by token and see how likely each token was, chat, classify, fill in [MASK], compare sentence embeddings, inspect tokens.</source>
        <translation>试用模型：逐个词元生成文本并查看每个词元的概率，对话、分类、填写 [MASK]、比较句子嵌入、查看词元。</translation>
    </message>
    <message>
        <source>Look inside: what every layer and head attends to, as heatmaps and line views.</source>
        <translation>深入内部：以热力图和连线视图查看每一层、每个头关注的内容。</translation>
    </message>
    <message>
        <source>Fine-tune a model or train a small one from scratch while the loss curves update; drop a .txt, .csv or .jsonl file on the window to train on it.</source>
        <translation>微调模型或从零训练一个小模型，同时观察损失曲线实时更新；把 .txt、.csv 或 .jsonl 文件拖到窗口上即可用它训练。</translation>
    </message>
    <message>
        <source>Export to ONNX with a parity check and run it offline with ONNX Runtime.</source>
        <translation>导出为 ONNX 并进行一致性检查，再用 ONNX Runtime 离线运行。</translation>
    </message>
    <message>
        <source>The ideas behind it on your model: tokenisation, attention step by step, the loss, and a prediction before and after fine-tuning.</source>
        <translation>在你的模型上了解背后的原理：分词、逐步讲解注意力、损失，以及微调前后的预测对比。</translation>
    </message>
    <message>
        <source>Welcome to Workbench</source>
        <translation>欢迎使用 Workbench</translation>
    </message>
    <message>
        <source>A desk for experimenting with transformer language models. Everything here works offline; start with one of the built-in models, trained by this project on text it generates itself:</source>
        <translation>一个用来试验 Transformer 语言模型的工作台。这里的一切都能离线使用；可以先从内置模型开始，它们由本项目用自己生成的文本训练而成：</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>{description} ({task})</source>
        <translation>{description}（{task}）</translation>
    </message>
    <message>
        <source>Try an example</source>
        <translation>试一个示例</translation>
    </message>
    <message>
        <source>Opens {source} and puts “{text}” on the {page} page</source>
        <translation>打开 {source}，并把“{text}”放到{page}页面</translation>
    </message>
    <message>
        <source>What each area does</source>
        <translation>各个区域的用途</translation>
    </message>
    <message>
        <source>&lt;b&gt;{area}&lt;/b&gt; — {text}</source>
        <translation>&lt;b&gt;{area}&lt;/b&gt; — {text}</translation>
    </message>
    <message>
        <source>To open your own model: type a hub id on the Models page, use File → Open model folder (Ctrl+O), or drag a folder with config.json (or an ONNX export) onto the window. Ctrl+1 … Ctrl+7 switch between areas.</source>
        <translation>打开你自己的模型：在模型页面输入 Hub id，使用“文件 → 打开模型文件夹”（Ctrl+O），或把含 config.json 的文件夹（或 ONNX 导出）拖到窗口上。按 Ctrl+1 … Ctrl+7 在各区域之间切换。</translation>
    </message>
</context>
</TS>
