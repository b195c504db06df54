"""The Models page: open a hub id, a folder, a built-in or an ONNX export."""
