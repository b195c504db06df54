<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChatTab</name>
    <message>
        <source>Hello! Can you tell me a short story?</source>
        <translation>你好！能给我讲一个小故事吗？</translation>
    </message>
    <message>
        <source>Type a message and press Enter</source>
        <translation>输入消息后按回车</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>The conversation will appear here</source>
        <translation>对话会显示在这里</translation>
    </message>
    <message>
        <source>Your messages and the model&apos;s replies, sent to it with its chat template (or as a plain transcript).</source>
        <translation>你的消息和模型的回复；消息按模型的对话模板发送（没有模板时按纯文本记录发送）。</translation>
    </message>
    <message>
        <source>Using the tokenizer&apos;s chat template.</source>
        <translation>正在使用分词器的对话模板。</translation>
    </message>
    <message>
        <source>This tokenizer has no chat template: the conversation is sent as a plain &apos;User: / Assistant:&apos; transcript.</source>
        <translation>此分词器没有对话模板：对话将以纯文本 &apos;User: / Assistant:&apos; 记录的形式发送。</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>请先输入一条消息。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You:&lt;/b&gt; {text}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Model:&lt;/b&gt; </source>
        <translation>&lt;p&gt;&lt;b&gt;你：&lt;/b&gt; {text}&lt;/p&gt;&lt;p&gt;&lt;b&gt;模型：&lt;/b&gt; </translation>
    </message>
</context>
<context>
    <name>ClassifyTab</name>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>The food was wonderful and the staff were very friendly.</source>
        <translation>饭菜非常好吃，服务员也很热情。</translation>
    </message>
    <message>
        <source>Text to classify</source>
        <translation>要分类的文本</translation>
    </message>
    <message>
        <source>The model&apos;s labels will appear here</source>
        <translation>模型的标签会显示在这里</translation>
    </message>
    <message>
        <source>How likely the model finds each of its labels for your text, as bars.</source>
        <translation>以条形图显示模型认为你的文本属于各个标签的概率。</translation>
    </message>
    <message>
        <source>Prediction: &lt;b&gt;{label}&lt;/b&gt; ({prob}) — the text was truncated to {tokens} tokens</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;（{prob}）— 文本已截断为 {tokens} 个词元</translation>
    </message>
    <message>
        <source>Prediction: &lt;b&gt;{label}&lt;/b&gt; ({prob})</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;（{prob}）</translation>
    </message>
</context>
<context>
    <name>EmbeddingsTab</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>A cat sat on the mat.</source>
        <translation>一只猫坐在垫子上。</translation>
    </message>
    <message>
        <source>A kitten rested on the rug.</source>
        <translation>一只小猫在地毯上休息。</translation>
    </message>
    <message>
        <source>Text A</source>
        <translation>文本 A</translation>
    </message>
    <message>
        <source>Text B</source>
        <translation>文本 B</translation>
    </message>
    <message>
        <source>Sentence embeddings (mean of the last hidden states) and their cosine similarity</source>
        <translation>句子嵌入（最后一层隐藏状态的平均值）及其余弦相似度</translation>
    </message>
    <message>
        <source>Their similarity will appear here</source>
        <translation>相似度会显示在这里</translation>
    </message>
    <message>
        <source>The cosine similarity of the two texts&apos; embeddings (1 = the same direction) and a glimpse of the vectors.</source>
        <translation>两段文本嵌入的余弦相似度（1 = 方向相同），以及向量的前几个数。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:16pt&apos;&gt;Cosine similarity: &lt;b&gt;{cosine}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Each text becomes a vector of {size} numbers. Text A starts [{head}, ...], norm {norm_a}; text B norm {norm_b}.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:16pt&apos;&gt;余弦相似度：&lt;b&gt;{cosine}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;每段文本都变成一个由 {size} 个数组成的向量。文本 A 以 [{head}, ...] 开头，范数 {norm_a}；文本 B 的范数为 {norm_b}。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>FillMaskTab</name>
    <message>
        <source>Fill</source>
        <translation>填空</translation>
    </message>
    <message>
        <source>The cat sat on the [MASK].</source>
        <translation>猫坐在[MASK]上。</translation>
    </message>
    <message>
        <source>Text with [MASK] where a word should be predicted</source>
        <translation>文本中用 [MASK] 标出要预测的词</translation>
    </message>
    <message>
        <source>The model&apos;s guesses will appear here</source>
        <translation>模型的猜测会显示在这里</translation>
    </message>
    <message>
        <source>For each [MASK] in your text: the five words the model finds most likely there, with their probabilities.</source>
        <translation>对文本中的每个 [MASK]：模型认为最可能填入的五个词及其概率。</translation>
    </message>
    <message>
        <source>Use {mask} or [MASK]</source>
        <translation>使用 {mask} 或 [MASK]</translation>
    </message>
    <message>
        <source>Mask {number}</source>
        <translation>掩码 {number}</translation>
    </message>
