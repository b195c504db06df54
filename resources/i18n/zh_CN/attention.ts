<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionPage</name>
    <message>
        <source>L{layer} H{head}: broad (no pattern above {share})</source>
        <translation>L{layer} H{head}：分散（没有模式超过 {share}）</translation>
    </message>
    <message>
        <source>previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>第一个词元</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>L{layer} H{head}: {pattern} ({share} of the weight)</source>
        <translation>L{layer} H{head}：{pattern}（占权重的 {share}）</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Optional: second sentence (encoders) or target text (encoder-decoders)</source>
        <translation>可选：第二个句子（编码器）或目标文本（编码器-解码器）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>不生成</translation>
    </message>
    <message>
        <source>Show attention</source>
        <translation>显示注意力</translation>
    </message>
    <message>
        <source>Hide special tokens</source>
        <translation>隐藏特殊词元</translation>
    </message>
    <message>
        <source>Merge sub-words</source>
        <translation>合并子词</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>The attention heatmap will appear here</source>
        <translation>注意力热力图将显示在这里</translation>
    </message>
    <message>
        <source>One row per token of the text: how much it attends to each token, for the layer and head chosen above. Hover a cell to read its weight.</source>
        <translation>文本的每个词元占一行：在上方所选的层和头中，它对每个词元的注意力有多大。将鼠标悬停在单元格上可读取其权重。</translation>
    </message>
    <message>
        <source>Model view</source>
        <translation>模型视图</translation>
    </message>
    <message>
        <source>Every layer and head at a glance</source>
        <translation>一览所有层和头</translation>
    </message>
    <message>
        <source>A thumbnail of each head&apos;s attention, layers down and heads across; click one to open it in the heatmap.</source>
        <translation>每个头的注意力缩略图，纵向为层、横向为头；点击其中一个即可在热力图中打开。</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>头视图</translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to</source>
        <translation>从每个词元连向它所关注词元的连线</translation>
    </message>
    <message>
        <source>The text&apos;s tokens in two columns, joined by one colour per head; the stronger the attention, the darker the line.</source>
        <translation>文本的词元分成两列，每个头用一种颜色连线；注意力越强，线条越深。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>The same text through two models, side by side</source>
        <translation>同一段文本经过两个模型，并排对比</translation>
    </message>
    <message>
        <source>Show attention for the text first; then name a second model with the same tokenizer to see both maps and their difference.</source>
        <translation>请先显示这段文本的注意力；再指定一个使用相同分词器的第二个模型，即可查看两张注意力图及其差异。</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>The model&apos;s vocabulary as a map</source>
        <translation>以地图形式查看模型的词表</translation>
    </message>
    <message>
        <source>Each vocabulary entry&apos;s input embedding, projected to 2-D: tokens used alike end up close together.</source>
        <translation>每个词表条目的输入嵌入投影到二维平面：用法相近的词元会彼此靠近。</translation>
    </message>
    <message>
        <source>Head patterns (this layer)</source>
        <translation>头的模式（本层）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
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
        <source>Save the current view or maps as {format}</source>
        <translation>将当前视图或注意力图保存为 {format}</translation>
    </message>
    <message>
        <source>No model is loaded yet: open the small built-in story model (tiny-stories) to see its attention on the example text.</source>
        <translation>尚未加载模型：打开小型内置故事模型（tiny-stories），即可查看它在示例文本上的注意力。</translation>
    </message>
    <message>
        <source>Open tiny-stories and show attention</source>
        <translation>打开 tiny-stories 并显示注意力</translation>
    </message>
    <message>
        <source>Load a model first (Models page).</source>
        <translation>请先加载模型（模型页面）。</translation>
    </message>
    <message>
        <source>Tokens from {start} on were generated by the model.</source>
        <translation>从第 {start} 个词元起是模型生成的。</translation>
    </message>
    <message>
        <source>head {head}</source>
        <translation>头 {head}</translation>
    </message>
    <message>
        <source>{error}. Showing the mean of heads instead.</source>
        <translation>{error}。改为显示各头的平均。</translation>
    </message>
    <message>
        <source>Show attention for a text first, then name a second model.</source>
        <translation>请先显示一段文本的注意力，再指定第二个模型。</translation>
    </message>
    <message>
        <source>Save view as PNG</source>
        <translation>将视图保存为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Save maps</source>
        <translation>保存注意力图</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy 归档 (*.npz)</translation>
    </message>
    <message>
        <source>Save matrix</source>
        <translation>保存矩阵</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>BudgetBox</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>The most memory the attention maps of one extraction may take. A longer text is cut to what fits, and the notes say so. auto: a quarter of the free memory (now {budget} of {free} free).</source>
        <translation>一次提取的注意力图最多可占用的内存。更长的文本会被截断到放得下的长度，并在说明中注明。自动：空闲内存的四分之一（当前空闲 {free}，即 {budget}）。</translation>
    </message>
    <message>
        <source>The attention maps of one extraction may take at most {mb} MB; a longer text is cut to what fits.</source>
        <translation>一次提取的注意力图最多占用 {mb} MB；更长的文本会被截断到放得下的长度。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Loading {source} ...</source>
        <translation>正在加载 {source} …</translation>
    </message>
    <message>
        <source>Extracting attention ...</source>
        <translation>正在提取注意力 …</translation>
    </message>
    <message>
        <source>Second model: a folder (a fine-tuned run&apos;s model, or an ONNX export made with attention maps), hub id or builtin:NAME</source>
        <translation>第二个模型：文件夹（微调运行得到的模型，或带注意力图导出的 ONNX）、Hub ID 或 builtin:NAME</translation>
    </message>
    <message>
        <source>Load and compare</source>
        <translation>加载并对比</translation>
    </message>
    <message>
        <source>Compare the current text through a second model with the same tokenizer.</source>
        <translation>用分词器相同的第二个模型处理当前文本并进行对比。</translation>
    </message>
    <message>
        <source>Loaded model</source>
        <translation>已加载的模型</translation>
    </message>
    <message>
        <source>Second model</source>
        <translation>第二个模型</translation>
    </message>
    <message>
        <source>Difference (second − loaded)</source>
        <translation>差值（第二个 − 已加载）</translation>
    </message>
    <message>
        <source>Both maps and their difference will appear here</source>
        <translation>两张注意力图及其差异将显示在这里</translation>
    </message>
    <message>
        <source>Name a second model above (a folder, a hub id or builtin:NAME) that splits the text into the same tokens, then press Load and compare.</source>
        <translation>在上方指定第二个模型（文件夹、Hub ID 或 builtin:NAME），它须将文本切分为相同的词元，然后点击“加载并对比”。</translation>
    </message>
    <message>
        <source>Second model: {name}</source>
        <translation>第二个模型：{name}</translation>
    </message>
    <message>
        <source>The second model has no attention of the kind shown ({kind}).</source>
        <translation>第二个模型没有当前所示类型的注意力（{kind}）。</translation>
    </message>
    <message>
        <source>The two models split the text into different tokens, so their maps cannot be subtracted; compare models that share a tokenizer.</source>
        <translation>两个模型把文本切分成了不同的词元，注意力图无法相减；请对比使用同一分词器的模型。</translation>
    </message>
    <message>
        <source>The two models have different numbers of layers or heads.</source>
        <translation>两个模型的层数或头数不同。</translation>
    </message>
    <message>
        <source>Largest difference {largest}, mean {mean}</source>
        <translation>最大差值 {largest}，平均 {mean}</translation>
    </message>
