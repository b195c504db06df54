<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Runner</name>
    <message>
        <source>Unexpected error: {kind}: {detail}</source>
        <translation>意外错误：{kind}：{detail}</translation>
    </message>
    <message>
        <source>Internal error: the {job} job returned a {kind}; jobs return typed objects</source>
        <translation>内部错误：{job} 任务返回了 {kind}；任务应返回有类型的对象</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Unexpected error: {kind}: {detail}</source>
        <translation>意外错误：{kind}：{detail}</translation>
    </message>
    <message>
        <source>A training run is already going; stop it first</source>
        <translation>已有训练运行在进行；请先停止它</translation>
    </message>
</context>
</TS>
