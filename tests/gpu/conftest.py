"""GPU tests: they run on a machine with CUDA (`pytest tests/gpu` there) and are skipped elsewhere.

CI has no GPU, so these paths are checked by hand on a GPU machine; see the closing notes.
"""

import pytest


def pytest_collection_modifyitems(config, items):
    try:
        import torch

        has_cuda = torch.cuda.is_available()
    except Exception:
        has_cuda = False
    if has_cuda:
        return
    skip = pytest.mark.skip(reason="needs a CUDA GPU (run `pytest tests/gpu` on a GPU machine)")
    for item in items:
        if "tests/gpu/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(skip)
