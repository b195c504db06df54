"""The GUI's thread bridges, the only places where work or data cross to the GUI thread:
Runner (one-shot jobs on the thread pool), TrainingSession (a training run on its own QThread) and
the log handler (records logged on any thread). Each hands results to a GUI-thread QObject whose
signals are delivered queued."""
