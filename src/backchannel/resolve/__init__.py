"""Entity resolution: which names denote one real-world actor.

``names`` folds names into keys (pure functions).
"""

from .names import acronym, initials_match, org_key, person_key, split_on_behalf

__all__ = ["acronym", "initials_match", "org_key", "person_key", "split_on_behalf"]
