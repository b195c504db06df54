<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionStepsTab</name>
    <message>
        <source>1. Queries Q</source>
        <translation>1. 查询 Q</translation>
    </message>
    <message>
        <source>Each token&apos;s hidden state times the query weights W_Q: what this token is looking for.</source>
        <translation>每个词元的隐藏状态乘以查询权重 W_Q：表示这个词元在寻找什么。</translation>
    </message>
    <message>
        <source>2. Keys K</source>
        <translation>2. 键 K</translation>
    </message>
    <message>
        <source>Times the key weights W_K: what each token offers to be found by.</source>
        <translation>乘以键权重 W_K：表示每个词元凭什么特征被别的词元找到。</translation>
    </message>
    <message>
        <source>3. Scores QKᵀ</source>
        <translation>3. 分数 QKᵀ</translation>
    </message>
    <message>
        <source>Every query dotted with every key: how well they match (row = query, column = key).</source>
        <translation>每个查询与每个键做点积：衡量二者有多匹配（行 = 查询，列 = 键）。</translation>
    </message>
    <message>
        <source>4. Scaled by 1/√d_k</source>
        <translation>4. 乘以 1/√d_k 进行缩放</translation>
    </message>
    <message>
        <source>Divided by √d_k so the scores do not grow with the head size and the softmax stays soft.</source>
        <translation>除以 √d_k，使分数不会随头的维度增大而变大，softmax 的分布也就不会过于尖锐。</translation>
    </message>
    <message>
        <source>5. Mask</source>
        <translation>5. 掩码</translation>
    </message>
    <message>
        <source>A causal model may not look at later tokens: those scores become −∞.</source>
        <translation>因果模型不能看到后面的词元：这些位置的分数被设为 −∞。</translation>
    </message>
    <message>
        <source>6. Softmax</source>
        <translation>6. Softmax</translation>
    </message>
    <message>
        <source>Each row becomes probabilities that sum to 1: the attention map.</source>
        <translation>每一行变成总和为 1 的概率：这就是注意力图。</translation>
    </message>
    <message>
        <source>7. Values V</source>
        <translation>7. 值 V</translation>
    </message>
    <message>
        <source>Times the value weights W_V: what each token passes on.</source>
        <translation>乘以值权重 W_V：表示每个词元要传递出去的信息。</translation>
    </message>
    <message>
        <source>8. Output = weights · V</source>
        <translation>8. 输出 = 权重 · V</translation>
    </message>
    <message>
        <source>Each token&apos;s new vector is the weighted average of the values.</source>
        <translation>每个词元的新向量就是各个值按注意力权重求得的加权平均。</translation>
    </message>
    <message>
        <source>the cat sat on the mat</source>
        <translation>乐乐请亮亮帮忙。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
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
        <source>Dims shown</source>
        <translation>显示维数</translation>
    </message>
    <message>
        <source>One attention head, step by step</source>
        <translation>一个注意力头，逐步计算</translation>
    </message>
    <message>
        <source>The queries, keys, scores, softmax weights and values of one layer and head, as small tables over the tokens of the text.</source>
        <translation>某一层某个头的查询、键、分数、softmax 权重和值，以文本词元为行列的小表格展示。</translation>
    </message>
    <message>
        <source>Causal model: later tokens are masked.</source>
        <translation>因果模型：后面的词元被遮盖。</translation>
    </message>
    <message>
        <source>Encoder: every token sees every token.</source>
        <translation>编码器：每个词元都能看到所有词元。</translation>
    </message>
    <message>
        <source>Layer {layer}, head {head}: d_k = {d_k}, so scores are divided by √{d_k} = {root}. {kind} Showing the first {n} of {d_k} dimensions of Q, K, V and the output.</source>
        <translation>第 {layer} 层，头 {head}：d_k = {d_k}，因此分数要除以 √{d_k} = {root}。{kind}下面显示 Q、K、V 和输出 {d_k} 个维度中的前 {n} 个。</translation>
    </message>
