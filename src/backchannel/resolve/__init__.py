"""Entity resolution: which names denote one real-world actor.

``names`` folds names into keys (pure functions); ``match`` holds a ``NameIndex`` of known names that
a new name is matched against, and finds likely duplicates among them for review.
"""

from .match import FUZZY_THRESHOLD, Match, NameIndex, gazetteer_index
from .names import acronym, initials_match, org_key, person_key, split_on_behalf

__all__ = [
    "FUZZY_THRESHOLD",
    "Match",
    "NameIndex",
    "acronym",
    "gazetteer_index",
    "initials_match",
    "org_key",
    "person_key",
    "split_on_behalf",
]
