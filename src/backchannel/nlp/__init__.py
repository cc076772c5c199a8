"""The spaCy pipeline: the small English model plus Backchannel's gazetteer ruler and name fixes."""

from .pipeline import build_pipeline, get_pipeline

__all__ = ["build_pipeline", "get_pipeline"]
