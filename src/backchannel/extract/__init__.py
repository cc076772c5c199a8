"""Doc -> mentions: entities, events, relations, sourcing and time, as frozen dataclasses."""
