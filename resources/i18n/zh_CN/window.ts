<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LogPanel</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>its module {module} is missing</source>
        <translation>缺少它的模块 {module}</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Device: detecting ...</source>
        <translation>设备：检测中……</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Model: {source} ({task})</source>
        <translation>模型：{source}（{task}）</translation>
    </message>
    <message>
        <source>Change model</source>
        <translation>更换模型</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model folder...</source>
        <translation>打开模型文件夹(&amp;O)……</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Log panel</source>
        <translation>日志面板</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Workbench will be in {language} the next time it starts</source>
        <translation>Workbench 下次启动时将使用{language}</translation>
    </message>
    <message>
        <source>Workbench will be in {language} the next time it starts. Restart now?</source>
        <translation>Workbench 下次启动时将使用{language}。现在重启吗？</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>drop a model folder, an ONNX export folder or a data file ({suffixes})</source>
        <translation>请拖入模型文件夹、ONNX 导出文件夹或数据文件（{suffixes}）</translation>
    </message>
    <message>
        <source>Cannot open {path}: {why}</source>
        <translation>无法打开 {path}：{why}</translation>
    </message>
    <message>
        <source>The bundled CJK font {path} could not be loaded; Chinese may show as boxes</source>
        <translation>无法加载内置的 CJK 字体 {path}；中文可能显示为方框</translation>
    </message>
</context>
<context>
    <name>MemoryStatus</name>
    <message>
        <source>Workbench uses {rss} GB; the machine has {used} of {total} GB in use ({share}). The memory budget is {fraction} of the RAM ({budget} GB): a training run whose estimate does not fit in it (and in the free memory) is refused before it starts.</source>
        <translation>Workbench 占用 {rss} GB；本机 {total} GB 内存中已用 {used} GB（{share}）。内存预算为 RAM 的 {fraction}（{budget} GB）：估算超出预算（或超出空闲内存）的训练运行会在开始前被拒绝。</translation>
    </message>
    <message>
        <source>{ram} (machine {share} used)</source>
        <translation>{ram}（本机已用 {share}）</translation>
    </message>
    <message>
        <source>Memory is running short: close other programs or models, or choose smaller settings.</source>
        <translation>内存不足：请关闭其他程序或模型，或选择更小的设置。</translation>
    </message>
    <message>
        <source>Memory is close to the budget.</source>
        <translation>内存已接近预算。</translation>
    </message>
    <message>
        <source>RAM: {size} GB</source>
        <translation>RAM：{size} GB</translation>
    </message>
    <message>
        <source>GPU: {size} GB</source>
        <translation>GPU：{size} GB</translation>
    </message>
    <message>
        <source>Device: {name} (CUDA)</source>
        <translation>设备：{name}（CUDA）</translation>
    </message>
    <message>
        <source>Device: Apple GPU (MPS)</source>
        <translation>设备：Apple GPU（MPS）</translation>
    </message>
    <message>
        <source>Device: CPU ({threads} threads)</source>
        <translation>设备：CPU（{threads} 个线程）</translation>
    </message>
</context>
</TS>
