"""Qt-free ONNX Runtime inference: open an exported folder (open_onnx) and run the Playground
features on it (generate, classify, fill-mask, embeddings); see backend.py for one API over
both backends."""
