"""Qt-free ONNX export: export_model(...) writes the graphs, proves parity with PyTorch
(export_report.json) and builds the optional optimised/fp16/int8 variants, each re-validated."""