</context>
<context>
    <name>EmbeddingsView</name>
    <message>
        <source>principal component 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>principal component 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>A word or token, e.g. cat</source>
        <translation>一个词或词元，例如“cat”</translation>
    </message>
    <message>
        <source>Nearest neighbours</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <source>Compute projection</source>
        <translation>计算投影</translation>
    </message>
    <message>
        <source>Each point is a vocabulary entry&apos;s input embedding, projected to 2-D with PCA. Tokens used alike end up close together.</source>
        <translation>每个点是词表中一个条目的输入嵌入，用 PCA 投影到二维。用法相近的词元会彼此靠近。</translation>
    </message>
    <message>
        <source>Nearest by cosine similarity (full embedding, not the 2-D view):</source>
        <translation>按余弦相似度排列的最近邻（基于完整嵌入，而非二维视图）：</translation>
    </message>
    <message>
        <source>The embedding map will appear here</source>
        <translation>嵌入分布图将显示在这里</translation>
    </message>
    <message>
        <source>Each point will be a vocabulary entry&apos;s input embedding, projected to 2-D with PCA; then search a word for its nearest neighbours.</source>
        <translation>每个点代表一个词表条目的输入嵌入，经 PCA 投影到二维；之后可搜索一个词，查看它的最近邻。</translation>
    </message>
    <message>
        <source>Load a model first (Models page).</source>
        <translation>请先加载模型（模型页面）。</translation>
    </message>
    <message>
        <source>{shown} of {total} vocabulary entries; the axes hold {first} and {second} of the variance. Hover a point to see its token.</source>
        <translation>显示词表 {total} 个条目中的 {shown} 个；两条坐标轴分别解释了 {first} 和 {second} 的方差。将鼠标悬停在点上可查看其词元。</translation>
    </message>
    <message>
        <source>{token} (id {id})</source>
        <translation>{token}（id {id}）</translation>
    </message>
</context>
<context>
    <name>ModelGrid</name>
    <message>
        <source>{layers} layers × {heads} heads; click a thumbnail to open it in the heatmap.</source>
        <translation>{layers} 层 × {heads} 头；点击缩略图可在热力图中打开。</translation>
    </message>
</context>
</TS>