</context>
<context>
    <name>GenerateTab</name>
    <message>
        <source>special token {raw}</source>
        <translation>特殊词元 {raw}</translation>
    </message>
    <message>
        <source>piece {raw} · bytes {bytes}</source>
        <translation>片段 {raw} · 字节 {bytes}</translation>
    </message>
    <message>
        <source>{count} tokens, {rate} tokens/s (stopped)</source>
        <translation>{count} 个词元，{rate} 词元/秒（已停止）</translation>
    </message>
    <message>
        <source>{count} tokens, {rate} tokens/s</source>
        <translation>{count} 个词元，{rate} 词元/秒</translation>
    </message>
    <message>
        <source>Once upon a time</source>
        <translation>从前</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Hover or click a generated token to see the alternatives.</source>
        <translation>将鼠标悬停在生成的词元上或点击它，可查看其他候选。</translation>
    </message>
    <message>
        <source>Alternative</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Show attention for this token</source>
        <translation>显示此词元的注意力</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>候选词元</translation>
    </message>
    <message>
        <source>Hover or click a generated token: the tokens the model considered in its place appear here, with their probabilities.</source>
        <translation>悬停或点击一个生成的词元：模型在该位置考虑过的词元及其概率会显示在这里。</translation>
    </message>
    <message>
        <source>Output (colour = the model&apos;s probability of each token: red low, green high)</source>
        <translation>输出（颜色表示模型给每个词元的概率：红色低，绿色高）</translation>
    </message>
    <message>
        <source>Input text (the model writes a new text from it)</source>
        <translation>输入文本（模型据此写出新文本）</translation>
    </message>
    <message>
        <source>The model&apos;s text will appear here</source>
        <translation>模型写出的文本会显示在这里</translation>
    </message>
    <message>
        <source>It writes a new text from your input (a summary or a translation), token by token, each token coloured by how likely the model found it.</source>
        <translation>模型根据你的输入逐个词元写出新文本（摘要或翻译），每个词元按模型给它的概率着色。</translation>
    </message>
    <message>
        <source>The continuation will appear here</source>
        <translation>续写会显示在这里</translation>
    </message>
    <message>
        <source>The model continues your prompt token by token, each token coloured by how likely the model found it: red low, green high.</source>
        <translation>模型逐个词元续写你的提示词，每个词元按模型给它的概率着色：红色低，绿色高。</translation>
    </message>
    <message>
        <source>Load a model first (Models page).</source>
        <translation>请先加载模型（模型页面）。</translation>
    </message>
    <message>
        <source>Generating ...</source>
        <translation>正在生成……</translation>
    </message>
    <message>
        <source>No tokens generated</source>
        <translation>未生成任何词元</translation>
    </message>
    <message>
        <source>Token {index}: {text} (id {id}, {hover}), p = {prob}</source>
        <translation>词元 {index}：{text}（id {id}，{hover}），p = {prob}</translation>
    </message>
    <message>
        <source>← chosen</source>
        <translation>← 已选</translation>
    </message>
    <message>
        <source>Attention maps come from the PyTorch model; open the model itself (not its ONNX export) to see them.</source>
        <translation>注意力图来自 PyTorch 模型；请打开模型本身（而非其 ONNX 导出）来查看。</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Fill-mask</source>
        <translation>填空</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Try a model here</source>
        <translation>在这里试用模型</translation>
    </message>
    <message>
        <source>Generate text token by token and see how likely each token was, chat, classify, fill in [MASK], compare sentence embeddings and watch the tokenizer split your text: the tabs that fit the model appear here. Open a model on the Models page, or start with the built-in story model.</source>
        <translation>逐个词元生成文本并查看每个词元的概率、对话、分类、填写 [MASK]、比较句子嵌入，以及观察分词器如何切分你的文本：适合该模型的标签页会显示在这里。请在模型页面打开一个模型，或先从内置的故事模型开始。</translation>
    </message>
    <message>
        <source>Open tiny-stories</source>
        <translation>打开 tiny-stories</translation>
    </message>
    <message>
        <source>{task}, {parameters} parameters; backend: {runtime}</source>
        <translation>{task}，{parameters} 个参数；后端：{runtime}</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <source>Summarize / translate</source>
        <translation>摘要 / 翻译</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Greedy (always the most likely token)</source>
        <translation>贪心（总是选最可能的词元）</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>最多新词元数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Alternatives shown</source>
        <translation>显示的候选数</translation>
    </message>
</context>
<context>
    <name>TokenizerTab</name>
    <message>
        <source>Tokenizers split text into pieces from a fixed vocabulary: unbelievable words become several tokens.</source>
        <translation>分词器用固定的词表把文本切成片段：不常见的词会变成好几个词元。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Computing ...</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Your text split into the tokenizer&apos;s pieces, each with its id, as you type.</source>
        <translation>你的文本在输入时被切分成分词器的片段，每个片段附带其 id。</translation>
    </message>
    <message>
        <source>Text (updates as you type)</source>
        <translation>文本（随输入实时更新）</translation>
    </message>
    <message>
        <source>{tokens} tokens ({special} special), {chars} characters, {ratio} characters per token</source>
        <translation>{tokens} 个词元（其中 {special} 个特殊词元），{chars} 个字符，平均每个词元 {ratio} 个字符</translation>
    </message>
</context>
<context>
    <name>_TaskTab</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Load a model first (Models page).</source>
        <translation>请先加载模型（模型页面）。</translation>
    </message>
    <message>
        <source>Computing ...</source>
        <translation>正在计算…</translation>
    </message>
</context>
</TS>
