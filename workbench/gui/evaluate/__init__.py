"""The Evaluate page: several models on one held-out file, the figures side by side, each example's score."""
