"""Evaluate: one held-out file, several models (hub/local/built-in, a run's checkpoints, an export's
variants), the figures side by side. Qt-free; the Evaluate page and `workbench eval` call run_eval.

    from workbench.evaluate import EvalJob, run_eval
    results = run_eval(EvalJob("held-out.csv", ("builtin:tiny-sentiment", "runs/my-run")))
"""

from workbench.evaluate.data import Columns
from workbench.evaluate.results import EvalResults, ModelResult, list_saved, load
from workbench.evaluate.run import EvalJob, EvalProgress, ModelEvaluated, run_eval

__all__ = ["Columns", "EvalJob", "EvalProgress", "EvalResults", "ModelEvaluated", "ModelResult", "list_saved",
           "load", "run_eval"]
