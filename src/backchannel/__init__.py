"""Backchannel: a sourced, time-aware map of political influence over government contracting."""

__version__ = "0.1.0"
