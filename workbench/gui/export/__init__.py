"""The Export page: the ONNX export form, its report and the benchmark."""
