"""The GUI's thread bridges: Runner (one-shot jobs on the thread pool) and TrainingSession
(a training run on its own QThread). All work leaves the GUI thread through these two."""