</context>
<context>
    <name>ExampleTab</name>
    <message>
        <source>{what} Open a model to see it computed on it, or start with the built-in story model.</source>
        <translation>{what}打开一个模型即可看到在它上面的计算结果，或先从内置的故事模型开始。</translation>
    </message>
    <message>
        <source>Open tiny-stories</source>
        <translation>打开 tiny-stories</translation>
    </message>
    <message>
        <source>Computing ...</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>FineTuneTab</name>
    <message>
        <source>Loading the run&apos;s models ...</source>
        <translation>正在加载该运行的模型 …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Run folder...</source>
        <translation>运行文件夹…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Fine-tuning changes a model&apos;s weights with your data. Pick a training run: the same text goes through the model it started from and the model it ended with.</source>
        <translation>微调会用你的数据改变模型的权重。选择一次训练运行：同一段文本会分别送入它开始时的模型和结束时的模型。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
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
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>{name}  ({task}, {model}, {state} at step {step})</source>
        <translation>{name}（{task}，{model}，第 {step} 步时{state}）</translation>
    </message>
    <message>
        <source>A training run folder</source>
        <translation>训练运行文件夹</translation>
    </message>
    <message>
        <source>The same text, before and after training</source>
        <translation>同一段文本，训练前与训练后</translation>
    </message>
    <message>
        <source>The model the run started from and the model it ended with, side by side: each one&apos;s continuation and loss on your text (or its labels).</source>
        <translation>运行开始时的模型与结束时的模型并排对比：各自在你的文本上的续写和损失（或标签）。</translation>
    </message>
    <message>
        <source>No finished training run yet</source>
        <translation>还没有已完成的训练运行</translation>
    </message>
    <message>
        <source>Train a model on the Training page (a few steps are enough), or pick a run folder: its model before and after training will appear here.</source>
        <translation>在训练页面训练一个模型（几步就够），或选择一个运行文件夹：它训练前后的模型会显示在这里。</translation>
    </message>
    <message>
        <source>Open the Training page</source>
        <translation>打开训练页面</translation>
    </message>
    <message>
        <source>No finished run yet: train one on the Training page (or pick a run folder).</source>
        <translation>还没有已结束的运行：请在训练页面训练一个（或选择一个运行文件夹）。</translation>
    </message>
</context>
<context>
    <name>LearnPage</name>
    <message>
        <source>Tokenisation</source>
        <translation>分词</translation>
    </message>
    <message>
        <source>Attention, step by step</source>
        <translation>逐步理解注意力</translation>
    </message>
    <message>
        <source>The loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Fine-tuning: before and after</source>
        <translation>微调：前后对比</translation>
    </message>
    <message>
        <source>Load a model to see these ideas computed on it.</source>
        <translation>加载一个模型，即可看到这些概念在它上面的实际计算。</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Computed on {source}</source>
        <translation>计算所用模型：{source}</translation>
    </message>
    <message>
        <source>{layers} layers × {heads} heads, vocabulary of {vocab} tokens (Playground → Tokenizer shows the same split live as you type).</source>
        <translation>{layers} 层 × {heads} 个头，词表含 {vocab} 个词元（试验场 → 分词器会在你输入时实时显示同样的切分）。</translation>
    </message>
</context>
<context>
    <name>LossTab</name>
    <message>
        <source>Once upon a time there was a little cat.</source>
        <translation>从前，有一只勇敢的小狮子，叫妞妞。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>True next token</source>
        <translation>真实的下一个词元</translation>
    </message>
    <message>
        <source>p(true)</source>
        <translation>p(真实)</translation>
    </message>
    <message>
        <source>−ln p</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Model expected</source>
        <translation>模型的预期</translation>
    </message>
    <message>
        <source>A language model is trained to give the true next token a high probability. Its loss at each position is the cross-entropy −ln p(true next token); the training loss is the mean over positions, and perplexity is e^loss.</source>
        <translation>训练语言模型，就是让它给真实的下一个词元分配较高的概率。它在每个位置上的损失是交叉熵，即真实的下一个词元的负对数概率；训练损失是所有位置上的平均值，困惑度则等于 e^损失。</translation>
    </message>
    <message>
        <source>The loss, position by position</source>
        <translation>逐个位置的损失</translation>
    </message>
    <message>
        <source>For each token of the text: the probability the model gave it, its cross-entropy and what the model expected instead.</source>
        <translation>文本中的每个词元：模型给它的概率、它的交叉熵，以及模型原本预期的词元。</translation>
    </message>
    <message>
        <source>Mean cross-entropy over {count} positions: &lt;b&gt;{loss}&lt;/b&gt; (the model&apos;s own loss: {model_loss}); perplexity {perplexity}.</source>
        <translation>{count} 个位置上的平均交叉熵：&lt;b&gt;{loss}&lt;/b&gt;（模型自身计算的损失：{model_loss}）；困惑度 {perplexity}。</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Prediction: &lt;b&gt;{label}&lt;/b&gt; ({probability})</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;（{probability}）</translation>
    </message>
    <message>
        <source>Loss on your text: &lt;b&gt;{loss}&lt;/b&gt; (lower is better)</source>
        <translation>在你的文本上的损失：&lt;b&gt;{loss}&lt;/b&gt;（越低越好）</translation>
    </message>
    <message>
        <source>Greedy continuation:</source>
        <translation>贪心续写：</translation>
    </message>
