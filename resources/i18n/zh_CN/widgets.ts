<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ExamplesButton</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Japanese and emoji</source>
        <translation>日文和表情符号</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Put a sample text in the field, in English or Chinese</source>
        <translation>在输入框里放一段英文或中文的示例文本</translation>
    </message>
    <message>
        <source>{language}: “{text}”</source>
        <translation>{language}：“{text}”</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>query (attends from)</source>
        <translation>查询（注意力发出方）</translation>
    </message>
    <message>
        <source>key (attends to)</source>
        <translation>键（被关注方）</translation>
    </message>
    <message>
        <source>Hover over a cell to read its weight; click a row to highlight it.</source>
        <translation>将鼠标悬停在单元格上可读取其权重；点击某一行可将其高亮。</translation>
    </message>
    <message>
        <source>query: {query}    key: {key}</source>
        <translation>查询：{query}    键：{key}</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
