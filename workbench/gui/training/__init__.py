"""The Training page: the form, the live dashboard, the runs history and the attention replay."""
