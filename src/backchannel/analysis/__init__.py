"""Questions over the store: the influence timeline of an entity."""

from .influence import influence

__all__ = ["influence"]