</context>
<context>
    <name>TokensTab</name>
    <message>
        <source>Unbelievable, the dragon&apos;s friends played!</source>
        <translation>注意力机制让每个词看到其他词</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Vocabulary pieces</source>
        <translation>词表片段</translation>
    </message>
    <message>
        <source>Ids</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A model never sees letters: its tokenizer cuts the text into pieces from a fixed vocabulary and hands over their numbers (ids). Each id picks one row of the embedding matrix, and that vector is what the first layer works on.</source>
        <translation>模型从来看不到字母：它的分词器把文本切成固定词表中的片段，交给模型的是这些片段的编号（ID）。每个 ID 选出嵌入矩阵中的一行，第一层处理的就是这个向量。</translation>
    </message>
    <message>
        <source>The text, step by step through the tokenizer</source>
        <translation>文本逐步经过分词器</translation>
    </message>
    <message>
        <source>Its words, the vocabulary pieces they are cut into, their ids and the embedding rows those ids select.</source>
        <translation>文本中的词、它们被切成的词表片段、对应的 id，以及这些 id 选中的嵌入行。</translation>
    </message>
    <message>
        <source>the {algorithm} tokenizer&apos;s own rules</source>
        <translation>{algorithm} 分词器自己的规则</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Words, 2. pieces.&lt;/b&gt; This tokenizer uses {explanation}. Its vocabulary has {size} pieces; a word that is not one of them is cut into several.</source>
        <translation>&lt;b&gt;1. 切词，2. 切片段。&lt;/b&gt;这个分词器使用{explanation}。它的词表有 {size} 个片段；不在词表中的词会被切成几个片段。</translation>
    </message>
    <message>
        <source>The tokenizer adds its special tokens {tokens}.</source>
        <translation>分词器加入了它的特殊词元 {tokens}。</translation>
    </message>
    <message>
        <source>This tokenizer adds no special tokens.</source>
        <translation>这个分词器不加入特殊词元。</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Ids.&lt;/b&gt; The model receives {count} ids: &lt;tt&gt;{ids}&lt;/tt&gt;. {special}</source>
        <translation>&lt;b&gt;3. ID。&lt;/b&gt;模型收到 {count} 个 ID：&lt;tt&gt;{ids}&lt;/tt&gt;。{special}</translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Embeddings.&lt;/b&gt; (An ONNX export: its embedding matrix is inside the graph.)</source>
        <translation>&lt;b&gt;4. 嵌入。&lt;/b&gt;（这是 ONNX 导出：它的嵌入矩阵在计算图内部。）</translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Embeddings.&lt;/b&gt; The embedding matrix is {rows} × {hidden} (a row per vocabulary piece). Each id selects its row; the first {k} of its {hidden} numbers:</source>
        <translation>&lt;b&gt;4. 嵌入。&lt;/b&gt;嵌入矩阵的大小为 {rows} × {hidden}（词表中每个片段一行）。每个 ID 选出自己的那一行；下面是该行 {hidden} 个数中的前 {k} 个：</translation>
    </message>
</context>
</TS>
