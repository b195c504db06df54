"""Fixtures the core's test files share."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def stories_lm():
    """builtin:tiny-stories on the CPU (test_builtins, test_builtins_zh)."""
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    return load_model(ModelSpec("builtin:tiny-stories", device="cpu"))


@pytest.fixture(scope="session")
def sentiment():
    """builtin:tiny-sentiment on the CPU."""
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    return load_model(ModelSpec("builtin:tiny-sentiment", device="cpu"))
