"""The Attention explorer: heatmap, model grid, head view, compare, embeddings."""
