"""The Playground page and its task tabs."""
