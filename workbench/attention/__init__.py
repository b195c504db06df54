"""Attention maps (Qt-free): extraction, aggregations, view filters, embedding projector."""

from workbench.attention.maps import AttentionMaps, AttentionSet, extract_attention, extract_generated

__all__ = ["AttentionMaps", "AttentionSet", "extract_attention", "extract_generated"]
