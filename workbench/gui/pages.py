"""The pages of the main window, in navigation order.

Each entry is (title, "module:Class"). A page class takes (state: AppState, parent) and may
define `on_shown()`. Entries whose module is not present (a feature not built yet) are left out,
so the window only shows what works.
"""

PAGES: tuple[tuple[str, str], ...] = (
    ("Welcome", "workbench.gui.views.welcome_page:WelcomePage"),
    ("Models", "workbench.gui.views.models_page:ModelsPage"),
    ("Playground", "workbench.gui.views.playground_page:PlaygroundPage"),
    ("Attention", "workbench.gui.views.attention_page:AttentionPage"),
    ("Training", "workbench.gui.views.training_page:TrainingPage"),
    ("Export", "workbench.gui.views.export_page:ExportPage"),
    ("Learn", "workbench.gui.views.learn_page:LearnPage"),
)
