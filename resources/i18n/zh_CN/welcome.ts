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
        <source>Compare models, training runs and exports side by side on your own data: accuracy, perplexity, ROUGE and BLEU, example by example.</source>
        <translation>在你自己的数据上并排比较模型、训练运行和导出：准确率、困惑度、ROUGE 和 BLEU，逐个示例查看。</translation>
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
        <source>Try a built-in model</source>
        <translation>试用内置模型</translation>
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
        <source>Open your own model</source>
        <translation>打开你自己的模型</translation>
    </message>
    <message>
        <source>Type a Hugging Face hub id (e.g. gpt2, from your local cache when offline) on the Models page, open a folder with config.json or an ONNX export, or drag one onto the window.</source>
        <translation>在“模型”页输入 Hugging Face hub id（如 gpt2；离线时从本地缓存读取），打开含 config.json 或 ONNX 导出的文件夹，或把文件夹拖到窗口上。</translation>
    </message>
    <message>
        <source>Open a folder ...</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Type a hub id</source>
        <translation>输入 hub id</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+8 switch between areas; Ctrl+O opens a folder.</source>
        <translation>Ctrl+1 … Ctrl+8 在各区域间切换；Ctrl+O 打开文件夹。</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <source>No model opened yet: the models you open are listed here.</source>
        <translation>还没有打开过模型：打开的模型会列在这里。</translation>
    </message>
    <message>
        <source>{name}: {model}, step {step} of {total}, {state}</source>
        <translation>{name}：{model}，第 {step}/{total} 步，{state}</translation>
    </message>
    <message>
        <source>No training run yet: runs you start on the Training page are listed here.</source>
        <translation>还没有训练运行：在“训练”页开始的运行会列在这里。</translation>
    </message>
    <message>
        <source>What each area does</source>
        <translation>各个区域的用途</translation>
    </message>
    <message>
        <source>Go to {area}</source>
        <translation>前往{area}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
</TS>
