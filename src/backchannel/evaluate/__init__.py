"""Evaluation: gold annotations, scoring, the co-occurrence baseline and the MEANTIME corpus."""
