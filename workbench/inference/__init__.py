"""Qt-free ONNX Runtime inference: open an exported folder (open_onnx) and run the Playground
features on it (generate, classify, fill-mask, embeddings, attention). OnnxModel's methods are
the ONNX half of workbench.backends.Backend; open either backend with workbench.backends.open_model."""
