"""The pages of the main window, in navigation order.

Each entry is (title, "module:Class"). A page class takes (state: AppState, parent) and may
define `on_shown()`. Entries whose module is not present (a feature not built yet) are left out,
so the window only shows what works.
"""

PAGES: tuple[tuple[str, str], ...] = (
    ("Welcome", "workbench.gui.welcome.page:WelcomePage"),
    ("Models", "workbench.gui.models.page:ModelsPage"),
    ("Playground", "workbench.gui.playground.page:PlaygroundPage"),
    ("Attention", "workbench.gui.attention.page:AttentionPage"),
    ("Training", "workbench.gui.training.page:TrainingPage"),
    ("Export", "workbench.gui.export.page:ExportPage"),
    ("Evaluate", "workbench.gui.evaluate.page:EvaluatePage"),
    ("Learn", "workbench.gui.learn.page:LearnPage"),
)
